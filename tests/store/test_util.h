// Helpers for the store tests: a private temporary directory per test, and
// a text dump of every table for comparing two stores.
#ifndef PARLEY_TESTS_STORE_TEST_UTIL_H_
#define PARLEY_TESTS_STORE_TEST_UTIL_H_

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "store/demo.h"
#include "store/store.h"

namespace parley::store::testing {

// A fresh directory under the system temp dir, removed with its contents.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("parley-store-test-" + std::to_string(::getpid()) + "-" +
             std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string file(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline std::unique_ptr<Store> open_store(const std::string& path,
                                         const StoreOptions& options = {}) {
  auto store = Store::open(path, options);
  REQUIRE_MESSAGE(store.ok(), store.error().message());
  return std::move(store).value();
}

// A store at `path` holding the demo data for `options`.
inline std::unique_ptr<Store> demo_store(const std::string& path,
                                         const DemoOptions& options = {}) {
  auto store = open_store(path);
  const Status status = generate_demo_store(*store, options);
  REQUIRE_MESSAGE(status.ok(), status.message());
  return store;
}

// Every row of every table, in rowid order, one line per row. Test-only: the
// table names come from sqlite_schema, so building the SELECT is safe here.
inline std::string dump(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  std::ostringstream out;
  SQLite::Statement tables(
      db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
  while (tables.executeStep()) {
    const std::string table = tables.getColumn(0).getString();
    out << "## " << table << "\n";
    SQLite::Statement rows(db, "SELECT * FROM \"" + table + "\" ORDER BY rowid");
    while (rows.executeStep()) {
      for (int i = 0; i < rows.getColumnCount(); ++i) {
        const SQLite::Column column = rows.getColumn(i);
        out << (i ? "|" : "") << (column.isNull() ? "NULL" : column.getString());
      }
      out << "\n";
    }
  }
  return out.str();
}

// Number of rows in `table` (a fixed name from the test).
inline std::int64_t count_rows(const std::string& path, const std::string& table) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement q(db, "SELECT count(*) FROM \"" + table + "\"");
  q.executeStep();
  return q.getColumn(0).getInt64();
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace parley::store::testing

#endif  // PARLEY_TESTS_STORE_TEST_UTIL_H_
