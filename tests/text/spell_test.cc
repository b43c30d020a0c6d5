#include "text/spell.h"

#include <doctest/doctest.h>

using parley::text::edit_distance;
using parley::text::SpellChecker;

TEST_CASE("EditDistance counts transpositions as one edit") {
  CHECK(edit_distance("recieved", "received", 2) == 1);
  CHECK(edit_distance("order", "order", 2) == 0);
  CHECK(edit_distance("abc", "xyz", 1) == 2);  // limit + 1
}

TEST_CASE("SpellChecker corrects within the allowed distance only") {
  SpellChecker spell;
  for (const char* w : {"where", "is", "my", "order", "package", "received", "track", "refund"}) {
    spell.add(w, 5);
  }
  spell.build();
  CHECK(spell.correct("pakage") == "package");
  CHECK(spell.correct("recieved") == "received");
  CHECK(spell.correct("ordr") == "order");
  CHECK(spell.correct("xyzzy") == "");
  CHECK(spell.correct("ordre") == "order");
  CHECK(spell.correct("is") == "");          // too short to correct
  CHECK(spell.correct("12345") == "");       // numbers are never corrected
  CHECK(spell.correct("weather") == "");     // 2+ edits from anything, 7 letters allow 1
}

TEST_CASE("SpellChecker splits run-on words into two known words") {
  SpellChecker spell;
  for (const char* w : {"where", "is", "my", "track", "order", "i", "want"}) spell.add(w, 3);
  spell.build();
  CHECK(spell.split_run_on("whereis") == std::vector<std::string>{"where", "is"});
  CHECK(spell.split_run_on("trackmy") == std::vector<std::string>{"track", "my"});
  CHECK(spell.split_run_on("iwant") == std::vector<std::string>{"i", "want"});
  CHECK(spell.split_run_on("zzzzzz").empty());
}
