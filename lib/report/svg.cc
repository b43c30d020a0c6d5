// The report's charts as inline SVG: fixed 1000-unit-wide view boxes that
// scale with the page, text escaped, one <title> per mark for tooltips.
#include <algorithm>
#include <cstdio>
#include <string>

#include "report/render.h"

namespace parley::report {
namespace {

constexpr double kWidth = 1000;

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// The smallest 1, 2 or 5 times a power of ten that is >= v (>= 1).
std::int64_t nice_ceiling(std::int64_t v) {
  std::int64_t step = 1;
  for (;;) {
    for (std::int64_t m : {1, 2, 5}) {
      if (m * step >= v) return m * step;
    }
    step *= 10;
  }
}

// Cuts `text` to at most `max` bytes on a UTF-8 boundary, adding "…".
std::string shortened(const std::string& text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "\u2026";
}

}  // namespace

std::string column_chart(const std::vector<std::string>& labels,
                         const std::vector<Series>& series, std::string_view unit) {
  constexpr double kLeft = 48, kRight = 8, kTop = 28, kPlot = 180, kBottom = 40;
  const double height = kTop + kPlot + kBottom;
  const std::size_t n = labels.size();
  std::int64_t peak = 0;
  for (std::size_t i = 0; i < n; ++i) {
    std::int64_t total = 0;
    for (const Series& s : series) total += i < s.values.size() ? s.values[i] : 0;
    peak = std::max(peak, total);
  }
  const std::int64_t top = nice_ceiling(std::max<std::int64_t>(peak, 1));
  const double slot = n ? (kWidth - kLeft - kRight) / static_cast<double>(n) : 0;
  const double bar = std::max(1.0, slot * (n > 60 ? 0.9 : 0.7));
  const auto y_of = [&](double v) { return kTop + kPlot - kPlot * v / static_cast<double>(top); };

  std::string svg = "<svg class=\"chart\" viewBox=\"0 0 " + num(kWidth) + " " + num(height) +
                    "\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">";
  // Legend, top left.
  double lx = kLeft;
  for (const Series& s : series) {
    svg += "<rect x=\"" + num(lx) + "\" y=\"6\" width=\"12\" height=\"12\" fill=\"" +
           escape_html(s.colour) + "\"/><text x=\"" + num(lx + 16) + "\" y=\"16\" class=\"legend\">" +
           escape_html(s.name) + "</text>";
    lx += 28 + 7.5 * static_cast<double>(s.name.size());
  }
  // Grid and y labels at 0, half and the top.
  for (std::int64_t v : {std::int64_t{0}, top / 2, top}) {
    if (v == top / 2 && top < 2) continue;
    const double y = y_of(static_cast<double>(v));
    svg += "<line x1=\"" + num(kLeft) + "\" x2=\"" + num(kWidth - kRight) + "\" y1=\"" + num(y) +
           "\" y2=\"" + num(y) + "\" class=\"grid\"/><text x=\"" + num(kLeft - 6) + "\" y=\"" +
           num(y + 4) + "\" class=\"axis\" text-anchor=\"end\">" + std::to_string(v) + "</text>";
  }
  // Columns, each with a tooltip listing every series.
  const std::size_t every = std::max<std::size_t>(1, (n + 9) / 10);
  for (std::size_t i = 0; i < n; ++i) {
    const double x = kLeft + slot * static_cast<double>(i) + (slot - bar) / 2;
    std::string tip = labels[i] + ":";
    std::int64_t base = 0;
    svg += "<g>";
    for (const Series& s : series) {
      const std::int64_t v = i < s.values.size() ? s.values[i] : 0;
      tip += " " + std::to_string(v) + " " + s.name + ",";
      if (v <= 0) continue;
      const double y0 = y_of(static_cast<double>(base));
      const double y1 = y_of(static_cast<double>(base + v));
      svg += "<rect x=\"" + num(x) + "\" y=\"" + num(y1) + "\" width=\"" + num(bar) +
             "\" height=\"" + num(y0 - y1) + "\" fill=\"" + escape_html(s.colour) + "\"/>";
      base += v;
    }
    tip.back() = ' ';
    tip += "(" + std::string(unit) + ")";
    svg += "<title>" + escape_html(tip) + "</title></g>";
    // Every `every`-th day, and the last one when it is not crowded.
    if (i % every == 0 || (i + 1 == n && (i % every) * 2 >= every)) {
      svg += "<text x=\"" + num(x + bar / 2) + "\" y=\"" + num(kTop + kPlot + 16) +
             "\" class=\"axis\" text-anchor=\"middle\">" + escape_html(labels[i]) + "</text>";
    }
  }
  svg += "</svg>";
  return svg;
}

std::string bar_chart(const std::vector<Bar>& bars, std::string_view colour) {
  constexpr double kRow = 24, kLabel = 280, kValueRoom = 230;
  std::int64_t peak = 1;
  for (const Bar& b : bars) peak = std::max(peak, b.value);
  const double height = kRow * static_cast<double>(bars.size()) + 4;
  std::string svg = "<svg class=\"chart\" viewBox=\"0 0 " + num(kWidth) + " " + num(height) +
                    "\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">";
  const double span = kWidth - kLabel - kValueRoom;
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    const double y = kRow * static_cast<double>(i) + 2;
    const double w = std::max(b.value > 0 ? 2.0 : 0.0,
                              span * static_cast<double>(b.value) / static_cast<double>(peak));
    svg += "<g><title>" + escape_html(b.label + ": " + std::to_string(b.value) + " " + b.caption) +
           "</title><text x=\"" + num(kLabel - 8) + "\" y=\"" + num(y + 15) +
           "\" class=\"label\" text-anchor=\"end\">" + escape_html(shortened(b.label, 40)) +
           "</text><rect x=\"" + num(kLabel) + "\" y=\"" + num(y + 3) + "\" width=\"" + num(w) +
           "\" height=\"" + num(kRow - 8) + "\" rx=\"2\" fill=\"" + escape_html(std::string(colour)) +
           "\"/><text x=\"" + num(kLabel + w + 6) + "\" y=\"" + num(y + 15) + "\" class=\"value\">" +
           std::to_string(b.value) + (b.caption.empty() ? "" : " " + escape_html(b.caption)) +
           "</text></g>";
  }
  svg += "</svg>";
  return svg;
}

}  // namespace parley::report
