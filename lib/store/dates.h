// ISO-8601 text for dates and timestamps, as stored in the knowledge base:
// dates 'YYYY-MM-DD', timestamps 'YYYY-MM-DDTHH:MM:SSZ' (UTC), local times
// of day 'HH:MM'. Text in this form sorts chronologically.
#ifndef PARLEY_STORE_DATES_H_
#define PARLEY_STORE_DATES_H_

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "store/records.h"

namespace parley::store {

std::string format_date(Date date);
std::string format_timestamp(Timestamp at);
std::string format_time_of_day(std::chrono::minutes since_midnight);

// Strict parsers: exactly the formats above, valid calendar values;
// std::nullopt otherwise.
std::optional<Date> parse_date(std::string_view text);
std::optional<Timestamp> parse_timestamp(std::string_view text);
std::optional<std::chrono::minutes> parse_time_of_day(std::string_view text);

// `date` moved by `days` (may be negative).
Date add_days(Date date, int days);

}  // namespace parley::store

#endif  // PARLEY_STORE_DATES_H_
