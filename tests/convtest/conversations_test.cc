// Every conversation in tests/conversations/ must pass.
#include <doctest/doctest.h>

#include "convtest/convtest.h"
#include "convtest_util.h"

using namespace parley;

TEST_CASE("tests/conversations: every conversation passes") {
  const std::string root = parley::testing::source_root();
  auto loaded = convtest::load_conversations(root + "/tests/conversations");
  REQUIRE_MESSAGE(loaded, loaded.error().message());
  CHECK(loaded->size() >= 40);
  convtest::RunOptions options;
  options.intents = root + "/intents";
  convtest::RunReport report = convtest::run_conversations(*loaded, options);
  REQUIRE_MESSAGE(report.error.ok(), report.error.message());
  CHECK(report.results.size() == loaded->size());
  for (const auto& r : report.results) {
    CHECK_MESSAGE(r.passed, r.report);
  }
}
