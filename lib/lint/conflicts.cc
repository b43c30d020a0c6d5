// Conflicts: examples the compiled matcher does not route back to their own
// intent. An example is matched as a customer would type it, in the
// dialogue state its intent is active in (an intent with
// `context: [question_pending]` is tried as the answer to a question).
#include <re2/re2.h>

#include <cstdio>
#include <memory>

#include "lint/checks.h"

namespace parley::lint {
namespace {

using intents::IntentDef;

std::string score(double confidence) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.2f", confidence);
  return buffer;
}

// "its pattern at returns.yaml:40": what gave `s` its score.
std::string why(const matcher::IntentMatcher& m, const matcher::ScoredIntent& s) {
  const IntentDef& intent = m.intents()[static_cast<size_t>(s.intent)];
  const auto& e = s.evidence;
  if (e.pattern >= 0) {
    return "its pattern at " + short_location(intent.patterns[static_cast<size_t>(e.pattern)].where);
  }
  if (e.phrase >= 0) {
    return "its phrase at " + short_location(intent.phrases[static_cast<size_t>(e.phrase)].where);
  }
  if (e.example >= 0) {
    return "its example at " + short_location(intent.examples[static_cast<size_t>(e.example)].where);
  }
  return "";
}

std::string candidate(const matcher::IntentMatcher& m, const matcher::ScoredIntent& s) {
  std::string out = m.intents()[static_cast<size_t>(s.intent)].id + " (" + score(s.confidence);
  if (std::string reason = why(m, s); !reason.empty()) out += ", " + reason;
  return out + ")";
}

// The own intent's `not:` patterns, compiled once per intent.
class Vetoes {
 public:
  explicit Vetoes(const IntentDef& intent) : intent_(intent) {
    RE2::Options options;
    options.set_log_errors(false);
    for (const auto& v : intent.vetoes) regexes_.push_back(std::make_unique<RE2>(v.value, options));
  }
  // "; its own `not` pattern at returns.yaml:12 matches it" or "".
  std::string explain(const std::string& normalised) const {
    for (size_t i = 0; i < regexes_.size(); ++i) {
      if (regexes_[i]->ok() && RE2::PartialMatch(normalised, *regexes_[i])) {
        return "; its own `not` pattern at " + short_location(intent_.vetoes[i].where) + " matches it";
      }
    }
    return "";
  }

 private:
  const IntentDef& intent_;
  std::vector<std::unique_ptr<RE2>> regexes_;
};

}  // namespace

void check_conflicts(const matcher::IntentMatcher& m, LintReport& report) {
  const auto& all = m.intents();
  for (size_t i = 0; i < all.size(); ++i) {
    const IntentDef& intent = all[i];
    report.examples[intent.id] = static_cast<int>(intent.examples.size());
    const matcher::MatchContext context = matcher::context_of(intent);
    const Vetoes vetoes(intent);
    for (const auto& example : intent.examples) {
      const matcher::MatchResult r = m.match(example.value, context);
      const matcher::ScoredIntent* best = r.best();
      if (r.decision == matcher::Decision::kIntent && best->intent == static_cast<int>(i)) continue;
      std::string destination;
      std::string message;
      switch (r.decision) {
        case matcher::Decision::kIntent:
          destination = all[static_cast<size_t>(best->intent)].id;
          message = "example routed to " + candidate(m, *best) + " instead of " + intent.id;
          break;
        case matcher::Decision::kAmbiguous:
          destination = kAmbiguous;
          message = "example is ambiguous between " + candidate(m, r.ranked[0]) + " and " +
                    candidate(m, r.ranked[1]);
          if (r.ranked[0].intent != static_cast<int>(i) && r.ranked[1].intent != static_cast<int>(i)) {
            message += " instead of " + intent.id;
          }
          break;
        case matcher::Decision::kFallback:
          destination = kFallback;
          message = best ? "example falls back: the best candidate, " + candidate(m, *best) +
                               ", is below the threshold " + score(m.pack().locale.fallback_threshold)
                         : "example falls back: nothing matches it";
          break;
      }
      message += vetoes.explain(r.input.text);
      report.diagnostics.push_back({example.where, intents::Severity::kWarning, message});
      ++report.confusion[intent.id][destination];
    }
  }
}

}  // namespace parley::lint
