// The other documented concurrent uses of a Bot, for ThreadSanitizer
// (scripts/sanitize --thread) as much as for the assertions: reload()
// while turns are in flight, and two Bots of one process sharing a SQLite
// SessionStore (and the knowledge base, logging every turn), each session's
// turns alternating between the two Bots.
#include <SQLiteCpp/SQLiteCpp.h>

#include <atomic>
#include <thread>

#include "../bot/bot_fixture.h"

using namespace parley;

TEST_CASE("reload during turns; two Bots sharing a SQLite session store") {
  testing::BotFixture f(/*orders=*/200, /*customers=*/60);
  struct Customer {
    std::string order, email;
  };
  std::vector<Customer> customers;
  {
    SQLite::Database db(f.store_path());
    SQLite::Statement q(db,
                        "SELECT o.number, c.email FROM orders o JOIN customers c ON c.id = o.customer_id "
                        "ORDER BY o.id LIMIT 100");
    while (q.executeStep()) customers.push_back({q.getColumn(0).getString(), q.getColumn(1).getString()});
  }
  REQUIRE(customers.size() == 100);

  auto sessions = open_sqlite_session_store(f.store_path());
  REQUIRE_MESSAGE(sessions, sessions.error().message());
  BotOptions options;
  options.intents = testing::source_root() + "/intents";
  options.store = f.store_path();
  const auto at = std::chrono::sys_days{testing::test_day()} + std::chrono::hours(10);
  options.clock = [at] { return std::chrono::system_clock::time_point(at); };
  options.sessions = *sessions;
  auto first = Bot::open(options);
  REQUIRE_MESSAGE(first, first.error().message());
  auto second = Bot::open(options);
  REQUIRE_MESSAGE(second, second.error().message());
  Bot* bots[] = {&*first, &*second};

  constexpr int kThreads = 4;
  constexpr int kSessions = 200;
  std::atomic<int> finished{0};
  std::atomic<int> reloads{0};
  std::atomic<int> failed_reloads{0};
  std::atomic<int> unverified{0};
  std::atomic<int> empty_replies{0};

  // Reloads both Bots until every responder is done (at least 3 times).
  std::thread reloader([&] {
    while (reloads.load() < 3 || finished.load() < kThreads) {
      for (Bot* bot : bots) {
        if (!bot->reload().ok()) failed_reloads.fetch_add(1);
      }
      reloads.fetch_add(1);
    }
  });
  auto responder = [&](int thread) {
    for (int s = thread; s < kSessions; s += kThreads) {
      const Customer& me = customers[static_cast<size_t>(s) % customers.size()];
      const std::string session = "shared-" + std::to_string(s);
      const std::string script[] = {"where is my order", me.order, me.email};
      Reply last;
      for (int turn = 0; turn < 3; ++turn) {
        last = bots[(s + turn) % 2]->respond(session, script[turn]);
        if (last.text.empty()) empty_replies.fetch_add(1);
      }
      // The email was checked against the order the other Bot collected.
      if (last.text.find(me.order) == std::string::npos) unverified.fetch_add(1);
    }
    finished.fetch_add(1);
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) threads.emplace_back(responder, t);
  for (auto& t : threads) t.join();
  reloader.join();

  CHECK(failed_reloads.load() == 0);
  CHECK(empty_replies.load() == 0);
  CHECK(unverified.load() == 0);
  SQLite::Database db(f.store_path());
  CHECK(db.execAndGet("SELECT COUNT(*) FROM sessions WHERE id LIKE 'shared-%'").getInt() == kSessions);
  MESSAGE(reloads.load() << " reloads of both Bots during " << 3 * kSessions << " turns");
}
