#include "server/stream_decompressor.h"

#include <bzlib.h>
#include <zlib.h>

#include <cstring>
#include <vector>

#include "absl/strings/str_cat.h"

namespace factcheck {

// One of zlib's or libbz2's stream states, with the output buffer.
struct StreamDecompressor::Codec {
  explicit Codec(Compression c) : compression(c), output(kOutputBytes) {
    if (compression == Compression::kGzip) {
      // 16 + window bits: gzip framing only, with its CRC checked.
      ok = inflateInit2(&zlib, 16 + MAX_WBITS) == Z_OK;
    } else {
      ok = BZ2_bzDecompressInit(&bzip2, /*verbosity=*/0, /*small=*/0) == BZ_OK;
    }
  }
  ~Codec() {
    if (!ok) return;
    if (compression == Compression::kGzip) {
      inflateEnd(&zlib);
    } else {
      BZ2_bzDecompressEnd(&bzip2);
    }
  }
  Codec(const Codec&) = delete;
  Codec& operator=(const Codec&) = delete;

  const Compression compression;
  bool ok = false;
  // True between the end of one compressed stream and the start of the
  // next: the only state in which the file may end.
  bool at_stream_end = true;
  z_stream zlib{};
  bz_stream bzip2{};
  std::vector<char> output;
};

StreamDecompressor::StreamDecompressor() = default;
StreamDecompressor::~StreamDecompressor() = default;

absl::Status StreamDecompressor::Feed(absl::string_view chunk, Sink out) {
  if (compression_ == Compression::kUnknown) {
    head_.append(chunk.data(), chunk.size());
    if (head_.size() < 3) return absl::OkStatus();
    if (static_cast<unsigned char>(head_[0]) == 0x1f &&
        static_cast<unsigned char>(head_[1]) == 0x8b) {
      compression_ = Compression::kGzip;
    } else if (head_.compare(0, 3, "BZh") == 0) {
      compression_ = Compression::kBzip2;
    } else {
      compression_ = Compression::kNone;
    }
    if (compression_ != Compression::kNone) {
      codec_ = std::make_unique<Codec>(compression_);
      if (!codec_->ok) {
        return absl::ResourceExhaustedError(
            "cannot start the decompressor (out of memory)");
      }
    }
    const std::string head = std::move(head_);
    head_.clear();
    return Decode(head, out);
  }
  return Decode(chunk, out);
}

absl::Status StreamDecompressor::Finish(Sink out) {
  if (compression_ == Compression::kUnknown) {
    // Too short to be compressed.
    compression_ = Compression::kNone;
    const std::string head = std::move(head_);
    head_.clear();
    return head.empty() ? absl::OkStatus() : out(head);
  }
  if (codec_ != nullptr && !codec_->at_stream_end) {
    return absl::InvalidArgumentError(
        absl::StrCat(compression_ == Compression::kGzip ? "gzip" : "bzip2",
                     " data ends early (a truncated file?)"));
  }
  return absl::OkStatus();
}

absl::Status StreamDecompressor::Decode(absl::string_view chunk, Sink out) {
  if (codec_ == nullptr) return chunk.empty() ? absl::OkStatus() : out(chunk);
  Codec& c = *codec_;
  const bool gzip = c.compression == Compression::kGzip;
  const char* name = gzip ? "gzip" : "bzip2";
  // zlib and libbz2 take non-const input pointers but do not write to them.
  char* in = const_cast<char*>(chunk.data());
  std::size_t in_left = chunk.size();
  while (true) {
    std::size_t produced = 0;
    std::size_t consumed = 0;
    bool stream_end = false;
    if (gzip) {
      // Chunks come from gRPC messages, far below zlib's 4 GiB uInt.
      c.zlib.next_in = reinterpret_cast<Bytef*>(in);
      c.zlib.avail_in = static_cast<uInt>(in_left);
      c.zlib.next_out = reinterpret_cast<Bytef*>(c.output.data());
      c.zlib.avail_out = static_cast<uInt>(c.output.size());
      const int r = inflate(&c.zlib, Z_NO_FLUSH);
      consumed = in_left - c.zlib.avail_in;
      produced = c.output.size() - c.zlib.avail_out;
      if (r == Z_STREAM_END) {
        stream_end = true;
      } else if (r != Z_OK && r != Z_BUF_ERROR) {
        return absl::InvalidArgumentError(absl::StrCat(
            "the gzip data is corrupt: ",
            c.zlib.msg != nullptr ? c.zlib.msg : "error", " (", r, ")"));
      }
    } else {
      c.bzip2.next_in = in;
      c.bzip2.avail_in = static_cast<unsigned>(in_left);
      c.bzip2.next_out = c.output.data();
      c.bzip2.avail_out = static_cast<unsigned>(c.output.size());
      const int r = BZ2_bzDecompress(&c.bzip2);
      consumed = in_left - c.bzip2.avail_in;
      produced = c.output.size() - c.bzip2.avail_out;
      if (r == BZ_STREAM_END) {
        stream_end = true;
      } else if (r != BZ_OK) {
        return absl::InvalidArgumentError(
            absl::StrCat("the bzip2 data is corrupt (error ", r, ")"));
      }
    }
    in += consumed;
    in_left -= consumed;
    if (consumed > 0 || produced > 0) c.at_stream_end = false;
    if (produced > 0) {
      if (absl::Status s = out(absl::string_view(c.output.data(), produced));
          !s.ok()) {
        return s;
      }
    }
    if (stream_end) {
      c.at_stream_end = true;
      if (in_left == 0) return absl::OkStatus();
      // Another member follows (gzip -c a b, pbzip2): start over on it.
      if (gzip) {
        if (inflateReset(&c.zlib) != Z_OK) {
          return absl::InternalError("cannot restart the gzip decoder");
        }
      } else {
        BZ2_bzDecompressEnd(&c.bzip2);
        c.bzip2 = bz_stream{};
        if (BZ2_bzDecompressInit(&c.bzip2, 0, 0) != BZ_OK) {
          c.ok = false;
          return absl::ResourceExhaustedError("cannot restart the decoder");
        }
      }
      continue;
    }
    // All input taken and the output buffer not filled: nothing is pending.
    if (in_left == 0 && produced < c.output.size()) return absl::OkStatus();
    if (consumed == 0 && produced == 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("the ", name, " decoder made no progress"));
    }
  }
}

}  // namespace factcheck
