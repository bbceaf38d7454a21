// Decompresses a file as it streams in, detecting gzip and bzip2 from their
// magic bytes; anything else passes through unchanged.
#ifndef FACTCHECK_SERVER_STREAM_DECOMPRESSOR_H_
#define FACTCHECK_SERVER_STREAM_DECOMPRESSOR_H_

#include <memory>
#include <string>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace factcheck {

enum class Compression {
  kUnknown,  // Fewer than three bytes seen so far.
  kNone,
  kGzip,   // 1f 8b (RFC 1952); concatenated members are read as one file.
  kBzip2,  // "BZh"; concatenated streams (pbzip2, lbzip2) likewise.
};

// Feed it the file's bytes in chunks of any size; it hands the decompressed
// bytes to `out`, in pieces of at most kOutputBytes, as soon as they are
// decoded. Memory stays bounded whatever the file's size.
class StreamDecompressor {
 public:
  // Size of the output pieces.
  static constexpr std::size_t kOutputBytes = 256 * 1024;

  using Sink = absl::FunctionRef<absl::Status(absl::string_view)>;

  StreamDecompressor();
  ~StreamDecompressor();

  // Decodes `chunk`. InvalidArgument when the compressed data is corrupt;
  // an error from `out` stops decoding and is returned.
  absl::Status Feed(absl::string_view chunk, Sink out);
  // At the end of the file: InvalidArgument when a compressed stream ends
  // early (a truncated file).
  absl::Status Finish(Sink out);

  Compression compression() const { return compression_; }

 private:
  struct Codec;
  absl::Status Decode(absl::string_view chunk, Sink out);

  Compression compression_ = Compression::kUnknown;
  // The first bytes, kept until there are enough to tell the format.
  std::string head_;
  std::unique_ptr<Codec> codec_;
};

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_STREAM_DECOMPRESSOR_H_
