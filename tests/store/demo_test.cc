// The demo store: determinism, the showcase fixtures, FAQ coverage.
#include <set>

#include "store/dates.h"
#include "test_util.h"

namespace parley::store {
namespace {

using testing::demo_store;
using testing::dump;
using testing::TempDir;

TEST_CASE("same options give the same rows; another seed does not") {
  TempDir dir;
  DemoOptions options;
  options.seed = 7;
  options.orders = 400;
  demo_store(dir.file("a.db"), options).reset();
  demo_store(dir.file("b.db"), options).reset();
  const std::string a = dump(dir.file("a.db"));
  CHECK(a == dump(dir.file("b.db")));
  CHECK(testing::read_file(dir.file("a.db")) == testing::read_file(dir.file("b.db")));

  options.seed = 8;
  demo_store(dir.file("c.db"), options).reset();
  CHECK(a != dump(dir.file("c.db")));
}

TEST_CASE("every showcase order is there with its status, customer and postcode") {
  TempDir dir;
  for (const std::uint64_t seed : {1, 2}) {
    CAPTURE(seed);
    DemoOptions options;
    options.seed = seed;
    auto store = demo_store(dir.file("s" + std::to_string(seed) + ".db"), options);
    REQUIRE(showcase_orders().size() >= 14);
    CHECK(showcase_orders()[0].number == "112-4839201-5561234");
    std::set<OrderStatus> statuses;
    for (const ShowcaseOrder& s : showcase_orders()) {
      CAPTURE(s.number);
      auto order = store->find_order_by_number(s.number);
      REQUIRE(order.ok());
      REQUIRE(order->has_value());
      CHECK((*order)->status == s.status);
      CHECK((*order)->shipping_address.postcode == s.postcode);
      auto customer = store->find_customer((*order)->customer_id);
      REQUIRE(customer.ok());
      REQUIRE(customer->has_value());
      CHECK((*customer)->email == s.email);
      statuses.insert(s.status);
    }
    CHECK(statuses.size() == 6);  // every OrderStatus
  }
}

TEST_CASE("showcase stories hold relative to today") {
  TempDir dir;
  DemoOptions options;
  options.today = std::chrono::year{2031} / std::chrono::January / 2;
  const Date today = options.today;
  auto store = demo_store(dir.file("story.db"), options);
  auto order = [&](std::string_view number) {
    auto found = store->find_order_by_number(number);
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    return **found;
  };
  auto shipments = [&](const Order& o) { return *store->shipments_for_order(o.id); };
  const auto before = [](Date a, Date b) {
    return std::chrono::sys_days(a) < std::chrono::sys_days(b);
  };

  // In transit, with events, newest first.
  const Order in_transit = order("112-4839201-5561234");
  auto parcels = shipments(in_transit);
  REQUIRE(parcels.size() == 1);
  CHECK(parcels[0].status == ShipmentStatus::kInTransit);
  CHECK(parcels[0].carrier == "Royal Mail");
  CHECK(parcels[0].tracking_number == "KH483920107GB");  // docs/demo-store.md
  auto events = *store->events_for_shipment(parcels[0].id);
  REQUIRE(events.size() >= 3);
  for (std::size_t i = 1; i < events.size(); ++i) CHECK(events[i - 1].at >= events[i].at);
  CHECK(store->latest_event(parcels[0].id)->value().id == events[0].id);
  for (const TrackingEvent& e : events) {
    CHECK(e.at < std::chrono::sys_days(add_days(today, 1)));
  }

  // Late: the estimate has passed and nothing is delivered.
  parcels = shipments(order("112-4839207-8843310"));
  REQUIRE(parcels.size() == 1);
  CHECK(parcels[0].status == ShipmentStatus::kInTransit);
  CHECK(before(*parcels[0].estimated_date, today));
  CHECK_FALSE(parcels[0].delivered_on.has_value());

  // Partially shipped: two parcels, one delivered, one in transit.
  parcels = shipments(order("112-4839210-4482716"));
  REQUIRE(parcels.size() == 2);
  CHECK(parcels[0].status == ShipmentStatus::kDelivered);
  CHECK(parcels[1].status == ShipmentStatus::kInTransit);

  // Lost.
  CHECK(shipments(order("112-4839208-5019284"))[0].status == ShipmentStatus::kLost);

  // Cancelled with a completed refund of the whole order.
  const Order cancelled = order("112-4839209-9374021");
  auto refunds = *store->refunds_for_order(cancelled.id);
  REQUIRE(refunds.size() == 1);
  CHECK(refunds[0].status == RefundStatus::kCompleted);
  CHECK(refunds[0].amount == cancelled.total);
  CHECK_FALSE(refunds[0].return_id.has_value());

  // Open return with a known RMA.
  auto open_return = store->find_return_by_rma("RMA-7K3P9QXD");
  REQUIRE(open_return.ok());
  REQUIRE(open_return->has_value());
  CHECK((*open_return)->status == ReturnStatus::kLabelSent);
  CHECK((*open_return)->order_id == order("112-4839212-3158842").id);

  // Refund pending / completed.
  refunds = *store->refunds_for_order(order("112-4839213-7230095").id);
  REQUIRE(refunds.size() == 1);
  CHECK(refunds[0].status == RefundStatus::kPending);
  CHECK(before(today, *refunds[0].expected_on));
  refunds = *store->refunds_for_order(order("112-4839214-1987654").id);
  REQUIRE(refunds.size() == 1);
  CHECK(refunds[0].status == RefundStatus::kCompleted);
  CHECK(refunds[0].amount.minor == 7900 - 495);

  // Non-returnable items beside returnable ones.
  auto items = *store->items_for_order(order("112-4839211-6603158").id);
  int returnable = 0, not_returnable = 0;
  for (const OrderItem& item : items) (item.returnable ? returnable : not_returnable)++;
  CHECK(returnable >= 1);
  CHECK(not_returnable >= 2);
}

TEST_CASE("random orders never reuse a showcase number and look right") {
  TempDir dir;
  DemoOptions options;
  options.orders = 2000;
  options.customers = 100;
  const std::string path = dir.file("many.db");
  demo_store(path, options).reset();
  CHECK(testing::count_rows(path, "orders") ==
        2000 + static_cast<std::int64_t>(showcase_orders().size()));
  CHECK(testing::count_rows(path, "customers") == 107);
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("SELECT count(*) FROM orders WHERE number NOT GLOB "
                      "'112-[0-9][0-9][0-9][0-9][0-9][0-9][0-9]-"
                      "[0-9][0-9][0-9][0-9][0-9][0-9][0-9]'")
            .getInt() == 0);
  CHECK(db.execAndGet("SELECT count(DISTINCT status) FROM orders").getInt() == 6);
  CHECK(db.execAndGet("SELECT count(DISTINCT status) FROM shipments").getInt() == 6);
  CHECK(db.execAndGet("SELECT count(*) FROM returns WHERE rma NOT GLOB "
                      "'RMA-[A-Z2-9][A-Z2-9][A-Z2-9][A-Z2-9][A-Z2-9][A-Z2-9]"
                      "[A-Z2-9][A-Z2-9]'")
            .getInt() == 0);
  CHECK(db.execAndGet("SELECT count(*) FROM returns").getInt() > 20);
  CHECK(db.execAndGet("SELECT count(*) FROM addresses WHERE region = "
                      "'highlands_islands'").getInt() > 0);
  SQLite::Statement fk(db, "PRAGMA foreign_key_check");
  CHECK_FALSE(fk.executeStep());
}

TEST_CASE("the catalogue, policies, delivery options and FAQ are complete") {
  TempDir dir;
  auto store = demo_store(dir.file("catalogue.db"));
  auto categories = *store->categories();
  CHECK(categories == std::vector<std::string>{"beauty", "books", "clothing",
                                               "electronics", "gift cards", "home",
                                               "personalised items", "shoes"});
  for (const char* region :
       {"mainland", "highlands_islands", "northern_ireland", "international"}) {
    CAPTURE(region);
    auto options = *store->delivery_options_for_region(region);
    CHECK(options.size() >= 2);
    CHECK(options.size() <= 4);
    for (const DeliveryOption& o : options) CHECK(o.cost.currency == "GBP");
  }
  CHECK(store->delivery_options_for_region("mars")->empty());
  CHECK_FALSE(store->return_policy_for_category("gift cards")->value().returnable);
  CHECK_FALSE(store->return_policy_for_category("personalised items")->value().returnable);
  CHECK(store->return_policy_for_category("beauty")->value().returnable);
  CHECK(store->return_policy_for_category("clothing")->value().window_days == 30);
  CHECK_FALSE(store->return_policy_for_category("spaceships")->has_value());
  CHECK(store->return_policies()->size() == categories.size());

  for (const char* topic :
       {"payment_methods", "payment_issue", "invoice_get", "invoice_check",
        "account_create", "account_delete", "account_edit", "account_switch",
        "password_recover", "registration_problem", "newsletter", "review",
        "complaint", "contact_customer_service", "place_order", "change_order",
        "delivery_options", "return_policy", "refund_policy", "cancellation_fee",
        "set_shipping_address", "change_shipping_address"}) {
    CAPTURE(topic);
    auto article = store->find_faq("en", topic);
    REQUIRE(article.ok());
    REQUIRE(article->has_value());
    CHECK((*article)->body.size() > 60);
    CHECK((*article)->body.size() < 500);
  }
  CHECK_FALSE(store->find_faq("fr", "payment_methods")->has_value());
}

TEST_CASE("the generator refuses a store that already has data, writing nothing") {
  TempDir dir;
  const std::string path = dir.file("twice.db");
  auto store = demo_store(path);
  const std::string before = dump(path);
  const Status again = generate_demo_store(*store, {});
  CHECK(again.code() == ErrorCode::kInvalidArgument);
  CHECK(again.message().find(path) != std::string::npos);
  CHECK(dump(path) == before);

  TempDir other;
  auto empty = testing::open_store(other.file("empty.db"));
  DemoOptions bad;
  bad.customers = 0;
  CHECK(generate_demo_store(*empty, bad).code() == ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace parley::store
