// A store that cannot be used is refused at Bot::open with a message naming
// the file: missing directory, read-only, corrupt, written by a newer parley.
#include <sys/stat.h>
#include <unistd.h>

#include <string>

#include "hostile_util.h"
#include "store/store.h"

using namespace parley;
using parley::testing::contains;
using parley::testing::TempDir;
using parley::testing::write_file;

namespace fs = std::filesystem;

namespace {

Result<Bot> open_on(const fs::path& store) {
  return Bot::open(parley::testing::fixture_options(store.string()));
}

void create_store(const fs::path& path) {
  auto store = store::Store::open(path.string());
  REQUIRE_MESSAGE(store, store.error().message());
}

}  // namespace

TEST_CASE("a store in a missing directory is refused, naming the file") {
  TempDir dir("store-missing");
  const fs::path path = dir.path() / "no" / "such" / "dir" / "shop.db";
  auto bot = open_on(path);
  REQUIRE_FALSE(bot.ok());
  CHECK(bot.error().code() == ErrorCode::kNotFound);
  CHECK(contains(bot.error().message(), path.string()));
  CHECK_FALSE(fs::exists(path.parent_path()));
}

TEST_CASE("a corrupt store is refused, naming the file, and left as it was") {
  TempDir dir("store-corrupt");
  for (const std::string& bytes :
       {std::string("this is not a database, just text\n"), std::string(4096, '\0'),
        std::string("SQLite format 3\0", 16) + std::string(5000, '\xff')}) {
    const fs::path path = dir.path() / "shop.db";
    write_file(path, bytes);
    auto bot = open_on(path);
    REQUIRE_FALSE(bot.ok());
    CHECK(bot.error().code() == ErrorCode::kStore);
    CAPTURE(bot.error().message());
    CHECK(contains(bot.error().message(), path.string()));
    CHECK(parley::testing::read_file(path) == bytes);
  }
}

TEST_CASE("a store cut short is refused, naming the file") {
  TempDir dir("store-truncated");
  const fs::path path = dir.path() / "shop.db";
  create_store(path);
  const std::string whole = parley::testing::read_file(path);
  REQUIRE(whole.size() > 4096);
  write_file(path, whole.substr(0, whole.size() / 2 + 100));
  auto bot = open_on(path);
  if (bot) {
    // SQLite may only notice when a missing page is read: then the turn
    // must still be answered, not crash.
    parley::testing::check_reply(bot->respond("s", "where is my order 112-4839201-5561234"));
  } else {
    CHECK(contains(bot.error().message(), path.string()));
  }
}

TEST_CASE("a store written by a newer parley is refused, naming the file") {
  TempDir dir("store-newer");
  const fs::path path = dir.path() / "shop.db";
  create_store(path);
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = " + std::to_string(store::Store::kSchemaVersion + 7));
  }
  auto bot = open_on(path);
  REQUIRE_FALSE(bot.ok());
  CHECK(bot.error().code() == ErrorCode::kSchemaTooNew);
  CHECK(contains(bot.error().message(), path.string()));
}

TEST_CASE("a read-only store is refused, naming the file") {
  if (::getuid() == 0) {
    MESSAGE("skipped: root ignores file permissions");
    return;
  }
  TempDir dir("store-readonly");
  const fs::path path = dir.path() / "shop.db";
  create_store(path);
  fs::permissions(path, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  fs::permissions(dir.path(), fs::perms::owner_read | fs::perms::owner_exec);
  auto bot = open_on(path);
  fs::permissions(dir.path(), fs::perms::owner_all);
  REQUIRE_FALSE(bot.ok());
  CHECK(bot.error().code() == ErrorCode::kStore);
  CHECK(contains(bot.error().message(), path.string()));
}
