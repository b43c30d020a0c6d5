// What the bot says back for one customer message, and why.
#ifndef PARLEY_REPLY_H_
#define PARLEY_REPLY_H_

#include <string>
#include <utility>
#include <vector>

namespace parley {

// One intent the matcher considered, with its calibrated confidence in [0, 1].
struct Candidate {
  std::string intent;
  double confidence = 0.0;
};

struct Reply {
  // The text to show the customer. Never empty.
  std::string text;
  // The intent that drove this turn: an intent id from the pack, or
  // "fallback" (nothing matched well enough), "ambiguous" (two intents too
  // close to call), or the name of the dialogue step that consumed the
  // message (e.g. "slot:order_number" when the customer answered a prompt).
  std::string intent;
  // Confidence of `intent` in [0, 1]; 1 for messages consumed by a prompt.
  double confidence = 0.0;
  // Dialogue state after the turn, e.g. "idle", "collecting_slot",
  // "verifying", "confirming", "clarifying", "handed_off".
  std::string state;
  // True when this turn handed the conversation to a human agent.
  bool handoff = false;
  // Short replies the customer may tap (clarifying choices, yes/no).
  std::vector<std::string> suggestions;
  // The best candidates of the matcher, best first (at most 3).
  std::vector<Candidate> candidates;
  // Slots known after the turn (name, value); personal data included, so
  // hosts must not log this field unredacted.
  std::vector<std::pair<std::string, std::string>> slots;
  // Human-readable lines explaining the decision: which pattern, phrase or
  // example decided, which vetoes applied, what the dialogue did.
  std::vector<std::string> trace;
};

}  // namespace parley

#endif  // PARLEY_REPLY_H_
