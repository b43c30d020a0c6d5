// The compiled intent set of one locale and the matching of one message.
//
// Compile once (IntentMatcher::compile), share everywhere: an IntentMatcher
// is immutable and thread-safe. Matching cost does not grow linearly with
// the number of intents: a pattern, phrase or veto runs only when the
// literal words it requires occur in the message (found in one pass for
// all rules), and examples are reached through an inverted index over
// their informative words.
#ifndef PARLEY_MATCHER_MATCHER_H_
#define PARLEY_MATCHER_MATCHER_H_

#include <re2/re2.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "intents/diagnostic.h"
#include "intents/pack.h"
#include "matcher/anchors.h"
#include "matcher/entities.h"
#include "matcher/normalizer.h"
#include "matcher/rule_memo.h"
#include "matcher/set_aside.h"
#include "text/frozen_map.h"
#include "text/literals.h"
#include "text/per_thread.h"
#include "text/string_map.h"

namespace parley::matcher {

// Where the dialogue is, as far as intent activation is concerned.
struct MatchContext {
  bool question_pending = false;  // the bot asked a yes/no question
  bool slot_pending = false;      // the bot is waiting for a value
  bool choice_pending = false;    // the bot asked which of two requests was meant
};

// The dialogue context `intent` needs to be recognised: the states its
// `context:` list names (affirm: a pending yes/no question); none, for an
// intent active in every state.
MatchContext context_of(const intents::IntentDef& intent);

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
  // Words a `set_aside:` pattern of the locale set aside ("not the
  // password, just ...": "not the password"): a pattern, phrase or veto
  // that matched only inside them did not count. Empty when none did;
  // `set_aside_by` indexes the locale's list.
  std::string set_aside;
  int set_aside_by = -1;

  const ScoredIntent* best() const { return ranked.empty() ? nullptr : &ranked.front(); }
};

class IntentMatcher {
 public:
  static constexpr size_t kMaxCandidates = 5;

  // Compiles a loaded pack. Every problem (bad RE2 with RE2's message, bad
  // phrase, unknown synonym class, slot entity without a definition) is
  // appended to `diagnostics`; returns nullptr if any of them is an error.
  //
  // `rule_memo_file` (optional): a file where compile keeps what it learnt
  // about the rules' regexes, so that compiling rules it has seen before (a
  // restart, or a reload after an edit) skips half the work (rule_memo.h).
  // Reading or writing it never fails the compile.
  static std::shared_ptr<const IntentMatcher> compile(
      intents::Pack pack, std::vector<intents::Diagnostic>& diagnostics,
      const std::string& rule_memo_file = {});

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
  enum class RuleKind : std::uint8_t { kPattern, kPhrase, kVeto };
  struct RuleRef {  // one member of rules_
    int intent;
    int index;  // into the intent's patterns, phrases or vetoes
    RuleKind kind;
  };
  struct ExampleRef {
    int intent;
    int index;
  };
  struct Posting {
    std::uint32_t example;
    // The word's weight squared over the norm of the example's weighted
    // word vector: summed over the words an example shares with a message,
    // the cosine similarity times the message's norm (the examples' norms
    // are not read at match time).
    float weight_sq_over_norm;
  };
  // A canonical word used by some example ("track", "@order", "not:@pay").
  struct Term {
    float weight;                  // idf weight
    std::uint32_t postings_begin;  // its examples: postings_[begin, end);
    std::uint32_t postings_end;    // empty for words too common to walk
  };
  // A message's words as the similarity sees them: terms (sorted, unique)
  // and how many distinct canonical words no example uses.
  struct MessageTerms {
    std::vector<std::uint32_t> terms;
    // Distinct canonical words no example uses: the locale's stopwords
    // among them in `unknown_stopwords`, the others in `unknown`.
    std::size_t unknown = 0;
    std::size_t unknown_stopwords = 0;
  };

  // Per distinct regex (regexes_): for a rule's whole regex, RE2's error if
  // it does not parse; for a part, the literals it requires (rule_filter.h)
  // and, if it is anchored at the start or end, its prefixes or suffixes
  // (anchors.h). Threads share the work through `next`; `done` counts
  // regexes finished.
  struct RuleAnalysis {
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    // What each regex is (both, when a rule is not split); `whole`: the
    // whole regex of a pattern or veto, which RE2 is asked to validate.
    std::vector<char> whole, part;
    std::vector<char> memoised;  // its facts came from the rule memo
    std::vector<std::string> errors;
    std::vector<RuleFacts> facts;
  };
  void compile_rules(std::vector<intents::Diagnostic>& diagnostics);
  // Analyses regexes until none is left; safe to run on several threads
  // while another indexes the examples. The thread that finishes the last
  // one builds the filter (build_filter), which touches nothing else.
  void analyse_rules(RuleAnalysis& analysis);
  // Validates regex `r` (if a whole rule's) and reads its literals and
  // anchors (if a part's, and valid) into `analysis`.
  void analyse_rule(std::size_t r, RuleAnalysis& analysis) const;
  void build_filter(const RuleAnalysis& analysis);
  // Fills `analysis` from the memo in `file`; writes the memo back once
  // compiled cleanly, if anything was analysed afresh.
  void recall_rules(const std::string& file, RuleAnalysis& analysis) const;
  void remember_rules(const std::string& file, const RuleAnalysis& analysis) const;
  // Once the filter is built: orders each part's literal groups rarest
  // first, by how many of `texts` (the examples, normalised: what customers
  // write) hold one of the group's literals, and files each part under its
  // rarest group's literals. A part is then looked at only for messages
  // with its rarest literal, and rejected at its next rarest.
  void choose_triggers(const std::vector<std::string>& texts);
  // Once every rule is analysed: the regexes RE2 rejected, as errors.
  void report_rule_errors(const RuleAnalysis& analysis, std::vector<intents::Diagnostic>& diagnostics) const;
  // The pack's examples, intent by intent, normalised by whichever threads
  // are free (normalising reads the normaliser, which nothing changes
  // meanwhile); `done` counts those finished.
  struct ExampleWork {
    std::vector<const std::string*> texts;
    std::vector<Normalized> normalized;
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
  };
  void normalise_examples(ExampleWork& work) const;
  // Once every example is normalised (it waits for the last): builds the
  // example index and appends each example's normalised text to `texts`.
  void index_examples(ExampleWork& work, std::vector<std::string>& texts);
  std::string canonical(const std::string& word) const;
  std::vector<std::string> canonical_words(const std::vector<std::string>& words) const;
  struct Scratch;
  static Scratch& scratch();  // this thread's
  // Sets scratch.terms to the terms of a message's words (`ids`: their
  // word ids, Normalized::word_ids).
  void message_terms(const std::vector<std::string>& words, const std::vector<std::uint32_t>& ids,
                     Scratch& scratch) const;
  // Cosine similarity of the message to every example it shares a term
  // with, through the inverted index: each intent's best example goes into
  // scratch's evidence. Returns the coverage: the share of the message's
  // weight in words some example uses (1 for a message without words).
  double score_examples(const Normalized& message, Scratch& scratch) const;

  intents::Pack pack_;
  std::unique_ptr<EntityExtractor> entities_;
  std::unique_ptr<Normalizer> normalizer_;
  std::unique_ptr<SetAside> set_aside_;
  // Per set_aside pattern (the first SetAside::kMaxSkippable): its
  // required literals as ids of literals_, group by group, each group its
  // size then its ids. The literal finder's pass over a message (which
  // fills scratch.present) says which patterns are worth trying.
  std::vector<std::vector<std::uint32_t>> aside_literals_;
  std::uint64_t asides_worth_trying(const Scratch& scratch) const;
  // Patterns, phrases and vetoes of every intent, each an RE2 over the
  // normalised text (rules with the same regex share one), compiled on
  // first use. A rule is run as its top-level alternatives, its parts
  // ("a|b|c": three; rule_filter.h), and a part runs only when the literals
  // it requires occur in the message; they are all found in one linear pass.
  // (The literals of a big alternation, taken together, are in almost every
  // message; those of one alternative rarely. One RE2::Set of all the rules
  // is faster on texts it has seen, but builds a new DFA state, costing time
  // that grows with the whole pack, for almost every byte of a text it has
  // not seen.) Rules are added intent by intent, patterns first: pattern p
  // of intent i is rule first_pattern_[i] + p.
  struct Regex {
    explicit Regex(std::string regex);
    std::string source;
    text::PerThread<RE2> re;  // compiled on first use, per thread slot
  };
  struct Rule {
    RuleRef ref;
    std::uint32_t regex;                   // the whole regex, into regexes_
    const intents::SourceLocation* where;  // in pack_
  };
  // One top-level alternative of a rule. A rule matches a text when one of
  // its parts does.
  struct Part {
    std::uint32_t rule;   // into rules_
    std::uint32_t regex;  // into regexes_
    // Required literals: a group is a range of group_literals_, read as an
    // OR; the part needs every group (an AND). Its groups are
    // group_ends_[groups_begin, groups_end): each the end of a group, which
    // begins where the one before ends (the first at literals_begin).
    // Rarest first once choose_triggers has run; the first triggers it.
    std::uint32_t literals_begin = 0;
    std::uint32_t groups_begin = 0, groups_end = 0;
    // Other parts have the same regex (a list shared through a YAML anchor,
    // such as a veto many intents carry): its verdict on a message is kept
    // for them.
    bool shared_regex = false;
    // A part anchored at the start (end) of the text: its prefix (suffix)
    // test, which says which texts it may match (kNoAnchorTest: none).
    std::uint32_t prefix_test = kNoAnchorTest;
    std::uint32_t suffix_test = kNoAnchorTest;
  };
  static constexpr std::uint32_t kNoAnchorTest = UINT32_MAX;
  const RE2& rule_regex(std::size_t rule) const;
  // Whether part `part`'s regex matches `text` (the normalised message);
  // a shared regex runs once per message (scratch.regex_tried is reset for
  // each message).
  bool part_matches(std::size_t part, std::string_view text, Scratch& scratch) const;
  // Whether intent `i` can be recognised in `context` (its `context:` list).
  bool active(std::size_t i, const MatchContext& context) const {
    const MatchContext& needs = needs_[i];
    return (!needs.question_pending || context.question_pending) && (!needs.slot_pending || context.slot_pending) &&
           (!needs.choice_pending || context.choice_pending);
  }
  // Sets scratch.candidates to the parts worth running on `text`, in part
  // (so rule) order.
  void candidate_parts(std::string_view text, Scratch& scratch) const;

  std::vector<Rule> rules_;
  std::vector<Part> parts_;                      // rule by rule, in rule order
  std::vector<std::unique_ptr<Regex>> regexes_;  // distinct regexes of rules_ and parts_
  text::LiteralFinder literals_;
  // Read while compiling (choose_triggers copies them into checks_, which
  // is what a match reads).
  std::vector<std::uint32_t> group_literals_;  // literal ids, group by group, part by part
  std::vector<std::uint32_t> group_ends_;      // per group: its end in group_literals_
  // Prefix test t: the text begins with one of the prefixes of a part
  // anchored at the start (Part::prefix_test; anchors.h); suffix test t:
  // it ends with one of the suffixes of a part anchored at the end.
  PrefixIndex prefixes_;
  SuffixIndex suffixes_;
  std::uint32_t prefix_test_count_ = 0, suffix_test_count_ = 0;
  // The parts the anchor tests alone decide (they require no literal),
  // by test: the first prefix tests are those of prefix_decides_ (whose
  // suffix test, if any, must pass too), the first suffix tests those of
  // suffix_decides_ (parts with no prefix test).
  struct DecidedPart {
    std::uint32_t part;
    std::uint32_t suffix_test;
  };
  std::vector<DecidedPart> prefix_decides_;
  std::vector<std::uint32_t> suffix_decides_;
  // Per literal: checks_[begin, next begin) holds a record for each part it
  // triggers: the part, its prefix test, its suffix test, the number of
  // words that follow, then for each of its other groups the group's size
  // and literals.
  std::vector<std::uint32_t> trigger_begin_;
  std::vector<std::uint32_t> checks_;
  static constexpr std::uint32_t kCheckHeader = 4;
  std::vector<std::uint32_t> always_run_;     // parts requiring no literal, beginning nor end
  std::vector<std::uint32_t> first_pattern_;  // per intent
  std::unordered_map<std::string, std::string> canonical_;  // synonym member -> "@class"
  text::FrozenStringMap<std::uint32_t> term_ids_;       // canonical word -> index into terms_
  text::FrozenStringMap<std::uint32_t> surface_terms_;  // message word -> term (synonym members included)
  std::vector<Term> terms_;
  std::vector<Posting> postings_;
  float unknown_weight_ = 1.0f;  // weight of words no example uses
  text::FrozenStringMap<std::uint32_t> unknown_stopwords_;  // stopwords no example uses (canonical)
  std::vector<ExampleRef> examples_;
  std::vector<MatchContext> needs_;  // per intent: context_of(intent)
};

const char* decision_name(Decision d);

}  // namespace parley::matcher

#endif  // PARLEY_MATCHER_MATCHER_H_
