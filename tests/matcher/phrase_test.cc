#include "matcher/phrase.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstdint>

#include "text/tokenize.h"

using namespace parley::matcher;

namespace {

std::vector<std::string> Split(std::string_view s) {
  std::vector<std::string> out;
  for (auto& t : parley::text::tokenize(s)) out.push_back(t.text);
  return out;
}

bool Matches(std::string_view phrase, std::string_view text) {
  SynonymTable synonyms{{"order", {"order", "parcel", "money back"}}};
  std::string error;
  std::string regex = compile_phrase(phrase, synonyms, Split, error);
  REQUIRE_MESSAGE(error.empty(), error);
  return RE2::PartialMatch(text, regex);
}

}  // namespace

TEST_CASE("phrases match whole words in order") {
  CHECK(Matches("where is my order", "hi where is my order now"));
  CHECK_FALSE(Matches("where is my order", "where is my orders"));
  CHECK_FALSE(Matches("my order", "order my"));
}

TEST_CASE("optional words, alternatives, classes and gaps") {
  CHECK(Matches("where is [my] @order", "where is parcel"));
  CHECK(Matches("where is [my] @order", "where is my money back"));
  CHECK(Matches("has it (shipped|been sent)", "has it been sent"));
  CHECK(Matches("has my @order ... arrived", "has my order still not arrived"));
  CHECK_FALSE(Matches("has my @order ... arrived", "has my order one two three four arrived"));
  CHECK(Matches("track #order_number", "track #order_number please"));
}

TEST_CASE("phrase syntax errors are reported") {
  std::string error;
  SynonymTable none;
  CHECK(compile_phrase("where [is", none, Split, error).empty());
  CHECK(error == "missing ']'");
  error.clear();
  CHECK(compile_phrase("a) b", none, Split, error).empty());
  CHECK(error == "unbalanced ')'");
  error.clear();
  CHECK(compile_phrase("[ ... ]", none, Split, error).empty());
  CHECK(error == "a phrase needs at least one word");
}

TEST_CASE("a phrase that compiles is a valid RE2, whatever its words") {
  // The matcher does not ask RE2 to validate phrases (it does for patterns):
  // they are valid by construction. Words here are split on spaces only,
  // so RE2's syntax characters reach the compiler unfiltered.
  auto raw_split = [](std::string_view s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
      const std::size_t end = std::min(s.find(' ', i), s.size());
      if (end > i) out.emplace_back(s.substr(i, end - i));
      i = end + 1;
    }
    return out;
  };
  SynonymTable synonyms{{"x", {"a.b", "c++ d", "(e", "f$", "\\g", "h{2}"}}};
  const std::vector<std::string> pieces = {"word", "c++", "a.b", "$5", "^", "\\", "{2}", "?",  "*",
                                           "#order_number", "@x", "...", "[", "]", "(", ")", "|", "(?:",
                                           "\\Q", "\\E", "é", "日本"};
  std::uint32_t seed = 12345;
  auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
  int compiled = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string phrase;
    const int length = 1 + static_cast<int>(next() % 7);
    for (int k = 0; k < length; ++k) phrase += pieces[next() % pieces.size()] + " ";
    std::string error;
    const std::string regex = compile_phrase(phrase, synonyms, raw_split, error);
    if (!error.empty()) continue;
    ++compiled;
    RE2 re(regex, RE2::Quiet);
    CHECK_MESSAGE(re.ok(), "phrase '" << phrase << "' -> '" << regex << "': " << re.error());
  }
  CHECK(compiled > 500);  // the test must exercise the valid ones
}
