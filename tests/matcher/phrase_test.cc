#include "matcher/phrase.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

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
