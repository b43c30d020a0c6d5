// build_report: the read queries. Every statement is a literal with bound
// parameters (tests/report/sql_hygiene_test.cc checks it), run on a
// read-only connection inside one read transaction.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "report/report.h"
#include "store/connection.h"
#include "store/dates.h"
#include "store/store.h"

namespace parley::report {
namespace {

using store::Connection;
using store::Query;

// Conversations (session, UTC day) per day, with their turns and whether a
// handoff happened in them.
void read_days(Connection& db, const std::string& since, Report& r) {
  Query q = db.query(
      "WITH conversations AS ("
      "  SELECT session, substr(at, 1, 10) AS day, count(*) AS turns,"
      "         max(outcome = 'handed_off') AS handed_off,"
      "         max(outcome = 'fallback') AS fell_back"
      "  FROM conversation_log WHERE at >= ?1 GROUP BY session, day)"
      " SELECT day, count(*), sum(turns),"
      "  sum(handed_off OR EXISTS (SELECT 1 FROM handoffs h"
      "      WHERE h.session = conversations.session"
      "        AND substr(h.created_at, 1, 10) = conversations.day)),"
      "  sum(fell_back)"
      " FROM conversations GROUP BY day ORDER BY day");
  q.bind(1, since);
  while (q.step()) {
    DayFigures day;
    day.day = q.text(0);
    day.conversations = q.int64(1);
    day.turns = q.int64(2);
    day.escalated = q.int64(3);
    r.conversations += day.conversations;
    r.turns += day.turns;
    r.escalated_conversations += day.escalated;
    r.fallback_conversations += q.int64(4);
    r.days.push_back(std::move(day));
  }
}

// Inserts all-zero days between the first and the last logged day, so a
// chart's bars are evenly spaced in time.
void fill_gaps(Report& r) {
  if (r.days.empty()) return;
  const auto first = store::parse_date(r.days.front().day);
  const auto last = store::parse_date(r.days.back().day);
  if (!first || !last) return;  // a hand-edited timestamp: keep what is there
  std::vector<DayFigures> filled;
  std::size_t next = 0;
  for (store::Date d = *first; d <= *last; d = store::add_days(d, 1)) {
    const std::string name = store::format_date(d);
    while (next < r.days.size() && r.days[next].day < name) filled.push_back(r.days[next++]);
    if (next < r.days.size() && r.days[next].day == name) {
      filled.push_back(r.days[next++]);
    } else {
      filled.push_back({name, 0, 0, 0});
    }
  }
  while (next < r.days.size()) filled.push_back(r.days[next++]);
  r.days = std::move(filled);
}

void read_outcomes(Connection& db, const std::string& since, Report& r) {
  Query q = db.query(
      "SELECT outcome, count(*) FROM conversation_log WHERE at >= ?1 "
      "GROUP BY outcome");
  q.bind(1, since);
  while (q.step()) {
    const std::string outcome = q.text(0);
    const std::int64_t n = q.int64(1);
    if (outcome == "answered") r.answered_turns = n;
    if (outcome == "clarified") r.clarified_turns = n;
    if (outcome == "fallback") r.fallback_turns = n;
    if (outcome == "handed_off") r.handed_off_turns = n;
  }
}

// What the dialogue engine logs in the intent column for turns that are
// steps of a conversation rather than a recognised intent: filling a slot
// ("slot:order_number"), verification, feedback, a handoff, messages while a
// human has the conversation, sensitive topics ("sensitive:legal").
bool is_dialogue_step(std::string_view intent) {
  return intent.find(':') != std::string_view::npos || intent == "verify" ||
         intent == "feedback" || intent == "handoff" || intent == "handed_off";
}

void read_intents(Connection& db, const std::string& since, Report& r) {
  Query q = db.query(
      "SELECT intent, count(*),"
      "  count(DISTINCT session || char(10) || substr(at, 1, 10))"
      " FROM conversation_log"
      " WHERE at >= ?1 AND intent NOT IN ('fallback', 'ambiguous')"
      " GROUP BY intent ORDER BY count(*) DESC, intent");
  q.bind(1, since);
  while (q.step()) {
    IntentVolume v{q.text(0), q.int64(1), q.int64(2)};
    (is_dialogue_step(v.intent) ? r.dialogue_steps : r.intents).push_back(std::move(v));
  }
}

void read_handoffs(Connection& db, const std::string& since, Report& r) {
  Query q = db.query(
      "SELECT reason, count(*) FROM handoffs WHERE created_at >= ?1 "
      "GROUP BY reason ORDER BY count(*) DESC, reason");
  q.bind(1, since);
  while (q.step()) {
    r.handoff_reasons.push_back({q.text(0), q.int64(1)});
    r.handoffs += r.handoff_reasons.back().count;
  }
}

void read_feedback(Connection& db, const std::string& since, Report& r, int comments) {
  Query q = db.query(
      "SELECT intent, count(*), sum(helpful) FROM feedback "
      "WHERE created_at >= ?1 GROUP BY intent ORDER BY count(*) DESC, intent");
  q.bind(1, since);
  while (q.step()) {
    r.satisfaction.push_back({q.text(0), q.int64(1), q.int64(2), {}});
    r.feedback_responses += r.satisfaction.back().responses;
    r.feedback_helpful += r.satisfaction.back().helpful;
  }
  if (comments <= 0) return;
  Query c = db.query(
      "SELECT intent, comment FROM feedback"
      " WHERE created_at >= ?1 AND helpful = 0 AND comment IS NOT NULL AND comment <> ''"
      " ORDER BY created_at DESC, id DESC");
  c.bind(1, since);
  std::size_t full = 0;
  while (full < r.satisfaction.size() && c.step()) {
    const std::string intent = c.text(0);
    for (IntentSatisfaction& s : r.satisfaction) {
      if (s.intent != intent || static_cast<int>(s.comments.size()) >= comments) continue;
      s.comments.push_back(c.text(1));
      if (static_cast<int>(s.comments.size()) == comments) ++full;
    }
  }
}

std::vector<std::string> read_unmatched(Connection& db, const std::string& since,
                                        std::int64_t limit) {
  Query q = db.query(
      "SELECT text_redacted FROM conversation_log "
      "WHERE at >= ?1 AND (outcome = 'fallback' OR intent = 'fallback') "
      "ORDER BY at DESC, id DESC LIMIT ?2");
  q.bind(1, since).bind(2, limit);
  std::vector<std::string> texts;
  while (q.step()) texts.push_back(q.text(0));
  return texts;
}

}  // namespace

Result<Report> build_report(const std::string& path, const ReportOptions& options) {
  if (!options.since.empty() && !store::parse_date(options.since)) {
    return Status(ErrorCode::kInvalidArgument,
                  "since '" + options.since + "' is not a date; write it as YYYY-MM-DD");
  }
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Status(ErrorCode::kNotFound,
                  path + " does not exist; name the store the bot writes to "
                         "(BotOptions::store, parley chat --store)");
  }
  // Store::open checks that the file is a store and that its schema is current,
  // with the store's own messages; the report then reads on its own handle.
  store::StoreOptions check;
  check.read_only = true;
  check.create_if_missing = false;
  if (auto opened = store::Store::open(path, check); !opened) return opened.error();

  Report r;
  r.store_path = path;
  r.since = options.since;
  try {
    Connection db(std::make_unique<SQLite::Database>(path, SQLite::OPEN_READONLY, 5000), path);
    SQLite::Transaction snapshot(db.db());  // BEGIN (deferred): one read snapshot
    read_days(db, options.since, r);
    read_outcomes(db, options.since, r);
    read_intents(db, options.since, r);
    read_handoffs(db, options.since, r);
    read_feedback(db, options.since, r, options.comments_per_intent);
    r.unmatched = group_unmatched(
        read_unmatched(db, options.since, options.max_unmatched_messages), options.grouping);
    snapshot.commit();
  } catch (...) {
    return store::status_from_exception(path, "read the conversation log for the report");
  }
  fill_gaps(r);
  return r;
}

}  // namespace parley::report
