// The content of one locale folder (intents/<locale>/*.yaml) as loaded from
// YAML, before compilation. Plain data; every element remembers where it was
// written so problems can be reported at file:line:column.
#ifndef PARLEY_INTENTS_PACK_H_
#define PARLEY_INTENTS_PACK_H_

#include <map>
#include <string>
#include <vector>

#include "intents/diagnostic.h"

namespace parley::intents {

struct Text {  // a string and where it was written
  std::string value;
  SourceLocation where;
  bool operator==(const Text&) const = default;
};

struct SlotDef {
  std::string name;
  std::string entity;  // entity type that fills it
  bool required = false;
  SourceLocation where;
  bool operator==(const SlotDef&) const = default;
};

struct IntentDef {
  std::string id;
  std::string description;
  int priority = 0;
  std::vector<std::string> contexts;  // empty: active in every state
  std::vector<SlotDef> slots;
  std::vector<Text> patterns;  // RE2 over normalised text
  std::vector<Text> phrases;   // phrase syntax (see docs/intents.md)
  std::vector<Text> vetoes;    // the `not:` patterns
  std::vector<Text> examples;
  SourceLocation where;
  bool operator==(const IntentDef&) const = default;
};

struct SynonymClass {
  std::string name;
  std::vector<std::string> members;  // words or multi-word expressions
  SourceLocation where;
  bool operator==(const SynonymClass&) const = default;
};

struct EntityDef {
  std::string name;
  std::vector<Text> patterns;  // RE2 over folded text; group 1 (if any) is the value
  SourceLocation where;
  bool operator==(const EntityDef&) const = default;
};

struct LocaleSettings {
  std::string tag;                  // defaults to the folder name
  std::string formatting;           // ICU locale for dates and money ("en_GB"); defaults to tag
  bool fold_accents = true;         // "é" -> "e" before matching
  double fallback_threshold = 0.5;  // below: fallback
  double ambiguity_margin = 0.08;   // top two closer than this: ambiguous
  std::vector<std::string> stopwords;  // words that carry no meaning for similarity
  std::vector<std::string> known_words;  // words never "corrected" (not shop words)
  std::string known_words_file;          // a file of such words, one per line
  // RE2 patterns over normalised text, each with a group `(?P<aside>...)`:
  // the first that matches a message sets the words its group spans aside
  // ("not the password, just the email": "not the password"): a pattern,
  // phrase or veto that matches only inside those words does not count.
  std::vector<Text> set_aside;
  bool operator==(const LocaleSettings&) const = default;
};

struct ResponseDef {
  std::string key;
  std::vector<Text> variants;  // ICU MessageFormat patterns
  SourceLocation where;
  bool operator==(const ResponseDef&) const = default;
};

struct FlowSlotDef {
  std::string name;    // slot name (an entity type or a free slot)
  std::string prompt;  // response key asking for it
  int retries = 2;     // re-asks before giving up
  SourceLocation where;
  bool operator==(const FlowSlotDef&) const = default;
};

struct FlowDef {
  std::string intent;
  std::vector<FlowSlotDef> slots;  // asked in order when missing
  bool verify = false;             // identity check before the action runs
  std::string confirm;             // response key of the yes/no confirmation; "" = none
  std::string action;              // name of the C++ action to run
  std::string response;            // response key to answer with when there is no action
  SourceLocation where;
  bool operator==(const FlowDef&) const = default;
};

// When and how the bot escalates to a human (escalation.yaml). Defaults
// apply when a pack has no `escalation:` section.
struct EscalationPolicy {
  int misses_before_handoff = 2;  // consecutive fallbacks that hand over
  int failed_verifications = 3;   // failed identity checks that hand over
  // Frustration: each message scores the sum of the matching cues below;
  // the session's score decays by `decay` per turn and accumulates.
  double offer_at = 3.0;    // offer a human once the score reaches this
  double handoff_at = 5.0;  // hand over when it reaches this after an offer
  double decay = 0.7;       // multiplier applied to the score every turn
  std::map<std::string, double> words;    // single words, e.g. useless: 1.5
  std::map<std::string, double> phrases;  // word sequences, e.g. "third time": 2
  double all_caps = 1.0;                  // a shouted message (3+ letters, all capitals)
  double repeated_punctuation = 0.5;      // "!!!" or "???"
  double repeated_question = 1.5;         // the same message again
  // Sensitive matters hand over at once: topic -> words or word sequences.
  std::map<std::string, std::vector<std::string>> sensitive;
  // Service hours of the human team, local to `timezone` (IANA name).
  std::string timezone = "Europe/London";
  std::vector<int> open_days = {1, 2, 3, 4, 5};  // 0 = Sunday ... 6 = Saturday
  int open_minute = 9 * 60;    // minutes after midnight
  int close_minute = 17 * 60;
  // Intents after whose answer the bot asks "did that help?"; empty: never.
  std::vector<std::string> feedback_after;
  SourceLocation where;
  bool operator==(const EscalationPolicy&) const = default;
};

struct Pack {
  std::string directory;
  LocaleSettings locale;
  std::vector<IntentDef> intents;
  std::vector<SynonymClass> synonyms;
  std::map<std::string, std::string> shorthand;  // word -> expansion
  std::vector<EntityDef> entities;               // in priority order
  std::map<std::string, ResponseDef> responses;
  std::map<std::string, FlowDef> flows;          // by intent id
  EscalationPolicy escalation;
  std::vector<std::string> files;                // the YAML files read, sorted
  std::vector<std::string> other_files;          // other files read (word lists)

  bool operator==(const Pack&) const = default;
};

}  // namespace parley::intents

#endif  // PARLEY_INTENTS_PACK_H_
