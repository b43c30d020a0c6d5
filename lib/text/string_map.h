// Unordered containers keyed by std::string that can be searched with a
// std::string_view, without building a string for every look-up.
#ifndef PARLEY_TEXT_STRING_MAP_H_
#define PARLEY_TEXT_STRING_MAP_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace parley::text {

// FNV-1a with a final mix, inlined: the keys are words, a few bytes long,
// for which a call to std::hash's out-of-line Murmur costs more than the
// hashing itself.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
    h ^= h >> 29;
    return static_cast<std::size_t>(h);
  }
};

template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

}  // namespace parley::text

#endif  // PARLEY_TEXT_STRING_MAP_H_
