#include "matcher/rule_filter.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <numeric>
#include <span>
#include <type_traits>
#include <vector>

namespace parley::matcher {
namespace {

// Sets of strings larger than this are not multiplied out any further.
constexpr std::size_t kMaxExact = 16;
constexpr std::size_t kMinLiteral = 2;
constexpr std::size_t kMaxGroups = 3;

// A set of strings, sorted and without duplicates (see Normalise). The
// strings are views of the regex or of the Reader's arena, and so is the
// array: sets are shared, never copied (a regex of the pack has thousands
// of pieces, and this runs on every regex when a pack is compiled).
using Strings = std::span<const std::string_view>;
using Groups = std::span<const Strings>;

constexpr std::string_view kEmptyStringArray[] = {""};
constexpr Strings kEmptyString{kEmptyStringArray};  // a word boundary or anchor: matches ""

// Every ASCII character, for one-character strings of a class.
constexpr std::array<char, 128> kAscii = [] {
  std::array<char, 128> all{};
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<char>(i);
  return all;
}();

// What is known about the texts a piece of regex matches: either exactly
// which strings (`exact`), or groups of which every match contains a
// member (`required`, an AND of ORs; empty: nothing known).
struct Info {
  bool is_exact = false;
  Strings exact;
  Groups required;

  static Info Exactly(Strings s) { return Info{true, s, {}}; }
  static Info Anything() { return Info{}; }
};

std::size_t ShortestLength(Strings s) {
  std::size_t shortest = SIZE_MAX;
  for (const auto& x : s) shortest = std::min(shortest, x.size());
  return s.empty() ? 0 : shortest;
}

bool Useful(Strings group) { return ShortestLength(group) >= kMinLiteral; }

// The order of std::string_view, sooner where most strings differ: at the
// first byte.
inline bool Less(std::string_view a, std::string_view b) {
  if (!a.empty() && !b.empty() && a[0] != b[0]) {
    return static_cast<unsigned char>(a[0]) < static_cast<unsigned char>(b[0]);
  }
  return a < b;
}

// Sorts `s` and drops duplicates; returns what is left of it.
std::span<std::string_view> Normalise(std::span<std::string_view> s) {
  if (s.size() < 2) return s;
  // Often sorted already: alternatives as written, or a sorted set with a
  // literal appended to every member.
  if (std::adjacent_find(s.begin(), s.end(), [](auto a, auto b) { return !Less(a, b); }) == s.end()) return s;
  std::sort(s.begin(), s.end(), [](auto a, auto b) { return Less(a, b); });
  return s.first(static_cast<std::size_t>(std::unique(s.begin(), s.end()) - s.begin()));
}

// Regex syntax, which ends a run of plain characters; by byte.
constexpr std::array<bool, 256> kSpecial = [] {
  std::array<bool, 256> special{};
  for (const char c : std::string_view("\\()[]{}|.^$*+?")) special[static_cast<unsigned char>(c)] = true;
  return special;
}();

// Bump allocation for one call of required_literals, of arrays of trivial
// types: everything it gives is freed at once when it is destroyed.
class Arena {
 public:
  Arena(std::byte* buffer, std::size_t size) : next_(buffer), left_(size) {}
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  template <typename T>
  std::span<T> array(std::size_t n) {
    static_assert(std::is_trivially_destructible_v<T>);
    T* p = static_cast<T*>(allocate(n * sizeof(T), alignof(T)));
    std::uninitialized_default_construct_n(p, n);
    return {p, n};
  }
  std::string_view copy(std::string_view s) {
    char* p = static_cast<char*>(allocate(s.size(), 1));
    std::memcpy(p, s.data(), s.size());
    return {p, s.size()};
  }
  std::string_view concat(std::string_view a, std::string_view b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    char* p = static_cast<char*>(allocate(a.size() + b.size(), 1));
    std::memcpy(p, a.data(), a.size());
    std::memcpy(p + a.size(), b.data(), b.size());
    return {p, a.size() + b.size()};
  }

 private:
  void* allocate(std::size_t size, std::size_t alignment) {
    const std::size_t skip = (alignment - reinterpret_cast<std::uintptr_t>(next_) % alignment) % alignment;
    if (skip + size > left_) return grow(size, alignment);
    std::byte* p = next_ + skip;
    next_ = p + size;
    left_ -= skip + size;
    return p;
  }
  // A new block, big enough; the ones before stay where they are.
  void* grow(std::size_t size, std::size_t alignment) {
    left_ = std::max(size + alignment, std::size_t{64} * 1024);
    blocks_.push_back(std::make_unique<std::byte[]>(left_));
    next_ = blocks_.back().get();
    return allocate(size, alignment);
  }

  std::byte* next_;
  std::size_t left_;
  std::vector<std::unique_ptr<std::byte[]>> blocks_;
};

struct Unsupported {};  // syntax this reader does not vouch for

// The string every member of a concatenation's run of exact strings is yet
// to be followed by: the single strings of its latest pieces ("\\bwhere
// is\\b", a literal broken by escapes), appended to the members once, not
// piece by piece (copying the members again for each piece took time and,
// in the arena, memory growing with the square of a literal's length).
// Its text is on `stack`, after any of the suffixes of enclosing
// concatenations.
class Suffix {
 public:
  explicit Suffix(std::string& stack) : stack_(stack), begin_(stack.size()) {}

  // Appends the one member of `piece` to the suffix.
  void add(Strings piece) {
    if (piece.front().empty()) return;
    if (pieces_ == 0) {
      first_ = piece;  // most suffixes are one piece: no copy
    } else {
      if (pieces_ == 1) stack_.append(first_.front());
      stack_.append(piece.front());
    }
    ++pieces_;
  }

  // `run` with the suffix appended to every member; the suffix is empty
  // afterwards.
  Strings apply(Strings run, Arena& arena) { return pieces_ == 0 ? run : applied(run, arena); }

 private:
  Strings applied(Strings run, Arena& arena) {
    const std::size_t pieces = pieces_;
    pieces_ = 0;
    if (pieces == 1 && run.size() == 1 && run.front().empty()) return first_;
    const std::string_view suffix = pieces == 1 ? first_.front() : arena.copy(std::string_view(stack_).substr(begin_));
    stack_.resize(begin_);
    const std::span<std::string_view> out = arena.array<std::string_view>(run.size());
    for (std::size_t i = 0; i < run.size(); ++i) out[i] = arena.concat(run[i], suffix);
    return Normalise(out);
  }

  std::string& stack_;
  const std::size_t begin_;
  std::size_t pieces_ = 0;
  Strings first_;  // the first piece
};

class Reader {
 public:
  Reader(std::string_view regex, Arena& arena) : s_(regex), arena_(arena) {
    strings_.reserve(64);
    groups_.reserve(16);
    branches_.reserve(16);
  }

  Info read_all() {
    Info info = alternation();
    if (pos_ != s_.size()) throw Unsupported{};
    return info;
  }

  // The groups `info` guarantees, whichever form it is in.
  Groups groups(const Info& info) {
    if (!info.is_exact) return info.required;
    std::span<Strings> one = arena_.array<Strings>(1);
    one[0] = info.exact;
    return one;
  }

 private:
  bool at_end() const { return pos_ >= s_.size(); }
  char peek() const { return s_[pos_]; }

  // strings_[begin, end) as a set in the arena; strings_ is cut to `begin`.
  Strings take_set(std::size_t begin) {
    const std::span<std::string_view> set = Normalise(std::span(strings_).subspan(begin));
    const std::span<std::string_view> copy = arena_.array<std::string_view>(set.size());
    std::copy(set.begin(), set.end(), copy.begin());
    strings_.resize(begin);
    return copy;
  }

  Strings product(Strings a, Strings b) {
    if (b.size() == 1 && b.front().empty()) return a;
    if (a.size() == 1 && a.front().empty()) return b;  // b is normalised already
    std::span<std::string_view> out = arena_.array<std::string_view>(a.size() * b.size());
    std::size_t n = 0;
    for (const auto& x : a) {
      for (const auto& y : b) out[n++] = arena_.concat(x, y);
    }
    return Normalise(out);
  }

  Info alternation() {
    Info first = concatenation();
    if (at_end() || peek() != '|') return first;
    // The branches are on branches_[begin...), the strings of their union
    // on strings_[strings_begin...): the stacks the nested calls use too,
    // as they were when those returned.
    const std::size_t begin = branches_.size(), strings_begin = strings_.size();
    branches_.push_back(first);
    while (!at_end() && peek() == '|') {
      ++pos_;
      Info branch = concatenation();
      branches_.push_back(branch);
    }
    const std::span<const Info> branches = std::span(branches_).subspan(begin);
    const bool all_exact = std::all_of(branches.begin(), branches.end(), [](const Info& b) { return b.is_exact; });
    Info out;
    if (all_exact) {
      for (const auto& b : branches) strings_.insert(strings_.end(), b.exact.begin(), b.exact.end());
      const Strings all = take_set(strings_begin);
      if (all.size() <= kMaxExact) {
        out = Info::Exactly(all);
      } else if (ShortestLength(all) >= kMinLiteral) {
        // Too many to multiply out: every match is one of them all the
        // same, so they are the group the union below would build.
        out.required = groups(Info::Exactly(all));
      }
    } else {
      // Any match is a match of one branch, so contains a member of that
      // branch's best group: the union of the best groups is required.
      bool useful = true;
      for (const auto& b : branches) {
        const Strings* best = b.is_exact ? &b.exact : nullptr;
        for (const auto& group : b.required) {
          if (!best || ShortestLength(group) > ShortestLength(*best)) best = &group;
        }
        useful = best && Useful(*best);
        if (!useful) break;
        strings_.insert(strings_.end(), best->begin(), best->end());
      }
      if (useful) out.required = groups(Info::Exactly(take_set(strings_begin)));
      strings_.resize(strings_begin);
    }
    branches_.resize(begin);
    return out;
  }

  Info concatenation() {
    // `run`: the exact strings of the pieces since the last group ended,
    // each yet to be followed by `suffix`; the groups so far on
    // groups_[begin...).
    Strings run = kEmptyString;
    Suffix suffix(suffixes_);
    bool have_run = true, exact_so_far = true;
    const std::size_t begin = groups_.size();
    while (!at_end() && peek() != '|' && peek() != ')') {
      const Info piece = repetition();
      if (piece.is_exact) {
        if (have_run && run.size() * piece.exact.size() <= kMaxExact) {
          if (piece.exact.size() == 1) {
            suffix.add(piece.exact);  // every member alike: as many members, as distinct
          } else {
            run = product(suffix.apply(run, arena_), piece.exact);
          }
        } else {
          if (have_run) groups_.push_back(suffix.apply(run, arena_));
          run = piece.exact;
          have_run = true;
          exact_so_far = false;
        }
      } else {
        if (have_run) groups_.push_back(suffix.apply(run, arena_));
        have_run = false;
        exact_so_far = false;
        groups_.insert(groups_.end(), piece.required.begin(), piece.required.end());
      }
    }
    if (exact_so_far) return Info::Exactly(suffix.apply(run, arena_));
    if (have_run) groups_.push_back(suffix.apply(run, arena_));
    const std::span<Strings> out = arena_.array<Strings>(groups_.size() - begin);
    std::copy(groups_.begin() + static_cast<std::ptrdiff_t>(begin), groups_.end(), out.begin());
    groups_.resize(begin);
    return Info{false, {}, out};
  }

  Info repetition() {
    const Info atom_info = atom();
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
    if (atom_info.is_exact && min == max && min <= 3) {
      Strings power = kEmptyString;
      for (std::size_t i = 0; i < min; ++i) {
        power = product(power, atom_info.exact);
        if (power.size() > kMaxExact) return Info{false, {}, groups(atom_info)};
      }
      return Info::Exactly(power);
    }
    return Info{false, {}, groups(atom_info)};
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

  // Exactly the one string s_[begin, end).
  Info source(std::size_t begin, std::size_t end) {
    std::span<std::string_view> one = arena_.array<std::string_view>(1);
    one[0] = s_.substr(begin, end - begin);
    return Info::Exactly(one);
  }

  Info atom() {
    const char c = s_[pos_++];
    switch (c) {
      case '(': return group();
      case '[': return char_class();
      case '.': return Info::Anything();
      case '^':
      case '$': return Info::Exactly(kEmptyString);
      case '\\': return escape();
      case '*':
      case '+':
      case '?':
      case '{': throw Unsupported{};  // a quantifier with nothing before it
      default: {
        // A run of plain characters is one literal; a quantifier after the
        // run applies to its last character only, which is left for it.
        const std::size_t begin = pos_ - 1;
        std::size_t end = pos_;
        while (end < s_.size() && !kSpecial[static_cast<unsigned char>(s_[end])]) ++end;
        if (end > pos_ && end < s_.size() && std::string_view("*+?{").find(s_[end]) != std::string_view::npos) {
          --end;
        }
        pos_ = end;
        return source(begin, end);
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
    const Info inner = alternation();
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
    std::bitset<128> members;  // those of a plain class, which are ASCII
    if (pos_ < p && plain) members.set(']');
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
      const auto byte = static_cast<unsigned char>(s_[p]);
      if (byte == '-' || byte >= members.size()) {
        plain = false;
      } else {
        members.set(byte);
      }
      ++p;
    }
    if (p >= s_.size()) throw Unsupported{};
    pos_ = p + 1;
    if (!plain || members.none() || members.count() > 4) return Info::Anything();
    std::span<std::string_view> chars = arena_.array<std::string_view>(members.count());
    std::size_t n = 0;
    for (std::size_t byte = 0; byte < members.size(); ++byte) {
      if (members[byte]) chars[n++] = std::string_view(&kAscii[byte], 1);
    }
    return Info::Exactly(chars);
  }

  Info escape() {
    if (at_end()) throw Unsupported{};
    const char c = s_[pos_++];
    switch (c) {
      case 'b':
      case 'B':
      case 'A':
      case 'z': return Info::Exactly(kEmptyString);
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
        return source(pos_ - 1, pos_);
    }
  }

  std::string_view s_;
  Arena& arena_;
  std::size_t pos_ = 0;
  // Stacks of what the calls under way have collected so far.
  std::vector<std::string_view> strings_;
  std::vector<Strings> groups_;
  std::vector<Info> branches_;
  std::string suffixes_;  // see Suffix
};

// Inserts `group` into `kept` (`size` of them, the best first) if it is
// among the kMaxGroups best: as a stable sort by shortest member, longest
// first, then truncation would keep them.
void KeepBest(Strings group, std::array<Strings, kMaxGroups>& kept, std::size_t& size) {
  const std::size_t length = ShortestLength(group);
  std::size_t at = size;
  while (at > 0 && ShortestLength(kept[at - 1]) < length) --at;
  if (at == kMaxGroups) return;
  if (size < kMaxGroups) ++size;
  for (std::size_t i = size - 1; i > at; --i) kept[i] = kept[i - 1];
  kept[at] = group;
}

// The pairs of adjacent bytes in `s`, hashed to one bit each: a string
// containing `s` has all of them.
std::uint64_t PairBits(std::string_view s) {
  std::uint64_t bits = 0;
  for (std::size_t i = 1; i < s.size(); ++i) {
    bits |= std::uint64_t{1} << ((static_cast<unsigned char>(s[i - 1]) * 31u + static_cast<unsigned char>(s[i])) & 63u);
  }
  return bits;
}

// `group` without the members containing another member: those add
// nothing to an OR ("order " is there whenever "order" is). Its shortest
// members stay, so it is as selective as before. A member containing
// another contains a minimal one, shorter still: members are checked by
// length against the minimal ones before them only.
std::vector<std::string> Minimal(Strings group, Arena& arena) {
  const std::size_t n = group.size();
  std::span<std::uint32_t> by_length = arena.array<std::uint32_t>(n);
  std::iota(by_length.begin(), by_length.end(), std::uint32_t{0});
  std::sort(by_length.begin(), by_length.end(), [&](std::uint32_t a, std::uint32_t b) {
    return group[a].size() < group[b].size();
  });
  std::span<std::uint64_t> bits = arena.array<std::uint64_t>(n);
  std::span<bool> keep = arena.array<bool>(n);
  std::span<std::uint32_t> minimal = arena.array<std::uint32_t>(n);
  std::size_t minimal_size = 0;
  for (const std::uint32_t i : by_length) {
    const std::string_view x = group[i];
    bits[i] = PairBits(x);
    bool redundant = false;
    for (std::size_t k = 0; k < minimal_size && !redundant; ++k) {
      const std::uint32_t j = minimal[k];
      if (group[j].size() >= x.size()) break;
      redundant = (bits[j] & ~bits[i]) == 0 && x.find(group[j]) != std::string_view::npos;
    }
    keep[i] = !redundant;
    if (!redundant) minimal[minimal_size++] = i;
  }
  std::vector<std::string> out;
  out.reserve(minimal_size);
  for (std::size_t i = 0; i < n; ++i) {
    if (keep[i]) out.emplace_back(group[i]);
  }
  return out;
}

}  // namespace

std::vector<std::vector<std::string>> required_literals(std::string_view regex) {
  // Enough for the regexes of the pack; bigger ones take from the heap.
  alignas(std::max_align_t) std::byte buffer[16 * 1024];
  Arena arena(buffer, sizeof buffer);
  Groups groups;
  try {
    Reader reader(regex, arena);
    groups = reader.groups(reader.read_all());
  } catch (const Unsupported&) {
    return {};
  }
  std::array<Strings, kMaxGroups> kept;
  std::size_t size = 0;
  for (Strings group : groups) {
    if (Useful(group)) KeepBest(group, kept, size);
  }
  std::vector<std::vector<std::string>> out;
  out.reserve(size);
  for (std::size_t i = 0; i < size; ++i) out.push_back(Minimal(kept[i], arena));
  return out;
}

bool is_regex_syntax(char c) { return kSpecial[static_cast<unsigned char>(c)]; }

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
