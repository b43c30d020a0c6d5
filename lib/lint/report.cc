// Text and JSON forms of a LintReport.
#include <algorithm>
#include <set>

#include "dialogue/json.h"
#include "lint/lint.h"

namespace parley::lint {
namespace {

std::string plural(int n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string pad_left(const std::string& s, size_t width) {
  return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

std::string pad_right(const std::string& s, size_t width) {
  return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

}  // namespace

std::string format_confusion_table(const LintReport& report) {
  if (report.confusion.empty()) return "";
  // Columns: other intents in name order, then ambiguous, then fallback.
  std::set<std::string> intents;
  bool ambiguous = false, fallback = false;
  for (const auto& [row, cells] : report.confusion) {
    for (const auto& [column, count] : cells) {
      if (column == kAmbiguous) {
        ambiguous = true;
      } else if (column == kFallback) {
        fallback = true;
      } else {
        intents.insert(column);
      }
    }
  }
  std::vector<std::string> columns(intents.begin(), intents.end());
  if (ambiguous) columns.push_back(kAmbiguous);
  if (fallback) columns.push_back(kFallback);
  const std::string kRight = "routed right";

  size_t first_width = std::string("intent").size();
  for (const auto& [row, cells] : report.confusion) first_width = std::max(first_width, row.size());
  std::string out = "confusion: where each intent's misrouted examples went\n";
  out += pad_right("intent", first_width);
  for (const auto& c : columns) out += "  " + c;
  out += "  " + kRight + "\n";
  for (const auto& [row, cells] : report.confusion) {
    out += pad_right(row, first_width);
    int misrouted = 0;
    for (const auto& c : columns) {
      auto it = cells.find(c);
      const int count = it == cells.end() ? 0 : it->second;
      misrouted += count;
      out += "  " + pad_left(count ? std::to_string(count) : ".", c.size());
    }
    auto total = report.examples.find(row);
    const int examples = total == report.examples.end() ? misrouted : total->second;
    out += "  " + pad_left(std::to_string(examples - misrouted) + "/" + std::to_string(examples),
                           kRight.size());
    out += "\n";
  }
  return out;
}

std::string format_summary(const LintReport& report) {
  return plural(report.errors(), "error") + ", " + plural(report.warnings(), "warning") + " in " +
         plural(report.files, "file");
}

std::string format_json(const LintReport& report) {
  dialogue::JsonWriter json;
  json.begin_object();
  json.key("directory").value(report.directory);
  json.key("files").value(static_cast<long long>(report.files));
  json.key("errors").value(static_cast<long long>(report.errors()));
  json.key("warnings").value(static_cast<long long>(report.warnings()));
  json.key("conflicts_checked").value(report.conflicts_checked);
  json.key("diagnostics").begin_array();
  for (const auto& d : report.diagnostics) {
    json.begin_object();
    json.key("file").value(d.where.file);
    json.key("line").value(static_cast<long long>(d.where.line));
    json.key("column").value(static_cast<long long>(d.where.column));
    json.key("severity").value(d.severity == intents::Severity::kError ? "error" : "warning");
    json.key("message").value(d.message);
    json.end_object();
  }
  json.end_array();
  json.key("confusion").begin_object();
  for (const auto& [row, cells] : report.confusion) {
    json.key(row).begin_object();
    for (const auto& [column, count] : cells) json.key(column).value(static_cast<long long>(count));
    json.end_object();
  }
  json.end_object();
  json.end_object();
  return json.str();
}

}  // namespace parley::lint
