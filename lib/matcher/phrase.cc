#include "matcher/phrase.h"

#include <re2/re2.h>

namespace parley::matcher {
namespace {

// A word must end where the text ends or a space follows; the space is
// consumed so that sequences concatenate. The whole phrase is prefixed by
// kPhraseStart, so it starts at the start of the text or after a space.
constexpr std::string_view kWordEnd = "(?: |$)";
constexpr std::string_view kPhraseStart = "(?:^| )";

std::string Word(std::string_view w) { return RE2::QuoteMeta(w) + std::string(kWordEnd); }

std::string Words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += Word(w);
  return out;
}

class PhraseCompiler {
 public:
  PhraseCompiler(std::string_view phrase, const SynonymTable& synonyms, const WordSplitter& split)
      : s_(phrase), synonyms_(synonyms), split_(split) {}

  std::string compile(std::string& error) {
    std::string body = Sequence(/*closing=*/'\0');
    if (error_.empty() && pos_ < s_.size()) error_ = "unexpected '" + std::string(1, s_[pos_]) + "'";
    if (error_.empty() && !has_word_) error_ = "a phrase needs at least one word";
    if (!error_.empty()) {
      error = error_;
      return "";
    }
    return std::string(kPhraseStart) + body;
  }

 private:
  void SkipSpaces() {
    while (pos_ < s_.size() && s_[pos_] == ' ') ++pos_;
  }

  // Elements up to `closing` (or '|' inside alternatives, or the end).
  std::string Sequence(char closing) {
    std::string out;
    for (;;) {
      SkipSpaces();
      if (pos_ >= s_.size() || !error_.empty()) break;
      char c = s_[pos_];
      if (c == closing || (closing != '\0' && c == '|')) break;
      if (c == ']' || c == ')' || c == '|') {
        error_ = "unbalanced '" + std::string(1, c) + "'";
        break;
      }
      out += Element();
    }
    return out;
  }

  // Alternatives separated by '|' up to `closing`, consumed.
  std::string Alternatives(char closing) {
    std::string out = "(?:";
    for (bool first = true;; first = false) {
      std::string alt = Sequence(closing);
      if (!first) out += "|";
      out += alt;
      if (pos_ < s_.size() && s_[pos_] == '|') {
        ++pos_;
        continue;
      }
      break;
    }
    if (pos_ >= s_.size() || s_[pos_] != closing) {
      if (error_.empty()) error_ = std::string("missing '") + closing + "'";
      return "";
    }
    ++pos_;
    return out + ")";
  }

  std::string Element() {
    char c = s_[pos_];
    if (c == '[') {
      ++pos_;
      return Alternatives(']') + "?";
    }
    if (c == '(') {
      ++pos_;
      return Alternatives(')');
    }
    size_t end = pos_;
    while (end < s_.size() && std::string_view(" []()|").find(s_[end]) == std::string_view::npos) ++end;
    std::string_view token = s_.substr(pos_, end - pos_);
    pos_ = end;
    if (token == "...") return "(?:\\S+" + std::string(kWordEnd) + "){0,3}";
    has_word_ = true;
    if (token[0] == '#') return Word(token);  // entity placeholder
    if (token[0] == '@') {
      auto it = synonyms_.find(token.substr(1));
      if (it == synonyms_.end()) {
        error_ = "unknown synonym class '" + std::string(token) + "'";
        return "";
      }
      std::string out = "(?:";
      for (size_t i = 0; i < it->second.size(); ++i) {
        if (i) out += "|";
        out += Words(split_(it->second[i]));
      }
      return out + ")";
    }
    auto words = split_(token);
    if (words.empty()) return "";
    return Words(words);
  }

  std::string_view s_;
  const SynonymTable& synonyms_;
  const WordSplitter& split_;
  size_t pos_ = 0;
  bool has_word_ = false;
  std::string error_;
};

}  // namespace

std::string compile_phrase(std::string_view phrase, const SynonymTable& synonyms,
                          const WordSplitter& split, std::string& error) {
  return PhraseCompiler(phrase, synonyms, split).compile(error);
}

}  // namespace parley::matcher
