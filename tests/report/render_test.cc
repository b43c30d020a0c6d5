// The text summary and the HTML page: content, escaping, self-containment.
#include <doctest/doctest.h>

#include "report/render.h"
#include "report/report.h"
#include "report_fixture.h"

namespace parley::report {
namespace {

using testing::StoreFixture;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

Report sample(StoreFixture& f) {
  f.turn("2026-11-20T09:00:00Z", "s1", "where is my order", "order_status", "answered");
  f.turn("2026-11-20T09:01:00Z", "s1", "<script>alert('x')</script> gift", "fallback", "fallback");
  f.turn("2026-11-20T09:02:00Z", "s2", "gift wrap & \"bows\"", "fallback", "fallback");
  f.turn("2026-11-21T09:02:00Z", "s2", "human", "<b>odd</b>", "handed_off");
  f.handoff("2026-11-21T09:02:00Z", "s2", "customer_request");
  f.feedback("2026-11-20T09:00:30Z", "s1", "order_status", false, "<img src=x onerror=alert(1)>");
  auto r = build_report(f.path(), {});
  REQUIRE_MESSAGE(r, r.error().message());
  return std::move(*r);
}

TEST_CASE("escape_html") {
  CHECK(escape_html("<a href=\"x\">Tom & 'Jerry'</a>") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
  CHECK(escape_html("plain £ text") == "plain £ text");
}

TEST_CASE("format_percent") {
  CHECK(format_percent(0) == "0.0%");
  CHECK(format_percent(2.0 / 3) == "66.7%");
  CHECK(format_percent(1) == "100.0%");
}

TEST_CASE("customer text is escaped in the HTML, which loads nothing") {
  StoreFixture f;
  const std::string html = render_html(sample(f));
  CHECK(contains(html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; gift"));
  CHECK(contains(html, "gift wrap &amp; &quot;bows&quot;"));
  CHECK(contains(html, "&lt;img src=x onerror=alert(1)&gt;"));
  CHECK(contains(html, "&lt;b&gt;odd&lt;/b&gt;"));
  CHECK(!contains(html, "<script"));
  CHECK(!contains(html, "<img"));
  CHECK(!contains(html, "<b>"));
  // Self-contained: no external scripts, styles, images or fonts.
  CHECK(!contains(html, "src=\""));
  CHECK(!contains(html, "href=\""));
  CHECK(!contains(html, "url("));
  CHECK(!contains(html, "@import"));
  CHECK(!contains(html, "<link"));
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(contains(html, "</html>"));
}

TEST_CASE("the HTML shows every section with its figures") {
  StoreFixture f;
  const std::string html = render_html(sample(f));
  CHECK(contains(html, "<svg"));
  CHECK(contains(html, "Conversations per day"));
  CHECK(contains(html, "Turns per day"));
  CHECK(contains(html, "2026-11-20: 2 contained, 0 escalated (conversations)"));
  CHECK(contains(html, "2026-11-21: 0 contained, 1 escalated (conversations)"));
  CHECK(contains(html, ">66.7%<"));  // containment: 2 of 3 conversations
  CHECK(contains(html, "Intents by volume"));
  CHECK(contains(html, "customer_request"));
  CHECK(contains(html, "Satisfaction by intent"));
  CHECK(contains(html, "What the bot did not understand"));
  CHECK(contains(html, "<span class=\"count\">2</span><span class=\"word\">gift</span>"));
}

TEST_CASE("the text summary") {
  StoreFixture f;
  const std::string text = render_text(sample(f));
  CHECK(contains(text, "period: 2026-11-20 to 2026-11-21 (UTC)"));
  CHECK(contains(text, "conversations   3 "));
  CHECK(contains(text, "turns           4\n"));
  CHECK(contains(text, "containment     66.7%   (2 of 3 conversations ended without a human)"));
  CHECK(contains(text, "fallback        50.0%   (2 turns not understood, in 2 conversations)"));
  CHECK(contains(text, "  2026-11-21                1      1          1\n"));
  CHECK(contains(text, "      2  \"gift\"\n"));
  CHECK(contains(text, "not helpful: <img src=x onerror=alert(1)>"));
}

TEST_CASE("an empty store says so") {
  StoreFixture f;
  auto r = build_report(f.path(), {});
  REQUIRE(r);
  const std::string text = render_text(*r);
  CHECK(contains(text, "no conversations logged"));
  const std::string html = render_html(*r);
  CHECK(contains(html, "no conversations logged"));
  CHECK(!contains(html, "<svg"));
}

}  // namespace
}  // namespace parley::report
