// Temporary conversation files for the convtest tests.
#ifndef PARLEY_TESTS_CONVTEST_UTIL_H_
#define PARLEY_TESTS_CONVTEST_UTIL_H_

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace parley::testing {

inline std::string source_root() {
  const char* root = std::getenv("PARLEY_SOURCE_ROOT");
  return root ? root : ".";
}

// A directory removed with the object.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("parley-convtest-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }

  // Writes `text` to `name` in the directory and returns its path.
  std::string write(const std::string& name, const std::string& text) const {
    const auto file = path_ / name;
    std::ofstream(file) << text;
    return file.string();
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace parley::testing

#endif  // PARLEY_TESTS_CONVTEST_UTIL_H_
