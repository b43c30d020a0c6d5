#include "text/spell.h"

#include <doctest/doctest.h>

using parley::text::EditDistance;
using parley::text::SpellChecker;

TEST_CASE("EditDistance counts transpositions as one edit") {
  CHECK(EditDistance("recieved", "received", 2) == 1);
  CHECK(EditDistance("order", "order", 2) == 0);
  CHECK(EditDistance("abc", "xyz", 1) == 2);  // limit + 1
}

TEST_CASE("SpellChecker corrects within the allowed distance only") {
  SpellChecker spell;
  for (const char* w : {"where", "is", "my", "order", "package", "received", "track", "refund"}) {
    spell.Add(w, 5);
  }
  spell.Build();
  CHECK(spell.Correct("pakage") == "package");
  CHECK(spell.Correct("recieved") == "received");
  CHECK(spell.Correct("ordr") == "order");
  CHECK(spell.Correct("xyzzy") == "");
  CHECK(spell.Correct("ordre") == "order");
  CHECK(spell.Correct("is") == "");          // too short to correct
  CHECK(spell.Correct("12345") == "");       // numbers are never corrected
  CHECK(spell.Correct("weather") == "");     // 2+ edits from anything, 7 letters allow 1
}

TEST_CASE("SpellChecker splits run-on words into two known words") {
  SpellChecker spell;
  for (const char* w : {"where", "is", "my", "track", "order", "i", "want"}) spell.Add(w, 3);
  spell.Build();
  CHECK(spell.SplitRunOn("whereis") == std::vector<std::string>{"where", "is"});
  CHECK(spell.SplitRunOn("trackmy") == std::vector<std::string>{"track", "my"});
  CHECK(spell.SplitRunOn("iwant") == std::vector<std::string>{"i", "want"});
  CHECK(spell.SplitRunOn("zzzzzz").empty());
}
