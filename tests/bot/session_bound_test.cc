// Sessions in memory are bounded (BotOptions::max_sessions,
// session_idle_timeout), and reading never creates one.
#include <memory>

#include "bot_fixture.h"
#include "parley/session_store.h"

using namespace parley;
using parley::testing::BotFixture;
using parley::testing::contains;

namespace {

using TimePoint = std::chrono::system_clock::time_point;

// A Bot on the fixture's store with `tweak` applied to its options; its
// clock reads `*now`.
Bot open_bot(const BotFixture& f, const std::shared_ptr<TimePoint>& now,
             const std::function<void(BotOptions&)>& tweak) {
  BotOptions options;
  options.intents = parley::testing::source_root() + "/intents";
  options.store = f.store_path();
  options.clock = [now] { return *now; };
  tweak(options);
  auto bot = Bot::open(options);
  REQUIRE_MESSAGE(bot, bot.error().message());
  return std::move(*bot);
}

std::shared_ptr<TimePoint> test_clock() {
  return std::make_shared<TimePoint>(std::chrono::sys_days{parley::testing::test_day()} +
                                     std::chrono::hours(10));
}

}  // namespace

TEST_CASE("reading or releasing unknown sessions creates none") {
  BotFixture f;
  for (int i = 0; i < 1000; ++i) CHECK(f.bot().state("stranger-" + std::to_string(i)) == "idle");
  CHECK(f.bot().release("stranger-1").code() == ErrorCode::kNotFound);
  CHECK(f.bot().agent_message("stranger-2", "hello?").code() == ErrorCode::kNotFound);
  f.bot().reset("stranger-3");
  CHECK(f.bot().sessions_in_memory() == 0);
  f.bot().respond("known", "hi");
  CHECK(f.bot().sessions_in_memory() == 1);
}

TEST_CASE("beyond max_sessions the least recently used session is let go") {
  BotFixture f;
  auto now = test_clock();
  Bot bot = open_bot(f, now, [](BotOptions& o) { o.max_sessions = 2; });
  CHECK(bot.respond("a", "where is my order").state == "collecting_slot");
  CHECK(bot.respond("b", "where is my order").state == "collecting_slot");
  CHECK(bot.respond("a", "hmm").state == "collecting_slot");  // a is now the most recent
  CHECK(bot.respond("c", "hi").state == "idle");
  CHECK(bot.sessions_in_memory() == 2);
  // Without a SessionStore, b's conversation is gone; a's goes on.
  CHECK(bot.state("b") == "idle");
  CHECK(bot.state("a") == "collecting_slot");
  CHECK(bot.respond("a", "112-4839201-5561234").state == "verifying");
  for (int i = 0; i < 100; ++i) (void)bot.respond("flood-" + std::to_string(i), "hi");
  CHECK(bot.sessions_in_memory() == 2);
}

TEST_CASE("a large table is bounded per shard: at most 15 sessions over max_sessions") {
  BotFixture f;
  auto now = test_clock();
  Bot bot = open_bot(f, now, [](BotOptions& o) {
    o.max_sessions = 5000;  // 16 shards of at most 313
    o.trace = false;
  });
  CHECK(bot.respond("kept", "where is my order").state == "collecting_slot");
  for (int i = 0; i < 8000; ++i) {
    (void)bot.respond("flood-" + std::to_string(i), "hi");
    if (i % 100 == 0) (void)bot.state("kept");  // recently used: stays
  }
  CHECK(bot.sessions_in_memory() <= 5015);
  CHECK(bot.sessions_in_memory() >= 4900);
  CHECK(bot.state("kept") == "collecting_slot");
}

TEST_CASE("with a SessionStore an evicted conversation continues where it was") {
  BotFixture f;
  auto now = test_clock();
  auto sessions = make_memory_session_store();
  Bot bot = open_bot(f, now, [&](BotOptions& o) {
    o.max_sessions = 1;
    o.sessions = sessions;
  });
  CHECK(bot.respond("a", "where is my order").state == "collecting_slot");
  CHECK(bot.respond("b", "hi").state == "idle");  // a leaves memory
  CHECK(bot.sessions_in_memory() == 1);
  CHECK(bot.state("a") == "collecting_slot");  // read from the store, not kept
  CHECK(bot.sessions_in_memory() == 1);
  CHECK(bot.respond("a", "112-4839201-5561234").state == "verifying");
  Reply r = bot.respond("a", "alice.morgan@example.com");
  CHECK(contains(r.text, "on its way"));
}

TEST_CASE("sessions idle longer than session_idle_timeout are let go") {
  BotFixture f;
  auto now = test_clock();
  Bot bot = open_bot(f, now, [](BotOptions& o) { o.session_idle_timeout = std::chrono::minutes(30); });
  CHECK(bot.respond("a", "where is my order").state == "collecting_slot");
  *now += std::chrono::minutes(20);
  CHECK(bot.respond("b", "where is my order").state == "collecting_slot");
  *now += std::chrono::minutes(20);  // a idle 40 min, b 20 min
  CHECK(bot.respond("c", "hi").state == "idle");
  CHECK(bot.sessions_in_memory() == 2);
  CHECK(bot.state("a") == "idle");
  CHECK(bot.state("b") == "collecting_slot");
}

TEST_CASE("trace off: no explanation, but failures are still reported") {
  BotFixture f;
  auto now = test_clock();
  Bot bot = open_bot(f, now, [](BotOptions& o) { o.trace = false; });
  Reply r = bot.respond("t", "where is my order 112-4839201-5561234");
  CHECK(r.state == "verifying");
  CHECK(r.trace.empty());
  bot.register_action("delivery_options", [](const ActionRequest&) -> ActionResponse {
    throw std::runtime_error("shipping service down");
  });
  r = bot.respond("u", "what delivery options do you offer");
  CHECK(r.handoff);
  bool traced = false;
  for (const auto& t : r.trace) traced |= contains(t, "shipping service down");
  CHECK(traced);
  // The same turns with the default (trace on) explain themselves.
  Bot explained = open_bot(f, now, [](BotOptions&) {});
  CHECK(!explained.respond("t", "where is my order 112-4839201-5561234").trace.empty());
}

TEST_CASE("reading the state does not pin a stale copy of a shared session") {
  BotFixture f;
  auto now = test_clock();
  auto sessions = make_memory_session_store();
  auto shared = [&](BotOptions& o) { o.sessions = sessions; };
  Bot web = open_bot(f, now, shared);
  Bot app = open_bot(f, now, shared);
  CHECK(web.respond("m", "where is my order").state == "collecting_slot");
  CHECK(web.state("m") == "collecting_slot");
  CHECK(app.respond("m", "112-4839201-5561234").state == "verifying");
  CHECK(web.state("m") == "verifying");
  CHECK(contains(web.respond("m", "alice.morgan@example.com").text, "on its way"));
}
