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
  CHECK(matcher::resolve_date("24/11", today) == year_month_day{year{2026}, November, day{24}});
  CHECK(matcher::resolve_date("2026-02-30", today) == std::nullopt);
  CHECK(matcher::resolve_date("whenever", today) == std::nullopt);
}
