// Unordered containers keyed by std::string that can be searched with a
// std::string_view, without building a string for every look-up.
#ifndef PARLEY_TEXT_STRING_MAP_H_
#define PARLEY_TEXT_STRING_MAP_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "text/hash.h"

namespace parley::text {

// hash_bytes, inlined: the keys are words, a few bytes long, for which a
// call to std::hash's out-of-line Murmur costs more than the hashing itself.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return static_cast<std::size_t>(hash_bytes(s)); }
};

template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

}  // namespace parley::text

#endif  // PARLEY_TEXT_STRING_MAP_H_
