// Accuracy of the English pack on messages that are not its examples.
// Figures are printed (meson test -v) and reported in docs/performance.md.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>

#include "intents/loader.h"
#include "matcher/matcher.h"

using namespace parley;

namespace {

std::string root() {
  const char* r = std::getenv("PARLEY_SOURCE_ROOT");
  return r ? r : ".";
}

std::shared_ptr<const matcher::IntentMatcher> english() {
  static auto m = [] {
    std::vector<intents::Diagnostic> diags;
    auto pack = intents::load_pack(root() + "/intents/en", diags);
    auto compiled = matcher::IntentMatcher::compile(std::move(pack), diags);
    REQUIRE_MESSAGE(compiled, intents::format_all(diags));
    return compiled;
  }();
  return m;
}

std::string classify(std::string_view message, bool question_pending) {
  auto m = english();
  auto r = m->match(message, {.question_pending = question_pending});
  if (r.decision != matcher::Decision::kIntent) return matcher::decision_name(r.decision);
  return m->intents()[static_cast<size_t>(r.best()->intent)].id;
}

bool yes_no(const std::string& intent) { return intent == "affirm" || intent == "deny"; }

}  // namespace

TEST_CASE("held-out customer messages reach the right intent") {
  int total = 0, right = 0;
  std::map<std::string, std::pair<int, int>> per_intent;
  for (const char* file : {"heldout-commerce.yaml", "heldout-service.yaml"}) {
    YAML::Node data = YAML::LoadFile(root() + "/tests/data/en/" + file);
    for (const auto& entry : data) {
      const std::string intent = entry.first.as<std::string>();
      REQUIRE_MESSAGE(english()->intent_index(intent) >= 0, "unknown intent " << intent << " in " << file);
      for (const auto& message : entry.second) {
        const bool ok = classify(message.as<std::string>(), yes_no(intent)) == intent;
        ++total;
        right += ok;
        per_intent[intent].first += ok;
        per_intent[intent].second += 1;
      }
    }
  }
  for (const auto& entry : per_intent) {  // no structured binding: clang 14 cannot capture it
    const std::string& intent = entry.first;
    const auto& counts = entry.second;
    CHECK_MESSAGE(counts.second >= 15, intent << " has fewer than 15 held-out messages");
    MESSAGE(intent << ": " << counts.first << "/" << counts.second);
  }
  const double accuracy = static_cast<double>(right) / total;
  MESSAGE("held-out accuracy: " << right << "/" << total << " = " << accuracy);
  std::printf("held-out accuracy: %d/%d = %.3f\n", right, total, accuracy);
  CHECK(total >= 37 * 15);
  CHECK(accuracy >= 0.85);
}

TEST_CASE("messages outside the shop's domain fall back") {
  std::ifstream in(root() + "/tests/data/en/out_of_domain.txt");
  REQUIRE(in);
  int total = 0, fallback = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    ++total;
    fallback += classify(line, false) == "fallback";
  }
  const double rate = static_cast<double>(fallback) / total;
  std::printf("out-of-domain fallback: %d/%d = %.3f\n", fallback, total, rate);
  CHECK(total >= 200);
  CHECK(rate >= 0.88);
}

TEST_CASE("every example is classified as its own intent (the pack's built-in tests)") {
  int total = 0, right = 0;
  for (const auto& intent : english()->intents()) {
    for (const auto& example : intent.examples) {
      ++total;
      const std::string got = classify(example.value, !intent.contexts.empty());
      right += got == intent.id;
    }
  }
  const double accuracy = static_cast<double>(right) / total;
  std::printf("examples classified as their own intent: %d/%d = %.3f\n", right, total, accuracy);
  CHECK(accuracy >= 0.95);
}
