// The conversation log is written in batches off the turn's path: nothing
// is lost, personal data is redacted, and a failing log is reported.
#include <SQLiteCpp/Database.h>

#include <thread>
#include <vector>

#include "bot_fixture.h"

using namespace parley;
using parley::testing::BotFixture;
using parley::testing::contains;

namespace {

std::int64_t logged_turns(const std::string& store_path) {
  SQLite::Database db(store_path, SQLite::OPEN_READONLY);
  return db.execAndGet("SELECT count(*) FROM conversation_log").getInt64();
}

}  // namespace

TEST_CASE("every turn answered is in the log after flush_log, redacted") {
  BotFixture f;
  f.bot().respond("a", "hi, I'm jo.bloggs@example.com");
  f.bot().respond("a", "where is my order");
  f.bot().flush_log();
  CHECK(logged_turns(f.store_path()) == 2);
  SQLite::Database db(f.store_path(), SQLite::OPEN_READONLY);
  SQLite::Statement q(db, "SELECT text_redacted FROM conversation_log ORDER BY id");
  REQUIRE(q.executeStep());
  const std::string first = q.getColumn(0).getString();
  CHECK_FALSE(contains(first, "jo.bloggs"));
  CHECK(contains(first, "hi"));
}

TEST_CASE("turns from many threads are all logged, and a Bot going away writes what is queued") {
  BotFixture f;
  constexpr int kThreads = 4, kTurns = 300;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&f, t] {
      for (int i = 0; i < kTurns; ++i) f.bot().respond("s" + std::to_string(t * 1000 + i % 20), "thanks");
    });
  }
  for (auto& thread : threads) thread.join();
  f.bot().flush_log();
  CHECK(logged_turns(f.store_path()) == kThreads * kTurns);

  // A second Bot on the same store, dropped right after its turns.
  {
    BotOptions options;
    options.intents = parley::testing::source_root() + "/intents";
    options.store = f.store_path();
    auto other = Bot::open(options);
    REQUIRE(other);
    for (int i = 0; i < 50; ++i) other->respond("other", "hello");
  }
  CHECK(logged_turns(f.store_path()) == kThreads * kTurns + 50);
}

TEST_CASE("a log that cannot be written is reported in a later reply, and turns go on") {
  BotFixture f;
  {
    SQLite::Database db(f.store_path(), SQLite::OPEN_READWRITE);
    db.exec("ALTER TABLE conversation_log RENAME TO conversation_log_moved");
  }
  f.bot().respond("a", "hi");
  f.bot().flush_log();
  const Reply reply = f.bot().respond("a", "where is my order");
  CHECK_FALSE(reply.text.empty());
  bool reported = false;
  for (const auto& line : reply.trace) reported = reported || contains(line, "log");
  CHECK(reported);
}
