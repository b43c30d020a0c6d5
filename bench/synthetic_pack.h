// Bigger intent packs for the scaling curve of the matcher benchmark, made
// from a real one by cloning its intents.
#ifndef PARLEY_BENCH_SYNTHETIC_PACK_H_
#define PARLEY_BENCH_SYNTHETIC_PACK_H_

#include <cstddef>
#include <string>

#include "intents/pack.h"

namespace parley::bench {

// `base` grown to `intents` intents (no change when it already has that
// many). Clone k of intent "x" is "x__k"; in its patterns, phrases, vetoes
// and examples every word of 3+ letters that is not a stopword gets the
// suffix "zq" + k in letters ("order" -> "orderzqb"), so the vocabulary,
// the inverted index and the RE2 sets really grow while stopwords stay
// shared as they would in a bigger real pack. Regex syntax (escapes, named
// groups, entity and synonym references) is left alone.
intents::Pack grow_pack(const intents::Pack& base, std::size_t intents);

// The suffixing rule on its own, for plain text, regexes and phrases.
std::string tag_words(const std::string& text, const std::string& tag,
                      const intents::LocaleSettings& locale);

}  // namespace parley::bench

#endif  // PARLEY_BENCH_SYNTHETIC_PACK_H_
