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

std::string classify(std::string_view message, const matcher::MatchContext& context) {
  auto m = english();
  auto r = m->match(message, context);
  if (r.decision != matcher::Decision::kIntent) return matcher::decision_name(r.decision);
  return m->intents()[static_cast<size_t>(r.best()->intent)].id;
}

// The dialogue context in which `intent` is recognised: its `context:` list
// (affirm after a yes/no question, dont_know at a prompt for a value), or
// none.
matcher::MatchContext context_of(const intents::IntentDef& intent) {
  matcher::MatchContext context;
  for (const auto& c : intent.contexts) {
    context.question_pending |= c == "question_pending";
    context.slot_pending |= c == "slot_pending";
  }
  return context;
}

struct Score {
  int total = 0, right = 0;
  double rate() const { return total ? static_cast<double>(right) / total : 0.0; }
};

// Accuracy over labelled messages (YAML: intent -> list of messages); an
// intent bound to a context is asked in that context (affirm and deny as
// answers to a yes/no question).
// Per-intent counts are shown (as doctest messages) unless `totals_only`:
// the blind set's breakdown is not for anyone tuning the pack to read.
Score labelled_accuracy(const std::vector<std::string>& files, bool totals_only = false) {
  Score score;
  std::map<std::string, std::pair<int, int>> per_intent;
  for (const auto& file : files) {
    YAML::Node data = YAML::LoadFile(root() + file);
    for (const auto& entry : data) {
      const std::string intent = entry.first.as<std::string>();
      const int index = english()->intent_index(intent);
      REQUIRE_MESSAGE(index >= 0, "unknown intent " << intent << " in " << file);
      const matcher::MatchContext context = context_of(english()->intents()[static_cast<size_t>(index)]);
      for (const auto& message : entry.second) {
        const bool ok = classify(message.as<std::string>(), context) == intent;
        ++score.total;
        score.right += ok;
        per_intent[intent].first += ok;
        per_intent[intent].second += 1;
      }
    }
  }
  for (const auto& entry : per_intent) {  // no structured binding: clang 14 cannot capture it
    const std::string& intent = entry.first;
    const auto& counts = entry.second;
    CHECK_MESSAGE(counts.second >= 15, intent << " has fewer than 15 test messages");
    if (!totals_only) MESSAGE(intent << ": " << counts.first << "/" << counts.second);
  }
  return score;
}

// Share of the lines of a text file (# comments and blank lines aside)
// that fall back.
Score fallback_rate(const std::string& file) {
  std::ifstream in(root() + file);
  REQUIRE(in);
  Score score;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    ++score.total;
    score.right += classify(line, {}) == "fallback";
  }
  return score;
}

}  // namespace

TEST_CASE("held-out customer messages reach the right intent") {
  const Score s = labelled_accuracy({"/tests/data/en/heldout-commerce.yaml", "/tests/data/en/heldout-service.yaml"});
  MESSAGE("held-out accuracy: " << s.right << "/" << s.total << " = " << s.rate());
  std::printf("held-out accuracy: %d/%d = %.3f\n", s.right, s.total, s.rate());
  CHECK(s.total >= 37 * 15);
  CHECK(s.rate() >= 0.95);  // 0.977 on 2026-11-22 (tuned on: see the blind set)
}

TEST_CASE("messages outside the shop's domain fall back") {
  const Score s = fallback_rate("/tests/data/en/out_of_domain.txt");
  std::printf("out-of-domain fallback: %d/%d = %.3f\n", s.right, s.total, s.rate());
  CHECK(s.total >= 200);
  CHECK(s.rate() >= 0.97);  // 0.996 on 2026-11-22
}

// tests/data/en-fresh was written by someone who never saw the pack; its
// failure kinds (never its messages) have since been worked on, so its
// figure flatters the pack: the blind set below is the honest one.
TEST_CASE("the fresh, independently written test set") {
  const Score s = labelled_accuracy({"/tests/data/en-fresh/messages.yaml"});
  const Score ood = fallback_rate("/tests/data/en-fresh/out_of_domain.txt");
  std::printf("fresh set accuracy: %d/%d = %.3f; fresh out-of-domain fallback: %d/%d = %.3f\n", s.right,
              s.total, s.rate(), ood.right, ood.total, ood.rate());
  CHECK(s.total >= 37 * 20);
  CHECK(s.rate() >= 0.94);  // 0.972 on 2026-11-22 (0.880 before its failure kinds were worked on)
  CHECK(ood.total >= 100);
  CHECK(ood.rate() >= 0.96);  // 0.990 on 2026-11-22
}

// tests/data/en-blind, a second set written blind (ids and descriptions
// only) on 2026-11-22, after the pack was last tuned on the first: its
// figure is the honest estimate of accuracy on real customers.
TEST_CASE("the second blind test set") {
  const Score s = labelled_accuracy({"/tests/data/en-blind/messages.yaml"}, /*totals_only=*/true);
  const Score ood = fallback_rate("/tests/data/en-blind/out_of_domain.txt");
  std::printf("blind set accuracy: %d/%d = %.3f; blind out-of-domain fallback: %d/%d = %.3f\n", s.right,
              s.total, s.rate(), ood.right, ood.total, ood.rate());
  CHECK(s.total >= 40 * 20);
  CHECK(s.rate() >= 0.86);  // 0.888 on 2026-11-22 (0.848 with the pack it was written against)
  CHECK(ood.total >= 150);
  CHECK(ood.rate() >= 0.93);  // 0.953 on 2026-11-22
}

TEST_CASE("every example is classified as its own intent (the pack's built-in tests)") {
  int total = 0, right = 0;
  for (const auto& intent : english()->intents()) {
    for (const auto& example : intent.examples) {
      ++total;
      const std::string got = classify(example.value, context_of(intent));
      right += got == intent.id;
    }
  }
  const double accuracy = static_cast<double>(right) / total;
  std::printf("examples classified as their own intent: %d/%d = %.3f\n", right, total, accuracy);
  CHECK(accuracy >= 0.98);  // 0.997 on 2026-11-22
}
