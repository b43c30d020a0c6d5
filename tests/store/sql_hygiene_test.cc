// Source checks over lib/store: SQL is only ever a string literal with bound
// parameters, never text assembled at run time.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Source {
  std::string name;
  std::string text;
};

std::vector<Source> store_sources() {
  const char* root = std::getenv("PARLEY_SOURCE_ROOT");
  REQUIRE_MESSAGE(root != nullptr, "PARLEY_SOURCE_ROOT is not set (run via meson test)");
  std::vector<Source> sources;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(root) / "lib" / "store")) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".cc" && ext != ".h") continue;
    std::ifstream in(entry.path());
    std::ostringstream text;
    text << in.rdbuf();
    sources.push_back({entry.path().filename().string(), text.str()});
  }
  REQUIRE(sources.size() > 5);
  return sources;
}

// 1-based line of `offset` in `text`.
int line_of(const std::string& text, std::size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

TEST_CASE("store SQL is never built by string concatenation") {
  // A literal holding SQL next to a '+' (either side), or std::string SQL.
  const std::regex sql_word(R"(\b(SELECT|INSERT|UPDATE|DELETE|REPLACE|WHERE|VALUES|PRAGMA)\b)");
  const std::regex concat(R"("\s*\+|\+\s*")");
  for (const Source& s : store_sources()) {
    std::istringstream lines(s.text);
    std::string line;
    int number = 0;
    while (std::getline(lines, line)) {
      ++number;
      if (std::regex_search(line, sql_word) && std::regex_search(line, concat)) {
        FAIL_CHECK(s.name << ":" << number << ": SQL next to '+': " << line);
      }
    }
  }
}

TEST_CASE("every prepared statement and exec takes a literal") {
  // query( / Statement name(db, / exec( must be followed by a string literal
  // (adjacent literals are joined by the compiler, not at run time). The
  // migration runner's exec(step.sql) runs the constant migration list.
  const std::regex call(R"((\bquery|\bexec|SQLite::Statement\s+\w+)\s*\(\s*(\w+\s*,\s*)?)");
  for (const Source& s : store_sources()) {
    for (auto it = std::sregex_iterator(s.text.begin(), s.text.end(), call);
         it != std::sregex_iterator(); ++it) {
      const std::size_t after = static_cast<std::size_t>(it->position() + it->length());
      const std::string head = s.text.substr(after, 12);
      const bool literal = !head.empty() && head[0] == '"';
      const bool declaration = head.starts_with("const char*") || head.starts_with(")");
      const bool migration = head.starts_with("step.sql");
      if (!literal && !declaration && !migration) {
        FAIL_CHECK(s.name << ":" << line_of(s.text, static_cast<std::size_t>(it->position()))
                          << ": SQL that is not a literal: " << it->str() << head);
      }
    }
  }
}

}  // namespace
