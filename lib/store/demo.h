// A deterministic demo knowledge base for "Northwind Outfitters", a UK
// outdoor-clothing shop selling in GBP: catalogue, return policies, delivery
// options per region, FAQ articles (locale "en"), a fixed set of showcase
// orders that testers and tests rely on, and as many random customers and
// orders as asked for.
//
//   auto store = Store::open("demo.db", {});
//   DemoOptions demo;
//   demo.today = std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(
//       std::chrono::system_clock::now())};
//   if (Status s = generate_demo_store(**store, demo); !s.ok()) ...
//
// Every date is relative to DemoOptions::today, so a "late" order is late on
// that day. The same options give the same rows, byte for byte.
#ifndef PARLEY_STORE_DEMO_H_
#define PARLEY_STORE_DEMO_H_

#include <chrono>
#include <cstdint>
#include <span>
#include <string_view>

#include "parley/status.h"
#include "store/records.h"
#include "store/store.h"

namespace parley::store {

struct DemoOptions {
  // Seed of the random customers and orders. Default: 1.
  std::uint64_t seed = 1;
  // The day the data is "as of". Default: 2025-06-16, a Monday.
  Date today = std::chrono::year{2025} / std::chrono::June / 16;
  // Random customers and orders, on top of the showcase ones. Defaults: 50
  // and 300. Up to a few million orders; orders > 0 needs customers > 0.
  int customers = 50;
  int orders = 300;
};

// Fills an empty, open store in one transaction. kInvalidArgument when the
// store already holds catalogue or order data or the options are unusable;
// kStore when writing fails (nothing is written then).
Status generate_demo_store(Store& store, const DemoOptions& options);

// One of the fixed orders every demo store contains, whatever the seed.
struct ShowcaseOrder {
  std::string_view number;    // e.g. "112-4839201-5561234"
  std::string_view email;     // the customer's, for identity checks
  std::string_view postcode;  // of the shipping address
  OrderStatus status;
  std::string_view shows;     // what a tester can try with it
};

// The showcase orders, in the order of docs/demo-store.md.
std::span<const ShowcaseOrder> showcase_orders();

}  // namespace parley::store

#endif  // PARLEY_STORE_DEMO_H_
