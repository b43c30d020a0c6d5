// Demo generator: Northwind Outfitters' categories, return policies,
// products and delivery options.
#include <stdexcept>
#include <string>

#include "store/demo_internal.h"

namespace parley::store::demo {
namespace {

struct CategorySpec {
  const char* name;
  bool returnable;
  int window_days;
  std::int64_t fee_minor;
  const char* condition;
};

constexpr CategorySpec kCategories[] = {
    {"clothing", true, 30, 0, "Unworn and unwashed, with the original tags attached."},
    {"shoes", true, 30, 0, "Unworn (tried on indoors only), in the original box."},
    {"electronics", true, 30, 0,
     "In the original packaging with all accessories; faulty items are covered "
     "for 12 months."},
    {"home", true, 30, 495,
     "Unused and in the original packaging; a £4.95 collection fee applies."},
    {"books", true, 30, 0, "In the condition you received them."},
    {"beauty", true, 14, 0,
     "Unopened with the seal intact; opened beauty products can't be returned "
     "for hygiene reasons unless faulty."},
    {"gift cards", false, 0, 0, "Gift cards can't be returned or exchanged for cash."},
    {"personalised items", false, 0, 0,
     "Items made to your specification can't be returned unless faulty."},
};

struct ProductSpec {
  const char* sku;
  const char* name;
  const char* category;
  std::int64_t price_minor;
};

constexpr ProductSpec kProducts[] = {
    {"NW-CLO-001", "Merino crew-neck jumper", "clothing", 5900},
    {"NW-CLO-002", "Waxed cotton field jacket", "clothing", 14900},
    {"NW-CLO-003", "Organic cotton T-shirt", "clothing", 1800},
    {"NW-CLO-004", "Slim stretch chinos", "clothing", 4500},
    {"NW-CLO-005", "Waterproof hiking jacket", "clothing", 12900},
    {"NW-CLO-006", "Fleece-lined beanie", "clothing", 1600},
    {"NW-SHO-001", "Leather Chelsea boots", "shoes", 11900},
    {"NW-SHO-002", "Trail running shoes", "shoes", 8900},
    {"NW-SHO-003", "Canvas plimsolls", "shoes", 3500},
    {"NW-SHO-004", "Sheepskin slippers", "shoes", 4900},
    {"NW-ELE-001", "Wireless noise-cancelling headphones", "electronics", 17900},
    {"NW-ELE-002", "Power bank 20,000 mAh", "electronics", 3900},
    {"NW-ELE-003", "Smart fitness watch", "electronics", 14900},
    {"NW-ELE-004", "Bluetooth camping speaker", "electronics", 5900},
    {"NW-ELE-005", "USB-C charging cable (2 m)", "electronics", 1200},
    {"NW-HOM-001", "Stoneware dinner set (12 pieces)", "home", 7900},
    {"NW-HOM-002", "Wool throw blanket", "home", 6500},
    {"NW-HOM-003", "Enamel camping mug", "home", 1400},
    {"NW-HOM-004", "Linen duvet cover (double)", "home", 8900},
    {"NW-BOO-001", "The Hillwalker's Handbook", "books", 1699},
    {"NW-BOO-002", "Wild Camping in Britain", "books", 1499},
    {"NW-BOO-003", "Coastal Paths of Cornwall", "books", 1299},
    {"NW-BEA-001", "Beeswax lip balm", "beauty", 600},
    {"NW-BEA-002", "Sea-salt body scrub", "beauty", 1800},
    {"NW-BEA-003", "Mineral sun cream SPF 50", "beauty", 1500},
    {"NW-GIF-025", "Gift card £25", "gift cards", 2500},
    {"NW-GIF-050", "Gift card £50", "gift cards", 5000},
    {"NW-PER-001", "Personalised leather wallet", "personalised items", 4500},
    {"NW-PER-002", "Engraved enamel mug", "personalised items", 1800},
    {"NW-PER-003", "Monogrammed wool scarf", "personalised items", 3900},
};

struct DeliverySpec {
  const char* region;
  const char* method;
  std::int64_t cost_minor;
  int min_days;
  int max_days;
  const char* cutoff;
};

// The first option of each region is its standard service, which the demo
// orders use.
constexpr DeliverySpec kDelivery[] = {
    {"mainland", "Standard delivery", 395, 3, 5, "20:00"},
    {"mainland", "Click & Collect", 0, 2, 4, "18:00"},
    {"mainland", "Express (next working day)", 595, 1, 1, "14:00"},
    {"mainland", "Named day", 695, 1, 6, "16:00"},
    {"highlands_islands", "Standard delivery", 595, 4, 7, "20:00"},
    {"highlands_islands", "Express", 995, 2, 3, "12:00"},
    {"northern_ireland", "Standard delivery", 595, 4, 6, "20:00"},
    {"northern_ireland", "Express", 995, 2, 3, "12:00"},
    {"international", "International standard", 1295, 7, 14, "16:00"},
    {"international", "International express", 2495, 3, 5, "12:00"},
};

}  // namespace

const Product& Catalogue::by_sku(std::string_view sku) const {
  for (const Product& p : products) {
    if (p.sku == sku) return p;
  }
  throw std::logic_error("demo catalogue has no product " + std::string(sku));
}

Catalogue write_catalogue(Writer& w) {
  Catalogue catalogue;
  std::map<std::string, std::int64_t, std::less<>> category_ids;
  for (const CategorySpec& c : kCategories) {
    const std::int64_t id = w.category(c.name, c.returnable);
    w.return_policy(id, c.window_days, c.condition, c.fee_minor);
    category_ids[c.name] = id;
  }
  for (const ProductSpec& p : kProducts) {
    const CategorySpec* category = nullptr;
    for (const CategorySpec& c : kCategories) {
      if (std::string_view(c.name) == p.category) category = &c;
    }
    Product product;
    product.id = w.product(p.sku, p.name, category_ids.at(p.category));
    product.sku = p.sku;
    product.name = p.name;
    product.category = p.category;
    product.returnable = category->returnable;
    product.window_days = category->window_days;
    product.fee_minor = category->fee_minor;
    product.price_minor = p.price_minor;
    catalogue.products.push_back(std::move(product));
  }
  for (const DeliverySpec& d : kDelivery) {
    w.delivery_option(d.region, d.method, d.cost_minor, d.min_days, d.max_days,
                      d.cutoff);
    if (!catalogue.regions.contains(d.region)) {
      catalogue.regions[d.region] =
          RegionInfo{d.cost_minor, d.min_days, d.max_days, {}};
    }
  }
  catalogue.regions["mainland"].carriers = {"Royal Mail", "DPD", "Evri"};
  catalogue.regions["highlands_islands"].carriers = {"Royal Mail"};
  catalogue.regions["northern_ireland"].carriers = {"Royal Mail", "DPD"};
  catalogue.regions["international"].carriers = {"DHL"};
  return catalogue;
}

}  // namespace parley::store::demo
