// Anchored prefixes must never turn down a text a rule matches: checked on
// hand-made regexes and on every rule part of the English pack against
// every message of its examples and test sets.
#include "matcher/anchors.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <string>
#include <vector>

#include "matcher/rule_filter.h"
#include "pack_texts.h"

using parley::matcher::anchored_prefixes;
using parley::matcher::PrefixTest;
using Strings = std::vector<std::string>;

TEST_CASE("anchored prefixes of regexes anchored at the start") {
  CHECK(anchored_prefixes("^thanks$") == Strings{"thanks"});
  CHECK(anchored_prefixes("^(?:yes|no)\\b") == Strings{"no", "yes"});
  CHECK(anchored_prefixes("^ ?(?:hi+|hey?|hello)") == Strings{" he", " hi", "he", "hi"});
  CHECK(anchored_prefixes("^ ?(?:y|yes|yeah|ok)\\b") == Strings{" ok", " y", "ok", "y"});
  CHECK(anchored_prefixes("^(?P<word>ab|cd)e") == Strings{"ab", "cd"});
  CHECK(anchored_prefixes("^(ab|cd)+e") == Strings{"ab", "cd"});
  CHECK(anchored_prefixes("^ab?c") == Strings{"a"});
  CHECK(anchored_prefixes("^where(?: is it)? ?$") == Strings{"where"});
}

TEST_CASE("no prefixes where a match may begin elsewhere, or with anything") {
  for (const char* regex : {"thanks", "\\bhi", "(?:^| )hi", "^a|b", "^(?:a|b)c|d", "^(?:hi )?there",
                            "^(?:a|b)*c", "^(?:a|b){0,2}c", "^\\bhi", "^[ab]c", "^(?:a|\\d)", "^(?i)hi",
                            "^(?:a|)b", "^x{2}", "^.*order", "^(?:a|(?:b|c)d)", "^(?:a|b", "^\\Qa|b\\E", ""}) {
    INFO("regex: " << regex);
    CHECK(anchored_prefixes(regex).empty());
  }
}

TEST_CASE("PrefixTest") {
  const parley::matcher::PrefixTest test(Strings{" he", "hi", "yo"});
  CHECK(test.passes("hi there"));
  CHECK(test.passes(" hello"));
  CHECK(test.passes("you there"));
  CHECK_FALSE(test.passes("oh hi"));
  CHECK_FALSE(test.passes("hello"));  // "he" only after a space
  CHECK_FALSE(test.passes("h"));
  CHECK_FALSE(test.passes(""));
  CHECK_FALSE(test.passes("zebra"));
  CHECK(parley::matcher::PrefixTest({}).passes("anything"));
}

TEST_CASE("no rule part of the English pack is turned down on a text it matches") {
  const parley::testing::PackTexts pack = parley::testing::load_english_pack_texts();
  std::size_t anchored = 0, turned_down = 0, matches = 0;
  std::vector<std::string> failures;
  for (const auto& regex : pack.regexes) {
    for (const auto& part : parley::matcher::top_level_alternatives(regex)) {
      const Strings prefixes = anchored_prefixes(part);
      if (prefixes.empty()) continue;
      const PrefixTest test(prefixes);
      ++anchored;
      const RE2 re(part);
      REQUIRE(re.ok());
      for (const auto& text : pack.texts) {
        const bool begins = test.passes(text);
        turned_down += !begins;
        if (!RE2::PartialMatch(text, re)) continue;
        ++matches;
        if (!begins) failures.push_back("'" + part + "' matches '" + text + "', which begins otherwise");
      }
    }
  }
  MESSAGE(anchored << " anchored parts; " << matches << " matches checked; " << turned_down
                   << " part-text pairs turned down");
  CHECK_MESSAGE(failures.empty(), failures.size() << " failures, the first: " << (failures.empty() ? "" : failures[0]));
  CHECK(anchored >= 20);
  CHECK(matches > 200);
}
