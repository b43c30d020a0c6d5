// Conversation tests: scripted chats with the bot, written in YAML by the
// people who write the intents, and checked turn by turn.
//
// THE FORMAT
//
// A file holds one or more conversations under `conversations:`:
//
//   conversations:
//     - name: order status, verified by email   # required, unique in the run
//       today: 2026-11-24    # optional; default 2026-11-24 (a Tuesday)
//       signed_in: alice.morgan@example.com     # optional; email or customer id
//       turns:                                  # required, at least one
//         - say: where is my order              # required: the customer's message
//           intent: order_status                # optional expectations ...
//           state: collecting_slot
//           reply_contains: [order number]
//           reply_excludes: [on its way]
//           handoff: false
//         - say: 112-4839201-5561234
//           state: verifying
//
// Conversation keys:
//   name       what the conversation shows; printed in results.
//   today      YYYY-MM-DD. The bot's clock reads 10:00 UTC on this day, and
//              the demo store (docs/demo-store.md, default DemoOptions) is
//              generated as of this day, so "late", "delivered 5 days ago"
//              and return windows read as the docs describe.
//   signed_in  the customer the host app signed in (Bot::sign_in): an
//              email of the demo store or a customer id.
//   turns      the customer's messages, in order, each with expectations.
//
// Turn keys (every expectation is optional; a turn without any only moves
// the conversation along):
//   say                  the customer's message (any text, may be "").
//   intent               Reply::intent equals this ("order_status",
//                        "fallback", "slot:order_number", "verify", ...).
//   state                dialogue state after the turn: idle,
//                        collecting_slot, verifying, confirming, clarifying,
//                        offering_human, handed_off, awaiting_feedback.
//   reply_contains       text or list: each is a substring of the reply,
//                        ignoring case.
//   reply_excludes       text or list: none is a substring of the reply,
//                        ignoring case.
//   handoff              true/false: whether this turn handed over to a human.
//   suggestions_contain  text or list: each is a substring (ignoring case)
//                        of at least one of the reply's suggestions.
//
// Unknown keys, a missing `say`, a bad date or state are load errors
// reported as file:line:column.
//
// ISOLATION
//
// Every conversation runs in a new session (named after the conversation,
// so reply variations stay put when others are added) on a store holding
// exactly the demo data of its day: returns and cancellations a conversation
// writes are never seen by another. Per day, the demo store is generated
// once and one Bot is opened on a working copy; before each conversation the
// working copy is reset to the generated content (SQLite online backup), so
// the intents are compiled once per day, not once per conversation.
//
// RUNNING
//
//   auto conversations = convtest::load_conversations("tests/conversations");
//   if (!conversations) { print(conversations.error().message()); return 2; }
//   convtest::RunOptions options;
//   options.intents = "intents";
//   convtest::RunReport report = convtest::run_conversations(*conversations, options);
//   for (const auto& r : report.results) if (!r.passed) print(r.report);
//
// A conversation stops at its first failing turn (later turns depend on it).
// Nothing here prints; `parley test` is the command-line front end.
#ifndef PARLEY_CONVTEST_CONVTEST_H_
#define PARLEY_CONVTEST_CONVTEST_H_

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "parley/status.h"
#include "store/records.h"

namespace parley::convtest {

// A place in a conversation file; line and column are 1-based.
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
};

// "file:line".
std::string format_location(const Location& where);

struct TurnSpec {
  Location where;  // of the turn's `say`
  std::string say;
  std::optional<std::string> intent;
  std::optional<std::string> state;
  std::vector<std::string> reply_contains;
  std::vector<std::string> reply_excludes;
  std::optional<bool> handoff;
  std::vector<std::string> suggestions_contain;
};

// The customer the host signed in: a store customer id, or an email resolved
// against the demo store when the conversation runs.
using SignedIn = std::variant<std::int64_t, std::string>;

struct Conversation {
  Location where;  // of the conversation's `name`
  std::string name;
  store::Date today;
  std::optional<SignedIn> signed_in;
  std::vector<TurnSpec> turns;
};

// The default `today`: 2026-11-24.
store::Date default_today();

// Loads one YAML file, or every *.yaml file of a directory (sorted by name,
// not recursive). kInvalidContent listing every problem as
// "file:line:column: error: message" lines; kNotFound when `path` does not
// exist or a directory holds no *.yaml file.
Result<std::vector<Conversation>> load_conversations(const std::string& path);

struct RunOptions {
  // Intent folder (a locale folder, or the folder above the locales), as
  // BotOptions::intents. Empty: the installed packs.
  std::string intents;
  std::string locale = "en";
  // Seed of the reply variations (BotOptions::seed).
  std::uint64_t seed = 0;
  // Where the demo stores are written. Empty: a fresh temporary directory,
  // removed when the run ends. A given directory is left in place.
  std::string work_directory;
};

struct ConversationResult {
  std::string name;
  Location where;
  bool passed = false;
  int turns_run = 0;
  // Empty when passed; else the readable failure report: the failing turn's
  // file:line, each unmet expectation, what the bot said (text, intent,
  // state, handoff, suggestions) and the transcript so far.
  std::string report;
};

struct RunReport {
  // Not OK when the run could not start or continue: the intents do not load,
  // a demo store cannot be created. `results` then holds what ran before.
  Status error;
  std::vector<ConversationResult> results;  // in the order given

  int passed() const;
  int failed() const;
};

// Runs every conversation in a fresh session on its own store. Never prints.
RunReport run_conversations(const std::vector<Conversation>& conversations, const RunOptions& options);

}  // namespace parley::convtest

#endif  // PARLEY_CONVTEST_CONVTEST_H_
