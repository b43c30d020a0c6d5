#include "dialogue/renderer.h"

#include <doctest/doctest.h>

#include <thread>

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

TEST_CASE("a template without arguments renders its text, quoting resolved, whatever is passed") {
  std::vector<intents::Diagnostic> diags;
  auto r = make({{"plain", {"It''s on '{'its'}' way."}}, {"apostrophe", {"It's here."}}}, diags);
  CHECK(diags.empty());
  CHECK(r.render("plain", {}, 0) == "It's on {its} way.");
  CHECK(r.render("plain", {{"name", std::string("Jo")}}, 0) == "It's on {its} way.");
  CHECK(r.render("apostrophe", {}, 0) == "It's here.");
}

TEST_CASE("renders agree across threads and repeated calls") {
  std::vector<intents::Diagnostic> diags;
  auto r = make({{"eta", {"{n, plural, one {# parcel} other {# parcels}} due {eta, date, ::EEEEdMMMM}."}}},
                diags);
  REQUIRE(diags.empty());
  const std::string expected = "3 parcels due Tuesday, 24 November.";
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        const dialogue::Args args{{"n", std::int64_t{3}}, {"eta", year{2026} / November / 24}};
        if (r.render("eta", args, 0) != expected) ++wrong[static_cast<size_t>(t)];
        if (r.format_money(1250, i % 2 ? "GBP" : "EUR") != (i % 2 ? "£12.50" : "€12.50")) {
          ++wrong[static_cast<size_t>(t)];
        }
        if (r.format_date(year{2026} / November / 24) != "Tuesday, 24 November") ++wrong[static_cast<size_t>(t)];
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(wrong == std::vector<int>(4, 0));
}
