// The dialogue state machine (see engine.h and docs/dialogue.md). One
// cohesive class: each handle_* method is one state's transitions.
#include "dialogue/engine.h"

#include <algorithm>
#include <cstdio>

#include "dialogue/json.h"
#include "redact/redact.h"
#include "text/utf8.h"

namespace parley::dialogue {
namespace {

constexpr double kSideQuestionConfidence = 0.6;
// After "what could I have done better?" almost anything is a comment; only
// a very clear request is taken as a new question instead.
constexpr double kNewRequestAfterFeedback = 0.9;
constexpr int kDefaultRetries = 2;

// An intent id as a customer could read it: "password_recover" -> "password recover".
std::string spoken_id(std::string id) {
  std::replace(id.begin(), id.end(), '_', ' ');
  return id;
}
// A "yes" or "no" when nothing was asked is unexpected: it is taken as one
// only on clear evidence. Below this, a message that merely resembles one
// ("invoice not correct, please make a new one"; "how do I place a bet")
// stays a miss: the customer is told the bot did not understand, and the
// message reaches the writers' list of unmatched questions.
constexpr double kStrayAnswerConfidence = 0.7;
const char* const kQuestion = "_question";  // last question asked, for re-asking
const char* const kOfferReason = "_offer";  // why a human was offered
const char* const kOffered = "_offered";    // suggestions of the last question, folded
const char* const kFrustrationOffered = "_frustration_offered";
const char* const kFeedbackDeclined = "_feedback_no";  // waiting for an optional comment
// After "both" to "which one?": the second request, until the first is done
// (kNext), then while the customer may pick it (kNextOffered). Intent ids.
const char* const kNext = "_next";
const char* const kNextOffered = "_next_offered";
// Slots the flow's action asked for ("new_address", "item", "reason"), one
// each followed by a comma: a declined confirmation forgets them, so that asking again
// does not propose what the customer just said no to.
const char* const kActionAsked = "_action_asked";

bool is_private_slot(const std::string& name) { return !name.empty() && name[0] == '_'; }

std::string lower_no_spaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// lower_no_spaces(s) == folded, without building the string.
bool same_lower_no_spaces(std::string_view s, std::string_view folded) {
  std::size_t j = 0;
  for (char c : s) {
    if (c == ' ') continue;
    if (j == folded.size() || static_cast<char>(std::tolower(static_cast<unsigned char>(c))) != folded[j]) {
      return false;
    }
    ++j;
  }
  return j == folded.size();
}

class TurnRunner {
 public:
  TurnRunner(Session& session, const TurnEnvironment& env) : s_(session), env_(env) {}

  Reply run(std::string_view message);

 private:
  // --- one method per state ---
  void handle_idle();
  void handle_collecting();
  void handle_verifying();
  void handle_confirming();
  void handle_clarifying();
  void handle_offering_human();
  void handle_handed_off();
  void handle_feedback();

  void proactive_notice();

  // --- escalation ---
  bool escalate_sensitive();
  void track_frustration();
  void maybe_ask_feedback(const std::string& intent);
  void record_feedback(bool helpful, const std::string& comment);

  // --- flow steps ---
  void start_intent(const std::string& intent);
  void advance_flow();
  void run_action(bool confirmed);
  void apply(const Outcome& outcome);
  bool answer_side_question(const std::string& intent);
  void interrupt(const std::string& intent);
  void reask(const char* prefix_key);
  // Erases the slots the flow's action asked for (after a declined confirmation).
  void forget_action_answers();
  void offer_human(const std::string& reason, const std::string& text);
  void handoff(const std::string& reason);
  void fallback();
  void clarify();
  // The words for intent `id` in a question to the customer (its label).
  std::string label_of(const std::string& id) const;
  // Once the dialogue is idle again, offers the request kept by "both".
  void offer_next_request();
  // Whether the customer took the request offered last turn (its suggestion,
  // or a yes); if so, starts it.
  bool start_offered_request();

  // --- helpers ---
  const intents::FlowDef* flow_for(const std::string& intent) const;
  // How many times the current flow re-asks for `slot` (its `retries:`).
  int slot_retries(const std::string& slot) const;
  bool needs_verification(const intents::FlowDef& flow);
  bool missing_slots(const intents::FlowDef& flow) const;
  std::string extract_slot(const std::string& slot);
  void fill_slots_from_message(const std::string& intent);
  void ask(std::string text, std::vector<std::string> suggestions = {});
  void say(const std::string& text);
  std::string render(const std::string& key, const Args& args = {}) const {
    return env_.renderer.render(key, args, pick());
  }
  // The variation choice: fixed for the whole turn (set once `turns` counts it).
  std::uint64_t pick() const { return pick_; }
  std::string decided() const;  // confident intent id, or ""
  // The customer tapped (or typed) a suggestion of the slot question pending.
  bool picked_suggestion() const;
  std::string intent_name(int index) const {
    return env_.matcher.intents()[static_cast<size_t>(index)].id;
  }
  // A line explaining the decision: kept only when the host asked for traces.
  void trace(std::string line) {
    if (env_.trace) problem(std::move(line));
  }
  // A failure the host must hear about: always kept.
  void problem(std::string line) { reply_.trace.push_back("dialogue: " + std::move(line)); }

  Session& s_;
  const TurnEnvironment& env_;
  matcher::MatchResult m_;
  std::string message_;  // sanitised customer text
  Reply reply_;
  bool side_question_ = false;  // answering an interruption; the flow resumes after
  std::uint64_t pick_ = 0;
};

bool TurnRunner::picked_suggestion() const {
  if (s_.state != State::kCollectingSlot || message_.empty()) return false;
  auto offered = s_.slots.find(kOffered);
  return offered != s_.slots.end() &&
         offered->second.find("\n" + lower_no_spaces(message_) + "\n") != std::string::npos;
}

std::string TurnRunner::decided() const {
  if (m_.decision != matcher::Decision::kIntent) return "";
  return intent_name(m_.best()->intent);
}

void TurnRunner::say(const std::string& text) {
  if (text.empty()) return;
  if (!reply_.text.empty()) reply_.text += "\n";
  reply_.text += text;
}

void TurnRunner::ask(std::string text, std::vector<std::string> suggestions) {
  std::string offered = "\n";  // "\nyes\nno\n"
  for (const auto& suggestion : suggestions) offered += lower_no_spaces(suggestion) + "\n";
  s_.slots[kOffered] = offered;
  s_.slots[kQuestion] = text;
  say(text);
  reply_.suggestions = std::move(suggestions);
}

Reply TurnRunner::run(std::string_view message) {
  s_.turns++;
  pick_ = env_.seed * 1000003u + std::hash<std::string>{}(s_.id) + static_cast<std::uint64_t>(s_.turns) * 7919u;
  const State before = s_.state;
  matcher::MatchContext context;
  context.question_pending = s_.state == State::kConfirming || s_.state == State::kOfferingHuman ||
                             (s_.state == State::kAwaitingFeedback && !s_.slots.count(kFeedbackDeclined));
  context.slot_pending = s_.state == State::kCollectingSlot || s_.state == State::kVerifying;
  context.choice_pending = s_.state == State::kClarifying;
  m_ = env_.matcher.match(message, context, env_.max_message_chars);
  message_ = text::sanitize(message, env_.max_message_chars).text;
  s_.record("customer", message_);
  if (env_.trace) reply_.trace = env_.matcher.explain(m_);
  reply_.intent = m_.decision == matcher::Decision::kIntent ? decided()
                                                            : matcher::decision_name(m_.decision);
  reply_.confidence = m_.best() ? m_.best()->confidence : 0.0;
  if (m_.input.truncated) say(render("message_too_long"));
  if (s_.turns == 1 && s_.customer_id) proactive_notice();

  const std::string intent = decided();
  if (s_.state == State::kHandedOff) {
    handle_handed_off();
  } else if (escalate_sensitive()) {
    // handed over
  } else if (intent == "human_agent") {
    trace("the customer asked for a person");
    handoff("customer_request");
  } else if (intent == "stop" && s_.state != State::kIdle && !picked_suggestion()) {
    trace("stop: leaving flow '" + s_.flow + "'");
    s_.end_flow();
    say(render("stopped"));
  } else {
    switch (s_.state) {
      case State::kIdle: handle_idle(); break;
      case State::kAwaitingFeedback: handle_feedback(); break;
      case State::kCollectingSlot: handle_collecting(); break;
      case State::kVerifying: handle_verifying(); break;
      case State::kConfirming: handle_confirming(); break;
      case State::kClarifying: handle_clarifying(); break;
      case State::kOfferingHuman: handle_offering_human(); break;
      case State::kHandedOff: handle_handed_off(); break;
    }
  }

  if (s_.state != State::kHandedOff) track_frustration();
  offer_next_request();
  if (reply_.text.empty()) say(render("fallback"));
  reply_.state = state_name(s_.state);
  if (before != s_.state) trace(std::string("state ") + state_name(before) + " -> " + state_name(s_.state));
  for (size_t i = 0; i < m_.ranked.size() && i < 3; ++i) {
    reply_.candidates.push_back({intent_name(m_.ranked[i].intent), m_.ranked[i].confidence});
  }
  for (const auto& [k, v] : s_.slots) {
    if (!is_private_slot(k)) reply_.slots.emplace_back(k, v);
  }
  s_.record("bot", reply_.text);
  return std::move(reply_);
}

// --- states ---------------------------------------------------------------

void TurnRunner::handle_idle() {
  s_.state = State::kIdle;
  if (start_offered_request()) return;
  if (m_.decision == matcher::Decision::kIntent) {
    start_intent(decided());
    return;
  }
  // A bare order number after an answer continues (or corrects) the last
  // order conversation: "no, it's 112-...".
  auto numbers = env_.matcher.entities().extract_type(m_.input.folded, "order_number");
  if (!numbers.empty() && m_.decision == matcher::Decision::kAmbiguous) {
    // Two requests about this order are close: ask which, keeping the number.
    const std::string number = canonical_order_number(numbers.front().value);
    auto known = s_.slots.find("order_number");
    if (known == s_.slots.end() || known->second != number) {
      s_.slots.erase("item");
      s_.slots.erase("reason");
    }
    s_.slots["order_number"] = number;
    clarify();
    return;
  }
  if (!numbers.empty()) {
    const std::string intent = !s_.last_intent.empty() && flow_for(s_.last_intent) ? s_.last_intent : "order_status";
    trace("order number without a clear intent: continuing '" + intent + "'");
    start_intent(intent);
    return;
  }
  if (m_.decision == matcher::Decision::kAmbiguous) {
    clarify();
    return;
  }
  // "yes" / "no" only match while a question is pending; with none, they get
  // their flows.yaml answer instead of counting as a miss.
  matcher::MatchContext pending;
  pending.question_pending = true;
  const matcher::MatchResult again = env_.matcher.match(message_, pending, env_.max_message_chars);
  if (again.decision == matcher::Decision::kIntent && again.best()->confidence >= kStrayAnswerConfidence) {
    const std::string id = intent_name(again.best()->intent);
    if (id == "affirm" || id == "deny") {
      trace("'" + id + "' with no question pending");
      reply_.intent = id;
      start_intent(id);
      return;
    }
  }
  fallback();
}

void TurnRunner::handle_collecting() {
  const std::string slot = s_.pending_slot;
  std::string value = extract_slot(slot);
  if (!value.empty()) {
    s_.slots[slot] = value;
    s_.retries = 0;
    reply_.intent = "slot:" + slot;
    reply_.confidence = 1.0;
    trace("slot '" + slot + "' = '" + value + "'");
    s_.state = State::kIdle;
    s_.pending_slot.clear();
    advance_flow();
    return;
  }
  const std::string other = decided();
  if (!other.empty() && other != s_.flow && other != "affirm" && other != "deny") {
    interrupt(other);
    return;
  }
  if (++s_.retries > slot_retries(slot)) {
    offer_human("slot_not_understood", render("slot_give_up"));
    return;
  }
  reask("reask_slot");
}

void TurnRunner::handle_verifying() {
  const auto& entities = env_.matcher.entities();
  auto numbers = entities.extract_type(m_.input.folded, "order_number");
  if (!numbers.empty()) s_.slots["order_number"] = canonical_order_number(numbers.front().value);
  auto emails = entities.extract_type(m_.input.folded, "email");
  auto postcodes = entities.extract_type(m_.input.folded, "postcode");
  if (!numbers.empty() && emails.empty() && postcodes.empty()) {
    // A correction ("no, it's 112-..."): ask for the proof of the new order.
    reply_.intent = "slot:order_number";
    reply_.confidence = 1.0;
    s_.retries = 0;
    trace("order number corrected to " + s_.slots["order_number"]);
    ask(render("verify_prompt", {{"order", s_.slots["order_number"]}}));
    return;
  }
  if (emails.empty() && postcodes.empty()) {
    const std::string other = decided();
    if (!other.empty() && other != s_.flow && other != "affirm" && other != "deny") {
      interrupt(other);
      return;
    }
    if (++s_.retries > kDefaultRetries) {
      offer_human("verification_not_given", render("slot_give_up"));
      return;
    }
    reask("reask_verify");
    return;
  }
  reply_.intent = "verify";
  reply_.confidence = 1.0;
  const std::string number = s_.slots["order_number"];
  bool match = false;
  auto order = env_.store.find_order_by_number(number);
  if (!order) {
    problem("store error: " + order.error().message());
    offer_human("store_error", render("store_error"));
    return;
  }
  if (order->has_value()) {
    auto customer = env_.store.find_customer((*order)->customer_id);
    if (customer && customer->has_value()) {
      for (const auto& e : emails) match |= lower_no_spaces(e.value) == lower_no_spaces((*customer)->email);
    }
    for (const auto& p : postcodes) {
      match |= lower_no_spaces(p.value) == lower_no_spaces((*order)->shipping_address.postcode);
    }
  }
  if (match) {
    trace("identity verified for order " + number);
    s_.verified_orders.insert(number);
    s_.retries = 0;
    s_.state = State::kIdle;
    advance_flow();
    return;
  }
  ++s_.failed_verifications;
  trace("verification failed (" + std::to_string(s_.failed_verifications) + " of " +
        std::to_string(env_.escalation.policy().failed_verifications) + ")");
  if (s_.failed_verifications >= env_.escalation.policy().failed_verifications) {
    s_.slots["_locked"] = "1";
    say(render("verify_locked"));
    handoff("verification_failed");
    return;
  }
  ask(render("verify_failed", {{"order", number}}));
}

void TurnRunner::handle_confirming() {
  const std::string intent = decided();
  if (intent == "affirm") {
    trace("confirmed");
    s_.state = State::kIdle;
    run_action(true);
  } else if (intent == "deny") {
    trace("declined");
    forget_action_answers();
    s_.end_flow();
    say(render("confirm_declined"));
  } else if (!intent.empty() && intent != s_.flow) {
    interrupt(intent);
  } else if (++s_.retries > kDefaultRetries) {
    forget_action_answers();
    s_.end_flow();
    say(render("confirm_declined"));
  } else {
    reask("reask_yes_no");
  }
}

void TurnRunner::forget_action_answers() {
  const std::string asked = s_.slots[kActionAsked];
  s_.slots.erase(kActionAsked);
  std::size_t begin = 0;
  for (std::size_t end; (end = asked.find(',', begin)) != std::string::npos; begin = end + 1) {
    const std::string slot = asked.substr(begin, end - begin);
    if (s_.slots.erase(slot) > 0) trace("forgot '" + slot + "'");
  }
}

void TurnRunner::handle_clarifying() {
  const std::vector<std::string> options = s_.options;
  s_.end_flow();
  std::string chosen;
  const std::string intent = decided();
  if (intent == "both" && options.size() == 2) {
    trace("both: '" + options[0] + "' first, then '" + options[1] + "'");
    say(render("both_first", {{"option", label_of(options[0])}}));
    s_.slots[kNext] = options[1];  // before: a handoff on the way drops it
    start_intent(options[0]);
    return;
  }
  if (std::find(options.begin(), options.end(), intent) != options.end()) chosen = intent;
  if (intent == "choose_first" && !options.empty()) chosen = options[0];
  if (intent == "choose_second" && options.size() > 1) chosen = options[1];
  for (size_t i = 0; chosen.empty() && i < options.size(); ++i) {
    if (message_ == std::to_string(i + 1)) chosen = options[i];
  }
  for (const auto& c : m_.ranked) {
    if (!chosen.empty()) break;
    const std::string name = intent_name(c.intent);
    if (c.confidence >= 0.3 && std::find(options.begin(), options.end(), name) != options.end()) chosen = name;
  }
  if (!chosen.empty()) {
    trace("clarified: " + chosen);
    reply_.intent = chosen;
    start_intent(chosen);
    return;
  }
  handle_idle();
}

void TurnRunner::handle_offering_human() {
  const std::string intent = decided();
  if (intent == "affirm") {
    handoff(s_.slots.count(kOfferReason) ? s_.slots[kOfferReason] : "offered");
    return;
  }
  // An answer we cannot read ("hmm", "maybe") keeps the offer open once, with
  // the question again; a second one, or any request, moves on from it.
  if (intent.empty() && s_.retries == 0) {
    ++s_.retries;
    trace("unclear answer to the offer of a person: asked again");
    reask("reask_yes_no");
    return;
  }
  s_.slots.erase(kOfferReason);
  s_.end_flow();
  if (intent == "deny") {
    say(render("offer_declined"));
    return;
  }
  handle_idle();
}

void TurnRunner::handle_handed_off() {
  trace("handed off: the message waits for the agent");
  reply_.intent = "handed_off";
  say(render("with_agent"));
}

// --- flows ------------------------------------------------------------------

const intents::FlowDef* TurnRunner::flow_for(const std::string& intent) const {
  const auto& flows = env_.matcher.pack().flows;
  auto it = flows.find(intent);
  return it == flows.end() ? nullptr : &it->second;
}

std::string TurnRunner::extract_slot(const std::string& slot) {
  if (env_.matcher.entities().knows(slot)) {
    auto found = env_.matcher.entities().extract_type(m_.input.folded, slot);
    if (found.empty()) return "";
    return slot == "order_number" ? canonical_order_number(found.front().value) : found.front().value;
  }
  // A free-text slot (an item, a reason): the message itself is the value.
  std::string value = message_;
  while (!value.empty() && value.back() == ' ') value.pop_back();
  while (!value.empty() && value.front() == ' ') value.erase(value.begin());
  return value;
}

void TurnRunner::fill_slots_from_message(const std::string& intent) {
  const int index = env_.matcher.intent_index(intent);
  std::vector<std::string> wanted;
  if (index >= 0) {
    for (const auto& slot : env_.matcher.intents()[static_cast<size_t>(index)].slots) wanted.push_back(slot.entity);
  }
  if (const auto* flow = flow_for(intent)) {
    for (const auto& slot : flow->slots) wanted.push_back(slot.name);
  }
  for (const auto& e : m_.input.entities) {
    if (std::find(wanted.begin(), wanted.end(), e.type) == wanted.end()) continue;
    std::string value = e.type == "order_number" ? canonical_order_number(e.value) : e.value;
    if (e.type == "order_number" && s_.slots["order_number"] != value) {
      // A different order: what we knew about the previous one no longer applies.
      s_.slots.erase("item");
      s_.slots.erase("reason");
    }
    s_.slots[e.type] = value;
    // The customer's word for a product category ("jumper" for 'clothing')
    // tells two items of one category apart. (Only this entity's words are
    // kept: the others are personal data, held once, in their slot.)
    if (e.type == "category") s_.slots[kSaidCategory] = e.text;
    trace("slot '" + e.type + "' = '" + value + "' (from the message)");
  }
  for (const auto& [name, value] : m_.captures) s_.slots[name] = value;
}

void TurnRunner::start_intent(const std::string& intent) {
  s_.misses = 0;
  s_.end_flow();
  s_.flow = intent;
  s_.last_intent = intent;
  fill_slots_from_message(intent);
  if (!flow_for(intent)) s_.slots["topic"] = intent;
  advance_flow();
}

int TurnRunner::slot_retries(const std::string& slot) const {
  if (const intents::FlowDef* flow = flow_for(s_.flow)) {
    for (const auto& def : flow->slots) {
      if (def.name == slot) return def.retries;
    }
  }
  return kDefaultRetries;
}

bool TurnRunner::missing_slots(const intents::FlowDef& flow) const {
  return std::any_of(flow.slots.begin(), flow.slots.end(),
                     [&](const intents::FlowSlotDef& slot) { return !s_.slots.count(slot.name); });
}

bool TurnRunner::needs_verification(const intents::FlowDef& flow) {
  if (!flow.verify) return false;
  // Without an order there is nothing private to reveal yet.
  if (!s_.slots.count("order_number")) return false;
  const std::string number = s_.slots["order_number"];
  if (s_.verified_orders.count(number)) return false;
  if (s_.customer_id) {
    auto order = env_.store.find_order_by_number(number);
    if (order && order->has_value() && (*order)->customer_id == *s_.customer_id) {
      s_.verified_orders.insert(number);
      trace("order " + number + " belongs to the signed-in customer");
      return false;
    }
  }
  return true;
}

void TurnRunner::advance_flow() {
  const intents::FlowDef* flow = flow_for(s_.flow);
  if (flow) {
    for (const auto& slot : flow->slots) {
      if (s_.slots.count(slot.name)) continue;
      s_.state = State::kCollectingSlot;
      s_.pending_slot = slot.name;
      trace("asking for slot '" + slot.name + "'");
      ask(render(slot.prompt));
      return;
    }
    if (flow->verify && s_.slots.count("_locked")) {
      offer_human("verification_locked", render("verify_locked"));
      return;
    }
    if (needs_verification(*flow)) {
      s_.state = State::kVerifying;
      trace("verifying identity for order " + s_.slots["order_number"]);
      ask(render("verify_prompt", {{"order", s_.slots["order_number"]}}));
      return;
    }
  }
  run_action(false);
}

void TurnRunner::run_action(bool confirmed) {
  const intents::FlowDef* flow = flow_for(s_.flow);
  const std::string action = flow && !flow->action.empty() ? flow->action
                             : flow && !flow->response.empty() ? ""
                             : env_.renderer.has(s_.flow) ? ""
                                                           : "faq";
  if (auto host = env_.host_actions.find(action); host != env_.host_actions.end()) {
    if (flow && !flow->confirm.empty() && !confirmed) {
      Args args;
      for (const auto& [k, v] : s_.slots) {
        if (!is_private_slot(k)) args[k] = v;
      }
      s_.state = State::kConfirming;
      ask(render(flow->confirm, args), {render("suggest_yes"), render("suggest_no")});
      return;
    }
    ActionRequest request{s_.id, s_.flow, message_, {}, s_.customer_id};
    for (const auto& [k, v] : s_.slots) {
      if (!is_private_slot(k)) request.slots[k] = v;
    }
    trace("running host action '" + action + "'");
    ActionResponse response;
    try {
      response = host->second(request);
    } catch (const std::exception& e) {
      problem(std::string("host action threw: ") + e.what());
      say(render("store_error"));
      handoff("action_failed");
      return;
    } catch (...) {
      problem("host action threw");
      say(render("store_error"));
      handoff("action_failed");
      return;
    }
    for (const auto& [k, v] : response.slots) s_.slots[k] = v;
    s_.end_flow();
    say(response.text.empty() ? render("action_done") : response.text);
    reply_.suggestions = response.suggestions;
    if (response.handoff) handoff("action_requested");
    return;
  }
  if (BuiltinAction builtin = find_builtin_action(action)) {
    trace("running action '" + action + "'" + (confirmed ? " (confirmed)" : ""));
    ActionContext ctx{s_, env_.store, env_.renderer, env_.matcher.entities(), env_.today, pick(), message_, confirmed};
    apply(builtin(ctx));
    return;
  }
  const std::string key = flow && !flow->response.empty() ? flow->response : s_.flow;
  trace("answering with response '" + key + "'");
  s_.end_flow();
  say(render(key));
}

void TurnRunner::apply(const Outcome& outcome) {
  if (!outcome.error.empty()) problem("store error: " + outcome.error);
  switch (outcome.kind) {
    case Outcome::Kind::kDone: {
      const std::string intent = s_.flow;
      s_.end_flow();
      s_.slots.erase(kQuestion);
      s_.slots.erase(kActionAsked);
      say(outcome.text);
      reply_.suggestions = outcome.suggestions;
      if (outcome.suggestions.empty()) maybe_ask_feedback(intent);
      break;
    }
    case Outcome::Kind::kConfirm:
      s_.state = State::kConfirming;
      ask(outcome.text, outcome.suggestions);
      break;
    case Outcome::Kind::kAskSlot: {
      std::string& asked = s_.slots[kActionAsked];
      if (("," + asked).find("," + outcome.slot + ",") == std::string::npos) asked += outcome.slot + ",";
      s_.state = State::kCollectingSlot;
      s_.pending_slot = outcome.slot;
      trace("action asks for '" + outcome.slot + "'");
      ask(outcome.text, outcome.suggestions);
      break;
    }
    case Outcome::Kind::kOfferHuman:
      offer_human(outcome.error.empty() ? "action_offer" : "store_error", outcome.text);
      if (!outcome.suggestions.empty()) reply_.suggestions = outcome.suggestions;
      break;
    case Outcome::Kind::kHandoff:
      say(outcome.text);
      handoff(outcome.reason);
      break;
  }
}

bool TurnRunner::answer_side_question(const std::string& intent) {
  const intents::FlowDef* flow = flow_for(intent);
  if (m_.best()->confidence < kSideQuestionConfidence) return false;
  if (flow && (missing_slots(*flow) || needs_verification(*flow))) return false;
  // Run the other intent's answer without disturbing the pending question.
  Session saved = s_;
  s_.end_flow();
  s_.flow = intent;
  if (!flow) s_.slots["topic"] = intent;
  side_question_ = true;
  run_action(false);
  side_question_ = false;
  const bool finished = s_.state == State::kIdle;
  const auto answered_slots = s_.slots;
  s_ = saved;
  s_.slots = answered_slots;
  s_.slots[kQuestion] = saved.slots[kQuestion];
  if (!finished) return false;
  trace("answered '" + intent + "' as a side question");
  return true;
}

void TurnRunner::interrupt(const std::string& intent) {
  const std::string reply_before = reply_.text;
  if (answer_side_question(intent)) {
    reask("resume");
    return;
  }
  reply_.text = reply_before;
  trace("switching from '" + s_.flow + "' to '" + intent + "'");
  start_intent(intent);
}

void TurnRunner::reask(const char* prefix_key) {
  const std::string question = s_.slots.count(kQuestion) ? s_.slots[kQuestion] : "";
  say(render(prefix_key));
  if (!question.empty()) say(question);
}

void TurnRunner::offer_human(const std::string& reason, const std::string& text) {
  s_.end_flow();
  s_.state = State::kOfferingHuman;
  s_.slots[kOfferReason] = reason;
  trace("offering a human (" + reason + ")");
  ask(text, {render("suggest_yes"), render("suggest_no")});
}

void TurnRunner::fallback() {
  ++s_.misses;
  trace("not understood (" + std::to_string(s_.misses) + " in a row)");
  if (s_.misses >= env_.escalation.policy().misses_before_handoff) {
    handoff("not_understood");
    return;
  }
  say(render("fallback"));
  reply_.suggestions = {render("suggest_track"), render("suggest_return"), render("suggest_human")};
}

void TurnRunner::clarify() {
  s_.end_flow();
  s_.state = State::kClarifying;
  for (size_t i = 0; i < m_.ranked.size() && i < 2; ++i) s_.options.push_back(intent_name(m_.ranked[i].intent));
  Args args;
  std::vector<std::string> suggestions;
  for (size_t i = 0; i < s_.options.size(); ++i) {
    const std::string label = label_of(s_.options[i]);
    args["option" + std::to_string(i + 1)] = label;
    suggestions.push_back(label);
  }
  trace("ambiguous: asking which one");
  ask(render("clarify", args), suggestions);
}

std::string TurnRunner::label_of(const std::string& id) const {
  std::string label = render("label_" + id);
  if (label.front() == '[') label = spoken_id(id);  // lint warns of it
  return label;
}

void TurnRunner::offer_next_request() {
  auto next = s_.slots.find(kNext);
  if (next == s_.slots.end() || s_.state != State::kIdle) return;
  const std::string id = next->second;
  s_.slots.erase(next);
  s_.slots[kNextOffered] = id;
  const std::string label = label_of(id);
  trace("offering the second request: " + id);
  say(render("next_request", {{"option", label}}));
  reply_.suggestions.push_back(label);
}

bool TurnRunner::start_offered_request() {
  auto offered = s_.slots.find(kNextOffered);
  if (offered == s_.slots.end()) return false;
  const std::string id = offered->second;
  s_.slots.erase(offered);  // offered once: any other message moves on
  // The suggestion itself, or a yes to "shall we do that now?".
  bool picked = lower_no_spaces(message_) == lower_no_spaces(label_of(id));
  if (!picked) {
    matcher::MatchContext asked;
    asked.question_pending = true;
    const matcher::MatchResult answer = env_.matcher.match(message_, asked, env_.max_message_chars);
    picked = answer.decision == matcher::Decision::kIntent && intent_name(answer.best()->intent) == "affirm";
  }
  if (!picked) return false;
  trace("picked the offered request: " + id);
  reply_.intent = id;
  start_intent(id);
  return true;
}

void TurnRunner::handoff(const std::string& reason) {
  // The person sees the whole conversation, the second request too.
  s_.slots.erase(kNext);
  s_.slots.erase(kNextOffered);
  JsonWriter json;
  json.begin_object();
  json.key("reason").value(reason);
  json.key("session").value(s_.id);
  json.key("customer_id");
  if (s_.customer_id) json.value(static_cast<long long>(*s_.customer_id)); else json.null();
  json.key("verified_orders").begin_array();
  for (const auto& o : s_.verified_orders) json.value(o);
  json.end_array();
  json.key("slots").begin_object();
  for (const auto& [k, v] : s_.slots) {
    if (!is_private_slot(k)) json.key(k).value(redact::redact(v));
  }
  json.end_object();
  json.key("candidates").begin_array();
  for (const auto& c : m_.ranked) {
    json.begin_object().key("intent").value(intent_name(c.intent)).key("confidence").value(c.confidence).end_object();
  }
  json.end_array();
  json.key("frustration").value(s_.frustration);
  json.key("transcript").begin_array();
  for (const auto& t : s_.transcript) {
    json.begin_object().key("speaker").value(t.speaker).key("text").value(redact::redact(t.text)).end_object();
  }
  json.end_array();
  json.end_object();

  store::HandoffRecord record;
  record.session = s_.id;
  record.reason = reason;
  record.created_at = std::chrono::floor<std::chrono::seconds>(env_.now);
  record.payload_json = json.str();
  auto id = env_.store.record_handoff(record);
  if (id) {
    trace("handoff #" + std::to_string(*id) + " recorded (" + reason + ")");
  } else {
    problem("handoff could not be recorded: " + id.error().message());
  }
  const escalation::ServiceWindow window = env_.escalation.service_window(env_.now);
  s_.end_flow();
  s_.state = State::kHandedOff;
  s_.slots["_handoff_reason"] = reason;
  s_.slots["_handoff_id"] = id ? std::to_string(*id) : "0";
  s_.slots["_handoff_open"] = window.open ? "1" : "0";
  reply_.handoff = true;
  if (window.open) {
    say(render("handoff"));
    return;
  }
  char time[16];
  std::snprintf(time, sizeof time, "%02d:%02d", (window.next_minute / 60) % 24, window.next_minute % 60);
  trace("outside service hours: the handoff is a ticket");
  say(render("handoff_ticket", {{"when", window.next_is_today ? std::string("today")
                                          : window.next_is_tomorrow ? std::string("tomorrow")
                                                                    : render("weekday_" + std::to_string(window.next_weekday))},
                                {"time", std::string(time)}}));
}

// A signed-in customer whose recent order is late or lost hears about it
// first, before being asked.
void TurnRunner::proactive_notice() {
  auto orders = env_.store.recent_orders_for_customer(*s_.customer_id, 5);
  if (!orders) {
    problem("store error: " + orders.error().message());
    return;
  }
  const auto today = std::chrono::sys_days{env_.today};
  for (const auto& order : *orders) {
    auto shipments = env_.store.shipments_for_order(order.id);
    if (!shipments) continue;
    for (const auto& sh : *shipments) {
      const bool lost = sh.status == store::ShipmentStatus::kLost;
      const bool open = sh.status == store::ShipmentStatus::kInTransit ||
                        sh.status == store::ShipmentStatus::kLabelCreated;
      const auto due = sh.estimated_date ? sh.estimated_date : sh.promised_date;
      const bool late = open && due && std::chrono::sys_days{*due} < today;
      if (!lost && !late) continue;
      trace(std::string("told the signed-in customer first: order ") + order.number + (lost ? " lost" : " late"));
      s_.verified_orders.insert(order.number);
      s_.slots["order_number"] = order.number;  // "where is it?" now means this order
      say(render(lost ? "proactive_lost" : "proactive_late", {{"order", order.number}}));
      return;
    }
  }
}

bool TurnRunner::escalate_sensitive() {
  const std::string topic = env_.escalation.sensitive_topic(m_.input.words);
  if (topic.empty()) return false;
  trace("sensitive topic: " + topic);
  reply_.intent = "sensitive:" + topic;
  say(render("sensitive_" + topic));
  handoff("sensitive:" + topic);
  return true;
}

void TurnRunner::track_frustration() {
  bool repeated = false;
  const std::string current = lower_no_spaces(message_);
  for (size_t i = 0; i + 1 < s_.transcript.size(); ++i) {
    const Turn& t = s_.transcript[i];
    if (t.speaker == "customer" && !current.empty() && same_lower_no_spaces(t.text, current)) repeated = true;
  }
  const auto& policy = env_.escalation.policy();
  const escalation::FrustrationSignal signal = env_.escalation.frustration(message_, m_.input.words, repeated);
  s_.frustration = s_.frustration * policy.decay + signal.score;
  if (signal.score > 0) {
    std::string cues;
    for (const auto& c : signal.cues) cues += (cues.empty() ? "" : ", ") + c;
    char buf[64];
    std::snprintf(buf, sizeof buf, "frustration +%.1f = %.1f", signal.score, s_.frustration);
    trace(std::string(buf) + " (" + cues + ")");
  }
  if (reply_.handoff) return;
  // After an offer, frustration that keeps rising hands over.
  if (s_.slots.count(kFrustrationOffered) && signal.score > 0 && s_.frustration >= policy.handoff_at) {
    trace("frustration kept rising after the offer");
    say(render("frustration_handoff"));
    handoff("frustration");
    return;
  }
  if (s_.frustration < policy.offer_at || s_.slots.count(kFrustrationOffered)) return;
  s_.slots[kFrustrationOffered] = "1";
  if (s_.state == State::kIdle || s_.state == State::kAwaitingFeedback) {
    s_.end_flow();
    s_.state = State::kOfferingHuman;
    s_.slots[kOfferReason] = "frustration";
    trace("frustrated: offering a human");
    ask(render("frustration_offer"), {render("suggest_yes"), render("suggest_no")});
    return;
  }
  // In the middle of a flow the pending question stays; the offer is a hint.
  trace("frustrated: mentioning a human without leaving the flow");
  say(render("frustration_hint"));
  reply_.suggestions.push_back(render("suggest_human"));
}

void TurnRunner::maybe_ask_feedback(const std::string& intent) {
  const auto& after = env_.escalation.policy().feedback_after;
  if (std::find(after.begin(), after.end(), intent) == after.end()) return;
  if (side_question_) return;  // the pending question comes first
  if (s_.slots.count("_feedback_asked")) return;  // once per conversation is enough
  s_.slots["_feedback_asked"] = "1";
  s_.state = State::kAwaitingFeedback;
  s_.slots["_feedback_intent"] = intent;
  s_.slots.erase(kFeedbackDeclined);
  say(render("feedback_ask"));
  reply_.suggestions = {render("suggest_yes"), render("suggest_no")};
}

void TurnRunner::record_feedback(bool helpful, const std::string& comment) {
  store::FeedbackRecord record;
  record.session = s_.id;
  record.intent = s_.slots["_feedback_intent"];
  record.outcome = "answered";
  record.helpful = helpful;
  if (!comment.empty()) record.comment = redact::redact(comment);
  record.created_at = std::chrono::floor<std::chrono::seconds>(env_.now);
  if (Status st = env_.store.record_feedback(record); !st.ok()) {
    problem("feedback could not be recorded: " + st.message());
  } else {
    trace(std::string("feedback recorded: ") + (helpful ? "helpful" : "not helpful"));
  }
  s_.slots.erase("_feedback_intent");
  s_.slots.erase(kFeedbackDeclined);
}

void TurnRunner::handle_feedback() {
  const std::string intent = decided();
  if (s_.slots.count(kFeedbackDeclined)) {
    // The optional comment after a "no": anything that is not a new request.
    s_.state = State::kIdle;
    if (intent.empty() || m_.best()->confidence < kNewRequestAfterFeedback) {
      record_feedback(false, message_);
      reply_.intent = "feedback";
      say(render("feedback_comment_thanks"));
      return;
    }
    record_feedback(false, "");
    handle_idle();
    return;
  }
  if (intent == "affirm") {
    s_.state = State::kIdle;
    record_feedback(true, "");
    say(render("feedback_thanks"));
  } else if (intent == "deny") {
    s_.slots[kFeedbackDeclined] = "1";
    say(render("feedback_ask_comment"));
  } else {
    s_.state = State::kIdle;
    s_.slots.erase("_feedback_intent");
    handle_idle();
  }
}


}  // namespace

const std::vector<std::string>& required_responses() {
  static const std::vector<std::string> kKeys = {
      "action_done", "clarify", "confirm_declined", "fallback", "feedback_ask",
      "feedback_ask_comment", "feedback_comment_thanks", "feedback_thanks", "frustration_handoff",
      "frustration_hint", "frustration_offer", "handoff", "handoff_ticket", "message_too_long",
      "offer_declined", "reask_slot", "reask_verify", "reask_yes_no", "resume", "slot_give_up",
      "stopped", "store_error", "store_unavailable", "suggest_human", "suggest_no", "suggest_return",
      "suggest_track", "suggest_yes", "verify_failed", "verify_locked", "verify_prompt",
      "weekday_0", "weekday_1", "weekday_2", "weekday_3", "weekday_4", "weekday_5", "weekday_6",
      "with_agent"};
  return kKeys;
}

void check_required_responses(const intents::Pack& pack, std::vector<intents::Diagnostic>& diagnostics) {
  std::vector<std::string> needed = required_responses();
  for (const auto& [topic, words] : pack.escalation.sensitive) needed.push_back("sensitive_" + topic);
  const bool answers_both = std::any_of(pack.intents.begin(), pack.intents.end(), [](const auto& intent) {
    return intent.id == "both" && matcher::context_of(intent).choice_pending;
  });
  if (answers_both) {
    needed.push_back("both_first");
    needed.push_back("next_request");
  }
  for (const auto& key : needed) {
    if (pack.responses.count(key)) continue;
    diagnostics.push_back({intents::SourceLocation{pack.directory, 0, 0}, intents::Severity::kError,
                           "response '" + key + "' is missing: the dialogue says it (add it under `responses:`)"});
  }
}

void check_intent_labels(const intents::Pack& pack, std::vector<intents::Diagnostic>& diagnostics) {
  for (const auto& intent : pack.intents) {
    const std::string key = "label_" + intent.id;
    if (pack.responses.count(key)) continue;
    diagnostics.push_back({intent.where, intents::Severity::kWarning,
                           "intent '" + intent.id + "' has no response '" + key +
                               "': when a message could mean it or another intent, the bot asks which one "
                               "(response 'clarify') and would call this one '" + spoken_id(intent.id) +
                               "'. Add `" + key + ": [...]` under `responses:`, worded to fit 'clarify'"});
  }
}

Reply run_turn(Session& session, std::string_view message, const TurnEnvironment& env) {
  return TurnRunner(session, env).run(message);
}

}  // namespace parley::dialogue
