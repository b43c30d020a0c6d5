// Typo tolerance: correcting words to a known vocabulary and splitting
// run-on words ("whereis" -> "where is").
#ifndef PARLEY_TEXT_SPELL_H_
#define PARLEY_TEXT_SPELL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parley::text {

// Damerau-Levenshtein (optimal string alignment) distance between two byte
// strings, or `limit + 1` as soon as it is known to exceed `limit`.
int edit_distance(std::string_view a, std::string_view b, int limit);

// An immutable vocabulary with a symmetric-delete index, built once per
// intent pack. Thread-safe to share once built.
class SpellChecker {
 public:
  // Adds a known word; `count` is how often the pack uses it (ties go to
  // the more frequent word).
  void add(std::string_view word, int count = 1);
  // Builds the delete index. Call once after the last add().
  void build();

  bool contains(std::string_view word) const;
  std::size_t size() const { return counts_.size(); }

  // The closest known word within the allowed distance (words of fewer than
  // 4 letters: none; 4-7: 1 edit; 8 and more: 2), or "" if none. Words with
  // digits are never corrected.
  std::string correct(std::string_view word) const;

  // Splits a run-on word into two known words ("trackmy" -> {"track","my"}),
  // preferring the split whose rarer half is most frequent. Empty if none.
  std::vector<std::string> split_run_on(std::string_view word) const;

  // How many edits Correct allows for a word of this length.
  static int allowed_edits(std::size_t length);

 private:
  int count_of(std::string_view word) const;

  std::unordered_map<std::string, int> counts_;
  std::vector<std::string> words_;  // index -> word, for the delete index
  std::unordered_map<std::string, std::vector<std::uint32_t>> deletes_;
};

}  // namespace parley::text

#endif  // PARLEY_TEXT_SPELL_H_
