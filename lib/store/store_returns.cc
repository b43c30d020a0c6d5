// Store: returns, refunds, and the writes that change an order.
#include <SQLiteCpp/Transaction.h>

#include <string>

#include "store/connection.h"
#include "store/dates.h"
#include "store/store.h"

namespace parley::store {
namespace {

// How many days after cancellation the refund should reach the customer.
constexpr int kRefundDays = 5;
constexpr const char* kRefundMethod = "original payment method";

ReturnRecord read_return(const Query& q) {
  ReturnRecord r;
  r.id = q.int64(0);
  r.rma = q.text(1);
  r.order_id = q.int64(2);
  r.order_item_id = q.int64(3);
  r.reason = q.text(4);
  r.kind = q.enumerator<ReturnKind>(5);
  r.status = q.enumerator<ReturnStatus>(6);
  r.label_code = q.text(7);
  r.created_on = q.date(8);
  return r;
}

Refund read_refund(const Query& q) {
  Refund r;
  r.id = q.int64(0);
  r.order_id = q.int64(1);
  r.return_id = q.optional_int64(2);
  r.status = q.enumerator<RefundStatus>(3);
  r.amount = Money{q.int64(4), q.text(5)};
  r.method = q.text(6);
  r.expected_on = q.optional_date(7);
  r.completed_on = q.optional_date(8);
  return r;
}

// What return_eligibility decided, with the facts for a refusal message.
struct Eligibility {
  ReturnEligibility verdict = ReturnEligibility::kEligible;
  std::string order_number;
  std::string product;
  std::string category;
  std::optional<Date> delivered_on;
  int window_days = 0;
  std::string open_rma;
};

// Throws SQLite::Exception; returns kNotFound when the item is not in the order.
Result<Eligibility> check_eligibility(Connection& c, std::int64_t order_id,
                                      std::int64_t item_id, Date today) {
  Query q = c.query(
      "SELECT o.number, o.status, p.name, c.name, c.returnable, "
      "rp.window_days, s.delivered_on "
      "FROM order_items i JOIN orders o ON o.id = i.order_id "
      "JOIN products p ON p.id = i.product_id "
      "JOIN categories c ON c.id = p.category_id "
      "LEFT JOIN return_policies rp ON rp.category_id = c.id "
      "LEFT JOIN shipments s ON s.id = i.shipment_id "
      "WHERE i.id = ?1 AND i.order_id = ?2");
  q.bind(1, item_id).bind(2, order_id);
  if (!q.step()) {
    return Status(ErrorCode::kNotFound,
                  c.path() + ": order id " + std::to_string(order_id) +
                      " has no item " + std::to_string(item_id));
  }
  Eligibility e;
  e.order_number = q.text(0);
  const OrderStatus status = q.enumerator<OrderStatus>(1);
  e.product = q.text(2);
  e.category = q.text(3);
  const bool returnable = q.int64(4) != 0 && !q.is_null(5);
  e.window_days = q.is_null(5) ? 0 : q.int32(5);
  e.delivered_on = q.optional_date(6);

  Query open = c.query(
      "SELECT rma FROM returns WHERE order_item_id = ?1 "
      "AND status NOT IN ('refunded', 'rejected') ORDER BY id LIMIT 1");
  open.bind(1, item_id);
  if (open.step()) e.open_rma = open.text(0);

  if (status == OrderStatus::kCancelled) {
    e.verdict = ReturnEligibility::kOrderCancelled;
  } else if (!e.open_rma.empty()) {
    e.verdict = ReturnEligibility::kAlreadyOpen;
  } else if (!returnable) {
    e.verdict = ReturnEligibility::kNotReturnable;
  } else if (!e.delivered_on) {
    e.verdict = ReturnEligibility::kNotDelivered;
  } else if (std::chrono::sys_days(today) >
             std::chrono::sys_days(add_days(*e.delivered_on, e.window_days))) {
    e.verdict = ReturnEligibility::kWindowClosed;
  }
  return e;
}

std::string refusal(const Eligibility& e) {
  const std::string item = "\"" + e.product + "\" in order " + e.order_number;
  switch (e.verdict) {
    case ReturnEligibility::kEligible:
      break;
    case ReturnEligibility::kOrderCancelled:
      return "order " + e.order_number + " was cancelled; there is nothing to return";
    case ReturnEligibility::kAlreadyOpen:
      return item + " already has an open return (" + e.open_rma + ")";
    case ReturnEligibility::kNotReturnable:
      return item + " cannot be returned: items in the \"" + e.category +
             "\" category are not returnable";
    case ReturnEligibility::kNotDelivered:
      return item + " has not been delivered yet; it can be returned once it arrives";
    case ReturnEligibility::kWindowClosed:
      return item + " was delivered on " + format_date(*e.delivered_on) +
             "; its " + std::to_string(e.window_days) +
             "-day return window closed on " +
             format_date(add_days(*e.delivered_on, e.window_days));
  }
  return "eligible";
}

// OK when order `order_id` exists and nothing of it has left the warehouse.
// Throws SQLite::Exception.
Status check_not_shipped(Connection& c, std::int64_t order_id,
                         const std::string& action) {
  Query q = c.query(
      "SELECT number, status, (SELECT count(*) FROM shipments s "
      "WHERE s.order_id = o.id AND s.status <> 'label_created') "
      "FROM orders o WHERE id = ?1");
  q.bind(1, order_id);
  if (!q.step()) {
    return Status(ErrorCode::kNotFound,
                  c.path() + ": cannot " + action + " order id " +
                      std::to_string(order_id) + ": no such order");
  }
  const std::string number = q.text(0);
  const OrderStatus status = q.enumerator<OrderStatus>(1);
  const bool shipped = q.int64(2) > 0;
  if (status == OrderStatus::kCancelled) {
    return Status(ErrorCode::kInvalidArgument, "cannot " + action + " order " +
                                                   number + ": it is cancelled");
  }
  if (shipped || (status != OrderStatus::kPending &&
                  status != OrderStatus::kProcessing)) {
    return Status(ErrorCode::kInvalidArgument,
                  "cannot " + action + " order " + number + ": it is " +
                      std::string(to_string(status)) +
                      " and has already left our warehouse");
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<ReturnRecord>> Store::returns_for_order(std::int64_t order_id) {
  try {
    Query q = connection_->query(
        "SELECT id, rma, order_id, order_item_id, reason, kind, status, "
        "label_code, created_on FROM returns WHERE order_id = ?1 ORDER BY id");
    q.bind(1, order_id);
    std::vector<ReturnRecord> returns;
    while (q.step()) returns.push_back(read_return(q));
    return returns;
  } catch (...) {
    return connection_->failure("read the returns of order id " +
                                std::to_string(order_id));
  }
}

Result<std::optional<ReturnRecord>> Store::find_return_by_rma(std::string_view rma) {
  try {
    Query q = connection_->query(
        "SELECT id, rma, order_id, order_item_id, reason, kind, status, "
        "label_code, created_on FROM returns WHERE rma = ?1");
    q.bind(1, rma);
    if (!q.step()) return std::optional<ReturnRecord>();
    return std::optional<ReturnRecord>(read_return(q));
  } catch (...) {
    return connection_->failure("look up return " + std::string(rma));
  }
}

Result<std::vector<Refund>> Store::refunds_for_order(std::int64_t order_id) {
  try {
    Query q = connection_->query(
        "SELECT id, order_id, return_id, status, amount_minor, currency, method, "
        "expected_on, completed_on FROM refunds WHERE order_id = ?1 ORDER BY id");
    q.bind(1, order_id);
    std::vector<Refund> refunds;
    while (q.step()) refunds.push_back(read_refund(q));
    return refunds;
  } catch (...) {
    return connection_->failure("read the refunds of order id " +
                                std::to_string(order_id));
  }
}

Result<ReturnEligibility> Store::return_eligibility(std::int64_t order_id,
                                                    std::int64_t order_item_id,
                                                    Date today) {
  try {
    Result<Eligibility> e =
        check_eligibility(*connection_, order_id, order_item_id, today);
    if (!e) return e.error();
    return e->verdict;
  } catch (...) {
    return connection_->failure("check whether item " +
                                std::to_string(order_item_id) +
                                " can be returned");
  }
}

Result<ReturnRecord> Store::create_return(std::int64_t order_id,
                                          std::int64_t order_item_id,
                                          std::string_view reason,
                                          ReturnKind kind, Date today) {
  if (reason.empty()) {
    return Status(ErrorCode::kInvalidArgument,
                  "create_return: the reason must not be empty");
  }
  try {
    auto write = connection_->write_guard();
    SQLite::Transaction transaction(connection_->db(),
                                    SQLite::TransactionBehavior::IMMEDIATE);
    Result<Eligibility> e =
        check_eligibility(*connection_, order_id, order_item_id, today);
    if (!e) return e.error();
    if (e->verdict != ReturnEligibility::kEligible) {
      return Status(ErrorCode::kInvalidArgument, refusal(*e));
    }
    const std::string rma = fresh_code("RMA-", 8);
    const std::string label = fresh_code("RL-", 10);
    Query insert = connection_->query(
        "INSERT INTO returns (rma, order_id, order_item_id, reason, kind, "
        "status, label_code, created_on) "
        "VALUES (?1, ?2, ?3, ?4, ?5, 'label_sent', ?6, ?7)");
    insert.bind(1, rma).bind(2, order_id).bind(3, order_item_id).bind(4, reason);
    insert.bind(5, to_string(kind)).bind(6, label).bind(7, today);
    insert.run();
    ReturnRecord record{connection_->db().getLastInsertRowid(),
                        rma,
                        order_id,
                        order_item_id,
                        std::string(reason),
                        kind,
                        ReturnStatus::kLabelSent,
                        label,
                        today};
    transaction.commit();
    return record;
  } catch (...) {
    return connection_->failure("create a return for item " +
                                std::to_string(order_item_id));
  }
}

Result<Refund> Store::cancel_order(std::int64_t order_id, Date today) {
  try {
    auto write = connection_->write_guard();
    SQLite::Transaction transaction(connection_->db(),
                                    SQLite::TransactionBehavior::IMMEDIATE);
    if (Status s = check_not_shipped(*connection_, order_id, "cancel"); !s.ok()) {
      return s;
    }
    Query update = connection_->query(
        "UPDATE orders SET status = 'cancelled' WHERE id = ?1");
    update.bind(1, order_id).run();
    Query insert = connection_->query(
        "INSERT INTO refunds (order_id, return_id, status, amount_minor, "
        "currency, method, expected_on, completed_on) "
        "SELECT id, NULL, 'pending', total_minor, currency, ?2, ?3, NULL "
        "FROM orders WHERE id = ?1 "
        "RETURNING id, order_id, return_id, status, amount_minor, currency, "
        "method, expected_on, completed_on");
    insert.bind(1, order_id).bind(2, kRefundMethod);
    insert.bind(3, add_days(today, kRefundDays));
    insert.step();
    Refund refund = read_refund(insert);
    while (insert.step()) {
    }
    transaction.commit();
    return refund;
  } catch (...) {
    return connection_->failure("cancel order id " + std::to_string(order_id));
  }
}

Status Store::update_shipping_address(std::int64_t order_id,
                                      const Address& address) {
  if (address.line1.empty() || address.city.empty() ||
      address.postcode.empty() || address.country.empty() ||
      address.region.empty()) {
    return Status(ErrorCode::kInvalidArgument,
                  "update_shipping_address: line1, city, postcode, country and "
                  "region must all be given");
  }
  try {
    auto write = connection_->write_guard();
    SQLite::Transaction transaction(connection_->db(),
                                    SQLite::TransactionBehavior::IMMEDIATE);
    if (Status s = check_not_shipped(*connection_, order_id,
                                     "change the shipping address of");
        !s.ok()) {
      return s;
    }
    Query update = connection_->query(
        "UPDATE orders SET ship_line1 = ?2, ship_city = ?3, ship_postcode = ?4, "
        "ship_country = ?5, ship_region = ?6 WHERE id = ?1");
    update.bind(1, order_id).bind(2, address.line1).bind(3, address.city);
    update.bind(4, address.postcode).bind(5, address.country);
    update.bind(6, address.region).run();
    transaction.commit();
    return Status::Ok();
  } catch (...) {
    return connection_->failure("change the shipping address of order id " +
                                std::to_string(order_id));
  }
}

}  // namespace parley::store
