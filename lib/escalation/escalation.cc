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
      if (words.empty()) continue;
      std::string joined;
      for (const auto& w : words) joined += (joined.empty() ? "" : " ") + w;
      cue_text_.push_back("'" + joined + "'");
      cue_weights_.push_back(weight);
      cues_.add(std::move(words));
    }
  }
  for (const auto& [topic, phrases] : policy.sensitive) {
    for (const auto& p : phrases) {
      auto words = split(p);
      if (words.empty()) continue;
      sensitive_.add(std::move(words));
      sensitive_topic_.push_back(topics_.size());
    }
    topics_.push_back(topic);
  }
}

std::size_t Detector::PhraseIndex::add(std::vector<std::string> phrase) {
  const std::size_t id = phrases_.size();
  by_first_word_[phrase.front()].push_back(id);
  phrases_.push_back(std::move(phrase));
  return id;
}

void Detector::PhraseIndex::find(const std::vector<std::string>& words, std::vector<char>& found) const {
  found.assign(phrases_.size(), 0);
  for (std::size_t at = 0; at < words.size(); ++at) {
    const auto it = by_first_word_.find(words[at]);
    if (it == by_first_word_.end()) continue;
    for (std::size_t id : it->second) {
      const auto& phrase = phrases_[id];
      if (phrase.size() <= words.size() - at &&
          std::equal(phrase.begin() + 1, phrase.end(), words.begin() + static_cast<std::ptrdiff_t>(at) + 1)) {
        found[id] = 1;
      }
    }
  }
}

FrustrationSignal Detector::frustration(std::string_view raw, const std::vector<std::string>& words,
                                        bool repeated) const {
  FrustrationSignal signal;
  thread_local std::vector<char> found;
  cues_.find(words, found);
  for (std::size_t id = 0; id < found.size(); ++id) {  // in the policy's order
    if (!found[id]) continue;
    signal.score += cue_weights_[id];
    signal.cues.push_back(cue_text_[id]);
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
  thread_local std::vector<char> found;
  sensitive_.find(words, found);
  std::size_t first = topics_.size();  // the first topic, in the policy's order, with a phrase here
  for (std::size_t id = 0; id < found.size(); ++id) {
    if (found[id]) first = std::min(first, sensitive_topic_[id]);
  }
  return first < topics_.size() ? topics_[first] : "";
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
