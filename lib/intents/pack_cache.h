// A binary copy of a loaded Pack, so that a program started again on
// unchanged content skips parsing YAML (most of the cost of starting).
#ifndef PARLEY_INTENTS_PACK_CACHE_H_
#define PARLEY_INTENTS_PACK_CACHE_H_

#include <string>
#include <vector>

#include "intents/diagnostic.h"
#include "intents/pack.h"

namespace parley::intents {

// Loads the pack in `directory` exactly as load_pack() does, through a cache
// file in `cache_directory` (one file per pack directory, created with the
// directory if missing; empty: no cache, plain load_pack()).
//
// The cache is used only when every file the cached pack was read from
// (the YAML files, which must be the same list, and word lists) is byte for
// byte unchanged, and the cache file itself is intact and was written by
// this build of parley; anything else is a miss. A miss loads with
// load_pack() and, when that reports no diagnostic at all, rewrites the
// cache (atomically: readers see the old file or the new one). Packs with
// warnings or errors are never cached, so their diagnostics are always
// reported. Failing to read or write the cache is never an error: the
// cache only saves time.
Pack load_pack_cached(const std::string& directory, const std::string& cache_directory,
                      std::vector<Diagnostic>& diagnostics);

// The cache file load_pack_cached() uses for `directory`.
std::string pack_cache_file(const std::string& directory, const std::string& cache_directory);

// Beside it: the file where compiling keeps what it learnt about the pack's
// rules (IntentMatcher::compile's `rule_memo_file`, matcher/rule_memo.h).
std::string rule_memo_file(const std::string& directory, const std::string& cache_directory);

}  // namespace parley::intents

#endif  // PARLEY_INTENTS_PACK_CACHE_H_
