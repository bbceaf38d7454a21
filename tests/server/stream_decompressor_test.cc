// Specification of StreamDecompressor: format detection from the first
// bytes, and the same output whatever the chunk boundaries.
#include "server/stream_decompressor.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/support/compress.h"

namespace factcheck {
namespace {

using testing::Bzip2Compress;
using testing::GzipCompress;

// Some lines, long enough to span several output pieces when compressed
// well (repetitive text decompresses to many times its size).
std::string SampleText() {
  std::string text;
  for (int i = 0; i < 40000; ++i) {
    absl::StrAppend(&text, "{\"id\":\"event-", i, "\",\"title\":\"Event ", i,
                    "\"}\n");
  }
  return text;
}

struct Decoded {
  absl::Status status;
  std::string text;
  Compression compression = Compression::kUnknown;
};

// Feeds `data` in chunks of `chunk` bytes and collects the output.
Decoded Decode(const std::string& data, std::size_t chunk) {
  StreamDecompressor decompressor;
  Decoded out;
  const auto sink = [&](absl::string_view bytes) {
    out.text.append(bytes.data(), bytes.size());
    return absl::OkStatus();
  };
  for (std::size_t at = 0; at < data.size(); at += chunk) {
    out.status =
        decompressor.Feed(absl::string_view(data).substr(at, chunk), sink);
    if (!out.status.ok()) return out;
  }
  out.status = decompressor.Finish(sink);
  out.compression = decompressor.compression();
  return out;
}

TEST(StreamDecompressorTest, PlainTextPassesThroughAtAnyChunkSize) {
  const std::string text = SampleText();
  for (std::size_t chunk : {1u, 2u, 3u, 1000u, 65536u}) {
    const Decoded d = Decode(text, chunk);
    ASSERT_TRUE(d.status.ok()) << d.status;
    EXPECT_EQ(d.compression, Compression::kNone);
    EXPECT_EQ(d.text, text) << "chunk " << chunk;
  }
}

TEST(StreamDecompressorTest, GzipIsDetectedAndDecodedAtAnyChunkSize) {
  const std::string text = SampleText();
  const std::string gz = GzipCompress(text);
  for (std::size_t chunk : {std::size_t{1}, std::size_t{2}, std::size_t{7},
                            std::size_t{4096}, gz.size()}) {
    const Decoded d = Decode(gz, chunk);
    ASSERT_TRUE(d.status.ok()) << d.status << " chunk " << chunk;
    EXPECT_EQ(d.compression, Compression::kGzip);
    EXPECT_EQ(d.text, text) << "chunk " << chunk;
  }
}

TEST(StreamDecompressorTest, Bzip2IsDetectedAndDecodedAtAnyChunkSize) {
  const std::string text = SampleText();
  const std::string bz2 = Bzip2Compress(text);
  for (std::size_t chunk :
       {std::size_t{1}, std::size_t{3}, std::size_t{4096}, bz2.size()}) {
    const Decoded d = Decode(bz2, chunk);
    ASSERT_TRUE(d.status.ok()) << d.status << " chunk " << chunk;
    EXPECT_EQ(d.compression, Compression::kBzip2);
    EXPECT_EQ(d.text, text) << "chunk " << chunk;
  }
}

TEST(StreamDecompressorTest, ConcatenatedMembersReadAsOneFile) {
  const Decoded gz =
      Decode(GzipCompress("first\n") + GzipCompress("second\n"), 5);
  ASSERT_TRUE(gz.status.ok()) << gz.status;
  EXPECT_EQ(gz.text, "first\nsecond\n");
  const Decoded bz2 =
      Decode(Bzip2Compress("first\n") + Bzip2Compress("second\n"), 5);
  ASSERT_TRUE(bz2.status.ok()) << bz2.status;
  EXPECT_EQ(bz2.text, "first\nsecond\n");
}

TEST(StreamDecompressorTest, TruncatedFileFailsAtTheEnd) {
  const std::string gz = GzipCompress(SampleText());
  const Decoded d = Decode(gz.substr(0, gz.size() / 2), 4096);
  ASSERT_FALSE(d.status.ok());
  EXPECT_TRUE(absl::StrContains(d.status.message(), "gzip data ends early"))
      << d.status;
  const std::string bz2 = Bzip2Compress(SampleText());
  EXPECT_FALSE(Decode(bz2.substr(0, bz2.size() / 2), 4096).status.ok());
}

TEST(StreamDecompressorTest, CorruptDataIsInvalidArgument) {
  std::string gz = GzipCompress(SampleText());
  for (std::size_t i = 20; i < 200; ++i)
    gz[i] = static_cast<char>(gz[i] ^ 0x5a);
  const Decoded d = Decode(gz, 4096);
  EXPECT_EQ(d.status.code(), absl::StatusCode::kInvalidArgument) << d.status;
}

TEST(StreamDecompressorTest, TinyAndEmptyFilesArePlain) {
  const Decoded two = Decode("[\n", 1);
  ASSERT_TRUE(two.status.ok());
  EXPECT_EQ(two.text, "[\n");
  EXPECT_EQ(two.compression, Compression::kNone);
  const Decoded empty = Decode("", 1);
  ASSERT_TRUE(empty.status.ok());
  EXPECT_EQ(empty.text, "");
}

}  // namespace
}  // namespace factcheck
