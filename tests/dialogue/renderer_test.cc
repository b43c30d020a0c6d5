#include "dialogue/renderer.h"

#include <doctest/doctest.h>

using namespace parley;
using namespace std::chrono;

namespace {

dialogue::Renderer make(std::map<std::string, std::vector<std::string>> responses,
                        std::vector<intents::Diagnostic>& diags, std::string locale = "en_GB") {
  intents::Pack pack;
  pack.locale.tag = locale;
  pack.locale.formatting = locale;
  for (auto& [key, variants] : responses) {
    intents::ResponseDef def;
    def.key = key;
    int line = 1;
    for (auto& v : variants) def.variants.push_back({v, {"responses.yaml", line++, 5}});
    pack.responses[key] = def;
  }
  return dialogue::Renderer(pack, diags);
}

}  // namespace

TEST_CASE("templates render values, plurals and locale dates") {
  std::vector<intents::Diagnostic> diags;
  auto r = make({{"eta", {"It arrives on {eta, date, ::EEEEdMMMM}."}},
                 {"parcels", {"{n, plural, one {# parcel} other {# parcels}} for {name}"}}},
                diags);
  CHECK(diags.empty());
  CHECK(r.render("eta", {{"eta", year{2026} / November / 24}}, 0) == "It arrives on Tuesday, 24 November.");
  auto us = make({{"eta", {"{eta, date, ::EEEEdMMMM}"}}}, diags, "en_US");
  CHECK(us.render("eta", {{"eta", year{2026} / November / 24}}, 0) == "Tuesday, November 24");
  CHECK(r.render("parcels", {{"n", std::int64_t{1}}, {"name", std::string("Jo")}}, 0) == "1 parcel for Jo");
  CHECK(r.render("parcels", {{"n", std::int64_t{3}}, {"name", std::string("Jo")}}, 0) == "3 parcels for Jo");
}

TEST_CASE("money and dates follow the locale") {
  std::vector<intents::Diagnostic> diags;
  auto en = make({}, diags, "en_GB");
  CHECK(en.format_money(1250, "GBP") == "£12.50");
  CHECK(en.format_money(1250, "EUR") == "€12.50");
  auto de = make({}, diags, "de");
  CHECK(de.format_money(1250, "EUR") == "12,50\u00a0€");
  CHECK(de.format_date(year{2026} / November / 24) == "Dienstag, 24. November");
}

TEST_CASE("variations are chosen by the pick, missing keys are visible") {
  std::vector<intents::Diagnostic> diags;
  auto r = make({{"hi", {"Hello!", "Hi!"}}}, diags);
  CHECK(r.render("hi", {}, 0) == "Hello!");
  CHECK(r.render("hi", {}, 1) == "Hi!");
  CHECK(r.render("hi", {}, 2) == "Hello!");
  CHECK(r.render("nope", {}, 0) == "[nope]");
}

TEST_CASE("bad MessageFormat syntax is reported at its location") {
  std::vector<intents::Diagnostic> diags;
  make({{"broken", {"Hello {name"}}}, diags);
  REQUIRE(diags.size() == 1);
  CHECK(intents::format(diags[0]).rfind("responses.yaml:1:", 0) == 0);
  CHECK(diags[0].message.find("response 'broken'") != std::string::npos);
}
