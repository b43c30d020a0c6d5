// The linter on fixture packs (tests/data/packs/lint-*/), one class of
// problem each, asserting the exact text a writer sees; and on the real
// English pack, which must have no errors.
#include "lint/lint.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

using parley::lint::LintReport;
using parley::lint::lint_pack;

namespace {

std::string source_root() {
  const char* root = std::getenv("PARLEY_SOURCE_ROOT");
  REQUIRE_MESSAGE(root != nullptr, "PARLEY_SOURCE_ROOT is not set (run through meson test)");
  return root;
}

std::string fixture(const std::string& name) { return source_root() + "/tests/data/packs/" + name; }

// Every diagnostic as printed, with the fixture folder cut from file names.
std::vector<std::string> lines(const LintReport& report) {
  std::vector<std::string> out;
  const std::string prefix = report.directory + "/";
  for (const auto& d : report.diagnostics) {
    std::string line = parley::intents::format(d);
    if (line.rfind(prefix, 0) == 0) line = line.substr(prefix.size());
    out.push_back(line);
  }
  return out;
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += s + "\n";
  return out;
}

// Whether `expected` is one of the report's lines (shows them all if not).
void check_has(const LintReport& report, const std::string& expected) {
  const auto all = lines(report);
  const bool found = std::find(all.begin(), all.end(), expected) != all.end();
  CHECK_MESSAGE(found, "missing:\n  " << expected << "\nin:\n" << joined(all));
}

}  // namespace

TEST_CASE("a clean pack has nothing to report") {
  LintReport r = lint_pack(fixture("lint-clean"));
  CHECK_MESSAGE(r.diagnostics.empty(), joined(lines(r)));
  CHECK(r.conflicts_checked);
  CHECK(r.files == 2);
  CHECK(parley::lint::format_confusion_table(r).empty());
  CHECK(parley::lint::format_summary(r) == "0 errors, 0 warnings in 2 files");
}

TEST_CASE("YAML syntax errors point at the spot and stop the later checks") {
  LintReport r = lint_pack(fixture("lint-syntax"));
  CHECK(lines(r) == std::vector<std::string>{
                        "intents.yaml:4:1: error: YAML syntax: end of sequence flow not found"});
  CHECK_FALSE(r.conflicts_checked);
}

TEST_CASE("unknown keys list the keys that are allowed") {
  LintReport r = lint_pack(fixture("lint-keys"));
  CHECK(lines(r) == std::vector<std::string>{
                        "intents.yaml:3:5: error: unknown key 'exmaples' in an intent; expected one "
                        "of: id description priority context slots patterns phrases not examples"});
}

TEST_CASE("bad regular expressions carry RE2's own message") {
  LintReport r = lint_pack(fixture("lint-regex"));
  CHECK(lines(r) ==
        std::vector<std::string>{
            "intents.yaml:5:9: error: pattern is not a valid RE2 regular expression: missing ): (hi|hey",
            "intents.yaml:6:11: error: `not` pattern is not a valid RE2 regular expression: missing ]: [a-"});
  CHECK_FALSE(r.conflicts_checked);
}

TEST_CASE("duplicate intent ids") {
  LintReport r = lint_pack(fixture("lint-ids"));
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(lines(r)[0] == "intents.yaml:4:5: error: duplicate intent id 'greet' (first defined at " +
                           r.directory + "/intents.yaml:2)");
}

TEST_CASE("the same example twice: in one intent a warning, under two intents an error") {
  LintReport r = lint_pack(fixture("lint-duplicates"));
  check_has(r, "intents.yaml:8:9: warning: example 'Where is my order?' is listed twice in intent "
               "'order_status' (also at intents.yaml:6; both read as 'where is my order')");
  check_has(r, "intents.yaml:12:9: error: example 'WHERE IS MY ORDER' of intent 'refund_status' is "
               "also an example of intent 'order_status' (intents.yaml:6; both read as 'where is my "
               "order'); keep it under one intent");
  CHECK(r.errors() == 1);
}

TEST_CASE("example words that read like misspellings of a pack word") {
  LintReport r = lint_pack(fixture("lint-misspelt"));
  check_has(r, "intents.yaml:19:9: warning: example word 'cancle' reads like a misspelling of 'cancel' (the pack "
               "uses 'cancel' 24 times, 'cancle' 3): the pack's own words are never corrected, so a customer's "
               "'cancle' will not count as 'cancel'. Write 'cancel', or keep the example and add 'cancle: "
               "cancel' to shorthand; if 'cancle' is a word in its own right, add it to the known words");
  // Not "adress" (a synonym of address), "shit" (a known word, not a
  // misspelt "ship") or "parcels" (about as common as "parcel").
  CHECK(r.diagnostics.size() == 1);
  CHECK(r.errors() == 0);
}

TEST_CASE("slots without an entity, or with one nobody defines") {
  LintReport r = lint_pack(fixture("lint-slots"));
  CHECK(lines(r) == std::vector<std::string>{
                        "intents.yaml:7:9: error: slot 'order_number' has no 'entity'",
                        "intents.yaml:8:9: error: slot 'tracking' uses entity 'tracking_number', "
                        "which no `entities:` section defines"});
}

TEST_CASE("an intent with nothing to match") {
  LintReport r = lint_pack(fixture("lint-empty"));
  CHECK(lines(r) == std::vector<std::string>{
                        "intents.yaml:4:5: error: intent 'goodbye' has no patterns, phrases or examples"});
}

TEST_CASE("flows: unknown intents and missing response keys") {
  LintReport r = lint_pack(fixture("lint-flows"));
  CHECK(lines(r) ==
        std::vector<std::string>{
            "intents.yaml:11:9: error: flow 'order_status': prompt 'ask_order_numbr' is not a response "
            "key (no `responses:` entry 'ask_order_numbr') (did you mean 'ask_order_number'?)",
            "intents.yaml:12:3: error: flow 'cancel_order': confirm 'confirm_cancel' is not a response "
            "key (no `responses:` entry 'confirm_cancel')",
            "intents.yaml:15:3: error: flow for unknown intent 'order_staus' (no intent has this id) "
            "(did you mean 'order_status'?)",
            "intents.yaml:15:3: error: flow 'order_staus': response 'where_is_it' is not a response "
            "key (no `responses:` entry 'where_is_it')"});
}

TEST_CASE("responses: bad ICU MessageFormat, and an intent without a label for 'which one?'") {
  LintReport r = lint_pack(fixture("lint-responses"));
  CHECK(lines(r) == std::vector<std::string>{
                        "intents.yaml:4:5: warning: intent 'thanks' has no response 'label_thanks': when a "
                        "message could mean it or another intent, the bot asks which one (response 'clarify') "
                        "and would call this one 'thanks'. Add `label_thanks: [...]` under `responses:`, worded "
                        "to fit 'clarify'",
                        "intents.yaml:9:32: error: response 'greet': invalid ICU MessageFormat "
                        "(U_PATTERN_SYNTAX_ERROR)"});
  CHECK(r.errors() == 1);
}

TEST_CASE("conflicts: routed elsewhere, ambiguous, fallback; and the confusion table") {
  LintReport r = lint_pack(fixture("lint-conflicts"));
  CHECK(r.errors() == 0);
  CHECK(lines(r) ==
        std::vector<std::string>{
            "intents.yaml:8:9: warning: example routed to refund_status (0.92, its pattern at "
            "intents.yaml:12) instead of refund_request",
            "intents.yaml:16:23: warning: example falls back: nothing matches it; its own `not` "
            "pattern at intents.yaml:15 matches it",
            "intents.yaml:18:21: warning: example is ambiguous between goodbye (1.00, its example at "
            "intents.yaml:18) and farewell (1.00, its example at intents.yaml:20)",
            "intents.yaml:20:26: warning: example is ambiguous between goodbye (1.00, its example at "
            "intents.yaml:18) and farewell (1.00, its example at intents.yaml:20)"});
  CHECK(parley::lint::format_confusion_table(r) ==
        "confusion: where each intent's misrouted examples went\n"
        "intent          refund_status  ambiguous  fallback  routed right\n"
        "farewell                    .          1         .           1/2\n"
        "goodbye                     .          1         .           1/2\n"
        "greet                       .          .         1           1/2\n"
        "refund_request              1          .         .           2/3\n");
  CHECK(parley::lint::format_summary(r) == "0 errors, 4 warnings in 1 file");
}

TEST_CASE("store categories: lint reads them as a bot on that store would") {
  // "parcels" is a store category the pack's words happen to use ("track my
  // parcel"); "Home & Garden" is a name the matcher cannot add; "kites" is
  // fine. The pack has no category entity: its folder takes the warning.
  const LintReport r = lint_pack(fixture("lint-clean"), {"parcels", "Home & Garden", "kites"});
  check_has(r, r.directory + ": warning: store category 'Home & Garden' is not recognised in "
               "messages: only names of ASCII letters, digits and single spaces are added; name it in a "
               "pattern of the 'category' entity");
  check_has(r, "intents.yaml:10:35: warning: store category 'parcels' is read here (1 example in all) where the "
               "pack sees no category: if it is an everyday word here, name the category in a pattern of the "
               "'category' entity ((?P<parcels>...)) with the words customers use for it");
  CHECK(r.warnings() == 2);
  CHECK(r.errors() == 0);
  // Without a store, nothing of the kind.
  CHECK(lint_pack(fixture("lint-clean")).diagnostics.empty());
}

TEST_CASE("a missing folder is an error, not a crash") {
  LintReport r = lint_pack(fixture("no-such-pack"));
  CHECK(r.errors() == 1);
  CHECK(r.files == 0);
  CHECK_FALSE(r.conflicts_checked);
}

TEST_CASE("JSON output names every diagnostic") {
  LintReport r = lint_pack(fixture("lint-empty"));
  const std::string json = parley::lint::format_json(r);
  CHECK(json.find("\"errors\":1") != std::string::npos);
  CHECK(json.find("\"line\":4") != std::string::npos);
  CHECK(json.find("\"severity\":\"error\"") != std::string::npos);
  CHECK(json.find("has no patterns, phrases or examples") != std::string::npos);
}

TEST_CASE("the English pack lints without errors") {
  LintReport r = lint_pack(source_root() + "/intents/en");
  std::string errors;
  for (const auto& d : r.diagnostics) {
    if (d.severity == parley::intents::Severity::kError) errors += parley::intents::format(d) + "\n";
  }
  CHECK_MESSAGE(r.errors() == 0, errors);
  CHECK(r.conflicts_checked);
  CHECK(r.files > 5);
}
