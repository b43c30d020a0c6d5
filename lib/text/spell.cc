#include "text/spell.h"

#include <algorithm>
#include <array>

namespace parley::text {
namespace {

constexpr int kMaxEdits = 2;

bool HasDigitOrNonAscii(std::string_view w) {
  return std::any_of(w.begin(), w.end(), [](char c) {
    return (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
  });
}

// Strings are hashed as polynomials in kBase (mod 2^64), so that the hash
// of a string with one or two characters deleted is computed from prefix
// hashes in constant time (it was a copy and a hash of each variant: a
// tenth of classifying a message with a typo). Mix adds the length and
// avalanches (murmur3's fmix64), so that the top bits, which pick the
// bucket, depend on every byte. A collision only adds a candidate: every
// candidate's edit distance is computed.
constexpr std::uint64_t kBase = 0x100000001b3ull;

std::uint64_t Mix(std::uint64_t h, std::size_t length) {
  h += static_cast<std::uint64_t>(length) * 0x9e3779b97f4a7c15ull;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

std::uint64_t Hash(std::string_view s) {
  std::uint64_t h = 0;
  for (char c : s) h = h * kBase + static_cast<unsigned char>(c);
  return Mix(h, s.size());
}

// Calls visit(hash) for `word` and for every string made from it by
// deleting up to `edits` (at most kMaxEdits) characters, hashed as Hash()
// would. A variant reached in two ways is visited twice. Words longer than
// kMaxLength are not expanded (callers bound the length before).
constexpr std::size_t kMaxLength = SpellChecker::kMaxIndexedLength + kMaxEdits;
template <typename Visit>
void ForEachDelete(std::string_view word, int edits, Visit&& visit) {
  const std::size_t n = word.size();
  if (n > kMaxLength) {
    visit(Hash(word));
    return;
  }
  // prefix[i]: the polynomial of word[0, i); power[k]: kBase^k.
  std::array<std::uint64_t, kMaxLength + 1> prefix, power;
  prefix[0] = 0;
  power[0] = 1;
  for (std::size_t i = 0; i < n; ++i) {
    prefix[i + 1] = prefix[i] * kBase + static_cast<unsigned char>(word[i]);
    power[i + 1] = power[i] * kBase;
  }
  const auto part = [&](std::size_t begin, std::size_t end) {  // word[begin, end)
    return prefix[end] - prefix[begin] * power[end - begin];
  };
  visit(Mix(prefix[n], n));
  if (edits == 0 || n <= 1) return;
  for (std::size_t i = 0; i < n; ++i) {
    // word[0, i) + word[i + 1, n)
    visit(Mix(prefix[i] * power[n - 1 - i] + part(i + 1, n), n - 1));
    if (edits < 2 || n - 1 <= 1) continue;
    // ... and also without word[k], k > i: every pair of positions once.
    for (std::size_t k = i + 1; k < n; ++k) {
      visit(Mix(prefix[i] * power[n - 2 - i] + part(i + 1, k) * power[n - 1 - k] + part(k + 1, n), n - 2));
    }
  }
}

}  // namespace

int edit_distance(std::string_view a, std::string_view b, int limit) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (limit < 0) return 0;
  const int over = limit + 1;  // every value is capped here: "more than limit"
  if (std::abs(n - m) > limit) return over;
  // Only the band |i - j| <= limit of the table can hold a value within the
  // limit, so only it is computed (for the spell checker's limits of 1 and
  // 2, 3 to 5 cells a row instead of the whole row). The cell just outside
  // each end of a row's band is set to `over` for the next row to read.
  // Three rows; on the stack for the words the spell checker compares.
  constexpr int kStackColumns = 64;
  std::array<int, 3 * (kStackColumns + 2)> stack;
  std::vector<int> heap;
  int* rows = stack.data();
  if (m > kStackColumns) {
    heap.resize(3 * static_cast<std::size_t>(m + 2));
    rows = heap.data();
  }
  int* prev2 = rows;
  int* prev = rows + (m + 2);
  int* cur = rows + 2 * (m + 2);
  for (int j = 0; j <= std::min(m, limit + 1); ++j) prev[j] = std::min(j, over);
  for (int i = 1; i <= n; ++i) {
    const int lo = std::max(1, i - limit), hi = std::min(m, i + limit);
    cur[lo - 1] = lo == 1 ? std::min(i, over) : over;
    int row_min = cur[lo - 1];
    for (int j = lo; j <= hi; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int v = std::min(std::min(prev[j], cur[j - 1]) + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, prev2[j - 2] + 1);
      cur[j] = std::min(v, over);
      row_min = std::min(row_min, cur[j]);
    }
    if (hi < m) cur[hi + 1] = over;
    if (row_min > limit) return over;
    int* recycled = prev2;
    prev2 = prev;
    prev = cur;
    cur = recycled;
  }
  return std::min(prev[m], over);
}

int SpellChecker::allowed_edits(std::size_t length) {
  if (length < 4) return 0;
  if (length < 8) return 1;
  return kMaxEdits;
}

void SpellChecker::add(std::string_view word, int count) {
  if (word.empty()) return;
  auto it = counts_.find(word);
  if (it == counts_.end()) it = counts_.emplace(std::string(word), 0).first;
  it->second += count;
  counts_frozen_ = false;
  longest_known_ = std::max(longest_known_, word.size());
}

void SpellChecker::build() {
  words_.clear();
  word_counts_.clear();
  variants_.clear();
  longest_indexed_ = 0;
  frozen_counts_ = FrozenStringMap<int>(counts_);
  counts_frozen_ = true;
  for (const auto& [word, count] : counts_) {
    if (word.size() < 3 || word.size() > kMaxIndexedLength || HasDigitOrNonAscii(word)) continue;
    longest_indexed_ = std::max(longest_indexed_, word.size());
    const auto index = static_cast<std::uint32_t>(words_.size());
    words_.push_back(word);
    word_counts_.push_back(count);
    ForEachDelete(word, kMaxEdits, [&](std::uint64_t h) { variants_.push_back({h, index}); });
  }
  // About one variant per bucket. Variants are distributed into buckets
  // by the top bits of their hash (a counting sort: linear, where sorting
  // the whole array was a fifth of compiling the English pack), then each
  // small bucket is sorted and rid of duplicates.
  bucket_bits_ = 1;
  while (bucket_bits_ < 32 && (std::size_t{1} << bucket_bits_) < variants_.size()) ++bucket_bits_;
  const auto bucket_of = [this](const Variant& v) { return static_cast<std::size_t>(v.hash >> (64 - bucket_bits_)); };
  buckets_.assign((std::size_t{1} << bucket_bits_) + 1, 0);
  for (const Variant& v : variants_) ++buckets_[bucket_of(v) + 1];
  for (std::size_t b = 1; b < buckets_.size(); ++b) buckets_[b] += buckets_[b - 1];
  std::vector<Variant> sorted(variants_.size());
  {
    std::vector<std::uint32_t> next(buckets_.begin(), buckets_.end() - 1);
    for (const Variant& v : variants_) sorted[next[bucket_of(v)]++] = v;
  }
  // Sort and deduplicate each bucket, compacting as we go.
  std::size_t out = 0;
  for (std::size_t b = 0; b + 1 < buckets_.size(); ++b) {
    const auto first = sorted.begin() + buckets_[b], last = sorted.begin() + buckets_[b + 1];
    std::sort(first, last);
    buckets_[b] = static_cast<std::uint32_t>(out);
    for (auto it = first; it != last; ++it) {
      if (it != first && *it == *(it - 1)) continue;
      sorted[out++] = *it;
    }
  }
  sorted.resize(out);
  buckets_.back() = static_cast<std::uint32_t>(out);
  variants_ = std::move(sorted);
}

int SpellChecker::count(std::string_view word) const {
  // From the frozen copy when it is current (build() made it and no add()
  // came since), else from the table being filled: one look-up either way.
  if (!counts_frozen_) {
    auto it = counts_.find(word);
    return it == counts_.end() ? 0 : it->second;
  }
  const int* count = frozen_counts_.find(word);
  return count ? *count : 0;
}

std::string SpellChecker::correct(std::string_view word) const { return closest(word, /*skip_self=*/false); }

std::string SpellChecker::closest_other(std::string_view word) const { return closest(word, /*skip_self=*/true); }

std::string SpellChecker::swapped(std::string_view word) const {
  std::string best;
  int best_count = 0;
  for (std::size_t i = 0; i + 1 < word.size(); ++i) {
    if (word[i] == word[i + 1]) continue;
    std::string candidate(word);
    std::swap(candidate[i], candidate[i + 1]);
    const int uses = count(candidate);
    if (uses > best_count || (uses == best_count && uses > 0 && candidate < best)) {
      best = std::move(candidate);
      best_count = uses;
    }
  }
  return best;
}

std::string SpellChecker::closest(std::string_view word, bool skip_self) const {
  if (word.size() == kSwapOnlyLength && !HasDigitOrNonAscii(word)) return swapped(word);
  const int allowed = allowed_edits(word.size());
  if (allowed == 0 || HasDigitOrNonAscii(word) || variants_.empty()) return "";
  // Every candidate is within `allowed` letters of the word's length.
  if (word.size() > longest_indexed_ + static_cast<std::size_t>(allowed)) return "";
  std::uint32_t best = UINT32_MAX;
  int best_distance = allowed + 1, best_count = 0;
  // Candidates already judged; few per word, so a linear scan is cheapest.
  std::array<std::uint32_t, 64> seen;
  std::size_t seen_count = 0;
  auto consider = [&](std::uint32_t index) {
    const auto seen_end = seen.begin() + static_cast<std::ptrdiff_t>(std::min(seen_count, seen.size()));
    if (std::find(seen.begin(), seen_end, index) != seen_end) return;
    if (seen_count < seen.size()) seen[seen_count] = index;
    ++seen_count;
    const std::string& candidate = words_[index];
    // A candidate must be long enough itself to be corrected towards.
    if (allowed_edits(candidate.size()) == 0 || (skip_self && candidate == word)) return;
    const int d = edit_distance(word, candidate, allowed);
    if (d > allowed) return;
    const int count = word_counts_[index];
    if (d < best_distance ||
        (d == best_distance &&
         (count > best_count || (count == best_count && candidate < words_[best])))) {
      best = index;
      best_distance = d;
      best_count = count;
    }
  };
  auto look_up = [&](std::uint64_t h) {
    const std::size_t b = h >> (64 - bucket_bits_);
    for (std::uint32_t v = buckets_[b]; v < buckets_[b + 1] && variants_[v].hash <= h; ++v) {
      if (variants_[v].hash == h) consider(variants_[v].word);
    }
  };
  // Every word one edit away shares a variant of at most one delete with
  // the word (a substitution or transposition: delete the same letter on
  // both sides), so the first round finds all of them; only without one
  // does the far larger round of two deletes run.
  ForEachDelete(word, std::min(allowed, 1), look_up);
  if (allowed >= 2 && best_distance > 1) ForEachDelete(word, allowed, look_up);
  return best == UINT32_MAX ? std::string() : words_[best];
}

std::vector<std::string> SpellChecker::split_run_on(std::string_view word) const {
  const std::size_t n = word.size();
  if (n < 5 || n > kMaxRunOnLength || n > kMaxRunOn * longest_known_ || HasDigitOrNonAscii(word)) return {};
  // uses[i][j]: how often word[i, j) is used (0: not a word, used less than
  // kMinRunOnPartCount, or a single letter other than "i" and "a"). On the
  // stack: n <= kMaxRunOnLength;
  // only the n * (n + 1) cells this word uses are cleared.
  std::array<int, kMaxRunOnLength * (kMaxRunOnLength + 1)> uses;
  std::fill_n(uses.begin(), n * (n + 1), 0);
  auto at = [&](std::size_t i, std::size_t j) -> int& { return uses[i * (n + 1) + j]; };
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j <= n && j - i <= longest_known_; ++j) {
      const std::string_view part = word.substr(i, j - i);
      if (part.size() == 1 && part != "i" && part != "a") continue;
      const int uses_of_part = count(part);
      at(i, j) = uses_of_part >= kMinRunOnPartCount ? uses_of_part : 0;
    }
  }
  // best[k][j]: the best rarest-part count splitting word[0, j) into k
  // parts (0: impossible); cut[k][j]: where the last part starts.
  std::array<std::array<int, kMaxRunOnLength + 1>, kMaxRunOn + 1> best;
  std::array<std::array<std::size_t, kMaxRunOnLength + 1>, kMaxRunOn + 1> cut;
  for (std::size_t k = 0; k <= kMaxRunOn; ++k) {
    std::fill_n(best[k].begin(), n + 1, 0);
    std::fill_n(cut[k].begin(), n + 1, std::size_t{0});
  }
  for (std::size_t j = 1; j <= n; ++j) best[1][j] = at(0, j);
  auto split = [&](std::size_t k) {
    std::vector<std::string> parts(k);
    std::size_t end = n;
    for (std::size_t p = k; p >= 1; --p) {
      const std::size_t begin = p == 1 ? 0 : cut[p][end];
      parts[p - 1] = std::string(word.substr(begin, end - begin));
      end = begin;
    }
    return parts;
  };
  // Three or more parts need one of four letters or more: a short unknown
  // word (a name: "okafor") is not cut into crumbs ("ok a for").
  auto crumbs = [](const std::vector<std::string>& parts) {
    return parts.size() > 2 &&
           std::none_of(parts.begin(), parts.end(), [](const std::string& p) { return p.size() >= 4; });
  };
  std::vector<std::string> parts;
  int best_score = 0;
  for (std::size_t k = 2; k <= kMaxRunOn; ++k) {
    for (std::size_t j = k; j <= n; ++j) {
      for (std::size_t i = k - 1; i < j; ++i) {
        const int score = std::min(best[k - 1][i], at(i, j));
        if (score > best[k][j]) {
          best[k][j] = score;
          cut[k][j] = i;
        }
      }
    }
    if (best[k][n] > best_score) {  // strictly better: fewer parts win ties
      std::vector<std::string> candidate = split(k);
      if (crumbs(candidate)) continue;
      best_score = best[k][n];
      parts = std::move(candidate);
    }
  }
  return parts;
}

}  // namespace parley::text
