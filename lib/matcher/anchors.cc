#include "matcher/anchors.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <span>

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

// One element of a sequence (a regex without a top-level '|'), as far as
// the ends of its matches go.
struct Element {
  enum Kind : std::uint8_t { kByte, kDigit, kGroup, kWordBoundary, kOther } kind = kOther;
  char byte = 0;               // kByte: the byte it matches (kDigit: any of 0-9)
  std::string_view inside;     // kGroup: what is between its parentheses
  bool may_be_absent = false;  // quantified by ?, *, {0,...}
  bool quantified = false;     // by anything
  bool optional = false;       // by '?' alone: there once or not at all
};

// The index of the ')' closing the group opened at regex[open], or npos.
std::size_t GroupEnd(std::string_view regex, std::size_t open) {
  std::size_t depth = 0;
  for (std::size_t i = open; i < regex.size(); ++i) {
    const char c = regex[i];
    if (c == '\\') {
      ++i;
    } else if (c == '[') {
      return std::string_view::npos;  // classes are not read (nor is what follows)
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

// `sequence` as elements; nullopt for syntax not read here (classes,
// flags, quoting, escapes with arguments, a top-level '|', a quantified
// byte of a multi-byte character).
std::optional<std::vector<Element>> ReadSequence(std::string_view sequence) {
  std::vector<Element> out;
  for (std::size_t i = 0; i < sequence.size();) {
    Element e;
    const char c = sequence[i];
    if (c == '\\') {
      if (i + 1 >= sequence.size()) return std::nullopt;
      const char escaped = sequence[i + 1];
      const bool letter = (escaped >= 'a' && escaped <= 'z') || (escaped >= 'A' && escaped <= 'Z');
      if (escaped == 'Q' || escaped == 'p' || escaped == 'P' || escaped == 'x' || escaped == 'C') return std::nullopt;
      if (escaped == 'd') {
        e.kind = Element::kDigit;
      } else if (escaped == 'b' || escaped == 'B') {
        e.kind = Element::kWordBoundary;  // \b, \B: they match no byte
      } else if (letter || (escaped >= '0' && escaped <= '9')) {
        e.kind = Element::kOther;  // \d, \w, \A, ... (and octal)
      } else {
        e.kind = Element::kByte;
        e.byte = escaped;
      }
      i += 2;
    } else if (c == '(') {
      const std::size_t close = GroupEnd(sequence, i);
      if (close == std::string_view::npos) return std::nullopt;
      std::size_t open = i + 1;
      if (sequence.compare(i, 3, "(?:") == 0) {
        open = i + 3;
      } else if (sequence.compare(i, 4, "(?P<") == 0) {
        open = sequence.find('>', i);
        if (open == std::string_view::npos || open > close) return std::nullopt;
        ++open;
      } else if (sequence.compare(i, 2, "(?") == 0) {
        return std::nullopt;  // flags
      }
      e.kind = Element::kGroup;
      e.inside = sequence.substr(open, close - open);
      i = close + 1;
    } else if (c == '|' || c == '[' || c == ')') {
      return std::nullopt;
    } else if (is_regex_syntax(c) && c != '^' && c != '$' && c != '.') {
      return std::nullopt;  // a quantifier with nothing to quantify
    } else {
      e.kind = c == '^' || c == '$' || c == '.' ? Element::kOther : Element::kByte;
      e.byte = c;
      ++i;
    }
    // Its quantifier, if any (and a lazy or possessive mark after it).
    if (i < sequence.size()) {
      const char q = sequence[i];
      if (q == '?' || q == '*' || q == '+') {
        e.quantified = true;
        e.may_be_absent = q != '+';
        e.optional = q == '?';
        ++i;
      } else if (q == '{') {
        const std::size_t close = sequence.find('}', i);
        if (close == std::string_view::npos) return std::nullopt;
        const std::string_view count = sequence.substr(i + 1, close - i - 1);
        if (count.empty() || count[0] < '0' || count[0] > '9') return std::nullopt;
        e.quantified = true;
        e.may_be_absent = count[0] == '0' && (count.size() == 1 || count[1] == ',');
        i = close + 1;
      }
      if (e.quantified && i < sequence.size() && (sequence[i] == '?' || sequence[i] == '+')) ++i;
      if (e.quantified && e.kind == Element::kByte && static_cast<unsigned char>(e.byte) >= 0x80) return std::nullopt;
    }
    out.push_back(e);
  }
  return out;
}

// Adds `more` to `to`; false when `to` grows past 4 * kMaxAnchoredSuffixes
// strings (before they are cut to shortest forms, which drops some).
bool AddAll(std::vector<std::string>& to, std::vector<std::string> more) {
  for (auto& s : more) to.push_back(std::move(s));
  return to.size() <= 4 * kMaxAnchoredSuffixes;
}

std::optional<std::vector<std::string>> Endings(std::span<const Element> sequence, int depth);

// The ends of every match of one alternative of a group, or of a regex.
std::optional<std::vector<std::string>> AlternativeEndings(std::string_view alternative, int depth) {
  const auto elements = ReadSequence(alternative);
  if (!elements) return std::nullopt;
  return Endings(*elements, depth);
}

// Strings one of which every match of `sequence` ends with (not yet cut to
// shortest forms); nullopt when a match may end otherwise, or be empty.
std::optional<std::vector<std::string>> Endings(std::span<const Element> sequence, int depth) {
  if (sequence.empty() || depth > 8) return std::nullopt;
  const Element& last = sequence.back();
  const auto before = sequence.first(sequence.size() - 1);
  std::vector<std::string> own;
  bool may_be_absent = last.may_be_absent;
  switch (last.kind) {
    case Element::kOther:
      return std::nullopt;
    case Element::kWordBoundary:
      return Endings(before, depth);  // what ends there ends the match
    case Element::kDigit:
    case Element::kByte:
      if (!last.quantified && last.kind == Element::kByte) {
        // A run of plain bytes: matches end with all of it.
        std::size_t first = sequence.size() - 1;
        while (first > 0 && sequence[first - 1].kind == Element::kByte && !sequence[first - 1].quantified &&
               sequence.size() - first < kMaxAnchoredSuffix) {
          --first;
        }
        std::string run;
        for (std::size_t k = first; k < sequence.size(); ++k) run += sequence[k].byte;
        return std::vector<std::string>{std::move(run)};
      }
      {
        const std::string_view bytes =
            last.kind == Element::kDigit ? std::string_view("0123456789") : std::string_view(&last.byte, 1);
        if (last.optional) {
          // "ab?": ends with "b" after what "a" ends with, or with that.
          auto endings = Endings(before, depth);
          if (!endings || endings->size() * (bytes.size() + 1) > 4 * kMaxAnchoredSuffixes) return std::nullopt;
          const std::size_t count = endings->size();
          for (const char byte : bytes) {
            for (std::size_t k = 0; k < count; ++k) endings->push_back((*endings)[k] + byte);
          }
          return endings;
        }
        for (const char byte : bytes) own.emplace_back(1, byte);
      }
      break;
    case Element::kGroup: {
      const std::vector<std::string> alternatives = top_level_alternatives(last.inside);
      if (alternatives.size() == 1 && HasTopLevelBar(last.inside)) return std::nullopt;
      for (const auto& alternative : alternatives) {
        if (alternative.empty()) {
          may_be_absent = true;
          continue;
        }
        auto endings = AlternativeEndings(alternative, depth + 1);
        if (!endings || !AddAll(own, std::move(*endings))) return std::nullopt;
      }
      break;
    }
  }
  if (may_be_absent) {
    auto endings = Endings(before, depth);
    if (!endings || !AddAll(own, std::move(*endings))) return std::nullopt;
  }
  return own;
}

}  // namespace

std::vector<std::string> anchored_suffixes(std::string_view regex) {
  if (regex.size() < 2 || regex.back() != '$' || regex[regex.size() - 2] == '\\' ||
      regex.find("\\Q") != std::string_view::npos || HasTopLevelBar(regex)) {
    return {};
  }
  auto endings = AlternativeEndings(regex.substr(0, regex.size() - 1), 0);
  if (!endings) return {};
  std::vector<std::string> ends;
  for (auto& end : *endings) {
    if (end.empty()) return {};
    if (end.size() > kMaxAnchoredSuffix) end.erase(0, end.size() - kMaxAnchoredSuffix);
    std::reverse(end.begin(), end.end());
    ends.push_back(std::move(end));
  }
  // Reversed, "ks" makes "thanks" redundant as "y" did "yes" for prefixes.
  std::sort(ends.begin(), ends.end());
  std::vector<std::string> out;
  for (auto& end : ends) {
    if (out.empty() || end.compare(0, out.back().size(), out.back()) != 0) out.push_back(std::move(end));
  }
  if (out.size() > kMaxAnchoredSuffixes) return {};
  for (auto& end : out) std::reverse(end.begin(), end.end());
  std::sort(out.begin(), out.end());
  return out;
}

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

SuffixIndex::SuffixIndex(const std::vector<std::vector<std::string>>& sets) {
  std::vector<std::vector<std::string>> reversed = sets;
  for (auto& set : reversed) {
    for (auto& member : set) std::reverse(member.begin(), member.end());
  }
  reversed_ = PrefixIndex(reversed);
}

}  // namespace parley::matcher
