// The intent linter: every problem of a locale folder in one pass, for
// writers and CI (`parley lint intents/en`).
//
//   lint::LintReport report = lint::lint_pack("intents/en");
//   std::cout << intents::format_all(report.diagnostics) << "\n"
//             << lint::format_confusion_table(report)
//             << lint::format_summary(report) << "\n";
//   return report.errors() > 0 ? 1 : 0;
//
// What is checked, in order:
//  1. loading (intents::load_pack): YAML syntax, unknown keys, wrong types,
//     duplicate ids, slots without an entity;
//  2. compiling (matcher::IntentMatcher::compile): bad RE2 with RE2's own
//     message, bad phrases, unknown synonym classes, slots whose entity is
//     not defined, intents with nothing to match;
//  3. responses (dialogue::Renderer): bad ICU MessageFormat;
//  4. the same example twice (same normalised text): under two intents an
//     error, twice in one intent a warning;
//  5. flows: a flow for an intent that does not exist, a prompt, confirm or
//     response key with no response (errors);
//  6. conflicts: every example classified by the compiled matcher; each one
//     routed to another intent, ambiguous or falling back is a warning at
//     the example, and counted in the confusion table;
//  7. with store categories: a name the matcher cannot add, and a category
//     read in examples where the pack's own entities see none (an everyday
//     word such as "home"), as warnings.
// Steps 5 to 7 need a pack that loaded and compiled cleanly (a file with a
// syntax error would make every reference into it look broken);
// `conflicts_checked` tells whether they ran.
//
// The library never prints; formatting is left to the caller.
#ifndef PARLEY_LINT_LINT_H_
#define PARLEY_LINT_LINT_H_

#include <map>
#include <string>
#include <vector>

#include "intents/diagnostic.h"

namespace parley::lint {

// Where misrouted examples went, besides other intents' ids.
inline constexpr const char* kAmbiguous = "ambiguous";
inline constexpr const char* kFallback = "fallback";

struct LintReport {
  std::string directory;
  // Sorted by file, line and column (problems of the folder itself first).
  std::vector<intents::Diagnostic> diagnostics;
  // intent id -> (destination -> count): intents with at least one example
  // the matcher did not route back to them. A destination is an intent id,
  // kAmbiguous or kFallback.
  std::map<std::string, std::map<std::string, int>> confusion;
  // intent id -> number of its examples (for every intent of the pack).
  std::map<std::string, int> examples;
  int files = 0;                   // content files read
  bool conflicts_checked = false;  // steps 5 and 6 ran (see above)

  int errors() const;
  int warnings() const;
};

// Lints the locale folder `directory` (e.g. "intents/en"). Never throws;
// a missing folder is reported as an error diagnostic. `store_categories`:
// the product categories of a knowledge base (Store::categories()), which
// a bot on that store adds to the `category` entity: the conflicts are then
// those of that bot, and the categories are checked too (step 7).
LintReport lint_pack(const std::string& directory, const std::vector<std::string>& store_categories = {});

// The confusion table as fixed-width text, one row per intent with
// misrouted examples and one column per destination; "" when there is
// nothing to show. Ends with a newline when not empty.
std::string format_confusion_table(const LintReport& report);

// "2 errors, 5 warnings in 12 files".
std::string format_summary(const LintReport& report);

// The whole report as one JSON object:
//   {"directory": ..., "files": N, "errors": N, "warnings": N,
//    "conflicts_checked": bool,
//    "diagnostics": [{"file", "line", "column", "severity", "message"}...],
//    "confusion": {"intent": {"destination": count}}}
std::string format_json(const LintReport& report);

}  // namespace parley::lint

#endif  // PARLEY_LINT_LINT_H_
