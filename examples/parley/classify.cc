// `parley classify`: one line in, one line out, for running a day of real
// messages through the intents.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>

#include "cli.h"
#include "intents/loader.h"
#include "matcher/entities.h"
#include "matcher/matcher.h"

namespace parley::cli {

namespace {
const char* const kUsage =
    "parley classify [--intents DIR] [--locale TAG] [--context question|slot|choice] [--candidates] [--store FILE] "
    "< messages.txt";

// "intent:0.873,intent:0.512" for every ranked candidate, or "-".
std::string candidate_list(const matcher::IntentMatcher& m, const matcher::MatchResult& r) {
  std::string out;
  char buf[32];
  for (const auto& c : r.ranked) {
    if (!out.empty()) out += ',';
    out += m.intents()[static_cast<size_t>(c.intent)].id;
    std::snprintf(buf, sizeof buf, ":%.3f", c.confidence);
    out += buf;
  }
  return out.empty() ? "-" : out;
}
}

// Loads and compiles the pack of `intents`/`locale`, with the product
// categories of the store at `store` (none if empty), printing problems.
std::shared_ptr<const matcher::IntentMatcher> load_matcher(const std::string& intents, const std::string& locale,
                                                           const std::string& store);

int classify_main(int argc, char** argv) {
  std::vector<FlagSpec> specs = {
      {"intents", true, "intent folder (default: the bundled intents)"},
      {"locale", true, "locale of the pack (default: en)"},
      {"context", true, "classify as if the bot had asked: 'question' (yes/no), 'slot' (a value) or 'choice' (which of two requests)"},
      {"candidates", false, "add a fifth column: every candidate as intent:confidence, best first"},
      {"store", true, "an existing knowledge base whose product categories the bot would recognise "
                      "(the category entity); without it, only the pack's own category words"},
  };
  auto args = parse(argc, argv, 2, specs, kUsage);
  if (!args) return kError;
  if (args->has("help")) {
    print_help(kUsage,
               "Reads messages from stdin, one per line, and writes one line for each, in order:\n"
               "  intent<TAB>confidence<TAB>second intent<TAB>second confidence\n"
               "The intent is 'fallback' or 'ambiguous' when the bot would say so. Every input line\n"
               "(empty, invalid UTF-8, megabytes long) gets exactly one output line.\n"
               "Intents bound to a context (affirm, deny: a pending yes/no question) are only\n"
               "recognised with --context.",
               specs,
               "  parley classify < todays-messages.txt > classified.tsv\n"
               "  echo 'wheres my parcel' | parley classify --intents intents --locale en\n"
               "  printf 'yes please\\nnah\\n' | parley classify --context question\n"
               "  parley classify --candidates < messages.txt | grep ambiguous\n"
               "  parley classify --store shop.db < messages.txt\n");
    return kOk;
  }
  matcher::MatchContext context;
  if (args->has("context")) {
    const std::string c = args->get("context");
    if (c == "question") {
      context.question_pending = true;
    } else if (c == "slot") {
      context.slot_pending = true;
    } else if (c == "choice") {
      context.choice_pending = true;
    } else if (c != "none") {
      std::cerr << "parley classify: --context must be 'question', 'slot', 'choice' or 'none', not '" << c
                << "'\nusage: " << kUsage << "\n";
      return kError;
    }
  }
  const bool candidates = args->has("candidates");
  auto m = load_matcher(args->get("intents", default_intents()), args->get("locale", "en"), args->get("store"));
  if (!m) return kError;
  std::string line;
  std::string out;
  char buf[32];
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    auto r = m->match(line, context);
    out.clear();
    if (r.decision == matcher::Decision::kIntent) {
      out += m->intents()[static_cast<size_t>(r.best()->intent)].id;
    } else {
      out += matcher::decision_name(r.decision);
    }
    std::snprintf(buf, sizeof buf, "\t%.3f\t", r.best() ? r.best()->confidence : 0.0);
    out += buf;
    if (r.ranked.size() >= 2) {
      out += m->intents()[static_cast<size_t>(r.ranked[1].intent)].id;
      std::snprintf(buf, sizeof buf, "\t%.3f", r.ranked[1].confidence);
    } else {
      out += "-";
      std::snprintf(buf, sizeof buf, "\t%.3f", 0.0);
    }
    out += buf;
    if (candidates) {
      out += '\t';
      out += candidate_list(*m, r);
    }
    out += '\n';
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  std::fflush(stdout);
  return kOk;
}

std::shared_ptr<const matcher::IntentMatcher> load_matcher(const std::string& intents, const std::string& locale,
                                                           const std::string& store) {
  std::string directory = intents;
  std::error_code ec;
  if (std::filesystem::is_directory(std::filesystem::path(intents) / locale, ec)) {
    directory = (std::filesystem::path(intents) / locale).string();
  }
  std::vector<std::string> categories;
  if (!store.empty()) {
    auto names = read_store_categories("classify", store);
    if (!names) return nullptr;
    categories = std::move(*names);
  }
  std::vector<intents::Diagnostic> diagnostics;
  auto pack = intents::load_pack(directory, diagnostics);
  matcher::add_store_categories(pack.entities, categories);
  std::shared_ptr<const matcher::IntentMatcher> m;
  if (!intents::has_errors(diagnostics)) m = matcher::IntentMatcher::compile(std::move(pack), diagnostics);
  if (!m) {
    std::cerr << intents::format_all(diagnostics) << "\n";
    return nullptr;
  }
  return m;
}

}  // namespace parley::cli
