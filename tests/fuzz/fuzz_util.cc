#include "fuzz_util.h"

#include <unicode/utf8.h>
#include <unistd.h>

namespace parley::fuzz {

bool valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(p, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

namespace {

struct Scratch {
  std::filesystem::path path;
  Scratch() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "parley-fuzz-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) == nullptr) {
      std::perror("mkdtemp");
      std::abort();
    }
    path = tmpl;
  }
  ~Scratch() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

}  // namespace

const std::filesystem::path& scratch_directory() {
  static Scratch scratch;
  return scratch.path;
}

}  // namespace parley::fuzz
