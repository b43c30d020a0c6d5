// Store: delivery options, return policies, categories and FAQ articles.
#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

#include "store/connection.h"
#include "store/dates.h"
#include "store/store.h"

namespace parley::store {
namespace {

// Columns: category name, returnable, window_days, condition, refund_method,
// fee_minor, fee_currency.
ReturnPolicy read_policy(const Query& q) {
  ReturnPolicy policy;
  policy.category = q.text(0);
  policy.returnable = q.int64(1) != 0;
  policy.window_days = q.int32(2);
  policy.condition = q.text(3);
  policy.refund_method = q.text(4);
  policy.fee = Money{q.int64(5), q.text(6)};
  return policy;
}

}  // namespace

Result<std::vector<DeliveryOption>> Store::delivery_options_for_region(
    std::string_view region) {
  try {
    // Sorted here, cheapest first then by id: the same order as "ORDER BY
    // cost_minor, id", without SQLite's per-call sorter for a handful of rows.
    Query q = connection_->query(
        "SELECT region, method, cost_minor, currency, min_days, max_days, cutoff, id "
        "FROM delivery_options WHERE region = ?1");
    q.bind(1, region);
    std::vector<DeliveryOption> options;
    std::vector<std::pair<std::pair<std::int64_t, std::int64_t>, std::size_t>> order;
    while (q.step()) {
      DeliveryOption option;
      option.region = q.text(0);
      option.method = q.text(1);
      option.cost = Money{q.int64(2), q.text(3)};
      option.min_days = q.int32(4);
      option.max_days = q.int32(5);
      const std::string cutoff = q.text(6);
      const auto minutes = parse_time_of_day(cutoff);
      if (!minutes) {
        throw std::runtime_error("delivery option '" + option.method +
                                 "' has cutoff '" + cutoff +
                                 "', expected HH:MM");
      }
      option.cutoff = *minutes;
      order.push_back({{option.cost.minor, q.int64(7)}, options.size()});
      options.push_back(std::move(option));
    }
    std::sort(order.begin(), order.end());
    std::vector<DeliveryOption> sorted;
    sorted.reserve(options.size());
    for (const auto& entry : order) sorted.push_back(std::move(options[entry.second]));
    return sorted;
  } catch (...) {
    return connection_->failure("read the delivery options for region " +
                                std::string(region));
  }
}

Result<std::optional<ReturnPolicy>> Store::return_policy_for_category(
    std::string_view category) {
  try {
    Query q = connection_->query(
        "SELECT c.name, c.returnable, p.window_days, p.condition, "
        "p.refund_method, p.fee_minor, p.fee_currency "
        "FROM categories c JOIN return_policies p ON p.category_id = c.id "
        "WHERE c.name = ?1 COLLATE NOCASE");  // entity values are lower case
    q.bind(1, category);
    if (!q.step()) return std::optional<ReturnPolicy>();
    return std::optional<ReturnPolicy>(read_policy(q));
  } catch (...) {
    return connection_->failure("read the return policy for category " +
                                std::string(category));
  }
}

Result<std::vector<ReturnPolicy>> Store::return_policies() {
  try {
    Query q = connection_->query(
        "SELECT c.name, c.returnable, p.window_days, p.condition, "
        "p.refund_method, p.fee_minor, p.fee_currency "
        "FROM categories c JOIN return_policies p ON p.category_id = c.id "
        "ORDER BY c.name");
    std::vector<ReturnPolicy> policies;
    while (q.step()) policies.push_back(read_policy(q));
    return policies;
  } catch (...) {
    return connection_->failure("read the return policies");
  }
}

Result<std::vector<std::string>> Store::categories() {
  try {
    Query q = connection_->query("SELECT name FROM categories ORDER BY name");
    std::vector<std::string> names;
    while (q.step()) names.push_back(q.text(0));
    return names;
  } catch (...) {
    return connection_->failure("read the product categories");
  }
}

Result<std::optional<FaqArticle>> Store::find_faq(std::string_view locale,
                                                  std::string_view topic) {
  try {
    Query q = connection_->query(
        "SELECT locale, topic, title, body FROM faq_articles "
        "WHERE locale = ?1 AND topic = ?2");
    q.bind(1, locale).bind(2, topic);
    if (!q.step()) return std::optional<FaqArticle>();
    return std::optional<FaqArticle>(
        FaqArticle{q.text(0), q.text(1), q.text(2), q.text(3)});
  } catch (...) {
    return connection_->failure("read the FAQ article " + std::string(locale) +
                                "/" + std::string(topic));
  }
}

}  // namespace parley::store
