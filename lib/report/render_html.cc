// The HTML report: one self-contained page (inline CSS and SVG, no scripts,
// no external assets). Every string that came from the store is escaped.
#include <cstdio>
#include <string>

#include "report/render.h"

namespace parley::report {
namespace {

// Intents and reasons beyond this many are summed up in one line.
constexpr std::size_t kMaxBars = 25;

constexpr const char* kStyle = R"css(
:root { --ink: #1f2933; --muted: #616e7c; --line: #d9dee3; --accent: #4c78a8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       color: var(--ink); background: #f5f7fa; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 32px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 0 0 4px; }
.sub { color: var(--muted); margin: 0 0 20px; }
.hint { color: var(--muted); margin: 0 0 12px; font-size: 14px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 18px 20px;
          margin: 0 0 18px; }
.cards { display: grid; grid-template-columns: repeat(6, 1fr); gap: 12px; margin: 0 0 18px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.card .v { font-size: 26px; font-weight: 650; }
.card .k { color: var(--muted); font-size: 13px; }
.card.good .v { color: #2f7d4a; } .card.warn .v { color: #b5542a; }
svg.chart { width: 100%; height: auto; display: block; }
svg text { font: 12px system-ui, sans-serif; fill: var(--ink); }
svg text.axis { fill: var(--muted); font-size: 11px; }
svg text.value { fill: var(--muted); }
svg line.grid { stroke: var(--line); stroke-width: 1; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; font-size: 13px; }
th.n { text-align: right; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.meter { background: #e8ecf0; border-radius: 3px; height: 10px; width: 160px; }
.meter > div { height: 10px; border-radius: 3px; background: #54a24b; }
.group { border-top: 1px solid var(--line); padding: 10px 0 8px; }
.group:first-of-type { border-top: none; }
.group h3 { font-size: 16px; margin: 0 0 4px; }
.count { display: inline-block; min-width: 34px; padding: 1px 8px; margin-right: 8px; border-radius: 10px;
         background: #fdecea; color: #b5342a; font-weight: 650; text-align: center; }
.word { font-family: ui-monospace, "DejaVu Sans Mono", monospace; background: #eef2f6; padding: 1px 6px;
        border-radius: 4px; }
ul.examples { margin: 4px 0 0 50px; padding: 0; list-style: none; }
ul.examples li { margin: 2px 0; color: #323f4b; }
ul.comments { margin-left: 12px; font-size: 13px; }
.times { color: var(--muted); font-size: 13px; margin-left: 6px; }
.empty { color: var(--muted); font-style: italic; }
@media (max-width: 800px) { .cards { grid-template-columns: repeat(2, 1fr); } }
)css";

std::string n(std::int64_t v) { return std::to_string(v); }

void card(std::string& out, const std::string& value, const std::string& key,
          const std::string& cls = "") {
  out += "<div class=\"card " + cls + "\"><div class=\"v\">" + escape_html(value) +
         "</div><div class=\"k\">" + escape_html(key) + "</div></div>";
}

void headline(const Report& r, std::string& out) {
  out += "<div class=\"cards\">";
  card(out, n(r.conversations), "conversations");
  card(out, n(r.turns), "turns");
  card(out, format_percent(r.containment_rate()), "containment (no human needed)", "good");
  card(out, format_percent(r.escalation_rate()), "escalated to a human", "warn");
  card(out, format_percent(r.fallback_rate()), "turns not understood", "warn");
  card(out, r.feedback_responses ? format_percent(r.helpful_rate()) : "\u2013",
       r.feedback_responses ? "rated helpful (" + n(r.feedback_responses) + " answers)"
                            : "rated helpful (no feedback)");
  out += "</div>";
}

void per_day(const Report& r, std::string& out) {
  std::vector<std::string> labels;
  Series contained{"contained", "#4c78a8", {}};
  Series escalated{"escalated", "#e45756", {}};
  Series turns{"turns", "#72b7b2", {}};
  for (const DayFigures& d : r.days) {
    labels.push_back(d.day);
    contained.values.push_back(d.conversations - d.escalated);
    escalated.values.push_back(d.escalated);
    turns.values.push_back(d.turns);
  }
  out += "<section><h2>Conversations per day</h2><p class=\"hint\">A conversation is one session's "
         "turns on one UTC day; escalated ones had a handoff to a human.</p>";
  out += column_chart(labels, {contained, escalated}, "conversations");
  out += "</section><section><h2>Turns per day</h2><p class=\"hint\">Every customer message the "
         "bot answered, asked about, did not understand or handed over.</p>";
  out += column_chart(labels, {turns}, "turns");
  out += "</section>";
}

void intents(const Report& r, std::string& out) {
  out += "<section><h2>Intents by volume</h2><p class=\"hint\">Turns recognised as each intent "
         "(fallback and clarification turns are counted below).</p>";
  if (r.intents.empty()) {
    out += "<p class=\"empty\">No intent was recognised in this period.</p></section>";
    return;
  }
  std::vector<Bar> bars;
  std::int64_t rest_turns = 0;
  for (std::size_t i = 0; i < r.intents.size(); ++i) {
    const IntentVolume& v = r.intents[i];
    if (i < kMaxBars) {
      bars.push_back({v.intent, v.turns,
                      std::string(v.turns == 1 ? "turn" : "turns") + " in " + n(v.conversations) +
                          (v.conversations == 1 ? " conversation" : " conversations")});
    } else {
      rest_turns += v.turns;
    }
  }
  out += bar_chart(bars, "#4c78a8");
  if (r.intents.size() > kMaxBars) {
    out += "<p class=\"hint\">and " + n(static_cast<std::int64_t>(r.intents.size() - kMaxBars)) +
           " more intents with " + n(rest_turns) + " turns.</p>";
  }
  if (!r.dialogue_steps.empty()) {
    out += "<p class=\"hint\">Dialogue steps (not intents): ";
    for (std::size_t i = 0; i < r.dialogue_steps.size(); ++i) {
      const IntentVolume& v = r.dialogue_steps[i];
      out += (i ? ", " : "") + std::string("<span class=\"word\">") + escape_html(v.intent) +
             "</span> " + n(v.turns);
    }
    out += " turns.</p>";
  }
  out += "</section>";
}

void escalation(const Report& r, std::string& out) {
  out += "<section><h2>Fallback and escalation</h2><table><tr><th>figure</th><th class=\"n\">rate</th>"
         "<th>count</th></tr>";
  const auto row = [&](const std::string& name, double rate, const std::string& count) {
    out += "<tr><td>" + escape_html(name) + "</td><td class=\"n\">" + format_percent(rate) +
           "</td><td>" + escape_html(count) + "</td></tr>";
  };
  row("not understood (fallback)", r.fallback_rate(),
      n(r.fallback_turns) + " of " + n(r.turns) + " turns, in " + n(r.fallback_conversations) +
          " conversations");
  row("asked which was meant (clarification)", r.clarification_rate(),
      n(r.clarified_turns) + " of " + n(r.turns) + " turns");
  row("handed to a human (escalation)", r.escalation_rate(),
      n(r.escalated_conversations) + " of " + n(r.conversations) + " conversations");
  out += "</table><h2 style=\"margin-top:18px\">Why conversations were handed over</h2>";
  if (r.handoff_reasons.empty()) {
    out += "<p class=\"empty\">No handoffs in this period.</p></section>";
    return;
  }
  std::vector<Bar> bars;
  for (const ReasonCount& c : r.handoff_reasons) {
    bars.push_back({c.reason, c.count,
                    "(" + format_percent(static_cast<double>(c.count) /
                                         static_cast<double>(r.handoffs)) + ")"});
  }
  out += bar_chart(bars, "#e45756") + "</section>";
}

void satisfaction(const Report& r, std::string& out) {
  out += "<section><h2>Satisfaction by intent</h2><p class=\"hint\">Answers to \"was this "
         "helpful?\", per intent.</p>";
  if (r.satisfaction.empty()) {
    out += "<p class=\"empty\">No feedback recorded in this period.</p></section>";
    return;
  }
  out += "<table><tr><th>intent</th><th class=\"n\">answers</th><th class=\"n\">helpful</th><th></th></tr>";
  for (const IntentSatisfaction& s : r.satisfaction) {
    const double rate = s.responses ? static_cast<double>(s.helpful) / static_cast<double>(s.responses) : 0;
    char width[16];
    std::snprintf(width, sizeof width, "%.0f", rate * 100);
    std::string comments;
    for (const std::string& c : s.comments) comments += "<li><q>" + escape_html(c) + "</q></li>";
    if (!comments.empty()) comments = "<ul class=\"examples comments\">" + comments + "</ul>";
    out += "<tr><td>" + escape_html(s.intent) + comments + "</td><td class=\"n\">" + n(s.responses) +
           "</td><td class=\"n\">" + format_percent(rate) + "</td><td><div class=\"meter\"><div "
           "style=\"width:" + width + "%\"></div></div></td></tr>";
  }
  out += "</table></section>";
}

void examples(const std::vector<Example>& list, std::string& out) {
  out += "<ul class=\"examples\">";
  for (const Example& e : list) {
    out += "<li><q>" + escape_html(e.text) + "</q>";
    if (e.count > 1) out += "<span class=\"times\">\u00d7" + n(e.count) + "</span>";
    out += "</li>";
  }
  out += "</ul>";
}

void unmatched(const Report& r, std::string& out) {
  const UnmatchedSummary& u = r.unmatched;
  out += "<section><h2>What the bot did not understand</h2><p class=\"hint\">" + n(u.messages) +
         " messages not understood (the fallback turns, and the turns handed to a human because the "
         "bot did not understand them), grouped by the word they share. A large group is a topic "
         "to add as a new intent, or examples to add to the intent that should have matched.</p>";
  if (u.messages == 0) {
    out += "<p class=\"empty\">Every message was understood.</p></section>";
    return;
  }
  for (const UnmatchedGroup& g : u.groups) {
    out += "<div class=\"group\"><h3><span class=\"count\">" + n(g.messages) +
           "</span><span class=\"word\">" + escape_html(g.word) + "</span>";
    for (const std::string& w : g.related) out += " <span class=\"word\">" + escape_html(w) + "</span>";
    out += "</h3>";
    examples(g.examples, out);
    out += "</div>";
  }
  if (u.ungrouped > 0) {
    out += "<div class=\"group\"><h3><span class=\"count\">" + n(u.ungrouped) +
           "</span>sharing no word with another message</h3>";
    examples(u.ungrouped_examples, out);
    out += "</div>";
  }
  out += "</section>";
}

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string render_html(const Report& r) {
  std::string period = r.days.empty() ? std::string("no conversations logged")
                                      : r.days.front().day + " to " + r.days.back().day + " (UTC)";
  if (!r.since.empty()) period += ", since " + r.since;
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>parley report \u2013 " + escape_html(r.store_path) + "</title><style>" + kStyle +
      "</style></head><body><main><h1>Bot report</h1><p class=\"sub\">" +
      escape_html(r.store_path) + " \u00b7 " + escape_html(period) + "</p>";
  headline(r, out);
  if (!r.days.empty()) per_day(r, out);
  intents(r, out);
  escalation(r, out);
  satisfaction(r, out);
  unmatched(r, out);
  out += "</main></body></html>\n";
  return out;
}

}  // namespace parley::report
