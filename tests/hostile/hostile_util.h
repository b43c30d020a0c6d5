// Helpers of the hostile-input tests: checking what the bot says, and
// fingerprinting the store's business tables to prove nothing was written.
#ifndef PARLEY_TESTS_HOSTILE_HOSTILE_UTIL_H_
#define PARLEY_TESTS_HOSTILE_HOSTILE_UTIL_H_

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <unicode/utf8.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "../bot/bot_fixture.h"
#include "parley/bot.h"

namespace parley::testing {

inline bool valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(p, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

// What every reply must be, whatever the customer sent: non-empty, valid
// UTF-8, free of control characters (newlines aside) and of bidi overrides
// echoed back from the message.
inline void check_reply(const Reply& r) {
  CHECK_FALSE(r.text.empty());
  CHECK(valid_utf8(r.text));
  CHECK_FALSE(r.state.empty());
  CHECK_FALSE(r.intent.empty());
  for (unsigned char c : r.text) {
    if (c == '\n') continue;
    CHECK_MESSAGE((c >= 0x20 && c != 0x7F), "control byte " << int(c) << " in reply: " << r.text);
  }
  for (const char* bidi : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067",
                           "\u2068", "\u2069"}) {
    CHECK_MESSAGE(r.text.find(bidi) == std::string::npos, "bidi control echoed: " << r.text);
  }
  for (const auto& [name, value] : r.slots) CHECK(valid_utf8(value));
  for (const auto& line : r.trace) CHECK(valid_utf8(line));
}

// Every row of the shop's own tables (not what the bot logs), and the
// schema: equal fingerprints before and after mean nothing was written.
inline std::string store_fingerprint(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  std::string out;
  {
    SQLite::Statement schema(db, "SELECT type, name, sql FROM sqlite_master ORDER BY name");
    while (schema.executeStep()) {
      for (int i = 0; i < schema.getColumnCount(); ++i) out += schema.getColumn(i).getString() + "|";
      out += "\n";
    }
  }
  for (const char* table : {"customers", "addresses", "categories", "products", "orders", "shipments",
                            "order_items", "tracking_events", "delivery_options", "return_policies",
                            "returns", "refunds", "faq_articles"}) {
    SQLite::Statement rows(db, std::string("SELECT * FROM ") + table + " ORDER BY rowid");
    out += table;
    out += ":\n";
    while (rows.executeStep()) {
      for (int i = 0; i < rows.getColumnCount(); ++i) out += rows.getColumn(i).getString() + "|";
      out += "\n";
    }
  }
  return out;
}

inline long long count_rows(const std::string& path, const std::string& table) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  return db.execAndGet("SELECT count(*) FROM " + table).getInt64();
}

// Options like BotFixture's, for a second bot on the fixture's store.
inline BotOptions fixture_options(const std::string& store_path) {
  BotOptions options;
  options.intents = source_root() + "/intents";
  options.store = store_path;
  options.locale = "en";
  const auto at = std::chrono::sys_days{test_day()} + std::chrono::hours(10);
  options.clock = [at] { return std::chrono::system_clock::time_point(at); };
  return options;
}

inline void write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  REQUIRE_MESSAGE(out.good(), "cannot write " << path);
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A fresh directory under the temporary directory, removed at scope exit.
class TempDir {
 public:
  explicit TempDir(const std::string& name) {
    static int counter = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("parley-hostile-" + name + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace parley::testing

#endif  // PARLEY_TESTS_HOSTILE_HOSTILE_UTIL_H_
