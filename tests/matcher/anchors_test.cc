// Anchored prefixes and suffixes must never turn down a text a rule matches: checked on
// hand-made regexes and on every rule part of the English pack against
// every message of its examples and test sets, through the PrefixIndex and
// SuffixIndex the matcher uses.
#include "matcher/anchors.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "matcher/rule_filter.h"
#include "pack_texts.h"

using parley::matcher::anchored_prefixes;
using parley::matcher::PrefixIndex;
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

// The sets a text passes, in the order PrefixIndex visits them.
std::vector<std::uint32_t> Passed(const PrefixIndex& index, std::string_view text) {
  std::vector<std::uint32_t> out;
  index.for_each_passed(text, [&](std::uint32_t set) { out.push_back(set); });
  return out;
}

using Sets = std::vector<std::uint32_t>;

TEST_CASE("PrefixIndex: the sets a text begins with a member of") {
  const PrefixIndex index({{" he", "hi", "yo"}, {"h"}, {"hi t", "z"}, {}, {"you"}});
  CHECK(Passed(index, "hi there") == Sets{1, 0, 2});  // shorter members first
  CHECK(Passed(index, " hello") == Sets{0});
  CHECK(Passed(index, "you there") == Sets{0, 4});
  CHECK(Passed(index, "oh hi").empty());
  CHECK(Passed(index, "hello") == Sets{1});  // "he" only after a space
  CHECK(Passed(index, "h") == Sets{1});
  CHECK(Passed(index, "").empty());
  CHECK(Passed(index, "zebra") == Sets{2});
  CHECK(Passed(index, "\xff\x80").empty());
  CHECK(Passed(PrefixIndex(), "anything").empty());
  CHECK(Passed(PrefixIndex(std::vector<Strings>{}), "anything").empty());
}

// Every rule part of the English pack that `anchors` (anchored_prefixes or
// anchored_suffixes) gives strings for, tested through `Index` against
// every message of the pack's examples and test sets: the index passes
// exactly the texts `has_one` finds a member in, and never turns down a
// text the part matches.
template <typename Index>
void CheckEnglishParts(std::vector<std::string> (*anchors)(std::string_view),
                       bool (*has_one)(std::string_view text, std::string_view member), const char* where) {
  const parley::testing::PackTexts pack = parley::testing::load_english_pack_texts();
  std::vector<Strings> sets;
  std::vector<std::string> parts;
  for (const auto& regex : pack.regexes) {
    for (const auto& part : parley::matcher::top_level_alternatives(regex)) {
      Strings members = anchors(part);
      if (members.empty()) continue;
      sets.push_back(std::move(members));
      parts.push_back(part);
    }
  }
  const Index index(sets);
  std::vector<std::unique_ptr<RE2>> regexes;
  for (const auto& part : parts) {
    regexes.push_back(std::make_unique<RE2>(part));
    REQUIRE(regexes.back()->ok());
  }
  std::size_t turned_down = 0, matches = 0;
  std::vector<std::string> failures;
  std::vector<char> passed(sets.size());
  for (const auto& text : pack.texts) {
    std::fill(passed.begin(), passed.end(), 0);
    index.for_each_passed(text, [&](std::uint32_t set) {
      if (passed[set]++) failures.push_back("set " + std::to_string(set) + " visited twice on '" + text + "'");
    });
    for (std::size_t k = 0; k < sets.size(); ++k) {
      // The index answers what a test of each set alone would.
      bool has = false;
      for (const auto& member : sets[k]) has |= has_one(text, member);
      if (has != (passed[k] != 0)) failures.push_back("'" + parts[k] + "' on '" + text + "': index disagrees");
      turned_down += !has;
      if (!RE2::PartialMatch(text, *regexes[k])) continue;
      ++matches;
      if (!has) failures.push_back("'" + parts[k] + "' matches '" + text + "', which " + where + " otherwise");
    }
  }
  MESSAGE(sets.size() << " anchored parts (" << std::string(where) << "); " << matches << " matches checked; " << turned_down
                      << " part-text pairs turned down");
  CHECK_MESSAGE(failures.empty(), failures.size() << " failures, the first: " << (failures.empty() ? "" : failures[0]));
  CHECK(sets.size() >= 20);
  CHECK(matches > 200);
}

TEST_CASE("no rule part of the English pack is turned down on a text it matches") {
  CheckEnglishParts<PrefixIndex>(
      anchored_prefixes, [](std::string_view text, std::string_view prefix) { return text.starts_with(prefix); },
      "begins");
}

using parley::matcher::anchored_suffixes;
using parley::matcher::SuffixIndex;

TEST_CASE("anchored suffixes of regexes anchored at the end") {
  CHECK(anchored_suffixes("^thanks$") == Strings{"thanks"});
  CHECK(anchored_suffixes("thanks ?$") == Strings{"thanks", "thanks "});
  CHECK(anchored_suffixes("^(?:thanks|ta)(?: mate)? ?$") ==
        Strings{" mate", " mate ", "ta", "ta ", "thanks", "thanks "});
  CHECK(anchored_suffixes("^ ?(?:a |my )?refund(?: please| pls)* ?$") ==
        Strings{" please", " please ", " pls", " pls ", "refund", "refund "});
  CHECK(anchored_suffixes("\\bhelp\\b$") == Strings{"help"});
  CHECK(anchored_suffixes("(?P<n>ok|yes)\\.?$") == Strings{"ok", "ok.", "yes", "yes."});
  CHECK(anchored_suffixes("(?:bye+|cya)$") == Strings{"cya", "e"});
  CHECK(anchored_suffixes("^a(?:b|c)+$") == Strings{"b", "c"});
  CHECK(anchored_suffixes("^(?:a|(?:b|c)d)$") == Strings{"a", "d"});
  CHECK(anchored_suffixes("x{2}$") == Strings{"x"});
  CHECK(anchored_suffixes("where is my parcel$") == Strings{"y parcel"});  // the last 8 bytes
  CHECK(anchored_suffixes("\\?$") == Strings{"?"});
  CHECK(anchored_suffixes("^ ?\\d+ ?$") ==
        Strings{"0", "0 ", "1", "1 ", "2", "2 ", "3", "3 ", "4", "4 ", "5", "5 ", "6", "6 ", "7", "7 ", "8", "8 ", "9", "9 "});
  CHECK(anchored_suffixes("no \\d?$") == Strings{"no ", "no 0", "no 1", "no 2", "no 3", "no 4", "no 5", "no 6", "no 7",
                                                   "no 8", "no 9"});
}

TEST_CASE("no suffixes where a match may end elsewhere, or with anything") {
  for (const char* regex : {"thanks", "thanks\\b", "(?: |$)", "a$|b", "^a|b$", "(?:a|b)$|c", "^(?:a|)$",
                            "^(?:a)?$", "^ ?\\w+ ?$", "[ab]$", "a.$", "(?i)a$", "^(?:a|b$", "\\Qa$",
                            "a\\$", "(?:a|\\w)$", "^a(?:b)*$x", "(?m)a$", "a(?:\\pL)$", "", "$", "^$",
                            "a\xc3\xa9?$",
                            "hi(?:x{0,2})$"}) {  // the group may match nothing: not read further
    INFO("regex: " << regex);
    CHECK(anchored_suffixes(regex).empty());
  }
}

TEST_CASE("SuffixIndex: the sets a text ends with a member of") {
  const SuffixIndex index({{"ks", "ta "}, {"s"}, {"hanks", "z"}, {}, {"thanks"}});
  std::vector<std::uint32_t> passed;
  auto passed_by = [&](std::string_view text) {
    passed.clear();
    index.for_each_passed(text, [&](std::uint32_t set) { passed.push_back(set); });
    return passed;
  };
  CHECK(passed_by("ok thanks") == Sets{1, 0, 2, 4});  // shorter members first
  CHECK(passed_by("ta ") == Sets{0});
  CHECK(passed_by("ta").empty());
  CHECK(passed_by("quiz") == Sets{2});
  CHECK(passed_by("").empty());
  CHECK(passed_by("\xff\x80").empty());
  std::vector<std::uint32_t> none;
  SuffixIndex().for_each_passed("anything", [&](std::uint32_t set) { none.push_back(set); });
  CHECK(none.empty());
}

TEST_CASE("no rule part of the English pack is turned down on a text it matches, by its end") {
  CheckEnglishParts<SuffixIndex>(
      anchored_suffixes, [](std::string_view text, std::string_view suffix) { return text.ends_with(suffix); },
      "ends");
}

namespace {

// A random regex over a tiny alphabet, with the syntax the anchor readers
// meet in packs: literals, groups with alternatives (some empty), ?, *, +,
// counted repeats, \b, \d, '.', and sometimes '^' first and '$' last.
std::string RandomRegex(std::mt19937& random, int depth = 0) {
  auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  std::string out;
  const int elements = 1 + pick(4);
  for (int e = 0; e < elements; ++e) {
    const int kind = pick(depth < 2 ? 10 : 7);
    if (kind <= 3) {
      out += "ab 1"[pick(4)];
    } else if (kind == 4) {
      out += pick(2) ? "\\b" : "\\d";
    } else if (kind == 5) {
      out += '.';
    } else if (kind == 6) {
      out += "ab";
    } else {
      out += pick(3) == 0 ? "(" : "(?:";
      const int alternatives = 1 + pick(3);
      for (int a = 0; a < alternatives; ++a) {
        if (a > 0) out += '|';
        if (pick(6) != 0) out += RandomRegex(random, depth + 1);
      }
      out += ')';
    }
    if (out.back() == 'b' && out.size() >= 2 && out[out.size() - 2] == '\\') continue;  // \b is not quantified
    switch (pick(8)) {
      case 0: out += '?'; break;
      case 1: out += '*'; break;
      case 2: out += '+'; break;
      case 3: out += pick(2) ? "{0,2}" : "{1,2}"; break;
      default: break;
    }
  }
  if (depth == 0) {
    if (pick(2)) out = "^" + out;
    if (pick(3) != 0) out += pick(4) ? "$" : " ?$";
  }
  return out;
}

}  // namespace

TEST_CASE("anchored prefixes and suffixes hold for random regexes on random texts") {
  std::mt19937 random(20261123);
  std::vector<std::string> texts{""};
  for (int n = 0; n < 3000; ++n) {
    std::string text;
    const int length = static_cast<int>(random() % 9);
    for (int i = 0; i < length; ++i) text += "ab 1"[random() % 4];
    texts.push_back(std::move(text));
  }
  std::size_t with_prefixes = 0, with_suffixes = 0, matches_checked = 0;
  std::vector<std::string> failures;
  for (int r = 0; r < 1500 && failures.size() < 5; ++r) {
    const std::string regex = RandomRegex(random);
    const RE2 re(regex, RE2::Quiet);
    if (!re.ok()) continue;
    const Strings prefixes = anchored_prefixes(regex);
    const Strings suffixes = anchored_suffixes(regex);
    with_prefixes += !prefixes.empty();
    with_suffixes += !suffixes.empty();
    if (prefixes.empty() && suffixes.empty()) continue;
    for (const auto& text : texts) {
      if (!RE2::PartialMatch(text, re)) continue;
      ++matches_checked;
      const std::string_view t(text);
      if (!prefixes.empty() &&
          std::none_of(prefixes.begin(), prefixes.end(), [&](const std::string& p) { return t.starts_with(p); })) {
        failures.push_back("'" + regex + "' matches '" + text + "', which begins with none of its prefixes");
      }
      if (!suffixes.empty() &&
          std::none_of(suffixes.begin(), suffixes.end(), [&](const std::string& s) { return t.ends_with(s); })) {
        failures.push_back("'" + regex + "' matches '" + text + "', which ends with none of its suffixes");
      }
    }
  }
  MESSAGE(with_prefixes << " random regexes with prefixes, " << with_suffixes << " with suffixes; " << matches_checked
                        << " matches checked");
  CHECK_MESSAGE(failures.empty(), failures.size() << " failures, the first: " << (failures.empty() ? "" : failures[0]));
  CHECK(with_prefixes >= 50);
  CHECK(with_suffixes >= 50);
  CHECK(matches_checked >= 5000);
}
