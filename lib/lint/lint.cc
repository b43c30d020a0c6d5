#include "lint/lint.h"

#include <algorithm>

#include "dialogue/engine.h"
#include "dialogue/renderer.h"
#include "intents/loader.h"
#include "lint/checks.h"
#include "matcher/entities.h"
#include "matcher/matcher.h"
#include "matcher/normalizer.h"

namespace parley::lint {
namespace {

using intents::Diagnostic;
using intents::Severity;

// A file that is not valid YAML contributes nothing, so every later check
// would see its intents, entities and responses as missing.
bool has_unreadable_file(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) {
    return d.severity == Severity::kError &&
           (d.message.rfind("YAML syntax", 0) == 0 || d.message == "cannot read the file");
  });
}

void sort_by_location(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.where.file != b.where.file) return a.where.file < b.where.file;
    if (a.where.line != b.where.line) return a.where.line < b.where.line;
    return a.where.column < b.where.column;
  });
}

}  // namespace

int LintReport::errors() const {
  return static_cast<int>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                        [](const Diagnostic& d) { return d.severity == Severity::kError; }));
}

int LintReport::warnings() const {
  return static_cast<int>(diagnostics.size()) - errors();
}

LintReport lint_pack(const std::string& directory, const std::vector<std::string>& store_categories) {
  LintReport report;
  report.directory = directory;
  auto& diagnostics = report.diagnostics;
  intents::Pack pack = intents::load_pack(directory, diagnostics);
  report.files = static_cast<int>(pack.files.size());
  for (const auto& intent : pack.intents) report.examples[intent.id] = static_cast<int>(intent.examples.size());
  if (pack.files.empty() || has_unreadable_file(diagnostics)) {
    sort_by_location(diagnostics);
    return report;
  }
  const bool loaded = !intents::has_errors(diagnostics);

  { dialogue::Renderer renderer(pack, diagnostics); }

  // As a bot on the store would: with its categories (the pack as written
  // is kept for the checks that point into it).
  intents::Pack compiled = pack;
  const std::vector<std::string> skipped = matcher::add_store_categories(compiled.entities, store_categories);
  auto matcher = matcher::IntentMatcher::compile(std::move(compiled), diagnostics);
  if (matcher) {
    check_duplicate_examples(pack, matcher->normalizer(), diagnostics);
  } else {
    // Same reading of examples as a compiled matcher (no typo correction);
    // entity problems were reported by compile().
    std::vector<Diagnostic> ignored;
    matcher::EntityExtractor entities(pack.entities, ignored);
    matcher::Normalizer normalizer(pack, entities);
    check_duplicate_examples(pack, normalizer, diagnostics);
  }

  if (loaded && matcher) {
    check_flows(pack, diagnostics);
    check_misspelt_examples(pack, matcher->normalizer(), diagnostics);
    // A folder with no responses at all is linted as a fragment (intents
    // only); Bot::open refuses it with the same messages.
    if (!pack.responses.empty()) {
      dialogue::check_required_responses(pack, diagnostics);
      dialogue::check_intent_labels(pack, diagnostics);
    }
    check_conflicts(*matcher, report);
    if (!store_categories.empty()) check_store_categories(pack, skipped, *matcher, diagnostics);
    report.conflicts_checked = true;
  }
  sort_by_location(diagnostics);
  return report;
}

}  // namespace parley::lint
