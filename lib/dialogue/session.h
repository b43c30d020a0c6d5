// One conversation's dialogue state, and its compact text form.
#ifndef PARLEY_DIALOGUE_SESSION_H_
#define PARLEY_DIALOGUE_SESSION_H_

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "parley/status.h"

namespace parley::dialogue {

// The explicit states of the dialogue (see docs/dialogue.md).
enum class State {
  kIdle,              // nothing pending
  kCollectingSlot,    // asked the customer for a value (`pending_slot`)
  kVerifying,         // asked for the email or postcode of an order
  kConfirming,        // asked a yes/no question before an action writes
  kClarifying,        // asked which of several intents was meant
  kOfferingHuman,     // offered a human; yes hands over
  kHandedOff,         // a human agent owns the conversation
  kAwaitingFeedback,  // asked whether the answer helped
};

const char* state_name(State s);
std::optional<State> state_from_name(std::string_view name);

struct Turn {
  std::string speaker;  // "customer", "bot" or "agent"
  std::string text;
};

struct Session {
  static constexpr std::size_t kMaxTranscript = 30;  // turns kept for handoffs

  std::string id;
  std::string locale;
  State state = State::kIdle;
  std::string flow;          // intent whose flow is in progress, or ""
  std::string pending_slot;  // slot asked for in kCollectingSlot
  int retries = 0;           // re-asks of the pending question
  std::map<std::string, std::string> slots;  // carried over between turns
  std::vector<std::string> options;          // clarifying choices (intent ids)
  std::string last_intent;                   // last intent answered
  int misses = 0;                // consecutive fallback turns
  int failed_verifications = 0;  // identity checks failed in this session
  double frustration = 0.0;      // accumulated frustration score
  std::optional<std::int64_t> customer_id;  // signed in by the host app
  std::set<std::string> verified_orders;    // order numbers the customer proved
  std::int64_t turns = 0;
  std::vector<Turn> transcript;  // the last kMaxTranscript turns

  void record(std::string speaker, std::string text);
  // Leaves any flow: state idle, pending question and options cleared.
  void end_flow();
};

// Compact, line-based text form ("key=value", values percent-escaped),
// stable across versions (starts with "v=1"). Contains personal data.
std::string serialize(const Session& session);
// Parses serialize()'s output. Any bytes are accepted; malformed input is an
// kInvalidArgument error naming the line, never a crash.
Result<Session> deserialize(std::string_view text);

}  // namespace parley::dialogue

#endif  // PARLEY_DIALOGUE_SESSION_H_
