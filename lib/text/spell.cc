#include "text/spell.h"

#include <algorithm>
#include <unordered_set>

namespace parley::text {
namespace {

constexpr int kMaxEdits = 2;

bool HasDigitOrNonAscii(std::string_view w) {
  return std::any_of(w.begin(), w.end(), [](char c) {
    return (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
  });
}

// All strings made from `word` by deleting up to `edits` characters.
void Deletes(const std::string& word, int edits, std::unordered_set<std::string>& out) {
  if (edits == 0 || word.size() <= 1) return;
  for (std::size_t i = 0; i < word.size(); ++i) {
    std::string shorter = word.substr(0, i) + word.substr(i + 1);
    if (out.insert(shorter).second) Deletes(shorter, edits - 1, out);
  }
}

}  // namespace

int edit_distance(std::string_view a, std::string_view b, int limit) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > limit) return limit + 1;
  std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], limit + 1);
}

int SpellChecker::allowed_edits(std::size_t length) {
  if (length < 4) return 0;
  if (length < 8) return 1;
  return kMaxEdits;
}

void SpellChecker::add(std::string_view word, int count) {
  if (word.empty()) return;
  counts_[std::string(word)] += count;
  longest_known_ = std::max(longest_known_, word.size());
}

void SpellChecker::build() {
  words_.clear();
  deletes_.clear();
  longest_indexed_ = 0;
  for (const auto& [word, count] : counts_) {
    if (word.size() < 3 || word.size() > kMaxIndexedLength || HasDigitOrNonAscii(word)) continue;
    longest_indexed_ = std::max(longest_indexed_, word.size());
    auto index = static_cast<std::uint32_t>(words_.size());
    words_.push_back(word);
    std::unordered_set<std::string> variants{word};
    Deletes(word, kMaxEdits, variants);
    for (const auto& v : variants) deletes_[v].push_back(index);
  }
}

bool SpellChecker::contains(std::string_view word) const {
  return counts_.find(std::string(word)) != counts_.end();
}

int SpellChecker::count_of(std::string_view word) const {
  auto it = counts_.find(std::string(word));
  return it == counts_.end() ? 0 : it->second;
}

std::string SpellChecker::correct(std::string_view word) const {
  const int allowed = allowed_edits(word.size());
  if (allowed == 0 || HasDigitOrNonAscii(word)) return "";
  // Every candidate is within `allowed` letters of the word's length.
  if (word.size() > longest_indexed_ + static_cast<std::size_t>(allowed)) return "";
  std::unordered_set<std::string> variants{std::string(word)};
  Deletes(std::string(word), allowed, variants);
  std::string best;
  int best_distance = allowed + 1, best_count = 0;
  std::unordered_set<std::uint32_t> seen;
  for (const auto& v : variants) {
    auto it = deletes_.find(v);
    if (it == deletes_.end()) continue;
    for (std::uint32_t index : it->second) {
      if (!seen.insert(index).second) continue;
      const std::string& candidate = words_[index];
      // A candidate must be long enough itself to be corrected towards.
      if (allowed_edits(candidate.size()) == 0) continue;
      int d = edit_distance(word, candidate, allowed);
      if (d > allowed) continue;
      int count = count_of(candidate);
      if (d < best_distance || (d == best_distance && (count > best_count ||
                                                       (count == best_count && candidate < best)))) {
        best = candidate;
        best_distance = d;
        best_count = count;
      }
    }
  }
  return best;
}

std::vector<std::string> SpellChecker::split_run_on(std::string_view word) const {
  if (word.size() < 5 || word.size() > 2 * longest_known_ || HasDigitOrNonAscii(word)) return {};
  std::vector<std::string> best;
  int best_score = 0;
  for (std::size_t cut = 1; cut + 2 <= word.size(); ++cut) {
    std::string_view left = word.substr(0, cut), right = word.substr(cut);
    if (left.size() == 1 && left != "i" && left != "a") continue;
    int score = std::min(count_of(left), count_of(right));
    if (score > best_score) {
      best_score = score;
      best = {std::string(left), std::string(right)};
    }
  }
  return best;
}

}  // namespace parley::text
