// Which literal strings a regular expression needs in a text before it can
// match there: the cheap test that decides whether a rule is worth running.
#ifndef PARLEY_MATCHER_RULE_FILTER_H_
#define PARLEY_MATCHER_RULE_FILTER_H_

#include <string>
#include <string_view>
#include <vector>

namespace parley::matcher {

// Groups of literals, read as an AND of ORs: whenever `regex` (RE2 syntax,
// case-sensitive) matches a text, every group has a member that occurs in
// that text. Derived from the regex source conservatively: parts it cannot
// vouch for (classes, optional parts, case-insensitive flags, syntax it
// does not know) simply require nothing, and an empty result means the
// rule must always run. Literals shorter than 2 bytes are never required
// (they occur almost everywhere). The most selective groups come first.
std::vector<std::vector<std::string>> required_literals(std::string_view regex);

// The top-level alternatives of `regex` ("a|(b|c)d" -> "a", "(b|c)d"): a
// text has a match of `regex` exactly when it has a match of one of them.
// `regex` itself (one element) when it has no top-level '|', or uses syntax
// that could change what an alternative means on its own (flag groups such
// as "(?i)", \Q...\E quoting) or does not parse as balanced groups.
std::vector<std::string> top_level_alternatives(std::string_view regex);

// Whether `c` is RE2 syntax outside a class, one of \()[]{}|.^$*+? (any other
// byte stands for itself).
bool is_regex_syntax(char c);

}  // namespace parley::matcher

#endif  // PARLEY_MATCHER_RULE_FILTER_H_
