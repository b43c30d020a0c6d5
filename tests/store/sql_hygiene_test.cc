// Source checks over every module of lib/: SQL is only ever a string
// literal with bound parameters, never text assembled at run time.
#include <doctest/doctest.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Source {
  std::string name;  // relative to lib/
  std::string text;
};

std::vector<Source> library_sources() {
  const char* root = std::getenv("PARLEY_SOURCE_ROOT");
  REQUIRE_MESSAGE(root != nullptr, "PARLEY_SOURCE_ROOT is not set (run via meson test)");
  const std::filesystem::path lib = std::filesystem::path(root) / "lib";
  std::vector<Source> sources;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(lib)) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".cc" && ext != ".h") continue;
    std::ifstream in(entry.path());
    std::ostringstream text;
    text << in.rdbuf();
    sources.push_back({std::filesystem::relative(entry.path(), lib).string(), text.str()});
  }
  REQUIRE(sources.size() > 20);
  return sources;
}

// 1-based line of `offset` in `text`.
int line_of(const std::string& text, std::size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

TEST_CASE("SQL is never built by string concatenation") {
  // A line holding an SQL keyword next to a '+' on a string literal.
  const RE2 sql_word(R"(\b(SELECT|INSERT|UPDATE|DELETE|REPLACE|WHERE|VALUES|PRAGMA)\b)");
  const RE2 concat(R"("\s*\+|\+\s*")");
  for (const Source& s : library_sources()) {
    std::istringstream lines(s.text);
    std::string line;
    int number = 0;
    while (std::getline(lines, line)) {
      ++number;
      if (RE2::PartialMatch(line, sql_word) && RE2::PartialMatch(line, concat)) {
        FAIL_CHECK(s.name << ":" << number << ": SQL next to '+': " << line);
      }
    }
  }
}

TEST_CASE("every prepared statement and exec takes a literal") {
  // query( / exec( / Statement name(db, must be followed by a string literal
  // (adjacent literals are joined by the compiler, not at run time). The
  // migration runner's exec(step.sql) runs the constant migration list.
  const RE2 call(R"(((?:\bquery|\bexec|SQLite::Statement\s+\w+)\s*\(\s*(?:\w+\s*,\s*)?))");
  for (const Source& s : library_sources()) {
    re2::StringPiece input(s.text);
    re2::StringPiece match;
    while (RE2::FindAndConsume(&input, call, &match)) {
      const std::size_t after = static_cast<std::size_t>(match.data() + match.size() - s.text.data());
      const std::string head = s.text.substr(after, 12);
      const bool literal = !head.empty() && head[0] == '"';
      const bool declaration = head.starts_with("const char*") || head.starts_with(")");
      const bool migration = head.starts_with("step.sql");
      if (!literal && !declaration && !migration) {
        FAIL_CHECK(s.name << ":" << line_of(s.text, static_cast<std::size_t>(match.data() - s.text.data()))
                          << ": SQL that is not a literal: " << std::string(match) << head);
      }
    }
  }
}

TEST_CASE("no std::regex anywhere: regular expressions are RE2") {
  for (const Source& s : library_sources()) {
    CHECK_MESSAGE(s.text.find("std::regex") == std::string::npos, s.name << " uses std::regex");
  }
}

}  // namespace
