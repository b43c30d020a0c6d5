#include "matcher/matcher.h"

#include <re2/set.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <future>
#include <thread>
#include <tuple>
#include <unordered_set>

#include "matcher/phrase.h"
#include "matcher/rule_filter.h"
#include "text/stamp_set.h"

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


// Appends "0.87" for 0.8675: what printf's "%.2f" gives for the scores
// explain() shows (0 to 1, or small thresholds), without printf's cost or
// a temporary string on every turn.
void AppendTwoDecimals(std::string& out, double value) {
  if (!(value >= 0.0) || value >= 1e6) {  // NaN, negative or huge: let printf do it
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    out += buffer;
    return;
  }
  const auto hundredths = static_cast<long long>(std::llround(value * 100.0));
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, hundredths / 100).ptr;
  out.append(digits, end);
  out += '.';
  out += static_cast<char>('0' + hundredths % 100 / 10);
  out += static_cast<char>('0' + hundredths % 10);
}

// Appends " (file:line)".
void AppendWhere(std::string& out, const intents::SourceLocation& where) {
  char digits[16];
  const auto end = std::to_chars(digits, digits + sizeof digits, where.line).ptr;
  out += " (";
  out += where.file;
  out += ':';
  out.append(digits, end);
  out += ')';
}

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
    intents::Pack pack, std::vector<intents::Diagnostic>& diagnostics, const std::string& rule_memo_file) {
  std::shared_ptr<IntentMatcher> m(new IntentMatcher());
  m->pack_ = std::move(pack);
  const size_t errors_before = std::count_if(diagnostics.begin(), diagnostics.end(), [](auto& d) {
    return d.severity == intents::Severity::kError;
  });
  m->entities_ = std::make_unique<EntityExtractor>(m->pack_.entities, diagnostics);
  m->normalizer_ = std::make_unique<Normalizer>(m->pack_, *m->entities_);
  m->set_aside_ = std::make_unique<SetAside>(m->pack_.locale.set_aside, diagnostics);
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
  const size_t rule_diagnostics = diagnostics.size();
  m->compile_rules(diagnostics);
  // Reading the rules and indexing the examples are independent and each
  // a good part of compiling: they share two threads (below).
  RuleAnalysis analysis;
  analysis.errors.resize(m->regexes_.size());
  analysis.facts.resize(m->regexes_.size());
  analysis.whole.resize(m->regexes_.size());
  analysis.part.resize(m->regexes_.size());
  analysis.memoised.resize(m->regexes_.size());
  // A writer's regex is checked by RE2's parser (a third of the analysis);
  // a phrase's is not: compile_phrase builds it from quoted words and its
  // own syntax, valid by construction (phrase_test holds it to that). A
  // regex the rule memo holds (rule_memo.h) is not analysed at all.
  for (const Rule& rule : m->rules_) analysis.whole[rule.regex] |= rule.ref.kind != RuleKind::kPhrase;
  for (const Part& part : m->parts_) analysis.part[part.regex] = 1;
  if (!rule_memo_file.empty()) m->recall_rules(rule_memo_file, analysis);
  // Rules first on the helper, examples first here: whoever runs out of its
  // own work helps with the other's (the rules, analysed afresh, are most of
  // the work; recalled from the memo, nearly none).
  ExampleWork examples;
  for (const auto& intent : m->pack_.intents) {
    for (const auto& e : intent.examples) examples.texts.push_back(&e.value);
  }
  examples.normalized.resize(examples.texts.size());
  auto helper = std::async(std::launch::async, [&] {
    m->analyse_rules(analysis);
    m->normalise_examples(examples);
  });
  std::vector<std::string> example_texts;
  m->normalise_examples(examples);
  m->index_examples(examples, example_texts);
  m->analyse_rules(analysis);
  helper.get();
  m->choose_triggers(example_texts);
  m->report_rule_errors(analysis, diagnostics);
  // In the order of the files, as the writer reads them.
  std::stable_sort(diagnostics.begin() + static_cast<std::ptrdiff_t>(rule_diagnostics), diagnostics.end(),
                   [](const intents::Diagnostic& a, const intents::Diagnostic& b) {
                     return std::tie(a.where.file, a.where.line, a.where.column) <
                            std::tie(b.where.file, b.where.line, b.where.column);
                   });

  const size_t errors_after = std::count_if(diagnostics.begin(), diagnostics.end(), [](auto& d) {
    return d.severity == intents::Severity::kError;
  });
  if (errors_after > errors_before) return nullptr;
  if (!rule_memo_file.empty()) m->remember_rules(rule_memo_file, analysis);
  return m;
}

std::string IntentMatcher::canonical(const std::string& word) const {
  auto it = canonical_.find(word);
  return it == canonical_.end() ? word : it->second;
}

namespace {

// How a word stands after negation joining: "not" joins the next word ("can
// not pay" -> "not:pay"), so that "I can't pay" and "how can I pay" are not
// the same request; a "not" at the end stays a word of its own.
enum class Joined { kPlain, kNegated, kTrailingNot };

// Calls visit(word, how, index into words) for every word but a joining
// "not". The one place the rule lives: examples (canonical_words) and
// messages (message_terms) must agree on it.
template <typename Visit>
void ForEachJoinedWord(const std::vector<std::string>& words, Visit&& visit) {
  bool negated = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w == "not") {
      negated = true;
      continue;
    }
    visit(w, negated ? Joined::kNegated : Joined::kPlain, i);
    negated = false;
  }
  if (negated) visit(std::string("not"), Joined::kTrailingNot, words.size() - 1);
}

}  // namespace

std::vector<std::string> IntentMatcher::canonical_words(const std::vector<std::string>& words) const {
  std::vector<std::string> out;
  out.reserve(words.size());
  ForEachJoinedWord(words, [&](const std::string& w, Joined how, std::size_t) {
    switch (how) {
      case Joined::kPlain: out.push_back(canonical(w)); break;
      case Joined::kNegated: out.push_back("not:" + canonical(w)); break;
      case Joined::kTrailingNot: out.push_back(w); break;
    }
  });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Per-thread working memory of match(), reached through one thread-local
// look-up per message; every member is emptied or reset before use.
struct IntentMatcher::Scratch {
  // Per intent; default except for the intents listed in `with_evidence`
  // (the first `with_evidence_count`), which the next match resets (so
  // that a match costs what its evidence costs, not the size of the pack,
  // whichever matcher the thread used last).
  std::vector<Evidence> evidence;
  std::vector<std::uint32_t> with_evidence;  // room for every intent, and one more
  std::size_t with_evidence_count = 0;
  // Empties `evidence` for a pack of `count` intents.
  void reset_evidence(std::size_t count) {
    for (std::size_t k = 0; k < with_evidence_count; ++k) evidence[with_evidence[k]] = Evidence{};
    with_evidence_count = 0;
    if (evidence.size() < count) {
      evidence.resize(count);
      with_evidence.resize(count + 1);  // write_evidence writes one past the list
    }
  }
  // The evidence of intent `i`, for writing: listed in with_evidence when
  // it had none yet.
  Evidence& write_evidence(std::size_t i) {
    Evidence& e = evidence[i];
    with_evidence[with_evidence_count] = static_cast<std::uint32_t>(i);
    with_evidence_count += e.pattern < 0 && e.phrase < 0 && e.similarity <= 0;
    return e;
  }
  const unsigned slot = text::thread_slot();  // for PerThread::get
  text::StampSet regex_tried;              // shared regexes run on this message
  std::vector<char> regex_matched;         // their verdicts, by regex
  std::vector<std::uint32_t> candidates;  // parts worth running
  std::vector<std::uint32_t> vetoes;      // candidate veto parts, run last
  text::StampSet veto_checked;           // intents whose vetoes have run
  std::vector<int> literals;             // literals found in the text
  text::StampSet present, considered;    // literals in the text; parts looked at
  text::StampSet begins_right;           // prefix tests the text passes
  text::StampSet ends_right;             // suffix tests the text passes
  MessageTerms terms;
  std::vector<std::string> unknown;      // canonical words no example uses
  std::vector<float> dots;               // per example, zero between messages
  std::vector<std::uint32_t> touched;    // examples with a non-zero dot (as long as dots)
};

IntentMatcher::Scratch& IntentMatcher::scratch() {
  thread_local Scratch s;
  return s;
}

void IntentMatcher::message_terms(const std::vector<std::string>& words, const std::vector<std::uint32_t>& ids,
                                  Scratch& scratch) const {
  // The same canonical words as canonical_words(), found with one look-up
  // for most words (none for a word the normaliser knows: its id is its
  // term, attach_word_ids): only negated and unknown words build a string.
  MessageTerms& out = scratch.terms;
  out.terms.clear();
  out.unknown = 0;
  out.unknown_stopwords = 0;
  std::vector<std::string>& unknown = scratch.unknown;
  unknown.clear();
  auto add = [&](const std::string& canonical_word) {
    if (const std::uint32_t* term = term_ids_.find(canonical_word)) {
      out.terms.push_back(*term);
    } else {
      unknown.push_back(canonical_word);
    }
  };
  ForEachJoinedWord(words, [&](const std::string& w, Joined how, std::size_t i) {
    switch (how) {
      case Joined::kPlain:
        if (const std::uint32_t id = i < ids.size() ? ids[i] : kWordNotLooked; id != kWordNotLooked) {
          if (id != kNoWordId) {
            out.terms.push_back(id);
          } else {
            unknown.push_back(canonical(w));
          }
        } else if (const std::uint32_t* term = surface_terms_.find(w)) {
          out.terms.push_back(*term);
        } else {
          unknown.push_back(canonical(w));
        }
        break;
      case Joined::kNegated: {
        // "can't login": the negated word is its own term when some example
        // has it negated too. Otherwise it is not held against the message
        // as an unknown word when its plain form is known (it would halve
        // the confidence of "cannot checkout"), but it does not count
        // towards the plain word's examples either.
        const std::string plain = canonical(w);
        if (const std::uint32_t* term = term_ids_.find("not:" + plain)) {
          out.terms.push_back(*term);
        } else if (!term_ids_.contains(plain)) {
          unknown.push_back("not:" + plain);
        }
        break;
      }
      case Joined::kTrailingNot: add(w); break;
    }
  });
  std::sort(out.terms.begin(), out.terms.end());
  out.terms.erase(std::unique(out.terms.begin(), out.terms.end()), out.terms.end());
  std::sort(unknown.begin(), unknown.end());
  unknown.erase(std::unique(unknown.begin(), unknown.end()), unknown.end());
  for (const std::string& word : unknown) {
    if (unknown_stopwords_.contains(word)) {
      ++out.unknown_stopwords;
    } else {
      ++out.unknown;
    }
  }
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

  // Rules are collected here, then their regexes checked and read for
  // their literals by analyse_rules() (on another thread while the examples
  // are indexed). Rules with the same regex (a list shared through a YAML
  // anchor) share it.
  std::unordered_map<std::string, std::uint32_t> regex_ids;
  auto regex_id = [&](const std::string& regex) {
    auto [it, added] = regex_ids.emplace(regex, static_cast<std::uint32_t>(regexes_.size()));
    if (added) regexes_.push_back(std::make_unique<Regex>(regex));
    return it->second;
  };
  auto add_rule = [&](const std::string& regex, const intents::Text& source, int intent, int index,
                      RuleKind kind) {
    const auto rule = static_cast<std::uint32_t>(rules_.size());
    rules_.push_back(Rule{RuleRef{intent, index, kind}, regex_id(regex), &source.where});
    for (const auto& alternative : top_level_alternatives(regex)) {
      parts_.push_back(Part{rule, regex_id(alternative)});
    }
  };

  for (size_t i = 0; i < pack_.intents.size(); ++i) {
    const auto& intent = pack_.intents[i];
    const int id = static_cast<int>(i);
    needs_.push_back(context_of(intent));
    first_pattern_.push_back(static_cast<std::uint32_t>(rules_.size()));
    for (size_t p = 0; p < intent.patterns.size(); ++p) {
      add_rule(intent.patterns[p].value, intent.patterns[p], id, static_cast<int>(p), RuleKind::kPattern);
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
      add_rule(regex, intent.phrases[p], id, static_cast<int>(p), RuleKind::kPhrase);
    }
    for (size_t v = 0; v < intent.vetoes.size(); ++v) {
      add_rule(intent.vetoes[v].value, intent.vetoes[v], id, static_cast<int>(v), RuleKind::kVeto);
    }
  }
}

void IntentMatcher::analyse_rules(RuleAnalysis& analysis) {
  for (size_t r; (r = analysis.next++) < regexes_.size();) {
    if (!analysis.memoised[r]) analyse_rule(r, analysis);
    // The last increment sees every other thread's results (one chain of
    // read-modify-writes on `done`).
    if (++analysis.done == regexes_.size()) build_filter(analysis);
  }
}

void IntentMatcher::analyse_rule(std::size_t r, RuleAnalysis& analysis) const {
  RuleFacts& facts = analysis.facts[r];
  if (analysis.whole[r]) {
    // A set of one: it parses and compiles nothing, and frees the parse
    // at once (one set of every regex held them all to the end).
    re2::RE2::Set validator(RuleOptions(), RE2::UNANCHORED);
    if (validator.Add(regexes_[r]->source, &analysis.errors[r]) < 0) {
      if (analysis.errors[r].empty()) analysis.errors[r] = "invalid";
      return;
    }
    analysis.errors[r].clear();
    facts.validated = true;
  }
  if (analysis.part[r]) {
    facts.required = required_literals(regexes_[r]->source);
    facts.prefixes = anchored_prefixes(regexes_[r]->source);
    facts.suffixes = anchored_suffixes(regexes_[r]->source);
    facts.analysed = true;
  }
}

void IntentMatcher::recall_rules(const std::string& file, RuleAnalysis& analysis) const {
  const RuleMemo memo = RuleMemo::read(file);
  if (memo.size() == 0) return;
  for (std::size_t r = 0; r < regexes_.size(); ++r) {
    const RuleFacts* facts = memo.find(regexes_[r]->source);
    if (facts && (facts->validated || !analysis.whole[r]) && (facts->analysed || !analysis.part[r])) {
      analysis.facts[r] = *facts;
      analysis.memoised[r] = 1;
    }
  }
}

void IntentMatcher::remember_rules(const std::string& file, const RuleAnalysis& analysis) const {
  // Called only on a clean compile: every regex is valid.
  if (std::all_of(analysis.memoised.begin(), analysis.memoised.end(), [](char m) { return m != 0; })) return;
  std::vector<std::pair<std::string_view, const RuleFacts*>> facts;
  facts.reserve(regexes_.size());
  for (std::size_t r = 0; r < regexes_.size(); ++r) facts.emplace_back(regexes_[r]->source, &analysis.facts[r]);
  (void)RuleMemo::write(file, facts);
}

void IntentMatcher::report_rule_errors(const RuleAnalysis& analysis,
                                       std::vector<intents::Diagnostic>& diagnostics) const {
  for (const Rule& rule : rules_) {
    const std::string& error = analysis.errors[rule.regex];
    if (error.empty()) continue;
    const RuleKind kind = rule.ref.kind;
    const char* what = kind == RuleKind::kPattern ? "pattern"
                       : kind == RuleKind::kPhrase ? "phrase"
                                                   : "`not` pattern";
    diagnostics.push_back({*rule.where, intents::Severity::kError,
                           std::string(what) + " is not a valid RE2 regular expression: " + error});
  }
}

void IntentMatcher::build_filter(const RuleAnalysis& analysis) {
  // Every required literal once; each part's groups in group_literals_.
  std::vector<std::string> literals;
  text::StringMap<std::uint32_t> literal_ids;
  std::vector<std::vector<std::string>> prefix_sets, suffix_sets;  // by test
  auto literal_id = [&](const std::string& literal) {
    // Looked up before inserting: emplace would build a node (a string
    // copy) for every repeat, and most literals are repeats.
    auto it = literal_ids.find(literal);
    if (it == literal_ids.end()) {
      it = literal_ids.emplace(literal, static_cast<std::uint32_t>(literals.size())).first;
      literals.push_back(literal);
    }
    return it->second;
  };
  for (Part& part : parts_) {
    part.literals_begin = static_cast<std::uint32_t>(group_literals_.size());
    part.groups_begin = static_cast<std::uint32_t>(group_ends_.size());
    for (const auto& group : analysis.facts[part.regex].required) {
      for (const auto& literal : group) group_literals_.push_back(literal_id(literal));
      group_ends_.push_back(static_cast<std::uint32_t>(group_literals_.size()));
    }
    part.groups_end = static_cast<std::uint32_t>(group_ends_.size());
  }
  // The set_aside patterns' literals join the finder, which runs anyway.
  const std::size_t asides = std::min(set_aside_->size(), SetAside::kMaxSkippable);
  aside_literals_.assign(asides, {});
  for (std::size_t k = 0; k < asides; ++k) {
    for (const auto& group : set_aside_->required(k)) {
      aside_literals_[k].push_back(static_cast<std::uint32_t>(group.size()));
      for (const auto& literal : group) aside_literals_[k].push_back(literal_id(literal));
    }
  }
  // Anchor tests are numbered with those that decide a part alone first:
  // a prefix test of a part requiring no literal, a suffix test of one
  // requiring no literal nor prefix. The walks know them by number (the
  // parts, read at random, would miss the cache).
  for (const bool deciding : {true, false}) {
    for (std::uint32_t p = 0; p < parts_.size(); ++p) {
      Part& part = parts_[p];
      const RuleFacts& facts = analysis.facts[part.regex];
      const bool literal_free = part.groups_begin == part.groups_end;
      if (!facts.prefixes.empty() && literal_free == deciding) {
        part.prefix_test = static_cast<std::uint32_t>(prefix_sets.size());
        prefix_sets.push_back(facts.prefixes);
      }
      if (!facts.suffixes.empty() && (literal_free && facts.prefixes.empty()) == deciding) {
        part.suffix_test = static_cast<std::uint32_t>(suffix_sets.size());
        suffix_sets.push_back(facts.suffixes);
        if (deciding) suffix_decides_.push_back(p);
      }
    }
  }
  // In part order, as their prefix tests were numbered (and now that their
  // suffix tests are).
  for (std::uint32_t p = 0; p < parts_.size(); ++p) {
    const Part& part = parts_[p];
    if (part.prefix_test < kNoAnchorTest && part.groups_begin == part.groups_end) {
      prefix_decides_.push_back(DecidedPart{p, part.suffix_test});
    }
  }
  literals_ = text::LiteralFinder(literals);
  prefixes_ = PrefixIndex(prefix_sets);
  suffixes_ = SuffixIndex(suffix_sets);
  prefix_test_count_ = static_cast<std::uint32_t>(prefix_sets.size());
  suffix_test_count_ = static_cast<std::uint32_t>(suffix_sets.size());
  std::vector<std::uint32_t> users(regexes_.size(), 0);
  for (const Part& part : parts_) ++users[part.regex];
  for (Part& part : parts_) part.shared_regex = users[part.regex] > 1;
}

void IntentMatcher::choose_triggers(const std::vector<std::string>& texts) {
  // Per literal, the texts holding it (+1: one never seen is not free).
  std::vector<std::uint32_t> frequency(literals_.size(), 1);
  std::vector<int> found;
  for (const auto& text : texts) {
    literals_.find(text, found);
    for (int literal : found) ++frequency[static_cast<std::size_t>(literal)];
  }
  struct Group {
    std::uint64_t cost;  // texts holding a member, counted per member
    std::uint32_t begin, end;
  };
  std::vector<Group> groups;
  std::vector<std::uint32_t> reordered;
  for (std::uint32_t p = 0; p < parts_.size(); ++p) {
    Part& part = parts_[p];
    if (part.groups_begin == part.groups_end) {
      if (part.prefix_test == kNoAnchorTest && part.suffix_test == kNoAnchorTest) always_run_.push_back(p);
      continue;
    }
    groups.clear();
    std::uint32_t begin = part.literals_begin;
    for (std::uint32_t g = part.groups_begin; g < part.groups_end; ++g) {
      std::uint64_t cost = 0;
      for (std::uint32_t l = begin; l < group_ends_[g]; ++l) cost += frequency[group_literals_[l]];
      groups.push_back(Group{cost, begin, group_ends_[g]});
      begin = group_ends_[g];
    }
    // Stable (equally rare groups keep required_literals' order, longest
    // literals first), by insertion: a part has a few groups.
    for (std::size_t g = 1; g < groups.size(); ++g) {
      for (std::size_t k = g; k > 0 && groups[k].cost < groups[k - 1].cost; --k) std::swap(groups[k], groups[k - 1]);
    }
    reordered.clear();
    for (std::size_t g = 0; g < groups.size(); ++g) {
      reordered.insert(reordered.end(), group_literals_.begin() + groups[g].begin,
                       group_literals_.begin() + groups[g].end);
      group_ends_[part.groups_begin + g] = part.literals_begin + static_cast<std::uint32_t>(reordered.size());
    }
    std::copy(reordered.begin(), reordered.end(), group_literals_.begin() + part.literals_begin);
  }
  // Under each literal, a check record for every part it triggers (in
  // part order): counted, then placed (one array). A part's record is
  // repeated under each literal of its trigger group, so that the checks of
  // a message read memory in order (the parts and their groups, read at
  // random, missed the cache more often than not).
  trigger_begin_.assign(literals_.size() + 1, 0);
  auto trigger_literals = [this](const Part& part) {
    return std::pair(group_literals_.begin() + part.literals_begin,
                     group_literals_.begin() + group_ends_[part.groups_begin]);
  };
  auto record_size = [this](const Part& part) {
    std::uint32_t size = kCheckHeader;
    for (std::uint32_t g = part.groups_begin + 1; g < part.groups_end; ++g) {
      size += 1 + group_ends_[g] - group_ends_[g - 1];
    }
    return size;
  };
  for (const Part& part : parts_) {
    if (part.groups_begin == part.groups_end) continue;
    const std::uint32_t size = record_size(part);
    for (auto [l, end] = trigger_literals(part); l != end; ++l) trigger_begin_[*l + 1] += size;
  }
  for (std::size_t l = 0; l < literals_.size(); ++l) trigger_begin_[l + 1] += trigger_begin_[l];
  checks_.resize(trigger_begin_.back());
  std::vector<std::uint32_t> filled(trigger_begin_.begin(), trigger_begin_.end() - 1);
  for (std::uint32_t p = 0; p < parts_.size(); ++p) {
    const Part& part = parts_[p];
    if (part.groups_begin == part.groups_end) continue;
    for (auto [l, end] = trigger_literals(part); l != end; ++l) {
      std::uint32_t* out = checks_.data() + filled[*l];
      *out++ = p;
      *out++ = part.prefix_test;
      *out++ = part.suffix_test;
      *out++ = record_size(part) - kCheckHeader;
      for (std::uint32_t g = part.groups_begin + 1; g < part.groups_end; ++g) {
        *out++ = group_ends_[g] - group_ends_[g - 1];
        out = std::copy(group_literals_.begin() + group_ends_[g - 1], group_literals_.begin() + group_ends_[g], out);
      }
      filled[*l] = static_cast<std::uint32_t>(out - checks_.data());
    }
  }
}

void IntentMatcher::normalise_examples(ExampleWork& work) const {
  for (std::size_t x; (x = work.next++) < work.texts.size();) {
    work.normalized[x] = normalizer_->normalize(*work.texts[x], 100000, /*correct=*/false);
    ++work.done;
  }
}

void IntentMatcher::index_examples(ExampleWork& work, std::vector<std::string>& texts) {
  // The other thread may still be on its last example.
  while (work.done.load() < work.texts.size()) std::this_thread::yield();
  // Normalised, canonical word sets of every example.
  std::vector<std::vector<std::string>> example_words;
  // Per canonical word, how many intents use it (examples come intent by
  // intent: `last` tells whether this one was counted).
  struct Users {
    int count = 0;
    int last = -1;
  };
  text::StringMap<Users> intents_using;
  for (size_t i = 0, x = 0; i < pack_.intents.size(); ++i) {
    const auto& intent = pack_.intents[i];
    for (size_t e = 0; e < intent.examples.size(); ++e) {
      Normalized& n = work.normalized[x++];
      texts.push_back(std::move(n.text));
      for (const auto& w : n.words) {
        if (w[0] != '#') normalizer_->add_vocabulary(w, 3);
      }
      auto words = canonical_words(n.words);
      for (const auto& w : words) {
        Users& users = intents_using[w];
        if (users.last != static_cast<int>(i)) {
          ++users.count;
          users.last = static_cast<int>(i);
        }
      }
      examples_.push_back(ExampleRef{static_cast<int>(i), static_cast<int>(e)});
      example_words.push_back(std::move(words));
    }
  }
  for (const auto& [word, expansion] : pack_.shorthand) {
    for (const auto& w : normalizer_->content_words(expansion)) normalizer_->add_vocabulary(w);
  }
  normalizer_->add_known_words(pack_.locale.known_words);

  const double n = static_cast<double>(std::max<size_t>(pack_.intents.size(), 1));
  std::unordered_set<std::string> stopwords(pack_.locale.stopwords.begin(), pack_.locale.stopwords.end());
  // Per term: left out of the posting walk, for being in over half the
  // intents or a stopword. Their weight is small (stopwords: a fifth) and
  // their lists long; they still count in the norms and the coverage.
  std::vector<char> common;
  text::StringMap<std::uint32_t> term_ids, surface_terms;
  // Term ids follow word order.
  std::vector<const std::pair<const std::string, Users>*> by_word;
  by_word.reserve(intents_using.size());
  for (const auto& entry : intents_using) by_word.push_back(&entry);
  std::sort(by_word.begin(), by_word.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
  term_ids.reserve(by_word.size());
  for (const auto* entry : by_word) {
    const std::string& word = entry->first;
    const auto users = static_cast<double>(entry->second.count);
    float w = static_cast<float>(std::log((n + 1.0) / (users + 0.5)));
    if (stopwords.count(word)) w *= kStopwordFactor;
    term_ids.emplace(word, static_cast<std::uint32_t>(terms_.size()));
    terms_.push_back(Term{std::max(w, 0.01f), 0, 0});
    common.push_back(users > kCommonWordShare * n || stopwords.count(word) > 0);
  }
  unknown_weight_ = static_cast<float>(kUnknownWordWeight * std::log((n + 1.0) / 1.5));
  // Stopwords no example uses weigh a stopword's share of an unknown word
  // (a letter's "dear ... kind regards" says as little as its "the").
  {
    text::StringMap<std::uint32_t> unknown_stopwords;
    for (const auto& word : stopwords) {
      if (!term_ids.contains(canonical(word))) unknown_stopwords.emplace(canonical(word), 0);
    }
    unknown_stopwords_ = text::FrozenStringMap<std::uint32_t>(unknown_stopwords);
  }
  // Message words reach their term in one look-up: the term's own word,
  // and every one-word synonym member whose class is a term.
  for (const auto& [word, id] : term_ids) {
    if (word.compare(0, 4, "not:") != 0) surface_terms.emplace(word, id);
  }
  for (const auto& [member, cls] : canonical_) {
    if (auto it = term_ids.find(cls); it != term_ids.end()) {
      surface_terms.insert_or_assign(member, it->second);
    } else {
      surface_terms.erase(member);  // canonical form is unknown, whatever the member is
    }
  }
  term_ids_ = text::FrozenStringMap<std::uint32_t>(term_ids);
  surface_terms_ = text::FrozenStringMap<std::uint32_t>(surface_terms);
  // The vocabulary is complete: its words get their terms, then it is built
  // (once: building freezes the word table).
  normalizer_->attach_word_ids(surface_terms_);
  normalizer_->build_vocabulary();

  // Postings, grouped by term (counting sort into one array).
  std::vector<std::uint32_t> counts(terms_.size() + 1, 0);
  std::vector<std::vector<std::uint32_t>> example_terms(example_words.size());
  std::vector<float> norms(examples_.size());  // of the examples' weighted word vectors
  for (size_t x = 0; x < examples_.size(); ++x) {
    double norm_sq = 0;
    for (const auto& w : example_words[x]) {
      const std::uint32_t t = term_ids.at(w);
      norm_sq += terms_[t].weight * terms_[t].weight;
      if (!common[t]) {
        ++counts[t];
        example_terms[x].push_back(t);
      }
    }
    norms[x] = static_cast<float>(std::sqrt(norm_sq));
  }
  std::uint32_t offset = 0;
  for (size_t t = 0; t < terms_.size(); ++t) {
    terms_[t].postings_begin = terms_[t].postings_end = offset;
    offset += counts[t];
  }
  postings_.resize(offset);
  for (size_t x = 0; x < examples_.size(); ++x) {
    for (std::uint32_t t : example_terms[x]) {
      const float weight = terms_[t].weight;
      postings_[terms_[t].postings_end++] = Posting{static_cast<std::uint32_t>(x), weight * weight / norms[x]};
    }
  }
}

IntentMatcher::Regex::Regex(std::string regex)
    : source(std::move(regex)), re([this] { return std::make_unique<RE2>(source, RuleOptions()); }) {}

MatchContext context_of(const intents::IntentDef& intent) {
  MatchContext context;
  for (const auto& c : intent.contexts) {
    context.question_pending |= c == "question_pending";
    context.slot_pending |= c == "slot_pending";
    context.choice_pending |= c == "choice_pending";
  }
  return context;
}

const RE2& IntentMatcher::rule_regex(std::size_t rule) const {
  return regexes_[rules_[rule].regex]->re.get();
}

bool IntentMatcher::part_matches(std::size_t part, std::string_view text, Scratch& scratch) const {
  // Verdicts of shared regexes, per message: kept in regex_matched.
  constexpr char kNo = 0, kYes = 1, kBroken = 2;
  const Part& p = parts_[part];
  // Parts are not checked when the pack is compiled (their rule's whole
  // regex is, and splitting keeps them valid): should one ever not compile,
  // its rule is asked as a whole (and no verdict kept: rules differ).
  auto ask_rule = [&] {
    return regexes_[rules_[p.rule].regex]->re.get(scratch.slot).Match(text, 0, text.size(), RE2::UNANCHORED,
                                                                        nullptr, 0);
  };
  if (p.shared_regex && !scratch.regex_tried.insert(p.regex)) {
    const char verdict = scratch.regex_matched[p.regex];
    return verdict == kBroken ? ask_rule() : verdict == kYes;
  }
  const RE2& re = regexes_[p.regex]->re.get(scratch.slot);
  const bool ok = re.ok();
  const bool matched = ok ? re.Match(text, 0, text.size(), RE2::UNANCHORED, nullptr, 0) : ask_rule();
  if (p.shared_regex) scratch.regex_matched[p.regex] = !ok ? kBroken : matched ? kYes : kNo;
  return matched;
}

void IntentMatcher::candidate_parts(std::string_view text, Scratch& scratch) const {
  std::vector<std::uint32_t>& out = scratch.candidates;
  out.clear();
  // The anchored parts whose end, then whose beginning, the text has:
  // those requiring no literal are candidates now (when the text has both,
  // if both are asked for), the others if their literals are found.
  text::StampSet& ends_right = scratch.ends_right;
  ends_right.reset(suffix_test_count_);
  suffixes_.for_each_passed(text, [&](std::uint32_t test) {
    ends_right.insert(test);
    if (test < suffix_decides_.size()) out.push_back(suffix_decides_[test]);
  });
  auto ends_well = [&ends_right](std::uint32_t suffix_test) {
    return suffix_test == kNoAnchorTest || ends_right.contains(suffix_test);
  };
  text::StampSet& begins_right = scratch.begins_right;
  begins_right.reset(prefix_test_count_);
  prefixes_.for_each_passed(text, [&](std::uint32_t test) {
    begins_right.insert(test);
    if (test < prefix_decides_.size() && ends_well(prefix_decides_[test].suffix_test)) {
      out.push_back(prefix_decides_[test].part);
    }
  });
  std::vector<int>& found = scratch.literals;
  literals_.find(text, found);
  text::StampSet& present = scratch.present;
  text::StampSet& considered = scratch.considered;
  present.reset(literals_.size());
  considered.reset(parts_.size());
  for (int literal : found) present.insert(static_cast<size_t>(literal));
  for (int literal : found) {
    const std::uint32_t* record = checks_.data() + trigger_begin_[static_cast<size_t>(literal)];
    const std::uint32_t* const last = checks_.data() + trigger_begin_[static_cast<size_t>(literal) + 1];
    while (record != last) {
      const std::uint32_t p = record[0], prefix_test = record[1], suffix_test = record[2];
      const std::uint32_t* group = record + kCheckHeader;
      const std::uint32_t* const record_end = group + record[3];
      record = record_end;
      if (prefix_test != kNoAnchorTest && !begins_right.contains(prefix_test)) continue;
      if (!ends_well(suffix_test)) continue;
      if (!considered.insert(p)) continue;
      // The trigger group is present; every other one must be too.
      bool all_present = true;
      while (all_present && group != record_end) {
        const std::uint32_t* const group_end = group + 1 + *group;
        ++group;
        while (group != group_end && !present.contains(*group)) ++group;
        all_present = group != group_end;
        group = group_end;
      }
      if (all_present) out.push_back(p);
    }
  }
  out.insert(out.end(), always_run_.begin(), always_run_.end());
}

double IntentMatcher::score_examples(const Normalized& message, Scratch& scratch) const {
  message_terms(message.words, message.word_ids, scratch);
  const MessageTerms& words = scratch.terms;
  double known_sq = 0;
  for (std::uint32_t t : words.terms) known_sq += terms_[t].weight * terms_[t].weight;
  const double norm_sq =
      known_sq + (static_cast<double>(words.unknown) +
                   static_cast<double>(words.unknown_stopwords) * kStopwordFactor * kStopwordFactor) *
                      unknown_weight_ * unknown_weight_;
  if (norm_sq <= 0) return 1.0;
  // Dot products accumulate in a per-thread dense vector; only the
  // examples touched are visited and reset, so the cost follows the
  // postings walked, not the size of the pack.
  std::vector<float>& dots = scratch.dots;
  if (dots.size() < examples_.size()) dots.resize(examples_.size(), 0.0f);
  // Room for every example, listed once each.
  if (scratch.touched.size() < examples_.size()) scratch.touched.resize(examples_.size());
  float* const dot_of = dots.data();
  std::uint32_t* const touched = scratch.touched.data();
  std::uint32_t* touched_end = touched;
  for (std::uint32_t t : words.terms) {
    const Posting* const end = postings_.data() + terms_[t].postings_end;
    for (const Posting* posting = postings_.data() + terms_[t].postings_begin; posting != end; ++posting) {
      // Listed when first touched (every weight is positive), without a branch.
      const std::uint32_t x = posting->example;
      *touched_end = x;
      touched_end += dot_of[x] == 0.0f;
      dot_of[x] += posting->weight_sq_over_norm;
    }
  }
  const float norm = static_cast<float>(std::sqrt(norm_sq));
  for (const std::uint32_t* it = touched; it != touched_end; ++it) {
    const std::uint32_t x = *it;
    const float dot = dots[x];
    dots[x] = 0.0f;
    const ExampleRef& ex = examples_[x];
    const double sim = std::min(1.0, static_cast<double>(dot) / norm);
    if (sim > scratch.evidence[static_cast<size_t>(ex.intent)].similarity) {
      Evidence& e = scratch.write_evidence(static_cast<size_t>(ex.intent));
      e.similarity = sim;
      e.example = ex.index;
    }
  }
  return known_sq / norm_sq;
}

std::uint64_t IntentMatcher::asides_worth_trying(const Scratch& scratch) const {
  std::uint64_t worth = 0;
  for (std::size_t k = 0; k < aside_literals_.size(); ++k) {
    // Groups as [size, literal ids...], most selective first: the first
    // group without a literal in the text rules the pattern out.
    const std::vector<std::uint32_t>& groups = aside_literals_[k];
    bool all_groups = true;
    for (std::size_t g = 0; all_groups && g < groups.size(); g += 1 + groups[g]) {
      const std::uint32_t* const first = groups.data() + g + 1;
      const std::uint32_t* const last = first + groups[g];
      all_groups = std::any_of(first, last, [&](std::uint32_t id) { return scratch.present.contains(id); });
    }
    if (all_groups) worth |= std::uint64_t{1} << k;
  }
  return worth;
}

MatchResult IntentMatcher::match(std::string_view message, const MatchContext& context,
                                 std::size_t max_chars) const {
  MatchResult result;
  result.input = normalizer_->normalize(message, max_chars);
  const size_t count = pack_.intents.size();

  const std::string& text = result.input.text;
  Scratch& scratch = this->scratch();
  scratch.reset_evidence(count);
  scratch.regex_tried.reset(regexes_.size());
  if (scratch.regex_matched.size() < regexes_.size()) scratch.regex_matched.resize(regexes_.size());
  std::vector<Evidence>& evidence = scratch.evidence;
  std::vector<std::uint32_t>& candidates = scratch.candidates;
  candidate_parts(text, scratch);
  const SetAside::Result aside = set_aside_->empty()
                                     ? SetAside::Result{}
                                     : set_aside_->apply(text, scratch.slot, asides_worth_trying(scratch));
  // A rule counts when it matches the message; with words set aside, only
  // when it matches outside them: in the rest of the message, or across
  // (it does not match the words set aside alone).
  auto rule_matches = [&](std::uint32_t part) {
    if (!part_matches(part, text, scratch)) return false;
    if (aside.pattern < 0) return true;
    const RE2& re = regexes_[parts_[part].regex]->re.get(scratch.slot);
    return !re.ok() || RE2::PartialMatch(aside.rest, re) || !RE2::PartialMatch(aside.aside, re);
  };
  // In rule order, an intent's first pattern (phrase) that matches is its
  // evidence: later ones need not run, nor any rule of an intent inactive
  // in this context. Vetoes wait until the similarity has said which
  // intents have any evidence to veto.
  std::sort(candidates.begin(), candidates.end());
  std::vector<std::uint32_t>& vetoes = scratch.vetoes;
  vetoes.clear();
  for (std::uint32_t c : candidates) {
    const RuleRef& r = rules_[parts_[c].rule].ref;
    const auto intent = static_cast<size_t>(r.intent);
    if (!active(intent, context)) continue;
    if (r.kind == RuleKind::kVeto) {
      vetoes.push_back(c);
      continue;
    }
    const Evidence& e = evidence[intent];
    const bool pattern = r.kind == RuleKind::kPattern;
    if ((pattern ? e.pattern : e.phrase) < 0 && rule_matches(c)) {
      Evidence& written = scratch.write_evidence(intent);
      (pattern ? written.pattern : written.phrase) = r.index;
    }
  }

  const double coverage = score_examples(result.input, scratch);

  // Vetoes run only where they can change the result: for intents whose
  // pattern fired (whether any such intent stands changes the others'
  // scores), then for the rest in rank order until kMaxCandidates stand.
  scratch.veto_checked.reset(count);
  auto vetoed = [&](std::size_t intent) {
    Evidence& e = evidence[intent];
    if (scratch.veto_checked.insert(intent)) {
      // Parts are numbered intent by intent, so the candidate vetoes (in
      // part order) hold each intent's together: in rule order, the first
      // that matches.
      auto intent_of = [this](std::uint32_t part) { return static_cast<std::size_t>(rules_[parts_[part].rule].ref.intent); };
      auto c = std::lower_bound(vetoes.begin(), vetoes.end(), intent,
                                [&](std::uint32_t part, std::size_t i) { return intent_of(part) < i; });
      for (; c != vetoes.end() && intent_of(*c) == intent; ++c) {
        if (rule_matches(*c)) {
          e.veto = rules_[parts_[*c].rule].ref.index;
          break;
        }
      }
    }
    return e.veto >= 0;
  };

  std::vector<ScoredIntent> scored;
  scored.reserve(scratch.with_evidence_count);
  for (std::size_t k = 0; k < scratch.with_evidence_count; ++k) {  // any order: ranked below
    const std::uint32_t i = scratch.with_evidence[k];
    const Evidence& e = evidence[i];
    if (!active(i, context) || (e.pattern >= 0 && vetoed(i))) continue;
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
  auto better = [](const ScoredIntent& a, const ScoredIntent& b) {
    if (a.confidence != b.confidence) return a.confidence > b.confidence;
    return a.intent < b.intent;
  };
  // The best kMaxCandidates, best first, none vetoed.
  std::size_t top = 0;
  // One pass: the front `top` are kept best first, and a candidate better
  // than the last of them trades places with it and rises (a message gives
  // evidence to a few intents, or to many of a large pack: a sort of them
  // all would cost more than this).
  auto select_top = [&] {
    top = std::min(kMaxCandidates, scored.size());
    for (std::size_t i = 0; i < scored.size(); ++i) {
      std::size_t k = i;
      if (i >= top) {
        if (!better(scored[i], scored[top - 1])) continue;
        std::swap(scored[i], scored[top - 1]);
        k = top - 1;
      }
      for (; k > 0 && better(scored[k], scored[k - 1]); --k) std::swap(scored[k], scored[k - 1]);
    }
  };
  // Vetoed candidates in the front leave the list and the rest is selected
  // again, until the front stands: the same as the best of those not vetoed
  // (`better` is a total order), without ranking them all.
  auto is_vetoed = [&](const ScoredIntent& c) { return vetoed(static_cast<std::size_t>(c.intent)); };
  for (select_top(); std::any_of(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(top), is_vetoed);
       select_top()) {
    const auto front = scored.begin() + static_cast<std::ptrdiff_t>(top);
    scored.erase(std::remove_if(scored.begin(), front, is_vetoed), front);
  }
  scored.resize(top);
  result.ranked = std::move(scored);
  if (aside.pattern >= 0) {
    result.set_aside = aside.aside;
    result.set_aside_by = aside.pattern;
  }

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
    const int rule = static_cast<int>(first_pattern_[static_cast<size_t>(result.ranked[0].intent)]) +
                     result.ranked[0].evidence.pattern;
    if (const RE2& re = rule_regex(static_cast<size_t>(rule)); !re.NamedCapturingGroups().empty()) {
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
  lines.reserve(3 + result.input.corrections.size() + result.input.entities.size() + result.ranked.size());
  lines.push_back("normalised: \"" + result.input.text + "\"");
  for (const auto& [from, to] : result.input.corrections) {
    lines.push_back("corrected: \"" + from + "\" -> \"" + to + "\"");
  }
  for (const auto& e : result.input.entities) {
    lines.push_back("entity: " + e.type + " = \"" + e.value + "\"");
  }
  if (result.input.truncated) lines.push_back("message was cut at the maximum length");
  if (result.set_aside_by >= 0) {
    std::string line = "set aside: \"" + result.set_aside + "\" (a rule matching only inside it does not count)";
    AppendWhere(line, pack_.locale.set_aside[static_cast<size_t>(result.set_aside_by)].where);
    lines.push_back(std::move(line));
  }

  for (const auto& s : result.ranked) {
    const auto& intent = pack_.intents[static_cast<size_t>(s.intent)];
    std::string line;
    line.reserve(256);
    line += "candidate ";
    line += intent.id;
    line += ' ';
    AppendTwoDecimals(line, s.confidence);
    line += ':';
    auto rule = [&line](const char* kind, const intents::Text& text) {
      line += kind;
      line += text.value;
      line += '\'';
      AppendWhere(line, text.where);
      line += ';';
    };
    if (s.evidence.pattern >= 0) rule(" pattern '", intent.patterns[static_cast<size_t>(s.evidence.pattern)]);
    if (s.evidence.phrase >= 0) rule(" phrase '", intent.phrases[static_cast<size_t>(s.evidence.phrase)]);
    if (s.evidence.example >= 0) {
      const auto& x = intent.examples[static_cast<size_t>(s.evidence.example)];
      line += " example '";
      line += x.value;
      line += "' similarity ";
      AppendTwoDecimals(line, s.evidence.similarity);
      AppendWhere(line, x.where);
    }
    lines.push_back(std::move(line));
  }
  std::string decision = "decision: ";
  decision += decision_name(result.decision);
  if (result.decision == Decision::kIntent) {
    decision += ' ';
    decision += pack_.intents[static_cast<size_t>(result.ranked[0].intent)].id;
  }
  decision += " (threshold ";
  AppendTwoDecimals(decision, pack_.locale.fallback_threshold);
  decision += ", margin ";
  AppendTwoDecimals(decision, pack_.locale.ambiguity_margin);
  decision += ')';
  lines.push_back(std::move(decision));
  return lines;
}

}  // namespace parley::matcher
