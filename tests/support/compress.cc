#include "tests/support/compress.h"

#include <bzlib.h>
#include <zlib.h>

#include <cstdlib>
#include <vector>

namespace factcheck::testing {

std::string GzipCompress(const std::string& data) {
  z_stream z{};
  // 16 + window bits: gzip framing.
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8,
                   Z_DEFAULT_STRATEGY) != Z_OK) {
    std::abort();
  }
  std::vector<char> out(deflateBound(&z, data.size()) + 64);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) std::abort();
  const std::string result(out.data(), z.total_out);
  deflateEnd(&z);
  return result;
}

std::string Bzip2Compress(const std::string& data) {
  // bzip2's bound: 1% larger plus 600 bytes.
  std::vector<char> out(data.size() + data.size() / 100 + 600);
  unsigned int size = static_cast<unsigned int>(out.size());
  if (BZ2_bzBuffToBuffCompress(out.data(), &size,
                               const_cast<char*>(data.data()),
                               static_cast<unsigned int>(data.size()),
                               /*blockSize100k=*/9, /*verbosity=*/0,
                               /*workFactor=*/0) != BZ_OK) {
    std::abort();
  }
  return std::string(out.data(), size);
}

}  // namespace factcheck::testing
