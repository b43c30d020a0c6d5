// Loading conversation files: the format, and errors that point at the spot.
#include <doctest/doctest.h>

#include "convtest/convtest.h"
#include "convtest_util.h"

using namespace parley;
using parley::testing::TempDir;

TEST_CASE("a conversation file loads with its expectations and locations") {
  TempDir dir;
  const std::string file = dir.write("a.yaml",
                                     "conversations:\n"
                                     "  - name: tracking\n"
                                     "    today: 2026-01-05\n"
                                     "    signed_in: alice.morgan@example.com\n"
                                     "    turns:\n"
                                     "      - say: where is my order\n"
                                     "        intent: order_status\n"
                                     "        state: collecting_slot\n"
                                     "        reply_contains: order number\n"
                                     "        reply_excludes: [on its way, Royal Mail]\n"
                                     "        handoff: false\n"
                                     "        suggestions_contain: [Yes]\n"
                                     "      - say: ''\n"
                                     "  - name: signed in by id\n"
                                     "    signed_in: 3\n"
                                     "    turns:\n"
                                     "      - say: hi\n");
  auto loaded = convtest::load_conversations(file);
  REQUIRE_MESSAGE(loaded, loaded.error().message());
  REQUIRE(loaded->size() == 2);
  const auto& c = (*loaded)[0];
  CHECK(c.name == "tracking");
  CHECK(c.where.line == 2);
  CHECK(c.today == std::chrono::year{2026} / std::chrono::January / 5);
  CHECK(std::get<std::string>(*c.signed_in) == "alice.morgan@example.com");
  REQUIRE(c.turns.size() == 2);
  CHECK(c.turns[0].where.line == 6);
  CHECK(c.turns[0].say == "where is my order");
  CHECK(*c.turns[0].intent == "order_status");
  CHECK(*c.turns[0].state == "collecting_slot");
  CHECK(c.turns[0].reply_contains == std::vector<std::string>{"order number"});
  CHECK(c.turns[0].reply_excludes.size() == 2);
  CHECK(*c.turns[0].handoff == false);
  CHECK(c.turns[0].suggestions_contain == std::vector<std::string>{"Yes"});
  CHECK(c.turns[1].say.empty());
  CHECK_FALSE(c.turns[1].intent);
  CHECK((*loaded)[1].today == convtest::default_today());
  CHECK(std::get<std::int64_t>(*(*loaded)[1].signed_in) == 3);
}

TEST_CASE("an unknown key is an error at its file:line:column, with a hint") {
  TempDir dir;
  const std::string file = dir.write("typo.yaml",
                                     "conversations:\n"
                                     "  - name: typo\n"
                                     "    turns:\n"
                                     "      - say: hi\n"
                                     "        reply_contain: [hello]\n"
                                     "        colour: blue\n");
  auto loaded = convtest::load_conversations(file);
  REQUIRE_FALSE(loaded);
  CHECK(loaded.error().code() == ErrorCode::kInvalidContent);
  CHECK(loaded.error().message() ==
        file + ":5:9: error: unknown key 'reply_contain' in a turn; did you mean 'reply_contains'?\n" + file +
            ":6:9: error: unknown key 'colour' in a turn; expected one of: say intent state reply_contains "
            "reply_excludes handoff suggestions_contain");
}

TEST_CASE("a turn without 'say' and a bad state are errors") {
  TempDir dir;
  const std::string file = dir.write("nosay.yaml",
                                     "conversations:\n"
                                     "  - name: no say\n"
                                     "    turns:\n"
                                     "      - say: hi\n"
                                     "        state: collecting\n"
                                     "      - intent: greet\n");
  auto loaded = convtest::load_conversations(file);
  REQUIRE_FALSE(loaded);
  CHECK(loaded.error().message() ==
        file + ":5:16: error: unknown state 'collecting'; expected one of: idle collecting_slot verifying "
               "confirming clarifying offering_human handed_off awaiting_feedback\n" +
            file + ":6:9: error: a turn needs 'say: <the customer's message>'");
}

TEST_CASE("conversation-level problems: no name, no turns, bad date, bad signed_in, duplicates") {
  TempDir dir;
  const std::string file = dir.write("bad.yaml",
                                     "conversations:\n"
                                     "  - today: 2026-02-30\n"
                                     "    signed_in: alice\n"
                                     "    turns: []\n"
                                     "  - name: twice\n"
                                     "    turns: [{say: hi}]\n"
                                     "  - name: twice\n"
                                     "    turns: [{say: hi}]\n");
  auto loaded = convtest::load_conversations(file);
  REQUIRE_FALSE(loaded);
  const std::string& m = loaded.error().message();
  INFO(m);
  CHECK(m.find(file + ":2:5: error: a conversation needs 'name: <what it shows>'") != std::string::npos);
  CHECK(m.find(file + ":2:12: error: today must be a date written YYYY-MM-DD") != std::string::npos);
  CHECK(m.find(file + ":3:16: error: signed_in must be a customer's email or a positive customer id") !=
        std::string::npos);
  CHECK(m.find(file + ":4:12: error: a conversation needs 'turns:'") != std::string::npos);
  CHECK(m.find(file + ":7:11: error: duplicate conversation name 'twice' (first at " + file + ":5)") !=
        std::string::npos);
}

TEST_CASE("YAML syntax errors and missing paths") {
  TempDir dir;
  const std::string file = dir.write("syntax.yaml", "conversations:\n  - name: [unclosed\n");
  auto loaded = convtest::load_conversations(file);
  REQUIRE_FALSE(loaded);
  CHECK(loaded.error().message().rfind(file + ":3:1: error: ", 0) == 0);

  auto missing = convtest::load_conversations(dir.path() + "/nope.yaml");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code() == ErrorCode::kNotFound);

  TempDir empty;
  auto none = convtest::load_conversations(empty.path());
  REQUIRE_FALSE(none);
  CHECK(none.error().code() == ErrorCode::kNotFound);
}

TEST_CASE("a directory loads every *.yaml file, sorted by name") {
  TempDir dir;
  dir.write("b.yaml", "conversations:\n  - name: second\n    turns: [{say: hi}]\n");
  dir.write("a.yaml", "conversations:\n  - name: first\n    turns: [{say: hi}]\n");
  dir.write("notes.txt", "not a conversation");
  auto loaded = convtest::load_conversations(dir.path());
  REQUIRE_MESSAGE(loaded, loaded.error().message());
  REQUIRE(loaded->size() == 2);
  CHECK((*loaded)[0].name == "first");
  CHECK((*loaded)[1].name == "second");
}
