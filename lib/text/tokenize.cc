#include "text/tokenize.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <memory>

#include "text/utf8.h"

namespace parley::text {
namespace {

bool IsWordChar(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
  return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK ||
         u_charType(c) == U_COMBINING_SPACING_MARK;
}
bool IsDigit(UChar32 c) { return c < 0x80 ? (c >= '0' && c <= '9') : u_isdigit(c); }
bool IsLetter(UChar32 c) { return IsWordChar(c) && !IsDigit(c); }

// Applies the character rules above to text[begin, end), appending tokens.
void SplitSegment(std::string_view text, int32_t begin, int32_t end, std::vector<Token>& out) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  std::string current;
  int32_t word_begin = -1, word_end = -1;
  UChar32 prev = 0;
  auto flush = [&] {
    if (!current.empty()) {
      out.push_back(Token{std::move(current), static_cast<uint32_t>(word_begin),
                          static_cast<uint32_t>(word_end)});
    }
    current.clear();
    word_begin = -1;
  };
  int32_t i = begin;
  while (i < end) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, end, c);
    if (c < 0) c = 0xFFFD;
    if (IsWordChar(c)) {
      if (word_begin < 0) word_begin = at;
      current.append(text.substr(static_cast<size_t>(at), static_cast<size_t>(i - at)));
      word_end = i;
      prev = c;
      continue;
    }
    // Joiners: look at the next code point.
    UChar32 next = 0;
    if (i < end) {
      int32_t j = i;
      U8_NEXT(s, j, end, next);
    }
    if (!current.empty()) {
      if (c == '\'' && IsLetter(prev) && IsLetter(next)) continue;  // "don't" -> "dont"
      if ((c == '.' || c == ',') && IsDigit(prev) && IsDigit(next)) {
        current.push_back(static_cast<char>(c));
        continue;
      }
    }
    flush();
    prev = c;
  }
  flush();
}

// Per byte: whether it is an ASCII letter or digit (one load per byte of
// the message instead of three range tests).
constexpr auto kAsciiWordChar = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c) {
    table[static_cast<std::size_t>(c)] = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
  }
  return table;
}();
bool IsAsciiWordChar(char c) { return kAsciiWordChar[static_cast<unsigned char>(c)]; }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return IsAsciiWordChar(c) && !IsAsciiDigit(c); }

// SplitSegment's rules for ASCII text, a run of word characters at a time.
void SplitAscii(std::string_view text, std::vector<Token>& out) {
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    if (!IsAsciiWordChar(text[i])) {
      ++i;
      continue;
    }
    const size_t begin = i;
    size_t j = i;
    while (j < n && IsAsciiWordChar(text[j])) ++j;
    // Most words have no joiner: built in one go.
    std::string& word =
        out.emplace_back(Token{std::string(text.data() + i, j - i), static_cast<uint32_t>(begin), 0}).text;
    i = j;
    for (;;) {
      if (i + 1 >= n) break;
      const char joiner = text[i], before = text[i - 1], after = text[i + 1];
      if (joiner == '\'' && IsAsciiLetter(before) && IsAsciiLetter(after)) {  // "don't" -> "dont"
        ++i;
      } else if ((joiner == '.' || joiner == ',') && IsAsciiDigit(before) && IsAsciiDigit(after)) {
        word.push_back(joiner);
        ++i;
      } else {
        break;
      }
      j = i;
      while (j < n && IsAsciiWordChar(text[j])) ++j;
      word.append(text.data() + i, j - i);
      i = j;
    }
    out.back().end = static_cast<uint32_t>(i);
  }
}

}  // namespace

std::vector<Token> tokenize(std::string_view folded) {
  std::vector<Token> tokens;
  tokens.reserve(folded.size() / 4 + 1);  // words of ~3 letters and a space, about
  const auto length = static_cast<int32_t>(folded.size());
  if (is_ascii(folded)) {
    SplitAscii(folded, tokens);
    return tokens;
  }
  UErrorCode status = U_ZERO_ERROR;
  thread_local std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (!words || U_FAILURE(status)) {
    SplitSegment(folded, 0, length, tokens);
    return tokens;
  }
  // ICU works on UTF-16; keep a map back to UTF-8 offsets.
  icu::UnicodeString u16 = icu::UnicodeString::fromUTF8(
      icu::StringPiece(folded.data(), length));
  std::vector<int32_t> utf8_offset(static_cast<size_t>(u16.length()) + 1, length);
  {
    int32_t i8 = 0, i16 = 0;
    const auto* s = reinterpret_cast<const uint8_t*>(folded.data());
    while (i8 < length) {
      utf8_offset[static_cast<size_t>(i16)] = i8;
      UChar32 c;
      U8_NEXT(s, i8, length, c);
      i16 += (c > 0xFFFF) ? 2 : 1;
      if (c > 0xFFFF && i16 - 1 < u16.length()) utf8_offset[static_cast<size_t>(i16 - 1)] = i8;
    }
  }
  words->setText(u16);
  int32_t start = words->first();
  for (int32_t stop = words->next(); stop != icu::BreakIterator::DONE;
       start = stop, stop = words->next()) {
    if (words->getRuleStatus() == UBRK_WORD_NONE) continue;  // spaces, punctuation, emoji
    SplitSegment(folded, utf8_offset[static_cast<size_t>(start)],
                 utf8_offset[static_cast<size_t>(stop)], tokens);
  }
  return tokens;
}

}  // namespace parley::text
