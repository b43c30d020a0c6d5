// parley::Bot — the facade an app uses.
//
//   #include <parley/bot.h>
//
//   auto bot = parley::Bot::open({.intents = "intents/en", .store = "shop.db"});
//   if (!bot) { std::cerr << bot.error().message() << "\n"; return 1; }
//   parley::Reply r = bot->respond("session-42", "where is my order?");
//   std::cout << r.text << "\n";   // "Sure, what's your order number? ..."
//
// A Bot owns the compiled intents of one locale, the dialogue sessions and a
// connection to the knowledge base. It is movable, not copyable.
//
// Thread safety: respond() may be called from several threads at once for
// different sessions; calls for the same session are serialised. reload()
// may run concurrently with respond(): each turn sees either the old or the
// new intent set, never a mixture.
#ifndef PARLEY_BOT_H_
#define PARLEY_BOT_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "parley/action.h"
#include "parley/export.h"
#include "parley/options.h"
#include "parley/reply.h"
#include "parley/status.h"

namespace parley {

// Told to the host when a conversation is handed to a human.
struct HandoffEvent {
  std::string session_id;
  std::string reason;          // e.g. "customer_request", "sensitive:injury", "not_understood"
  std::int64_t handoff_id = 0; // the row in the store's `handoffs` table (0 if it failed)
  bool within_service_hours = false;  // false: a ticket, answered when the team is back
};

class PARLEY_API Bot {
 public:
  // Loads and compiles the intent pack, opens (creating and migrating if
  // needed) the store. Fails with kNotFound / kInvalidContent (with every
  // problem as file:line:column lines) / kStore / kSchemaTooNew.
  static Result<Bot> open(const BotOptions& options);

  Bot(Bot&&) noexcept;
  Bot& operator=(Bot&&) noexcept;
  ~Bot();

  // Answers one customer message in the named session (created on first
  // use; see BotOptions::max_sessions for how long it stays in memory). Any bytes are accepted: invalid UTF-8 is repaired, overlong
  // messages are cut. Never throws; a store failure during the turn is
  // answered with an apology and a handoff attempt, and shown in the trace.
  Reply respond(std::string_view session_id, std::string_view message);

  // Recompiles the intent pack from disk and swaps it in atomically; the
  // knowledge base's product categories (recognised as the `category`
  // entity, see docs/intents.md section 7) are read again with it. On
  // failure the old pack stays in use and the Status lists every problem.
  Status reload();

  // Forgets the session's dialogue state (slots, counters, verification).
  void reset(std::string_view session_id);

  // The session's current dialogue state name ("idle" for unknown sessions).
  // Reading never creates a session: unknown ids cost no memory.
  std::string state(std::string_view session_id) const;

  // How many sessions this Bot holds in memory now (at most
  // BotOptions::max_sessions).
  std::size_t sessions_in_memory() const;

  // With BotOptions::log_turns, turns reach the store's conversation log
  // in batches, within about 50 ms of their reply (a process killed
  // outright loses at most those from the log; returns, handoffs, feedback
  // and sessions are written before respond() returns). Returns once every
  // turn answered before the call is in the log; the destructor does the
  // same. A failure to log shows in the trace of a later reply.
  void flush_log();

  // Marks the session as signed in by the host app: orders of this customer
  // are discussed without asking for an email or postcode (others' orders
  // still are verified). Pass the store's customer id.
  void sign_in(std::string_view session_id, std::int64_t customer_id);

  // Makes `action` available to flows (flows.yaml `action: name`). Replaces
  // a built-in action of the same name. Not safe to call concurrently with
  // respond(): register actions before serving.
  void register_action(std::string name, Action action);

  // Ends a handoff: the bot answers the session again, with its slots and
  // verification intact. kNotFound for an unknown session.
  Status release(std::string_view session_id);

  // Called (on the responding thread, after the handoff is stored) whenever
  // a conversation is handed over. Set before serving.
  void on_handoff(std::function<void(const HandoffEvent&)> callback);

  // Called with each customer message that arrives while the conversation
  // is handed off: the bot does not answer those itself. Set before serving.
  void on_message_for_agent(std::function<void(std::string_view session_id, std::string_view message)> callback);

  // Records a human agent's message in the session's transcript (so a later
  // handoff or the bot, after release(), sees the whole conversation).
  // kNotFound for an unknown session.
  Status agent_message(std::string_view session_id, std::string_view text);

  // The locale folder the bot loaded (after resolving BotOptions::intents).
  const std::string& intents_directory() const;

 private:
  struct Impl;
  explicit Bot(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley

#endif  // PARLEY_BOT_H_
