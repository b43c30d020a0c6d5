// BotOptions::store_staleness: turns reuse a read snapshot for a bounded
// time; changes made by other processes show within it, this process's own
// writes at once, and an idle bot lets go of its snapshot.
#include <SQLiteCpp/SQLiteCpp.h>

#include <thread>

#include "bot_fixture.h"

using namespace parley;
using namespace parley::testing;
using namespace std::chrono_literals;

namespace {

Bot open_bot(const BotFixture& f, std::chrono::milliseconds staleness) {
  BotOptions options;
  options.intents = source_root() + "/intents";
  options.store = f.store_path();
  const auto at = std::chrono::sys_days{test_day()} + std::chrono::hours(10);
  options.clock = [at] { return std::chrono::system_clock::time_point(at); };
  options.store_staleness = staleness;
  auto bot = Bot::open(options);
  REQUIRE_MESSAGE(bot, bot.error().message());
  return std::move(*bot);
}

// The shop's own systems (another process, to parley) change every price.
void reprice_behind_the_back(const std::string& path, int cost_minor) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  SQLite::Statement update(db, "UPDATE delivery_options SET cost_minor = ?");
  update.bind(1, cost_minor);
  REQUIRE(update.exec() > 0);
}

std::string delivery_answer(Bot& bot, const std::string& session) {
  return bot.respond(session, "what delivery options do you offer").text;
}

int uncheckpointed_frames(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  SQLite::Statement checkpoint(db, "PRAGMA wal_checkpoint(PASSIVE)");
  REQUIRE(checkpoint.executeStep());
  return checkpoint.getColumn(1).getInt() - checkpoint.getColumn(2).getInt();
}

}  // namespace

TEST_CASE("with store_staleness 0 a turn sees another process's change at once") {
  BotFixture f;
  Bot bot = open_bot(f, 0ms);
  const std::string before = delivery_answer(bot, "a");
  CHECK_FALSE(contains(before, "123.45"));
  reprice_behind_the_back(f.store_path(), 12345);
  CHECK(contains(delivery_answer(bot, "b"), "123.45"));
}

TEST_CASE("within store_staleness a turn may read an earlier snapshot, until a parley write or age") {
  BotFixture f;
  Bot bot = open_bot(f, 1h);
  CHECK_FALSE(contains(delivery_answer(bot, "a"), "123.45"));
  reprice_behind_the_back(f.store_path(), 12345);
  // Reused: proves the snapshot is kept (one thread, one connection).
  CHECK_FALSE(contains(delivery_answer(bot, "b"), "123.45"));
  // Any write by a parley Store of this process (here a saved session; the
  // bot's own returns and handoffs go the same way) ends the reuse: the next
  // turn reads afresh, so it sees everything committed before.
  REQUIRE(f.open_store()->save_session("marker", "x", std::chrono::sys_days{test_day()} + 9h).ok());
  CHECK(contains(delivery_answer(bot, "c"), "123.45"));

  Bot quick = open_bot(f, 20ms);
  CHECK(contains(delivery_answer(quick, "a"), "123.45"));
  reprice_behind_the_back(f.store_path(), 67890);
  std::this_thread::sleep_for(30ms);
  CHECK(contains(delivery_answer(quick, "b"), "678.90"));
}

TEST_CASE("an idle bot lets go of its snapshot, so checkpoints can finish") {
  BotFixture f;
  Bot bot = open_bot(f, 20ms);
  (void)delivery_answer(bot, "a");
  reprice_behind_the_back(f.store_path(), 12345);
  // The pool's housekeeping ends the idle connection's snapshot within two
  // rounds of 20 ms; allow a loaded machine far more.
  int frames = uncheckpointed_frames(f.store_path());
  for (int i = 0; i < 500 && frames > 0; ++i) {
    std::this_thread::sleep_for(10ms);
    frames = uncheckpointed_frames(f.store_path());
  }
  CHECK(frames == 0);
}
