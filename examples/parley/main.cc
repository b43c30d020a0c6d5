// The `parley` command: one front end for the tester's REPL and the
// writer's tools. See docs/cli.md.
#include <cstring>
#include <iostream>

#include "cli.h"

namespace parley::cli {
int chat_main(int argc, char** argv);
int classify_main(int argc, char** argv);
int lint_main(int argc, char** argv);
int report_main(int argc, char** argv);
int test_main(int argc, char** argv);
}  // namespace parley::cli

namespace {

void usage(std::ostream& out) {
  out << "usage: parley <command> [flags]\n\n"
         "commands:\n"
         "  chat       talk to the bot (the tester's REPL)\n"
         "  classify   classify messages from stdin, one line each\n"
         "  lint       check an intent folder: syntax, conflicts, confusions\n"
         "  report     analytics of the conversation log for content writers\n"
         "  test       run conversation tests (YAML) against the bot\n"
         "\n'parley <command> --help' shows a command's flags and examples.\n";
}

}  // namespace

int main(int argc, char** argv) {
  using namespace parley::cli;
  if (argc < 2) {
    usage(std::cerr);
    return kError;
  }
  const std::string command = argv[1];
  if (command == "--help" || command == "help" || command == "-h") {
    usage(std::cout);
    return kOk;
  }
  if (command == "chat") return chat_main(argc, argv);
  if (command == "classify") return classify_main(argc, argv);
  if (command == "lint") return lint_main(argc, argv);
  if (command == "report") return report_main(argc, argv);
  if (command == "test") return test_main(argc, argv);
  std::cerr << "parley: unknown command '" << command << "'\n";
  usage(std::cerr);
  return kError;
}
