// Fuzzes the text pipeline on arbitrary bytes: text::sanitize, fold and
// tokenize, then the English pack's Normalizer (entities, shorthand, typo
// correction, run-on splitting). Checks the contracts of each step.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_util.h"
#include "text/fold.h"
#include "text/tokenize.h"
#include "text/utf8.h"

using namespace parley;

namespace {

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

void check_tokens(std::string_view folded, const std::vector<text::Token>& tokens) {
  std::uint32_t last_end = 0;
  for (const auto& t : tokens) {
    FUZZ_CHECK(!t.text.empty());
    FUZZ_CHECK(t.begin < t.end);
    FUZZ_CHECK(t.end <= folded.size());
    FUZZ_CHECK(t.begin >= last_end);  // in order, not overlapping
    FUZZ_CHECK(fuzz::valid_utf8(t.text));
    last_end = t.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  // The first byte picks the limit, so truncation is exercised too.
  const std::size_t max_chars = size > 0 && data[0] < 16 ? data[0] : 2000;

  const text::SanitizedText clean = text::sanitize(input, max_chars);
  FUZZ_CHECK(fuzz::valid_utf8(clean.text));
  FUZZ_CHECK(code_points(clean.text) <= max_chars);
  for (std::size_t i = 0; i < clean.text.size(); ++i) {  // no C0, DEL or C1 controls
    const auto c = static_cast<unsigned char>(clean.text[i]);
    FUZZ_CHECK(c >= 0x20 && c != 0x7F);
    if (c == 0xC2 && i + 1 < clean.text.size()) {
      FUZZ_CHECK(static_cast<unsigned char>(clean.text[i + 1]) >= 0xA0);
    }
  }
  FUZZ_CHECK(clean.text.find("\u202E") == std::string::npos);
  FUZZ_CHECK(clean.text.find("\u2066") == std::string::npos);
  if (fuzz::valid_utf8(input) && code_points(input) <= max_chars) FUZZ_CHECK(!clean.truncated);

  for (bool accents : {false, true}) {
    const std::string folded = text::fold(clean.text, accents);
    FUZZ_CHECK(fuzz::valid_utf8(folded));
    check_tokens(folded, text::tokenize(folded));
  }

  const auto& normalizer = fuzz::english().normalizer();
  const matcher::Normalized n = normalizer.normalize(input, max_chars);
  FUZZ_CHECK(fuzz::valid_utf8(n.folded));
  FUZZ_CHECK(fuzz::valid_utf8(n.text));
  FUZZ_CHECK(n.truncated == clean.truncated);
  for (const auto& e : n.entities) {
    FUZZ_CHECK(e.begin <= e.end && e.end <= n.folded.size());
    FUZZ_CHECK(n.folded.substr(e.begin, e.end - e.begin) == e.text);
  }
  for (const auto& w : n.words) FUZZ_CHECK(!w.empty());
  (void)normalizer.content_words(input);
  return 0;
}
