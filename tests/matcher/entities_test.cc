#include "matcher/entities.h"

#include <doctest/doctest.h>

#include <cstdlib>

#include "intents/loader.h"

using namespace parley;
using namespace std::chrono;

namespace {

const matcher::EntityExtractor& English() {
  static std::vector<intents::Diagnostic> diags;
  static intents::Pack pack = [] {
    const char* root = std::getenv("PARLEY_SOURCE_ROOT");
    return intents::load_pack(std::string(root ? root : ".") + "/intents/en", diags);
  }();
  static matcher::EntityExtractor extractor(pack.entities, diags);
  return extractor;
}

std::string Find(std::string_view text, std::string_view type) {
  for (const auto& e : English().extract(text)) {
    if (e.type == type) return e.value;
  }
  return "";
}

}  // namespace

TEST_CASE("English entities are found with their canonical value") {
  CHECK(Find("where is 112-4839201-5561234", "order_number") == "112-4839201-5561234");
  CHECK(Find("order 30498812 pls", "order_number") == "30498812");
  CHECK(Find("mail me at jo.bloggs+shop@example.co.uk", "email") == "jo.bloggs+shop@example.co.uk");
  CHECK(Find("call 07700 900123", "phone") == "7700 900123");
  CHECK(Find("my postcode is sw1a 1aa", "postcode") == "sw1a 1aa");
  CHECK(Find("it cost £12.50", "money") == "12.50");
  CHECK(Find("tracking ab123456789gb", "tracking_number") == "ab123456789gb");
  CHECK(Find("i ordered it 3 days ago", "date") == "3 days ago");
  CHECK(Find("no numbers here", "order_number").empty());
  // Month names, whole or short, never any word that starts like one.
  CHECK(Find("it should come on the 5th of november", "date") == "5th of november");
  CHECK(Find("ordered 12 sept 2026", "date") == "12 sept 2026");
  CHECK(Find("i got 5 marketing emails today", "date") == "today");
  CHECK(Find("2 separate parcels", "date").empty());
  CHECK(Find("3 mayonnaise jars", "date").empty());
}

TEST_CASE("ResolveDate understands relative and absolute dates") {
  const year_month_day today{year{2026}, November, day{22}};  // a Sunday
  CHECK(matcher::resolve_date("today", today) == today);
  CHECK(matcher::resolve_date("yesterday", today) == year_month_day{year{2026}, November, day{21}});
  CHECK(matcher::resolve_date("3 days ago", today) == year_month_day{year{2026}, November, day{19}});
  CHECK(matcher::resolve_date("last monday", today) == year_month_day{year{2026}, November, day{16}});
  CHECK(matcher::resolve_date("next friday", today) == year_month_day{year{2026}, November, day{27}});
  CHECK(matcher::resolve_date("24 november", today) == year_month_day{year{2026}, November, day{24}});
  CHECK(matcher::resolve_date("november 24th 2025", today) == year_month_day{year{2025}, November, day{24}});
  CHECK(matcher::resolve_date("5th of november", today) == year_month_day{year{2026}, November, day{5}});
  CHECK(matcher::resolve_date("24th of dec. 2025", today) == year_month_day{year{2025}, December, day{24}});
  CHECK(matcher::resolve_date("24/11", today) == year_month_day{year{2026}, November, day{24}});
  CHECK(matcher::resolve_date("2026-02-30", today) == std::nullopt);
  CHECK(matcher::resolve_date("whenever", today) == std::nullopt);
}

namespace {

// The English entities with `categories` added as a knowledge base's;
// returns the category values found in `text` and the names not added.
std::pair<std::vector<std::string>, std::vector<std::string>> StoreCategories(
    const std::vector<std::string>& categories, std::string_view text) {
  std::vector<intents::Diagnostic> diags;
  const char* root = std::getenv("PARLEY_SOURCE_ROOT");
  intents::Pack pack = intents::load_pack(std::string(root ? root : ".") + "/intents/en", diags);
  const std::vector<std::string> skipped = matcher::add_store_categories(pack.entities, categories);
  matcher::EntityExtractor extractor(pack.entities, diags);
  REQUIRE_MESSAGE(!intents::has_errors(diags), intents::format_all(diags));
  std::vector<std::string> values;
  for (const auto& e : extractor.extract(text)) {
    if (e.type == "category") values.push_back(e.value);
  }
  return {values, skipped};
}

}  // namespace

TEST_CASE("the knowledge base's categories are recognised beside the pack's own") {
  using V = std::vector<std::string>;
  const V store = {"Garden", "garden furniture", "toys", "shoes", "3d printers", "Home & Garden", "café", " toys"};
  // Singular or plural of the last word; the longer name wins; names in any case.
  CHECK(StoreCategories(store, "can i return a toy").first == V{"toys"});
  CHECK(StoreCategories(store, "returns on toys?").first == V{"toys"});
  CHECK(StoreCategories(store, "my garden furniture set").first == V{"garden_furniture"});
  CHECK(StoreCategories(store, "stuff for the gardens").first == V{"garden"});
  CHECK(StoreCategories(store, "two 3d printers").first == V{"3d_printers"});
  // The pack's own words keep their mapping ("trainers" are shoes) and win
  // where both match; the store's name adds nothing new there.
  CHECK(StoreCategories(store, "my trainers and my shoes").first == V{"shoes", "shoes"});
  CHECK(StoreCategories(store, "a gift voucher").first == V{"gift_cards"});
  // A category the pack names is left to the pack's words: its "home" group
  // lists homeware and bedding, not a bare "home" (my home address).
  CHECK(StoreCategories({"home", "toys"}, "deliver to my home address").first.empty());
  CHECK(StoreCategories({"home", "toys"}, "my new bedding and a toy").first == V{"home", "toys"});
  // The demo store's categories add nothing the pack does not already say.
  const V demo = {"beauty", "books", "clothing", "electronics", "gift cards", "home", "personalised items", "shoes"};
  CHECK(StoreCategories(demo, "deliver to my home address, I love books").first == V{"books"});
  // Whole words only.
  CHECK(StoreCategories(store, "stoys and toyshop").first.empty());
  // Names that cannot be a group name are reported, not added.
  CHECK(StoreCategories(store, "").second == V{"Home & Garden", "café", " toys"});
  CHECK(StoreCategories({}, "a toy").first.empty());
}

TEST_CASE("a pack without a category entity gets one from the knowledge base") {
  std::vector<intents::EntityDef> entities;
  CHECK(matcher::add_store_categories(entities, {"toys"}).empty());
  REQUIRE(entities.size() == 1);
  CHECK(entities[0].name == "category");
  std::vector<intents::Diagnostic> diags;
  matcher::EntityExtractor extractor(entities, diags);
  CHECK(diags.empty());
  const auto found = extractor.extract("a toy");
  REQUIRE(found.size() == 1);
  CHECK(found[0].value == "toys");
  CHECK(found[0].text == "toy");
}
