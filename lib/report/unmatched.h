// Grouping the messages the bot did not understand, so a writer sees which
// topics are missing from the intents.
//
// Each message is reduced to its informative words: folded to lower case
// (Unicode-aware), split into words, with redaction tags ("[email]"),
// stopwords, words of one letter and words containing digits (order numbers,
// prices) dropped. Words are compared by a light stem (see stem), so
// "wrap", "wrapping" and "wrapped" are one word. Then, greedily: the word shared by the most remaining
// messages becomes a group holding every remaining message that contains it;
// those messages are removed and the next word is picked, until no word is
// shared by min_group_size messages or max_groups groups were formed. Ties
// go to the alphabetically first word, so the result is deterministic.
#ifndef PARLEY_REPORT_UNMATCHED_H_
#define PARLEY_REPORT_UNMATCHED_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley::report {

struct GroupingOptions {
  int max_groups = 12;         // groups returned at most
  int min_group_size = 2;      // a word must be shared by this many messages
  int examples_per_group = 4;  // distinct example messages kept per group
  int related_words = 4;       // co-occurring words shown per group
};

struct Example {
  std::string text;  // the message as logged (redacted), trimmed
  std::int64_t count = 0;  // how often exactly this text occurs in the group
};

struct UnmatchedGroup {
  std::string word;  // the shared word that formed the group (its commonest form)
  // Other words found in at least half of the group's messages (and at least
  // two), most frequent first: with `word` they name the missing topic.
  std::vector<std::string> related;
  std::int64_t messages = 0;
  std::vector<Example> examples;  // most frequent first, then by text
};

struct UnmatchedSummary {
  std::int64_t messages = 0;  // fallback messages considered
  std::vector<UnmatchedGroup> groups;  // largest first
  std::int64_t ungrouped = 0;  // messages in none of `groups`
  // Up to examples_per_group of the ungrouped messages, most frequent first.
  std::vector<Example> ungrouped_examples;
};

// The informative words of `message`, each once, in order of appearance.
std::vector<std::string> informative_words(std::string_view message);

// True for the built-in stopwords (English function words and chat filler
// such as "hi", "thanks"); `word` must be folded to lower case.
bool is_stopword(std::string_view word);

// A light English stem for comparing words: drops one of the suffixes
// -ing, -able, -ed (then undoubles a final consonant: "wrapp" -> "wrap"),
// -ies -> -y, or a plural -s (not -ss, -us, -is). Words of other languages
// pass mostly unchanged. "washing", "washable" -> "wash"; "points" -> "point".
std::string stem(std::string_view word);

// Groups `messages` as described above. Linear in the total number of words
// for each group formed.
UnmatchedSummary group_unmatched(const std::vector<std::string>& messages,
                                 const GroupingOptions& options = {});

}  // namespace parley::report

#endif  // PARLEY_REPORT_UNMATCHED_H_
