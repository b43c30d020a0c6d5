// Typo tolerance: correcting words to a known vocabulary and splitting
// run-on words ("whereis" -> "where is").
#ifndef PARLEY_TEXT_SPELL_H_
#define PARLEY_TEXT_SPELL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/frozen_map.h"
#include "text/string_map.h"

namespace parley::text {

// Damerau-Levenshtein (optimal string alignment) distance between two byte
// strings, or `limit + 1` as soon as it is known to exceed `limit`.
int edit_distance(std::string_view a, std::string_view b, int limit);

// An immutable vocabulary with a symmetric-delete index, built once per
// intent pack. Thread-safe to share once built. Correcting a word allocates
// nothing but the returned string: the index holds 64-bit hashes of the
// delete variants (a collision only adds a candidate, which the edit
// distance then rejects).
class SpellChecker {
 public:
  // Adds a known word; `count` is how often the pack uses it (ties go to
  // the more frequent word).
  void add(std::string_view word, int count = 1);
  // Builds the delete index. Call once after the last add().
  void build();

  std::size_t size() const { return counts_.size(); }

  // The closest known word within the allowed distance (words of fewer than
  // 3 letters: none; 3 letters: two neighbouring letters swapped, "teh" ->
  // "the"; 4-7: 1 edit; 8 and more: 2), or "" if none; ties go to the word
  // the pack uses most. Words with digits are never corrected, and words
  // longer than kMaxIndexedLength are never targets, so a customer's
  // enormous "word" costs linear time.
  std::string correct(std::string_view word) const;
  // The word correct() would give if `word` itself were not known (the
  // linter looks for pack words that read like misspellings of others).
  std::string closest_other(std::string_view word) const;
  // How often the pack uses `word` (the sum of add()'s counts; 0: unknown).
  int count(std::string_view word) const;

  // Splits a run-on word into two to four known words ("trackmy" ->
  // {"track", "my"}, "whereismyorder" -> {"where", "is", "my", "order"}),
  // preferring the split whose rarest part is most frequent, then fewer
  // parts. Single letters are parts only as "i" and "a"; three or more
  // parts need one of four letters or more ("okafor" is not
  // {"ok", "a", "for"}), and every part a count of at least
  // kMinRunOnPartCount. Empty if none (at
  // once for a word longer than kMaxRunOnLength or with digits).
  std::vector<std::string> split_run_on(std::string_view word) const;
  // The matcher counts a word 3 for each example using it, 2 for each
  // phrase, 1 for each synonym: a word from a single example is too weak a
  // reason to cut a customer's word around it ("nadia" is not {"na", "dia"}
  // because one Irish greeting says "dia").
  static constexpr int kMinRunOnPartCount = 4;
  static constexpr std::size_t kMaxRunOn = 4;
  static constexpr std::size_t kMaxRunOnLength = 40;

  // How many edits Correct allows for a word of this length.
  static int allowed_edits(std::size_t length);

  // Longer vocabulary words are kept (as run-on parts) but are not
  // indexed for correction: their delete variants grow with the square of
  // their length.
  static constexpr std::size_t kMaxIndexedLength = 40;

 private:
  std::string closest(std::string_view word, bool skip_self) const;
  // The most used known word that is `word` with two neighbouring letters
  // swapped, or "". Any other edit of a three-letter word reaches too many
  // words ("bag": bad, bat, big, bug, rag, tag...).
  std::string swapped(std::string_view word) const;
  static constexpr std::size_t kSwapOnlyLength = 3;

  struct Variant {
    std::uint64_t hash;  // of a delete variant of words_[word]
    std::uint32_t word;
    bool operator<(const Variant& o) const { return hash != o.hash ? hash < o.hash : word < o.word; }
    bool operator==(const Variant& o) const { return hash == o.hash && word == o.word; }
  };

  StringMap<int> counts_;
  // counts_ as of build(), for the look-ups of correcting (a run-on word
  // of n letters asks for each of its n * (n + 1) / 2 pieces).
  FrozenStringMap<int> frozen_counts_;
  bool counts_frozen_ = false;  // frozen_counts_ equals counts_
  std::size_t longest_known_ = 0;    // longest word added
  std::size_t longest_indexed_ = 0;  // longest word in the delete index
  std::vector<std::string> words_;   // index -> word, for the delete index
  std::vector<int> word_counts_;     // index -> count
  // The delete index: variants sorted by hash, and for each value of the
  // hash's top `bucket_bits_` bits the first variant with that prefix.
  std::vector<Variant> variants_;
  std::vector<std::uint32_t> buckets_;
  int bucket_bits_ = 0;
};

}  // namespace parley::text

#endif  // PARLEY_TEXT_SPELL_H_
