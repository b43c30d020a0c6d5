#include "text/spell.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

using parley::text::edit_distance;
using parley::text::SpellChecker;

TEST_CASE("EditDistance counts transpositions as one edit") {
  CHECK(edit_distance("recieved", "received", 2) == 1);
  CHECK(edit_distance("order", "order", 2) == 0);
  CHECK(edit_distance("abc", "xyz", 1) == 2);  // limit + 1
}

namespace {
// The whole optimal-string-alignment table, as a reference for the banded one.
int ReferenceDistance(const std::string& a, const std::string& b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[n][m];
}
}  // namespace

TEST_CASE("EditDistance agrees with the whole table for every limit") {
  // Short strings over three letters reach every edit, transpositions and
  // ties included; 70 letters take the heap path.
  std::mt19937 random(7);
  for (int round = 0; round < 20000; ++round) {
    auto make = [&](std::size_t most) {
      std::string s(random() % (most + 1), 'a');
      for (char& c : s) c = static_cast<char>('a' + random() % 3);
      return s;
    };
    const std::size_t most = round % 100 == 0 ? 70 : 9;
    const std::string a = make(most), b = make(most);
    const int limit = static_cast<int>(random() % 5);
    const int expected = std::min(ReferenceDistance(a, b), limit + 1);
    INFO(a << " / " << b << " limit " << limit);
    REQUIRE(edit_distance(a, b, limit) == expected);
  }
}

TEST_CASE("SpellChecker corrects within the allowed distance only") {
  SpellChecker spell;
  for (const char* w : {"where", "is", "my", "order", "package", "received", "track", "refund"}) {
    spell.add(w, 5);
  }
  spell.build();
  CHECK(spell.correct("pakage") == "package");
  CHECK(spell.correct("recieved") == "received");
  CHECK(spell.correct("ordr") == "order");
  CHECK(spell.correct("xyzzy") == "");
  CHECK(spell.correct("ordre") == "order");
  CHECK(spell.correct("is") == "");          // too short to correct
  CHECK(spell.correct("12345") == "");       // numbers are never corrected
  CHECK(spell.correct("weather") == "");     // 2+ edits from anything, 7 letters allow 1
}

TEST_CASE("SpellChecker corrects three-letter words by a swap of neighbours only") {
  SpellChecker spell;
  for (const char* w : {"the", "log", "how", "bag", "order"}) spell.add(w, 5);
  spell.add("who", 1);
  spell.build();
  CHECK(spell.correct("teh") == "the");
  CHECK(spell.correct("lgo") == "log");
  CHECK(spell.correct("hwo") == "how");  // "who" too, but used less
  CHECK(spell.correct("bga") == "bag");
  CHECK(spell.correct("bad") == "");     // a substitution: not for three letters
  CHECK(spell.correct("ba") == "");      // two letters: never
  CHECK(spell.correct("t3h") == "");     // digits: never
  CHECK(spell.correct("aab") == "");
}

TEST_CASE("SpellChecker splits run-on words into two known words") {
  SpellChecker spell;
  for (const char* w : {"where", "is", "my", "track", "order", "i", "want"}) spell.add(w, 4);
  spell.build();
  CHECK(spell.split_run_on("whereis") == std::vector<std::string>{"where", "is"});
  CHECK(spell.split_run_on("trackmy") == std::vector<std::string>{"track", "my"});
  CHECK(spell.split_run_on("iwant") == std::vector<std::string>{"i", "want"});
  CHECK(spell.split_run_on("zzzzzz").empty());
  CHECK(spell.split_run_on("whereismyorder") == std::vector<std::string>{"where", "is", "my", "order"});
  CHECK(spell.split_run_on("iwanttrack") == std::vector<std::string>{"i", "want", "track"});
  CHECK(spell.split_run_on("trackzorder").empty());  // "z" is not a word
}

TEST_CASE("SpellChecker does not cut a short unknown word into crumbs") {
  SpellChecker spell;
  for (const char* w : {"ok", "a", "for", "i", "want", "my"}) spell.add(w, 4);
  spell.build();
  CHECK(spell.split_run_on("okafor").empty());  // a name: three parts of six letters
  CHECK(spell.split_run_on("iwantmy") == std::vector<std::string>{"i", "want", "my"});
}

TEST_CASE("SpellChecker cuts a word only around words used more than once") {
  SpellChecker spell;
  spell.add("na", 4);   // a phrase and a synonym, say
  spell.add("dia", 3);  // a single example
  spell.add("no", 6);
  spell.add("way", 9);
  spell.build();
  CHECK(spell.split_run_on("nadia").empty());  // a name, not {"na", "dia"}
  CHECK(spell.split_run_on("noway") == std::vector<std::string>{"no", "way"});
  spell.add("dia", 1);  // now 4
  spell.build();
  CHECK(spell.split_run_on("nadia") == std::vector<std::string>{"na", "dia"});
}

namespace {

// What SpellChecker::correct must return, by trying every word: the nearest
// word within the allowed edits, more frequent first, then alphabetical.
std::string brute_force_correct(const std::vector<std::pair<std::string, int>>& vocabulary,
                                const std::string& word) {
  const int allowed = SpellChecker::allowed_edits(word.size());
  std::string best;
  int best_distance = allowed + 1, best_count = 0;
  if (allowed == 0) return best;
  for (const auto& [candidate, count] : vocabulary) {
    if (SpellChecker::allowed_edits(candidate.size()) == 0) continue;
    const int d = edit_distance(word, candidate, allowed);
    if (d > allowed) continue;
    if (d < best_distance || (d == best_distance && (count > best_count ||
                                                     (count == best_count && candidate < best)))) {
      best = candidate;
      best_distance = d;
      best_count = count;
    }
  }
  return best;
}

}  // namespace

TEST_CASE("SpellChecker finds what trying every word finds") {
  // A vocabulary of related words, and typos made from them by random
  // deletions, insertions, substitutions and swaps: the hashed delete
  // index must never miss a candidate (or keep a wrong one).
  std::vector<std::pair<std::string, int>> vocabulary;
  SpellChecker spell;
  const char* words[] = {"order",    "orders",   "ordered",  "border",   "parcel",   "parcels",
                         "package",  "packages", "delivery", "delivered", "deliver", "refund",
                         "refunds",  "refunded", "return",   "returns",  "returned", "cancel",
                         "cancelled", "cancellation", "account", "accounts", "invoice", "invoices",
                         "payment",  "payments", "password", "passport", "tracking", "track"};
  int count = 1;
  for (const char* w : words) {
    vocabulary.emplace_back(w, count % 4 + 1);
    spell.add(w, count % 4 + 1);
    ++count;
  }
  spell.build();
  std::uint32_t seed = 12345;
  auto next = [&](std::uint32_t bound) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) % bound;
  };
  int checked = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string typo = vocabulary[next(static_cast<std::uint32_t>(vocabulary.size()))].first;
    for (int edits = static_cast<int>(next(3)) + 1; edits > 0 && typo.size() > 1; --edits) {
      const size_t at = next(static_cast<std::uint32_t>(typo.size()));
      switch (next(4)) {
        case 0: typo.erase(at, 1); break;
        case 1: typo.insert(at, 1, static_cast<char>('a' + next(26))); break;
        case 2: typo[at] = static_cast<char>('a' + next(26)); break;
        default:
          if (at + 1 < typo.size()) std::swap(typo[at], typo[at + 1]);
      }
    }
    INFO("typo: " << typo);
    CHECK(spell.correct(typo) == brute_force_correct(vocabulary, typo));
    ++checked;
  }
  CHECK(checked == 3000);
}

TEST_CASE("SpellChecker::count sums add()'s counts, before and after build()") {
  SpellChecker spell;
  spell.add("order", 3);
  spell.add("track", 2);
  spell.add("order", 4);
  CHECK(spell.count("order") == 7);
  CHECK(spell.count("parcel") == 0);
  spell.build();
  CHECK(spell.count("order") == 7);
  CHECK(spell.count("track") == 2);
  CHECK(spell.count("parcel") == 0);
  CHECK(spell.count("") == 0);
  CHECK(spell.size() == 2);
  // A later add() to a known word counts at once (the set of words, and so
  // the table's size, does not change).
  spell.add("order", 1);
  CHECK(spell.count("order") == 8);
}
