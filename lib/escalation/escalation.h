// Escalation signals read from one customer message: frustration cues and
// sensitive topics, and the human team's service hours. The policy comes
// from the pack's `escalation:` section (see docs/escalation.md).
#ifndef PARLEY_ESCALATION_ESCALATION_H_
#define PARLEY_ESCALATION_ESCALATION_H_

#include <chrono>
#include <functional>
#include <string>
#include <unordered_map>
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
  // Word sequences, found in a message with one look-up per message word
  // (by their first word) instead of a scan per sequence.
  class PhraseIndex {
   public:
    // Returns the new phrase's id (0, 1, 2...).
    std::size_t add(std::vector<std::string> phrase);
    // Marks found[id] for every phrase occurring in `words`.
    void find(const std::vector<std::string>& words, std::vector<char>& found) const;
    std::size_t size() const { return phrases_.size(); }

   private:
    std::vector<std::vector<std::string>> phrases_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_first_word_;
  };

  intents::EscalationPolicy policy_;
  PhraseIndex cues_;                 // weighted words and phrases
  std::vector<double> cue_weights_;  // per cue id
  std::vector<std::string> cue_text_;
  PhraseIndex sensitive_;                      // every sensitive phrase
  std::vector<std::size_t> sensitive_topic_;   // per phrase id: index into topics_
  std::vector<std::string> topics_;
};

}  // namespace parley::escalation

#endif  // PARLEY_ESCALATION_ESCALATION_H_
