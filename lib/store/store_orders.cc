// Store: customers, orders, items, shipments and tracking events.
#include <string>

#include "store/connection.h"
#include "store/store.h"

namespace parley::store {
namespace {

Customer read_customer(const Query& q) {
  return Customer{q.int64(0), q.text(1), q.text(2), q.optional_text(3)};
}

// Columns: id, number, customer_id, status, placed_at, currency, total_minor,
// ship_line1, ship_city, ship_postcode, ship_country, ship_region.
Order read_order(const Query& q) {
  Order order;
  order.id = q.int64(0);
  order.number = q.text(1);
  order.customer_id = q.int64(2);
  order.status = q.enumerator<OrderStatus>(3);
  order.placed_at = q.timestamp(4);
  order.total = Money{q.int64(6), q.text(5)};
  order.shipping_address =
      Address{q.text(7), q.text(8), q.text(9), q.text(10), q.text(11)};
  return order;
}

Shipment read_shipment(const Query& q) {
  Shipment s;
  s.id = q.int64(0);
  s.order_id = q.int64(1);
  s.carrier = q.text(2);
  s.tracking_number = q.text(3);
  s.status = q.enumerator<ShipmentStatus>(4);
  s.shipped_on = q.optional_date(5);
  s.promised_date = q.optional_date(6);
  s.estimated_date = q.optional_date(7);
  s.delivered_on = q.optional_date(8);
  return s;
}

TrackingEvent read_event(const Query& q) {
  return TrackingEvent{q.int64(0), q.int64(1), q.timestamp(2), q.text(3),
                       q.text(4)};
}

}  // namespace

Result<std::optional<Customer>> Store::find_customer(std::int64_t customer_id) {
  try {
    Query q = connection_->query(
        "SELECT id, name, email, phone FROM customers WHERE id = ?1");
    q.bind(1, customer_id);
    if (!q.step()) return std::optional<Customer>();
    return std::optional<Customer>(read_customer(q));
  } catch (...) {
    return connection_->failure("look up customer " + std::to_string(customer_id));
  }
}

Result<std::optional<Customer>> Store::find_customer_by_email(
    std::string_view email) {
  try {
    Query q = connection_->query(
        "SELECT id, name, email, phone FROM customers WHERE email = ?1");
    q.bind(1, email);
    if (!q.step()) return std::optional<Customer>();
    return std::optional<Customer>(read_customer(q));
  } catch (...) {
    return connection_->failure("look up a customer by email");
  }
}

Result<std::vector<Address>> Store::addresses_for_customer(
    std::int64_t customer_id) {
  try {
    Query q = connection_->query(
        "SELECT line1, city, postcode, country, region FROM addresses "
        "WHERE customer_id = ?1 ORDER BY id");
    q.bind(1, customer_id);
    std::vector<Address> addresses;
    while (q.step()) {
      addresses.push_back(
          Address{q.text(0), q.text(1), q.text(2), q.text(3), q.text(4)});
    }
    return addresses;
  } catch (...) {
    return connection_->failure("read the addresses of customer " +
                                std::to_string(customer_id));
  }
}

Result<std::optional<Order>> Store::find_order_by_number(std::string_view number) {
  try {
    Query q = connection_->query(
        "SELECT id, number, customer_id, status, placed_at, currency, "
        "total_minor, ship_line1, ship_city, ship_postcode, ship_country, "
        "ship_region FROM orders WHERE number = ?1");
    q.bind(1, number);
    if (!q.step()) return std::optional<Order>();
    return std::optional<Order>(read_order(q));
  } catch (...) {
    return connection_->failure("look up order " + std::string(number));
  }
}

Result<std::optional<Order>> Store::find_order(std::int64_t order_id) {
  try {
    Query q = connection_->query(
        "SELECT id, number, customer_id, status, placed_at, currency, "
        "total_minor, ship_line1, ship_city, ship_postcode, ship_country, "
        "ship_region FROM orders WHERE id = ?1");
    q.bind(1, order_id);
    if (!q.step()) return std::optional<Order>();
    return std::optional<Order>(read_order(q));
  } catch (...) {
    return connection_->failure("look up order id " + std::to_string(order_id));
  }
}

Result<std::vector<Order>> Store::recent_orders_for_customer(
    std::int64_t customer_id, int limit) {
  if (limit <= 0) {
    return Status(ErrorCode::kInvalidArgument,
                  "recent_orders_for_customer: limit must be positive");
  }
  try {
    Query q = connection_->query(
        "SELECT id, number, customer_id, status, placed_at, currency, "
        "total_minor, ship_line1, ship_city, ship_postcode, ship_country, "
        "ship_region FROM orders WHERE customer_id = ?1 "
        "ORDER BY placed_at DESC, id DESC LIMIT ?2");
    q.bind(1, customer_id).bind(2, limit);
    std::vector<Order> orders;
    while (q.step()) orders.push_back(read_order(q));
    return orders;
  } catch (...) {
    return connection_->failure("read the orders of customer " +
                                std::to_string(customer_id));
  }
}

Result<std::vector<OrderItem>> Store::items_for_order(std::int64_t order_id) {
  try {
    Query q = connection_->query(
        "SELECT i.id, i.order_id, p.id, p.sku, p.name, c.name, c.returnable, "
        "i.quantity, i.unit_price_minor, o.currency, i.shipment_id, "
        "s.delivered_on "
        "FROM order_items i JOIN orders o ON o.id = i.order_id "
        "JOIN products p ON p.id = i.product_id "
        "JOIN categories c ON c.id = p.category_id "
        "LEFT JOIN shipments s ON s.id = i.shipment_id "
        "WHERE i.order_id = ?1 ORDER BY i.id");
    q.bind(1, order_id);
    std::vector<OrderItem> items;
    while (q.step()) {
      OrderItem item;
      item.id = q.int64(0);
      item.order_id = q.int64(1);
      item.product_id = q.int64(2);
      item.sku = q.text(3);
      item.product_name = q.text(4);
      item.category = q.text(5);
      item.returnable = q.int64(6) != 0;
      item.quantity = q.int32(7);
      item.unit_price = Money{q.int64(8), q.text(9)};
      item.shipment_id = q.optional_int64(10);
      item.delivered_on = q.optional_date(11);
      items.push_back(std::move(item));
    }
    return items;
  } catch (...) {
    return connection_->failure("read the items of order id " +
                                std::to_string(order_id));
  }
}

Result<std::vector<Shipment>> Store::shipments_for_order(std::int64_t order_id) {
  try {
    Query q = connection_->query(
        "SELECT id, order_id, carrier, tracking_number, status, shipped_on, "
        "promised_date, estimated_date, delivered_on FROM shipments "
        "WHERE order_id = ?1 ORDER BY id");
    q.bind(1, order_id);
    std::vector<Shipment> shipments;
    while (q.step()) shipments.push_back(read_shipment(q));
    return shipments;
  } catch (...) {
    return connection_->failure("read the shipments of order id " +
                                std::to_string(order_id));
  }
}

Result<std::vector<TrackingEvent>> Store::events_for_shipment(
    std::int64_t shipment_id) {
  try {
    Query q = connection_->query(
        "SELECT id, shipment_id, at, location, description FROM tracking_events "
        "WHERE shipment_id = ?1 ORDER BY at DESC, id DESC");
    q.bind(1, shipment_id);
    std::vector<TrackingEvent> events;
    while (q.step()) events.push_back(read_event(q));
    return events;
  } catch (...) {
    return connection_->failure("read the tracking events of shipment " +
                                std::to_string(shipment_id));
  }
}

Result<std::optional<TrackingEvent>> Store::latest_event(std::int64_t shipment_id) {
  try {
    // The newest `at`, then the highest id among events at that time. Said
    // with MAX rather than "ORDER BY at DESC, id DESC", which sorts in a
    // temporary b-tree on every call (the index orders ties by id ASC).
    Query q = connection_->query(
        "SELECT id, shipment_id, at, location, description FROM tracking_events "
        "WHERE shipment_id = ?1 AND at = (SELECT MAX(at) FROM tracking_events "
        "WHERE shipment_id = ?1) ORDER BY id DESC LIMIT 1");
    q.bind(1, shipment_id);
    if (!q.step()) return std::optional<TrackingEvent>();
    return std::optional<TrackingEvent>(read_event(q));
  } catch (...) {
    return connection_->failure("read the latest tracking event of shipment " +
                                std::to_string(shipment_id));
  }
}

}  // namespace parley::store
