// Response templates: per-locale YAML variations rendered with ICU
// MessageFormat, so plurals, dates and numbers follow the locale.
//
//   order_shipped:
//     - "It's on its way with {carrier}, arriving {eta, date, ::EEEEdMMMM}."
//
// Money is formatted in C++ (format_money) and passed as text, because the
// currency varies by order while a template is fixed.
#ifndef PARLEY_DIALOGUE_RENDERER_H_
#define PARLEY_DIALOGUE_RENDERER_H_

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "intents/diagnostic.h"
#include "intents/pack.h"

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class MessageFormat;
U_NAMESPACE_END

namespace parley::dialogue {

// A template argument: text, a number (plural/number formats) or a date.
using Arg = std::variant<std::string, std::int64_t, double, std::chrono::year_month_day>;
using Args = std::map<std::string, Arg>;

// Immutable after construction; thread-safe (each call formats on a clone).
class Renderer {
 public:
  // Compiles every variant; bad MessageFormat syntax is reported at the
  // variant's file:line:column.
  Renderer(const intents::Pack& pack, std::vector<intents::Diagnostic>& diagnostics);
  ~Renderer();

  bool has(const std::string& key) const { return templates_.count(key) > 0; }

  // Renders variation number `pick % variations` of `key`. A missing key or
  // argument never throws: the key itself is returned in brackets, so the
  // gap is visible in tests rather than silent.
  std::string render(const std::string& key, const Args& args, std::uint64_t pick) const;

  // "£12.50" for (1250, "GBP") in the renderer's locale.
  std::string format_money(std::int64_t minor, const std::string& currency) const;
  // "Tuesday, 24 November" style (locale's pattern for EEEEdMMMM).
  std::string format_date(std::chrono::year_month_day date) const;

  // The pack's language tag ("en"), e.g. for FAQ look-ups.
  const std::string& locale() const { return language_; }

 private:
  std::string locale_;    // ICU formatting locale ("en_GB")
  std::string language_;  // the pack's tag
  std::map<std::string, std::vector<std::unique_ptr<icu::MessageFormat>>> templates_;
};

}  // namespace parley::dialogue

#endif  // PARLEY_DIALOGUE_RENDERER_H_
