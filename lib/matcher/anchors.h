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
    if (nodes_.empty()) return;
    std::uint32_t node = 0;
    for (std::size_t i = 0;; ++i) {
      const Node& n = nodes_[node];
      for (std::uint32_t k = n.sets_begin; k < n.sets_end; ++k) visit(sets_[k]);
      if (i == text.size()) return;
      const auto byte = static_cast<unsigned char>(text[i]);
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

 private:
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

}  // namespace parley::matcher

#endif  // PARLEY_MATCHER_ANCHORS_H_
