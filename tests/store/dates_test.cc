// ISO-8601 text <-> std::chrono, and the enum spellings.
#include <doctest/doctest.h>

#include "store/dates.h"
#include "store/records.h"

namespace parley::store {
namespace {

using namespace std::chrono;

TEST_CASE("dates and timestamps round-trip through their stored text") {
  const Date d = year{2024} / February / 29;
  CHECK(format_date(d) == "2024-02-29");
  CHECK(parse_date("2024-02-29") == d);
  const Timestamp t = sys_days(d) + hours{7} + minutes{5} + seconds{9};
  CHECK(format_timestamp(t) == "2024-02-29T07:05:09Z");
  CHECK(parse_timestamp("2024-02-29T07:05:09Z") == t);
  CHECK(format_time_of_day(minutes{14 * 60}) == "14:00");
  CHECK(parse_time_of_day("09:30") == minutes{570});
  CHECK(add_days(d, 1) == year{2024} / March / 1);
  CHECK(add_days(d, -29) == year{2024} / January / 31);
}

TEST_CASE("malformed dates are rejected, not guessed") {
  for (const char* bad : {"", "2023-02-29", "2024-2-29", "2024-13-01",
                          "2024-02-29x", "29/02/2024"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_date(bad).has_value());
  }
  CHECK_FALSE(parse_timestamp("2024-02-29 07:05:09").has_value());
  CHECK_FALSE(parse_timestamp("2024-02-29T24:00:00Z").has_value());
  CHECK_FALSE(parse_time_of_day("24:00").has_value());
  CHECK_FALSE(parse_time_of_day("9:30").has_value());
}

TEST_CASE("enum spellings round-trip") {
  for (auto s : {OrderStatus::kPending, OrderStatus::kPartiallyShipped,
                 OrderStatus::kCancelled}) {
    OrderStatus back{};
    CHECK(from_string(to_string(s), &back));
    CHECK(back == s);
  }
  ShipmentStatus shipment{};
  CHECK(from_string("returned_to_sender", &shipment));
  CHECK(shipment == ShipmentStatus::kReturnedToSender);
  RefundStatus refund = RefundStatus::kFailed;
  CHECK_FALSE(from_string("Completed", &refund));
  CHECK(refund == RefundStatus::kFailed);
  CHECK(is_open(ReturnStatus::kLabelSent));
  CHECK_FALSE(is_open(ReturnStatus::kRejected));
}

}  // namespace
}  // namespace parley::store
