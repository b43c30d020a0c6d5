#include "text/literals.h"

#include <algorithm>
#include <deque>

namespace parley::text {

LiteralFinder::LiteralFinder(const std::vector<std::string>& literals)
    : literal_count_(literals.size()) {
  for (const auto& literal : literals) {
    for (unsigned char c : literal) {
      if (class_of_[c] == 0) class_of_[c] = static_cast<std::uint16_t>(classes_++);
    }
  }
  const auto width = static_cast<std::size_t>(classes_);
  // The trie; a missing edge is 0 (the root) until filled in below.
  next_.assign(width, 0);
  std::vector<std::vector<std::uint32_t>> own(1);  // literals ending at each state
  for (std::size_t i = 0; i < literals.size(); ++i) {
    if (literals[i].empty()) continue;
    std::uint32_t state = 0;
    for (unsigned char c : literals[i]) {
      std::uint32_t& edge = next_[state * width + class_of_[c]];
      if (edge == 0) {
        edge = static_cast<std::uint32_t>(own.size());
        own.emplace_back();
        next_.resize(next_.size() + width, 0);
      }
      state = next_[state * width + class_of_[c]];
    }
    own[state].push_back(static_cast<std::uint32_t>(i));
  }
  // Breadth first: each state's failure link is the longest proper suffix
  // of its string that is also a trie state; missing edges are redirected
  // through it, which turns the trie into a complete automaton.
  const std::size_t states = own.size();
  std::vector<std::uint32_t> fail(states, 0), order;
  order.reserve(states);
  std::deque<std::uint32_t> queue;
  for (std::size_t c = 1; c < width; ++c) {
    if (next_[c] != 0) queue.push_back(next_[c]);
  }
  while (!queue.empty()) {
    const std::uint32_t s = queue.front();
    queue.pop_front();
    order.push_back(s);
    for (std::size_t c = 1; c < width; ++c) {
      std::uint32_t& edge = next_[s * width + c];
      const std::uint32_t via_fail = next_[fail[s] * width + c];
      if (edge != 0) {
        fail[edge] = via_fail;
        queue.push_back(edge);
      } else {
        edge = via_fail;
      }
    }
  }
  // Outputs: a state's own literals, then its failure state's (already
  // complete, being nearer the root in breadth-first order).
  std::vector<std::vector<std::uint32_t>> all(states);
  for (std::uint32_t s : order) {
    all[s] = own[s];
    all[s].insert(all[s].end(), all[fail[s]].begin(), all[fail[s]].end());
  }
  output_begin_.assign(states + 1, 0);
  for (std::size_t s = 0; s < states; ++s) {
    output_begin_[s + 1] = output_begin_[s] + static_cast<std::uint32_t>(all[s].size());
  }
  outputs_.reserve(output_begin_.back());
  for (const auto& list : all) outputs_.insert(outputs_.end(), list.begin(), list.end());
}

void LiteralFinder::find(std::string_view text, std::vector<int>& found) const {
  found.clear();
  if (outputs_.empty()) return;
  // Which literals were already reported in this call: a generation stamp
  // per literal, per thread, so that nothing is cleared between calls.
  thread_local std::vector<std::uint32_t> stamps;
  thread_local std::uint32_t generation = 0;
  if (stamps.size() < literal_count_) stamps.resize(literal_count_, 0);
  if (++generation == 0) {  // wrapped around: forget every old stamp
    std::fill(stamps.begin(), stamps.end(), 0);
    generation = 1;
  }
  const auto width = static_cast<std::size_t>(classes_);
  std::uint32_t state = 0;
  for (unsigned char c : text) {
    state = next_[state * width + class_of_[c]];
    for (std::uint32_t o = output_begin_[state]; o < output_begin_[state + 1]; ++o) {
      const std::uint32_t literal = outputs_[o];
      if (stamps[literal] != generation) {
        stamps[literal] = generation;
        found.push_back(static_cast<int>(literal));
      }
    }
  }
}

}  // namespace parley::text
