// The literal filter must never skip a rule that would match: checked on
// hand-made regexes, and on every rule of the English pack, whole and as
// the top-level alternatives the matcher runs, against every message of its
// examples and test sets.
#include "matcher/rule_filter.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <memory>
#include <string>
#include <vector>

#include "pack_texts.h"

using namespace parley;
using parley::matcher::required_literals;

namespace {

using Groups = std::vector<std::vector<std::string>>;

// Whether every group has a member in `text`.
bool satisfied(const Groups& groups, std::string_view text) {
  for (const auto& group : groups) {
    bool any = false;
    for (const auto& literal : group) any = any || text.find(literal) != std::string_view::npos;
    if (!any) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("required literals of simple regexes") {
  CHECK(required_literals("where is my order") == Groups{{"where is my order"}});
  CHECK(required_literals(R"(\b(refund|money back)\b)") == Groups{{"money back", "refund"}});
  CHECK(required_literals(R"(\btrack\w*\b.*\b(order|parcel)\b)") ==
        Groups{{"track"}, {"order", "parcel"}});
  CHECK(required_literals("personali[sz]ed") == Groups{{"personalised", "personalized"}});
  CHECK(required_literals(R"(^(hi|hey)\b)") == Groups{{"hey", "hi"}});
}

TEST_CASE("parts that can be absent or unknown require nothing") {
  CHECK(required_literals("(where )?is it").front() == std::vector<std::string>{"is it"});
  CHECK(required_literals("a|b").empty());             // too short to be worth checking
  CHECK(required_literals(R"(\d+ days)") == Groups{{" days"}});
  CHECK(required_literals("(?i)refund").empty());       // flags: not vouched for
  CHECK(required_literals(R"(\x{41}bc)").empty());      // escapes it does not read
  CHECK(required_literals("[a-z]+ing").front() == std::vector<std::string>{"ing"});
  CHECK(required_literals("(unbalanced").empty());
  CHECK(required_literals("").empty());
  CHECK(required_literals("refund|.*").empty());        // one branch requires nothing
}

TEST_CASE("required literals built from several pieces") {
  // Appending to a set can reorder it ("ab" sorts before "a" once "c" follows).
  CHECK(required_literals(R"((a|ab)c\.d)") == Groups{{"abc.d", "ac.d"}});
  // A literal broken by escapes and word boundaries is one string.
  CHECK(required_literals(R"(where\.is\b my (order|parcel)\b now)") ==
        Groups{{"where.is my order now", "where.is my parcel now"}});
  CHECK(required_literals("(?:(?:ab|cd)ef)gh") == Groups{{"abefgh", "cdefgh"}});
  CHECK(required_literals(R"((ab|cd){2}\.x)") == Groups{{"abab.x", "abcd.x", "cdab.x", "cdcd.x"}});
  // Too many to multiply out: what one repetition requires.
  CHECK(required_literals("(ab|cd|ef|gh|ij){3}") == Groups{{"ab", "cd", "ef", "gh", "ij"}});
  // More than 16 products: the run ends, the next piece starts another.
  CHECK(required_literals("(a|b)(c|d)(e|f)(g|h)(i|j)xyz") ==
        Groups{{"aceg", "aceh", "acfg", "acfh", "adeg", "adeh", "adfg", "adfh", "bceg", "bceh", "bcfg", "bcfh",
                "bdeg", "bdeh", "bdfg", "bdfh"},
               {"ixyz", "jxyz"}});
  // Members containing another are dropped ("fourteen" has "four").
  CHECK(required_literals("(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                          "fifteen|sixteen|seventeen)") ==
        Groups{{"eight", "eleven", "fifteen", "five", "four", "nine", "one", "seven", "six", "ten", "thirteen",
                "three", "twelve", "two"}});
  CHECK(required_literals(R"(order (number|no\.?) is)") == Groups{{"order "}, {" is"}, {"no", "number"}});
  CHECK(required_literals(R"(\border\b.*\b(?:refund|return)s?\b.*\bnow\b)") ==
        Groups{{"refund", "return"}, {"order"}, {"now"}});
}

TEST_CASE("character classes in required literals") {
  CHECK(required_literals("[]ab]xy") == Groups{{"]xy", "axy", "bxy"}});
  CHECK(required_literals("[aabb]cd") == Groups{{"acd", "bcd"}});  // members counted once
  CHECK(required_literals("[abcde]xy") == Groups{{"xy"}});        // too many to multiply out
  CHECK(required_literals("[^ab]xy") == Groups{{"xy"}});
}

TEST_CASE("a long literal costs time and memory in proportion to its length") {
  std::string regex = "(ab|cd)(ef|gh)";
  for (int i = 0; i < 20000; ++i) regex += R"(xy\.)";
  const Groups groups = required_literals(regex);
  REQUIRE(groups.size() == 1);
  REQUIRE(groups[0].size() == 4);
  CHECK(groups[0][0].size() == 4 + 20000 * 3);
  CHECK(groups[0][0].compare(0, 8, "abefxy.x") == 0);
}

TEST_CASE("no rule of the English pack is filtered out of a text it matches") {
  const testing::PackTexts pack = testing::load_english_pack_texts();
  const std::vector<std::string>& regexes = pack.regexes;
  const std::vector<std::string>& texts = pack.texts;

  // The matcher runs each rule as its top-level alternatives, each filtered
  // by its own literals: a text has a match of the rule exactly when it has
  // one of an alternative, and every alternative that matches finds its
  // literals in the text.
  size_t matches = 0, filtered_parts = 0, parts_total = 0, split_rules = 0;
  std::vector<std::string> failures;  // one line each (checked once, at the end: millions of cases)
  for (const auto& regex : regexes) {
    const RE2 re(regex);
    REQUIRE(re.ok());
    const Groups groups = required_literals(regex);
    const std::vector<std::string> alternatives = matcher::top_level_alternatives(regex);
    split_rules += alternatives.size() > 1;
    std::vector<std::unique_ptr<RE2>> parts;
    std::vector<Groups> part_groups;
    for (const auto& alternative : alternatives) {
      parts.push_back(std::make_unique<RE2>(alternative));
      INFO("regex: " << regex << "\nalternative: " << alternative);
      REQUIRE(parts.back()->ok());
      part_groups.push_back(required_literals(alternative));
      filtered_parts += !part_groups.back().empty();
    }
    parts_total += parts.size();
    for (const auto& text : texts) {
      const bool whole = RE2::PartialMatch(text, re);
      bool any = false;
      for (std::size_t p = 0; p < parts.size() && !any; ++p) {
        if (!RE2::PartialMatch(text, *parts[p])) continue;
        any = true;
        if (!satisfied(part_groups[p], text)) {
          failures.push_back("alternative '" + alternatives[p] + "' matches '" + text + "' without its literals");
        }
      }
      if (whole != any) failures.push_back("'" + regex + "' and its alternatives disagree on '" + text + "'");
      if (whole && !satisfied(groups, text)) {
        failures.push_back("'" + regex + "' matches '" + text + "' without its literals");
      }
      matches += whole;
    }
  }
  MESSAGE(regexes.size() << " rules (" << split_rules << " split), " << filtered_parts << " of " << parts_total
                         << " parts filtered; " << matches << " rule matches checked over " << texts.size()
                         << " texts");
  CHECK_MESSAGE(failures.empty(), failures.size() << " failures, the first: " << (failures.empty() ? "" : failures[0]));
  CHECK(matches > 1000);
  CHECK(split_rules > 100);
  CHECK(filtered_parts > parts_total * 9 / 10);  // the filter must be worth having
}

TEST_CASE("top-level alternatives") {
  using matcher::top_level_alternatives;
  using V = std::vector<std::string>;
  CHECK(top_level_alternatives("a|b") == V{"a", "b"});
  CHECK(top_level_alternatives("\\bwhere\\b|(b|c)d|e") == V{"\\bwhere\\b", "(b|c)d", "e"});
  CHECK(top_level_alternatives("(?P<n>a|b)x|y") == V{"(?P<n>a|b)x", "y"});
  CHECK(top_level_alternatives("[[:alpha:]|]x|y") == V{"[[:alpha:]|]x", "y"});
  CHECK(top_level_alternatives("a|") == V{"a", ""});
  // Left whole: no top-level '|', or syntax an alternative cannot carry alone.
  CHECK(top_level_alternatives("(?:a|b)c") == V{"(?:a|b)c"});
  CHECK(top_level_alternatives("[a|b]c") == V{"[a|b]c"});
  CHECK(top_level_alternatives("[]|]c") == V{"[]|]c"});
  CHECK(top_level_alternatives("a\\|b") == V{"a\\|b"});
  CHECK(top_level_alternatives("(?i)a|b") == V{"(?i)a|b"});
  CHECK(top_level_alternatives("\\Qa|b\\E") == V{"\\Qa|b\\E"});
  CHECK(top_level_alternatives("a)|b") == V{"a)|b"});
  CHECK(top_level_alternatives("(a|b") == V{"(a|b"});
  CHECK(top_level_alternatives("") == V{""});
}
