#include "store/dates.h"

#include <cstdio>

namespace parley::store {
namespace {

using namespace std::chrono;

// Reads exactly `width` ASCII digits at text[pos].
bool digits(std::string_view text, std::size_t pos, std::size_t width, int* out) {
  if (pos + width > text.size()) return false;
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  *out = value;
  return true;
}

}  // namespace

std::string format_date(Date date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()));
  return buf;
}

std::string format_timestamp(Timestamp at) {
  const sys_days day = floor<days>(at);
  const hh_mm_ss<seconds> time(at - day);
  const Date date(day);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()),
                static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return buf;
}

std::string format_time_of_day(minutes since_midnight) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d",
                static_cast<int>(since_midnight.count() / 60),
                static_cast<int>(since_midnight.count() % 60));
  return buf;
}

std::optional<Date> parse_date(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' ||
      !digits(text, 0, 4, &y) || !digits(text, 5, 2, &m) ||
      !digits(text, 8, 2, &d)) {
    return std::nullopt;
  }
  const Date date{year{y}, month{static_cast<unsigned>(m)},
                  day{static_cast<unsigned>(d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::optional<Timestamp> parse_timestamp(std::string_view text) {
  if (text.size() != 20 || text[10] != 'T' || text[19] != 'Z') return std::nullopt;
  const std::optional<Date> date = parse_date(text.substr(0, 10));
  int h = 0, m = 0, s = 0;
  if (!date || text[13] != ':' || text[16] != ':' || !digits(text, 11, 2, &h) ||
      !digits(text, 14, 2, &m) || !digits(text, 17, 2, &s) || h > 23 ||
      m > 59 || s > 59) {
    return std::nullopt;
  }
  return sys_days(*date) + hours{h} + minutes{m} + seconds{s};
}

std::optional<minutes> parse_time_of_day(std::string_view text) {
  int h = 0, m = 0;
  if (text.size() != 5 || text[2] != ':' || !digits(text, 0, 2, &h) ||
      !digits(text, 3, 2, &m) || h > 23 || m > 59) {
    return std::nullopt;
  }
  return minutes{h * 60 + m};
}

Date add_days(Date date, int n) { return Date(sys_days(date) + days{n}); }

}  // namespace parley::store
