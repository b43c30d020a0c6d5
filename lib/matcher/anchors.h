// Where the matches of a regular expression must begin: the cheap test
// that turns down, before RE2 runs, a rule anchored at the start of the
// text ("^ ?(?:hi+|hello|hey)...") on a message that begins otherwise.
#ifndef PARLEY_MATCHER_ANCHORS_H_
#define PARLEY_MATCHER_ANCHORS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley::matcher {

// When every match of `regex` (RE2 syntax, case-sensitive, not multi-line)
// begins at the start of the text: strings one of which such a text begins
// with ("^ ?(?:hi+|hey?)" -> "h", " h"; "^thanks" -> "thanks"). Empty when
// that is not so or not known: `regex` is not anchored by a leading '^',
// has a top-level '|', a class or quoting, or an alternative that may
// begin with anything. Shortest forms only ("y" stands for "yes" too).
std::vector<std::string> anchored_prefixes(std::string_view regex);

// anchored_prefixes in a form quick to test on every message: most texts
// are turned down by their first byte.
class PrefixTest {
 public:
  // `prefixes` as anchored_prefixes returns them: sorted, none empty, none
  // a prefix of another. None: every text passes.
  explicit PrefixTest(std::vector<std::string> prefixes);

  // Whether `text` begins with one of the prefixes.
  bool passes(std::string_view text) const {
    if (prefixes_.empty()) return true;
    if (text.empty() || !may_begin_with(static_cast<unsigned char>(text.front()))) return false;
    return begins_with_one(text);
  }
  // Whether a text beginning with `byte` may pass (every byte, without prefixes).
  bool may_begin_with(unsigned char byte) const {
    return prefixes_.empty() || ((first_bytes_[byte >> 6] >> (byte & 63)) & 1) != 0;
  }

 private:
  bool begins_with_one(std::string_view text) const;
  std::vector<std::string> prefixes_;
  std::uint64_t first_bytes_[4] = {};  // bit per byte some prefix begins with
};

}  // namespace parley::matcher

#endif  // PARLEY_MATCHER_ANCHORS_H_
