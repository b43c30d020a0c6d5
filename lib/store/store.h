// The knowledge base: one SQLite file holding the shop's orders, shipments,
// returns, refunds, delivery options, return policies and FAQ, plus what the
// bot writes (handoffs, feedback, the redacted conversation log, sessions).
//
//   auto store = parley::store::Store::open("shop.db", {});
//   if (!store) return store.error();
//   auto order = (*store)->find_order_by_number("112-4839201-5561234");
//   if (!order) return order.error();        // the store failed
//   if (!order->has_value()) { ... }          // no such order
//
// Errors: no exception leaves this class. Every method returns a Status or
// a Result whose message names the database file, what failed and what to do.
// A look-up that finds nothing is not an error: it returns std::nullopt or an
// empty vector. A business rule that refuses a write (returning an item that
// has not arrived, cancelling a shipped order) returns kInvalidArgument with
// a message saying why, and writes nothing.
//
// Writes are transactions: each write method either commits all its rows or
// none. Dates ("today") are passed in, never read from a clock, so every
// answer is reproducible.
//
// Thread-safety: a Store is NOT thread-safe. Use one Store per thread (they
// may share the file: WAL mode lets readers and one writer work at once, and
// a writer waits up to StoreOptions::busy_timeout for the lock).
#ifndef PARLEY_STORE_STORE_H_
#define PARLEY_STORE_STORE_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "parley/status.h"
#include "store/records.h"

namespace parley::store {

class Connection;
struct DemoOptions;

struct StoreOptions {
  // Create the file (and its schema) when it does not exist. Default: true.
  // The parent directory must exist either way.
  bool create_if_missing = true;
  // Open for reading only; every write then fails with kStore. A read-only
  // store must already be at the current schema version. Default: false.
  bool read_only = false;
  // How long a statement waits for another connection's lock before failing
  // with kStore. Default: 5 s.
  std::chrono::milliseconds busy_timeout{5000};
  // How long a read batch's snapshot may be reused by the next batches (see
  // begin_read_batch). 0 (default): every batch reads the latest data.
  std::chrono::milliseconds snapshot_reuse{0};
  // Seed for the RMA and label codes create_return invents; the same seed
  // and the same calls give the same codes. Unset (default): random.
  std::optional<std::uint64_t> code_seed{};
};

class Store {
 public:
  // The schema version this build creates and understands.
  static constexpr int kSchemaVersion = 3;

  // Opens (and, unless read_only, creates and migrates) the store at `path`.
  // The first call in a process that has not used SQLite yet turns SQLite's
  // memory statistics off (SQLITE_CONFIG_MEMSTATUS: a global mutex on every
  // allocation), so sqlite3_memory_used() and the heap limits then do not
  // apply. Fails with kNotFound when the file is missing and may not be created, or
  // its directory does not exist; kSchemaTooNew when a newer parley wrote it;
  // kStore when it is not a database, corrupt, locked or not writable.
  static Result<std::unique_ptr<Store>> open(const std::string& path,
                                             const StoreOptions& options = {});

  ~Store();
  Store(const Store&) = delete;  // owns a connection and its statements
  Store& operator=(const Store&) = delete;

  const std::string& path() const;
  // PRAGMA user_version of the file: kSchemaVersion once open succeeded.
  Result<int> schema_version();

  // From begin_read_batch() to end_read_batch(), look-ups share one read
  // transaction: they see one snapshot and pay SQLite's file locking and
  // checks once instead of once per statement. A write first ends that
  // transaction (writes commit as usual, and later look-ups see them, in a
  // new one). Keep batches short, e.g. one turn: a reader holds back WAL
  // checkpoints. Never fails; a failure to begin shows in the look-up.
  //
  // With StoreOptions::snapshot_reuse, end_read_batch() leaves the read
  // transaction open and the next batch continues in it, provided no Store
  // of this process has written to the file since it began and it began
  // less than snapshot_reuse ago: data written by other processes is then
  // seen up to that much later, and the file locks (system calls) are paid
  // once per snapshot instead of once per batch. Whoever keeps such a Store
  // idle should call end_stale_snapshot() now and then (an open snapshot
  // keeps WAL checkpoints from completing).
  void begin_read_batch();
  void end_read_batch();
  // Outside a batch: ends a kept snapshot that may no longer be reused;
  // returns whether one is still kept (call again later).
  bool end_stale_snapshot();

  // --- Customers and orders -------------------------------------------------
  Result<std::optional<Customer>> find_customer(std::int64_t customer_id);
  // Exact match; emails are stored as given (the demo store uses lower case).
  Result<std::optional<Customer>> find_customer_by_email(std::string_view email);
  Result<std::vector<Address>> addresses_for_customer(std::int64_t customer_id);
  // `number` exactly as stored, e.g. "112-4839201-5561234".
  Result<std::optional<Order>> find_order_by_number(std::string_view number);
  Result<std::optional<Order>> find_order(std::int64_t order_id);
  // Newest first, at most `limit` (> 0).
  Result<std::vector<Order>> recent_orders_for_customer(std::int64_t customer_id,
                                                        int limit);
  // In the order they were added to the order.
  Result<std::vector<OrderItem>> items_for_order(std::int64_t order_id);
  // Oldest first.
  Result<std::vector<Shipment>> shipments_for_order(std::int64_t order_id);
  // Newest first.
  Result<std::vector<TrackingEvent>> events_for_shipment(std::int64_t shipment_id);
  Result<std::optional<TrackingEvent>> latest_event(std::int64_t shipment_id);

  // --- Catalogue and policies -----------------------------------------------
  // Cheapest first. Empty for an unknown region.
  Result<std::vector<DeliveryOption>> delivery_options_for_region(
      std::string_view region);
  // `category` is a name from categories(), e.g. "beauty" (ASCII case aside).
  Result<std::optional<ReturnPolicy>> return_policy_for_category(
      std::string_view category);
  // One per category, by category name.
  Result<std::vector<ReturnPolicy>> return_policies();
  // Category names, sorted ("beauty", "books", ...): the matcher's gazetteer.
  Result<std::vector<std::string>> categories();
  Result<std::optional<FaqArticle>> find_faq(std::string_view locale,
                                             std::string_view topic);

  // --- Returns, refunds, order changes --------------------------------------
  Result<std::vector<ReturnRecord>> returns_for_order(std::int64_t order_id);
  Result<std::optional<ReturnRecord>> find_return_by_rma(std::string_view rma);
  Result<std::vector<Refund>> refunds_for_order(std::int64_t order_id);

  // Whether item `order_item_id` of order `order_id` may be returned on
  // `today`. kNotFound when the item is not part of that order.
  Result<ReturnEligibility> return_eligibility(std::int64_t order_id,
                                               std::int64_t order_item_id,
                                               Date today);
  // Opens a return (status label_sent) with a fresh RMA ("RMA-" + 8 letters
  // and digits) and return-label code, in one transaction. Refuses with
  // kInvalidArgument, writing nothing, unless return_eligibility is
  // kEligible; the message says why (not delivered, window closed, ...).
  Result<ReturnRecord> create_return(std::int64_t order_id,
                                     std::int64_t order_item_id,
                                     std::string_view reason, ReturnKind kind,
                                     Date today);
  // Cancels an order that is pending or processing and has nothing shipped
  // (a created label is fine), and opens a pending refund of its total to
  // the original payment method, in one transaction. Returns the refund.
  // Refuses with kInvalidArgument otherwise; kNotFound for an unknown order.
  Result<Refund> cancel_order(std::int64_t order_id, Date today);
  // Replaces the shipping address of an order that has not shipped (same
  // rule as cancel_order). Every address field must be non-empty.
  Status update_shipping_address(std::int64_t order_id, const Address& address);

  // --- What the bot writes --------------------------------------------------
  // Returns the new handoff's id. kInvalidArgument when payload_json is not
  // valid JSON.
  Result<std::int64_t> record_handoff(const HandoffRecord& handoff);
  Status record_feedback(const FeedbackRecord& feedback);
  Status log_turn(const TurnRecord& turn);
  // Logs several turns in one transaction: all of them or, on failure,
  // none (the error says so).
  Status log_turns(const std::vector<TurnRecord>& turns);
  // Inserts or replaces the session's data (opaque text, JSON by convention).
  Status save_session(std::string_view session_id, std::string_view data,
                      Timestamp updated_at);
  Result<std::optional<std::string>> load_session(std::string_view session_id);
  // Deleting a missing session is not an error.
  Status delete_session(std::string_view session_id);

 private:
  Store(std::unique_ptr<Connection> connection, const StoreOptions& options);

  // prefix + `length` random letters and digits, used by no return's RMA or
  // label code yet.
  std::string fresh_code(std::string_view prefix, int length);

  friend Status generate_demo_store(Store& store, const DemoOptions& options);

  std::unique_ptr<Connection> connection_;
  std::mt19937_64 code_random_;
};

}  // namespace parley::store

#endif  // PARLEY_STORE_STORE_H_
