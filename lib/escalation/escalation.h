// Escalation signals read from one customer message: frustration cues and
// sensitive topics, and the human team's service hours. The policy comes
// from the pack's `escalation:` section (see docs/escalation.md).
#ifndef PARLEY_ESCALATION_ESCALATION_H_
#define PARLEY_ESCALATION_ESCALATION_H_

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "intents/pack.h"

namespace parley::escalation {

struct FrustrationSignal {
  double score = 0.0;               // this message's contribution
  std::vector<std::string> cues;    // why, for the trace: "word 'useless'", "all caps"
};

struct ServiceWindow {
  bool open = false;  // the team is working now
  // When it next opens (now if open), as local wall-clock parts for wording.
  int next_weekday = 0;  // 0 = Sunday
  int next_minute = 0;   // minutes after midnight, local
  bool next_is_today = false;
  bool next_is_tomorrow = false;
};

// Compiled once per pack; immutable and thread-safe.
class Detector {
 public:
  // `split` turns policy phrases into normalised words (the matcher's
  // content_words), so cues match the same text the matcher sees.
  Detector(const intents::EscalationPolicy& policy,
           const std::function<std::vector<std::string>(std::string_view)>& split);

  // Frustration cues of one message. `raw` is the sanitised message as
  // written (for capitals and punctuation), `words` its normalised words,
  // `repeated` whether it repeats one of the customer's previous messages.
  FrustrationSignal frustration(std::string_view raw, const std::vector<std::string>& words,
                                bool repeated) const;

  // The sensitive topic the message is about ("injury", "fraud"...), or "".
  std::string sensitive_topic(const std::vector<std::string>& words) const;

  // Whether the team is working at `now`, and when it next opens.
  ServiceWindow service_window(std::chrono::system_clock::time_point now) const;

  const intents::EscalationPolicy& policy() const { return policy_; }

 private:
  static bool contains(const std::vector<std::string>& words, const std::vector<std::string>& phrase);

  intents::EscalationPolicy policy_;
  std::vector<std::pair<std::vector<std::string>, double>> weighted_;  // words and phrases
  std::vector<std::pair<std::string, std::vector<std::vector<std::string>>>> topics_;
};

}  // namespace parley::escalation

#endif  // PARLEY_ESCALATION_ESCALATION_H_
