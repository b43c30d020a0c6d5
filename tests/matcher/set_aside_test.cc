#include "matcher/set_aside.h"

#include <doctest/doctest.h>

using namespace parley;

namespace {

matcher::SetAside Compile(std::vector<std::string> patterns) {
  std::vector<intents::Text> texts;
  for (auto& p : patterns) texts.push_back({std::move(p), {"x/locale.yaml", 1, 1}});
  std::vector<intents::Diagnostic> diags;
  matcher::SetAside s(texts, diags);
  REQUIRE(diags.empty());
  return s;
}

}  // namespace

TEST_CASE("the first pattern that sets words aside decides, whole words only") {
  const auto s = Compile({R"(^(?P<aside>not the \w+) (?:just|only)\b)", R"((?P<aside>ssword) just)"});
  auto r = s.apply("not the password just the email", 0);
  CHECK(r.pattern == 0);
  CHECK(r.aside == "not the password");
  CHECK(r.rest == "just the email");
  // A group that ends (or begins) inside a word takes the whole word.
  r = s.apply("my password just the email", 0);
  CHECK(r.pattern == 1);
  CHECK(r.aside == "password");
  CHECK(r.rest == "my just the email");
}

TEST_CASE("nothing is set aside when no pattern matches, the group is empty, or no word would stand") {
  const auto s = Compile({R"(^(?P<aside>(?:not \w+)?) ?just\b)", R"((?P<aside>.+))"});
  CHECK(s.apply("where is my parcel", 0).pattern == -1);   // only the second matches: all words
  CHECK(s.apply("just the email", 0).pattern == -1);       // the first's group is empty
  CHECK(s.apply("not this just that", 0).aside == "not this");
  CHECK(s.apply("", 0).pattern == -1);
  const std::string bytes = "\xff\xfe not x just";  // any bytes: words of the input, or nothing
  const auto r = s.apply(bytes, 0);
  CHECK(r.aside.size() + r.rest.size() < bytes.size());
}
