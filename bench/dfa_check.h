// Whether RE2's DFA copes with a compiled pack's rule sets. RE2::Set::Match
// returns false ("no rule matched") when its DFA runs out of memory, and the
// matcher cannot tell that from a real miss; this rebuilds the same three
// sets with the same options and counts such failures over a corpus.
#ifndef PARLEY_BENCH_DFA_CHECK_H_
#define PARLEY_BENCH_DFA_CHECK_H_

#include <string>
#include <vector>

#include "matcher/matcher.h"

namespace parley::bench {

struct DfaFailures {
  int patterns = 0, phrases = 0, vetoes = 0;  // messages whose set search failed
};

// Must mirror IntentMatcher::compile_rules (lib/matcher/matcher.cc): same
// regexes, same RE2 options (max_mem 64 MiB, unanchored), same padding.
DfaFailures count_dfa_failures(const matcher::IntentMatcher& m,
                               const std::vector<std::string>& messages);

}  // namespace parley::bench

#endif  // PARLEY_BENCH_DFA_CHECK_H_
