// Entities: order numbers, emails, phones, postcodes, money, tracking
// numbers, dates and product categories found in folded text.
#ifndef PARLEY_MATCHER_ENTITIES_H_
#define PARLEY_MATCHER_ENTITIES_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "intents/diagnostic.h"
#include "intents/pack.h"
#include "text/per_thread.h"

namespace parley::matcher {

struct Entity {
  std::string type;   // e.g. "order_number"
  std::string value;  // canonical value (digits of a phone, category name...)
  std::string text;   // the text as written (folded)
  std::uint32_t begin = 0, end = 0;  // byte span in the folded text
};

// Finds entities with the pack's `entities:` patterns. Declaration order is
// priority: a match overlapping an earlier entity's span is dropped. The
// value of a match is the name of the named group that matched (so one
// pattern can map many words to a canonical value, e.g.
// `(?P<shoes>trainers|boots)`), else capture group 1, else the whole match.
// Immutable after construction; thread-safe.
class EntityExtractor {
 public:
  // Compiles the patterns; problems go to `diagnostics` with their location.
  EntityExtractor(const std::vector<intents::EntityDef>& defs,
                  std::vector<intents::Diagnostic>& diagnostics);

  std::vector<Entity> extract(std::string_view folded) const;

  // All entities of one type in the folded text, ignoring other types'
  // claims (used when the dialogue is waiting for exactly that type).
  std::vector<Entity> extract_type(std::string_view folded, std::string_view type) const;

  bool knows(std::string_view type) const;

 private:
  struct Compiled {
    Compiled(std::string t, text::PerThread<RE2>::Make make) : type(std::move(t)), regex(std::move(make)) {}
    std::string type;
    text::PerThread<RE2> regex;
  };
  // `slot`: the calling thread's text::thread_slot().
  void scan(std::string_view folded, const Compiled& c, unsigned slot, std::vector<Entity>& out) const;
  // Which of patterns_ match somewhere in `folded` (ascending indices), so
  // that a message without entities costs one pass, not one per pattern.
  // On an RE2 failure (DFA out of memory) every pattern is a candidate.
  void candidates(std::string_view folded, unsigned slot, std::vector<int>& out) const;

  std::vector<std::unique_ptr<Compiled>> patterns_;
  // All of patterns_, same order; null if RE2 could not build it.
  std::unique_ptr<text::PerThread<re2::RE2::Set>> prefilter_;
};

// Adds the knowledge base's product categories to the `category` entity of
// `entities` (appending that entity if there is none), so that a shop's own
// categories are recognised without a writer listing them. A category the
// pack's patterns already name (a group `(?P<home>...)`) is left to them:
// the writer chose its words. The new pattern comes after the pack's own:
// where both match, the pack's mapping wins ("vouchers" -> gift_cards).
// Each name matches as written (case aside) and, for its last word, with
// or without a final "s" ("toys" also finds "toy"); its value is the name
// with '_' for spaces, like the pack's own category groups (dialogue:
// category_name()). Names must be ASCII letters, digits and single spaces
// to be added; the others are returned (a pattern in entities.yaml can
// still name them).
std::vector<std::string> add_store_categories(std::vector<intents::EntityDef>& entities,
                                              const std::vector<std::string>& names);

// Resolves an English date expression ("today", "yesterday", "3 days ago",
// "last monday", "24 november", "24th of nov", "24/11", "2026-11-24") against `today`.
std::optional<std::chrono::year_month_day> resolve_date(std::string_view text,
                                                       std::chrono::year_month_day today);

}  // namespace parley::matcher

#endif  // PARLEY_MATCHER_ENTITIES_H_
