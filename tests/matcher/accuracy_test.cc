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
      const matcher::MatchContext context = matcher::context_of(english()->intents()[static_cast<size_t>(index)]);
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

namespace {

// A set of written test messages (`dir`/messages.yaml and
// `dir`/out_of_domain.txt) against its floors; prints "<name> set accuracy".
void check_written_set(const std::string& name, const std::string& dir, int min_total, double floor,
                       int min_out_of_domain, double out_of_domain_floor, bool totals_only = false) {
  const Score s = labelled_accuracy({dir + "/messages.yaml"}, totals_only);
  const Score ood = fallback_rate(dir + "/out_of_domain.txt");
  std::printf("%s set accuracy: %d/%d = %.3f; %s out-of-domain fallback: %d/%d = %.3f\n", name.c_str(), s.right,
              s.total, s.rate(), name.c_str(), ood.right, ood.total, ood.rate());
  CHECK(s.total >= min_total);
  CHECK(s.rate() >= floor);
  CHECK(ood.total >= min_out_of_domain);
  CHECK(ood.rate() >= out_of_domain_floor);
}

}  // namespace

// tests/data/en-fresh was written by someone who never saw the pack; its
// failure kinds (never its messages) have since been worked on, so its
// figure flatters the pack: the blind set below is the honest one.
// On 2026-11-22: 0.972 (0.880 before its failure kinds were worked on),
// out of domain 0.990.
TEST_CASE("the fresh, independently written test set") {
  check_written_set("fresh", "/tests/data/en-fresh", 37 * 20, 0.94, 100, 0.96);
}

// tests/data/en-blind, a second set written blind (ids and descriptions
// only) on 2026-11-22, after the pack was last tuned on the first: its
// figure is the honest estimate of accuracy on real customers. On
// 2026-11-22: 0.888 (0.848 with the pack it was written against), out of
// domain 0.953; on 2026-11-23: 0.924, out of domain 0.953; after the sixth
// set's content round: 0.931, out of domain 0.960; after the ninth's:
// 0.940, out of domain 0.960; after the tenth's: 0.941, out of domain
// 0.960; after the eleventh's: 0.943, out of domain 0.960; after the
// twelfth's: 0.944, out of domain 0.967. Totals only: its breakdown is not
// for tuning.
TEST_CASE("the second blind test set") {
  check_written_set("blind", "/tests/data/en-blind", 40 * 20, 0.92, 150, 0.94, /*totals_only=*/true);
}

// tests/data/en-tune, a third set written blind on 2026-11-23 (ids and
// descriptions only) and then used for tuning: its failure kinds were
// worked on the same day (never by copying its messages). Before: 0.799,
// out of domain 0.967. The blind set above says whether that generalised.
TEST_CASE("the tuning set") {
  check_written_set("tune", "/tests/data/en-tune", 40 * 20, 0.97, 150, 0.95);
}

// tests/data/en-fourth, a fourth set written blind on 2026-11-23 (ids and
// descriptions only), measured before anyone looked at it: 0.802 (642/800;
// of its 158 failures, 106 fallbacks, 24 ambiguous, 28 wrong intents), out
// of domain 0.967. Its failure kinds were then worked on the same day:
// 0.995, out of domain 0.993 (used up as a measure: the blind set did not
// move, see docs/performance.md); it stays as a regression floor.
TEST_CASE("the fourth written set") {
  check_written_set("fourth", "/tests/data/en-fourth", 40 * 20, 0.97, 150, 0.97);
}

// tests/data/en-fifth, a fifth set written blind on 2026-11-23 (ids and
// descriptions only), after the fourth's content round, measured before
// anyone looked at it: 0.862 (690/800; 22 ambiguous, 66 fallbacks, 22 wrong
// intents), out of domain 0.920 (a third of its out-of-domain messages use
// shop words in another sense on purpose: "how do I return a serve"). Its
// failure kinds were then worked on the same day: 0.996, out of domain
// 1.000 (the blind set moved 732 -> 739); it stays as a regression floor.
TEST_CASE("the fifth written set") {
  check_written_set("fifth", "/tests/data/en-fifth", 40 * 20, 0.97, 150, 0.97);
}

// tests/data/en-sixth, a sixth set written blind on 2026-11-23 (ids and
// descriptions only), after the fifth's content round, measured before
// anyone looked at it: 0.859 (687/800; 14 ambiguous, 79 fallbacks, 20 wrong
// intents), out of domain 0.940. Its failure kinds were then worked on the
// same day: 1.000, out of domain 1.000 (a tuned figure: the blind set moved
// 739 -> 745, held-out 904 -> 912); it stays as a regression floor.
TEST_CASE("the sixth written set") {
  check_written_set("sixth", "/tests/data/en-sixth", 40 * 20, 0.97, 150, 0.97);
}

// tests/data/en-seventh, written blind (ids and descriptions only) on
// 2026-11-23 after the sixth set's content round and measured once before
// anyone looked: 0.876 (701/800; 16 ambiguous, 70 fallbacks, 13 wrong
// intents), out of domain 0.920. Like en-blind, never tuned on (totals
// only): after the eighth set's round, 0.883, out of domain 0.933; after
// the tenth's, 0.885, out of domain 0.940; after the eleventh's, 0.890;
// after the twelfth's, unchanged.
TEST_CASE("the seventh set, untuned like the blind one") {
  check_written_set("seventh", "/tests/data/en-seventh", 40 * 20, 0.85, 150, 0.90, /*totals_only=*/true);
}

// tests/data/en-eighth, written blind on 2026-11-23 (ids and descriptions
// only) after the seventh, measured before anyone looked at it: 0.892
// (714/800; 12 ambiguous, 67 fallbacks, 7 wrong intents), out of domain
// 0.933. Its failure kinds were then worked on the same day: 0.999, out of
// domain 0.993 (a tuned figure: the untuned seventh moved 701 -> 706, its
// out of domain 138 -> 140, the blind set 745 -> 747); it stays as a floor.
TEST_CASE("the eighth written set") {
  check_written_set("eighth", "/tests/data/en-eighth", 40 * 20, 0.97, 150, 0.97);
}

TEST_CASE("every example is classified as its own intent (the pack's built-in tests)") {
  int total = 0, right = 0;
  for (const auto& intent : english()->intents()) {
    for (const auto& example : intent.examples) {
      ++total;
      const std::string got = classify(example.value, matcher::context_of(intent));
      right += got == intent.id;
    }
  }
  const double accuracy = static_cast<double>(right) / total;
  std::printf("examples classified as their own intent: %d/%d = %.3f\n", right, total, accuracy);
  CHECK(accuracy >= 0.98);  // 0.997 on 2026-11-22
}

// tests/data/en-ninth, written blind on 2026-11-23 (ids and descriptions
// only) after the eighth set's round, measured before anyone looked at it:
// 0.961 (769/800; 7 ambiguous, 17 fallbacks, 7 wrong intents), out of
// domain 0.960 (its writer's messages are tidier than the seventh's and
// eighth's; the first-sight figure is not comparable across writers). Its
// failure kinds were then worked on the same day: 1.000, out of domain
// 0.973 (a tuned figure: the blind set moved 747 -> 752, the untuned
// seventh stayed at 706); it stays as a floor.
TEST_CASE("the ninth written set") {
  check_written_set("ninth", "/tests/data/en-ninth", 40 * 20, 0.97, 150, 0.97);
}

// tests/data/en-tenth, written blind on 2026-11-23 (ids and descriptions
// only) after the ninth set's round, measured before anyone looked at it:
// 0.944 (755/800; 6 ambiguous, 33 fallbacks, 6 wrong intents), out of
// domain 0.927 (139/150; its writer added near-misses such as "my order at
// the restaurant"). Its failure kinds were then worked on the same day
// (patterns, phrases, vetoes, synonyms and shorthand; no examples): 1.000,
// out of domain 0.993 (tuned; the untuned blind set moved 752 -> 753, the
// seventh 706 -> 708); it stays as a floor.
TEST_CASE("the tenth written set") {
  check_written_set("tenth", "/tests/data/en-tenth", 40 * 20, 0.97, 150, 0.97);
}

// tests/data/en-eleventh, written blind on 2026-11-23 (ids and descriptions
// only; its writer was asked for long messages with the request buried,
// and non-native English) after the tenth set's round, measured before
// anyone looked at it: 0.884 (707/800; 19 ambiguous, 58 fallbacks, 16 wrong
// intents), out of domain 0.987. Its failure kinds were then worked on the
// same day (patterns, phrases, vetoes, shorthand; no examples): 0.990, out
// of domain 0.987 (tuned; the untuned blind set moved 753 -> 754, the
// seventh 708 -> 712, held-out 912 -> 913); it stays as a floor.
TEST_CASE("the eleventh written set") {
  check_written_set("eleventh", "/tests/data/en-eleventh", 40 * 20, 0.97, 150, 0.97);
}

// tests/data/en-twelfth, written blind on 2026-11-23 (ids and descriptions
// only; its writer was asked for every style in every intent, including
// messages near a neighbouring intent) after the eleventh set's round,
// measured before anyone looked at it: 0.861 (689/800; 26 ambiguous, 60
// fallbacks, 25 wrong intents), out of domain 0.907. Its failure kinds were
// then worked on the same day (patterns, phrases, vetoes, shorthand, known
// words, the date entity's month names; no examples): 0.973, out of domain
// 1.000 (tuned; the untuned blind set moved 754 -> 755, out of domain
// 144 -> 145, the seventh stayed at 712); it stays as a floor.
TEST_CASE("the twelfth written set") {
  check_written_set("twelfth", "/tests/data/en-twelfth", 40 * 20, 0.97, 150, 0.97);
}

// tests/data/en-thirteenth, written blind on 2026-11-23 (ids and
// descriptions only; messages as people text a shop from their phones)
// after the twelfth set's round, measured before anyone looked at it:
// 0.872 (698/800; 23 ambiguous, 63 fallbacks, 16 wrong intents), out of
// domain 0.953. Then tuned (a content round on its failure kinds, no
// examples; and set_aside for its "not X, just Y" messages): 0.994
// (795/800), out of domain 1.000 (untuned, the blind set moved 755 -> 762,
// the seventh 712 -> 714, the fourteenth 736 -> 739); it stays as a floor.
TEST_CASE("the thirteenth set, tuned on the same day") {
  check_written_set("thirteenth", "/tests/data/en-thirteenth", 40 * 20, 0.97, 150, 0.97);
}

// tests/data/en-fourteenth, written blind on 2026-11-23 (ids and
// descriptions only; a realistic day's inbox: mostly short keyword
// messages and single sentences, some longer ones) and measured before
// anyone looked at it: 0.920 (736/800; 11 ambiguous, 39 fallbacks, 14 wrong
// intents), out of domain 0.947. A third blind set: totals only, never read.
TEST_CASE("the fourteenth set, untuned like the blind one") {
  check_written_set("fourteenth", "/tests/data/en-fourteenth", 40 * 20, 0.88, 150, 0.92, /*totals_only=*/true);
}

// tests/data/en-fifteenth, written blind on 2026-11-23 (ids and
// descriptions only; a department store's busy day: teenagers' slang,
// older and business customers, upset ones, second-language writers,
// voice-dictated messages) after the fourteenth, measured before anyone
// looked at it: 0.871 (697/800; 20 ambiguous, 62 fallbacks, 21 wrong
// intents), out of domain 0.947. Then tuned (a content round on its
// failure kinds, no examples): 0.939 (751/800), out of domain 1.000
// (untuned, the seventh moved 714 -> 717, the fresh set 730 -> 731, the
// blind set stayed at 762, its out of domain 145 -> 144); a floor.
TEST_CASE("the fifteenth set, tuned on the same day") {
  check_written_set("fifteenth", "/tests/data/en-fifteenth", 40 * 20, 0.92, 150, 0.97);
}

// tests/data/en-sixteenth, written blind on 2026-11-23 (ids and
// descriptions only; an electronics and home-appliance shop's winter week:
// phone typists, polite letters, second-language writers, business buyers,
// angry customers, buried requests) after the fifteenth's round, measured
// before anyone looked at it: 0.906 (725/800; 13 ambiguous, 47 fallbacks,
// 15 wrong intents), out of domain 0.900. Then tuned (a content round on its
// failure kinds, no examples): 0.990 (792/800), out of domain 0.993
// (untuned, the blind set moved 762 -> 763, the fresh set 731 -> 732); a floor.
TEST_CASE("the sixteenth set, tuned on the same day") {
  check_written_set("sixteenth", "/tests/data/en-sixteenth", 40 * 20, 0.97, 150, 0.97);
}
