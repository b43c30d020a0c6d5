// `parley test`: runs conversation tests (lib/convtest/convtest.h) and prints
// one line per conversation, the failure reports, and a summary.
#include <iostream>
#include <string>

#include "cli.h"
#include "convtest/convtest.h"

namespace parley::cli {

namespace {

const char* const kUsage = "parley test <file-or-dir>... [--intents DIR] [--locale TAG] [--seed N]";

// A report's lines, indented under its conversation's line.
std::string indented(const std::string& text) {
  std::string out = "    ";
  for (size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == '\n' && i + 1 < text.size()) out += "    ";
  }
  return out;
}

}  // namespace

int test_main(int argc, char** argv) {
  std::vector<FlagSpec> specs = {
      {"intents", true, "intent folder (default: the bundled intents)"},
      {"locale", true, "locale of the pack to use (default: en)"},
      {"seed", true, "seed for the choice of reply variations (default 0)"},
  };
  auto args = parse(argc, argv, 2, specs, kUsage);
  if (!args) return kError;
  if (args->has("help")) {
    print_help(kUsage,
               "Runs conversation tests: YAML files of customer messages, each with what the bot\n"
               "must answer (intent, state, words in the reply, handoff, suggestions). Every *.yaml\n"
               "file of a folder is run. Each conversation gets a fresh session and its own copy of\n"
               "the demo store as of its 'today', so returns and cancellations never leak.\n"
               "Prints 'ok' or 'FAILED' per conversation (with file:line of the failing turn, what\n"
               "the bot said and the transcript), then 'N passed, N failed'.\n"
               "The format is described in docs/conversation-tests.md.",
               specs,
               "  parley test tests/conversations\n"
               "  parley test tests/conversations/returns.yaml --intents intents --locale en\n"
               "  parley test my-tests/ --intents ~/shop/intents\n");
    return kOk;
  }
  if (args->positional.empty()) {
    std::cerr << "parley test: name a conversation file or folder\nusage: " << kUsage << "\n";
    return kError;
  }
  convtest::RunOptions options;
  options.intents = args->get("intents", default_intents());
  options.locale = args->get("locale", "en");
  if (args->has("seed")) {
    try {
      options.seed = std::stoull(args->get("seed"));
    } catch (const std::exception&) {
      std::cerr << "parley test: --seed needs a number, got '" << args->get("seed") << "'\n";
      return kError;
    }
  }

  std::vector<convtest::Conversation> conversations;
  bool load_failed = false;
  for (const auto& path : args->positional) {
    auto loaded = convtest::load_conversations(path);
    if (!loaded) {
      std::cerr << loaded.error().message() << "\n";
      load_failed = true;
      continue;
    }
    for (auto& c : *loaded) conversations.push_back(std::move(c));
  }
  if (load_failed) return kError;

  convtest::RunReport report = convtest::run_conversations(conversations, options);
  for (const auto& r : report.results) {
    if (r.passed) {
      std::cout << "ok      " << r.name << "\n";
    } else {
      std::cout << "FAILED  " << r.name << " (" << convtest::format_location(r.where) << ")\n"
                << indented(r.report);
    }
  }
  std::cout.flush();
  if (!report.error.ok()) {
    std::cerr << "parley test: " << report.error.message() << "\n";
    return kError;
  }
  std::cout << report.passed() << " passed, " << report.failed() << " failed\n";
  return report.failed() == 0 ? kOk : kFindings;
}

}  // namespace parley::cli
