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
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "intents/diagnostic.h"
#include "intents/pack.h"

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class MessageFormat;
class SimpleDateFormat;
namespace number {
class LocalizedNumberFormatter;
}
U_NAMESPACE_END

namespace parley::dialogue {

template <typename T>
class FormatPool;

// A template argument: text, a number (plural/number formats) or a date.
using Arg = std::variant<std::string, std::int64_t, double, std::chrono::year_month_day>;
using Args = std::map<std::string, Arg>;

// Thread-safe; nothing a caller can observe changes after construction.
// ICU formatters are not thread-safe, so each call formats on a clone
// borrowed from a per-variant pool (made once per concurrent caller, not per
// call); variants without arguments are formatted once, at construction.
class Renderer {
 public:
  // Compiles every variant; bad MessageFormat syntax is reported at the
  // variant's file:line:column.
  Renderer(const intents::Pack& pack, std::vector<intents::Diagnostic>& diagnostics);
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

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
  struct Variant {
    std::optional<std::string> text;  // set when the variant takes no argument
    std::unique_ptr<FormatPool<icu::MessageFormat>> formats;  // otherwise
  };
  using Money = icu::number::LocalizedNumberFormatter;

  std::string locale_;    // ICU formatting locale ("en_GB")
  std::string language_;  // the pack's tag
  std::unordered_map<std::string, std::vector<Variant>> templates_;
  // Currency formatters by ISO code, made on first use (ICU's
  // LocalizedNumberFormatter is immutable and thread-safe once made).
  mutable std::shared_mutex money_lock_;
  mutable std::unordered_map<std::string, std::unique_ptr<const Money>> money_;
  // format_date's formatter, made on first use.
  mutable std::once_flag date_once_;
  mutable std::unique_ptr<FormatPool<icu::SimpleDateFormat>> dates_;
};

}  // namespace parley::dialogue

#endif  // PARLEY_DIALOGUE_RENDERER_H_
