#include "matcher/anchors.h"

#include <algorithm>

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

PrefixTest::PrefixTest(std::vector<std::string> prefixes) : prefixes_(std::move(prefixes)) {
  for (const auto& p : prefixes_) {
    const auto first = static_cast<unsigned char>(p.front());
    first_bytes_[first >> 6] |= std::uint64_t{1} << (first & 63);
  }
}

bool PrefixTest::begins_with_one(std::string_view text) const {
  // A prefix of `text` sorts at or before it, and any string sorting
  // between the two would begin with that prefix: so the one candidate is
  // the last prefix not after `text`.
  const auto after = std::upper_bound(prefixes_.begin(), prefixes_.end(), text,
                                      [](std::string_view t, const std::string& p) { return t < p; });
  if (after == prefixes_.begin()) return false;
  const std::string& candidate = *(after - 1);
  return text.substr(0, candidate.size()) == candidate;
}

}  // namespace parley::matcher
