#include "convtest/check.h"

#include <algorithm>
#include <cctype>

namespace parley::convtest {
namespace {

// ASCII case folding is enough: expectations are about English words, and
// other bytes (UTF-8 "£", "–") compare exactly.
std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool contains(std::string_view text, std::string_view part) {
  return lower(text).find(lower(part)) != std::string::npos;
}

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

// Continuation lines of a multi-line text, indented under the first.
std::string indent(std::string_view text, const std::string& prefix) {
  std::string out;
  for (char c : text) {
    out += c;
    if (c == '\n') out += prefix;
  }
  return out;
}

std::string suggestions_text(const std::vector<std::string>& suggestions) {
  std::string out = "[";
  for (size_t i = 0; i < suggestions.size(); ++i) out += (i ? ", " : "") + quoted(suggestions[i]);
  return out + "]";
}

}  // namespace

std::vector<std::string> unmet_expectations(const TurnSpec& turn, const Reply& reply) {
  std::vector<std::string> problems;
  if (turn.intent && reply.intent != *turn.intent) {
    problems.push_back("intent: expected '" + *turn.intent + "', got '" + reply.intent + "'");
  }
  if (turn.state && reply.state != *turn.state) {
    problems.push_back("state: expected '" + *turn.state + "', got '" + reply.state + "'");
  }
  if (turn.handoff && reply.handoff != *turn.handoff) {
    problems.push_back(std::string("handoff: expected ") + (*turn.handoff ? "true" : "false") + ", got " +
                       (reply.handoff ? "true" : "false"));
  }
  for (const auto& part : turn.reply_contains) {
    if (!contains(reply.text, part)) problems.push_back("reply_contains: the reply lacks " + quoted(part));
  }
  for (const auto& part : turn.reply_excludes) {
    if (contains(reply.text, part)) problems.push_back("reply_excludes: the reply contains " + quoted(part));
  }
  for (const auto& part : turn.suggestions_contain) {
    const bool found = std::any_of(reply.suggestions.begin(), reply.suggestions.end(),
                                   [&](const std::string& s) { return contains(s, part); });
    if (!found) problems.push_back("suggestions_contain: no suggestion contains " + quoted(part));
  }
  return problems;
}

std::string failure_report(const Conversation& conversation, size_t turn_index,
                           const std::vector<Exchange>& exchanges, const std::vector<std::string>& problems) {
  const TurnSpec& turn = conversation.turns[turn_index];
  std::string out = format_location(turn.where) + ": turn " + std::to_string(turn_index + 1) + " of " +
                    std::to_string(conversation.turns.size()) + " in '" + conversation.name + "'\n";
  out += "  say: " + quoted(turn.say) + "\n";
  for (const auto& p : problems) out += "  FAILED " + p + "\n";
  if (!exchanges.empty()) {
    const Reply& r = exchanges.back().reply;
    out += "  the bot said: " + indent(quoted(r.text), "                ") + "\n";
    out += "    intent " + r.intent + ", state " + r.state + ", handoff " + (r.handoff ? "true" : "false") +
           ", suggestions " + suggestions_text(r.suggestions) + "\n";
  }
  out += "  transcript:\n";
  for (size_t i = 0; i < exchanges.size(); ++i) {
    const auto& e = exchanges[i];
    out += "    " + std::to_string(i + 1) + ". customer: " + indent(e.said, "       ") + "\n";
    out += "       bot (" + e.reply.intent + " -> " + e.reply.state + (e.reply.handoff ? ", handoff" : "") +
           "): " + indent(e.reply.text, "         ") + "\n";
  }
  return out;
}

}  // namespace parley::convtest
