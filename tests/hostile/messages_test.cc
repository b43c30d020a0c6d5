// Any bytes a customer can send are answered: no crash, a non-empty valid
// reply, bounded work, and nothing written to the shop's tables.
#include <string>
#include <string_view>
#include <vector>

#include "hostile_util.h"

using namespace parley;
using namespace std::string_literals;
using parley::testing::BotFixture;
using parley::testing::check_reply;
using parley::testing::contains;
using parley::testing::store_fingerprint;

namespace {

// Deterministic pseudo-random lower-case letters (no runs to collapse).
std::string random_word(std::size_t length, std::uint32_t seed) {
  std::string out;
  out.reserve(length);
  std::uint32_t x = seed;
  char previous = 0;
  while (out.size() < length) {
    x = x * 1664525u + 1013904223u;
    char c = static_cast<char>('a' + (x >> 24) % 26);
    if (c == previous) continue;
    out += c;
    previous = c;
  }
  return out;
}

std::string repeat(std::string_view unit, std::size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit;
  return out;
}

constexpr std::size_t kMegabyte = 1 << 20;

// Messages that are strange but short: each answered in its own session.
const std::vector<std::string>& strange_messages() {
  static const std::vector<std::string> messages = {
      // invalid UTF-8: lone continuation, overlong, surrogate, cut sequence, 0xFF
      "\x80\x81\x82", "\xc0\xaf\xc0\xaf", "\xed\xa0\x80\xed\xbf\xbf", "where is my order \xe2\x82",
      "\xff\xfe\xfd\xfc", "\xf4\x90\x80\x80 too high", "caf\xe9 latin-1 text",
      // NUL bytes inside the message
      "where\0is my order"s, "\0\0\0\0"s, "112-4839201-5561234\0alice.morgan@example.com"s,
      // control characters, ANSI escapes, C1 controls
      "\x01\x02\x03\x1b[31mred\x1b[0m", "\r\n\t\v\f", "\xc2\x85\xc2\x9b\xc2\x9f next line",
      "\x7f\x7f\x7f", "line one\rline two\bbackspace",
      // bidi overrides and isolates, zero-width characters
      "\u202Eredro ym si erehw\u202C", "\u2066where\u2069 \u2067is\u2069 \u2068my order\u2069",
      "w\u200Bh\u200Be\u200Br\u200Be is my order", "\uFEFFwhere is my order", "\u200F\u200E",
      // emoji, ZWJ sequences, flags, skin tones, variation selectors
      "📦📦📦 where's my 📦?", "👨‍👩‍👧‍👦 family order", "🇬🇧🇫🇷🇩🇪", "👍🏽👍🏿", "❤️‍🔥 ☺︎",
      // other scripts and homoglyphs
      "أين طلبي؟ رقم الطلب ١١٢-٤٨٣٩٢٠١-٥٥٦١٢٣٤", "我的订单在哪里？我要退货", "где мой заказ",
      "whеrе is my оrdеr", "Où EST ma Commande", "ＷＨＥＲＥ ＩＳ ＭＹ ＯＲＤＥＲ", "ﬁnd my parcel",
      "สินค้าของฉันอยู่ที่ไหน", "注文はどこですか", "a\u0301\u0301\u0301\u0301\u0301\u0301",
      // SQL
      "'; DROP TABLE orders; --", "112-4839201-5561234'; DROP TABLE orders; --",
      "\" OR 1=1 --", "Robert'); DELETE FROM customers;--", "1; UPDATE orders SET status='x'",
      // ICU MessageFormat and other template syntaxes
      "{0}", "{name}", "{name, plural, one {# item} other {# items}}", "'", "''", "'{'", "{", "}",
      "{{order_number}}", "${jndi:ldap://127.0.0.1/a}", "%s%s%n%x%p", "<script>alert(1)</script>",
      "{carrier, select, other {x}}", "{eta, date, ::EEEEdMMMM}",
      // RE2 metacharacters
      "(((((", ".*.*.*.*.*", "\\", "[a-", "(?P<x>", "a{1000}{1000}", "$^|*+?", "\\b\\d{3}",
      // empty and blank
      "", " ", "          \t\t\n\n",
  };
  return messages;
}

}  // namespace

TEST_CASE("strange messages are answered in every session, and nothing is written") {
  BotFixture f;
  const std::string before = store_fingerprint(f.store_path());
  const long long orders = parley::testing::count_rows(f.store_path(), "orders");
  int n = 0;
  for (const std::string& message : strange_messages()) {
    CAPTURE(message);
    Reply r = f.bot().respond("strange-" + std::to_string(n++), message);
    check_reply(r);
  }
  CHECK(parley::testing::count_rows(f.store_path(), "orders") == orders);
  CHECK(store_fingerprint(f.store_path()) == before);
}

TEST_CASE("strange messages in one conversation, in every dialogue state") {
  BotFixture f;
  const std::string before = store_fingerprint(f.store_path());
  // Each opener puts the session in a state that reads the next message
  // differently (slot, verification, confirmation); then the strange one.
  const std::vector<std::string> openers = {"where is my order", "I want to return something",
                                            "cancel my order 112-4839201-5561234",
                                            "track my order 112-4839201-5561234", "help"};
  int n = 0;
  for (const auto& opener : openers) {
    for (const std::string& message : strange_messages()) {
      const std::string session = "conv-" + std::to_string(n++);
      CAPTURE(opener);
      CAPTURE(message);
      check_reply(f.bot().respond(session, opener));
      check_reply(f.bot().respond(session, message));
      check_reply(f.bot().respond(session, message));
    }
  }
  CHECK(store_fingerprint(f.store_path()) == before);
}

TEST_CASE("SQL in slot answers leaves the store intact") {
  BotFixture f;
  const long long orders = parley::testing::count_rows(f.store_path(), "orders");
  const std::string before = store_fingerprint(f.store_path());
  check_reply(f.bot().respond("sql", "where is my order"));
  check_reply(f.bot().respond("sql", "'; DROP TABLE orders; --"));
  check_reply(f.bot().respond("sql", "112-4839201-5561234'; DROP TABLE orders; --"));
  Reply r = f.bot().respond("sql", "alice.morgan@example.com' OR '1'='1");
  check_reply(r);
  check_reply(f.bot().respond("sql2", "cancel order 112-4839201-5561234"));
  check_reply(f.bot().respond("sql2", "x' OR 1=1; DELETE FROM orders; --"));
  check_reply(f.bot().respond("sql2", "SW1A 1AA'); DROP TABLE customers; --"));
  // Session ids go into the store's log: hostile ones too.
  for (std::string id : {"'; DROP TABLE sessions; --"s, "\0"s, "\xff\xfe"s, std::string(10000, 'x'), ""s}) {
    check_reply(f.bot().respond(id, "where is my order"));
  }
  CHECK(parley::testing::count_rows(f.store_path(), "orders") == orders);
  CHECK(store_fingerprint(f.store_path()) == before);
}

TEST_CASE("a megabyte of text is cut at max_message_chars and answered politely") {
  BotFixture f;
  for (const std::string& big :
       {repeat("where is my order ", kMegabyte), repeat("\xff", kMegabyte), repeat("📦", kMegabyte),
        repeat("a\u0301", kMegabyte), repeat(std::string_view("\0", 1), kMegabyte),
        repeat("أين طلبي ", kMegabyte), repeat("{0}'", kMegabyte)}) {
    CAPTURE(big.substr(0, 20));
    Reply r = f.bot().respond("big", big);
    check_reply(r);
    CHECK(contains(r.text, "long message"));
    f.bot().reset("big");
  }
  // Exactly at the limit is not cut; one more character is.
  Reply at_limit = f.bot().respond("limit", repeat("ab ", 2000 * 3).substr(0, 2000));
  CHECK_FALSE(contains(at_limit.text, "long message"));
  Reply over = f.bot().respond("limit2", repeat("ab ", 2000 * 3).substr(0, 2001));
  CHECK(contains(over.text, "long message"));
}

TEST_CASE("one enormous word and thousands of order numbers") {
  BotFixture f;
  const std::string before = store_fingerprint(f.store_path());
  check_reply(f.bot().respond("word1", random_word(kMegabyte, 1)));
  check_reply(f.bot().respond("word2", "where is my " + random_word(1990, 2)));
  check_reply(f.bot().respond("word3", random_word(40, 3)));  // longer than any pack word
  check_reply(f.bot().respond("numbers", repeat("112-4839201-5561234 ", kMegabyte / 4)));
  check_reply(f.bot().respond("numbers2", repeat("#123456 ", kMegabyte / 4)));
  check_reply(f.bot().respond("numbers3", repeat("1234567890", kMegabyte / 4)));
  check_reply(f.bot().respond("emails", repeat("a@b.co ", kMegabyte / 4)));
  CHECK(store_fingerprint(f.store_path()) == before);
}

// With the limit raised to a megabyte, every step must stay close to linear:
// a quadratic one would take hours on these inputs and time the suite out.
TEST_CASE("with a megabyte limit the whole turn stays near-linear") {
  BotFixture f;
  BotOptions options = parley::testing::fixture_options(f.store_path());
  options.max_message_chars = kMegabyte;
  auto bot = Bot::open(options);
  REQUIRE_MESSAGE(bot, bot.error().message());
  const std::size_t size = 256 * 1024;
  for (const std::string& big :
       {repeat("where is my order please ", size), repeat("112-4839201-5561234 ", size),
        repeat("alice.morgan@example.com ", size), random_word(size, 7),
        repeat("wher is my ordr plese ", size), repeat("我的订单在哪里", size),
        repeat("\xff\x80", size), repeat("📦 ", size), repeat("useless!!! ", size)}) {
    CAPTURE(big.substr(0, 24));
    Reply r = bot->respond("linear", big);
    check_reply(r);
    bot->reset("linear");
  }
}
