// build_report on a store with known rows: every figure asserted exactly.
#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include <fstream>

#include "report/report.h"
#include "report_fixture.h"

namespace parley::report {
namespace {

using testing::StoreFixture;

// Four sessions over 2026-11-19..22 (UTC):
//   s1 on the 20th: greet, order_status, slot step, a fallback. Contained.
//   s2 on the 20th: a fallback, then handed off on request. Escalated.
//   s3 on the 20th (answered) and the 22nd (a clarification, plus a handoff
//      row without a handed_off turn): two conversations, the second escalated.
//   s4 on the 19th: a fallback and an action_failed handoff. Escalated.
void fill(StoreFixture& f) {
  f.turn("2026-11-20T09:00:00Z", "s1", "hello", "greet", "answered");
  f.turn("2026-11-20T09:00:10Z", "s1", "where is my order", "order_status", "answered");
  f.turn("2026-11-20T09:00:20Z", "s1", "112-4839201-5561234", "slot:order_number", "answered");
  f.turn("2026-11-20T09:01:00Z", "s1", "do you do gift wrapping", "fallback", "fallback");
  f.turn("2026-11-20T10:00:00Z", "s2", "gift wrap please", "fallback", "fallback");
  f.turn("2026-11-20T10:00:30Z", "s2", "a human please", "human_agent", "handed_off");
  f.handoff("2026-11-20T10:00:30Z", "s2", "customer_request");
  f.turn("2026-11-20T23:59:59Z", "s3", "where is my parcel", "order_status", "answered");
  f.turn("2026-11-22T00:00:00Z", "s3", "returns or refunds", "ambiguous", "clarified");
  f.handoff("2026-11-22T00:01:00Z", "s3", "not_understood");
  f.turn("2026-11-19T08:00:00Z", "s4", "old message", "fallback", "fallback");
  f.handoff("2026-11-19T08:00:05Z", "s4", "action_failed");

  f.feedback("2026-11-20T09:00:15Z", "s1", "order_status", true);
  f.feedback("2026-11-20T23:59:59Z", "s3", "order_status", false, "too slow");
  f.feedback("2026-11-20T23:59:59Z", "s3", "order_status", false, "");
  f.feedback("2026-11-22T00:00:00Z", "s2", "return_policy", false);
  f.feedback("2026-11-19T08:00:01Z", "s4", "order_status", true, "old comment");
}

Report build(const std::string& path, const std::string& since = "") {
  ReportOptions options;
  options.since = since;
  auto r = build_report(path, options);
  REQUIRE_MESSAGE(r, r.error().message());
  return std::move(*r);
}

TEST_CASE("every figure over all days") {
  StoreFixture f;
  fill(f);
  const Report r = build(f.path());

  REQUIRE(r.days.size() == 4);  // 19, 20, 21 (no turns), 22
  CHECK(r.days[0].day == "2026-11-19");
  CHECK(r.days[0].conversations == 1);
  CHECK(r.days[0].turns == 1);
  CHECK(r.days[0].escalated == 1);
  CHECK(r.days[1].day == "2026-11-20");
  CHECK(r.days[1].conversations == 3);
  CHECK(r.days[1].turns == 7);
  CHECK(r.days[1].escalated == 1);
  CHECK(r.days[2].day == "2026-11-21");
  CHECK(r.days[2].conversations == 0);
  CHECK(r.days[2].turns == 0);
  CHECK(r.days[3].day == "2026-11-22");
  CHECK(r.days[3].conversations == 1);
  CHECK(r.days[3].escalated == 1);

  CHECK(r.conversations == 5);
  CHECK(r.turns == 9);
  CHECK(r.escalated_conversations == 3);
  CHECK(r.fallback_conversations == 3);
  CHECK(r.answered_turns == 4);
  CHECK(r.fallback_turns == 3);
  CHECK(r.clarified_turns == 1);
  CHECK(r.handed_off_turns == 1);
  CHECK(r.containment_rate() == doctest::Approx(2.0 / 5));
  CHECK(r.escalation_rate() == doctest::Approx(3.0 / 5));
  CHECK(r.fallback_rate() == doctest::Approx(3.0 / 9));
  CHECK(r.clarification_rate() == doctest::Approx(1.0 / 9));

  REQUIRE(r.intents.size() == 3);
  CHECK(r.intents[0].intent == "order_status");
  CHECK(r.intents[0].turns == 2);
  CHECK(r.intents[0].conversations == 2);
  CHECK(r.intents[1].intent == "greet");
  CHECK(r.intents[2].intent == "human_agent");
  REQUIRE(r.dialogue_steps.size() == 1);
  CHECK(r.dialogue_steps[0].intent == "slot:order_number");

  CHECK(r.handoffs == 3);
  REQUIRE(r.handoff_reasons.size() == 3);
  CHECK(r.handoff_reasons[0].reason == "action_failed");
  CHECK(r.handoff_reasons[1].reason == "customer_request");
  CHECK(r.handoff_reasons[2].reason == "not_understood");
  CHECK(r.handoff_reasons[2].count == 1);

  CHECK(r.feedback_responses == 5);
  CHECK(r.feedback_helpful == 2);
  REQUIRE(r.satisfaction.size() == 2);
  CHECK(r.satisfaction[0].intent == "order_status");
  CHECK(r.satisfaction[0].responses == 4);
  CHECK(r.satisfaction[0].helpful == 2);
  CHECK(r.satisfaction[0].comments == std::vector<std::string>{"too slow"});
  CHECK(r.satisfaction[1].intent == "return_policy");
  CHECK(r.satisfaction[1].helpful == 0);
  CHECK(r.satisfaction[1].comments.empty());

  CHECK(r.unmatched.messages == 3);
  REQUIRE(r.unmatched.groups.size() == 1);
  CHECK(r.unmatched.groups[0].word == "gift");
  CHECK(r.unmatched.groups[0].messages == 2);
  CHECK(r.unmatched.groups[0].related == std::vector<std::string>{"wrap"});
  CHECK(r.unmatched.ungrouped == 1);
}

TEST_CASE("--since leaves out earlier turns, handoffs and feedback") {
  StoreFixture f;
  fill(f);
  const Report r = build(f.path(), "2026-11-20");
  REQUIRE(r.days.size() == 3);
  CHECK(r.days.front().day == "2026-11-20");
  CHECK(r.conversations == 4);
  CHECK(r.turns == 8);
  CHECK(r.escalated_conversations == 2);
  CHECK(r.containment_rate() == doctest::Approx(0.5));
  CHECK(r.fallback_turns == 2);
  CHECK(r.handoffs == 2);
  CHECK(r.feedback_responses == 4);
  CHECK(r.feedback_helpful == 1);
  CHECK(r.unmatched.messages == 2);
  CHECK(r.unmatched.ungrouped == 0);

  const Report later = build(f.path(), "2026-11-23");
  CHECK(later.days.empty());
  CHECK(later.conversations == 0);
  CHECK(later.containment_rate() == 0.0);
}

TEST_CASE("a turn handed over because it was not understood counts as unmatched") {
  StoreFixture f;
  f.turn("2026-11-20T09:00:00Z", "s1", "blorp", "fallback", "fallback");
  f.turn("2026-11-20T09:00:10Z", "s1", "blorp again", "fallback", "handed_off");
  f.handoff("2026-11-20T09:00:10Z", "s1", "not_understood");
  const Report r = build(f.path());
  CHECK(r.fallback_turns == 1);
  CHECK(r.handed_off_turns == 1);
  CHECK(r.unmatched.messages == 2);
  REQUIRE(r.unmatched.groups.size() == 1);
  CHECK(r.unmatched.groups[0].word == "blorp");
}

TEST_CASE("an empty store gives an empty report") {
  StoreFixture f;
  const Report r = build(f.path());
  CHECK(r.days.empty());
  CHECK(r.turns == 0);
  CHECK(r.intents.empty());
  CHECK(r.unmatched.messages == 0);
  CHECK(r.fallback_rate() == 0.0);
  CHECK(r.helpful_rate() == 0.0);
}

TEST_CASE("errors name the file or the option") {
  StoreFixture f;
  const std::string missing = (f.dir() / "nope.db").string();
  auto r = build_report(missing, {});
  REQUIRE(!r);
  CHECK(r.error().code() == ErrorCode::kNotFound);
  CHECK(r.error().message().find(missing) != std::string::npos);
  CHECK(!std::filesystem::exists(missing));  // not created

  ReportOptions bad;
  bad.since = "2026-13-01";
  auto b = build_report(f.path(), bad);
  REQUIRE(!b);
  CHECK(b.error().code() == ErrorCode::kInvalidArgument);
  CHECK(b.error().message().find("2026-13-01") != std::string::npos);

  const std::string junk = (f.dir() / "junk.db").string();
  { std::ofstream(junk) << "this is not a database, just text that is long enough to matter\n"; }
  auto j = build_report(junk, {});
  REQUIRE(!j);
  CHECK(j.error().code() == ErrorCode::kStore);
  CHECK(j.error().message().find(junk) != std::string::npos);
}

TEST_CASE("reads a consistent snapshot while another connection writes") {
  StoreFixture f;
  fill(f);
  // An open write transaction on a second connection: its rows are not
  // committed, so the report neither waits for nor sees them.
  SQLite::Database writer(f.path(), SQLite::OPEN_READWRITE);
  writer.exec("BEGIN IMMEDIATE");
  writer.exec(
      "INSERT INTO conversation_log (at, session, locale, text_redacted, intent, confidence, "
      "state, outcome) VALUES ('2026-11-20T12:00:00Z', 's9', 'en', 'x', 'greet', 1, 'idle', "
      "'answered')");
  const Report during = build(f.path());
  CHECK(during.turns == 9);
  writer.exec("COMMIT");
  const Report after = build(f.path());
  CHECK(after.turns == 10);
  CHECK(after.conversations == 6);
}

TEST_CASE("opens a WAL store whose writer has closed") {
  StoreFixture f;
  fill(f);
  f.close();
  const Report r = build(f.path());
  CHECK(r.turns == 9);
  // The report wrote nothing: the file still has exactly the rows written.
  SQLite::Database db(f.path(), SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("SELECT count(*) FROM conversation_log").getInt() == 9);
}

}  // namespace
}  // namespace parley::report
