// The compiled intent set of one locale and the matching of one message.
//
// Compile once (IntentMatcher::compile), share everywhere: an IntentMatcher
// is immutable and thread-safe. Matching cost does not grow linearly with
// the number of intents: all patterns and phrases run as one RE2::Set, all
// vetoes as another, and examples are reached through an inverted index
// over their informative words.
#ifndef PARLEY_MATCHER_MATCHER_H_
#define PARLEY_MATCHER_MATCHER_H_

#include <re2/set.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "intents/diagnostic.h"
#include "intents/pack.h"
#include "matcher/entities.h"
#include "matcher/normalizer.h"

namespace parley::matcher {

// Where the dialogue is, as far as intent activation is concerned.
struct MatchContext {
  bool question_pending = false;  // the bot asked a yes/no question
  bool slot_pending = false;      // the bot is waiting for a value
};

// Why one intent scored what it did.
struct Evidence {
  int pattern = -1;         // index into IntentDef::patterns that matched, or -1
  int phrase = -1;          // index into IntentDef::phrases that matched, or -1
  int example = -1;         // index into IntentDef::examples most similar, or -1
  double similarity = 0.0;  // cosine similarity to that example, [0, 1]
  int veto = -1;            // index into IntentDef::vetoes that vetoed it, or -1
};

struct ScoredIntent {
  int intent = -1;  // index into intents()
  double confidence = 0.0;
  Evidence evidence;
};

enum class Decision {
  kIntent,     // `best` is confident and clear
  kAmbiguous,  // the top two are within the margin: ask the customer
  kFallback,   // nothing reached the threshold
};

struct MatchResult {
  Normalized input;
  Decision decision = Decision::kFallback;
  std::vector<ScoredIntent> ranked;  // best first, at most kMaxCandidates, confidence > 0
  // Slot values from named groups of the deciding pattern (name -> text).
  std::vector<std::pair<std::string, std::string>> captures;

  const ScoredIntent* best() const { return ranked.empty() ? nullptr : &ranked.front(); }
};

class IntentMatcher {
 public:
  static constexpr size_t kMaxCandidates = 5;

  // Compiles a loaded pack. Every problem (bad RE2 with RE2's message, bad
  // phrase, unknown synonym class, slot entity without a definition) is
  // appended to `diagnostics`; returns nullptr if any of them is an error.
  static std::shared_ptr<const IntentMatcher> compile(
      intents::Pack pack, std::vector<intents::Diagnostic>& diagnostics);

  MatchResult match(std::string_view message, const MatchContext& context,
                    std::size_t max_chars = 2000) const;

  // Human-readable explanation of a result: corrections, entities, and for
  // each candidate which pattern, phrase or example gave it its score.
  std::vector<std::string> explain(const MatchResult& result) const;

  const intents::Pack& pack() const { return pack_; }
  const std::vector<intents::IntentDef>& intents() const { return pack_.intents; }
  int intent_index(std::string_view id) const;
  const EntityExtractor& entities() const { return *entities_; }
  const Normalizer& normalizer() const { return *normalizer_; }

 private:
  IntentMatcher() = default;
  struct RuleRef {  // one member of the pattern/phrase RE2::Set
    int intent;
    int index;      // into patterns (is_phrase false) or phrases
    bool is_phrase;
  };
  struct ExampleRef {
    int intent;
    int index;
    float norm;  // Euclidean norm of the example's weighted word vector
  };
  struct Posting {
    std::uint32_t example;
    float weight_sq;  // weight of the word squared
  };

  void compile_rules(std::vector<intents::Diagnostic>& diagnostics);
  void index_examples();
  float weight_of(std::string_view word) const;
  std::vector<std::string> canonical_words(const std::vector<std::string>& words) const;

  intents::Pack pack_;
  std::unique_ptr<EntityExtractor> entities_;
  std::unique_ptr<Normalizer> normalizer_;
  // Patterns run on the normalised text as it is (so ^ and $ work);
  // phrases on the text padded with a space at both ends.
  std::unique_ptr<re2::RE2::Set> patterns_;
  std::unique_ptr<re2::RE2::Set> phrases_;
  std::vector<RuleRef> pattern_refs_;
  std::vector<RuleRef> phrase_refs_;
  std::vector<std::unique_ptr<RE2>> capture_patterns_;  // per pattern; null without named groups
  std::unique_ptr<re2::RE2::Set> vetoes_;
  std::vector<std::pair<int, int>> veto_refs_;  // (intent, index)
  std::unordered_map<std::string, std::string> canonical_;  // synonym member -> "@class"
  std::unordered_map<std::string, float> weights_;           // word -> idf weight
  float unknown_weight_ = 1.0f;                               // weight of unseen words
  std::unordered_map<std::string, std::vector<Posting>> postings_;
  std::vector<ExampleRef> examples_;
  std::vector<char> needs_question_, needs_slot_;  // per intent
};

const char* decision_name(Decision d);

}  // namespace parley::matcher

#endif  // PARLEY_MATCHER_MATCHER_H_
