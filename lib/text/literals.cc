#include "text/literals.h"

#include <algorithm>
#include <deque>

#include "text/stamp_set.h"

namespace parley::text {

LiteralFinder::LiteralFinder(const std::vector<std::string>& literals)
    : literal_count_(literals.size()) {
  for (const auto& literal : literals) {
    for (unsigned char c : literal) {
      if (class_of_[c] == 0) class_of_[c] = static_cast<std::uint16_t>(classes_++);
    }
  }
  // At most one state per byte of the literals, plus the root: when that
  // fits in 16 bits, so does every state (half the memory of the table).
  // Literals share prefixes, so a trie built wide often fits too: then it
  // is narrowed (the table is most of the finder's memory, and its misses
  // most of its time).
  std::size_t most_states = 1;
  for (const auto& literal : literals) most_states += literal.size();
  if (most_states <= std::size_t{UINT16_MAX} + 1) {
    build(literals, most_states, next16_);
  } else {
    build(literals, most_states, next_);
    if (outputs_.size() <= std::size_t{UINT16_MAX} + 1) {
      next16_.assign(next_.begin(), next_.end());
      std::vector<std::uint32_t>().swap(next_);
    }
  }
}

template <typename State>
void LiteralFinder::build(const std::vector<std::string>& literals, std::size_t most_states,
                          std::vector<State>& next) {
  const auto width = static_cast<std::size_t>(classes_);
  // The trie; a missing edge is 0 (the root) until filled in below.
  next.reserve(most_states * width);
  outputs_.reserve(most_states);
  next.assign(width, 0);
  outputs_.assign(1, Output{});
  same_as_.assign(literals.size(), kNone);
  for (std::size_t i = 0; i < literals.size(); ++i) {
    if (literals[i].empty()) continue;
    std::uint32_t state = 0;
    for (unsigned char c : literals[i]) {
      if (next[state * width + class_of_[c]] == 0) {
        next[state * width + class_of_[c]] = static_cast<State>(outputs_.size());
        outputs_.emplace_back();
        next.resize(next.size() + width, 0);
      }
      state = next[state * width + class_of_[c]];
    }
    // A string listed twice: its indices are chained.
    same_as_[i] = outputs_[state].literal;
    outputs_[state].literal = static_cast<std::uint32_t>(i);
  }
  // Breadth first: each state's failure link is the longest proper suffix
  // of its string that is also a trie state; missing edges are redirected
  // through it, which turns the trie into a complete automaton.
  const std::size_t states = outputs_.size();
  std::vector<std::uint32_t> fail(states, 0);
  std::deque<std::uint32_t> queue;
  for (std::size_t c = 1; c < width; ++c) {
    if (next[c] != 0) queue.push_back(next[c]);
  }
  while (!queue.empty()) {
    const std::uint32_t s = queue.front();
    queue.pop_front();
    const std::uint32_t f = fail[s];
    outputs_[s].suffix = outputs_[f].literal != kNone ? f : outputs_[f].suffix;
    for (std::size_t c = 1; c < width; ++c) {
      State& edge = next[s * width + c];
      const State via_fail = next[f * width + c];
      if (edge != 0) {
        fail[edge] = via_fail;
        queue.push_back(edge);
      } else {
        edge = via_fail;
      }
    }
  }
}

void LiteralFinder::find(std::string_view text, std::vector<int>& found) const {
  found.clear();
  if (literal_count_ == 0) return;
  if (next16_.empty()) {  // built wide
    find_in(next_, text, found);
  } else {
    find_in(next16_, text, found);
  }
}

template <typename State>
void LiteralFinder::find_in(const std::vector<State>& next, std::string_view text,
                            std::vector<int>& found) const {
  thread_local StampSet reported;  // literals already in `found`
  reported.reset(literal_count_);
  const auto width = static_cast<std::size_t>(classes_);
  std::uint32_t state = 0;
  for (unsigned char c : text) {
    state = next[state * width + class_of_[c]];
    for (std::uint32_t s = outputs_[state].literal != kNone ? state : outputs_[state].suffix; s != kNone;
         s = outputs_[s].suffix) {
      if (reported.contains(outputs_[s].literal)) continue;
      for (std::uint32_t literal = outputs_[s].literal; literal != kNone; literal = same_as_[literal]) {
        reported.insert(literal);
        found.push_back(static_cast<int>(literal));
      }
    }
  }
}

}  // namespace parley::text
