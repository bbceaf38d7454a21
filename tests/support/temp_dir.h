// A fresh directory under the test's temporary directory, removed with its
// contents when the object goes away.
#ifndef FACTCHECK_TESTS_SUPPORT_TEMP_DIR_H_
#define FACTCHECK_TESTS_SUPPORT_TEMP_DIR_H_

#include <string>

namespace factcheck::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // path() + "/" + name.
  std::string File(const std::string& name) const;

 private:
  std::string path_;
};

// Reads a whole file; aborts the test binary when it cannot.
std::string ReadFileOrDie(const std::string& path);
void WriteFileOrDie(const std::string& path, const std::string& content);

}  // namespace factcheck::testing

#endif  // FACTCHECK_TESTS_SUPPORT_TEMP_DIR_H_
