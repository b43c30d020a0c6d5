// The English pack's rules and every message we have for it, for tests that
// check a rule filter against RE2 on all of them.
#ifndef PARLEY_TESTS_MATCHER_PACK_TEXTS_H_
#define PARLEY_TESTS_MATCHER_PACK_TEXTS_H_

#include <memory>
#include <string>
#include <vector>

#include "intents/pack.h"
#include "matcher/matcher.h"

namespace parley::testing {

struct PackTexts {
  intents::Pack pack;
  std::shared_ptr<const matcher::IntentMatcher> matcher;
  // Every rule's regex: patterns, `not` patterns and phrases as compiled.
  std::vector<std::string> regexes;
  // Examples, held-out and fresh test messages, out-of-domain messages,
  // normalised as the matcher sees them.
  std::vector<std::string> texts;
};

// Loads intents/en under $PARLEY_SOURCE_ROOT (or "."); fails the test if it
// does not compile.
PackTexts load_english_pack_texts();

}  // namespace parley::testing

#endif  // PARLEY_TESTS_MATCHER_PACK_TEXTS_H_
