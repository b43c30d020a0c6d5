// The terminal summary of a Report.
#include <algorithm>
#include <cstdio>
#include <string>

#include "report/render.h"

namespace parley::report {
namespace {

std::string pad(std::string text, std::size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

std::string right(const std::string& text, std::size_t width) {
  return text.size() < width ? std::string(width - text.size(), ' ') + text : text;
}

std::string n(std::int64_t v) { return std::to_string(v); }

std::string of(std::int64_t part, std::int64_t whole) {
  return format_percent(whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 0);
}

void period(const Report& r, std::string& out) {
  out += "parley report: " + r.store_path + "\n";
  if (r.days.empty()) {
    out += "period: " + (r.since.empty() ? std::string("all days") : "since " + r.since) +
           ": no conversations logged\n";
    return;
  }
  out += "period: " + r.days.front().day + " to " + r.days.back().day + " (UTC)";
  if (!r.since.empty()) out += ", since " + r.since;
  out += "\n";
}

void headline(const Report& r, std::string& out) {
  const std::int64_t contained = r.conversations - r.escalated_conversations;
  out += "\n" + pad("conversations", 16) + n(r.conversations) +
         "   (a session's turns on one UTC day)\n";
  out += pad("turns", 16) + n(r.turns) + "\n";
  out += pad("containment", 16) + format_percent(r.containment_rate()) + "   (" + n(contained) +
         " of " + n(r.conversations) + " conversations ended without a human)\n";
  out += pad("escalation", 16) + format_percent(r.escalation_rate()) + "   (" +
         n(r.escalated_conversations) + " conversations handed to a human)\n";
  out += pad("fallback", 16) + format_percent(r.fallback_rate()) + "   (" + n(r.fallback_turns) +
         " turns not understood, in " + n(r.fallback_conversations) + " conversations)\n";
  out += pad("clarification", 16) + format_percent(r.clarification_rate()) + "   (" +
         n(r.clarified_turns) + " turns where the bot asked which was meant)\n";
  out += pad("helpful", 16) +
         (r.feedback_responses ? format_percent(r.helpful_rate()) + "   (" + n(r.feedback_helpful) +
                                     " of " + n(r.feedback_responses) + " feedback answers)"
                               : std::string("-   (no feedback recorded)")) +
         "\n";
}

void per_day(const Report& r, std::string& out) {
  out += "\nper day:        conversations  turns  escalated\n";
  for (const DayFigures& d : r.days) {
    out += "  " + pad(d.day, 14) + right(n(d.conversations), 13) + right(n(d.turns), 7) +
           right(n(d.escalated), 11) + "\n";
  }
}

void intents(const Report& r, std::string& out) {
  out += "\nintents by volume:                    turns  conversations\n";
  if (r.intents.empty()) out += "  (none)\n";
  for (const IntentVolume& i : r.intents) {
    out += "  " + pad(i.intent, 34) + right(n(i.turns), 7) + right(n(i.conversations), 15) + "\n";
  }
  if (r.dialogue_steps.empty()) return;
  out += "dialogue steps (slot filling, verification, feedback, handoffs):\n";
  for (const IntentVolume& i : r.dialogue_steps) {
    out += "  " + pad(i.intent, 34) + right(n(i.turns), 7) + right(n(i.conversations), 15) + "\n";
  }
}

void handoffs(const Report& r, std::string& out) {
  out += "\nhandoff reasons (" + n(r.handoffs) + " handoffs):\n";
  if (r.handoff_reasons.empty()) out += "  (none)\n";
  for (const ReasonCount& c : r.handoff_reasons) {
    out += "  " + pad(c.reason, 34) + right(n(c.count), 7) + right(of(c.count, r.handoffs), 9) + "\n";
  }
}

void satisfaction(const Report& r, std::string& out) {
  out += "\nsatisfaction by intent:              answers  helpful\n";
  if (r.satisfaction.empty()) out += "  (no feedback recorded)\n";
  for (const IntentSatisfaction& s : r.satisfaction) {
    out += "  " + pad(s.intent, 34) + right(n(s.responses), 7) +
           right(of(s.helpful, s.responses), 9) + "\n";
    for (const std::string& c : s.comments) out += "      not helpful: " + c + "\n";
  }
}

void unmatched(const Report& r, std::string& out) {
  const UnmatchedSummary& u = r.unmatched;
  out += "\nunmatched messages (" + n(u.messages) +
         " not understood), grouped by a shared word:\n";
  if (u.messages == 0) {
    out += "  (none)\n";
    return;
  }
  for (const UnmatchedGroup& g : u.groups) {
    std::string words = "\"" + g.word + "\"";
    if (!g.related.empty()) {
      words += " with";
      for (const std::string& w : g.related) words += " " + w;
    }
    out += "  " + right(n(g.messages), 5) + "  " + words + "\n";
    for (const Example& e : g.examples) {
      out += "         " + (e.count > 1 ? n(e.count) + "x " : std::string()) + e.text + "\n";
    }
  }
  if (u.ungrouped > 0) {
    out += "  " + right(n(u.ungrouped), 5) + "  sharing no word with another message\n";
    for (const Example& e : u.ungrouped_examples) {
      out += "         " + (e.count > 1 ? n(e.count) + "x " : std::string()) + e.text + "\n";
    }
  }
}

}  // namespace

std::string format_percent(double fraction) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", fraction * 100.0);
  return buf;
}

std::string render_text(const Report& r) {
  std::string out;
  period(r, out);
  if (r.days.empty() && r.handoffs == 0 && r.feedback_responses == 0) return out;
  headline(r, out);
  per_day(r, out);
  intents(r, out);
  handoffs(r, out);
  satisfaction(r, out);
  unmatched(r, out);
  return out;
}

}  // namespace parley::report
