// `parley lint`: every problem of an intent folder, with file:line:column,
// then the confusion table and a summary line. See lib/lint/lint.h.
#include <filesystem>
#include <iostream>
#include <string>

#include "cli.h"
#include "lint/lint.h"

namespace parley::cli {

namespace {

const char* const kUsage = "parley lint [--locale TAG] [--format text|json] [--store FILE] DIR";

const char* const kDescription =
    "Checks a folder of intent files (one locale) and prints every problem as\n"
    "  file:line:column: error|warning: message\n"
    "Errors: YAML syntax, unknown keys, duplicate ids, bad regular expressions (RE2's\n"
    "message), bad phrases, slots without an entity, intents with nothing to match,\n"
    "bad response templates (ICU MessageFormat), the same example under two intents,\n"
    "flows naming an unknown intent or a missing response.\n"
    "Warnings: an example listed twice in one intent, and conflicts: examples the\n"
    "matcher sends to another intent, finds ambiguous or does not understand. A\n"
    "confusion table of the conflicts and a summary line follow.\n"
    "With --store, the knowledge base's product categories are added as a bot on that\n"
    "store adds them: the conflicts are that bot's, and store categories it cannot\n"
    "recognise or that examples use as everyday words (\"my home address\") are warnings.\n"
    "DIR is a locale folder (intents/en), or its parent folder with --locale.";

const char* const kExamples =
    "  parley lint intents/en\n"
    "  parley lint intents --locale en\n"
    "  parley lint --format=json intents/en > lint.json\n"
    "  parley lint --store shop.db intents/en       # as the bot on shop.db reads them\n"
    "  parley lint intents/en | grep error:     # errors only\n";

}  // namespace

int lint_main(int argc, char** argv) {
  std::vector<FlagSpec> specs = {
      {"locale", true, "with a parent folder: the locale subfolder to check (e.g. en)"},
      {"intents", true, "the folder to check, instead of DIR"},
      {"format", true, "text (default) or json"},
      {"store", true, "an existing knowledge base whose product categories the bot would recognise "
                      "(opened read only)"},
  };
  auto args = parse(argc, argv, 2, specs, kUsage);
  if (!args) return kError;
  if (args->has("help")) {
    print_help(kUsage, kDescription, specs, kExamples);
    return kOk;
  }
  const std::string format = args->get("format", "text");
  if (format != "text" && format != "json") {
    std::cerr << "parley lint: --format must be text or json, not '" << format << "'\nusage: " << kUsage
              << "\n";
    return kError;
  }
  std::string directory = args->get("intents");
  if (args->positional.size() > 1 || (!directory.empty() && !args->positional.empty())) {
    std::cerr << "parley lint: give one folder\nusage: " << kUsage << "\n";
    return kError;
  }
  if (directory.empty() && !args->positional.empty()) directory = args->positional[0];
  if (directory.empty()) {
    std::cerr << "parley lint: which folder? e.g. parley lint intents/en\nusage: " << kUsage << "\n";
    return kError;
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  if (args->has("locale")) {
    const fs::path sub = fs::path(directory) / args->get("locale");
    if (fs::is_directory(sub, ec)) {
      directory = sub.string();
    } else if (fs::path(directory).filename() != args->get("locale")) {
      std::cerr << "parley lint: no folder '" << sub.string() << "'\n";
      return kError;
    }
  }
  if (!fs::is_directory(directory, ec)) {
    std::cerr << "parley lint: '" << directory << "' is not a folder\n";
    return kError;
  }

  std::vector<std::string> categories;
  if (args->has("store")) {
    auto names = read_store_categories("lint", args->get("store"));
    if (!names) return kError;
    categories = std::move(*names);
  }
  const lint::LintReport report = lint::lint_pack(directory, categories);
  if (format == "json") {
    std::cout << lint::format_json(report) << "\n";
  } else {
    for (const auto& d : report.diagnostics) std::cout << intents::format(d) << "\n";
    if (!report.conflicts_checked) {
      std::cout << "flows and conflicts were not checked: fix the errors first\n";
    }
    if (const std::string table = lint::format_confusion_table(report); !table.empty()) {
      std::cout << "\n" << table;
    }
    std::cout << lint::format_summary(report) << "\n";
  }
  return report.errors() > 0 ? kFindings : kOk;
}

}  // namespace parley::cli
