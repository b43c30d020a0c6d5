#include "text/literals.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using parley::text::LiteralFinder;

namespace {

std::vector<int> found(const LiteralFinder& finder, std::string_view text) {
  std::vector<int> out;
  finder.find(text, out);
  std::sort(out.begin(), out.end());
  return out;
}

// The literals occurring in `text`, by trying each with std::string::find.
std::vector<int> naive(const std::vector<std::string>& literals, std::string_view text) {
  std::vector<int> out;
  for (size_t i = 0; i < literals.size(); ++i) {
    if (!literals[i].empty() && text.find(literals[i]) != std::string_view::npos) {
      out.push_back(static_cast<int>(i));
    }
  }
  return out;
}

}  // namespace

TEST_CASE("LiteralFinder reports every literal that occurs, once") {
  const std::vector<std::string> literals = {"he", "she", "his", "hers", "order", "or", "der", ""};
  const LiteralFinder finder(literals);
  CHECK(found(finder, "ushers") == std::vector<int>{0, 1, 3});
  CHECK(found(finder, "where is my order order") == std::vector<int>{0, 4, 5, 6});
  CHECK(found(finder, "").empty());
  CHECK(found(finder, "xyz").empty());
  CHECK(found(finder, std::string("\0or\xff", 4)) == std::vector<int>{5});
}

namespace {

// Random literals and texts over a small alphabet (overlaps, shared
// prefixes and suffixes are common); the finder must agree with a naive
// search. `long_literals` makes the automaton too big for 16-bit states;
// `shared_prefix` starts every literal with it (many bytes, few states).
void CheckAgainstNaive(int literal_count, std::uint32_t longest, bool long_literals,
                       const std::string& shared_prefix = "") {
  std::uint32_t seed = 7;
  auto next = [&](std::uint32_t bound) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) % bound;
  };
  auto random_text = [&](size_t length, const char* alphabet, std::uint32_t letters) {
    std::string s;
    for (size_t i = 0; i < length; ++i) s.push_back(alphabet[next(letters)]);
    return s;
  };
  std::vector<std::string> literals;
  size_t total = 0;
  for (int i = 0; i < literal_count; ++i) {
    literals.push_back(shared_prefix + (long_literals ? random_text(1 + next(longest), "abcdefghij d", 12)
                                                      : random_text(1 + next(longest), "abc d", 5)));
    total += literals.back().size();
  }
  if (long_literals || !shared_prefix.empty()) REQUIRE(total > 70000);  // more bytes than 16 bits hold
  const LiteralFinder finder(literals);
  for (int round = 0; round < 500; ++round) {
    std::string text = random_text(next(40), "abc d", 5);
    if (!shared_prefix.empty() && round % 3 == 0) text += shared_prefix;
    if ((long_literals || !shared_prefix.empty()) && round % 2) text += literals[next(static_cast<std::uint32_t>(literals.size()))];
    INFO("text: " << text);
    CHECK(found(finder, text) == naive(literals, text));
  }
}

}  // namespace

TEST_CASE("LiteralFinder agrees with a naive search on random texts") {
  CheckAgainstNaive(200, 6, false);
}

TEST_CASE("LiteralFinder with more states than 16 bits hold") {
  CheckAgainstNaive(4000, 40, true);
}

TEST_CASE("LiteralFinder whose literals share prefixes: many bytes, few states") {
  CheckAgainstNaive(3000, 6, false, "abcd dcba abcd dcba abcd ");
}

TEST_CASE("LiteralFinder with no literals finds nothing") {
  const LiteralFinder none(std::vector<std::string>{});
  CHECK(found(none, "anything").empty());
  const LiteralFinder empty_only(std::vector<std::string>{""});
  CHECK(found(empty_only, "anything").empty());
}
