#include "text/utf8.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace parley::text {
namespace {

bool IsDroppedFormatChar(UChar32 c) {
  return (c >= 0x202A && c <= 0x202E) ||  // bidi embeddings and overrides
         (c >= 0x2066 && c <= 0x2069) ||  // bidi isolates
         c == 0x200B || c == 0x200E || c == 0x200F ||  // zero width space, LRM, RLM
         c == 0xFEFF;                                   // BOM / zero width no-break space
}

bool IsControl(UChar32 c) { return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0); }

}  // namespace

bool is_ascii(std::string_view s) {
  // Eight bytes at a time: every message passes here three times.
  const char* p = s.data();
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, p + i, sizeof word);
    if (word & 0x8080808080808080ull) return false;
  }
  for (; i < s.size(); ++i) {
    if (static_cast<unsigned char>(p[i]) >= 0x80) return false;
  }
  return true;
}

SanitizedText sanitize(std::string_view bytes, std::size_t max_chars) {
  SanitizedText out;
  out.text.reserve(std::min(bytes.size(), max_chars * 4));
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(std::min<std::size_t>(bytes.size(), INT32_MAX));
  std::size_t chars = 0;
  int32_t i = 0;
  while (i < length) {
    if (chars == max_chars) {
      out.truncated = true;
      break;
    }
    // Printable ASCII, the common case, is copied a run at a time.
    const int32_t run_limit =
        i + static_cast<int32_t>(std::min<std::size_t>(static_cast<std::size_t>(length - i), max_chars - chars));
    int32_t run = i;
    while (run < run_limit && s[run] >= 0x20 && s[run] < 0x7F) ++run;
    if (run > i) {
      out.text.append(bytes.data() + i, static_cast<std::size_t>(run - i));
      chars += static_cast<std::size_t>(run - i);
      i = run;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      c = 0xFFFD;
      out.repaired = true;
    }
    if (IsDroppedFormatChar(c)) continue;
    if (IsControl(c)) c = ' ';
    char buf[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(reinterpret_cast<uint8_t*>(buf), n, c);
    out.text.append(buf, static_cast<std::size_t>(n));
    ++chars;
  }
  if (static_cast<std::size_t>(length) < bytes.size()) out.truncated = true;
  return out;
}

}  // namespace parley::text
