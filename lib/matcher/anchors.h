// Where the matches of a regular expression must begin and end: the cheap
// tests that turn down, before RE2 runs, a rule anchored at the start of the
// text ("^ ?(?:hi+|hello|hey)...") on a message that begins otherwise, or
// one anchored at its end ("...(?: please| pls)? ?$") on a message that
// ends otherwise.
#ifndef PARLEY_MATCHER_ANCHORS_H_
#define PARLEY_MATCHER_ANCHORS_H_

#include <cstddef>
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

// When every match of `regex` (RE2 syntax, case-sensitive, not multi-line)
// ends at the end of the text, its last element being an unescaped '$':
// strings one of which such a text ends with ("^(?:thanks|ta)(?: mate)? ?$"
// -> " mate", "ta", "thanks", and each with a space after). Empty when that is
// not so or not known: no final '$', a top-level '|', flags or quoting, or
// an alternative that may end with a class, '.', an anchor or nothing.
// Shortest forms only ("ks" stands for "thanks" too), at most the last
// kMaxAnchoredSuffix bytes of each, and at most kMaxAnchoredSuffixes of them.
inline constexpr std::size_t kMaxAnchoredSuffix = 8;
inline constexpr std::size_t kMaxAnchoredSuffixes = 256;
std::vector<std::string> anchored_suffixes(std::string_view regex);

// Many sets of prefixes (anchored_prefixes of many regexes) tested at once:
// one walk along a text's first bytes says which sets it begins with a
// member of, however many sets there are (a test per set would cost what
// the pack holds; the walk costs what the text's beginning shares with the
// prefixes). Immutable, thread-safe to share.
class PrefixIndex {
 public:
  PrefixIndex() = default;
  // Set k is `sets[k]`, as anchored_prefixes returns it: none empty, none
  // a prefix of another (an empty set is never passed).
  explicit PrefixIndex(const std::vector<std::vector<std::string>>& sets);

  // Calls visit(k) once for every set k one of whose members `text` begins
  // with, shorter members first.
  template <typename Visit>
  void for_each_passed(std::string_view text, Visit&& visit) const {
    walk(text.size(), [text](std::size_t i) { return text[i]; }, visit);
  }

 private:
  friend class SuffixIndex;
  // The walk along bytes byte_at(0), byte_at(1)... of a text of `size`.
  template <typename ByteAt, typename Visit>
  void walk(std::size_t size, ByteAt&& byte_at, Visit&& visit) const {
    if (nodes_.empty()) return;
    std::uint32_t node = 0;
    for (std::size_t i = 0;; ++i) {
      const Node& n = nodes_[node];
      for (std::uint32_t k = n.sets_begin; k < n.sets_end; ++k) visit(sets_[k]);
      if (i == size) return;
      const auto byte = static_cast<unsigned char>(byte_at(i));
      node = kNoNode;
      if (i == 0) {
        node = root_children_[byte];
      } else {
        for (std::uint32_t e = n.edges_begin; e < n.edges_end; ++e) {
          if (edges_[e].byte == byte) {
            node = edges_[e].node;
            break;
          }
        }
      }
      if (node == kNoNode) return;
    }
  }

  static constexpr std::uint32_t kNoNode = UINT32_MAX;
  struct Node {
    std::uint32_t edges_begin = 0, edges_end = 0;  // into edges_ (unused at the root)
    std::uint32_t sets_begin = 0, sets_end = 0;    // into sets_: sets with this member
  };
  struct Edge {
    unsigned char byte;
    std::uint32_t node;
  };
  std::vector<Node> nodes_;  // the root first, then breadth first
  std::vector<Edge> edges_;
  std::vector<std::uint32_t> sets_;
  std::uint32_t root_children_[256] = {};  // the root's edges by byte (most texts stop there)
};

// Many sets of suffixes (anchored_suffixes of many regexes) tested at once,
// as PrefixIndex tests prefixes: a PrefixIndex of the reversed members,
// walked from a text's last byte back.
class SuffixIndex {
 public:
  SuffixIndex() = default;
  explicit SuffixIndex(const std::vector<std::vector<std::string>>& sets);

  // Calls visit(k) once for every set k one of whose members `text` ends
  // with, shorter members first.
  template <typename Visit>
  void for_each_passed(std::string_view text, Visit&& visit) const {
    const std::size_t last = text.size() - 1;
    reversed_.walk(text.size(), [text, last](std::size_t i) { return text[last - i]; }, visit);
  }

 private:
  PrefixIndex reversed_;
};

}  // namespace parley::matcher

#endif  // PARLEY_MATCHER_ANCHORS_H_
