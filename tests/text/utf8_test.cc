#include "text/utf8.h"

#include <doctest/doctest.h>

using parley::text::sanitize;

TEST_CASE("Sanitize keeps valid text unchanged") {
  auto s = sanitize("Où est ma commande ? 🙂", 2000);
  CHECK(s.text == "Où est ma commande ? 🙂");
  CHECK_FALSE(s.truncated);
  CHECK_FALSE(s.repaired);
}

TEST_CASE("Sanitize repairs invalid UTF-8 and removes controls and bidi overrides") {
  static const char kBad[] = "ab\xff\xfe" "c\x00" "d\te\u202Eevil\u2066x";
  std::string bad(kBad, sizeof(kBad) - 1);
  REQUIRE(bad[5] == '\0');
  auto s = sanitize(std::string_view(bad.data(), bad.size()), 2000);
  CHECK(s.repaired);
  CHECK(s.text.find('\0') == std::string::npos);
  CHECK(s.text.find("\u202E") == std::string::npos);
  CHECK(s.text.find("\u2066") == std::string::npos);
  CHECK(s.text.find("evil") != std::string::npos);
}

TEST_CASE("Sanitize truncates by code points, not bytes") {
  std::string many;
  for (int i = 0; i < 10; ++i) many += "é";
  auto s = sanitize(many, 4);
  CHECK(s.truncated);
  CHECK(s.text == "éééé");
}

TEST_CASE("Sanitize of a truncated multi-byte sequence at the end") {
  auto s = sanitize("abc\xe2\x82", 100);
  CHECK(s.repaired);
  CHECK(s.text.rfind("abc", 0) == 0);
}

TEST_CASE("IsAscii finds a byte above 0x7F wherever it is") {
  using parley::text::is_ascii;
  CHECK(is_ascii(""));
  CHECK(is_ascii("where is my order 112-4839201-5561234?"));
  // Every length around the eight-byte blocks, the odd byte in every place.
  for (std::size_t length = 1; length <= 33; ++length) {
    for (std::size_t at = 0; at < length; ++at) {
      std::string s(length, 'a');
      s[at] = '\x80';
      INFO("length " << length << ", at " << at);
      CHECK_FALSE(is_ascii(s));
      s[at] = '\x7f';
      CHECK(is_ascii(s));
    }
  }
}
