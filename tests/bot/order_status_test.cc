// End to end: the order-status conversation from text to SQLite and back.
#include <SQLiteCpp/SQLiteCpp.h>

#include "bot_fixture.h"

using namespace parley;
using parley::testing::BotFixture;
using parley::testing::contains;

TEST_CASE("order status: ask for the number, verify, answer from the store") {
  BotFixture f;
  Reply r = f.bot().respond("s1", "where is my order");
  CHECK(r.intent == "order_status");
  CHECK(r.state == "collecting_slot");
  CHECK(contains(r.text, "order number"));
  CHECK_FALSE(r.handoff);

  r = f.bot().respond("s1", "112-4839201-5561234");
  CHECK(r.intent == "slot:order_number");
  CHECK(r.state == "verifying");
  CHECK(contains(r.text, "email"));
  CHECK_FALSE(contains(r.text, "on its way"));  // nothing revealed before verification

  r = f.bot().respond("s1", "it's alice.morgan@example.com");
  CHECK(r.state == "awaiting_feedback");  // "Did that answer your question?"
  CHECK(contains(r.text, "112-4839201-5561234"));
  CHECK(contains(r.text, "on its way"));
  CHECK(contains(r.text, "tracking number"));
  CHECK(contains(r.text, "should arrive on"));

  // The order stays in context: a follow-up needs no new number or check.
  r = f.bot().respond("s1", "when will it arrive?");
  CHECK(r.intent == "delivery_time");
  CHECK(contains(r.text, "on its way"));
}

TEST_CASE("order status in one message, verified by postcode") {
  BotFixture f;
  Reply r = f.bot().respond("s2", "hi can u track my order 112-4839201-5561234 pls");
  CHECK(r.intent == "order_status");
  CHECK(r.state == "verifying");
  r = f.bot().respond("s2", "sw1a 1aa");
  CHECK(r.state == "awaiting_feedback");
  CHECK(contains(r.text, "on its way"));
}

TEST_CASE("an unknown order number gets a clear answer that reveals nothing") {
  BotFixture f;
  f.bot().respond("s3", "where is my order");
  Reply r = f.bot().respond("s3", "999-0000000-0000000");
  CHECK(r.state == "verifying");
  r = f.bot().respond("s3", "someone@example.com");
  CHECK(contains(r.text, "couldn't match order 999-0000000-0000000"));
  CHECK(r.state == "verifying");
}

TEST_CASE("two misses in a row hand over to a human, recorded in the store") {
  BotFixture f;
  Reply r = f.bot().respond("s4", "the purple elephant sings at dawn");
  CHECK(r.intent == "fallback");
  CHECK_FALSE(r.handoff);
  CHECK_FALSE(r.suggestions.empty());
  r = f.bot().respond("s4", "quantum marmalade trombone");
  CHECK(r.handoff);
  CHECK(r.state == "handed_off");

  SQLite::Database db(f.store_path());
  SQLite::Statement q(db, "SELECT reason, payload FROM handoffs WHERE session = ?");
  q.bind(1, "s4");
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getString() == "not_understood");
  CHECK(contains(q.getColumn(1).getString(), "purple elephant"));

  // While handed off the bot does not answer by itself.
  r = f.bot().respond("s4", "hello?");
  CHECK(r.state == "handed_off");
  CHECK(f.bot().release("s4").ok());
  CHECK(f.bot().state("s4") == "idle");
}

TEST_CASE("asking for a person hands over at once, in any state") {
  BotFixture f;
  f.bot().respond("s5", "where is my order");
  Reply r = f.bot().respond("s5", "I want to talk to a real person");
  CHECK(r.intent == "human_agent");
  CHECK(r.handoff);
}

TEST_CASE("Bot::open reports bad directories and stores clearly") {
  BotOptions options;
  options.intents = "/nonexistent/intents";
  options.store = "/tmp/parley-never.db";
  auto bot = Bot::open(options);
  REQUIRE_FALSE(bot);
  CHECK(bot.error().code() == ErrorCode::kInvalidContent);
  CHECK(contains(bot.error().message(), "/nonexistent/intents"));

  options.intents = parley::testing::source_root() + "/intents";
  options.store = "/nonexistent/dir/shop.db";
  bot = Bot::open(options);
  REQUIRE_FALSE(bot);
  CHECK(contains(bot.error().message(), "/nonexistent/dir/shop.db"));

  options.store = "";
  bot = Bot::open(options);
  REQUIRE_FALSE(bot);
  CHECK(bot.error().code() == ErrorCode::kInvalidArgument);
}
