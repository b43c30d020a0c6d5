#include "dialogue/session.h"

#include <doctest/doctest.h>

using namespace parley::dialogue;

TEST_CASE("a session survives serialisation") {
  Session s;
  s.id = "web:42";
  s.locale = "en";
  s.state = State::kVerifying;
  s.flow = "order_status";
  s.pending_slot = "order_number";
  s.retries = 1;
  s.slots["order_number"] = "112-4839201-5561234";
  s.slots["odd=key"] = "line1\nline2 100% sure, yes";
  s.options = {"order_status", "return_item"};
  s.misses = 1;
  s.failed_verifications = 2;
  s.frustration = 1.5;
  s.customer_id = 7;
  s.verified_orders = {"112-4839201-5561234"};
  s.turns = 12;
  s.record("customer", "where is my order?\n");
  s.record("bot", "What's the number?");

  auto back = deserialize(serialize(s));
  REQUIRE_MESSAGE(back, back.error().message());
  CHECK(back->id == s.id);
  CHECK(back->state == State::kVerifying);
  CHECK(back->flow == s.flow);
  CHECK(back->pending_slot == s.pending_slot);
  CHECK(back->retries == 1);
  CHECK(back->slots == s.slots);
  CHECK(back->options == s.options);
  CHECK(back->misses == 1);
  CHECK(back->failed_verifications == 2);
  CHECK(back->frustration == doctest::Approx(1.5));
  CHECK(back->customer_id == 7);
  CHECK(back->verified_orders == s.verified_orders);
  CHECK(back->turns == 12);
  REQUIRE(back->transcript.size() == 2);
  CHECK(back->transcript[0].text == "where is my order?\n");
  CHECK(serialize(*back) == serialize(s));
}

TEST_CASE("malformed session text is an error, never a crash") {
  CHECK_FALSE(deserialize(""));
  CHECK_FALSE(deserialize("v=2\n"));
  CHECK_FALSE(deserialize("v=1\nstate=dancing\n"));
  CHECK_FALSE(deserialize("v=1\nretries=many\n"));
  CHECK_FALSE(deserialize("v=1\nslot.x=%G1\n"));
  CHECK_FALSE(deserialize("v=1\nnokey\n"));
  CHECK_FALSE(deserialize("v=1\nwhat=ever\n"));
  auto e = deserialize("v=1\nstate=idle\nmisses=x\n");
  REQUIRE_FALSE(e);
  CHECK(e.error().message() == "session text, line 3: 'misses' needs a number");
  std::string bytes(256, '\0');
  for (int i = 0; i < 256; ++i) bytes[static_cast<size_t>(i)] = static_cast<char>(i);
  CHECK_FALSE(deserialize(bytes));
}

TEST_CASE("the transcript is bounded") {
  Session s;
  for (int i = 0; i < 100; ++i) s.record("customer", std::to_string(i));
  CHECK(s.transcript.size() == Session::kMaxTranscript);
  CHECK(s.transcript.back().text == "99");
}
