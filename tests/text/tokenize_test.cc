#include "text/tokenize.h"

#include <doctest/doctest.h>

#include "text/fold.h"

namespace {
std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  for (auto& t : parley::text::tokenize(s)) out.push_back(t.text);
  return out;
}
}  // namespace

TEST_CASE("Tokenize splits on punctuation and drops it") {
  CHECK(Words("where is my order?? !") == std::vector<std::string>{"where", "is", "my", "order"});
  CHECK(Words("hi.where is it") == std::vector<std::string>{"hi", "where", "is", "it"});
}

TEST_CASE("Tokenize joins apostrophes and decimal numbers") {
  CHECK(Words("don't it's") == std::vector<std::string>{"dont", "its"});
  CHECK(Words("it costs 12.50 or 1,000") ==
        std::vector<std::string>{"it", "costs", "12.50", "or", "1,000"});
  CHECK(Words("customers' orders") == std::vector<std::string>{"customers", "orders"});
}

TEST_CASE("Tokenize keeps byte offsets") {
  auto tokens = parley::text::tokenize("ab, cd");
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[1].begin == 4);
  CHECK(tokens[1].end == 6);
}

TEST_CASE("Tokenize handles non-ASCII scripts and emoji") {
  CHECK(Words("où est ma commande 🙂") ==
        std::vector<std::string>{"où", "est", "ma", "commande"});
  CHECK(Words("🙂🙂🙂").empty());
  CHECK(Words("注文はどこですか").size() >= 2);  // no spaces: ICU dictionary break
}

TEST_CASE("Tokenize gives the same words on both paths for ASCII") {
  for (const char* s : {"where's my order 112-4839201-5561234?", "a.b,c 1.2.3 x'y' 'z"}) {
    auto ascii = Words(s);
    auto icu = Words(std::string(s) + " é");
    REQUIRE(icu.size() == ascii.size() + 1);
    icu.pop_back();
    CHECK(icu == ascii);
  }
}
