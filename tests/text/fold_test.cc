#include "text/fold.h"

#include <doctest/doctest.h>

using parley::text::fold;

TEST_CASE("Fold lower-cases ASCII") { CHECK(fold("WHERE Is My ORDER", true) == "where is my order"); }

TEST_CASE("Fold applies NFKC, full case folding and accent folding") {
  CHECK(fold("Où EST ma Commande", true) == "ou est ma commande");
  CHECK(fold("Straße", true) == "strasse");
  CHECK(fold("ＷＨＥＲＥ", true) == "where");  // full-width forms
  CHECK(fold("ﬁnd", true) == "find");           // ligature
  CHECK(fold("café", false) == "café");
}

TEST_CASE("Fold maps typographic apostrophes to ASCII") {
  CHECK(fold("don\u2019t", true) == "don't");
  CHECK(fold("don`t", true) == "don't");
}

TEST_CASE("ASCII fast path and ICU path agree") {
  // Force the ICU path with a trailing non-ASCII character, then compare.
  for (const char* s : {"Hello World", "IT'S 12.50 GBP", "A-b_C", "MiXeD 123 CaSe!"}) {
    std::string ascii = fold(s, true);
    std::string icu = fold(std::string(s) + "é", true);
    CHECK(icu == ascii + "e");
  }
}

TEST_CASE("fold_owned folds like fold, ASCII or not") {
  for (const char* s : {"WHERE Is My ORDER", "it`s", "Où EST ma Commande", "Straße", ""}) {
    CHECK(parley::text::fold_owned(std::string(s), true) == fold(s, true));
    CHECK(parley::text::fold_owned(std::string(s), false) == fold(s, false));
  }
}
