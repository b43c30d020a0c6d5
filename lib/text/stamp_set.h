// A scratch set of small integers that empties in constant time.
#ifndef PARLEY_TEXT_STAMP_SET_H_
#define PARLEY_TEXT_STAMP_SET_H_

#include <algorithm>
#include <cstdint>
#include <vector>

namespace parley::text {

// Members are integers below the size given to reset(); each remembers the
// generation it was added in, so emptying the set costs nothing per member
// (but every 255th reset, when the generations wrap around). The stamps are
// bytes: a set of 10,000 members stays in the first-level cache.
// Not thread-safe: meant as a per-thread (thread_local) scratch set for
// the hot paths that ask "seen this one already?" once per call.
class StampSet {
 public:
  // Empties the set and makes room for members below `size`.
  void reset(std::size_t size) {
    if (stamps_.size() < size) stamps_.resize(size, 0);
    if (++generation_ == 0) {  // wrapped around: forget every old stamp
      std::fill(stamps_.begin(), stamps_.end(), 0);
      generation_ = 1;
    }
  }
  bool contains(std::size_t member) const { return stamps_[member] == generation_; }
  // Adds `member`; false if it was already in the set.
  bool insert(std::size_t member) {
    if (stamps_[member] == generation_) return false;
    stamps_[member] = generation_;
    return true;
  }

 private:
  std::vector<std::uint8_t> stamps_;
  std::uint8_t generation_ = 0;
};

}  // namespace parley::text

#endif  // PARLEY_TEXT_STAMP_SET_H_
