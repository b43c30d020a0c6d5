// Grouping the messages the bot did not understand.
#include <doctest/doctest.h>

#include "report/unmatched.h"

namespace parley::report {
namespace {

TEST_CASE("informative words: folded, no stopwords, tags, digits or single letters") {
  CHECK(informative_words("Do you do GIFT wrapping?") ==
        std::vector<std::string>{"gift", "wrapping"});
  CHECK(informative_words("my email is [email], order 112-4839201-5561234 x") ==
        std::vector<std::string>{"email", "order"});
  CHECK(informative_words("[email] [postcode] [card] [phone] [address]").empty());
  CHECK(informative_words("Café café CAFÉ") == std::vector<std::string>{"cafe"});
  CHECK(informative_words("").empty());
  CHECK(informative_words("hi, thanks, can you help me please?").empty());
  CHECK(is_stopword("the"));
  CHECK(!is_stopword("gift"));
}

TEST_CASE("stems join the forms of a word") {
  CHECK(stem("wrapping") == "wrap");
  CHECK(stem("wrapped") == "wrap");
  CHECK(stem("washable") == "wash");
  CHECK(stem("washing") == "wash");
  CHECK(stem("points") == "point");
  CHECK(stem("deliveries") == "delivery");
  CHECK(stem("dress") == "dress");
  CHECK(stem("status") == "status");
  CHECK(stem("bus") == "bus");
  CHECK(stem("ring") == "ring");  // too short to lose -ing
  CHECK(stem("killing") == "kill");
}

TEST_CASE("greedy grouping by the most shared word") {
  const std::vector<std::string> messages = {
      "do you do gift wrapping",        // gift, wrap
      "can you gift wrap my order",     // gift, wrap, order
      "gift wrap?",                     // gift, wrap
      "student discount code",          // student, discount, code
      "is there a student discount",    // student, discount
      "discount for nurses",            // discount, nurses
      "what's the weather like",        // weather
      "do you do gift wrapping",        // a repeat
  };
  const UnmatchedSummary u = group_unmatched(messages);
  CHECK(u.messages == 8);
  REQUIRE(u.groups.size() == 2);
  // "gift" and "wrap" are both in 4 messages: alphabetical tie-break.
  CHECK(u.groups[0].word == "gift");
  CHECK(u.groups[0].messages == 4);
  CHECK(u.groups[0].related == std::vector<std::string>{"wrap"});  // commonest form, ties by text
  REQUIRE(u.groups[0].examples.size() == 3);
  CHECK(u.groups[0].examples[0].text == "do you do gift wrapping");
  CHECK(u.groups[0].examples[0].count == 2);
  CHECK(u.groups[0].examples[1].text == "can you gift wrap my order");  // then by text
  CHECK(u.groups[1].word == "discount");
  CHECK(u.groups[1].messages == 3);
  CHECK(u.groups[1].related == std::vector<std::string>{"student"});
  CHECK(u.ungrouped == 1);
  REQUIRE(u.ungrouped_examples.size() == 1);
  CHECK(u.ungrouped_examples[0].text == "what's the weather like");
}

TEST_CASE("limits: max groups, group size, examples") {
  std::vector<std::string> messages;
  for (int i = 0; i < 5; ++i) messages.push_back("alpha one");
  for (int i = 0; i < 3; ++i) messages.push_back("beta two " + std::to_string(i));
  messages.push_back("gamma");
  GroupingOptions options;
  options.max_groups = 1;
  options.examples_per_group = 1;
  UnmatchedSummary u = group_unmatched(messages, options);
  REQUIRE(u.groups.size() == 1);
  CHECK(u.groups[0].word == "alpha");
  CHECK(u.groups[0].examples.size() == 1);
  CHECK(u.ungrouped == 4);

  options.max_groups = 10;
  options.min_group_size = 4;
  u = group_unmatched(messages, options);
  CHECK(u.groups.size() == 1);

  CHECK(group_unmatched({}).groups.empty());
  CHECK(group_unmatched({}).ungrouped == 0);
}

TEST_CASE("odd bytes are made safe for display") {
  const UnmatchedSummary u = group_unmatched({"\xff\xfe parcel\x01", "parcel  "});
  REQUIRE(u.groups.size() == 1);
  for (const Example& e : u.groups[0].examples) {
    for (char c : e.text) CHECK(static_cast<unsigned char>(c) >= 0x20);
  }
}

}  // namespace
}  // namespace parley::report
