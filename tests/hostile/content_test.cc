// Broken intent content is refused with file:line:column, and a running bot
// keeps the pack it had: nothing is half-loaded.
#include <re2/re2.h>

#include <string>
#include <vector>

#include "hostile_util.h"

using namespace parley;
using parley::testing::BotFixture;
using parley::testing::check_reply;
using parley::testing::contains;
using parley::testing::read_file;
using parley::testing::TempDir;
using parley::testing::write_file;

namespace fs = std::filesystem;

namespace {

// A copy of the bundled English pack, to break.
fs::path copy_english(const TempDir& dir) {
  const fs::path target = dir.path() / "intents" / "en";
  fs::create_directories(target);
  for (const auto& entry : fs::directory_iterator(parley::testing::source_root() + "/intents/en")) {
    fs::copy_file(entry.path(), target / entry.path().filename());
  }
  return target;
}

BotOptions options_for(const fs::path& intents, const fs::path& store) {
  BotOptions options = parley::testing::fixture_options(store.string());
  options.intents = intents.string();
  return options;
}

// "<file>:<line>:<column>: error:" with a line and column that are not 0.
bool has_location(const std::string& message, const std::string& file) {
  const RE2 located(RE2::QuoteMeta(file) + R"(:[1-9][0-9]*:[1-9][0-9]*: error: )");
  return RE2::PartialMatch(message, located);
}

struct Broken {
  std::string what;
  std::string yaml;
};

std::vector<Broken> broken_files() {
  return {
      {"unclosed quote", "intents:\n  - id: oops\n    examples: ['never closed]\n"},
      {"unclosed flow list", "intents:\n  - id: oops\n    examples: [a, b\n"},
      {"tab indentation", "intents:\n\t- id: oops\n"},
      {"bad indentation", "intents:\n  - id: oops\n   examples: [a]\n"},
      {"intents is a mapping", "intents:\n  id: oops\n"},
      {"intent is a scalar", "intents:\n  - just text\n"},
      {"intent without id", "intents:\n  - examples: [hello there]\n"},
      {"unknown key", "intents:\n  - id: oops\n    exampels: [hello]\n"},
      {"unknown top-level key", "intentz:\n  - id: oops\n"},
      {"priority not a number", "intents:\n  - id: oops\n    priority: high\n    examples: [a b c]\n"},
      {"nested list as example", "intents:\n  - id: oops\n    examples: [[a, b]]\n"},
      {"empty example", "intents:\n  - id: oops\n    examples: ['']\n"},
      {"duplicate intent id", "intents:\n  - id: order_status\n    examples: [where is it]\n"},
      {"slot without entity", "intents:\n  - id: oops\n    slots: [{name: x}]\n"},
      {"threshold out of range", "locale:\n  fallback_threshold: 7\n"},
      {"bad clock", "escalation:\n  service_hours: {open: '25:99'}\n"},
      {"root is a list", "- a\n- b\n"},
      {"root is a scalar", "just some words\n"},
      {"invalid UTF-8", "intents:\n  - id: oops\n    examples: [\"caf\xe9\"]\n"},
      {"NUL byte", "intents:\n  - id: oops\n    examples: [a" + std::string(1, '\0') + "b]\n"},
      {"undefined alias", "intents:\n  - id: oops\n    examples: *nothing\n"},
      {"bad RE2 pattern", "intents:\n  - id: oops\n    patterns: ['(unclosed']\n"},
      {"bad RE2 repeat", "intents:\n  - id: oops\n    patterns: ['a{2,1}']\n"},
      {"RE2 backreference", "intents:\n  - id: oops\n    patterns: ['(a)\\1']\n"},
      {"RE2 lookahead", "intents:\n  - id: oops\n    patterns: ['foo(?=bar)']\n"},
      {"bad entity pattern", "entities:\n  colour:\n    patterns: ['[z-a]']\n"},
      {"bad veto", "intents:\n  - id: oops\n    examples: [hi there]\n    not: ['*']\n"},
      {"bad MessageFormat", "responses:\n  oops: ['{unclosed']\n"},
      {"bad plural", "responses:\n  oops: ['{n, plural, one {x}']\n"},
      {"deep nesting", "intents: " + std::string(5000, '[') + std::string(5000, ']') + "\n"},
  };
}

}  // namespace

TEST_CASE("every malformed content file is refused with its location, before the store is touched") {
  for (const Broken& b : broken_files()) {
    CAPTURE(b.what);
    TempDir dir("content");
    const fs::path pack = copy_english(dir);
    write_file(pack / "zz-broken.yaml", b.yaml);
    const fs::path store = dir.path() / "shop.db";
    auto bot = Bot::open(options_for(pack, store));
    REQUIRE_FALSE(bot.ok());
    CHECK(bot.error().code() == ErrorCode::kInvalidContent);
    const std::string& message = bot.error().message();
    CAPTURE(message);
    // The duplicate's first definition is in orders.yaml; the error is
    // reported at the second one, the broken file.
    CHECK(has_location(message, (pack / "zz-broken.yaml").string()));
    CHECK_FALSE(fs::exists(store));  // content is checked before the store is opened
  }
}

TEST_CASE("a valid pack with strange but legal content loads") {
  TempDir dir("legal");
  const fs::path pack = copy_english(dir);
  write_file(pack / "zz-strange.yaml",
             "intents:\n"
             "  - id: strange\n"
             "    examples: ['{0} ''quoted'' {name}', 'DROP TABLE orders', '📦 ☺ 我的订单']\n"
             "    phrases: [\"what's (up|new)\"]\n"
             "responses:\n"
             "  strange: ['Braces {0} and ''{quotes}''', '100% sure']\n");
  auto bot = Bot::open(options_for(pack, dir.path() / "shop.db"));
  REQUIRE_MESSAGE(bot, bot.error().message());
  check_reply(bot->respond("s", "DROP TABLE orders"));
}

TEST_CASE("reload with a broken pack fails with the location and keeps the old pack") {
  TempDir dir("reload");
  const fs::path pack = copy_english(dir);
  BotFixture f;  // for its demo store
  auto bot = Bot::open(options_for(pack, f.store_path()));
  REQUIRE_MESSAGE(bot, bot.error().message());
  REQUIRE(bot->respond("before", "where is my order").intent == "order_status");

  // Break orders.yaml near its end: an unclosed quote.
  const fs::path orders = pack / "orders.yaml";
  const std::string good = read_file(orders);
  write_file(orders, good + "\n  - id: broken\n    examples: ['no end\n");
  Status s = bot->reload();
  REQUIRE_FALSE(s.ok());
  CHECK(s.code() == ErrorCode::kInvalidContent);
  CAPTURE(s.message());
  CHECK(has_location(s.message(), orders.string()));

  // Still answering, with the old pack, in new and old sessions.
  Reply r = bot->respond("after", "where is my order");
  CHECK(r.intent == "order_status");
  check_reply(r);
  check_reply(bot->respond("before", "112-4839201-5561234"));

  // A pattern RE2 rejects is reported too (not thrown), and the old pack stays.
  write_file(orders, good + "\n  - id: broken\n    patterns: ['(?P<x>unclosed']\n    examples: [x y z]\n");
  s = bot->reload();
  REQUIRE_FALSE(s.ok());
  CAPTURE(s.message());
  CHECK(has_location(s.message(), orders.string()));
  CHECK(contains(s.message(), "missing )"));
  CHECK(bot->respond("after2", "where is my order").intent == "order_status");

  // A removed file that others depend on: refused as a whole as well.
  write_file(orders, good);
  fs::remove(pack / "responses.yaml");
  s = bot->reload();
  CHECK_FALSE(s.ok());
  CHECK(bot->respond("after3", "where is my order").intent == "order_status");

  // Repaired: reload succeeds.
  fs::copy_file(parley::testing::source_root() + "/intents/en/responses.yaml", pack / "responses.yaml");
  s = bot->reload();
  CHECK_MESSAGE(s.ok(), s.message());
  CHECK(bot->respond("after4", "where is my order").intent == "order_status");
}

TEST_CASE("an intents directory that is missing, empty or a file is refused") {
  TempDir dir("dirs");
  const fs::path store = dir.path() / "shop.db";
  fs::create_directories(dir.path() / "empty");
  write_file(dir.path() / "file.yaml", "intents: []\n");
  for (const fs::path& intents : {dir.path() / "missing", dir.path() / "empty", dir.path() / "file.yaml"}) {
    CAPTURE(intents);
    auto bot = Bot::open(options_for(intents, store));
    REQUIRE_FALSE(bot.ok());
    CHECK(contains(bot.error().message(), intents.string()));
  }
}
