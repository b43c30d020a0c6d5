#include "matcher/anchors.h"

#include <algorithm>
#include <iterator>
#include <map>

#include "matcher/rule_filter.h"

namespace parley::matcher {

namespace {

// The text every match of `alternative` begins with: its plain characters
// up to the first other syntax, less the last one if that syntax may repeat
// it zero times ("hey?" -> "he", "hi+" -> "hi").
std::string LeadingLiteral(std::string_view alternative) {
  std::size_t n = 0;
  while (n < alternative.size() && !is_regex_syntax(alternative[n])) ++n;
  if (n > 0 && n < alternative.size()) {
    const char next = alternative[n];
    if (next == '?' || next == '*' || next == '{') --n;
  }
  return std::string(alternative.substr(0, n));
}

// Whether `regex` has a '|' outside every group (it reads no classes or
// quoting: callers turn those down first).
bool HasTopLevelBar(std::string_view regex) {
  std::size_t depth = 0;
  for (std::size_t i = 0; i < regex.size(); ++i) {
    const char c = regex[i];
    if (c == '\\') {
      ++i;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (depth == 0) return true;  // unbalanced: say yes, the safe answer
      --depth;
    } else if (c == '|' && depth == 0) {
      return true;
    }
  }
  return depth != 0;
}

}  // namespace

std::vector<std::string> anchored_prefixes(std::string_view regex) {
  if (regex.empty() || regex.front() != '^') return {};
  if (regex.find('[') != std::string_view::npos || regex.find("\\Q") != std::string_view::npos ||
      HasTopLevelBar(regex)) {
    return {};
  }
  std::string_view rest = regex.substr(1);
  const bool optional_space = rest.substr(0, 2) == " ?";
  if (optional_space) rest.remove_prefix(2);
  std::vector<std::string> leads;
  if (!rest.empty() && rest.front() == '(') {
    // A group: each of its alternatives begins with its own literal.
    std::size_t open = 1;
    if (rest.substr(0, 3) == "(?:") {
      open = 3;
    } else if (rest.substr(0, 4) == "(?P<") {
      open = rest.find('>');
      if (open == std::string_view::npos) return {};
      ++open;
    } else if (rest.size() > 1 && rest[1] == '?') {
      return {};  // flags or other group syntax
    }
    std::size_t depth = 1, end = open;
    for (; end < rest.size(); ++end) {
      if (rest[end] == '\\') {
        ++end;
      } else if (rest[end] == '(') {
        ++depth;
      } else if (rest[end] == ')' && --depth == 0) {
        break;
      }
    }
    if (end >= rest.size()) return {};
    if (end + 1 < rest.size() && (rest[end + 1] == '?' || rest[end + 1] == '*' || rest[end + 1] == '{')) {
      return {};  // the group may be absent
    }
    const std::string_view inside = rest.substr(open, end - open);
    const auto alternatives = top_level_alternatives(inside);
    if (alternatives.size() == 1 && HasTopLevelBar(inside)) return {};  // alternatives not read
    for (const auto& alternative : alternatives) leads.push_back(LeadingLiteral(alternative));
  } else {
    leads.push_back(LeadingLiteral(rest));
  }
  for (const auto& lead : leads) {
    if (lead.empty()) return {};  // an alternative that may begin with anything
  }
  if (optional_space) {
    const std::size_t count = leads.size();
    for (std::size_t k = 0; k < count; ++k) leads.push_back(" " + leads[k]);
  }
  // "y" makes "yes" and "yeah" redundant: keep the shortest forms (sorted,
  // a string's extensions follow it).
  std::sort(leads.begin(), leads.end());
  std::vector<std::string> out;
  for (auto& lead : leads) {
    if (out.empty() || lead.compare(0, out.back().size(), out.back()) != 0) out.push_back(std::move(lead));
  }
  return out;
}

PrefixIndex::PrefixIndex(const std::vector<std::vector<std::string>>& sets) {
  // A trie of every member, built with a map per node, then laid out flat.
  struct Building {
    std::map<unsigned char, std::uint32_t> children;
    std::vector<std::uint32_t> sets;
  };
  std::vector<Building> trie(1);
  for (std::uint32_t k = 0; k < sets.size(); ++k) {
    for (const auto& member : sets[k]) {
      std::uint32_t node = 0;
      for (unsigned char byte : member) {
        auto [it, added] = trie[node].children.emplace(byte, static_cast<std::uint32_t>(trie.size()));
        if (added) trie.emplace_back();
        node = it->second;
      }
      trie[node].sets.push_back(k);
    }
  }
  // Breadth first, so a node's children are numbered together.
  std::vector<std::uint32_t> order{0}, number(trie.size(), kNoNode);
  number[0] = 0;
  for (std::size_t i = 0; i < order.size(); ++i) {
    for (const auto& [byte, child] : trie[order[i]].children) {
      number[child] = static_cast<std::uint32_t>(order.size());
      order.push_back(child);
    }
  }
  nodes_.resize(trie.size());
  std::fill(std::begin(root_children_), std::end(root_children_), kNoNode);
  for (std::size_t i = 0; i < order.size(); ++i) {
    const Building& b = trie[order[i]];
    Node& n = nodes_[i];
    n.sets_begin = static_cast<std::uint32_t>(sets_.size());
    sets_.insert(sets_.end(), b.sets.begin(), b.sets.end());
    n.sets_end = static_cast<std::uint32_t>(sets_.size());
    n.edges_begin = static_cast<std::uint32_t>(edges_.size());
    for (const auto& [byte, child] : b.children) {
      if (i == 0) {
        root_children_[byte] = number[child];
      } else {
        edges_.push_back(Edge{byte, number[child]});
      }
    }
    n.edges_end = static_cast<std::uint32_t>(edges_.size());
  }
}

}  // namespace parley::matcher
