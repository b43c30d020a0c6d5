// What compiling learns about each regex of a pack's rules, kept in a file
// so that compiling the same rules again (a restart, or a reload after an
// edit that left most rules as they were) skips that analysis: checking the
// regex with RE2 and reading its literals and anchored prefixes and
// suffixes, half of compiling the English pack.
//
// The facts are a function of the regex text alone (and of the build, which
// the file records), so a memo can never make a pack compile differently
// from one compiled without it; it only makes it faster. Only regexes RE2
// accepted are kept: a bad one is analysed, and reported, every time.
#ifndef PARLEY_MATCHER_RULE_MEMO_H_
#define PARLEY_MATCHER_RULE_MEMO_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace parley::matcher {

struct RuleFacts {
  bool validated = false;  // RE2 accepted it (rule_options() in matcher.cc)
  bool analysed = false;   // the two below were computed
  std::vector<std::vector<std::string>> required;  // required_literals()
  std::vector<std::string> prefixes;               // anchored_prefixes()
  std::vector<std::string> suffixes;               // anchored_suffixes()
};

class RuleMemo {
 public:
  // The memo in `file`; empty when the file is missing, damaged or written
  // by another build of parley.
  static RuleMemo read(const std::string& file);
  // Replaces `file` atomically with `facts` (regex text, its facts),
  // creating its directory; false when it could not.
  static bool write(const std::string& file,
                    const std::vector<std::pair<std::string_view, const RuleFacts*>>& facts);

  // The facts of `regex`, or nullptr.
  const RuleFacts* find(const std::string& regex) const {
    auto it = facts_.find(regex);
    return it == facts_.end() ? nullptr : &it->second;
  }
  std::size_t size() const { return facts_.size(); }

 private:
  std::unordered_map<std::string, RuleFacts> facts_;
};

}  // namespace parley::matcher

#endif  // PARLEY_MATCHER_RULE_MEMO_H_
