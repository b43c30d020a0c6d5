#include "escalation/escalation.h"

#include <doctest/doctest.h>

#include <cstdlib>

#include "intents/loader.h"
#include "matcher/matcher.h"

using namespace parley;
using namespace std::chrono;

namespace {

struct English {
  std::shared_ptr<const matcher::IntentMatcher> matcher;
  std::unique_ptr<escalation::Detector> detector;
};

const English& english() {
  static English e = [] {
    const char* root = std::getenv("PARLEY_SOURCE_ROOT");
    std::vector<intents::Diagnostic> diags;
    auto pack = intents::load_pack(std::string(root ? root : ".") + "/intents/en", diags);
    English out;
    out.matcher = matcher::IntentMatcher::compile(std::move(pack), diags);
    REQUIRE_MESSAGE(out.matcher, intents::format_all(diags));
    const auto* n = &out.matcher->normalizer();
    out.detector = std::make_unique<escalation::Detector>(
        out.matcher->pack().escalation, [n](std::string_view s) { return n->content_words(s); });
    return out;
  }();
  return e;
}

escalation::FrustrationSignal score(std::string_view message, bool repeated = false) {
  auto words = english().matcher->normalizer().normalize(message, 2000).words;
  return english().detector->frustration(message, words, repeated);
}

std::string topic(std::string_view message) {
  return english().detector->sensitive_topic(english().matcher->normalizer().normalize(message, 2000).words);
}

system_clock::time_point london(int y, unsigned m, unsigned d, int hour, int minute) {
  // November: London is on UTC.
  return sys_days{year{y} / month{m} / day{d}} + hours{hour} + minutes{minute};
}

}  // namespace

TEST_CASE("calm messages score nothing; angry ones score their cues") {
  CHECK(score("where is my order please").score == 0.0);
  auto angry = score("this is USELESS, third time I ask!!!");
  CHECK(angry.score == doctest::Approx(1.5 + 2.0 + 0.5));
  auto shouting = score("WHERE IS MY ORDER");
  CHECK(shouting.score == doctest::Approx(1.0));
  CHECK(shouting.cues == std::vector<std::string>{"all capitals"});
  CHECK(score("where is my order", /*repeated=*/true).score == doctest::Approx(1.5));
  CHECK(score("this is fking ridiculous").score >= 1.5);  // typo'd swear still counts the rest
}

TEST_CASE("sensitive topics are recognised, everyday words are not") {
  CHECK(topic("the charger caught fire and burnt my hand") == "injury");
  CHECK(topic("someone used my card to order this, I think it's fraud") == "fraud");
  CHECK(topic("I'll be contacting my solicitor") == "legal");
  CHECK(topic("my mother passed away, I need to close her account") == "bereavement");
  CHECK(topic("my phone died so I missed the courier") == "");
  CHECK(topic("where is my order") == "");
}

TEST_CASE("service hours in the team's time zone") {
  const auto& d = *english().detector;
  // 2026-11-24 is a Tuesday. Open 08:00-20:00 Monday to Saturday.
  auto w = d.service_window(london(2026, 11, 24, 10, 0));
  CHECK(w.open);
  w = d.service_window(london(2026, 11, 24, 21, 0));
  CHECK_FALSE(w.open);
  CHECK(w.next_is_tomorrow);
  CHECK(w.next_minute == 8 * 60);
  w = d.service_window(london(2026, 11, 22, 12, 0));  // Sunday
  CHECK_FALSE(w.open);
  CHECK(w.next_weekday == 1);
  w = d.service_window(london(2026, 11, 24, 6, 30));
  CHECK_FALSE(w.open);
  CHECK(w.next_is_today);
  // Summer time: 07:30 UTC is 08:30 in London in July.
  CHECK(d.service_window(sys_days{year{2026} / July / 7} + hours{7} + minutes{30}).open);
}
