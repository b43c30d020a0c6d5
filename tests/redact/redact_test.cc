#include "redact/redact.h"

#include <doctest/doctest.h>

using parley::redact::is_card_number;
using parley::redact::redact;

TEST_CASE("emails, phones, cards, postcodes and addresses are redacted") {
  CHECK(redact("mail me: Jo.Bloggs+shop@Example.co.uk thanks") == "mail me: [email] thanks");
  CHECK(redact("call 07700 900123 or +44 7700 900456") == "call [phone] or [phone]");
  CHECK(redact("landline (020) 7946 0958") == "landline [phone]");
  CHECK(redact("card 4111 1111 1111 1111 exp 12/27") == "card [card] exp 12/27");
  CHECK(redact("card 4111-1111-1111-1111") == "card [card]");
  CHECK(redact("my postcode is SW1A 1AA") == "my postcode is [postcode]");
  CHECK(redact("postcode m1 1ae") == "postcode [postcode]");
  CHECK(redact("send it to 12 Elm Grove please") == "send it to [address] please");
  CHECK(redact("I live at 221B Baker Street, London") == "I live at [address], London");
}

TEST_CASE("order numbers and other numbers are kept") {
  CHECK(redact("where is 112-4839201-5561234") == "where is 112-4839201-5561234");
  // Passes the Luhn check like a card number, but has an order number's shape.
  CHECK(redact("and 112-4839201-5561236?") == "and 112-4839201-5561236?");
  CHECK(redact("card 1124839201556 1236") == "card [card]");
  CHECK(redact("I ordered 3 items for £45.00") == "I ordered 3 items for £45.00");
  CHECK(redact("card 4111 1111 1111 1112") == "card 4111 1111 1111 1112");  // fails Luhn
}

TEST_CASE("the Luhn check") {
  CHECK(is_card_number("4111111111111111"));
  CHECK(is_card_number("5500 0000 0000 0004"));
  CHECK(is_card_number("3782-822463-10005"));
  CHECK_FALSE(is_card_number("4111111111111112"));
  CHECK_FALSE(is_card_number("12345"));
  CHECK_FALSE(is_card_number("4111x111111111111"));
}

TEST_CASE("any bytes are accepted") {
  std::string junk = "\xff\xfe abc@def.gh \x00 07700 900123";
  CHECK(redact(junk).find("[email]") != std::string::npos);
}
