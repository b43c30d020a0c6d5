// Running conversations: failures are reported readably, stores are private.
#include <doctest/doctest.h>

#include "convtest/convtest.h"
#include "convtest_util.h"

using namespace parley;
using parley::testing::TempDir;

namespace {

convtest::RunOptions options() {
  convtest::RunOptions o;
  o.intents = parley::testing::source_root() + "/intents";
  return o;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("a failing expectation names file:line, the expectation, the reply and the transcript") {
  TempDir dir;
  const std::string file = dir.write("fail.yaml",
                                     "conversations:\n"
                                     "  - name: passes\n"
                                     "    turns:\n"
                                     "      - say: where is my order\n"
                                     "        state: collecting_slot\n"
                                     "  - name: fails on the second turn\n"
                                     "    turns:\n"
                                     "      - say: where is my order\n"
                                     "        intent: order_status\n"
                                     "      - say: 112-4839201-5561234\n"
                                     "        state: idle\n"
                                     "        reply_contains: [banana]\n"
                                     "        handoff: true\n"
                                     "      - say: never sent\n");
  auto loaded = convtest::load_conversations(file);
  REQUIRE_MESSAGE(loaded, loaded.error().message());
  convtest::RunReport report = convtest::run_conversations(*loaded, options());
  REQUIRE_MESSAGE(report.error.ok(), report.error.message());
  REQUIRE(report.results.size() == 2);
  CHECK(report.passed() == 1);
  CHECK(report.failed() == 1);
  CHECK(report.results[0].passed);
  CHECK(report.results[0].report.empty());

  const auto& r = report.results[1];
  CHECK_FALSE(r.passed);
  CHECK(r.turns_run == 2);
  INFO(r.report);
  CHECK(r.report.rfind(file + ":10: turn 2 of 3 in 'fails on the second turn'\n", 0) == 0);
  CHECK(has(r.report, "say: \"112-4839201-5561234\""));
  CHECK(has(r.report, "FAILED state: expected 'idle', got 'verifying'"));
  CHECK(has(r.report, "FAILED reply_contains: the reply lacks \"banana\""));
  CHECK(has(r.report, "FAILED handoff: expected true, got false"));
  CHECK(has(r.report, "the bot said: \"To keep your details safe"));
  CHECK(has(r.report, "intent slot:order_number, state verifying, handoff false"));
  CHECK(has(r.report, "1. customer: where is my order"));
  CHECK(has(r.report, "bot (order_status -> collecting_slot): "));
  CHECK(has(r.report, "2. customer: 112-4839201-5561234"));
  CHECK_FALSE(has(r.report, "never sent"));
}

TEST_CASE("each conversation has its own store: a cancellation does not leak") {
  TempDir dir;
  const std::string cancel =
      "    turns:\n"
      "      - say: cancel order 112-4839202-7712045\n"
      "        state: verifying\n"
      "      - say: M1 1AE\n"
      "        state: confirming\n"
      "      - say: yes\n"
      "        reply_contains: [is cancelled]\n";
  const std::string file = dir.write("twice.yaml", "conversations:\n  - name: first\n" + cancel +
                                                       "  - name: second\n" + cancel);
  auto loaded = convtest::load_conversations(file);
  REQUIRE_MESSAGE(loaded, loaded.error().message());
  convtest::RunReport report = convtest::run_conversations(*loaded, options());
  REQUIRE_MESSAGE(report.error.ok(), report.error.message());
  REQUIRE(report.results.size() == 2);
  CHECK_MESSAGE(report.results[0].passed, report.results[0].report);
  CHECK_MESSAGE(report.results[1].passed, report.results[1].report);
}

TEST_CASE("signed_in by email resolves to the customer; an unknown email fails the conversation") {
  TempDir dir;
  const std::string file = dir.write("signed.yaml",
                                     "conversations:\n"
                                     "  - name: alice's own order needs no check\n"
                                     "    signed_in: alice.morgan@example.com\n"
                                     "    turns:\n"
                                     "      - say: where is order 112-4839201-5561234\n"
                                     "        reply_excludes: [email address]\n"
                                     "        reply_contains: [on its way]\n"
                                     "  - name: nobody\n"
                                     "    signed_in: nobody@example.com\n"
                                     "    turns: [{say: hi}]\n");
  auto loaded = convtest::load_conversations(file);
  REQUIRE_MESSAGE(loaded, loaded.error().message());
  convtest::RunReport report = convtest::run_conversations(*loaded, options());
  REQUIRE_MESSAGE(report.error.ok(), report.error.message());
  REQUIRE(report.results.size() == 2);
  CHECK_MESSAGE(report.results[0].passed, report.results[0].report);
  CHECK_FALSE(report.results[1].passed);
  CHECK(report.results[1].report == file + ":8: signed_in: no customer with email 'nobody@example.com' in the demo store\n");
}

TEST_CASE("intents that do not load stop the run with an error") {
  TempDir dir;
  const std::string file = dir.write("a.yaml", "conversations:\n  - name: hi\n    turns: [{say: hi}]\n");
  auto loaded = convtest::load_conversations(file);
  REQUIRE(loaded);
  convtest::RunOptions o = options();
  o.intents = dir.path() + "/no-such-intents";
  convtest::RunReport report = convtest::run_conversations(*loaded, o);
  CHECK_FALSE(report.error.ok());
  CHECK(report.results.empty());
}
