// Clauses a customer sets aside: "not the password, just the email I log
// in with" is about the email. The locale's `set_aside:` patterns (RE2 over
// normalised text, each with a group `(?P<aside>...)`) say which words are
// set aside; a rule (pattern, phrase, veto) that matches only inside them
// does not count, while the similarity to examples reads the message whole.
#ifndef PARLEY_MATCHER_SET_ASIDE_H_
#define PARLEY_MATCHER_SET_ASIDE_H_

#include <re2/re2.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "intents/diagnostic.h"
#include "intents/pack.h"
#include "text/per_thread.h"

namespace parley::matcher {

// Immutable after construction; thread-safe.
class SetAside {
 public:
  // Compiles the patterns. A pattern RE2 rejects, or one without a group
  // named `aside`, is an error in `diagnostics` at its location and is not
  // used.
  SetAside(const std::vector<intents::Text>& patterns, std::vector<intents::Diagnostic>& diagnostics);

  struct Result {
    int pattern = -1;   // index into the patterns, or -1: nothing set aside
    std::string aside;  // the words set aside
    std::string rest;   // the text without them, single-spaced
  };
  // The first pattern (in order) whose `aside` group matches words of
  // `text` and leaves some words standing decides; the result says which
  // words it set aside. With none, `pattern` is -1 and nothing is filled.
  // Pattern k (< kMaxSkippable) is tried only if bit k of `worth_trying`
  // is set: a caller who knows that a text lacks what a pattern requires
  // (required(k)) spares it.
  static constexpr std::size_t kMaxSkippable = 64;
  Result apply(std::string_view text, unsigned slot, std::uint64_t worth_trying = ~std::uint64_t{0}) const;

  bool empty() const { return patterns_.empty(); }
  std::size_t size() const { return patterns_.size(); }
  // The literals pattern k needs in a text to match (rule_filter.h): every
  // group (an AND) has a member (an OR) that occurs in it.
  const std::vector<std::vector<std::string>>& required(std::size_t k) const { return patterns_[k]->required; }

 private:
  struct Compiled {
    Compiled(int index, text::PerThread<RE2>::Make make) : index(index), regex(std::move(make)) {}
    int index;  // into the pack's set_aside list
    text::PerThread<RE2> regex;
    int group = 0;  // the `aside` group's number
    std::vector<std::vector<std::string>> required;
  };
  std::vector<std::unique_ptr<Compiled>> patterns_;
};

}  // namespace parley::matcher

#endif  // PARLEY_MATCHER_SET_ASIDE_H_
