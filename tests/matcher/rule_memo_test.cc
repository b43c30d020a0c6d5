#include "matcher/rule_memo.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "matcher/matcher.h"
#include "pack_texts.h"

using namespace parley;
namespace fs = std::filesystem;

namespace {

// A memo file in a fresh directory of its own, removed afterwards.
struct MemoFile {
  MemoFile() {
    static int counter = 0;
    directory = fs::temp_directory_path() /
                ("parley-rule-memo-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(directory);
    path = (directory / "cache" / "pack.rules").string();  // its directory is created on writing
  }
  ~MemoFile() { fs::remove_all(directory); }
  fs::path directory;
  std::string path;
};

std::shared_ptr<const matcher::IntentMatcher> Compile(const intents::Pack& pack, const std::string& memo,
                                                      std::vector<intents::Diagnostic>& diagnostics) {
  return matcher::IntentMatcher::compile(pack, diagnostics, memo);
}

intents::Pack Greeting(std::vector<std::string> patterns) {
  intents::Pack pack;
  pack.directory = "x";
  pack.locale.fallback_threshold = 0.3;
  intents::IntentDef greet;
  greet.id = "greet";
  for (auto& p : patterns) greet.patterns.push_back({std::move(p), {"x/a.yaml", 1, 1}});
  pack.intents.push_back(greet);
  return pack;
}

std::string Decide(const matcher::IntentMatcher& m, std::string_view message) {
  const auto r = m.match(message, {});
  if (r.decision != matcher::Decision::kIntent) return matcher::decision_name(r.decision);
  return m.intents()[static_cast<std::size_t>(r.best()->intent)].id;
}

}  // namespace

TEST_CASE("a matcher compiled from the rule memo decides every message as one compiled without it") {
  const testing::PackTexts english = testing::load_english_pack_texts();
  MemoFile memo;
  std::vector<intents::Diagnostic> diagnostics;
  const auto first = Compile(english.pack, memo.path, diagnostics);
  REQUIRE_MESSAGE(first, intents::format_all(diagnostics));
  const matcher::RuleMemo written = matcher::RuleMemo::read(memo.path);
  CHECK(written.size() > english.regexes.size() / 2);  // distinct regexes, and the parts of split ones
  for (const auto& regex : english.regexes) {
    const matcher::RuleFacts* facts = written.find(regex);
    REQUIRE_MESSAGE(facts != nullptr, regex);
  }

  const auto second = Compile(english.pack, memo.path, diagnostics);
  REQUIRE(second);
  const auto& plain = english.matcher;
  for (const auto& text : english.texts) {
    const auto a = plain->match(text, {});
    const auto b = second->match(text, {});
    REQUIRE_MESSAGE(a.decision == b.decision, text);
    REQUIRE_MESSAGE(a.ranked.size() == b.ranked.size(), text);
    for (std::size_t i = 0; i < a.ranked.size(); ++i) {
      CHECK_MESSAGE(a.ranked[i].intent == b.ranked[i].intent, text);
      CHECK_MESSAGE(a.ranked[i].confidence == b.ranked[i].confidence, text);
      CHECK_MESSAGE(a.ranked[i].evidence.pattern == b.ranked[i].evidence.pattern, text);
    }
    CHECK(a.captures == b.captures);
  }
}

TEST_CASE("compile reads the memo: its facts about a regex are the ones used") {
  MemoFile memo;
  // Facts no build would write: the pattern requires a literal it lacks,
  // so a matcher that reads them never runs it.
  matcher::RuleFacts wrong;
  wrong.validated = wrong.analysed = true;
  wrong.required = {{"zzzz"}};
  const std::string regex = R"(\bhello\b)";
  REQUIRE(matcher::RuleMemo::write(memo.path, {{regex, &wrong}}));

  std::vector<intents::Diagnostic> diagnostics;
  const auto without = Compile(Greeting({regex}), "", diagnostics);
  const auto with = Compile(Greeting({regex}), memo.path, diagnostics);
  REQUIRE(without);
  REQUIRE(with);
  CHECK(Decide(*without, "hello") == "greet");
  CHECK(Decide(*with, "hello") == "fallback");
  // All its rules came from the memo: nothing to write back.
  CHECK(matcher::RuleMemo::read(memo.path).find(regex)->required == wrong.required);
}

TEST_CASE("a rule the memo does not know is analysed, and the memo rewritten with it") {
  MemoFile memo;
  std::vector<intents::Diagnostic> diagnostics;
  REQUIRE(Compile(Greeting({R"(\bhello\b)"}), memo.path, diagnostics));
  REQUIRE(matcher::RuleMemo::read(memo.path).size() == 1);

  // An edit adds a pattern: the old one is recalled, the new one analysed.
  const auto edited = Compile(Greeting({R"(\bhello\b)", R"(^good (?:morning|evening)\b)"}), memo.path, diagnostics);
  REQUIRE(edited);
  CHECK(Decide(*edited, "good evening all") == "greet");
  const matcher::RuleMemo memo_after = matcher::RuleMemo::read(memo.path);
  CHECK(memo_after.size() == 2);
  const matcher::RuleFacts* added = memo_after.find(R"(^good (?:morning|evening)\b)");
  REQUIRE(added != nullptr);
  CHECK(added->validated);
  CHECK(added->analysed);
  CHECK_FALSE(added->prefixes.empty());  // anchored at the start
}

TEST_CASE("a bad regex is reported every time and never remembered") {
  MemoFile memo;
  for (int attempt = 0; attempt < 2; ++attempt) {
    std::vector<intents::Diagnostic> diagnostics;
    CHECK(Compile(Greeting({R"(\bhello\b)", "(unclosed"}), memo.path, diagnostics) == nullptr);
    REQUIRE(diagnostics.size() == 1);
    CHECK(intents::format(diagnostics[0]).find("pattern is not a valid RE2") != std::string::npos);
    CHECK_FALSE(fs::exists(memo.path));
  }
}

TEST_CASE("a damaged memo is ignored, and replaced") {
  MemoFile memo;
  std::vector<intents::Diagnostic> diagnostics;
  REQUIRE(Compile(Greeting({R"(\bhello\b)"}), memo.path, diagnostics));
  std::string bytes;
  {
    std::ifstream in(memo.path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  for (const std::string& damaged : {bytes.substr(0, bytes.size() - 3), std::string("not a memo at all"),
                                     bytes.substr(0, 20) + std::string(bytes.size() - 20, '\xff')}) {
    std::ofstream(memo.path, std::ios::binary | std::ios::trunc) << damaged;
    CHECK(matcher::RuleMemo::read(memo.path).size() == 0);
    const auto m = Compile(Greeting({R"(\bhello\b)"}), memo.path, diagnostics);
    REQUIRE(m);
    CHECK(Decide(*m, "well hello") == "greet");
    CHECK(matcher::RuleMemo::read(memo.path).size() == 1);
  }
  // A memo that cannot be written is no error either.
  const auto m = Compile(Greeting({R"(\bhi\b)"}), "/proc/parley-cannot-write-here/x.rules", diagnostics);
  REQUIRE(m);
  CHECK(Decide(*m, "hi") == "greet");
  CHECK(diagnostics.empty());
}
