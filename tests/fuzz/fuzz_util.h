// Shared helpers of the fuzz targets: where the English pack is, a private
// temporary directory, and a check that aborts (so libFuzzer and the corpus
// replay both report the input) when an invariant does not hold.
#ifndef PARLEY_TESTS_FUZZ_FUZZ_UTIL_H_
#define PARLEY_TESTS_FUZZ_FUZZ_UTIL_H_

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "intents/loader.h"
#include "matcher/matcher.h"

// Aborts with the failed condition: a fuzzer finding.
#define FUZZ_CHECK(cond)                                                      \
  do {                                                                        \
    if (!(cond)) {                                                            \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, \
                   #cond);                                                    \
      std::abort();                                                           \
    }                                                                         \
  } while (0)

namespace parley::fuzz {

// PARLEY_SOURCE_ROOT from the environment (meson test sets it), else the
// source root this binary was configured from.
inline std::string source_root() {
  if (const char* root = std::getenv("PARLEY_SOURCE_ROOT")) return root;
  return PARLEY_FUZZ_SOURCE_ROOT;
}

// The bundled English pack, compiled once per process; aborts if it does not
// load (a broken checkout is not a finding, but nothing can be fuzzed).
inline const matcher::IntentMatcher& english() {
  static std::shared_ptr<const matcher::IntentMatcher> compiled = [] {
    std::vector<intents::Diagnostic> diagnostics;
    auto pack = intents::load_pack(source_root() + "/intents/en", diagnostics);
    std::shared_ptr<const matcher::IntentMatcher> m;
    if (!intents::has_errors(diagnostics)) {
      m = matcher::IntentMatcher::compile(std::move(pack), diagnostics);
    }
    if (!m) {
      std::fprintf(stderr, "cannot compile intents/en:\n%s",
                   intents::format_all(diagnostics).c_str());
      std::abort();
    }
    return m;
  }();
  return *compiled;
}

// True if `s` is well-formed UTF-8 (no surrogates, no overlongs).
bool valid_utf8(std::string_view s);

// A fresh directory under the system's temporary directory, removed at exit.
const std::filesystem::path& scratch_directory();

}  // namespace parley::fuzz

#endif  // PARLEY_TESTS_FUZZ_FUZZ_UTIL_H_
