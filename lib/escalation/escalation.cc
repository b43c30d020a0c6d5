#include "escalation/escalation.h"

#include <unicode/calendar.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <memory>

namespace parley::escalation {

Detector::Detector(const intents::EscalationPolicy& policy,
                   const std::function<std::vector<std::string>(std::string_view)>& split)
    : policy_(policy) {
  for (const auto* table : {&policy.words, &policy.phrases}) {
    for (const auto& [text, weight] : *table) {
      auto words = split(text);
      if (!words.empty()) weighted_.emplace_back(std::move(words), weight);
    }
  }
  for (const auto& [topic, phrases] : policy.sensitive) {
    std::vector<std::vector<std::string>> compiled;
    for (const auto& p : phrases) {
      auto words = split(p);
      if (!words.empty()) compiled.push_back(std::move(words));
    }
    topics_.emplace_back(topic, std::move(compiled));
  }
}

bool Detector::contains(const std::vector<std::string>& words, const std::vector<std::string>& phrase) {
  if (phrase.empty() || phrase.size() > words.size()) return false;
  return std::search(words.begin(), words.end(), phrase.begin(), phrase.end()) != words.end();
}

FrustrationSignal Detector::frustration(std::string_view raw, const std::vector<std::string>& words,
                                        bool repeated) const {
  FrustrationSignal signal;
  for (const auto& [phrase, weight] : weighted_) {
    if (!contains(words, phrase)) continue;
    signal.score += weight;
    std::string joined;
    for (const auto& w : phrase) joined += (joined.empty() ? "" : " ") + w;
    signal.cues.push_back("'" + joined + "'");
  }
  int upper = 0, lower = 0;
  bool punctuation_run = false;
  for (size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c >= 'A' && c <= 'Z') ++upper;
    if (c >= 'a' && c <= 'z') ++lower;
    if ((c == '!' || c == '?') && i + 2 < raw.size() && (raw[i + 1] == '!' || raw[i + 1] == '?') &&
        (raw[i + 2] == '!' || raw[i + 2] == '?')) {
      punctuation_run = true;
    }
  }
  if (upper >= 6 && lower == 0) {
    signal.score += policy_.all_caps;
    signal.cues.push_back("all capitals");
  }
  if (punctuation_run) {
    signal.score += policy_.repeated_punctuation;
    signal.cues.push_back("repeated punctuation");
  }
  if (repeated) {
    signal.score += policy_.repeated_question;
    signal.cues.push_back("the same message again");
  }
  return signal;
}

std::string Detector::sensitive_topic(const std::vector<std::string>& words) const {
  for (const auto& [topic, phrases] : topics_) {
    for (const auto& phrase : phrases) {
      if (contains(words, phrase)) return topic;
    }
  }
  return "";
}

ServiceWindow Detector::service_window(std::chrono::system_clock::time_point now) const {
  ServiceWindow w;
  std::unique_ptr<icu::TimeZone> zone(
      icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(policy_.timezone)));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> cal(icu::Calendar::createInstance(zone.release(), status));
  if (U_FAILURE(status) || policy_.open_days.empty()) return w;
  const double ms = static_cast<double>(
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count());
  cal->setTime(ms, status);
  const int weekday = cal->get(UCAL_DAY_OF_WEEK, status) - 1;  // ICU: 1 = Sunday
  const int minute = cal->get(UCAL_HOUR_OF_DAY, status) * 60 + cal->get(UCAL_MINUTE, status);
  if (U_FAILURE(status)) return w;
  auto is_open_day = [&](int d) {
    return std::find(policy_.open_days.begin(), policy_.open_days.end(), d) != policy_.open_days.end();
  };
  if (is_open_day(weekday) && minute >= policy_.open_minute && minute < policy_.close_minute) {
    w.open = true;
    w.next_weekday = weekday;
    w.next_minute = minute;
    w.next_is_today = true;
    return w;
  }
  for (int ahead = 0; ahead < 8; ++ahead) {
    const int d = (weekday + ahead) % 7;
    if (!is_open_day(d)) continue;
    if (ahead == 0 && minute >= policy_.open_minute) continue;  // today's opening has passed
    w.next_weekday = d;
    w.next_minute = policy_.open_minute;
    w.next_is_today = ahead == 0;
    w.next_is_tomorrow = ahead == 1;
    break;
  }
  return w;
}

}  // namespace parley::escalation
