// What a host app does: its own actions, hot reload.
#include <filesystem>
#include <fstream>

#include "bot_fixture.h"
#include "intents/pack_cache.h"
#include "matcher/rule_memo.h"

using namespace parley;
using parley::testing::BotFixture;
using parley::testing::contains;
namespace fs = std::filesystem;

TEST_CASE("a host action replaces a built-in one and sees the collected slots") {
  BotFixture f;
  std::vector<ActionRequest> calls;
  f.bot().register_action("order_status", [&](const ActionRequest& request) {
    calls.push_back(request);
    ActionResponse r;
    r.text = "Custom tracking page: https://shop.example/t/" + request.slots.at("order_number");
    r.suggestions = {"Thanks"};
    return r;
  });
  f.bot().respond("h1", "where is my order 112-4839201-5561234");
  Reply r = f.bot().respond("h1", "alice.morgan@example.com");
  REQUIRE(calls.size() == 1);
  CHECK(calls[0].intent == "order_status");
  CHECK(calls[0].session_id == "h1");
  CHECK(r.text == "Custom tracking page: https://shop.example/t/112-4839201-5561234");
  CHECK(r.suggestions == std::vector<std::string>{"Thanks"});
}

TEST_CASE("a host action that throws is apologised for and handed over") {
  BotFixture f;
  f.bot().register_action("delivery_options", [](const ActionRequest&) -> ActionResponse {
    throw std::runtime_error("shipping service down");
  });
  Reply r = f.bot().respond("h2", "what delivery options do you offer");
  CHECK(r.handoff);
  bool traced = false;
  for (const auto& t : r.trace) traced |= contains(t, "shipping service down");
  CHECK(traced);
}

namespace {

// A copy of the English pack in the fixture's directory (intents/en), for
// tests that edit it; returns its path.
fs::path CopyEnglishPack(const BotFixture& f) {
  const fs::path pack = f.dir() / "intents" / "en";
  fs::create_directories(pack);
  for (const auto& entry : fs::directory_iterator(parley::testing::source_root() + "/intents/en")) {
    fs::copy_file(entry.path(), pack / entry.path().filename());
  }
  return pack;
}

}  // namespace

TEST_CASE("reload swaps in new content; a broken pack keeps the old one") {
  BotFixture f;
  const fs::path pack = CopyEnglishPack(f);
  BotOptions options;
  options.intents = (f.dir() / "intents").string();
  options.store = f.store_path();
  auto bot = Bot::open(options);
  REQUIRE(bot);
  CHECK(contains(bot->respond("r", "hello").text, "help"));

  // A writer changes the greeting: reload picks it up.
  std::ofstream(pack / "zz-greeting.yaml") << "responses:\n  greet_custom: [x]\n";
  std::string responses;
  {
    std::ifstream in(pack / "responses.yaml");
    responses.assign(std::istreambuf_iterator<char>(in), {});
  }
  const std::string from = "  greet:\n";
  auto at = responses.find(from);
  REQUIRE(at != std::string::npos);
  responses.insert(at + from.size(), "    - \"Howdy from the reloaded pack!\"\n");
  std::ofstream(pack / "responses.yaml") << responses;
  REQUIRE(bot->reload().ok());
  bool seen = false;
  for (int i = 0; i < 8 && !seen; ++i) seen = contains(bot->respond("r" + std::to_string(i), "hello").text, "Howdy");
  CHECK(seen);

  // A broken file: reload fails naming it, the bot keeps answering.
  std::ofstream(pack / "zz-broken.yaml") << "intents:\n  - id: x\n    exmaples: [a]\n";
  Status s = bot->reload();
  CHECK_FALSE(s.ok());
  CHECK(s.code() == ErrorCode::kInvalidContent);
  CHECK(contains(s.message(), "zz-broken.yaml:3:5"));
  CHECK(bot->respond("after", "where is my order").intent == "order_status");
}

TEST_CASE("with a cache directory, a restart and a reload after an edit read what they can from it") {
  BotFixture f;
  const fs::path pack = CopyEnglishPack(f);
  BotOptions options;
  options.intents = (f.dir() / "intents").string();
  options.store = f.store_path();
  options.cache_directory = (f.dir() / "cache").string();
  const std::string memo = parley::intents::rule_memo_file(pack.string(), options.cache_directory);
  {
    auto bot = Bot::open(options);
    REQUIRE(bot);
  }
  REQUIRE(fs::exists(memo));
  const std::size_t remembered = parley::matcher::RuleMemo::read(memo).size();
  CHECK(remembered > 1000);

  auto bot = Bot::open(options);  // from the pack cache and the rule memo
  REQUIRE(bot);
  CHECK(bot->respond("a", "where is my order").intent == "order_status");

  // A writer adds an intent: the reload sees it, and the memo learns its rule.
  std::ofstream(pack / "zz-pirate.yaml") << "intents:\n"
                                            "  - id: pirate_greeting\n"
                                            "    description: Hello, the pirate way.\n"
                                            "    patterns: ['\\bahoy,? matey\\b']\n"
                                            "    examples: [ahoy matey, ahoy there matey]\n";
  REQUIRE(bot->reload().ok());
  CHECK(bot->respond("b", "ahoy matey").intent == "pirate_greeting");
  const parley::matcher::RuleMemo after = parley::matcher::RuleMemo::read(memo);
  CHECK(after.find(R"(\bahoy,? matey\b)") != nullptr);
  CHECK(after.size() == remembered + 1);
}
