// Demo generator: random customers and orders around the showcase ones.
// Order numbers, RMAs and label codes come from keyed bijections of a
// counter, so they are unique without checking, and skip the showcase ones.
#include <algorithm>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "store/dates.h"
#include "store/demo_internal.h"

namespace parley::store::demo {
namespace {

struct Area {
  const char* code;
  const char* city;
  const char* region;
  int districts;
};

const std::vector<Area> kMainland = {
    {"SW", "London", "mainland", 20},      {"E", "London", "mainland", 18},
    {"N", "London", "mainland", 22},       {"M", "Manchester", "mainland", 40},
    {"B", "Birmingham", "mainland", 70},   {"LS", "Leeds", "mainland", 28},
    {"S", "Sheffield", "mainland", 36},    {"L", "Liverpool", "mainland", 38},
    {"BS", "Bristol", "mainland", 41},     {"NE", "Newcastle upon Tyne", "mainland", 40},
    {"EH", "Edinburgh", "mainland", 17},   {"G", "Glasgow", "mainland", 80},
    {"CF", "Cardiff", "mainland", 48},     {"OX", "Oxford", "mainland", 49},
    {"CB", "Cambridge", "mainland", 25},   {"NG", "Nottingham", "mainland", 25},
    {"BN", "Brighton", "mainland", 27},    {"EX", "Exeter", "mainland", 39},
    {"YO", "York", "mainland", 26},        {"AB", "Aberdeen", "mainland", 25},
};
const std::vector<Area> kHighlandsIslands = {
    {"IV", "Inverness", "highlands_islands", 30},
    {"KW", "Kirkwall", "highlands_islands", 17},
    {"HS", "Stornoway", "highlands_islands", 9},
    {"ZE", "Lerwick", "highlands_islands", 3},
    {"PH", "Fort William", "highlands_islands", 40},
};
const std::vector<Area> kNorthernIreland = {
    {"BT", "Belfast", "northern_ireland", 17},
    {"BT", "Derry", "northern_ireland", 48},
};

const std::vector<std::string> kFirstNames = {
    "Olivia", "Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Noah",
    "Mia", "Jack", "Sophia", "Leo", "Grace", "Arthur", "Freya", "Muhammad",
    "Lily", "Oscar", "Ella", "Charlie", "Aisha", "Rhys", "Niamh", "Callum",
    "Priya", "Tomasz", "Ewan", "Seren", "Kwame", "Hannah"};
const std::vector<std::string> kLastNames = {
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson",
    "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker",
    "White", "Roberts", "Green", "Hall", "Wood", "Khan", "Campbell", "Murphy",
    "Hughes", "Edwards", "Singh", "Clarke", "MacDonald", "O'Neill", "Lewis",
    "Nowak"};
const std::vector<std::string> kStreets = {
    "High Street", "Station Road", "Church Lane", "Victoria Road", "Mill Lane",
    "Park Avenue", "Queen Street", "King's Road", "Green Lane", "Manor Way",
    "The Crescent", "Orchard Close", "Meadow View", "Riverside Walk",
    "Castle Street"};
const std::vector<std::string> kDomains = {"example.com", "example.co.uk",
                                           "example.org"};
const std::vector<std::string> kReasons = {
    "Too small", "Too big", "Changed my mind", "Not as described",
    "Arrived damaged", "Ordered the wrong item", "Better price elsewhere"};

constexpr std::uint64_t kNumberHalf = 10'000'000;  // 7 + 7 digits
constexpr std::uint64_t kRmaHalf = 1u << 20;       // 8 code letters
constexpr std::uint64_t kLabelHalf = 1u << 25;     // 10 code letters

std::string lower(std::string s) {
  for (char& ch : s) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  std::erase(s, '\'');
  return s;
}

Address random_address(Random& rng) {
  static constexpr char kInward[] = "ABDEFGHJLNPQRSTUWXYZ";  // no C I K M O V
  const int where = rng.between(0, 99);
  char buf[32];
  Address a;
  a.line1 = std::to_string(rng.between(1, 180)) + " " + rng.pick(kStreets);
  if (where >= 92) {  // international
    a.region = "international";
    switch (rng.between(0, 3)) {
      case 0:
        std::snprintf(buf, sizeof buf, "D%02d %s", rng.between(1, 24),
                      base32_code(rng.next() % (32 * 32 * 32 * 32), 4).c_str());
        a.city = "Dublin", a.country = "IE";
        break;
      case 1:
        std::snprintf(buf, sizeof buf, "750%02d", rng.between(1, 20));
        a.city = "Paris", a.country = "FR";
        break;
      case 2:
        std::snprintf(buf, sizeof buf, "10%03d", rng.between(115, 999));
        a.city = "Berlin", a.country = "DE";
        break;
      default:
        std::snprintf(buf, sizeof buf, "10%02d %c%c", rng.between(11, 99),
                      kInward[rng.between(0, 19)], kInward[rng.between(0, 19)]);
        a.city = "Amsterdam", a.country = "NL";
        break;
    }
    a.postcode = buf;
    return a;
  }
  const std::vector<Area>& areas = where < 80   ? kMainland
                                   : where < 86 ? kHighlandsIslands
                                                : kNorthernIreland;
  const Area& area = rng.pick(areas);
  std::snprintf(buf, sizeof buf, "%s%d %d%c%c", area.code,
                rng.between(1, area.districts), rng.between(1, 9),
                kInward[rng.between(0, 19)], kInward[rng.between(0, 19)]);
  a.city = area.city;
  a.postcode = buf;
  a.country = "GB";
  a.region = area.region;
  return a;
}

struct RandomCustomer {
  std::int64_t id;
  std::vector<Address> addresses;
};

// Unique codes from a counter, skipping `reserved` (the showcase ones).
class CodeSource {
 public:
  CodeSource(std::uint64_t half, std::uint64_t key, std::set<std::string> reserved)
      : half_(half), key_(key), reserved_(std::move(reserved)) {}
  template <typename Format>
  std::string next(Format format) {
    for (;;) {
      std::string code = format(permute(counter_++, half_, key_));
      if (!reserved_.contains(code)) return code;
    }
  }

 private:
  std::uint64_t half_, key_, counter_ = 0;
  std::set<std::string> reserved_;
};

}  // namespace

void write_random(Writer& w, const Catalogue& catalogue, const DemoOptions& options) {
  Random rng(options.seed);
  const Date today = options.today;

  std::vector<RandomCustomer> customers;
  customers.reserve(static_cast<std::size_t>(options.customers));
  for (int i = 0; i < options.customers; ++i) {
    const std::string first = rng.pick(kFirstNames), last = rng.pick(kLastNames);
    const std::string email = lower(first) + "." + lower(last) +
                              std::to_string(i + 1) + "@" + rng.pick(kDomains);
    std::optional<std::string> phone;
    if (rng.percent(80)) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "07700 900%03d", rng.between(0, 999));
      phone = buf;
    }
    RandomCustomer c{w.customer(first + " " + last, email, phone), {}};
    const int n = rng.percent(85) ? 1 : 2;
    for (int k = 0; k < n; ++k) {
      c.addresses.push_back(random_address(rng));
      w.address(c.id, c.addresses.back());
    }
    customers.push_back(std::move(c));
  }

  std::set<std::string> numbers, rmas, labels;
  for (const ShowcaseOrder& s : showcase_orders()) numbers.insert(std::string(s.number));
  // The showcase RMAs and labels (see demo_showcase.cc) stay unique too.
  rmas = {"RMA-7K3P9QXD", "RMA-4TW8MZ2C", "RMA-9HR6VB5N"};
  labels = {"RL-4XKQ7M2PNA", "RL-8ZC3WQ6HTR", "RL-2MF7YD9KSE"};
  CodeSource order_numbers(kNumberHalf, options.seed ^ 0x0dde5ULL, numbers);
  CodeSource rma_codes(kRmaHalf, options.seed ^ 0x3e7a1ULL, rmas);
  CodeSource label_codes(kLabelHalf, options.seed ^ 0x1abe1ULL, labels);
  auto order_number = [](std::uint64_t v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "112-%07llu-%07llu",
                  static_cast<unsigned long long>(v / kNumberHalf),
                  static_cast<unsigned long long>(v % kNumberHalf));
    return std::string(buf);
  };

  for (int i = 0; i < options.orders; ++i) {
    const RandomCustomer& customer = rng.pick(customers);
    const Address& ship_to = rng.pick(customer.addresses);
    const RegionInfo& region = catalogue.regions.at(ship_to.region);
    const int age = rng.between(0, 120);
    const Date placed_on = add_days(today, -age);
    const Timestamp placed_at =
        at(placed_on, age == 0 ? rng.between(0, 7) : rng.between(7, 22),
           rng.between(0, 59));

    struct Pick { const Product* product; int quantity; };
    std::vector<Pick> picks;
    const int roll = rng.between(0, 99);
    const int lines = roll < 55 ? 1 : roll < 85 ? 2 : roll < 97 ? 3 : 4;
    std::int64_t total = region.standard_cost_minor;
    for (int k = 0; k < lines; ++k) {
      const Product& p = rng.pick(catalogue.products);
      const int quantity = rng.percent(88) ? 1 : 2;
      picks.push_back({&p, quantity});
      total += p.price_minor * quantity;
    }

    // Decide the story: cancelled, not yet shipped, or a shipment.
    OrderStatus status = OrderStatus::kPending;
    std::optional<Shipment> shipment;
    const bool cancelled = rng.percent(3);
    const Date shipped_on = add_days(placed_on, rng.between(1, 2));
    const Date estimated =
        add_days(shipped_on, rng.between(region.standard_min_days, region.standard_max_days));
    const auto days_ago = [&](Date d) {
      return (std::chrono::sys_days(today) - std::chrono::sys_days(d)).count();
    };
    const int anomaly = rng.between(0, 999);
    if (cancelled) {
      status = OrderStatus::kCancelled;
    } else if (days_ago(shipped_on) < 0) {
      status = age == 0 && rng.percent(50) ? OrderStatus::kPending
                                           : OrderStatus::kProcessing;
      if (status == OrderStatus::kProcessing && age >= 1 && rng.percent(50)) {
        shipment.emplace();
        shipment->status = ShipmentStatus::kLabelCreated;
        shipment->estimated_date = estimated;
      }
    } else {
      shipment.emplace();
      shipment->shipped_on = shipped_on;
      shipment->estimated_date = estimated;
      status = OrderStatus::kShipped;
      if (anomaly < 10 && age >= 10) {
        shipment->status = ShipmentStatus::kLost;
      } else if (anomaly < 15 && age >= 12) {
        shipment->status = ShipmentStatus::kReturnedToSender;
      } else if (anomaly < 40 && days_ago(estimated) > 0 && age <= 20) {
        shipment->status = ShipmentStatus::kInTransit;  // late
      } else if (days_ago(estimated) > 0) {
        shipment->status = ShipmentStatus::kDelivered;
        shipment->delivered_on = estimated;
        status = OrderStatus::kDelivered;
      } else if (days_ago(estimated) == 0) {
        shipment->status = ShipmentStatus::kOutForDelivery;
      } else {
        shipment->status = ShipmentStatus::kInTransit;
      }
    }

    const std::int64_t order_id =
        w.order(order_numbers.next(order_number), customer.id, status, placed_at,
                total, ship_to);
    std::optional<std::int64_t> shipment_id;
    if (shipment) {
      const std::string& carrier = rng.pick(region.carriers);
      shipment->order_id = order_id;
      shipment->carrier = carrier;
      shipment->tracking_number = tracking_number(carrier, rng.next());
      shipment->promised_date = add_days(shipment->shipped_on.value_or(shipped_on),
                                         region.standard_max_days);
      shipment_id = write_shipment(w, *shipment, placed_on, ship_to.city, today,
                                   rng.next());
    }
    std::vector<std::int64_t> item_ids;
    for (const Pick& pick : picks) {
      item_ids.push_back(w.item(order_id, pick.product->id, pick.quantity,
                                pick.product->price_minor, shipment_id));
    }

    if (cancelled) {
      Refund r;
      r.order_id = order_id;
      r.amount = Money{total, "GBP"};
      r.method = "original payment method";
      r.expected_on = add_days(placed_on, 5);
      r.status = age >= 6   ? RefundStatus::kCompleted
                 : age >= 2 ? RefundStatus::kProcessing
                            : RefundStatus::kPending;
      if (r.status == RefundStatus::kCompleted) r.completed_on = add_days(placed_on, 4);
      w.refund(r);
      continue;
    }
    if (status != OrderStatus::kDelivered || !rng.percent(8)) continue;

    // A return of the first returnable line, if any, opened after delivery.
    const std::size_t line = static_cast<std::size_t>(rng.between(0, lines - 1));
    const Product& product = *picks[line].product;
    if (!product.returnable) continue;
    const Date created =
        add_days(*shipment->delivered_on, rng.between(1, std::min(10, product.window_days)));
    const auto open_days = days_ago(created);
    if (open_days < 0) continue;
    ReturnRecord ret;
    ret.rma = "RMA-" + rma_codes.next([](std::uint64_t v) { return base32_code(v, 8); });
    ret.label_code =
        "RL-" + label_codes.next([](std::uint64_t v) { return base32_code(v, 10); });
    ret.order_id = order_id;
    ret.order_item_id = item_ids[line];
    ret.reason = rng.pick(kReasons);
    const int kind = rng.between(0, 99);
    ret.kind = kind < 80 ? ReturnKind::kRefund
               : kind < 95 ? ReturnKind::kExchange
                           : ReturnKind::kReplacement;
    ret.status = open_days < 1   ? ReturnStatus::kRequested
                 : open_days < 3 ? ReturnStatus::kLabelSent
                 : open_days < 6 ? ReturnStatus::kInTransit
                 : open_days < 9 ? ReturnStatus::kReceived
                 : rng.percent(90) ? ReturnStatus::kRefunded
                                   : ReturnStatus::kRejected;
    ret.created_on = created;
    const std::int64_t return_id = w.return_request(ret);
    if (ret.kind != ReturnKind::kRefund) continue;
    if (ret.status != ReturnStatus::kReceived && ret.status != ReturnStatus::kRefunded) {
      continue;
    }
    Refund r;
    r.order_id = order_id;
    r.return_id = return_id;
    r.amount = Money{product.price_minor * picks[line].quantity - product.fee_minor, "GBP"};
    r.method = "original payment method";
    r.expected_on = add_days(created, 12);
    if (ret.status == ReturnStatus::kRefunded) {
      r.status = RefundStatus::kCompleted;
      r.completed_on = add_days(created, 9);
    } else {
      const int s = rng.between(0, 99);
      r.status = s < 60 ? RefundStatus::kPending
                 : s < 95 ? RefundStatus::kProcessing
                          : RefundStatus::kFailed;
    }
    w.refund(r);
  }
}

}  // namespace parley::store::demo
