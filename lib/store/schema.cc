#include "store/schema.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <stdexcept>
#include <string>

namespace parley::store {
namespace {

// 1: the shop's knowledge base: catalogue, customers, orders, shipments,
// returns, refunds, delivery options, return policies, FAQ.
constexpr const char* kCatalogueAndOrders = R"sql(
CREATE TABLE customers (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE,
  phone TEXT
);
CREATE TABLE addresses (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  line1       TEXT NOT NULL,
  city        TEXT NOT NULL,
  postcode    TEXT NOT NULL,
  country     TEXT NOT NULL,
  region      TEXT NOT NULL
);
CREATE INDEX addresses_by_customer ON addresses(customer_id);

CREATE TABLE categories (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  returnable INTEGER NOT NULL CHECK (returnable IN (0, 1))
);
CREATE TABLE products (
  id          INTEGER PRIMARY KEY,
  sku         TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  category_id INTEGER NOT NULL REFERENCES categories(id)
);
CREATE INDEX products_by_category ON products(category_id);

CREATE TABLE orders (
  id            INTEGER PRIMARY KEY,
  number        TEXT NOT NULL UNIQUE,
  customer_id   INTEGER NOT NULL REFERENCES customers(id),
  status        TEXT NOT NULL CHECK (status IN ('pending', 'processing',
                  'shipped', 'partially_shipped', 'delivered', 'cancelled')),
  placed_at     TEXT NOT NULL,
  currency      TEXT NOT NULL CHECK (length(currency) = 3),
  total_minor   INTEGER NOT NULL CHECK (total_minor >= 0),
  ship_line1    TEXT NOT NULL,
  ship_city     TEXT NOT NULL,
  ship_postcode TEXT NOT NULL,
  ship_country  TEXT NOT NULL,
  ship_region   TEXT NOT NULL
);
CREATE INDEX orders_by_customer ON orders(customer_id, placed_at DESC);

CREATE TABLE shipments (
  id              INTEGER PRIMARY KEY,
  order_id        INTEGER NOT NULL REFERENCES orders(id),
  carrier         TEXT NOT NULL,
  tracking_number TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('label_created', 'in_transit',
                    'out_for_delivery', 'delivered', 'lost',
                    'returned_to_sender')),
  shipped_on      TEXT,
  promised_date   TEXT,
  estimated_date  TEXT,
  delivered_on    TEXT
);
CREATE INDEX shipments_by_order ON shipments(order_id);
CREATE INDEX shipments_by_tracking_number ON shipments(tracking_number);

CREATE TABLE order_items (
  id               INTEGER PRIMARY KEY,
  order_id         INTEGER NOT NULL REFERENCES orders(id),
  product_id       INTEGER NOT NULL REFERENCES products(id),
  quantity         INTEGER NOT NULL CHECK (quantity > 0),
  unit_price_minor INTEGER NOT NULL CHECK (unit_price_minor >= 0),
  shipment_id      INTEGER REFERENCES shipments(id)
);
CREATE INDEX order_items_by_order ON order_items(order_id);
CREATE INDEX order_items_by_shipment ON order_items(shipment_id);

CREATE TABLE tracking_events (
  id          INTEGER PRIMARY KEY,
  shipment_id INTEGER NOT NULL REFERENCES shipments(id),
  at          TEXT NOT NULL,
  location    TEXT NOT NULL,
  description TEXT NOT NULL
);
CREATE INDEX tracking_events_by_shipment ON tracking_events(shipment_id, at DESC);

CREATE TABLE delivery_options (
  id         INTEGER PRIMARY KEY,
  region     TEXT NOT NULL,
  method     TEXT NOT NULL,
  cost_minor INTEGER NOT NULL CHECK (cost_minor >= 0),
  currency   TEXT NOT NULL CHECK (length(currency) = 3),
  min_days   INTEGER NOT NULL,
  max_days   INTEGER NOT NULL CHECK (max_days >= min_days),
  cutoff     TEXT NOT NULL,
  UNIQUE (region, method)
);

-- Whether a category is returnable at all lives in categories.returnable.
CREATE TABLE return_policies (
  category_id   INTEGER PRIMARY KEY REFERENCES categories(id),
  window_days   INTEGER NOT NULL CHECK (window_days >= 0),
  condition     TEXT NOT NULL,
  refund_method TEXT NOT NULL,
  fee_minor     INTEGER NOT NULL CHECK (fee_minor >= 0),
  fee_currency  TEXT NOT NULL CHECK (length(fee_currency) = 3)
);

CREATE TABLE returns (
  id            INTEGER PRIMARY KEY,
  rma           TEXT NOT NULL UNIQUE,
  order_id      INTEGER NOT NULL REFERENCES orders(id),
  order_item_id INTEGER NOT NULL REFERENCES order_items(id),
  reason        TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('refund', 'exchange', 'replacement')),
  status        TEXT NOT NULL CHECK (status IN ('requested', 'label_sent',
                  'in_transit', 'received', 'refunded', 'rejected')),
  label_code    TEXT NOT NULL UNIQUE,
  created_on    TEXT NOT NULL
);
CREATE INDEX returns_by_order ON returns(order_id);
CREATE INDEX returns_by_item ON returns(order_item_id);

CREATE TABLE refunds (
  id           INTEGER PRIMARY KEY,
  order_id     INTEGER NOT NULL REFERENCES orders(id),
  return_id    INTEGER REFERENCES returns(id),
  status       TEXT NOT NULL CHECK (status IN ('pending', 'processing',
                 'completed', 'failed')),
  amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
  currency     TEXT NOT NULL CHECK (length(currency) = 3),
  method       TEXT NOT NULL,
  expected_on  TEXT,
  completed_on TEXT
);
CREATE INDEX refunds_by_order ON refunds(order_id);
CREATE INDEX refunds_by_return ON refunds(return_id);

CREATE TABLE faq_articles (
  id     INTEGER PRIMARY KEY,
  locale TEXT NOT NULL,
  topic  TEXT NOT NULL,
  title  TEXT NOT NULL,
  body   TEXT NOT NULL,
  UNIQUE (locale, topic)
);

PRAGMA user_version = 1;
)sql";

// 2: what the bot itself writes: handoffs, feedback, the redacted
// conversation log and session state.
constexpr const char* kConversations = R"sql(
CREATE TABLE handoffs (
  id         INTEGER PRIMARY KEY,
  session    TEXT NOT NULL,
  reason     TEXT NOT NULL,
  created_at TEXT NOT NULL,
  payload    TEXT NOT NULL CHECK (json_valid(payload))
);
CREATE INDEX handoffs_by_session ON handoffs(session);

CREATE TABLE feedback (
  id         INTEGER PRIMARY KEY,
  session    TEXT NOT NULL,
  intent     TEXT NOT NULL,
  outcome    TEXT NOT NULL,
  helpful    INTEGER NOT NULL CHECK (helpful IN (0, 1)),
  comment    TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX feedback_by_session ON feedback(session);

CREATE TABLE conversation_log (
  id            INTEGER PRIMARY KEY,
  at            TEXT NOT NULL,
  session       TEXT NOT NULL,
  locale        TEXT NOT NULL,
  text_redacted TEXT NOT NULL,
  intent        TEXT NOT NULL,
  confidence    REAL NOT NULL,
  state         TEXT NOT NULL,
  outcome       TEXT NOT NULL
);
CREATE INDEX conversation_log_by_session ON conversation_log(session, at);

CREATE TABLE sessions (
  id         TEXT PRIMARY KEY,
  data       TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

PRAGMA user_version = 2;
)sql";

// `parley report --since` reads the log and handoffs by time.
constexpr const char* kReportIndexes = R"sql(
CREATE INDEX conversation_log_by_at ON conversation_log(at);
CREATE INDEX handoffs_by_created_at ON handoffs(created_at);
PRAGMA user_version = 3;
)sql";

constexpr Migration kMigrations[] = {
    {1, "catalogue and orders", kCatalogueAndOrders},
    {2, "conversations", kConversations},
    {3, "report indexes", kReportIndexes},
};

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

int latest_schema_version() { return migrations().back().version; }

int read_schema_version(SQLite::Database& db) {
  SQLite::Statement query(db, "PRAGMA user_version");
  query.executeStep();
  return query.getColumn(0).getInt();
}

void apply_migrations(SQLite::Database& db, int from) {
  for (const Migration& step : migrations()) {
    if (step.version <= from) continue;
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Another connection may have migrated while we waited for the lock.
    if (read_schema_version(db) >= step.version) continue;
    db.exec(step.sql);
    if (read_schema_version(db) != step.version) {
      throw std::runtime_error("migration " + std::to_string(step.version) +
                               " (" + step.description +
                               ") did not set user_version; this is a bug");
    }
    transaction.commit();
  }
}

}  // namespace parley::store
