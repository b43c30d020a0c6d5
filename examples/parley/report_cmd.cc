// `parley report`: what the bot's conversations say about the intents, for
// the people who write them. See docs/report.md.
#include <fstream>
#include <iostream>

#include "cli.h"
#include "report/render.h"
#include "report/report.h"

namespace parley::cli {

namespace {
const char* const kUsage = "parley report --store FILE [--since YYYY-MM-DD] [--html FILE]";
}

int report_main(int argc, char** argv) {
  std::vector<FlagSpec> specs = {
      {"store", true, "the SQLite store the bot writes to (required; opened read-only)"},
      {"since", true, "only turns, handoffs and feedback from this UTC day on (YYYY-MM-DD)"},
      {"html", true, "also write a self-contained HTML report (inline SVG charts) to FILE"},
  };
  auto args = parse(argc, argv, 2, specs, kUsage);
  if (!args) return kError;
  if (args->has("help")) {
    print_help(kUsage,
               "Summarises the conversation log: conversations and turns per day, intents by\n"
               "volume, containment (conversations that needed no human), fallback and escalation\n"
               "rates with the handoff reasons, satisfaction by intent, and the messages the bot\n"
               "did not understand, grouped by a shared word so you see which intent to add or\n"
               "extend. A conversation is one session's turns on one UTC day. The store may be in\n"
               "use by a running bot; nothing is written to it.",
               specs,
               "  parley report --store shop.db\n"
               "  parley report --store shop.db --since 2026-11-01 --html report.html\n"
               "  parley report --store ~/.local/state/parley/demo-2026-11-24.db | less\n");
    return kOk;
  }
  if (!args->positional.empty()) {
    std::cerr << "parley report: unexpected argument '" << args->positional.front()
              << "'\nusage: " << kUsage << "\n";
    return kError;
  }
  if (!args->has("store") || args->get("store").empty()) {
    std::cerr << "parley report: --store FILE is required\nusage: " << kUsage << "\n";
    return kError;
  }
  report::ReportOptions options;
  options.since = args->get("since");
  if (args->has("since") && options.since.empty()) {
    std::cerr << "parley report: --since needs a date like 2026-11-01\n";
    return kError;
  }
  auto result = report::build_report(args->get("store"), options);
  if (!result) {
    std::cerr << "parley report: " << result.error().message() << "\n";
    return kError;
  }
  std::cout << report::render_text(*result) << std::flush;
  if (args->has("html")) {
    const std::string path = args->get("html");
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << report::render_html(*result);
    out.close();
    if (path.empty() || !out) {
      std::cerr << "parley report: could not write the HTML report to '" << path
                << "'; check that its directory exists and is writable\n";
      return kError;
    }
    std::cout << "\nHTML report written to " << path << "\n";
  }
  return kOk;
}

}  // namespace parley::cli
