// The literal filter must never skip a rule that would match: checked on
// hand-made regexes, and on every rule of the English pack against every
// message of its examples and test sets.
#include "matcher/rule_filter.h"

#include <doctest/doctest.h>
#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <fstream>

#include "intents/loader.h"
#include "matcher/matcher.h"
#include "matcher/phrase.h"

using namespace parley;
using parley::matcher::required_literals;

namespace {

using Groups = std::vector<std::vector<std::string>>;

std::string root() {
  const char* r = std::getenv("PARLEY_SOURCE_ROOT");
  return r ? r : ".";
}

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

TEST_CASE("no rule of the English pack is filtered out of a text it matches") {
  std::vector<intents::Diagnostic> diagnostics;
  auto pack = intents::load_pack(root() + "/intents/en", diagnostics);
  auto m = matcher::IntentMatcher::compile(pack, diagnostics);
  REQUIRE_MESSAGE(m, intents::format_all(diagnostics));

  // Every regex: patterns, `not` patterns and phrases as compiled.
  matcher::WordSplitter split = [&](std::string_view s) { return m->normalizer().content_words(s); };
  matcher::SynonymTable synonyms;
  for (const auto& c : pack.synonyms) {
    for (const auto& member : c.members) {
      std::string joined;
      for (const auto& w : split(member)) joined += (joined.empty() ? "" : " ") + w;
      if (!joined.empty()) synonyms[c.name].push_back(joined);
    }
  }
  std::vector<std::string> regexes;
  for (const auto& intent : pack.intents) {
    for (const auto& p : intent.patterns) regexes.push_back(p.value);
    for (const auto& v : intent.vetoes) regexes.push_back(v.value);
    for (const auto& p : intent.phrases) {
      std::string error;
      regexes.push_back(matcher::compile_phrase(p.value, synonyms, split, error));
    }
  }

  // Every message we have, normalised as the matcher sees it.
  std::vector<std::string> texts;
  auto add = [&](const std::string& message) { texts.push_back(m->normalizer().normalize(message, 2000).text); };
  for (const auto& intent : pack.intents) {
    for (const auto& e : intent.examples) add(e.value);
  }
  for (const char* file : {"/tests/data/en/heldout-commerce.yaml", "/tests/data/en/heldout-service.yaml",
                           "/tests/data/en-fresh/messages.yaml"}) {
    for (const auto& entry : YAML::LoadFile(root() + file)) {
      for (const auto& message : entry.second) add(message.as<std::string>());
    }
  }
  for (const char* file : {"/tests/data/en/out_of_domain.txt", "/tests/data/en-fresh/out_of_domain.txt"}) {
    std::ifstream in(root() + file);
    for (std::string line; std::getline(in, line);) add(line);
  }
  REQUIRE(texts.size() > 3000);

  size_t matches = 0, filtered_rules = 0;
  for (const auto& regex : regexes) {
    const RE2 re(regex);
    REQUIRE(re.ok());
    const Groups groups = required_literals(regex);
    filtered_rules += !groups.empty();
    for (const auto& text : texts) {
      if (!RE2::PartialMatch(text, re)) continue;
      ++matches;
      INFO("regex: " << regex << "\ntext: " << text);
      CHECK(satisfied(groups, text));
    }
  }
  MESSAGE(filtered_rules << " of " << regexes.size() << " rules filtered; " << matches
                         << " rule matches checked over " << texts.size() << " texts");
  CHECK(matches > 1000);
  CHECK(filtered_rules > regexes.size() * 9 / 10);  // the filter must be worth having
}
