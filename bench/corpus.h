// The message corpus of the matcher benchmark: the held-out English messages
// (tests/data/en/heldout-*.yaml), the out-of-domain ones
// (tests/data/en/out_of_domain.txt), and a typo'd copy of each so that typo
// correction runs as often as it would on real traffic.
#ifndef PARLEY_BENCH_CORPUS_H_
#define PARLEY_BENCH_CORPUS_H_

#include <string>
#include <vector>

namespace parley::bench {

struct Corpus {
  std::vector<std::string> clean;   // as written in tests/data/en
  std::vector<std::string> typoed;  // one per clean message that has a word to garble
  std::vector<std::string> all() const;
};

// Reads the corpus under `root` (the source tree). Exits with a message if a
// file is missing: a benchmark without its data measures nothing.
Corpus load_corpus(const std::string& root);

// The message with two neighbouring letters of its longest word (4+ letters)
// swapped ("order" -> "oredr"), or "" when it has no such word.
std::string with_typo(const std::string& message);

}  // namespace parley::bench

#endif  // PARLEY_BENCH_CORPUS_H_
