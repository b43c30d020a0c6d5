#include "dialogue/renderer.h"

#include <unicode/datefmt.h>
#include <unicode/dtptngen.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/numberformatter.h>
#include <unicode/smpdtfmt.h>

#include "dialogue/format_pool.h"

namespace parley::dialogue {
namespace {

UDate to_udate(std::chrono::year_month_day d) {
  // Noon UTC keeps the calendar day in every time zone ICU might apply.
  auto midnight = std::chrono::sys_days{d};
  return static_cast<UDate>((midnight.time_since_epoch().count() * 86400.0 + 12 * 3600.0) * 1000.0);
}

icu::UnicodeString u(const std::string& s) { return icu::UnicodeString::fromUTF8(s); }

std::string utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// Whether the pattern has any {argument}: one without always renders the
// same text, whatever arguments are passed.
bool takes_arguments(const icu::UnicodeString& pattern) {
  UErrorCode status = U_ZERO_ERROR;
  icu::MessagePattern parsed(pattern, nullptr, status);
  if (U_FAILURE(status)) return true;
  for (int32_t i = 0; i < parsed.countParts(); ++i) {
    if (parsed.getPartType(i) == UMSGPAT_PART_TYPE_ARG_START) return true;
  }
  return false;
}

}  // namespace

Renderer::Renderer(const intents::Pack& pack, std::vector<intents::Diagnostic>& diagnostics)
    : locale_(pack.locale.formatting.empty() ? pack.locale.tag : pack.locale.formatting),
      language_(pack.locale.tag) {
  const icu::Locale locale(locale_.c_str());
  for (const auto& [key, def] : pack.responses) {
    auto& compiled = templates_[key];
    for (const auto& variant : def.variants) {
      UErrorCode status = U_ZERO_ERROR;
      UParseError parse{};
      const icu::UnicodeString pattern = u(variant.value);
      auto format = std::make_unique<icu::MessageFormat>(pattern, locale, parse, status);
      if (U_FAILURE(status)) {
        intents::SourceLocation where = variant.where;
        if (parse.offset >= 0) where.column += parse.offset + 1;  // +1: opening quote
        diagnostics.push_back({where, intents::Severity::kError,
                               "response '" + key + "': invalid ICU MessageFormat (" +
                                   u_errorName(status) + ")"});
        continue;
      }
      Variant v;
      if (!takes_arguments(pattern)) {
        // ICU itself resolves the quoting ('' and '{...}'), once.
        icu::UnicodeString out;
        format->format(nullptr, nullptr, 0, out, status);
        if (U_SUCCESS(status)) {
          v.text = utf8(out);
          compiled.push_back(std::move(v));
          continue;
        }
        status = U_ZERO_ERROR;
      }
      // Dates are calendar days: format them in UTC, where to_udate puts
      // them. Set once here on the prototype; clones keep it.
      int32_t count = 0;
      const icu::Format** formats = format->getFormats(count);
      for (int32_t i = 0; i < count; ++i) {
        if (auto* df = dynamic_cast<const icu::DateFormat*>(formats[i])) {
          const_cast<icu::DateFormat*>(df)->setTimeZone(*icu::TimeZone::getGMT());
        }
      }
      v.formats = std::make_unique<FormatPool<icu::MessageFormat>>(std::move(format));
      compiled.push_back(std::move(v));
    }
  }
}

Renderer::~Renderer() = default;

std::string Renderer::render(const std::string& key, const Args& args, std::uint64_t pick) const {
  auto it = templates_.find(key);
  if (it == templates_.end() || it->second.empty()) return "[" + key + "]";
  const Variant& chosen = it->second[pick % it->second.size()];
  if (chosen.text) return *chosen.text;
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  names.reserve(args.size());
  values.reserve(args.size());
  for (const auto& [name, arg] : args) {
    names.push_back(u(name));
    if (const auto* s = std::get_if<std::string>(&arg)) {
      values.emplace_back(u(*s));
    } else if (const auto* i = std::get_if<std::int64_t>(&arg)) {
      values.emplace_back(static_cast<int64_t>(*i));
    } else if (const auto* d = std::get_if<double>(&arg)) {
      values.emplace_back(*d);
    } else {
      values.emplace_back(to_udate(std::get<std::chrono::year_month_day>(arg)), icu::Formattable::kIsDate);
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out;
  {
    auto format = chosen.formats->borrow();
    if (!format.get()) return "[" + key + "]";
    format->format(names.data(), values.data(), static_cast<int32_t>(names.size()), out, status);
  }
  if (U_FAILURE(status)) return "[" + key + "]";
  return utf8(out);
}

std::string Renderer::format_money(std::int64_t minor, const std::string& currency) const {
  UErrorCode status = U_ZERO_ERROR;
  const Money* formatter = nullptr;
  {
    std::shared_lock guard(money_lock_);
    if (auto it = money_.find(currency); it != money_.end()) formatter = it->second.get();
  }
  if (!formatter) {
    icu::CurrencyUnit unit(u(currency).getTerminatedBuffer(), status);
    if (U_FAILURE(status)) return std::to_string(minor / 100.0) + " " + currency;
    auto made = std::make_unique<const Money>(
        icu::number::NumberFormatter::withLocale(icu::Locale(locale_.c_str())).unit(unit));
    std::unique_lock guard(money_lock_);
    formatter = money_.try_emplace(currency, std::move(made)).first->second.get();
  }
  auto formatted = formatter->formatDouble(static_cast<double>(minor) / 100.0, status);
  if (U_FAILURE(status)) return currency + " " + std::to_string(minor);
  return utf8(formatted.toString(status));
}

std::string Renderer::format_date(std::chrono::year_month_day date) const {
  std::call_once(date_once_, [this] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale(locale_.c_str());
    std::unique_ptr<icu::DateTimePatternGenerator> generator(
        icu::DateTimePatternGenerator::createInstance(locale, status));
    if (U_FAILURE(status)) return;
    icu::UnicodeString pattern = generator->getBestPattern(u("EEEEdMMMM"), status);
    auto format = std::make_unique<icu::SimpleDateFormat>(pattern, locale, status);
    if (U_FAILURE(status)) return;
    std::unique_ptr<icu::TimeZone> utc(icu::TimeZone::createTimeZone("UTC"));
    format->setTimeZone(*utc);
    dates_ = std::make_unique<FormatPool<icu::SimpleDateFormat>>(std::move(format));
  });
  if (!dates_) return "";
  auto format = dates_->borrow();
  if (!format.get()) return "";
  icu::UnicodeString out;
  format->format(to_udate(date), out);
  return utf8(out);
}

}  // namespace parley::dialogue
