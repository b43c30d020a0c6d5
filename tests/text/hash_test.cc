#include "text/hash.h"

#include <doctest/doctest.h>

#include <cstring>
#include <string>

namespace {

// The definition: 8-byte little-endian words, then the rest zero-padded.
// hash_bytes reads the rest in two loads; its values must not change (the
// pack cache stores them).
std::uint64_t Reference(std::string_view s) {
  std::uint64_t h = 0x9e3779b97f4a7c15ull ^ s.size();
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, s.data() + i, s.size() - i);
  h = (h ^ tail) * 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 29;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 32;
  return h;
}

}  // namespace

TEST_CASE("hash_bytes is the word-at-a-time hash, whatever the length") {
  std::string bytes;
  for (int i = 0; i < 40; ++i) bytes.push_back(static_cast<char>(0x80 + i * 37));
  for (std::size_t begin = 0; begin < 8; ++begin) {
    for (std::size_t length = 0; begin + length <= bytes.size(); ++length) {
      const std::string_view s(bytes.data() + begin, length);
      INFO("begin " << begin << " length " << length);
      CHECK(parley::text::hash_bytes(s) == Reference(s));
    }
  }
  CHECK(parley::text::hash_bytes("order") != parley::text::hash_bytes("ordre"));
  CHECK(parley::text::hash_bytes("") != parley::text::hash_bytes(std::string_view("\0", 1)));
}
