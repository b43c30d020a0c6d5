// The linter's own checks, on top of what loading and compiling report.
// Internal to lib/lint; see lint.h for what each one means to a writer.
#ifndef PARLEY_LINT_CHECKS_H_
#define PARLEY_LINT_CHECKS_H_

#include <string>
#include <vector>

#include "intents/diagnostic.h"
#include "intents/pack.h"
#include "lint/lint.h"
#include "matcher/matcher.h"
#include "matcher/normalizer.h"

namespace parley::lint {

// Examples whose normalised text (as `normalizer` reads content, without
// typo correction) is the same: under two intents an error, twice in one
// intent a warning. Reported at the later example, naming the first.
void check_duplicate_examples(const intents::Pack& pack, const matcher::Normalizer& normalizer,
                              std::vector<intents::Diagnostic>& diagnostics);

// Example words that read like misspellings of a more common pack word
// (within the spell checker's distance, used far less, and not an
// everyday word): the pack's own words are never corrected, so a
// customer's misspelling of that kind would not count as the real word.
// Warnings, each word once.
void check_misspelt_examples(const intents::Pack& pack, const matcher::Normalizer& normalizer,
                             std::vector<intents::Diagnostic>& diagnostics);

// The knowledge base's categories as `matcher` (compiled with them, see
// matcher::add_store_categories) reads them, against `pack` as written:
// a name the matcher cannot add (`skipped`) is a warning at the category
// entity; so is a store category found in examples where the pack's own
// entities see none ("home" in "deliver to my home address"), once per
// category, at its first such example, with how many there are.
void check_store_categories(const intents::Pack& pack, const std::vector<std::string>& skipped,
                            const matcher::IntentMatcher& matcher, std::vector<intents::Diagnostic>& diagnostics);

// Flows for intents that do not exist, and prompt / confirm / response keys
// that no `responses:` section defines (all errors).
void check_flows(const intents::Pack& pack, std::vector<intents::Diagnostic>& diagnostics);

// Classifies every example with `matcher` (in the dialogue context its
// intent needs) and records each one not routed back to its intent as a
// warning and in `report.confusion`.
void check_conflicts(const matcher::IntentMatcher& matcher, LintReport& report);

// " (did you mean 'x'?)" for the candidate closest to `name` within a few
// edits, else "".
std::string did_you_mean(const std::string& name, const std::vector<std::string>& candidates);

// "file.yaml:12" (file name without its folder), for pointing at a second
// place in a message.
std::string short_location(const intents::SourceLocation& where);

}  // namespace parley::lint

#endif  // PARLEY_LINT_CHECKS_H_
