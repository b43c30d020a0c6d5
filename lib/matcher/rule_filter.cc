#include "matcher/rule_filter.h"

#include <algorithm>
#include <optional>

namespace parley::matcher {
namespace {

// Sets of strings larger than this are not multiplied out any further.
constexpr std::size_t kMaxExact = 16;
constexpr std::size_t kMinLiteral = 2;
constexpr std::size_t kMaxGroups = 3;

// Sorted, without duplicates (see Normalise).
using Strings = std::vector<std::string>;

void Normalise(Strings& s) {
  if (s.size() < 2) return;
  std::sort(s.begin(), s.end());
  s.erase(std::unique(s.begin(), s.end()), s.end());
}

// What is known about the texts a piece of regex matches: either exactly
// which strings (`exact`), or groups of which every match contains a
// member (`required`, an AND of ORs; empty: nothing known).
struct Info {
  std::optional<Strings> exact;
  std::vector<Strings> required;

  static Info Exactly(Strings s) { return Info{std::move(s), {}}; }
  static Info Anything() { return Info{}; }
  // The groups this piece guarantees, whichever form it is in.
  std::vector<Strings> groups() const { return exact ? std::vector<Strings>{*exact} : required; }
};

std::size_t ShortestLength(const Strings& s) {
  std::size_t shortest = SIZE_MAX;
  for (const auto& x : s) shortest = std::min(shortest, x.size());
  return s.empty() ? 0 : shortest;
}

bool Useful(const Strings& group) { return ShortestLength(group) >= kMinLiteral; }

Strings Product(Strings a, const Strings& b) {
  if (b.size() == 1 && b.front().empty()) return a;  // a word boundary or anchor: nothing to append
  if (b.size() == 1) {  // the common case, a literal character: append in place
    for (auto& x : a) x += b.front();
    Normalise(a);
    return a;
  }
  Strings out;
  out.reserve(a.size() * b.size());
  for (const auto& x : a) {
    for (const auto& y : b) out.push_back(x + y);
  }
  Normalise(out);
  return out;
}

struct Unsupported {};  // syntax this reader does not vouch for

class Reader {
 public:
  explicit Reader(std::string_view regex) : s_(regex) {}

  Info read_all() {
    Info info = alternation();
    if (pos_ != s_.size()) throw Unsupported{};
    return info;
  }

 private:
  bool at_end() const { return pos_ >= s_.size(); }
  char peek() const { return s_[pos_]; }

  Info alternation() {
    std::vector<Info> branches{concatenation()};
    while (!at_end() && peek() == '|') {
      ++pos_;
      branches.push_back(concatenation());
    }
    if (branches.size() == 1) return std::move(branches[0]);
    Strings all;
    bool all_exact = true;
    for (const auto& b : branches) {
      if (!b.exact) {
        all_exact = false;
        break;
      }
      all.insert(all.end(), b.exact->begin(), b.exact->end());
    }
    if (all_exact) {
      Normalise(all);
      if (all.size() <= kMaxExact) return Info::Exactly(std::move(all));
      // Too many to multiply out: every match is one of them all the same,
      // so they are the group the union below would build, sort and get.
      if (ShortestLength(all) < kMinLiteral) return Info::Anything();
      return Info{std::nullopt, {std::move(all)}};
    }
    // Any match is a match of one branch, so contains a member of that
    // branch's best group: the union of the best groups is required.
    Strings required;
    for (const auto& b : branches) {
      const Strings* best = b.exact ? &*b.exact : nullptr;
      for (const auto& group : b.required) {
        if (!best || ShortestLength(group) > ShortestLength(*best)) best = &group;
      }
      if (!best || !Useful(*best)) return Info::Anything();
      required.insert(required.end(), best->begin(), best->end());
    }
    Normalise(required);
    return Info{std::nullopt, {std::move(required)}};
  }

  Info concatenation() {
    std::optional<Strings> run = Strings{""};
    std::vector<Strings> groups;
    bool exact_so_far = true;
    while (!at_end() && peek() != '|' && peek() != ')') {
      Info piece = repetition();
      if (piece.exact) {
        if (run && run->size() * piece.exact->size() <= kMaxExact) {
          run = Product(std::move(*run), *piece.exact);
        } else {
          if (run) groups.push_back(std::move(*run));
          run = std::move(piece.exact);
          exact_so_far = false;
        }
      } else {
        if (run) groups.push_back(std::move(*run));
        run.reset();
        exact_so_far = false;
        groups.insert(groups.end(), std::make_move_iterator(piece.required.begin()),
                      std::make_move_iterator(piece.required.end()));
      }
    }
    if (exact_so_far && run) return Info::Exactly(std::move(*run));
    if (run) groups.push_back(std::move(*run));
    return Info{std::nullopt, std::move(groups)};
  }

  Info repetition() {
    Info atom_info = atom();
    if (at_end()) return atom_info;
    std::size_t min = 1, max = 1;
    const char c = peek();
    if (c == '*' || c == '+' || c == '?') {
      ++pos_;
      min = c == '+' ? 1 : 0;
      max = c == '?' ? 1 : SIZE_MAX;
    } else if (c == '{' && counted(min, max)) {
    } else {
      return atom_info;
    }
    if (!at_end() && peek() == '?') ++pos_;  // non-greedy
    if (min == 0) return Info::Anything();
    if (atom_info.exact && min == max && min <= 3) {
      Strings power{""};
      for (std::size_t i = 0; i < min; ++i) {
        power = Product(std::move(power), *atom_info.exact);
        if (power.size() > kMaxExact) return Info{std::nullopt, atom_info.groups()};
      }
      return Info::Exactly(std::move(power));
    }
    return Info{std::nullopt, atom_info.groups()};
  }

  // "{n}", "{n,}" or "{n,m}" at pos_; consumed if so.
  bool counted(std::size_t& min, std::size_t& max) {
    std::size_t p = pos_ + 1, n = 0, m = 0;
    auto digits = [&](std::size_t& value) {
      const std::size_t start = p;
      while (p < s_.size() && s_[p] >= '0' && s_[p] <= '9' && p - start < 6) {
        value = value * 10 + static_cast<std::size_t>(s_[p] - '0');
        ++p;
      }
      return p > start;
    };
    if (!digits(n)) return false;
    m = n;
    if (p < s_.size() && s_[p] == ',') {
      ++p;
      m = SIZE_MAX;
      std::size_t upper = 0;
      if (digits(upper)) m = upper;
    }
    if (p >= s_.size() || s_[p] != '}') return false;
    pos_ = p + 1;
    min = n;
    max = m;
    return true;
  }

  Info atom() {
    const char c = s_[pos_++];
    switch (c) {
      case '(': return group();
      case '[': return char_class();
      case '.': return Info::Anything();
      case '^':
      case '$': return Info::Exactly({""});
      case '\\': return escape();
      case '*':
      case '+':
      case '?':
      case '{': throw Unsupported{};  // a quantifier with nothing before it
      default: {
        // A run of plain characters is one literal; a quantifier after the
        // run applies to its last character only, which is left for it.
        auto plain = [](char x) { return std::string_view("\\()[]{}|.^$*+?").find(x) == std::string_view::npos; };
        std::size_t end = pos_;
        while (end < s_.size() && plain(s_[end])) ++end;
        if (end > pos_ && end < s_.size() && std::string_view("*+?{").find(s_[end]) != std::string_view::npos) {
          --end;
        }
        std::string literal(1, c);
        literal.append(s_.substr(pos_, end - pos_));
        pos_ = end;
        return Info::Exactly({std::move(literal)});
      }
    }
  }

  Info group() {
    if (!at_end() && peek() == '?') {
      ++pos_;
      if (!at_end() && peek() == ':') {
        ++pos_;
      } else if (s_.substr(pos_, 2) == "P<") {
        const std::size_t close = s_.find('>', pos_);
        if (close == std::string_view::npos) throw Unsupported{};
        pos_ = close + 1;
      } else {
        throw Unsupported{};  // flags such as (?i) change what literals mean
      }
    }
    Info inner = alternation();
    if (at_end() || peek() != ')') throw Unsupported{};
    ++pos_;
    return inner;
  }

  // A class: a few plain characters ("[sz]") are exact; anything else
  // (ranges, negation, escapes, named classes) requires nothing.
  Info char_class() {
    std::size_t p = pos_;
    bool plain = true;
    if (p < s_.size() && s_[p] == '^') {
      plain = false;
      ++p;
    }
    if (p < s_.size() && s_[p] == ']') ++p;  // a leading ']' is literal
    Strings chars;
    if (pos_ < p && plain) chars.push_back("]");
    while (p < s_.size() && s_[p] != ']') {
      if (s_[p] == '\\') {
        plain = false;
        p += 2;
        continue;
      }
      if (s_[p] == '[' && p + 1 < s_.size() && s_[p + 1] == ':') {
        const std::size_t close = s_.find(":]", p + 2);
        if (close == std::string_view::npos) throw Unsupported{};
        plain = false;
        p = close + 2;
        continue;
      }
      if (s_[p] == '-' || static_cast<unsigned char>(s_[p]) >= 0x80) plain = false;
      chars.push_back(std::string(1, s_[p]));
      ++p;
    }
    if (p >= s_.size()) throw Unsupported{};
    pos_ = p + 1;
    Normalise(chars);
    if (plain && !chars.empty() && chars.size() <= 4) return Info::Exactly(std::move(chars));
    return Info::Anything();
  }

  Info escape() {
    if (at_end()) throw Unsupported{};
    const char c = s_[pos_++];
    switch (c) {
      case 'b':
      case 'B':
      case 'A':
      case 'z': return Info::Exactly({""});
      case 'd': case 'D': case 's': case 'S': case 'w': case 'W':
      case 'n': case 't': case 'r': case 'f': case 'v': case 'a':
        return Info::Anything();
      case 'p':
      case 'P':
        if (!at_end() && peek() == '{') {
          const std::size_t close = s_.find('}', pos_);
          if (close == std::string_view::npos) throw Unsupported{};
          pos_ = close + 1;
        } else if (!at_end()) {
          ++pos_;
        }
        return Info::Anything();
      default:
        // Punctuation escapes stand for themselves; letters and digits
        // (\x, \Q, \C, \1...) are left to RE2.
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
          throw Unsupported{};
        }
        return Info::Exactly({std::string(1, c)});
    }
  }

  std::string_view s_;
  std::size_t pos_ = 0;
};

}  // namespace

std::vector<std::vector<std::string>> required_literals(std::string_view regex) {
  std::vector<Strings> groups;
  try {
    groups = Reader(regex).read_all().groups();
  } catch (const Unsupported&) {
    return {};
  }
  groups.erase(std::remove_if(groups.begin(), groups.end(), [](const Strings& g) { return !Useful(g); }),
               groups.end());
  // A member containing another member adds nothing to an OR ("order " is
  // there whenever "order" is): keep the shortest forms, fewer literals.
  for (auto& g : groups) {
    Strings minimal;
    for (const auto& x : g) {
      const bool redundant = std::any_of(g.begin(), g.end(), [&](const std::string& y) {
        return y.size() < x.size() && x.find(y) != std::string::npos;
      });
      if (!redundant) minimal.push_back(x);
    }
    g = std::move(minimal);
  }
  std::stable_sort(groups.begin(), groups.end(), [](const Strings& a, const Strings& b) {
    return ShortestLength(a) > ShortestLength(b);
  });
  if (groups.size() > kMaxGroups) groups.resize(kMaxGroups);
  std::vector<std::vector<std::string>> out;
  for (auto& g : groups) out.emplace_back(g.begin(), g.end());
  return out;
}

std::vector<std::string> top_level_alternatives(std::string_view regex) {
  const std::vector<std::string> whole{std::string(regex)};
  std::vector<std::string> parts;
  std::size_t depth = 0, start = 0;
  for (std::size_t i = 0; i < regex.size(); ++i) {
    const char c = regex[i];
    if (c == '\\') {
      if (i + 1 < regex.size() && regex[i + 1] == 'Q') return whole;
      ++i;  // the escaped character, whatever it is
    } else if (c == '[') {
      // A class: up to its closing ']' (a ']' first, or after '^', is a
      // member; "[:alpha:]" inside is a named class; escapes are skipped).
      std::size_t j = i + 1;
      if (j < regex.size() && regex[j] == '^') ++j;
      if (j < regex.size() && regex[j] == ']') ++j;
      while (j < regex.size() && regex[j] != ']') {
        if (regex[j] == '\\') {
          j += 2;
        } else if (regex.compare(j, 2, "[:") == 0) {
          const std::size_t close = regex.find(":]", j + 2);
          if (close == std::string_view::npos) return whole;
          j = close + 2;
        } else {
          ++j;
        }
      }
      if (j >= regex.size()) return whole;
      i = j;
    } else if (c == '(') {
      if (regex.compare(i, 2, "(?") == 0 && regex.compare(i, 3, "(?:") != 0 && regex.compare(i, 4, "(?P<") != 0) {
        return whole;  // a flag group: "(?i)", "(?s:...)"
      }
      ++depth;
    } else if (c == ')') {
      if (depth == 0) return whole;
      --depth;
    } else if (c == '|' && depth == 0) {
      parts.emplace_back(regex.substr(start, i - start));
      start = i + 1;
    }
  }
  if (depth != 0 || parts.empty()) return whole;
  parts.emplace_back(regex.substr(start));
  return parts;
}

}  // namespace parley::matcher
