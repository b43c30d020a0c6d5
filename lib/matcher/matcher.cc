#include "matcher/matcher.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <unordered_set>

#include "matcher/phrase.h"

namespace parley::matcher {
namespace {

// How much one pattern or phrase hit is worth on its own. Evidence is
// combined as a noisy-or, 1 - (1 - pattern)(1 - phrase)(1 - similarity),
// then scaled by how much of the message the pack knows (coverage).
// Tuned on tests/data/en (see docs/performance.md for the figures).
constexpr double kPatternEvidence = 0.9;
constexpr double kPhraseEvidence = 0.75;
// Words this common (share of intents using them) are left out of the
// posting walk: their weight is tiny and their lists are long.
constexpr double kCommonWordShare = 0.5;
constexpr float kStopwordFactor = 0.2f;
// Words no example uses weigh this share of a word used by one intent.
constexpr double kUnknownWordWeight = 0.8;
// A message whose words are all unknown to the pack keeps this share of its
// confidence; a fully known one keeps all of it. This is what sends
// "how do I return a function value in python" to fallback.
constexpr double kCoverageFloor = 0.5;
// Similarity-only candidates keep this share when another intent's pattern
// fired.
constexpr double kSimilarityBesidePattern = 0.9;
constexpr int64_t kSetMemory = 64 << 20;


std::string Pad(const std::string& text) { return " " + text + " "; }

RE2::Options RuleOptions() {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_max_mem(kSetMemory);
  return o;
}

}  // namespace

const char* decision_name(Decision d) {
  switch (d) {
    case Decision::kIntent: return "intent";
    case Decision::kAmbiguous: return "ambiguous";
    case Decision::kFallback: return "fallback";
  }
  return "?";
}

int IntentMatcher::intent_index(std::string_view id) const {
  for (size_t i = 0; i < pack_.intents.size(); ++i) {
    if (pack_.intents[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

std::shared_ptr<const IntentMatcher> IntentMatcher::compile(
    intents::Pack pack, std::vector<intents::Diagnostic>& diagnostics) {
  std::shared_ptr<IntentMatcher> m(new IntentMatcher());
  m->pack_ = std::move(pack);
  const size_t errors_before = std::count_if(diagnostics.begin(), diagnostics.end(), [](auto& d) {
    return d.severity == intents::Severity::kError;
  });
  m->entities_ = std::make_unique<EntityExtractor>(m->pack_.entities, diagnostics);
  m->normalizer_ = std::make_unique<Normalizer>(m->pack_, *m->entities_);
  for (const auto& intent : m->pack_.intents) {
    for (const auto& slot : intent.slots) {
      if (!slot.entity.empty() && !m->entities_->knows(slot.entity)) {
        diagnostics.push_back({slot.where, intents::Severity::kError,
                               "slot '" + slot.name + "' uses entity '" + slot.entity +
                                   "', which no `entities:` section defines"});
      }
    }
    if (intent.patterns.empty() && intent.phrases.empty() && intent.examples.empty()) {
      diagnostics.push_back({intent.where, intents::Severity::kError,
                             "intent '" + intent.id + "' has no patterns, phrases or examples"});
    }
  }
  m->compile_rules(diagnostics);
  m->index_examples();
  const size_t errors_after = std::count_if(diagnostics.begin(), diagnostics.end(), [](auto& d) {
    return d.severity == intents::Severity::kError;
  });
  if (errors_after > errors_before) return nullptr;
  return m;
}

std::vector<std::string> IntentMatcher::canonical_words(const std::vector<std::string>& words) const {
  std::vector<std::string> out;
  out.reserve(words.size());
  bool negated = false;
  for (const auto& w : words) {
    // "not" joins the next word ("can not pay" -> "not:pay"), so that
    // "I can't pay" and "how can I pay" are not the same request.
    if (w == "not") {
      negated = true;
      continue;
    }
    auto it = canonical_.find(w);
    const std::string& word = it == canonical_.end() ? w : it->second;
    out.push_back(negated ? "not:" + word : word);
    negated = false;
  }
  if (negated) out.push_back("not");
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void IntentMatcher::compile_rules(std::vector<intents::Diagnostic>& diagnostics) {
  WordSplitter split = [this](std::string_view s) { return normalizer_->content_words(s); };
  SynonymTable synonyms;
  for (const auto& c : pack_.synonyms) {
    auto& alternatives = synonyms[c.name];
    for (const auto& member : c.members) {
      auto words = split(member);
      if (words.empty()) continue;
      std::string joined;
      for (const auto& w : words) joined += (joined.empty() ? "" : " ") + w;
      alternatives.push_back(joined);
      if (words.size() == 1) canonical_.emplace(words[0], "@" + c.name);
      for (const auto& w : words) normalizer_->add_vocabulary(w);
    }
  }

  patterns_ = std::make_unique<re2::RE2::Set>(RuleOptions(), RE2::UNANCHORED);
  phrases_ = std::make_unique<re2::RE2::Set>(RuleOptions(), RE2::UNANCHORED);
  vetoes_ = std::make_unique<re2::RE2::Set>(RuleOptions(), RE2::UNANCHORED);
  auto add_rule = [&](const std::string& regex, const intents::Text& source, int intent, int index,
                      bool is_phrase) {
    std::string error;
    if ((is_phrase ? phrases_ : patterns_)->Add(regex, &error) < 0) {
      diagnostics.push_back({source.where, intents::Severity::kError,
                             std::string(is_phrase ? "phrase" : "pattern") +
                                 " is not a valid RE2 regular expression: " + error});
      return;
    }
    if (is_phrase) {
      phrase_refs_.push_back(RuleRef{intent, index, true});
      return;
    }
    pattern_refs_.push_back(RuleRef{intent, index, false});
    // Only patterns with named groups (which fill slots) need their own RE2.
    std::unique_ptr<RE2> capture;
    if (regex.find("(?P<") != std::string::npos) {
      capture = std::make_unique<RE2>(regex, RuleOptions());
      if (!capture->ok() || capture->NamedCapturingGroups().empty()) capture.reset();
    }
    capture_patterns_.push_back(std::move(capture));
  };

  for (size_t i = 0; i < pack_.intents.size(); ++i) {
    const auto& intent = pack_.intents[i];
    const int id = static_cast<int>(i);
    needs_question_.push_back(std::count(intent.contexts.begin(), intent.contexts.end(), "question_pending") > 0);
    needs_slot_.push_back(std::count(intent.contexts.begin(), intent.contexts.end(), "slot_pending") > 0);
    for (size_t p = 0; p < intent.patterns.size(); ++p) {
      add_rule(intent.patterns[p].value, intent.patterns[p], id, static_cast<int>(p), false);
    }
    for (size_t p = 0; p < intent.phrases.size(); ++p) {
      std::string error;
      std::string regex = compile_phrase(intent.phrases[p].value, synonyms, split, error);
      if (!error.empty()) {
        diagnostics.push_back({intent.phrases[p].where, intents::Severity::kError, "phrase: " + error});
        continue;
      }
      for (const auto& w : split(intent.phrases[p].value)) {
        if (w[0] != '@' && w != "...") normalizer_->add_vocabulary(w, 2);
      }
      add_rule(regex, intent.phrases[p], id, static_cast<int>(p), true);
    }
    for (size_t v = 0; v < intent.vetoes.size(); ++v) {
      std::string error;
      if (vetoes_->Add(intent.vetoes[v].value, &error) < 0) {
        diagnostics.push_back({intent.vetoes[v].where, intents::Severity::kError,
                               "`not` pattern is not a valid RE2 regular expression: " + error});
        continue;
      }
      veto_refs_.emplace_back(id, static_cast<int>(v));
    }
  }
  if (!patterns_->Compile() || !phrases_->Compile()) {
    diagnostics.push_back({{pack_.directory, 0, 0}, intents::Severity::kError,
                           "the patterns and phrases together are too large for RE2 (out of memory)"});
  }
  if (!vetoes_->Compile()) {
    diagnostics.push_back({{pack_.directory, 0, 0}, intents::Severity::kError,
                           "the `not` patterns together are too large for RE2"});
  }
}

float IntentMatcher::weight_of(std::string_view word) const {
  auto it = weights_.find(std::string(word));
  return it == weights_.end() ? unknown_weight_ : it->second;
}

void IntentMatcher::index_examples() {
  // Normalised, canonical word sets of every example.
  std::vector<std::vector<std::string>> example_words;
  std::unordered_map<std::string, std::set<int>> intents_using;
  for (size_t i = 0; i < pack_.intents.size(); ++i) {
    const auto& intent = pack_.intents[i];
    for (size_t e = 0; e < intent.examples.size(); ++e) {
      Normalized n = normalizer_->normalize(intent.examples[e].value, 100000, /*correct=*/false);
      for (const auto& w : n.words) {
        if (w[0] != '#') normalizer_->add_vocabulary(w, 3);
      }
      auto words = canonical_words(n.words);
      for (const auto& w : words) intents_using[w].insert(static_cast<int>(i));
      examples_.push_back(ExampleRef{static_cast<int>(i), static_cast<int>(e), 0.0f});
      example_words.push_back(std::move(words));
    }
  }
  for (const auto& [word, expansion] : pack_.shorthand) {
    for (const auto& w : normalizer_->content_words(expansion)) normalizer_->add_vocabulary(w);
  }
  for (const auto& w : pack_.locale.known_words) normalizer_->add_known_word(w);
  normalizer_->build_vocabulary();

  const double n = static_cast<double>(std::max<size_t>(pack_.intents.size(), 1));
  std::unordered_set<std::string> stopwords(pack_.locale.stopwords.begin(), pack_.locale.stopwords.end());
  for (const auto& [word, users] : intents_using) {
    float w = static_cast<float>(std::log((n + 1.0) / (static_cast<double>(users.size()) + 0.5)));
    if (stopwords.count(word)) w *= kStopwordFactor;
    weights_[word] = std::max(w, 0.01f);
  }
  unknown_weight_ = static_cast<float>(kUnknownWordWeight * std::log((n + 1.0) / 1.5));

  for (size_t x = 0; x < examples_.size(); ++x) {
    double norm_sq = 0;
    for (const auto& w : example_words[x]) {
      const float weight = weight_of(w);
      norm_sq += weight * weight;
      const bool common = static_cast<double>(intents_using[w].size()) > kCommonWordShare * n;
      if (!common) postings_[w].push_back(Posting{static_cast<uint32_t>(x), weight * weight});
    }
    examples_[x].norm = static_cast<float>(std::sqrt(norm_sq));
  }
}

MatchResult IntentMatcher::match(std::string_view message, const MatchContext& context,
                                 std::size_t max_chars) const {
  MatchResult result;
  result.input = normalizer_->normalize(message, max_chars);
  const std::string padded = Pad(result.input.text);
  const size_t count = pack_.intents.size();

  const std::string& text = result.input.text;
  std::vector<Evidence> evidence(count);
  std::vector<int> hits;
  auto record = [&](const std::vector<RuleRef>& refs) {
    for (int h : hits) {
      const RuleRef& r = refs[static_cast<size_t>(h)];
      Evidence& e = evidence[static_cast<size_t>(r.intent)];
      int& slot = r.is_phrase ? e.phrase : e.pattern;
      if (slot < 0 || r.index < slot) slot = r.index;
    }
    hits.clear();
  };
  patterns_->Match(text, &hits);
  record(pattern_refs_);
  phrases_->Match(padded, &hits);
  record(phrase_refs_);
  vetoes_->Match(text, &hits);
  for (int h : hits) {
    auto [intent, index] = veto_refs_[static_cast<size_t>(h)];
    Evidence& e = evidence[static_cast<size_t>(intent)];
    if (e.veto < 0 || index < e.veto) e.veto = index;
  }

  // Cosine similarity to examples through the inverted index.
  std::vector<std::string> words = canonical_words(result.input.words);
  double norm_sq = 0, known_sq = 0;
  for (const auto& w : words) {
    const float weight = weight_of(w);
    norm_sq += weight * weight;
    if (weights_.count(w)) known_sq += weight * weight;
  }
  const double coverage = norm_sq > 0 ? known_sq / norm_sq : 1.0;
  if (norm_sq > 0) {
    // Dot products accumulate in a per-thread dense vector; only the
    // examples touched are visited and reset, so the cost follows the
    // postings walked, not the size of the pack.
    thread_local std::vector<float> dots;
    thread_local std::vector<uint32_t> touched;
    if (dots.size() < examples_.size()) dots.resize(examples_.size(), 0.0f);
    touched.clear();
    for (const auto& w : words) {
      auto it = postings_.find(w);
      if (it == postings_.end()) continue;
      for (const Posting& p : it->second) {
        if (dots[p.example] == 0.0f) touched.push_back(p.example);
        dots[p.example] += p.weight_sq;
      }
    }
    const float norm = static_cast<float>(std::sqrt(norm_sq));
    for (uint32_t x : touched) {
      const float dot = dots[x];
      dots[x] = 0.0f;
      const ExampleRef& ex = examples_[x];
      const double sim = std::min(1.0, static_cast<double>(dot) / (norm * ex.norm));
      Evidence& e = evidence[static_cast<size_t>(ex.intent)];
      if (sim > e.similarity) {
        e.similarity = sim;
        e.example = ex.index;
      }
    }
  }

  std::vector<ScoredIntent> scored;
  for (size_t i = 0; i < count; ++i) {
    const Evidence& e = evidence[i];
    if (e.pattern < 0 && e.phrase < 0 && e.similarity <= 0) continue;
    if (e.veto >= 0) continue;
    if (needs_question_[i] && !context.question_pending) continue;
    if (needs_slot_[i] && !context.slot_pending) continue;
    const double miss = (e.pattern >= 0 ? 1 - kPatternEvidence : 1.0) *
                        (e.phrase >= 0 ? 1 - kPhraseEvidence : 1.0) * (1 - e.similarity);
    const double known = kCoverageFloor + (1 - kCoverageFloor) * coverage;
    scored.push_back(ScoredIntent{static_cast<int>(i), (1 - miss) * known, e});
  }
  // When some intent's pattern fired, intents that only resemble an
  // example are weaker evidence than that precise rule.
  const bool any_pattern = std::any_of(scored.begin(), scored.end(),
                                       [](const ScoredIntent& c) { return c.evidence.pattern >= 0; });
  if (any_pattern) {
    for (auto& c : scored) {
      if (c.evidence.pattern < 0 && c.evidence.phrase < 0) c.confidence *= kSimilarityBesidePattern;
    }
  }
  std::sort(scored.begin(), scored.end(), [&](const ScoredIntent& a, const ScoredIntent& b) {
    if (a.confidence != b.confidence) return a.confidence > b.confidence;
    return a.intent < b.intent;
  });
  if (scored.size() > kMaxCandidates) scored.resize(kMaxCandidates);
  result.ranked = std::move(scored);

  const auto& locale = pack_.locale;
  if (result.ranked.empty() || result.ranked[0].confidence < locale.fallback_threshold) {
    result.decision = Decision::kFallback;
  } else if (result.ranked.size() >= 2 &&
             result.ranked[1].confidence >= result.ranked[0].confidence - locale.ambiguity_margin) {
    const int p0 = pack_.intents[static_cast<size_t>(result.ranked[0].intent)].priority;
    const int p1 = pack_.intents[static_cast<size_t>(result.ranked[1].intent)].priority;
    if (p0 == p1) {
      result.decision = Decision::kAmbiguous;
    } else {
      if (p1 > p0) std::swap(result.ranked[0], result.ranked[1]);
      result.decision = Decision::kIntent;
    }
  } else {
    result.decision = Decision::kIntent;
  }

  // Named groups of the deciding pattern fill slots.
  if (result.decision == Decision::kIntent && result.ranked[0].evidence.pattern >= 0) {
    for (size_t r = 0; r < pattern_refs_.size(); ++r) {
      const RuleRef& ref = pattern_refs_[r];
      if (ref.intent != result.ranked[0].intent ||
          ref.index != result.ranked[0].evidence.pattern || !capture_patterns_[r]) {
        continue;
      }
      const RE2& re = *capture_patterns_[r];
      std::vector<re2::StringPiece> groups(static_cast<size_t>(re.NumberOfCapturingGroups()) + 1);
      if (re.Match(text, 0, text.size(), RE2::UNANCHORED, groups.data(),
                   static_cast<int>(groups.size()))) {
        for (const auto& [name, index] : re.NamedCapturingGroups()) {
          if (groups[static_cast<size_t>(index)].data() != nullptr) {
            result.captures.emplace_back(name, std::string(groups[static_cast<size_t>(index)]));
          }
        }
      }
    }
  }
  return result;
}

std::vector<std::string> IntentMatcher::explain(const MatchResult& result) const {
  std::vector<std::string> lines;
  char buffer[64];
  lines.push_back("normalised: \"" + result.input.text + "\"");
  for (const auto& [from, to] : result.input.corrections) {
    lines.push_back("corrected: \"" + from + "\" -> \"" + to + "\"");
  }
  for (const auto& e : result.input.entities) {
    lines.push_back("entity: " + e.type + " = \"" + e.value + "\"");
  }
  if (result.input.truncated) lines.push_back("message was cut at the maximum length");
  for (const auto& s : result.ranked) {
    const auto& intent = pack_.intents[static_cast<size_t>(s.intent)];
    std::snprintf(buffer, sizeof buffer, "%.2f", s.confidence);
    std::string line = "candidate " + intent.id + " " + buffer + ":";
    const auto at = [](const intents::SourceLocation& w) {
      return " (" + w.file + ":" + std::to_string(w.line) + ")";
    };
    if (s.evidence.pattern >= 0) {
      const auto& p = intent.patterns[static_cast<size_t>(s.evidence.pattern)];
      line += " pattern '" + p.value + "'" + at(p.where) + ";";
    }
    if (s.evidence.phrase >= 0) {
      const auto& p = intent.phrases[static_cast<size_t>(s.evidence.phrase)];
      line += " phrase '" + p.value + "'" + at(p.where) + ";";
    }
    if (s.evidence.example >= 0) {
      const auto& x = intent.examples[static_cast<size_t>(s.evidence.example)];
      std::snprintf(buffer, sizeof buffer, "%.2f", s.evidence.similarity);
      line += " example '" + x.value + "' similarity " + buffer + at(x.where);
    }
    lines.push_back(line);
  }
  std::string decision = std::string("decision: ") + decision_name(result.decision);
  if (result.decision == Decision::kIntent) {
    decision += " " + pack_.intents[static_cast<size_t>(result.ranked[0].intent)].id;
  }
  std::snprintf(buffer, sizeof buffer, "%.2f", pack_.locale.fallback_threshold);
  decision += std::string(" (threshold ") + buffer;
  std::snprintf(buffer, sizeof buffer, "%.2f", pack_.locale.ambiguity_margin);
  decision += std::string(", margin ") + buffer + ")";
  lines.push_back(decision);
  return lines;
}

}  // namespace parley::matcher
