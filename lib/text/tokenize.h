// Splitting folded text into words.
#ifndef PARLEY_TEXT_TOKENIZE_H_
#define PARLEY_TEXT_TOKENIZE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley::text {

struct Token {
  std::string text;     // the word, apostrophes removed ("don't" -> "dont")
  std::uint32_t begin;  // byte offsets of the word in the tokenized text
  std::uint32_t end;
};

// Splits folded text (see fold) into words. Letters, digits and combining
// marks make words; an apostrophe between two letters is dropped and joins
// them; '.' and ',' between two digits stay inside the number ("12.50");
// everything else (punctuation, symbols, emoji, spaces) separates words and
// is dropped. Text outside ASCII is first segmented with ICU's word break
// iterator, so scripts written without spaces (Thai, Chinese, Japanese) are
// split into words too. Linear in the input.
std::vector<Token> tokenize(std::string_view folded);

}  // namespace parley::text

#endif  // PARLEY_TEXT_TOKENIZE_H_
