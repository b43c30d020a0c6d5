// A conversation survives a restart and continues on another Bot (channel).
#include "bot_fixture.h"
#include "parley/session_store.h"

using namespace parley;
using parley::testing::BotFixture;
using parley::testing::contains;

TEST_CASE("sessions saved in SQLite continue on another bot") {
  BotFixture f;
  auto sessions = open_sqlite_session_store((f.dir() / "sessions.db").string());
  REQUIRE_MESSAGE(sessions, sessions.error().message());

  BotOptions options;
  options.intents = parley::testing::source_root() + "/intents";
  options.store = f.store_path();
  options.sessions = *sessions;
  const auto at = std::chrono::sys_days{parley::testing::test_day()} + std::chrono::hours(10);
  options.clock = [at] { return std::chrono::system_clock::time_point(at); };

  {
    auto web = Bot::open(options);
    REQUIRE(web);
    Reply r = web->respond("cust-9", "where is my order");
    CHECK(r.state == "collecting_slot");
    r = web->respond("cust-9", "112-4839201-5561234");
    CHECK(r.state == "verifying");
  }  // the web bot is gone (a restart)

  auto app = Bot::open(options);
  REQUIRE(app);
  CHECK(app->state("cust-9") == "verifying");
  Reply r = app->respond("cust-9", "alice.morgan@example.com");
  CHECK(contains(r.text, "on its way"));
  CHECK(app->release("nobody-ever").code() == ErrorCode::kNotFound);
}

TEST_CASE("an unreadable saved session starts afresh and says why in the trace") {
  BotFixture f;
  auto sessions = open_sqlite_session_store((f.dir() / "sessions.db").string());
  REQUIRE(sessions);
  REQUIRE((*sessions)->save("broken", "v=1\nstate=dancing\n").ok());
  BotOptions options;
  options.intents = parley::testing::source_root() + "/intents";
  options.store = f.store_path();
  options.sessions = *sessions;
  auto bot = Bot::open(options);
  REQUIRE(bot);
  Reply r = bot->respond("broken", "hello");
  CHECK(r.intent == "greet");
  bool explained = false;
  for (const auto& t : r.trace) explained |= contains(t, "saved session ignored");
  CHECK(explained);
}

TEST_CASE("two bots of one process share conversations through a memory store") {
  BotFixture f;
  BotOptions options;
  options.intents = parley::testing::source_root() + "/intents";
  options.store = f.store_path();
  options.sessions = make_memory_session_store();
  auto web = Bot::open(options);
  auto app = Bot::open(options);
  REQUIRE(web);
  REQUIRE(app);
  CHECK(web->respond("m1", "where is my order").state == "collecting_slot");
  CHECK(app->respond("m1", "112-4839201-5561234").state == "verifying");
  // Back on the first channel, the conversation is where the second left it.
  CHECK(web->respond("m1", "alice.morgan@example.com").text.find("on its way") != std::string::npos);
}
