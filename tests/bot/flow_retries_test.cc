// A flow slot's `retries:` sets how often the bot re-asks before it offers a
// person.
#include <filesystem>
#include <fstream>

#include "bot_fixture.h"

using namespace parley;
using parley::testing::BotFixture;
namespace fs = std::filesystem;

namespace {

// The bundled English pack with order_status's order_number slot given
// `retries`.
std::string pack_with_retries(const fs::path& dir, int retries) {
  const fs::path pack = dir / ("intents-" + std::to_string(retries));
  fs::copy(parley::testing::source_root() + "/intents/en", pack, fs::copy_options::recursive);
  std::ifstream in(pack / "flows.yaml");
  std::string flows((std::istreambuf_iterator<char>(in)), {});
  const std::string slot = "{name: order_number, prompt: ask_order_number}";
  const auto at = flows.find(slot);
  REQUIRE(at != std::string::npos);
  flows.replace(at, slot.size(),
                "{name: order_number, prompt: ask_order_number, retries: " + std::to_string(retries) + "}");
  std::ofstream(pack / "flows.yaml", std::ios::trunc) << flows;
  return pack.string();
}

// The states after "where is my order" and then `unclear` answers.
std::vector<std::string> states_after_unclear_answers(const BotFixture& f, int retries, int answers) {
  BotOptions options;
  options.intents = pack_with_retries(f.dir(), retries);
  options.store = f.store_path();
  options.log_turns = false;
  auto bot = Bot::open(options);
  REQUIRE_MESSAGE(bot, bot.error().message());
  std::vector<std::string> states;
  states.push_back(bot->respond("c", "where is my order").state);
  for (int i = 0; i < answers; ++i) states.push_back(bot->respond("c", "the purple one").state);
  return states;
}

}  // namespace

TEST_CASE("a flow slot's retries decide when a person is offered") {
  BotFixture f;
  CHECK(states_after_unclear_answers(f, 0, 1) ==
        std::vector<std::string>{"collecting_slot", "offering_human"});
  CHECK(states_after_unclear_answers(f, 1, 2) ==
        std::vector<std::string>{"collecting_slot", "collecting_slot", "offering_human"});
  CHECK(states_after_unclear_answers(f, 3, 4) ==
        std::vector<std::string>{"collecting_slot", "collecting_slot", "collecting_slot", "collecting_slot",
                                 "offering_human"});
}
