#include "matcher/matcher.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>

#include "intents/loader.h"

using namespace parley;
using matcher::Decision;

namespace {

std::string SourceRoot() {
  const char* root = std::getenv("PARLEY_SOURCE_ROOT");
  return root ? root : ".";
}

std::shared_ptr<const matcher::IntentMatcher> MiniPack() {
  static std::shared_ptr<const matcher::IntentMatcher> m = [] {
    std::vector<intents::Diagnostic> diags;
    auto pack = intents::load_pack(SourceRoot() + "/tests/data/packs/mini", diags);
    REQUIRE_MESSAGE(!intents::has_errors(diags), intents::format_all(diags));
    auto compiled = matcher::IntentMatcher::compile(std::move(pack), diags);
    REQUIRE_MESSAGE(compiled, intents::format_all(diags));
    return compiled;
  }();
  return m;
}

std::string Best(std::string_view message, matcher::MatchContext context = {}) {
  auto m = MiniPack();
  auto r = m->match(message, context);
  if (r.decision != Decision::kIntent) return matcher::decision_name(r.decision);
  return m->intents()[static_cast<size_t>(r.best()->intent)].id;
}

}  // namespace

TEST_CASE("patterns, phrases and examples each route a message") {
  CHECK(Best("Where is my ORDER?") == "order_status");        // pattern
  CHECK(Best("has my parcel finally shipped") == "order_status");  // phrase with gap
  CHECK(Best("i want to return these boots") == "return_item");
  CHECK(Best("hello") == "greet");
}

TEST_CASE("shorthand, typos and run-on words are normalised") {
  auto m = MiniPack();
  auto r = m->match("wheres my pakage pls", {});
  CHECK(r.input.text == "where is my package please");
  CHECK(Best("wheres my pakage pls") == "order_status");
  CHECK(m->match("whereis my order", {}).input.text == "where is my order");
  // Elongated words are cut back; numbers are never (too short for an order
  // number entity, "55555" stays itself, and so does "1000").
  CHECK(m->match("wheeeere is my order", {}).input.text == "where is my order");
  // Shorthand of several words, as written, the longest first; never across
  // an entity.
  CHECK(m->match("i should of ordered a lot of them", {}).input.text == "i should have ordered plenty of them");
  CHECK(m->match("thanks a lot", {}).input.text == "thanks many");
  CHECK(m->match("should office", {}).input.text == "should office");
  CHECK(m->match("should 112-4839201-5561234 of", {}).input.text == "should #order_number of");
  CHECK(m->match("should", {}).input.text == "should");
  CHECK(m->normalizer().content_words("you should of") == std::vector<std::string>{"you", "should", "have"});
  const auto number = m->match("order 55555 costs 1000 quid", {});
  CHECK(number.input.text == "order 55555 costs 1000 quid");
  CHECK(number.input.corrections.empty());
}

TEST_CASE("entities become placeholders and named groups fill slots") {
  auto m = MiniPack();
  auto r = m->match("tracking 112-4839201-5561234", {});
  CHECK(r.input.text == "tracking #order_number");
  REQUIRE(r.input.entities.size() == 1);
  CHECK(r.input.entities[0].value == "112-4839201-5561234");
  REQUIRE(r.decision == Decision::kIntent);
  REQUIRE(r.captures.size() == 1);
  CHECK(r.captures[0].first == "order_ref");
  auto shoes = m->match("return my trainers", {});
  REQUIRE(shoes.input.entities.size() == 1);
  CHECK(shoes.input.entities[0].type == "category");
  CHECK(shoes.input.entities[0].value == "shoes");
}

TEST_CASE("vetoes remove an intent") {
  auto m = MiniPack();
  // Similarity only, then a phrase that fires too: the veto wins either way,
  // and the intents ranked after it move up.
  for (std::string message : {"what is your return policy", "return my trainers? what is your return policy"}) {
    INFO(message);
    auto r = m->match(message, {});
    for (const auto& s : r.ranked) CHECK(m->intents()[static_cast<size_t>(s.intent)].id != "return_item");
  }
  auto phrase_only = m->match("return my trainers", {});
  REQUIRE(phrase_only.best() != nullptr);
  CHECK(m->intents()[static_cast<size_t>(phrase_only.best()->intent)].id == "return_item");
}

TEST_CASE("context-bound intents only match when their context is active") {
  CHECK(Best("yes") == "fallback");
  CHECK(Best("yes", {.question_pending = true}) == "affirm");
}

TEST_CASE("an intent of context choice_pending exists only at the question 'which one?'") {
  intents::Pack pack;
  pack.directory = "x";
  intents::IntentDef both;
  both.id = "both";
  both.contexts = {"choice_pending"};
  both.patterns.push_back({"^ ?both(?: please)? ?$", {"x/a.yaml", 1, 1}});
  for (const char* e : {"both", "both please", "i want both"}) both.examples.push_back({e, {"x/a.yaml", 2, 1}});
  pack.intents.push_back(both);
  std::vector<intents::Diagnostic> diags;
  const auto m = matcher::IntentMatcher::compile(pack, diags);
  REQUIRE_MESSAGE(m, intents::format_all(diags));
  CHECK(m->match("both please", {}).decision == Decision::kFallback);
  CHECK(m->match("both please", {.question_pending = true, .slot_pending = true}).decision == Decision::kFallback);
  const auto asked = m->match("both please", {.choice_pending = true});
  CHECK(asked.decision == Decision::kIntent);
}

TEST_CASE("unrelated messages fall back; priority settles near ties") {
  CHECK(Best("what is the weather like in paris") == "fallback");
  CHECK(Best("") == "fallback");
  CHECK(Best("\xff\xfe\x00garbage") == "fallback");
  CHECK(Best("where is my order, i want a human") == "human_agent");
}

TEST_CASE("confidence is in [0, 1] and candidates are ranked") {
  auto m = MiniPack();
  auto r = m->match("where is my order", {});
  REQUIRE(!r.ranked.empty());
  for (size_t i = 0; i < r.ranked.size(); ++i) {
    CHECK(r.ranked[i].confidence >= 0.0);
    CHECK(r.ranked[i].confidence <= 1.0);
    if (i) CHECK(r.ranked[i - 1].confidence >= r.ranked[i].confidence);
  }
  auto lines = m->explain(r);
  CHECK(lines.front() == "normalised: \"where is my order\"");
  bool mentions_pattern = false;
  for (const auto& l : lines) mentions_pattern |= l.find("pattern '") != std::string::npos;
  CHECK(mentions_pattern);
}

TEST_CASE("compile errors point at file:line:column") {
  intents::Pack pack;
  pack.directory = "x";
  intents::IntentDef bad;
  bad.id = "bad";
  bad.patterns.push_back({"(unclosed", {"x/a.yaml", 3, 9}});
  bad.phrases.push_back({"where [is", {"x/a.yaml", 4, 9}});
  bad.phrases.push_back({"@nosuch thing", {"x/a.yaml", 5, 9}});
  pack.intents.push_back(bad);
  std::vector<intents::Diagnostic> diags;
  CHECK(matcher::IntentMatcher::compile(pack, diags) == nullptr);
  REQUIRE(diags.size() == 3);
  CHECK(intents::format(diags[0]).rfind("x/a.yaml:3:9: error: pattern is not a valid RE2", 0) == 0);
  CHECK(intents::format(diags[1]) == "x/a.yaml:4:9: error: phrase: missing ']'");
  CHECK(intents::format(diags[2]) == "x/a.yaml:5:9: error: phrase: unknown synonym class '@nosuch'");
}

TEST_CASE("rules with the same regex share it, with the same verdict for each") {
  // One regex as a pattern of `a`, a veto of `b` and a veto of `c` (as a
  // list shared through a YAML anchor would be): compiled once, and every
  // rule using it sees the same result.
  intents::Pack pack;
  pack.directory = "x";
  pack.locale.fallback_threshold = 0.3;
  const std::string shared = R"(\bryanair\b)";
  auto intent = [&](std::string id, std::vector<std::string> patterns, std::vector<std::string> vetoes) {
    intents::IntentDef d;
    d.id = std::move(id);
    for (auto& p : patterns) d.patterns.push_back({p, {"x/a.yaml", 1, 1}});
    for (auto& v : vetoes) d.vetoes.push_back({v, {"x/a.yaml", 2, 1}});
    pack.intents.push_back(d);
  };
  intent("a", {shared}, {});
  intent("b", {R"(\brefund\b)"}, {shared});
  intent("c", {R"(\bflight\b)"}, {shared});
  std::vector<intents::Diagnostic> diags;
  auto m = matcher::IntentMatcher::compile(pack, diags);
  REQUIRE_MESSAGE(m, intents::format_all(diags));
  auto ids = [&](std::string_view message) {
    std::vector<std::string> out;
    for (const auto& s : m->match(message, {}).ranked) out.push_back(m->intents()[static_cast<size_t>(s.intent)].id);
    return out;
  };
  CHECK(ids("ryanair wont refund my flight") == std::vector<std::string>{"a"});
  const auto neither = ids("refund for my flight");
  CHECK(std::find(neither.begin(), neither.end(), "b") != neither.end());
  CHECK(std::find(neither.begin(), neither.end(), "c") != neither.end());
  CHECK(std::find(neither.begin(), neither.end(), "a") == neither.end());

  // An invalid shared regex is reported where each rule uses it.
  intents::Pack broken = pack;
  broken.intents[1].vetoes[0].value = "(unclosed";
  broken.intents[2].vetoes[0] = {"(unclosed", {"x/b.yaml", 7, 3}};
  diags.clear();
  CHECK(matcher::IntentMatcher::compile(broken, diags) == nullptr);
  REQUIRE(diags.size() == 2);
  CHECK(intents::format(diags[0]).rfind("x/a.yaml:2:1: error: `not` pattern is not a valid RE2", 0) == 0);
  CHECK(intents::format(diags[1]).rfind("x/b.yaml:7:3: error: `not` pattern is not a valid RE2", 0) == 0);
}

TEST_CASE("vetoes in the front of the ranking let the next best in") {
  // Seven intents resemble the message, i1 the most and i7 the least (each
  // example holds one of its words and more words of its own); vetoes on
  // the two best leave i3 .. i7, in that order, with unchanged confidences.
  auto compile = [](bool with_vetoes) {
    intents::Pack pack;
    pack.directory = "x";
    auto letter = [](int n) { return std::string(1, static_cast<char>('a' + n)); };
    for (int k = 1; k <= 7; ++k) {
      intents::IntentDef d;
      d.id = "i" + std::to_string(k);
      std::string example = "word" + letter(k);
      for (int f = 0; f < k; ++f) example += " filler" + letter(k) + letter(f);
      d.examples.push_back({example, {"x/a.yaml", k, 1}});
      if (with_vetoes && k <= 2) d.vetoes.push_back({"word", {"x/a.yaml", k, 1}});
      pack.intents.push_back(d);
    }
    std::vector<intents::Diagnostic> diags;
    auto m = matcher::IntentMatcher::compile(pack, diags);
    REQUIRE_MESSAGE(m, intents::format_all(diags));
    return m;
  };
  const std::string message = "wordb wordc wordd worde wordf wordg wordh";
  auto ranking = [&](const std::shared_ptr<const matcher::IntentMatcher>& m) {
    std::vector<std::pair<std::string, double>> out;
    for (const auto& s : m->match(message, {}).ranked) {
      out.emplace_back(m->intents()[static_cast<size_t>(s.intent)].id, s.confidence);
    }
    return out;
  };
  const auto plain = ranking(compile(false));
  const auto vetoed = ranking(compile(true));
  std::vector<std::string> plain_ids, vetoed_ids;
  for (const auto& [id, confidence] : plain) plain_ids.push_back(id);
  for (const auto& [id, confidence] : vetoed) vetoed_ids.push_back(id);
  CHECK(plain_ids == std::vector<std::string>{"i1", "i2", "i3", "i4", "i5"});
  CHECK(vetoed_ids == std::vector<std::string>{"i3", "i4", "i5", "i6", "i7"});
  REQUIRE(vetoed.size() == 5);
  for (size_t i = 0; i < 3; ++i) CHECK(vetoed[i].second == plain[i + 2].second);
  CHECK(vetoed[4].second > 0.0);
}

namespace {

// Two intents of examples only: login problems, and small talk whose other
// words make login's words weigh.
std::shared_ptr<const matcher::IntentMatcher> LoginAndSmallTalk(std::vector<std::string> stopwords = {}) {
  intents::Pack pack;
  pack.directory = "x";
  pack.locale.stopwords = std::move(stopwords);
  intents::IntentDef login;
  login.id = "login_problem";
  for (const char* e : {"login problem", "help with login", "login is broken", "problem with the login page"}) {
    login.examples.push_back({e, {"x/a.yaml", 1, 1}});
  }
  pack.intents.push_back(login);
  intents::IntentDef weather;
  weather.id = "smalltalk";
  for (const char* e : {"nice weather today", "lovely sunny day", "is it raining", "cold and windy"}) {
    weather.examples.push_back({e, {"x/a.yaml", 2, 1}});
  }
  pack.intents.push_back(weather);
  std::vector<intents::Diagnostic> diags;
  auto m = matcher::IntentMatcher::compile(pack, diags);
  REQUIRE_MESSAGE(m, intents::format_all(diags));
  return m;
}

}  // namespace

TEST_CASE("a negated word no example negates is not held against the message") {
  const auto m = LoginAndSmallTalk();
  // "not:login" is no example's word, but "login" is: unlike a word no
  // example has, it does not lower the score.
  const auto negated = m->match("login problem, i can not login", {});
  const auto unknown = m->match("login problem, i can not frobnicate", {});
  REQUIRE(!negated.ranked.empty());
  REQUIRE(!unknown.ranked.empty());
  CHECK(m->intents()[static_cast<size_t>(negated.ranked[0].intent)].id == "login_problem");
  CHECK(negated.ranked[0].confidence > unknown.ranked[0].confidence + 0.05);
}

TEST_CASE("a stopword no example uses weighs a stopword's share of an unknown word") {
  const auto plain = LoginAndSmallTalk({"the", "with", "is"});
  const auto filler = LoginAndSmallTalk({"the", "with", "is", "regards"});
  const std::string_view letter = "login problem, kind regards";
  const auto as_unknown = plain->match(letter, {});
  const auto as_stopword = filler->match(letter, {});
  REQUIRE(!as_unknown.ranked.empty());
  REQUIRE(!as_stopword.ranked.empty());
  CHECK(as_stopword.ranked[0].confidence > as_unknown.ranked[0].confidence + 0.02);
  // A message without the word scores the same either way.
  CHECK(plain->match("login problem", {}).ranked[0].confidence ==
        doctest::Approx(filler->match("login problem", {}).ranked[0].confidence));
}

TEST_CASE("the normaliser reports the word ids attached to its words") {
  std::vector<intents::Diagnostic> diags;
  const auto pack = intents::load_pack(SourceRoot() + "/tests/data/packs/mini", diags);
  REQUIRE_FALSE(intents::has_errors(diags));
  const matcher::EntityExtractor entities(pack.entities, diags);
  matcher::Normalizer normalizer(pack, entities);
  for (const char* word : {"where", "my", "package", "order"}) normalizer.add_vocabulary(word);
  normalizer.build_vocabulary();  // correct words towards those above
  const std::string message = "wheres my pakage pls xqjv 30498812";
  const auto before = normalizer.normalize(message, 2000);
  REQUIRE(before.words.size() == before.word_ids.size());
  CHECK(std::all_of(before.word_ids.begin(), before.word_ids.end(),
                    [](std::uint32_t id) { return id == matcher::kWordNotLooked; }));

  text::StringMap<std::uint32_t> ids{{"where", 1}, {"package", 2}, {"please", 3}, {"xqjv", 4}};
  normalizer.attach_word_ids(text::FrozenStringMap<std::uint32_t>(ids));
  normalizer.build_vocabulary();
  const auto after = normalizer.normalize(message, 2000);
  CHECK(after.text == "where is my package please xqjv #order_number");
  // Shorthand expansions, corrections and plain known words carry their ids
  // (none for "is" and "my"); an unknown word and a placeholder are left
  // to the caller to look up.
  const std::vector<std::uint32_t> expected{1, matcher::kNoWordId, matcher::kNoWordId, 2, 3,
                                            matcher::kWordNotLooked, matcher::kWordNotLooked};
  CHECK(after.word_ids == expected);
}

TEST_CASE("with every intent in evidence, the best five are ranked, best first") {
  // Seven intents, all matching the pattern. The last three have the
  // message's rarest colours in their examples, and rank in that order; a
  // colour in over half the intents is too common to count, so the others
  // stand on the pattern alone, tied, and ties go by declaration order.
  const std::vector<std::string> colours = {"red", "green", "blue", "pink", "grey", "gold"};
  intents::Pack pack;
  pack.directory = "x";
  std::string example = "parcel";
  for (std::size_t k = 0; k <= colours.size(); ++k) {
    if (k > 0) example += " " + colours[k - 1];
    intents::IntentDef d;
    d.id = "shares_" + std::to_string(k);
    d.patterns.push_back({R"(\bparcel\b)", {"x/a.yaml", 1, 1}});
    d.examples.push_back({example, {"x/a.yaml", 2, 1}});
    d.examples.push_back({"unrelated words number " + std::to_string(k), {"x/a.yaml", 3, 1}});
    pack.intents.push_back(d);
  }
  std::vector<intents::Diagnostic> diags;
  auto m = matcher::IntentMatcher::compile(pack, diags);
  REQUIRE_MESSAGE(m, intents::format_all(diags));
  for (int round = 0; round < 2; ++round) {  // the second on a thread that matched before
    const auto r = m->match("parcel red green blue pink grey gold", {});
    std::vector<std::string> ids;
    for (const auto& s : r.ranked) ids.push_back(m->intents()[static_cast<size_t>(s.intent)].id);
    CHECK(ids == std::vector<std::string>{"shares_6", "shares_5", "shares_4", "shares_0", "shares_1"});
    const auto other = m->match("parcel", {});
    CHECK(other.ranked.size() == 5);
  }
}

namespace {

// Paying: asking how to pay, or a problem with a payment; the way of asking
// carries a veto for the problem, and `set_aside` (when given) sets aside
// a clause that opens with "no issue with" up to "just".
std::shared_ptr<const matcher::IntentMatcher> PaymentIntents(bool with_set_aside) {
  intents::Pack pack;
  pack.directory = "x";
  if (with_set_aside) {
    pack.locale.set_aside.push_back(
        {R"(^(?P<aside>no (?:issue|problem) with(?: \S+){1,4}?) just\b)", {"x/locale.yaml", 7, 7}});
  }
  intents::IntentDef methods;
  methods.id = "payment_methods";
  methods.patterns.push_back({R"(\bways i can pay\b)", {"x/a.yaml", 1, 1}});
  methods.vetoes.push_back({R"(\bissue with my payment\b)", {"x/a.yaml", 2, 1}});
  methods.examples.push_back({"just asking what ways i can pay", {"x/a.yaml", 5, 1}});
  pack.intents.push_back(methods);
  intents::IntentDef issue;
  issue.id = "payment_issue";
  issue.patterns.push_back({R"(\bissue with my payment\b)", {"x/a.yaml", 3, 1}});
  issue.patterns.push_back({R"(\bpayment(?: \S+){0,3} failed\b)", {"x/a.yaml", 4, 1}});
  issue.examples.push_back({"no issue with my payment, it failed again", {"x/a.yaml", 6, 1}});
  pack.intents.push_back(issue);
  std::vector<intents::Diagnostic> diags;
  auto m = matcher::IntentMatcher::compile(pack, diags);
  REQUIRE_MESSAGE(m, intents::format_all(diags));
  return m;
}

std::string Decided(const std::shared_ptr<const matcher::IntentMatcher>& m, std::string_view message) {
  const auto r = m->match(message, {});
  if (r.decision != Decision::kIntent) return matcher::decision_name(r.decision);
  return m->intents()[static_cast<size_t>(r.best()->intent)].id;
}

}  // namespace

TEST_CASE("words a clause sets aside do not count for the rules that match only inside them") {
  const std::string message = "no issue with my payment just asking what ways i can pay";
  const auto plain = PaymentIntents(false);
  const auto aside = PaymentIntents(true);
  // Without set_aside, the problem's pattern decides and vetoes the question.
  CHECK(Decided(plain, message) == "payment_issue");
  CHECK(Decided(aside, message) == "payment_methods");
  const auto r = aside->match(message, {});
  CHECK(r.set_aside == "no issue with my payment");
  CHECK(r.set_aside_by == 0);
  const auto lines = aside->explain(r);
  CHECK(std::find(lines.begin(), lines.end(),
                  "set aside: \"no issue with my payment\" (a rule matching only inside it does not count) "
                  "(x/locale.yaml:7)") != lines.end());
  // A rule that matches across the words set aside and the rest counts.
  CHECK(Decided(aside, "no issue with my payment just failed again") == "payment_issue");
  // Nothing is set aside where the pattern does not match, nor when it
  // would leave no words standing.
  CHECK(aside->match("my payment failed", {}).set_aside.empty());
  CHECK(aside->match("issue with my payment", {}).set_aside.empty());
}

TEST_CASE("set_aside patterns must compile and name their group") {
  intents::Pack pack;
  pack.directory = "x";
  pack.locale.set_aside.push_back({"(unclosed", {"x/locale.yaml", 3, 7}});
  pack.locale.set_aside.push_back({"^not (?:\\S+ )just", {"x/locale.yaml", 4, 7}});
  intents::IntentDef d;
  d.id = "d";
  d.examples.push_back({"hello", {"x/a.yaml", 1, 1}});
  pack.intents.push_back(d);
  std::vector<intents::Diagnostic> diags;
  CHECK(matcher::IntentMatcher::compile(pack, diags) == nullptr);
  REQUIRE(diags.size() == 2);
  CHECK(intents::format(diags[0]).rfind("x/locale.yaml:3:7: error: bad set_aside pattern: ", 0) == 0);
  CHECK(intents::format(diags[1]) ==
        "x/locale.yaml:4:7: error: set_aside pattern has no group (?P<aside>...) to say which words it sets aside");
}
