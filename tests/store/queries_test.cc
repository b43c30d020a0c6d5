// Read queries against the demo store.
#include "store/dates.h"
#include "test_util.h"

namespace parley::store {
namespace {

using testing::TempDir;

TEST_CASE("orders, customers, items and shipments") {
  TempDir dir;
  auto store = testing::demo_store(dir.file("q.db"));

  auto missing = store->find_order_by_number("112-0000000-0000000");
  REQUIRE(missing.ok());
  CHECK_FALSE(missing->has_value());

  auto found = store->find_order_by_number("112-4839201-5561234");
  REQUIRE(found.ok());
  REQUIRE(found->has_value());
  const Order order = **found;
  CHECK(order.total.currency == "GBP");
  CHECK(order.total.minor == 14900 + 5900 + 395);
  CHECK(order.shipping_address.region == "mainland");
  CHECK(store->find_order(order.id)->value().number == order.number);

  auto customer = store->find_customer_by_email("alice.morgan@example.com");
  REQUIRE(customer.ok());
  REQUIRE(customer->has_value());
  CHECK((*customer)->id == order.customer_id);
  CHECK((*customer)->name == "Alice Morgan");
  CHECK(store->addresses_for_customer(order.customer_id)->at(0).postcode == "SW1A 1AA");
  CHECK_FALSE(store->find_customer(987654321)->has_value());

  auto recent = store->recent_orders_for_customer(order.customer_id, 5);
  REQUIRE(recent.ok());
  REQUIRE(recent->size() >= 2);
  for (std::size_t i = 1; i < recent->size(); ++i) {
    CHECK((*recent)[i - 1].placed_at >= (*recent)[i].placed_at);
  }
  CHECK(store->recent_orders_for_customer(order.customer_id, 1)->size() == 1);
  CHECK(store->recent_orders_for_customer(order.customer_id, 0).error().code() ==
        ErrorCode::kInvalidArgument);

  auto items = store->items_for_order(order.id);
  REQUIRE(items.ok());
  REQUIRE(items->size() == 2);
  CHECK((*items)[0].product_name == "Waxed cotton field jacket");
  CHECK((*items)[0].category == "clothing");
  CHECK((*items)[0].returnable);
  CHECK((*items)[0].unit_price == Money{14900, "GBP"});
  CHECK((*items)[0].shipment_id.has_value());
  CHECK_FALSE((*items)[0].delivered_on.has_value());

  auto delivered = store->find_order_by_number("112-4839205-1048576")->value();
  const auto delivered_items = store->items_for_order(delivered.id);
  REQUIRE(delivered_items.ok());
  for (const OrderItem& item : *delivered_items) {
    CHECK(item.delivered_on == add_days(DemoOptions{}.today, -5));
  }
  CHECK(store->items_for_order(987654321)->empty());
  CHECK(store->shipments_for_order(987654321)->empty());
  CHECK(store->events_for_shipment(987654321)->empty());
  CHECK_FALSE(store->latest_event(987654321)->has_value());
}

TEST_CASE("delivery options are cheapest first with cut-offs") {
  TempDir dir;
  auto store = testing::demo_store(dir.file("d.db"));
  auto options = store->delivery_options_for_region("mainland");
  REQUIRE(options.ok());
  REQUIRE(options->size() == 4);
  for (std::size_t i = 1; i < options->size(); ++i) {
    CHECK((*options)[i - 1].cost.minor <= (*options)[i].cost.minor);
  }
  bool express = false;
  for (const DeliveryOption& o : *options) {
    if (o.method.starts_with("Express")) {
      express = true;
      CHECK(o.cutoff == std::chrono::hours{14});
      CHECK(o.min_days == 1);
    }
  }
  CHECK(express);
}

TEST_CASE("delivery options of equal cost keep the order they were added in") {
  TempDir dir;
  const std::string path = dir.file("e.db");
  testing::open_store(path).reset();
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec(
        "INSERT INTO delivery_options (region, method, cost_minor, currency, min_days, max_days, "
        "cutoff) VALUES ('isles', 'B', 500, 'GBP', 2, 3, '12:00'), "
        "('isles', 'A', 500, 'GBP', 2, 3, '12:00'), ('isles', 'C', 100, 'GBP', 4, 5, '12:00'), "
        "('isles', 'D', 500, 'GBP', 1, 1, '12:00')");
  }
  auto store = testing::open_store(path);
  auto options = store->delivery_options_for_region("isles");
  REQUIRE(options.ok());
  std::string methods;
  for (const DeliveryOption& o : *options) methods += o.method;
  CHECK(methods == "CBAD");
}

TEST_CASE("statements are reused across many calls") {
  TempDir dir;
  auto store = testing::demo_store(dir.file("r.db"));
  for (int i = 0; i < 2000; ++i) {
    auto order = store->find_order_by_number(i % 2 ? "112-4839201-5561234"
                                                   : "112-4839202-7712045");
    REQUIRE(order.ok());
    REQUIRE(order->has_value());
  }
}

}  // namespace
}  // namespace parley::store
