// Presenting a Report: a plain-text summary for the terminal and a
// self-contained HTML page (inline CSS and SVG charts, no scripts, no
// external assets) for sharing with writers.
#ifndef PARLEY_REPORT_RENDER_H_
#define PARLEY_REPORT_RENDER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "report/report.h"

namespace parley::report {

// The terminal summary: headline figures, per-day table, intents, handoff
// reasons, satisfaction and the unmatched groups. Ends with a newline.
std::string render_text(const Report& report);

// A complete HTML document. All text from the store is escaped.
std::string render_html(const Report& report);

// "83.3%" (one decimal), "0.0%" for 0.
std::string format_percent(double fraction);

// Escapes & < > " ' for HTML text and attribute values.
std::string escape_html(std::string_view text);

// --- Inline SVG charts (svg.cc) ---------------------------------------------

// One series of a stacked daily column chart.
struct Series {
  std::string name;   // shown in the legend and tooltips
  std::string colour;  // CSS colour, e.g. "#4c78a8"
  std::vector<std::int64_t> values;  // one per label
};

// Stacked columns, one per label (day), series bottom-up in order, with a
// y axis, a legend, and a tooltip (<title>) per column.
std::string column_chart(const std::vector<std::string>& labels,
                         const std::vector<Series>& series, std::string_view unit);

struct Bar {
  std::string label;
  std::int64_t value = 0;
  std::string caption;  // after the value, e.g. "(12 conversations)"
};

// Horizontal bars, one row each, scaled to the largest value.
std::string bar_chart(const std::vector<Bar>& bars, std::string_view colour);

}  // namespace parley::report

#endif  // PARLEY_REPORT_RENDER_H_
