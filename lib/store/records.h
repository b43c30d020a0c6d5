// Plain records read from and written to the knowledge base.
//
// Every struct is a value: copyable, no behaviour, no link back to the Store.
// Money is an integer number of minor units (pence for GBP) plus an ISO 4217
// currency code. Dates are calendar dates in the shop's time zone; timestamps
// are UTC instants with one-second precision.
#ifndef PARLEY_STORE_RECORDS_H_
#define PARLEY_STORE_RECORDS_H_

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parley::store {

using Date = std::chrono::year_month_day;
using Timestamp = std::chrono::sys_seconds;

enum class OrderStatus {
  kPending, kProcessing, kShipped, kPartiallyShipped, kDelivered, kCancelled
};
enum class ShipmentStatus {
  kLabelCreated, kInTransit, kOutForDelivery, kDelivered, kLost,
  kReturnedToSender
};
enum class ReturnKind { kRefund, kExchange, kReplacement };
enum class ReturnStatus {
  kRequested, kLabelSent, kInTransit, kReceived, kRefunded, kRejected
};
enum class RefundStatus { kPending, kProcessing, kCompleted, kFailed };

// The stored spelling of each value ("partially_shipped", "label_created",
// ...), which is also the spelling used in intents and templates.
std::string_view to_string(OrderStatus status);
std::string_view to_string(ShipmentStatus status);
std::string_view to_string(ReturnKind kind);
std::string_view to_string(ReturnStatus status);
std::string_view to_string(RefundStatus status);

// Parse the stored spelling. Returns false (and leaves *out alone) for
// anything else.
bool from_string(std::string_view text, OrderStatus* out);
bool from_string(std::string_view text, ShipmentStatus* out);
bool from_string(std::string_view text, ReturnKind* out);
bool from_string(std::string_view text, ReturnStatus* out);
bool from_string(std::string_view text, RefundStatus* out);

// A return is open until it is refunded or rejected.
bool is_open(ReturnStatus status);

struct Money {
  std::int64_t minor = 0;  // e.g. 1999 = £19.99
  std::string currency;    // ISO 4217, e.g. "GBP"
  friend bool operator==(const Money&, const Money&) = default;
};

struct Address {
  std::string line1;
  std::string city;
  std::string postcode;  // as written by the customer's country ("SW1A 1AA")
  std::string country;   // ISO 3166-1 alpha-2, e.g. "GB"
  std::string region;    // delivery region id: "mainland", "highlands_islands",
                         // "northern_ireland", "international"
  friend bool operator==(const Address&, const Address&) = default;
};

struct Customer {
  std::int64_t id = 0;
  std::string name;
  std::string email;
  std::optional<std::string> phone;
};

struct Order {
  std::int64_t id = 0;
  std::string number;  // what the customer quotes: "112-4839201-5561234"
  std::int64_t customer_id = 0;
  OrderStatus status = OrderStatus::kPending;
  Timestamp placed_at{};
  Money total;
  Address shipping_address;
};

// One line of an order, joined with its product, category and shipment.
struct OrderItem {
  std::int64_t id = 0;
  std::int64_t order_id = 0;
  std::int64_t product_id = 0;
  std::string sku;
  std::string product_name;
  std::string category;
  bool returnable = true;  // the category's rule
  int quantity = 1;
  Money unit_price;
  std::optional<std::int64_t> shipment_id;  // unset: not yet in a parcel
  std::optional<Date> delivered_on;         // from the shipment
};

struct Shipment {
  std::int64_t id = 0;
  std::int64_t order_id = 0;
  std::string carrier;  // "Royal Mail", "DPD", "Evri", "DHL"
  std::string tracking_number;
  ShipmentStatus status = ShipmentStatus::kLabelCreated;
  std::optional<Date> shipped_on;
  std::optional<Date> promised_date;   // what we told the customer at checkout
  std::optional<Date> estimated_date;  // the carrier's current estimate
  std::optional<Date> delivered_on;
};

struct TrackingEvent {
  std::int64_t id = 0;
  std::int64_t shipment_id = 0;
  Timestamp at{};
  std::string location;
  std::string description;
};

struct DeliveryOption {
  std::string region;
  std::string method;  // display name, e.g. "Express (next working day)"
  Money cost;
  int min_days = 0;    // working days after dispatch
  int max_days = 0;
  std::chrono::minutes cutoff{0};  // order by this local time to dispatch today
};

struct ReturnPolicy {
  std::string category;
  bool returnable = true;  // false: never returnable (gift cards, ...)
  int window_days = 0;     // days after delivery; 0 when not returnable
  std::string condition;   // e.g. "Unworn, with tags attached."
  std::string refund_method;
  Money fee;               // deducted from the refund; 0 for free returns
};

struct ReturnRecord {
  std::int64_t id = 0;
  std::string rma;  // "RMA-7K3P9QXD"
  std::int64_t order_id = 0;
  std::int64_t order_item_id = 0;
  std::string reason;
  ReturnKind kind = ReturnKind::kRefund;
  ReturnStatus status = ReturnStatus::kRequested;
  std::string label_code;  // the code printed on / shown for the return label
  Date created_on{};
};

struct Refund {
  std::int64_t id = 0;
  std::int64_t order_id = 0;
  std::optional<std::int64_t> return_id;  // unset: refund for a cancellation
  RefundStatus status = RefundStatus::kPending;
  Money amount;
  std::string method;  // e.g. "original payment method"
  std::optional<Date> expected_on;
  std::optional<Date> completed_on;
};

struct FaqArticle {
  std::string locale;  // "en"
  std::string topic;   // an intent id, e.g. "payment_methods"
  std::string title;
  std::string body;
};

struct HandoffRecord {
  std::int64_t id = 0;  // assigned by record_handoff; ignored on input
  std::string session;
  std::string reason;
  Timestamp created_at{};
  std::string payload_json;  // must be valid JSON text
};

struct FeedbackRecord {
  std::string session;
  std::string intent;
  std::string outcome;
  bool helpful = false;
  std::optional<std::string> comment;
  Timestamp created_at{};
};

// One turn of the conversation log. The text must already be redacted.
struct TurnRecord {
  Timestamp at{};
  std::string session;
  std::string locale;
  std::string text_redacted;
  std::string intent;
  double confidence = 0;
  std::string state;
  std::string outcome;
};

// Why an order item can or cannot be returned today.
enum class ReturnEligibility {
  kEligible,
  kOrderCancelled,
  kNotDelivered,
  kNotReturnable,   // the category is never returnable
  kWindowClosed,    // delivered more than window_days ago
  kAlreadyOpen,     // an open return exists for the item
};
std::string_view to_string(ReturnEligibility eligibility);

}  // namespace parley::store

#endif  // PARLEY_STORE_RECORDS_H_
