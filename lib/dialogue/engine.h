// The dialogue state machine: one customer message in, one Reply out.
//
// States and transitions are drawn in docs/dialogue.md. In short:
//   idle --intent with a flow--> collecting_slot --all slots--> verifying
//        --identity proven--> confirming (writes only) --yes--> idle
//   any state --human_agent / sensitive / repeated misses--> handed_off
//   any state --stop--> idle
//   idle --ambiguous--> clarifying --choice--> (the chosen intent's flow)
// While a question is pending, a message that does not answer it but asks
// something else is answered and the question is asked again.
#ifndef PARLEY_DIALOGUE_ENGINE_H_
#define PARLEY_DIALOGUE_ENGINE_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "dialogue/action_context.h"
#include "dialogue/renderer.h"
#include "dialogue/session.h"
#include "escalation/escalation.h"
#include "matcher/matcher.h"
#include "parley/action.h"
#include "parley/reply.h"
#include "store/store.h"

namespace parley::dialogue {

// Everything one turn needs besides the session. Not owned.
struct TurnEnvironment {
  const matcher::IntentMatcher& matcher;
  const Renderer& renderer;
  const escalation::Detector& escalation;
  store::Store& store;
  const std::map<std::string, Action, std::less<>>& host_actions;
  store::Date today;
  std::chrono::system_clock::time_point now;
  std::uint64_t seed = 0;
  std::size_t max_message_chars = 2000;
  // Explain the decision in Reply::trace (the matcher's reasons and each
  // dialogue step). Off: the trace holds only failures (store errors, host
  // actions that threw), and the turn skips building the explanation.
  bool trace = true;
};

// Response keys the dialogue itself says (a pack must define them all);
// `sensitive_<topic>` for each sensitive topic of the pack's policy comes on
// top. Built-in actions' own keys render as "[key]" when missing, which
// lint reports.
const std::vector<std::string>& required_responses();

// Reports each required response the pack lacks (at the pack's folder).
void check_required_responses(const intents::Pack& pack, std::vector<intents::Diagnostic>& diagnostics);

// Warns, at the intent, for each intent without a `label_<id>` response:
// when a message is ambiguous between it and another, the bot's question
// names each option by its label, and without one by the id itself.
void check_intent_labels(const intents::Pack& pack, std::vector<intents::Diagnostic>& diagnostics);

// Runs one turn: updates `session` and returns the reply. Never throws;
// store failures are apologised for and shown in the trace.
Reply run_turn(Session& session, std::string_view message, const TurnEnvironment& env);

}  // namespace parley::dialogue

#endif  // PARLEY_DIALOGUE_ENGINE_H_
