// Making arbitrary bytes into safe, bounded UTF-8 text.
#ifndef PARLEY_TEXT_UTF8_H_
#define PARLEY_TEXT_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace parley::text {

struct SanitizedText {
  std::string text;        // valid UTF-8, no control or bidi-override characters
  bool truncated = false;  // the input had more than max_chars code points
  bool repaired = false;   // invalid UTF-8 was replaced by U+FFFD
};

// Accepts any bytes. Invalid UTF-8 sequences become U+FFFD; control
// characters (C0, C1, NUL, including tabs and newlines) become a space;
// bidirectional overrides and isolates (U+202A..U+202E, U+2066..U+2069) and
// zero-width format characters are removed. At most `max_chars` code points
// are kept. Runs in linear time and never allocates more than the output.
SanitizedText sanitize(std::string_view bytes, std::size_t max_chars);

// True if every byte is < 0x80.
bool is_ascii(std::string_view s);

}  // namespace parley::text

#endif  // PARLEY_TEXT_UTF8_H_
