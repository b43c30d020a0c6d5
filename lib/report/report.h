// Analytics over what the bot wrote to the store: the figures behind
// `parley report`, for content writers deciding which intent to add or fix.
//
//   report::ReportOptions options;
//   options.since = "2026-11-01";
//   auto r = report::build_report("shop.db", options);
//   if (!r) { std::cerr << r.error().message() << "\n"; return 2; }
//   std::cout << report::render_text(*r);            // render.h
//
// Definitions (docs/report.md explains how to read them):
// - A conversation is one session's turns on one UTC day (the first ten
//   characters of conversation_log.at). A session that goes on past
//   midnight counts as two conversations.
// - A conversation is escalated when it has a turn logged as handed_off or a
//   row in handoffs for the same session on the same day; contained
//   otherwise. Containment = contained / all conversations.
// - Unmatched messages are the redacted texts of the turns the bot did not
//   understand: logged with outcome fallback, or with intent fallback and
//   outcome handed_off (the bot gave up and handed over).
//
// The store is opened read-only and every figure is read inside one read
// transaction, so a report is a consistent snapshot even while a bot writes
// to the same file (WAL mode). Nothing is written.
#ifndef PARLEY_REPORT_REPORT_H_
#define PARLEY_REPORT_REPORT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "parley/status.h"
#include "report/unmatched.h"

namespace parley::report {

struct ReportOptions {
  // First day included, "YYYY-MM-DD" (UTC); empty (default): every day.
  std::string since;
  // How the unmatched messages are grouped (see unmatched.h).
  GroupingOptions grouping;
  // At most this many fallback messages are read for grouping, newest first.
  // Default: 50000.
  std::int64_t max_unmatched_messages = 50000;
  // Latest "not helpful" comments kept per intent. Default: 3.
  int comments_per_intent = 3;
};

struct DayFigures {
  std::string day;  // "YYYY-MM-DD"
  std::int64_t conversations = 0;
  std::int64_t turns = 0;
  std::int64_t escalated = 0;  // conversations of the day that were escalated
};

struct IntentVolume {
  std::string intent;
  std::int64_t turns = 0;
  std::int64_t conversations = 0;  // conversations with at least one such turn
};

struct ReasonCount {
  std::string reason;  // handoffs.reason: "customer_request", "not_understood", ...
  std::int64_t count = 0;
};

struct IntentSatisfaction {
  std::string intent;
  std::int64_t responses = 0;  // feedback rows
  std::int64_t helpful = 0;    // of which helpful = 1
  // The latest comments left with a "not helpful" answer (redacted by the
  // bot), newest first, at most ReportOptions::comments_per_intent.
  std::vector<std::string> comments;
};

struct Report {
  std::string store_path;
  std::string since;  // as given; empty: every day

  // One entry per day from the first to the last day with a logged turn,
  // days without turns included (all zero). Empty when nothing was logged.
  std::vector<DayFigures> days;

  std::int64_t conversations = 0;
  std::int64_t escalated_conversations = 0;
  std::int64_t fallback_conversations = 0;  // with at least one fallback turn
  std::int64_t turns = 0;
  // Turns by conversation_log.outcome; other spellings count in turns only.
  std::int64_t answered_turns = 0;
  std::int64_t clarified_turns = 0;
  std::int64_t fallback_turns = 0;
  std::int64_t handed_off_turns = 0;

  // Most turns first (ties by name). The pseudo-intents "fallback" and
  // "ambiguous" are left out: they are the fallback and clarified turns.
  std::vector<IntentVolume> intents;
  // Turns the engine logs under a dialogue step instead of an intent:
  // "slot:NAME", "verify", "feedback", "handoff", "handed_off" (a human has
  // the conversation), "sensitive:TOPIC". Same order.
  std::vector<IntentVolume> dialogue_steps;
  // Rows of handoffs in the period, most frequent reason first.
  std::int64_t handoffs = 0;
  std::vector<ReasonCount> handoff_reasons;
  // Feedback rows in the period, most responses first.
  std::int64_t feedback_responses = 0;
  std::int64_t feedback_helpful = 0;
  std::vector<IntentSatisfaction> satisfaction;

  UnmatchedSummary unmatched;

  // Fractions in [0, 1]; 0 when the denominator is 0.
  double containment_rate() const;  // contained / conversations
  double escalation_rate() const;   // escalated / conversations
  double fallback_rate() const;     // fallback turns / turns
  double clarification_rate() const;  // clarified turns / turns
  double helpful_rate() const;      // helpful / feedback responses
};

// Reads the figures from the store at `path`. kNotFound (naming the file)
// when it does not exist; kInvalidArgument for a malformed options.since;
// kStore when it cannot be read or has no conversation tables yet;
// kSchemaTooNew when a newer parley wrote it.
Result<Report> build_report(const std::string& path, const ReportOptions& options);

}  // namespace parley::report

#endif  // PARLEY_REPORT_REPORT_H_
