// Store::begin_read_batch / end_read_batch: look-ups of one turn share a
// read transaction; writes are never held inside it.
#include <doctest/doctest.h>

#include <thread>

#include "test_util.h"

namespace parley::store {
namespace {

using testing::TempDir;

Timestamp at(int hour) {
  return std::chrono::sys_days{std::chrono::year{2026} / 11 / 24} + std::chrono::hours(hour);
}

TEST_CASE("a read batch sees one snapshot until it ends") {
  TempDir dir;
  const std::string path = dir.file("shop.db");
  auto reader = testing::open_store(path);
  auto writer = testing::open_store(path);
  REQUIRE(writer->save_session("s", "one", at(10)).ok());

  reader->begin_read_batch();
  auto first = reader->load_session("s");
  REQUIRE(first.ok());
  CHECK(**first == "one");
  // Another connection commits; the batch keeps reading its snapshot.
  REQUIRE(writer->save_session("s", "two", at(11)).ok());
  auto second = reader->load_session("s");
  REQUIRE(second.ok());
  CHECK(**second == "one");
  reader->end_read_batch();

  auto after = reader->load_session("s");
  REQUIRE(after.ok());
  CHECK(**after == "two");
}

TEST_CASE("a write inside a read batch commits at once and later reads see it") {
  TempDir dir;
  const std::string path = dir.file("shop.db");
  auto bot = testing::open_store(path);
  auto other = testing::open_store(path);

  bot->begin_read_batch();
  auto none = bot->load_session("s");
  REQUIRE(none.ok());
  CHECK(!none->has_value());
  REQUIRE(bot->save_session("s", "saved", at(10)).ok());
  // Committed, not held until the batch ends: other connections see it...
  auto seen = other->load_session("s");
  REQUIRE(seen.ok());
  CHECK(seen->value_or("") == "saved");
  // ...and so do the batch's later reads.
  auto own = bot->load_session("s");
  REQUIRE(own.ok());
  CHECK(own->value_or("") == "saved");
  // Nor does the batch's next read transaction block another writer.
  REQUIRE(other->save_session("t", "x", at(10)).ok());
  bot->end_read_batch();
}

TEST_CASE("transactional writes inside a read batch still commit all or nothing") {
  TempDir dir;
  const std::string path = dir.file("shop.db");
  DemoOptions demo;
  demo.orders = 20;
  demo.customers = 5;
  auto store = testing::demo_store(path, demo);
  auto check = testing::open_store(path);

  store->begin_read_batch();
  auto order = store->find_order_by_number("112-4839201-5561234");
  REQUIRE(order.ok());
  REQUIRE(order->has_value());
  // Refused (already shipped): nothing written, and the batch reads on.
  auto refused = store->cancel_order((*order)->id, demo.today);
  CHECK(refused.error().code() == ErrorCode::kInvalidArgument);
  auto again = store->find_order((*order)->id);
  REQUIRE(again.ok());
  CHECK((*again)->status == (*order)->status);
  store->end_read_batch();
  auto refunds = check->refunds_for_order((*order)->id);
  REQUIRE(refunds.ok());
  CHECK(refunds->empty());
}

TEST_CASE("ending a batch that never read, or twice, is harmless") {
  TempDir dir;
  auto store = testing::open_store(dir.file("shop.db"));
  store->begin_read_batch();
  store->end_read_batch();
  store->end_read_batch();
  CHECK(store->save_session("s", "x", at(9)).ok());
}

}  // namespace
}  // namespace parley::store

// --- snapshot reuse (StoreOptions::snapshot_reuse) ---------------------------

namespace parley::store {
namespace {

using testing::TempDir;
using namespace std::chrono_literals;

// A write by "another process": a plain SQLite connection, which parley's
// in-process bookkeeping knows nothing about.
void write_behind_the_back(const std::string& path, const std::string& data) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  SQLite::Statement update(db, "UPDATE sessions SET data = ? WHERE id = 's'");
  update.bind(1, data);
  REQUIRE(update.exec() == 1);
}

std::string read(Store& store) {
  store.begin_read_batch();
  auto data = store.load_session("s");
  store.end_read_batch();
  REQUIRE(data.ok());
  return data->value_or("(none)");
}

// Frames in the WAL that a checkpoint could not copy into the database
// (readers still use them); 0 when nobody holds an old snapshot.
int uncheckpointed_frames(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  SQLite::Statement checkpoint(db, "PRAGMA wal_checkpoint(PASSIVE)");
  REQUIRE(checkpoint.executeStep());
  return checkpoint.getColumn(1).getInt() - checkpoint.getColumn(2).getInt();
}

// A store whose session "s" holds "one", and a reader opened with
// `snapshot_reuse` (0: none) that has read it once.
struct ReadOnce {
  explicit ReadOnce(std::chrono::milliseconds snapshot_reuse) {
    StoreOptions options;
    options.snapshot_reuse = snapshot_reuse;
    reader = testing::open_store(path, options);
    REQUIRE(testing::open_store(path)->save_session("s", "one", at(10)).ok());
    REQUIRE(read(*reader) == "one");
  }
  TempDir dir;
  const std::string path = dir.file("shop.db");
  std::unique_ptr<Store> reader;
};

TEST_CASE("with snapshot reuse, later batches read in the first one's snapshot") {
  ReadOnce f(1h);
  write_behind_the_back(f.path, "two");
  CHECK(read(*f.reader) == "one");  // another process's write: not seen yet
  CHECK(f.reader->end_stale_snapshot());  // young and current: kept
  CHECK(read(*f.reader) == "one");
}

TEST_CASE("a write by any Store of this process ends the reuse at once") {
  ReadOnce f(1h);
  auto writer = testing::open_store(f.path);
  REQUIRE(writer->save_session("s", "two", at(11)).ok());
  CHECK(read(*f.reader) == "two");
  // The reader's own writes too.
  REQUIRE(f.reader->save_session("s", "three", at(12)).ok());
  CHECK(read(*f.reader) == "three");
  CHECK(read(*writer) == "three");
}

TEST_CASE("a kept snapshot is not reused once older than snapshot_reuse") {
  ReadOnce f(20ms);
  write_behind_the_back(f.path, "two");
  std::this_thread::sleep_for(30ms);
  CHECK(read(*f.reader) == "two");
}

TEST_CASE("end_stale_snapshot lets checkpoints finish once the snapshot is too old") {
  ReadOnce f(20ms);
  write_behind_the_back(f.path, "two");
  CHECK(uncheckpointed_frames(f.path) > 0);  // held back by the kept snapshot
  std::this_thread::sleep_for(30ms);
  CHECK_FALSE(f.reader->end_stale_snapshot());
  CHECK(uncheckpointed_frames(f.path) == 0);
  CHECK(read(*f.reader) == "two");
}

TEST_CASE("without snapshot reuse every batch reads the latest data") {
  ReadOnce f(0ms);
  write_behind_the_back(f.path, "two");
  CHECK(read(*f.reader) == "two");
  CHECK_FALSE(f.reader->end_stale_snapshot());
}

}  // namespace
}  // namespace parley::store
