// The pack-aware pipeline from a raw customer message to the normalised text
// that patterns, phrases and examples are matched against:
// sanitize -> fold -> entities -> words -> shorthand -> typo correction.
#ifndef PARLEY_MATCHER_NORMALIZER_H_
#define PARLEY_MATCHER_NORMALIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "intents/pack.h"
#include "matcher/entities.h"
#include "text/frozen_map.h"
#include "text/spell.h"
#include "text/tokenize.h"

namespace parley::matcher {

struct Normalized {
  std::string folded;               // sanitized, folded text (entity spans refer to it)
  std::vector<Entity> entities;     // found in `folded`
  std::vector<std::string> words;   // final words; entities appear as "#type"
  // Per word, the id Normalizer::attach_word_ids gave it (kNoWordId: none),
  // or kWordNotLooked when the word is not in the lexicon (look it up).
  std::vector<std::uint32_t> word_ids;
  std::string text;                 // words joined by single spaces
  std::vector<std::pair<std::string, std::string>> corrections;  // typo -> fix
  bool truncated = false;           // the message was cut at max_chars
  bool repaired = false;            // invalid UTF-8 was replaced
};

inline constexpr std::uint32_t kNoWordId = UINT32_MAX;
inline constexpr std::uint32_t kWordNotLooked = UINT32_MAX - 1;

// Immutable once the vocabulary is built; thread-safe to share.
class Normalizer {
 public:
  Normalizer(const intents::Pack& pack, const EntityExtractor& entities);

  // Words of content text (examples, phrases): folded, split and shorthand
  // expanded, but not typo-corrected and without entity extraction.
  std::vector<std::string> content_words(std::string_view text) const;

  // Adds a word to the vocabulary typos are corrected to.
  void add_vocabulary(std::string_view word, int count = 1) {
    spell_.add(word, count);
    if (lexicon_.find(word) == lexicon_.end()) {
      lexicon_.emplace(std::string(word), Entry{});
      frozen_ = false;
    }
  }
  // Adds words that are never corrected but are not correction targets
  // (everyday words outside the shop's vocabulary).
  void add_known_words(const std::vector<std::string>& words) {
    lexicon_.reserve(lexicon_.size() + words.size());
    for (const auto& w : words) lexicon_.try_emplace(w, Entry{});
    frozen_ = false;
  }
  // Once every word is added, before build_vocabulary: every known word
  // (shorthand expansions' words included) gets the id `ids` has for it,
  // or kNoWordId; normalize() reports them in Normalized::word_ids, sparing
  // its caller a look-up per word. Until then every word is kWordNotLooked.
  // (Called after build_vocabulary, it is correct, only slower until that
  // is called again.)
  void attach_word_ids(const text::FrozenStringMap<std::uint32_t>& ids);
  // Call once the vocabulary is complete, before normalising messages
  // (adding words after it is correct, only slower).
  void build_vocabulary() {
    spell_.build();
    lexicon_index_ = text::FrozenStringMap<Entry>(lexicon_);
    frozen_ = true;
  }
  const text::SpellChecker& vocabulary() const { return spell_; }

  // Normalises a customer message. Any bytes are accepted. With
  // `correct` false, unknown words are kept as written (used for the
  // pack's own examples, which define the vocabulary).
  Normalized normalize(std::string_view message, std::size_t max_chars, bool correct = true) const;

 private:
  static constexpr int kPlainWord = -1;
  static constexpr int kNoPhrases = -1;
  struct Entry {
    int expansion = kPlainWord;  // kPlainWord, or an index into expansions_
    std::uint32_t id = kWordNotLooked;  // see attach_word_ids
    // kNoPhrases, or an index into phrases_: the shorthand of several
    // words that begin with this one.
    int phrases = kNoPhrases;
  };
  // Shorthand of several words ("should of" -> "should have"): the words
  // after the first, and the expansion (an index into expansions_).
  struct PhraseShorthand {
    std::vector<std::string> rest;
    int expansion;
  };

  // Appends shorthand expansion `expansion` (an index into expansions_)
  // and its words' ids.
  void append_expansion(int expansion, std::vector<std::string>& words, std::vector<std::uint32_t>& ids) const;
  // How many of `tokens`, from `i` (whose lexicon entry is `entry`), make
  // up a shorthand of several words ending at or before byte `limit`, and
  // its expansion: the longest that matches; 0 when none does.
  std::size_t shorthand_phrase(const std::vector<text::Token>& tokens, std::size_t i, const Entry* entry,
                               std::size_t limit, int& expansion) const;

  // Appends `word`, or its shorthand expansion, to `words`, and their ids
  // to `ids`. `entry` is the word's lexicon entry (nullptr if it has none).
  void expand(std::string word, const Entry* entry, std::vector<std::string>& words,
              std::vector<std::uint32_t>& ids) const;
  // The lexicon entry of a known word (shorthand, pack vocabulary or an
  // everyday word: never corrected), or nullptr.
  const Entry* known(std::string_view word) const {
    if (frozen_) return lexicon_index_.find(word);
    auto it = lexicon_.find(word);
    return it == lexicon_.end() ? nullptr : &it->second;
  }

  bool fold_accents_;
  const EntityExtractor& entities_;
  text::SpellChecker spell_;
  // Every known word.
  text::StringMap<Entry> lexicon_;
  text::FrozenStringMap<Entry> lexicon_index_;  // lexicon_ as of build_vocabulary()
  bool frozen_ = false;                          // lexicon_index_ is up to date
  std::vector<std::vector<PhraseShorthand>> phrases_;  // longest first
  std::vector<std::vector<std::string>> expansions_;
  std::vector<std::vector<std::uint32_t>> expansion_ids_;  // the ids of their words
};

}  // namespace parley::matcher

#endif  // PARLEY_MATCHER_NORMALIZER_H_
