// The phrase language for writers, compiled to RE2.
//
//   where is [my] @order           [..] optional words, @class a synonym class
//   has my @order ... (shipped|dispatched)   ... up to 3 words in between,
//                                           (a|b c) alternatives
//
// Phrases match whole words anywhere in the normalised text (words joined
// by single spaces).
#ifndef PARLEY_MATCHER_PHRASE_H_
#define PARLEY_MATCHER_PHRASE_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace parley::matcher {

// Turns content text into normalised words (see Normalizer::content_words).
using WordSplitter = std::function<std::vector<std::string>(std::string_view)>;

// Normalised alternatives of each synonym class ("order" -> {"order", "parcel", ...};
// a multi-word member is one alternative with spaces).
using SynonymTable = std::map<std::string, std::vector<std::string>, std::less<>>;

// Compiles one phrase to an RE2 pattern over normalised text.
// On a syntax error returns "" and sets `error` (unknown class, unbalanced
// brackets, empty phrase).
std::string compile_phrase(std::string_view phrase, const SynonymTable& synonyms,
                          const WordSplitter& split, std::string& error);

}  // namespace parley::matcher

#endif  // PARLEY_MATCHER_PHRASE_H_
