// Demo generator: the showcase customers and orders. Their numbers, emails
// and postcodes are fixed (docs/demo-store.md lists them); their dates are
// relative to DemoOptions::today.
#include <climits>
#include <string>
#include <vector>

#include "store/dates.h"
#include "store/demo_internal.h"

namespace parley::store::demo {
namespace {

constexpr int kNone = INT_MIN;  // "no date" in the day offsets below

struct FixtureCustomer {
  const char* name;
  const char* email;
  const char* phone;  // nullptr: none on file
  const char* line1;
  const char* city;
  const char* postcode;
  const char* country;
  const char* region;
};

constexpr FixtureCustomer kCustomers[] = {
    {"Alice Morgan", "alice.morgan@example.com", "07700 900123", "12 Elm Grove",
     "London", "SW1A 1AA", "GB", "mainland"},
    {"Ben Carter", "ben.carter@example.com", "07700 900456", "48 Canal Street",
     "Manchester", "M1 1AE", "GB", "mainland"},
    {"Chloe Davies", "chloe.davies@example.com", nullptr, "7 Heol y Castell",
     "Cardiff", "CF10 1EP", "GB", "mainland"},
    {"Dan Fraser", "dan.fraser@example.com", "07700 900789", "3 Ness Bank",
     "Inverness", "IV2 4SF", "GB", "highlands_islands"},
    {"Erin Kelly", "erin.kelly@example.com", "07700 900321", "22 Botanic Avenue",
     "Belfast", "BT7 1JJ", "GB", "northern_ireland"},
    {"Farah Ahmed", "farah.ahmed@example.com", "07700 900654", "15 Park Row",
     "Leeds", "LS1 5HD", "GB", "mainland"},
    {"Greta Novak", "greta.novak@example.com", nullptr, "9 Merrion Square",
     "Dublin", "D02 X285", "IE", "international"},
};

struct Line {
  const char* sku = nullptr;  // nullptr ends the list
  int quantity = 1;
  int parcel = -1;  // index into Fixture::parcels; -1: not in a parcel
};

// Day offsets from today: -1 is yesterday, kNone is no date.
struct Parcel {
  const char* carrier = nullptr;  // nullptr ends the list
  ShipmentStatus status = ShipmentStatus::kLabelCreated;
  int shipped = kNone, promised = kNone, estimated = kNone, delivered = kNone;
};

struct FixtureReturn {
  const char* rma = nullptr;  // nullptr: no return
  const char* label = nullptr;
  ReturnStatus status = ReturnStatus::kRequested;
  const char* reason = nullptr;
  int created = 0;
};

struct FixtureRefund {
  bool present = false;
  RefundStatus status = RefundStatus::kPending;
  int expected = kNone, completed = kNone;
};

struct Fixture {
  const char* number;
  int customer;  // index into kCustomers
  OrderStatus status;
  int placed, hour;
  Line lines[4];
  Parcel parcels[2];
  FixtureReturn returned;  // always of lines[0]
  FixtureRefund refund;    // of the return if there is one, else of the order
  const char* shows;
};

using O = OrderStatus;
using S = ShipmentStatus;
using R = ReturnStatus;

const Fixture kFixtures[] = {
    {"112-4839201-5561234", 0, O::kShipped, -2, 10,
     {{"NW-CLO-002", 1, 0}, {"NW-CLO-001", 1, 0}},
     {{"Royal Mail", S::kInTransit, -1, 1, 1, kNone}}, {}, {},
     "Shipped: in transit with Royal Mail, tracking events, due tomorrow"},
    {"112-4839202-7712045", 1, O::kPending, 0, 7, {{"NW-SHO-002", 1, -1}}, {}, {}, {},
     "Pending, placed today: can be cancelled or re-addressed"},
    {"112-4839203-3390417", 2, O::kProcessing, -1, 19, {{"NW-ELE-001", 1, 0}},
     {{"DPD", S::kLabelCreated, kNone, 2, 2, kNone}}, {}, {},
     "Processing, label created, not shipped: can still be cancelled"},
    {"112-4839204-6625893", 5, O::kShipped, -3, 9,
     {{"NW-HOM-002", 1, 0}, {"NW-HOM-003", 2, 0}},
     {{"DPD", S::kOutForDelivery, -2, 0, 0, kNone}}, {}, {},
     "Out for delivery today with DPD"},
    {"112-4839205-1048576", 1, O::kDelivered, -9, 20,
     {{"NW-CLO-003", 2, 0}, {"NW-SHO-003", 1, 0}},
     {{"Evri", S::kDelivered, -8, -5, -5, -5}}, {}, {},
     "Delivered 5 days ago: every item can be returned"},
    {"112-4839206-2207319", 2, O::kDelivered, -80, 11, {{"NW-CLO-004", 1, 0}},
     {{"Royal Mail", S::kDelivered, -79, -76, -76, -75}}, {}, {},
     "Delivered 75 days ago: outside the 30-day return window"},
    {"112-4839207-8843310", 5, O::kShipped, -9, 14, {{"NW-ELE-004", 1, 0}},
     {{"Evri", S::kInTransit, -8, -5, -3, kNone}}, {}, {},
     "Late: promised 5 days ago, still in transit with Evri"},
    {"112-4839208-5019284", 3, O::kShipped, -25, 16, {{"NW-CLO-005", 1, 0}},
     {{"Royal Mail", S::kLost, -24, -19, -19, kNone}}, {}, {},
     "Lost: Royal Mail parcel not scanned for over two weeks (Highlands)"},
    {"112-4839209-9374021", 4, O::kCancelled, -12, 8, {{"NW-ELE-003", 1, -1}}, {}, {},
     {true, RefundStatus::kCompleted, -7, -8},
     "Cancelled before shipping; refund completed (Northern Ireland)"},
    {"112-4839210-4482716", 0, O::kPartiallyShipped, -4, 12,
     {{"NW-CLO-001", 1, 0}, {"NW-CLO-005", 1, 1}},
     {{"Royal Mail", S::kDelivered, -3, -1, -1, -1},
      {"DPD", S::kInTransit, -1, 2, 2, kNone}}, {}, {},
     "Partially shipped: one parcel delivered yesterday, one in transit"},
    {"112-4839211-6603158", 5, O::kDelivered, -7, 18,
     {{"NW-PER-001", 1, 0}, {"NW-GIF-050", 1, 0}, {"NW-BEA-001", 2, 0},
      {"NW-BOO-001", 1, 0}},
     {{"DPD", S::kDelivered, -6, -4, -4, -4}}, {}, {},
     "Delivered 4 days ago: personalised wallet and gift card (not "
     "returnable), lip balm (beauty: unopened only), book (returnable)"},
    {"112-4839212-3158842", 1, O::kDelivered, -14, 9,
     {{"NW-SHO-001", 1, 0}, {"NW-CLO-006", 1, 0}},
     {{"Royal Mail", S::kDelivered, -13, -10, -10, -10}},
     {"RMA-7K3P9QXD", "RL-4XKQ7M2PNA", R::kLabelSent, "Too small", -2}, {},
     "Open return RMA-7K3P9QXD (label sent) for the boots"},
    {"112-4839213-7230095", 2, O::kDelivered, -18, 15,
     {{"NW-ELE-002", 1, 0}, {"NW-ELE-005", 2, 0}},
     {{"DPD", S::kDelivered, -17, -14, -14, -14}},
     {"RMA-4TW8MZ2C", "RL-8ZC3WQ6HTR", R::kReceived, "Changed my mind", -10},
     {true, RefundStatus::kPending, 3, kNone},
     "Return RMA-4TW8MZ2C received; refund pending, expected in 3 days"},
    {"112-4839214-1987654", 4, O::kDelivered, -25, 10, {{"NW-HOM-001", 1, 0}},
     {{"Royal Mail", S::kDelivered, -24, -21, -21, -21}},
     {"RMA-9HR6VB5N", "RL-2MF7YD9KSE", R::kRefunded, "No longer needed", -18},
     {true, RefundStatus::kCompleted, -5, -6},
     "Return RMA-9HR6VB5N refunded; refund completed, less the £4.95 home "
     "collection fee"},
    {"112-4839215-5550123", 6, O::kShipped, -3, 13, {{"NW-CLO-002", 1, 0}},
     {{"DHL", S::kInTransit, -2, 4, 4, kNone}}, {}, {},
     "International (Ireland): in transit with DHL"},
    {"112-4839216-9081726", 3, O::kShipped, -15, 10, {{"NW-SHO-004", 1, 0}},
     {{"Royal Mail", S::kReturnedToSender, -14, -10, -10, kNone}}, {}, {},
     "Returned to sender after a missed delivery (Highlands)"},
};

std::optional<Date> day(Date today, int offset) {
  if (offset == kNone) return std::nullopt;
  return add_days(today, offset);
}

Address address_of(const FixtureCustomer& c) {
  return Address{c.line1, c.city, c.postcode, c.country, c.region};
}

}  // namespace

void write_showcase(Writer& w, const Catalogue& catalogue, Date today) {
  std::vector<std::int64_t> customer_ids;
  for (const FixtureCustomer& c : kCustomers) {
    std::optional<std::string> phone;
    if (c.phone) phone = c.phone;
    customer_ids.push_back(w.customer(c.name, c.email, phone));
    w.address(customer_ids.back(), address_of(c));
  }
  std::uint64_t serial = 7348392010;  // fixed: tracking numbers never change
  for (const Fixture& f : kFixtures) {
    const FixtureCustomer& c = kCustomers[f.customer];
    const Address ship_to = address_of(c);
    std::int64_t total = catalogue.regions.at(c.region).standard_cost_minor;
    for (const Line& line : f.lines) {
      if (line.sku) total += catalogue.by_sku(line.sku).price_minor * line.quantity;
    }
    const Date placed_on = add_days(today, f.placed);
    const std::int64_t order_id =
        w.order(f.number, customer_ids[static_cast<std::size_t>(f.customer)],
                f.status, at(placed_on, f.hour, 14), total, ship_to);

    std::vector<std::int64_t> parcel_ids;
    for (const Parcel& p : f.parcels) {
      if (!p.carrier) break;
      Shipment s;
      s.order_id = order_id;
      s.carrier = p.carrier;
      s.tracking_number = tracking_number(p.carrier, serial++);
      s.status = p.status;
      s.shipped_on = day(today, p.shipped);
      s.promised_date = day(today, p.promised);
      s.estimated_date = day(today, p.estimated);
      s.delivered_on = day(today, p.delivered);
      parcel_ids.push_back(write_shipment(w, s, placed_on, c.city, today, serial));
    }

    std::vector<std::int64_t> item_ids;
    for (const Line& line : f.lines) {
      if (!line.sku) break;
      const Product& product = catalogue.by_sku(line.sku);
      std::optional<std::int64_t> parcel;
      if (line.parcel >= 0) parcel = parcel_ids[static_cast<std::size_t>(line.parcel)];
      item_ids.push_back(
          w.item(order_id, product.id, line.quantity, product.price_minor, parcel));
    }

    std::optional<std::int64_t> return_id;
    std::int64_t refund_amount = total;
    if (f.returned.rma) {
      ReturnRecord r;
      r.rma = f.returned.rma;
      r.order_id = order_id;
      r.order_item_id = item_ids[0];
      r.reason = f.returned.reason;
      r.kind = ReturnKind::kRefund;
      r.status = f.returned.status;
      r.label_code = f.returned.label;
      r.created_on = add_days(today, f.returned.created);
      return_id = w.return_request(r);
      const Product& product = catalogue.by_sku(f.lines[0].sku);
      refund_amount = product.price_minor * f.lines[0].quantity - product.fee_minor;
    }
    if (f.refund.present) {
      Refund r;
      r.order_id = order_id;
      r.return_id = return_id;
      r.status = f.refund.status;
      r.amount = Money{refund_amount, "GBP"};
      r.method = "original payment method";
      r.expected_on = day(today, f.refund.expected);
      r.completed_on = day(today, f.refund.completed);
      w.refund(r);
    }
  }
}

}  // namespace parley::store::demo

namespace parley::store {

std::span<const ShowcaseOrder> showcase_orders() {
  static const std::vector<ShowcaseOrder> orders = [] {
    std::vector<ShowcaseOrder> out;
    for (const demo::Fixture& f : demo::kFixtures) {
      const demo::FixtureCustomer& c = demo::kCustomers[f.customer];
      out.push_back({f.number, c.email, c.postcode, f.status, f.shows});
    }
    return out;
  }();
  return orders;
}

}  // namespace parley::store
