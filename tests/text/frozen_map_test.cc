#include "text/frozen_map.h"

#include <doctest/doctest.h>

#include <string>

using parley::text::FrozenStringMap;
using parley::text::StringMap;

TEST_CASE("FrozenStringMap finds every key of the map it was built from, and nothing else") {
  StringMap<int> words;
  for (int i = 0; i < 1000; ++i) words.emplace("w" + std::to_string(i), i);
  words.emplace("", -1);  // the empty word is a key like any other
  const FrozenStringMap<int> frozen(words);
  CHECK(frozen.size() == words.size());
  for (const auto& [word, value] : words) {
    const int* found = frozen.find(word);
    REQUIRE(found != nullptr);
    CHECK(*found == value);
  }
  CHECK(frozen.find("w1000") == nullptr);
  CHECK(frozen.find("w1") != frozen.find("w10"));  // a prefix is another key
  CHECK_FALSE(frozen.contains("w"));
  CHECK_FALSE(frozen.contains(std::string("w1\0", 3)));
}

TEST_CASE("An empty FrozenStringMap finds nothing") {
  CHECK(FrozenStringMap<int>().find("order") == nullptr);
  CHECK(FrozenStringMap<int>(StringMap<int>{}).find("") == nullptr);
}
