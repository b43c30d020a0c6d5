// Opening, creating and migrating stores, and refusing the ones we can't use.
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "store/schema.h"
#include "test_util.h"

namespace parley::store {
namespace {

using testing::open_store;
using testing::TempDir;

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST_CASE("a new store is created and migrated to kSchemaVersion") {
  TempDir dir;
  auto store = open_store(dir.file("new.db"));
  auto version = store->schema_version();
  REQUIRE(version.ok());
  CHECK(*version == Store::kSchemaVersion);
  CHECK(latest_schema_version() == Store::kSchemaVersion);
  const auto steps = migrations();
  for (std::size_t i = 0; i < steps.size(); ++i) {
    CHECK(steps[i].version == static_cast<int>(i + 1));
  }

  SQLite::Database db(dir.file("new.db"), SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
  for (const char* table :
       {"customers", "addresses", "categories", "products", "orders",
        "order_items", "shipments", "tracking_events", "delivery_options",
        "return_policies", "returns", "refunds", "faq_articles", "handoffs",
        "feedback", "conversation_log", "sessions"}) {
    CAPTURE(table);
    CHECK(db.tableExists(table));
  }
}

TEST_CASE("reopening a current store changes nothing") {
  TempDir dir;
  const std::string path = dir.file("again.db");
  open_store(path).reset();
  const std::string before = testing::dump(path);
  for (int i = 0; i < 3; ++i) {
    auto store = open_store(path);
    CHECK(*store->schema_version() == Store::kSchemaVersion);
  }
  CHECK(testing::dump(path) == before);
}

TEST_CASE("a store at version 1 is migrated forward") {
  TempDir dir;
  const std::string path = dir.file("old.db");
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(migrations()[0].sql);
    CHECK(read_schema_version(db) == 1);
    CHECK_FALSE(db.tableExists("sessions"));
  }
  auto store = open_store(path);
  CHECK(*store->schema_version() == Store::kSchemaVersion);
  CHECK(store->save_session("s", "{}", {}).ok());
}

TEST_CASE("a store written by a newer parley is refused with kSchemaTooNew") {
  TempDir dir;
  const std::string path = dir.file("future.db");
  open_store(path).reset();
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    // Test-only: PRAGMA takes no parameters.
    db.exec("PRAGMA user_version = " + std::to_string(Store::kSchemaVersion + 1));
  }
  auto store = Store::open(path, {});
  REQUIRE_FALSE(store.ok());
  CHECK(store.error().code() == ErrorCode::kSchemaTooNew);
  CHECK(contains(store.error().message(), path));
  CHECK(contains(store.error().message(), "upgrade parley"));
}

TEST_CASE("a file that is not a database is refused clearly") {
  TempDir dir;
  const std::string path = dir.file("garbage.db");
  {
    std::ofstream out(path, std::ios::binary);
    for (int i = 0; i < 200; ++i) out << "this is not a database, it is a poem. ";
  }
  const std::string before = testing::read_file(path);
  auto store = Store::open(path, {});
  REQUIRE_FALSE(store.ok());
  CHECK(store.error().code() == ErrorCode::kStore);
  CHECK(contains(store.error().message(), path));
  CHECK(contains(store.error().message(), "not a SQLite database"));
  CHECK(testing::read_file(path) == before);  // left untouched
}

TEST_CASE("missing files and directories") {
  TempDir dir;
  SUBCASE("the parent directory does not exist") {
    const std::string path = dir.file("no/such/dir/shop.db");
    auto store = Store::open(path, {});
    REQUIRE_FALSE(store.ok());
    CHECK(store.error().code() == ErrorCode::kNotFound);
    CHECK(contains(store.error().message(), path));
    CHECK(contains(store.error().message(), "does not exist"));
  }
  SUBCASE("create_if_missing = false") {
    StoreOptions options;
    options.create_if_missing = false;
    auto store = Store::open(dir.file("absent.db"), options);
    REQUIRE_FALSE(store.ok());
    CHECK(store.error().code() == ErrorCode::kNotFound);
    CHECK_FALSE(std::filesystem::exists(dir.file("absent.db")));
  }
  SUBCASE("read_only never creates") {
    StoreOptions options;
    options.read_only = true;
    auto store = Store::open(dir.file("absent.db"), options);
    REQUIRE_FALSE(store.ok());
    CHECK(store.error().code() == ErrorCode::kNotFound);
  }
  SUBCASE("the path is a directory") {
    auto store = Store::open(dir.path().string(), {});
    REQUIRE_FALSE(store.ok());
    CHECK(store.error().code() == ErrorCode::kInvalidArgument);
  }
  SUBCASE("the path is empty") {
    auto store = Store::open("", {});
    REQUIRE_FALSE(store.ok());
    CHECK(store.error().code() == ErrorCode::kInvalidArgument);
  }
}

TEST_CASE("read-only stores") {
  TempDir dir;
  const std::string path = dir.file("ro.db");
  testing::demo_store(path).reset();

  SUBCASE("read_only: reads work, writes fail with kStore naming the file") {
    StoreOptions options;
    options.read_only = true;
    auto store = testing::open_store(path, options);
    auto order = store->find_order_by_number("112-4839201-5561234");
    REQUIRE(order.ok());
    CHECK(order->has_value());
    const Status saved = store->save_session("s1", "{}", {});
    CHECK(saved.code() == ErrorCode::kStore);
    CHECK(contains(saved.message(), path));
    CHECK(contains(saved.message(), "read-only"));
  }
  SUBCASE("a write-protected file opened for writing") {
    if (::geteuid() == 0) {
      MESSAGE("skipped: running as root, file permissions do not apply");
      return;
    }
    ::chmod(path.c_str(), 0444);
    ::chmod(dir.path().c_str(), 0555);
    auto store = Store::open(path, {});
    REQUIRE_FALSE(store.ok());
    CHECK(store.error().code() == ErrorCode::kStore);
    CHECK(contains(store.error().message(), path));
    CHECK(contains(store.error().message(), "read_only"));
    ::chmod(dir.path().c_str(), 0755);
  }
  SUBCASE("a read-only store that needs migrating is refused") {
    const std::string old_path = dir.file("v1.db");
    {
      SQLite::Database db(old_path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      db.exec(migrations()[0].sql);
    }
    StoreOptions options;
    options.read_only = true;
    auto store = Store::open(old_path, options);
    REQUIRE_FALSE(store.ok());
    CHECK(store.error().code() == ErrorCode::kStore);
    CHECK(contains(store.error().message(), "without read_only"));
  }
}

TEST_CASE("a second connection waits for the first's write lock, then fails") {
  TempDir dir;
  const std::string path = dir.file("busy.db");
  StoreOptions options;
  options.busy_timeout = std::chrono::milliseconds(50);
  auto store = open_store(path, options);
  SQLite::Database other(path, SQLite::OPEN_READWRITE);
  SQLite::Transaction hold(other, SQLite::TransactionBehavior::IMMEDIATE);
  const Status status = store->save_session("s", "{}", {});
  CHECK(status.code() == ErrorCode::kStore);
  CHECK(contains(status.message(), "locked"));
  CHECK(contains(status.message(), "busy_timeout"));
}

}  // namespace
}  // namespace parley::store
