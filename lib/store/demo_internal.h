// Internal to the demo store generator (demo*.cc): deterministic randomness,
// the row writer, and the catalogue shared by the showcase and random orders.
#ifndef PARLEY_STORE_DEMO_INTERNAL_H_
#define PARLEY_STORE_DEMO_INTERNAL_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/connection.h"
#include "store/demo.h"
#include "store/records.h"

namespace parley::store::demo {

// SplitMix64: tiny, fast and specified here, so the same seed gives the same
// data with every compiler and standard library (unlike <random>'s
// distributions).
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  // Uniform in [lo, hi], both inclusive.
  int between(int lo, int hi);
  bool percent(int p) { return between(0, 99) < p; }
  template <typename T>
  const T& pick(const std::vector<T>& from) {
    return from[static_cast<std::size_t>(between(0, static_cast<int>(from.size()) - 1))];
  }

 private:
  std::uint64_t state_;
};

// A keyed bijection on [0, half * half): distinct inputs give distinct
// outputs, which makes generated order numbers and codes unique by
// construction rather than by luck.
std::uint64_t permute(std::uint64_t x, std::uint64_t half, std::uint64_t key);

// `index` as `length` characters of the 32-letter code alphabet (no 0/O/1/I).
std::string base32_code(std::uint64_t index, int length);

// Writes rows through the store's cached statements. Throws SQLite::Exception.
class Writer {
 public:
  explicit Writer(Connection& connection) : c_(connection) {}

  std::int64_t category(std::string_view name, bool returnable);
  void return_policy(std::int64_t category_id, int window_days,
                     std::string_view condition, std::int64_t fee_minor);
  std::int64_t product(std::string_view sku, std::string_view name,
                       std::int64_t category_id);
  void delivery_option(std::string_view region, std::string_view method,
                       std::int64_t cost_minor, int min_days, int max_days,
                       std::string_view cutoff);
  void faq(std::string_view topic, std::string_view title, std::string_view body);
  std::int64_t customer(std::string_view name, std::string_view email,
                        const std::optional<std::string>& phone);
  void address(std::int64_t customer_id, const Address& address);
  std::int64_t order(std::string_view number, std::int64_t customer_id,
                     OrderStatus status, Timestamp placed_at,
                     std::int64_t total_minor, const Address& ship_to);
  std::int64_t shipment(const Shipment& shipment);
  std::int64_t item(std::int64_t order_id, std::int64_t product_id, int quantity,
                    std::int64_t unit_price_minor,
                    std::optional<std::int64_t> shipment_id);
  void event(std::int64_t shipment_id, Timestamp at, std::string_view location,
             std::string_view description);
  std::int64_t return_request(const ReturnRecord& r);
  void refund(const Refund& refund);

 private:
  Connection& c_;
};

struct Product {
  std::int64_t id = 0;
  std::string sku;
  std::string name;
  std::string category;
  bool returnable = true;
  int window_days = 0;
  std::int64_t fee_minor = 0;
  std::int64_t price_minor = 0;
};

struct RegionInfo {
  std::int64_t standard_cost_minor = 0;
  int standard_min_days = 0;
  int standard_max_days = 0;
  std::vector<std::string> carriers;
};

struct Catalogue {
  std::vector<Product> products;
  std::map<std::string, RegionInfo, std::less<>> regions;
  const Product& by_sku(std::string_view sku) const;
};

// Categories, products, return policies and delivery options.
Catalogue write_catalogue(Writer& w);
// FAQ articles for locale "en".
void write_faq(Writer& w);
// The showcase customers and orders of showcase_orders().
void write_showcase(Writer& w, const Catalogue& catalogue, Date today);
// options.customers random customers and options.orders random orders.
void write_random(Writer& w, const Catalogue& catalogue, const DemoOptions& options);

// A carrier's tracking number in its own style; `serial` picks it.
std::string tracking_number(std::string_view carrier, std::uint64_t serial);

// Writes a shipment and the tracking events its status implies, none later
// than `today`. `jitter` varies the minutes of the events.
std::int64_t write_shipment(Writer& w, const Shipment& shipment, Date placed_on,
                            std::string_view city, Date today,
                            std::uint64_t jitter);

// 00:00 UTC of `date` plus the given time of day.
Timestamp at(Date date, int hour, int minute);

}  // namespace parley::store::demo

#endif  // PARLEY_STORE_DEMO_INTERNAL_H_
