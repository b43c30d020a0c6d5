// Every escalation path, end to end through the public API.
#include <SQLiteCpp/SQLiteCpp.h>

#include "bot_fixture.h"

using namespace parley;
using parley::testing::BotFixture;
using parley::testing::contains;

namespace {

// The reason of the session's last handoff row, read from the store file.
std::string stored_reason(const BotFixture& f, const std::string& session) {
  SQLite::Database db(f.store_path());
  SQLite::Statement q(db, "SELECT reason FROM handoffs WHERE session = ? ORDER BY id DESC LIMIT 1");
  q.bind(1, session);
  return q.executeStep() ? q.getColumn(0).getString() : "";
}

}  // namespace

TEST_CASE("a sensitive matter hands over at once, even mid-flow") {
  BotFixture f;
  f.bot().respond("inj", "where is my order");
  Reply r = f.bot().respond("inj", "the charger you sent caught fire and burnt my hand");
  CHECK(r.handoff);
  CHECK(r.intent == "sensitive:injury");
  CHECK(contains(r.text, "safety"));
  CHECK(stored_reason(f, "inj") == "sensitive:injury");

  r = f.bot().respond("fraud", "someone used my card to order from you, this is fraud");
  CHECK(r.handoff);
  CHECK(stored_reason(f, "fraud") == "sensitive:fraud");
}

TEST_CASE("frustration: the bot offers a person, and hands over when the customer accepts") {
  BotFixture f;
  Reply r = f.bot().respond("fr", "this is ridiculous, useless service, third time I ask!!!");
  CHECK(r.state == "offering_human");
  CHECK(contains(r.text, "colleague"));
  r = f.bot().respond("fr", "yes please");
  CHECK(r.handoff);
  CHECK(stored_reason(f, "fr") == "frustration");
}

TEST_CASE("frustration that keeps rising after the offer hands over") {
  BotFixture f;
  f.bot().respond("fr2", "WHERE IS MY ORDER this is useless and ridiculous!!!");
  Reply r = f.bot().respond("fr2", "no I want an answer, this is pathetic and unacceptable");
  CHECK(r.handoff);
  CHECK(stored_reason(f, "fr2") == "frustration");
}

TEST_CASE("outside service hours a handoff becomes a ticket with a time") {
  BotFixture f;  // the fixture's clock: Tuesday 10:00 in London, open
  Reply r = f.bot().respond("open", "can I talk to a human please");
  CHECK(r.handoff);
  CHECK(contains(r.text, "passing you to a colleague"));

  BotOptions options;
  options.intents = parley::testing::source_root() + "/intents";
  options.store = f.store_path();
  const auto sunday = std::chrono::sys_days{std::chrono::year{2026} / std::chrono::November / 22} + std::chrono::hours(12);
  options.clock = [sunday] { return std::chrono::system_clock::time_point(sunday); };
  auto closed = Bot::open(options);
  REQUIRE(closed);
  r = closed->respond("closed", "I need to speak to an agent");
  CHECK(r.handoff);
  CHECK(contains(r.text, "ticket"));
  CHECK(contains(r.text, "tomorrow from 08:00"));
}

TEST_CASE("the host is told about handoffs and gets the customer's messages meanwhile") {
  BotFixture f;
  std::vector<HandoffEvent> events;
  std::vector<std::string> for_agent;
  f.bot().on_handoff([&](const HandoffEvent& e) { events.push_back(e); });
  f.bot().on_message_for_agent([&](std::string_view, std::string_view m) { for_agent.emplace_back(m); });

  f.bot().respond("h", "where is my order 112-4839201-5561234");
  Reply r = f.bot().respond("h", "get me a real person");
  REQUIRE(events.size() == 1);
  CHECK(events[0].session_id == "h");
  CHECK(events[0].reason == "customer_request");
  CHECK(events[0].handoff_id > 0);
  CHECK(events[0].within_service_hours);

  r = f.bot().respond("h", "hello? anyone there?");
  CHECK(r.state == "handed_off");
  REQUIRE(for_agent.size() == 1);
  CHECK(for_agent[0] == "hello? anyone there?");
  CHECK(f.bot().agent_message("h", "Hi, I'm Sam from Northwind. Let me check that order.").ok());

  // After release the bot resumes with the context it had.
  CHECK(f.bot().release("h").ok());
  r = f.bot().respond("h", "so where is my order then");
  CHECK_FALSE(r.handoff);
  CHECK(r.intent == "order_status");
  CHECK(r.state == "verifying");  // the order number was kept: straight to the check
}

TEST_CASE("the handoff row is written before the reply and holds a redacted transcript") {
  BotFixture f;
  f.bot().respond("red", "hi, I'm jo.bloggs@example.com, call me on 07700 900123");
  f.bot().respond("red", "I want to talk to an agent");
  // A separate connection (as after a restart) sees the committed row.
  SQLite::Database db(f.store_path());
  SQLite::Statement q(db, "SELECT payload FROM handoffs WHERE session = 'red'");
  REQUIRE(q.executeStep());
  const std::string payload = q.getColumn(0).getString();
  CHECK(contains(payload, "[email]"));
  CHECK(contains(payload, "[phone]"));
  CHECK_FALSE(contains(payload, "jo.bloggs"));
  CHECK_FALSE(contains(payload, "900123"));
  CHECK(contains(payload, "\"reason\":\"customer_request\""));
}

TEST_CASE("feedback after a completed task is stored with its intent") {
  BotFixture g;
  Reply a = g.bot().respond("fb1", "where is my order 112-4839201-5561234");
  a = g.bot().respond("fb1", "SW1A 1AA");
  REQUIRE(a.state == "awaiting_feedback");
  a = g.bot().respond("fb1", "yes thanks");
  CHECK(a.state == "idle");

  Reply b = g.bot().respond("fb2", "where is my order 112-4839201-5561234");
  b = g.bot().respond("fb2", "alice.morgan@example.com");
  b = g.bot().respond("fb2", "no");
  CHECK(contains(b.text, "better"));
  b = g.bot().respond("fb2", "it should show the exact delivery time slot");
  CHECK(b.state == "idle");

  SQLite::Database db(g.store_path());
  SQLite::Statement q(db, "SELECT session, intent, helpful, comment FROM feedback ORDER BY session");
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getString() == "fb1");
  CHECK(q.getColumn(1).getString() == "order_status");
  CHECK(q.getColumn(2).getInt() == 1);
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getString() == "fb2");
  CHECK(q.getColumn(2).getInt() == 0);
  CHECK(q.getColumn(3).getString() == "it should show the exact delivery time slot");
}

TEST_CASE("three failed verifications lock order look-ups and hand over") {
  BotFixture f;
  f.bot().respond("v", "where is my order 112-4839201-5561234");
  Reply r = f.bot().respond("v", "wrong@example.com");
  CHECK_FALSE(r.handoff);
  r = f.bot().respond("v", "still.wrong@example.com");
  CHECK_FALSE(r.handoff);
  r = f.bot().respond("v", "W1A 0AX");
  CHECK(r.handoff);
  CHECK(stored_reason(f, "v") == "verification_failed");
  CHECK_FALSE(contains(r.text, "on its way"));
}
