// The shared front end of the `parley` command: flags, help, exit codes and
// the defaults every subcommand agrees on.
#ifndef PARLEY_EXAMPLES_CLI_H_
#define PARLEY_EXAMPLES_CLI_H_

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace parley::cli {

// Exit status of every subcommand.
constexpr int kOk = 0;        // done, nothing to report
constexpr int kFindings = 1;  // done, and found problems (lint errors, failed tests)
constexpr int kError = 2;     // wrong usage or a runtime error (message on stderr)

struct FlagSpec {
  std::string name;  // without dashes: "store"
  bool takes_value;
  std::string help;
};

// Parsed command line of one subcommand: --name value, --name=value,
// boolean --name; everything else is positional.
struct Args {
  std::map<std::string, std::string> flags;
  std::vector<std::string> positional;
  bool has(const std::string& name) const { return flags.count(name) > 0; }
  std::string get(const std::string& name, const std::string& fallback = "") const {
    auto it = flags.find(name);
    return it == flags.end() ? fallback : it->second;
  }
};

// Parses argv[first..]; on an unknown flag or a missing value prints the
// problem and `usage` to stderr and returns nullopt.
std::optional<Args> parse(int argc, char** argv, int first, const std::vector<FlagSpec>& specs,
                          const std::string& usage);

// Prints a subcommand's help: usage, description, flags, examples.
void print_help(const std::string& usage, const std::string& description,
                const std::vector<FlagSpec>& specs, const std::string& examples);

// The user's state directory: $XDG_STATE_HOME/parley or ~/.local/state/parley
// (created if missing).
std::string state_directory();

// The user's cache directory: $XDG_CACHE_HOME/parley or ~/.cache/parley
// (created if missing). Holds the compiled-pack cache (BotOptions::cache_directory).
std::string cache_directory();

// The bundled intents: $PARLEY_INTENTS, else the source tree's intents/ when
// running from a build directory, else the installed copy.
std::string default_intents();

// The demo store "as of" `today` in `directory` (demo-YYYY-MM-DD.db),
// generated on first use so its late and recent orders match the day;
// demo stores of other days there are removed. Returns "" and prints the
// error if it cannot be created.
std::string ensure_demo_store(const std::string& directory, std::chrono::year_month_day today);

// The product categories of the existing knowledge base `path`, opened
// read only (nothing is created or changed), for the subcommands that
// match as a bot on that store would (classify, lint). On a missing file
// or a store problem prints "parley <command>: --store PATH: ..." and
// returns nullopt.
std::optional<std::vector<std::string>> read_store_categories(const std::string& command, const std::string& path);

// Flags shared by the subcommands that open a bot.
std::vector<FlagSpec> bot_flags();

}  // namespace parley::cli

#endif  // PARLEY_EXAMPLES_CLI_H_
