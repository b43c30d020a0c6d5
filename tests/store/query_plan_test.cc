// Every statement in lib/store must find its rows through an index on the
// tables that grow with the shop (orders, shipments, ...), so look-ups stay
// as fast with a million orders as with a thousand. The statements are
// taken from the sources, so a new query is checked without listing it here.
#include <re2/re2.h>

#include <cstdlib>
#include <map>
#include <set>

#include "test_util.h"

namespace parley::store {
namespace {

// The SQL of every query("..." "...") call in lib/store, literals joined.
std::vector<std::string> store_statements() {
  const char* root = std::getenv("PARLEY_SOURCE_ROOT");
  REQUIRE_MESSAGE(root != nullptr, "PARLEY_SOURCE_ROOT is not set (run via meson test)");
  std::vector<std::string> statements;
  for (const auto& entry : std::filesystem::directory_iterator(
           std::filesystem::path(root) / "lib" / "store")) {
    if (entry.path().extension() != ".cc") continue;
    const std::string text = testing::read_file(entry.path().string());
    for (std::size_t at = text.find("query("); at != std::string::npos;
         at = text.find("query(", at + 1)) {
      std::size_t i = at + 6;
      std::string sql;
      for (;;) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        if (i >= text.size() || text[i] != '"') break;
        const std::size_t end = text.find('"', i + 1);
        sql += text.substr(i + 1, end - i - 1);
        i = end + 1;
      }
      if (!sql.empty()) statements.push_back(sql);
    }
  }
  REQUIRE(statements.size() > 30);
  return statements;
}

TEST_CASE("look-ups on growing tables use an index") {
  const std::set<std::string> small = {"categories", "products", "delivery_options",
                                       "return_policies", "faq_articles"};
  testing::TempDir dir;
  const std::string path = dir.file("plans.db");
  testing::demo_store(path).reset();
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  // "FROM orders o" / "JOIN shipments s": table and optional alias (a
  // keyword after the table is not an alias).
  const RE2 alias(R"(\b(?:FROM|JOIN)\s+(\w+)(?:\s+(\w+))?)");
  const std::set<std::string> keywords = {"ON", "WHERE", "JOIN", "ORDER", "LEFT", "GROUP", "LIMIT", "INNER"};
  for (const std::string& sql : store_statements()) {
    CAPTURE(sql);
    if (sql.starts_with("SELECT EXISTS")) continue;  // stops at the first row
    std::map<std::string, std::string> table_of;
    re2::StringPiece input(sql);
    std::string table, name;
    while (RE2::FindAndConsume(&input, alias, &table, &name)) {
      table_of[table] = table;
      if (!name.empty() && !keywords.count(name)) table_of[name] = table;
    }
    SQLite::Statement plan(db, "EXPLAIN QUERY PLAN " + sql);  // test-only
    while (plan.executeStep()) {
      const std::string detail = plan.getColumn(3).getString();
      if (!detail.starts_with("SCAN ")) continue;
      std::string name = detail.substr(5, detail.find(' ', 5) - 5);
      const std::string table = table_of.count(name) ? table_of[name] : name;
      CHECK_MESSAGE(small.count(table) == 1, "full scan: " << detail);
    }
  }
}

}  // namespace
}  // namespace parley::store
