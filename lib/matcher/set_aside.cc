#include "matcher/set_aside.h"

#include <algorithm>
#include <atomic>

#include "matcher/rule_filter.h"

namespace parley::matcher {

namespace {

RE2::Options AsideOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  return options;
}

bool IsSpace(char c) { return c == ' '; }

// A compiled regex handed out once, to whichever thread asks first.
class FirstCopy {
 public:
  explicit FirstCopy(std::unique_ptr<RE2> re) : re_(re.release()) {}
  FirstCopy(const FirstCopy&) = delete;
  FirstCopy& operator=(const FirstCopy&) = delete;
  ~FirstCopy() { delete re_.load(); }
  std::unique_ptr<RE2> take() { return std::unique_ptr<RE2>(re_.exchange(nullptr)); }

 private:
  std::atomic<RE2*> re_;
};

}  // namespace

SetAside::SetAside(const std::vector<intents::Text>& patterns, std::vector<intents::Diagnostic>& diagnostics) {
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    const intents::Text& p = patterns[i];
    auto checked = std::make_unique<RE2>(p.value, AsideOptions());
    const RE2& check = *checked;
    if (!check.ok()) {
      diagnostics.push_back({p.where, intents::Severity::kError, "bad set_aside pattern: " + check.error()});
      continue;
    }
    const auto& groups = check.NamedCapturingGroups();
    const auto aside = groups.find("aside");
    if (aside == groups.end()) {
      diagnostics.push_back({p.where, intents::Severity::kError,
                             "set_aside pattern has no group (?P<aside>...) to say which words it sets aside"});
      continue;
    }
    const int group = aside->second;
    // The first thread to ask gets the regex compiled here; others their own.
    auto first = std::make_shared<FirstCopy>(std::move(checked));
    auto compiled = std::make_unique<Compiled>(static_cast<int>(i), [source = p.value, first] {
      std::unique_ptr<RE2> re = first->take();
      return re ? std::move(re) : std::make_unique<RE2>(source, AsideOptions());
    });
    compiled->group = group;
    compiled->required = required_literals(p.value);
    patterns_.push_back(std::move(compiled));
  }
}

SetAside::Result SetAside::apply(std::string_view text, unsigned slot, std::uint64_t worth_trying) const {
  Result result;
  for (std::size_t k = 0; k < patterns_.size(); ++k) {
    if (k < kMaxSkippable && !(worth_trying >> k & 1)) continue;
    const auto& p = patterns_[k];
    const RE2& re = p->regex.get(slot);
    const int groups = p->group + 1;
    re2::StringPiece found[8];
    std::vector<re2::StringPiece> many;
    re2::StringPiece* spans = found;
    if (groups > 8) {
      many.resize(static_cast<std::size_t>(groups));
      spans = many.data();
    }
    if (!re.Match(text, 0, text.size(), RE2::UNANCHORED, spans, groups)) continue;
    const re2::StringPiece aside = spans[p->group];
    if (aside.data() == nullptr) continue;
    // Whole words only: the span grows to the words it touches.
    auto begin = static_cast<std::size_t>(aside.data() - text.data());
    auto end = begin + aside.size();
    if (begin < end) {
      while (begin > 0 && !IsSpace(text[begin]) && !IsSpace(text[begin - 1])) --begin;
      while (end < text.size() && !IsSpace(text[end - 1]) && !IsSpace(text[end])) ++end;
    }
    std::string_view before = text.substr(0, begin), after = text.substr(end);
    while (!before.empty() && IsSpace(before.back())) before.remove_suffix(1);
    while (!after.empty() && IsSpace(after.front())) after.remove_prefix(1);
    std::string_view words = text.substr(begin, end - begin);
    while (!words.empty() && IsSpace(words.back())) words.remove_suffix(1);
    while (!words.empty() && IsSpace(words.front())) words.remove_prefix(1);
    if (words.empty() || (before.empty() && after.empty())) continue;  // nothing, or everything
    result.pattern = p->index;
    result.aside = std::string(words);
    result.rest.reserve(before.size() + 1 + after.size());
    result.rest = before;
    if (!before.empty() && !after.empty()) result.rest += ' ';
    result.rest += after;
    return result;
  }
  return result;
}

}  // namespace parley::matcher
