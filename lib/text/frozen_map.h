// A read-only map from strings to values, built once, searched with a
// std::string_view in one hash and (at a load of at most a half) about one
// probe of a flat table: the word look-ups of every message go through
// these, where a node-based unordered_map costs a pointer chase, a modulo
// and a string compare out of line.
#ifndef PARLEY_TEXT_FROZEN_MAP_H_
#define PARLEY_TEXT_FROZEN_MAP_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "text/string_map.h"

namespace parley::text {

template <typename Value>
class FrozenStringMap {
 public:
  FrozenStringMap() = default;
  explicit FrozenStringMap(const StringMap<Value>& from) {
    std::size_t capacity = 2;
    while (capacity < 2 * from.size()) capacity *= 2;
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    std::size_t key_bytes = 0;
    for (const auto& entry : from) key_bytes += entry.first.size();
    keys_.reserve(key_bytes);
    for (const auto& [key, value] : from) {
      const std::uint64_t h = StringHash{}(key);
      std::size_t i = h & mask_;
      while (slots_[i].length != kEmpty) i = (i + 1) & mask_;
      slots_[i] = Slot{h, static_cast<std::uint32_t>(keys_.size()), static_cast<std::uint32_t>(key.size()), value};
      keys_ += key;
    }
    size_ = from.size();
  }

  // The value of `key`, or nullptr; stable for the map's lifetime.
  const Value* find(std::string_view key) const {
    if (size_ == 0) return nullptr;
    const std::uint64_t h = StringHash{}(key);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.length == kEmpty) return nullptr;
      if (slot.hash == h && slot.length == key.size() &&
          std::memcmp(keys_.data() + slot.offset, key.data(), key.size()) == 0) {
        return &slot.value;
      }
    }
  }
  bool contains(std::string_view key) const { return find(key) != nullptr; }
  std::size_t size() const { return size_; }

 private:
  static constexpr std::uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t offset = 0;       // of the key in keys_
    std::uint32_t length = kEmpty;  // of the key; kEmpty: a free slot
    Value value{};
  };
  std::vector<Slot> slots_;
  std::string keys_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

}  // namespace parley::text

#endif  // PARLEY_TEXT_FROZEN_MAP_H_
