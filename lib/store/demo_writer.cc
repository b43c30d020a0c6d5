// Demo generator plumbing: deterministic randomness, unique codes, the row
// writer, carrier tracking numbers and tracking-event stories.
#include <SQLiteCpp/Database.h>

#include <stdexcept>

#include "store/dates.h"
#include "store/demo_internal.h"

namespace parley::store::demo {

std::uint64_t Random::next() {
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

int Random::between(int lo, int hi) {
  const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
  return lo + static_cast<int>(next() % span);
}

std::uint64_t permute(std::uint64_t x, std::uint64_t half, std::uint64_t key) {
  std::uint64_t left = x / half, right = x % half;
  for (std::uint64_t round = 0; round < 4; ++round) {
    Random f(key ^ (right * 0x9E3779B97F4A7C15ULL) ^ (round << 56));
    const std::uint64_t mixed = (left + f.next() % half) % half;
    left = right;
    right = mixed;
  }
  return left * half + right;
}

std::string base32_code(std::uint64_t index, int length) {
  static constexpr char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string code(static_cast<std::size_t>(length), 'A');
  for (int i = length - 1; i >= 0; --i) {
    code[static_cast<std::size_t>(i)] = kAlphabet[index % 32];
    index /= 32;
  }
  return code;
}

std::int64_t Writer::category(std::string_view name, bool returnable) {
  c_.query("INSERT INTO categories (name, returnable) VALUES (?1, ?2)")
      .bind(1, name).bind(2, returnable).run();
  return c_.db().getLastInsertRowid();
}

void Writer::return_policy(std::int64_t category_id, int window_days,
                           std::string_view condition, std::int64_t fee_minor) {
  c_.query(
        "INSERT INTO return_policies (category_id, window_days, condition, "
        "refund_method, fee_minor, fee_currency) "
        "VALUES (?1, ?2, ?3, 'original payment method', ?4, 'GBP')")
      .bind(1, category_id).bind(2, window_days).bind(3, condition)
      .bind(4, fee_minor).run();
}

std::int64_t Writer::product(std::string_view sku, std::string_view name,
                             std::int64_t category_id) {
  c_.query("INSERT INTO products (sku, name, category_id) VALUES (?1, ?2, ?3)")
      .bind(1, sku).bind(2, name).bind(3, category_id).run();
  return c_.db().getLastInsertRowid();
}

void Writer::delivery_option(std::string_view region, std::string_view method,
                             std::int64_t cost_minor, int min_days, int max_days,
                             std::string_view cutoff) {
  c_.query(
        "INSERT INTO delivery_options (region, method, cost_minor, currency, "
        "min_days, max_days, cutoff) VALUES (?1, ?2, ?3, 'GBP', ?4, ?5, ?6)")
      .bind(1, region).bind(2, method).bind(3, cost_minor).bind(4, min_days)
      .bind(5, max_days).bind(6, cutoff).run();
}

void Writer::faq(std::string_view topic, std::string_view title,
                 std::string_view body) {
  c_.query(
        "INSERT INTO faq_articles (locale, topic, title, body) "
        "VALUES ('en', ?1, ?2, ?3)")
      .bind(1, topic).bind(2, title).bind(3, body).run();
}

std::int64_t Writer::customer(std::string_view name, std::string_view email,
                              const std::optional<std::string>& phone) {
  c_.query("INSERT INTO customers (name, email, phone) VALUES (?1, ?2, ?3)")
      .bind(1, name).bind(2, email).bind(3, phone).run();
  return c_.db().getLastInsertRowid();
}

void Writer::address(std::int64_t customer_id, const Address& a) {
  c_.query(
        "INSERT INTO addresses (customer_id, line1, city, postcode, country, "
        "region) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
      .bind(1, customer_id).bind(2, a.line1).bind(3, a.city).bind(4, a.postcode)
      .bind(5, a.country).bind(6, a.region).run();
}

std::int64_t Writer::order(std::string_view number, std::int64_t customer_id,
                           OrderStatus status, Timestamp placed_at,
                           std::int64_t total_minor, const Address& a) {
  c_.query(
        "INSERT INTO orders (number, customer_id, status, placed_at, currency, "
        "total_minor, ship_line1, ship_city, ship_postcode, ship_country, "
        "ship_region) VALUES (?1, ?2, ?3, ?4, 'GBP', ?5, ?6, ?7, ?8, ?9, ?10)")
      .bind(1, number).bind(2, customer_id).bind(3, to_string(status))
      .bind(4, placed_at).bind(5, total_minor).bind(6, a.line1).bind(7, a.city)
      .bind(8, a.postcode).bind(9, a.country).bind(10, a.region).run();
  return c_.db().getLastInsertRowid();
}

std::int64_t Writer::shipment(const Shipment& s) {
  c_.query(
        "INSERT INTO shipments (order_id, carrier, tracking_number, status, "
        "shipped_on, promised_date, estimated_date, delivered_on) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
      .bind(1, s.order_id).bind(2, s.carrier).bind(3, s.tracking_number)
      .bind(4, to_string(s.status)).bind(5, s.shipped_on)
      .bind(6, s.promised_date).bind(7, s.estimated_date)
      .bind(8, s.delivered_on).run();
  return c_.db().getLastInsertRowid();
}

std::int64_t Writer::item(std::int64_t order_id, std::int64_t product_id,
                          int quantity, std::int64_t unit_price_minor,
                          std::optional<std::int64_t> shipment_id) {
  c_.query(
        "INSERT INTO order_items (order_id, product_id, quantity, "
        "unit_price_minor, shipment_id) VALUES (?1, ?2, ?3, ?4, ?5)")
      .bind(1, order_id).bind(2, product_id).bind(3, quantity)
      .bind(4, unit_price_minor).bind(5, shipment_id).run();
  return c_.db().getLastInsertRowid();
}

void Writer::event(std::int64_t shipment_id, Timestamp when,
                   std::string_view location, std::string_view description) {
  c_.query(
        "INSERT INTO tracking_events (shipment_id, at, location, description) "
        "VALUES (?1, ?2, ?3, ?4)")
      .bind(1, shipment_id).bind(2, when).bind(3, location)
      .bind(4, description).run();
}

std::int64_t Writer::return_request(const ReturnRecord& r) {
  c_.query(
        "INSERT INTO returns (rma, order_id, order_item_id, reason, kind, "
        "status, label_code, created_on) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
      .bind(1, r.rma).bind(2, r.order_id).bind(3, r.order_item_id)
      .bind(4, r.reason).bind(5, to_string(r.kind)).bind(6, to_string(r.status))
      .bind(7, r.label_code).bind(8, r.created_on).run();
  return c_.db().getLastInsertRowid();
}

void Writer::refund(const Refund& r) {
  c_.query(
        "INSERT INTO refunds (order_id, return_id, status, amount_minor, "
        "currency, method, expected_on, completed_on) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
      .bind(1, r.order_id).bind(2, r.return_id).bind(3, to_string(r.status))
      .bind(4, r.amount.minor).bind(5, r.amount.currency).bind(6, r.method)
      .bind(7, r.expected_on).bind(8, r.completed_on).run();
}

Timestamp at(Date date, int hour, int minute) {
  return std::chrono::sys_days(date) + std::chrono::hours{hour} +
         std::chrono::minutes{minute};
}

std::string tracking_number(std::string_view carrier, std::uint64_t serial) {
  auto digits = [&](int n) {
    std::string out(static_cast<std::size_t>(n), '0');
    std::uint64_t v = serial;
    for (int i = n - 1; i >= 0; --i, v /= 10) {
      out[static_cast<std::size_t>(i)] = static_cast<char>('0' + v % 10);
    }
    return out;
  };
  if (carrier == "Royal Mail") {
    // UPU S10: 2 letters, 8 digits, a check digit, "GB".
    static constexpr const char* kPrefixes[] = {"TT", "JV", "KH", "LF"};
    const std::string body = digits(8);
    static constexpr int kWeights[] = {8, 6, 4, 2, 3, 5, 9, 7};
    int sum = 0;
    for (int i = 0; i < 8; ++i) sum += (body[static_cast<std::size_t>(i)] - '0') * kWeights[i];
    int check = 11 - sum % 11;
    if (check == 10) check = 0;
    if (check == 11) check = 5;
    return std::string(kPrefixes[serial % 4]) + body +
           static_cast<char>('0' + check) + "GB";
  }
  if (carrier == "DPD") return "1550" + digits(10);
  if (carrier == "Evri") return "H01" + base32_code(serial / 7, 3) + digits(10);
  if (carrier == "DHL") return digits(10);
  throw std::logic_error("no tracking number style for carrier " +
                         std::string(carrier));
}

}  // namespace parley::store::demo
