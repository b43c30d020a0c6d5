#include "text/fold.h"

#include <doctest/doctest.h>

using parley::text::Fold;

TEST_CASE("Fold lower-cases ASCII") { CHECK(Fold("WHERE Is My ORDER", true) == "where is my order"); }

TEST_CASE("Fold applies NFKC, full case folding and accent folding") {
  CHECK(Fold("Où EST ma Commande", true) == "ou est ma commande");
  CHECK(Fold("Straße", true) == "strasse");
  CHECK(Fold("ＷＨＥＲＥ", true) == "where");  // full-width forms
  CHECK(Fold("ﬁnd", true) == "find");           // ligature
  CHECK(Fold("café", false) == "café");
}

TEST_CASE("Fold maps typographic apostrophes to ASCII") {
  CHECK(Fold("don\u2019t", true) == "don't");
  CHECK(Fold("don`t", true) == "don't");
}

TEST_CASE("ASCII fast path and ICU path agree") {
  // Force the ICU path with a trailing non-ASCII character, then compare.
  for (const char* s : {"Hello World", "IT'S 12.50 GBP", "A-b_C", "MiXeD 123 CaSe!"}) {
    std::string ascii = Fold(s, true);
    std::string icu = Fold(std::string(s) + "é", true);
    CHECK(icu == ascii + "e");
  }
}
