#include "matcher/normalizer.h"

#include "text/fold.h"
#include "text/tokenize.h"
#include "text/utf8.h"

namespace parley::matcher {
namespace {

std::vector<std::string> SplitSpaces(std::string_view s) {
  std::vector<std::string> out;
  for (auto& t : text::tokenize(s)) out.push_back(std::move(t.text));
  return out;
}

// Byte length of the UTF-8 sequence starting with `lead` (1 for stray bytes;
// the text is valid UTF-8 here, see text::sanitize).
size_t sequence_length(unsigned char lead) {
  return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

// `word` with every run of 3 or more identical characters (code points, not
// bytes: "𱱱" is F0 B1 B1 B1) cut to `keep`.
std::string collapse_runs(const std::string& word, size_t keep) {
  std::string out;
  const std::string_view w(word);
  for (size_t i = 0; i < w.size();) {
    const std::string_view c = w.substr(i, sequence_length(static_cast<unsigned char>(w[i])));
    size_t j = i, run = 0;
    while (j < w.size() && w.substr(j, c.size()) == c) {
      j += c.size();
      ++run;
    }
    for (size_t k = 0; k < (run >= 3 ? keep : run); ++k) out.append(c);
    i = j;
  }
  return out;
}

// Whether `word` is elongated in a way collapse_runs should undo: it has
// three identical bytes in a row, or is not ASCII (a run of a multi-byte
// character repeats no single byte three times); most unknown words have
// neither. Never a word with a digit: "55555" or "1000" is a number, not
// a shout.
bool may_have_runs(std::string_view word) {
  bool runs = false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (word[i] >= '0' && word[i] <= '9') return false;
    runs |= static_cast<unsigned char>(word[i]) >= 0x80 ||
            (i >= 2 && word[i] == word[i - 1] && word[i] == word[i - 2]);
  }
  return runs;
}

}  // namespace

Normalizer::Normalizer(const intents::Pack& pack, const EntityExtractor& entities)
    : fold_accents_(pack.locale.fold_accents), entities_(entities) {
  for (const auto& [word, expansion] : pack.shorthand) {
    const int index = static_cast<int>(expansions_.size());
    expansions_.push_back(SplitSpaces(text::fold(expansion, fold_accents_)));
    expansion_ids_.emplace_back(expansions_.back().size(), kWordNotLooked);
    std::vector<std::string> words = SplitSpaces(text::fold(word, fold_accents_));
    if (words.size() == 1) {
      // Two shorthands that fold alike: the later one wins.
      Entry& entry = lexicon_[words[0]];
      entry.expansion = index;
    } else if (words.size() > 1) {
      // Filed under its first word, which becomes a known word.
      Entry& entry = lexicon_[words[0]];
      if (entry.phrases == kNoPhrases) {
        entry.phrases = static_cast<int>(phrases_.size());
        phrases_.emplace_back();
      }
      phrases_[static_cast<std::size_t>(entry.phrases)].push_back(
          PhraseShorthand{std::vector<std::string>(words.begin() + 1, words.end()), index});
    }
  }
  // Longest first (shorthand_phrase takes the first that matches).
  for (auto& list : phrases_) {
    std::stable_sort(list.begin(), list.end(), [](const PhraseShorthand& a, const PhraseShorthand& b) {
      return a.rest.size() > b.rest.size();
    });
  }
}

std::size_t Normalizer::shorthand_phrase(const std::vector<text::Token>& tokens, std::size_t i, const Entry* entry,
                                         std::size_t limit, int& expansion) const {
  if (entry == nullptr || entry->phrases == kNoPhrases) return 0;
  for (const PhraseShorthand& phrase : phrases_[static_cast<std::size_t>(entry->phrases)]) {
    const std::size_t n = phrase.rest.size();
    if (i + n >= tokens.size() || tokens[i + n].end > limit) continue;
    bool same = true;
    for (std::size_t k = 0; same && k < n; ++k) same = tokens[i + 1 + k].text == phrase.rest[k];
    if (same) {
      expansion = phrase.expansion;
      return n + 1;
    }
  }
  return 0;
}

void Normalizer::attach_word_ids(const text::FrozenStringMap<std::uint32_t>& ids) {
  auto id_of = [&ids](std::string_view word) {
    const std::uint32_t* id = ids.find(word);
    return id ? *id : kNoWordId;
  };
  for (auto& [word, entry] : lexicon_) entry.id = id_of(word);
  for (std::size_t k = 0; k < expansions_.size(); ++k) {
    for (std::size_t j = 0; j < expansions_[k].size(); ++j) expansion_ids_[k][j] = id_of(expansions_[k][j]);
  }
  frozen_ = false;  // lexicon_index_ holds the old ids
}

void Normalizer::expand(std::string word, const Entry* entry, std::vector<std::string>& words,
                        std::vector<std::uint32_t>& ids) const {
  if (entry == nullptr || entry->expansion == kPlainWord) {
    words.push_back(std::move(word));
    ids.push_back(entry ? entry->id : kWordNotLooked);
  } else {
    append_expansion(entry->expansion, words, ids);
  }
}

void Normalizer::append_expansion(int expansion, std::vector<std::string>& words,
                                  std::vector<std::uint32_t>& ids) const {
  const auto k = static_cast<size_t>(expansion);
  words.insert(words.end(), expansions_[k].begin(), expansions_[k].end());
  ids.insert(ids.end(), expansion_ids_[k].begin(), expansion_ids_[k].end());
}

std::vector<std::string> Normalizer::content_words(std::string_view content) const {
  std::vector<std::string> out;
  std::vector<std::uint32_t> ids;
  const std::string folded = text::fold(text::sanitize(content, 100000).text, fold_accents_);
  std::vector<text::Token> tokens = text::tokenize(folded);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Entry* entry = known(tokens[i].text);
    int expansion = kPlainWord;
    if (const std::size_t n = shorthand_phrase(tokens, i, entry, SIZE_MAX, expansion); n > 0) {
      append_expansion(expansion, out, ids);
      i += n - 1;
      continue;
    }
    expand(std::move(tokens[i].text), entry, out, ids);
  }
  return out;
}

Normalized Normalizer::normalize(std::string_view message, std::size_t max_chars, bool correct) const {
  Normalized n;
  text::SanitizedText clean = text::sanitize(message, max_chars);
  n.truncated = clean.truncated;
  n.repaired = clean.repaired;
  n.folded = text::fold_owned(std::move(clean.text), fold_accents_);
  n.entities = entities_.extract(n.folded);

  size_t next_entity = 0;
  size_t emitted = SIZE_MAX;  // index of the entity whose placeholder was pushed last
  std::vector<text::Token> tokens = text::tokenize(n.folded);
  n.words.reserve(tokens.size() + 2);
  n.word_ids.reserve(tokens.size() + 2);
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    text::Token& token = tokens[t];
    // A token inside an entity span is replaced, once per span, by the
    // entity's placeholder ("#order_number").
    while (next_entity < n.entities.size() && n.entities[next_entity].end <= token.begin) {
      ++next_entity;
    }
    if (next_entity < n.entities.size() && token.begin >= n.entities[next_entity].begin) {
      if (emitted != next_entity) {
        n.words.push_back("#" + n.entities[next_entity].type);
        n.word_ids.push_back(kWordNotLooked);
      }
      emitted = next_entity;
      continue;
    }
    // Known words and shorthand first (of several words, as written, before
    // the next entity); then typo correction; then run-ons.
    const Entry* entry = known(token.text);
    if (entry != nullptr && entry->phrases != kNoPhrases) {
      int phrase = kPlainWord;
      const std::size_t limit = next_entity < n.entities.size() ? n.entities[next_entity].begin : SIZE_MAX;
      if (const std::size_t length = shorthand_phrase(tokens, t, entry, limit, phrase); length > 0) {
        append_expansion(phrase, n.words, n.word_ids);
        t += length - 1;
        continue;
      }
    }
    if (!correct || entry) {
      expand(std::move(token.text), entry, n.words, n.word_ids);
      continue;
    }
    // Elongated words ("youuu", "heeelp"): runs of 3+ identical letters are
    // cut to two, then to one; the first known form wins, else correction
    // continues from the two-letter form.
    if (std::string two = may_have_runs(token.text) ? collapse_runs(token.text, 2) : std::string();
        !two.empty() && two != token.text) {
      std::string one = collapse_runs(token.text, 1);
      const std::string& form = known(two) ? two : known(one) ? one : two;
      n.corrections.emplace_back(token.text, form);
      token.text = form;
      if (const Entry* form_entry = known(form)) {
        expand(std::move(token.text), form_entry, n.words, n.word_ids);
        continue;
      }
    }
    std::string fixed = spell_.correct(token.text);
    if (!fixed.empty()) {
      n.corrections.emplace_back(token.text, fixed);
      const Entry* fixed_entry = known(fixed);
      expand(std::move(fixed), fixed_entry, n.words, n.word_ids);
      continue;
    }
    std::vector<std::string> parts = spell_.split_run_on(token.text);
    if (!parts.empty()) {
      std::string joined;
      for (const auto& p : parts) joined += (joined.empty() ? "" : " ") + p;
      n.corrections.emplace_back(token.text, std::move(joined));
      for (auto& p : parts) {
        const Entry* part_entry = known(p);
        expand(std::move(p), part_entry, n.words, n.word_ids);
      }
      continue;
    }
    n.words.push_back(std::move(token.text));
    n.word_ids.push_back(kWordNotLooked);
  }
  size_t length = 0;
  for (const auto& w : n.words) length += w.size() + 1;
  n.text.reserve(length);
  for (const auto& w : n.words) {
    if (!n.text.empty()) n.text += ' ';
    n.text += w;
  }
  return n;
}

}  // namespace parley::matcher
