// generate_demo_store: validates the options and writes the whole demo store
// in one transaction.
#include "store/demo.h"

#include <SQLiteCpp/Transaction.h>

#include "store/connection.h"
#include "store/demo_internal.h"

namespace parley::store {
namespace {

// A big page cache (up to 256 MiB) while a large store's indexes grow, then
// SQLite's default again so the Store does not keep it.
class BigPageCache {
 public:
  explicit BigPageCache(SQLite::Database& db) : db_(db) {
    db_.exec("PRAGMA cache_size = -262144");
  }
  ~BigPageCache() { db_.tryExec("PRAGMA cache_size = -2000"); }
  BigPageCache(const BigPageCache&) = delete;
  BigPageCache& operator=(const BigPageCache&) = delete;

 private:
  SQLite::Database& db_;
};

}  // namespace

Status generate_demo_store(Store& store, const DemoOptions& options) {
  Connection& c = *store.connection_;
  if (!options.today.ok()) {
    return Status(ErrorCode::kInvalidArgument,
                  "generate_demo_store: DemoOptions::today is not a valid date");
  }
  if (options.customers < 0 || options.orders < 0 ||
      (options.orders > 0 && options.customers == 0)) {
    return Status(ErrorCode::kInvalidArgument,
                  "generate_demo_store: customers and orders must not be "
                  "negative, and random orders need at least one random "
                  "customer");
  }
  try {
    const BigPageCache cache(c.db());
    auto write = c.write_guard();
    SQLite::Transaction transaction(c.db(), SQLite::TransactionBehavior::IMMEDIATE);
    Query existing = c.query(
        "SELECT EXISTS (SELECT 1 FROM categories) OR EXISTS (SELECT 1 FROM "
        "customers) OR EXISTS (SELECT 1 FROM orders) OR EXISTS (SELECT 1 FROM "
        "faq_articles)");
    existing.step();
    if (existing.int64(0) > 0) {
      return Status(ErrorCode::kInvalidArgument,
                    c.path() + " already holds shop data; generate the demo "
                               "store into a new file");
    }
    demo::Writer writer(c);
    const demo::Catalogue catalogue = demo::write_catalogue(writer);
    demo::write_faq(writer);
    demo::write_showcase(writer, catalogue, options.today);
    demo::write_random(writer, catalogue, options);
    transaction.commit();
    return Status::Ok();
  } catch (...) {
    return c.failure("write the demo store");
  }
}

}  // namespace parley::store
