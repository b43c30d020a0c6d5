// Source checks over lib/report, as tests/store/sql_hygiene_test.cc does for
// lib/store: SQL is only ever a string literal with bound parameters.
#include <doctest/doctest.h>

#include <algorithm>
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

std::vector<Source> report_sources() {
  const char* root = std::getenv("PARLEY_SOURCE_ROOT");
  REQUIRE_MESSAGE(root != nullptr, "PARLEY_SOURCE_ROOT is not set (run via meson test)");
  std::vector<Source> sources;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(root) / "lib" / "report")) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".cc" && ext != ".h") continue;
    std::ifstream in(entry.path());
    std::ostringstream text;
    text << in.rdbuf();
    sources.push_back({entry.path().filename().string(), text.str()});
  }
  REQUIRE(sources.size() >= 5);
  return sources;
}

TEST_CASE("report SQL is never built by string concatenation") {
  const std::regex sql_word(R"(\b(SELECT|INSERT|UPDATE|DELETE|REPLACE|WHERE|VALUES|PRAGMA)\b)");
  const std::regex concat(R"("\s*\+|\+\s*")");
  for (const Source& s : report_sources()) {
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

TEST_CASE("every report query takes a literal and nothing writes") {
  const std::regex call(R"((\bquery|\bexec|SQLite::Statement\s+\w+)\s*\(\s*(\w+\s*,\s*)?)");
  const std::regex write(R"(\b(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP)\b)");
  int queries = 0;
  for (const Source& s : report_sources()) {
    for (auto it = std::sregex_iterator(s.text.begin(), s.text.end(), call);
         it != std::sregex_iterator(); ++it) {
      const std::size_t after = static_cast<std::size_t>(it->position() + it->length());
      const std::string head = s.text.substr(after, 12);
      const bool literal = !head.empty() && head[0] == '"';
      if (!literal) FAIL_CHECK(s.name << ": SQL that is not a literal: " << it->str() << head);
      ++queries;
    }
    CHECK_MESSAGE(!std::regex_search(s.text, write), s.name << " writes to the store");
  }
  CHECK(queries >= 5);
}

}  // namespace
