// Compressing test data in the formats event imports read, so that tests
// make their .gz and .bz2 files at run time instead of committing binaries.
#ifndef FACTCHECK_TESTS_SUPPORT_COMPRESS_H_
#define FACTCHECK_TESTS_SUPPORT_COMPRESS_H_

#include <string>

namespace factcheck::testing {

// A gzip file (RFC 1952) of `data`. Aborts on failure.
std::string GzipCompress(const std::string& data);
// A bzip2 file of `data`. Aborts on failure.
std::string Bzip2Compress(const std::string& data);

}  // namespace factcheck::testing

#endif  // FACTCHECK_TESTS_SUPPORT_COMPRESS_H_
