// A fast 64-bit hash of bytes: a word at a time, then an avalanche. For
// hash tables of words and for telling changed files apart; not for
// security. Its values are stable (the pack cache stores them).
#ifndef PARLEY_TEXT_HASH_H_
#define PARLEY_TEXT_HASH_H_

#include <cstdint>
#include <cstring>
#include <string_view>

namespace parley::text {

inline std::uint64_t hash_bytes(std::string_view s) {
  const char* p = s.data();
  const std::size_t n = s.size();
  std::uint64_t h = 0x9e3779b97f4a7c15ull ^ n;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    h = (h ^ w) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
  }
  // The last 0 - 7 bytes, little-endian, zero-padded; read in at most two
  // loads (overlapping loads put the same byte in the same place).
  p += i;
  const std::size_t r = n - i;
  std::uint64_t tail = 0;
  if (r >= 4) {
    std::uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + r - 4, 4);
    tail = lo | (std::uint64_t{hi} << (8 * (r - 4)));
  } else if (r > 0) {
    const auto byte = [p](std::size_t k) { return std::uint64_t{static_cast<unsigned char>(p[k])} << (8 * k); };
    tail = byte(0) | byte(r / 2) | byte(r - 1);
  }
  h = (h ^ tail) * 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 29;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 32;
  return h;
}

}  // namespace parley::text

#endif  // PARLEY_TEXT_HASH_H_
