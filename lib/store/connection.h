// Internal to lib/store: the SQLite connection behind a Store, its cache of
// prepared statements, and the one place where SQLiteCpp exceptions become
// parley::Status values. Not thread-safe, like the Store that owns it.
#ifndef PARLEY_STORE_CONNECTION_H_
#define PARLEY_STORE_CONNECTION_H_

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "parley/status.h"
#include "store/records.h"

namespace parley::store {

// A cached statement in use: reset with bindings cleared when acquired, reset
// again when released so no read snapshot outlives the call. Column readers
// throw std::runtime_error when stored text is not in the format the schema
// promises (a corrupt or hand-edited store).
class Query {
 public:
  explicit Query(SQLite::Statement& statement);
  ~Query();
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  // Parameters are 1-based, like SQLite's.
  Query& bind(int index, std::int64_t value);
  Query& bind(int index, int value) { return bind(index, std::int64_t{value}); }
  Query& bind(int index, bool value) { return bind(index, std::int64_t{value}); }
  Query& bind(int index, double value);
  Query& bind(int index, std::string_view value);
  Query& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Query& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Query& bind(int index, Date value);
  Query& bind(int index, Timestamp value);
  template <typename T>
  Query& bind(int index, const std::optional<T>& value) {
    if (value) return bind(index, *value);
    return bind_null(index);
  }
  Query& bind_null(int index);

  // Steps once; true while there is a row.
  bool step();
  // Runs a statement that returns no rows; returns the number of rows changed.
  int run();

  // Columns are 0-based, like SQLiteCpp's.
  bool is_null(int column) const;
  std::int64_t int64(int column) const;
  int int32(int column) const;
  double real(int column) const;
  std::string text(int column) const;
  std::optional<std::string> optional_text(int column) const;
  std::optional<std::int64_t> optional_int64(int column) const;
  Date date(int column) const;
  std::optional<Date> optional_date(int column) const;
  Timestamp timestamp(int column) const;
  // Stored spellings of the enums in records.h.
  template <typename E>
  E enumerator(int column) const {
    E value{};
    const std::string stored = text(column);
    if (!from_string(stored, &value)) bad_value(column, stored);
    return value;
  }

 private:
  [[noreturn]] void bad_value(int column, const std::string& stored) const;

  SQLite::Statement& statement_;
};

class Connection {
 public:
  // Takes an open database; `path` is used in every error message.
  // `snapshot_reuse` > 0: see batch_reads().
  Connection(std::unique_ptr<SQLite::Database> db, std::string path,
             std::chrono::milliseconds snapshot_reuse = {});
  ~Connection();

  // What every connection of this process to one database file shares.
  struct FileState {
    std::mutex write_gate;  // see write_guard()
    // Bumped after every write through write_guard(): a kept read snapshot
    // taken before it is outdated.
    std::atomic<std::uint64_t> writes{0};
  };

  // Marks a write for as long as it lives (see write_guard()).
  class WriteGuard {
   public:
    WriteGuard(FileState& file, bool& writing)
        : file_(file), lock_(file.write_gate), writing_(writing) {
      writing_ = true;
    }
    ~WriteGuard() {
      writing_ = false;
      file_.writes.fetch_add(1, std::memory_order_release);
    }
    WriteGuard(const WriteGuard&) = delete;
    WriteGuard& operator=(const WriteGuard&) = delete;

   private:
    FileState& file_;
    std::unique_lock<std::mutex> lock_;
    bool& writing_;
  };

  SQLite::Database& db() { return *db_; }
  const std::string& path() const { return path_; }

  // Held around every write. All connections of this process to the same
  // file share one gate, so in-process writers queue here instead of in
  // SQLite's busy handler (which sleeps in steps of up to 100 ms); other
  // processes still wait through the busy timeout. Ends the batch's read
  // transaction first (see batch_reads), so a write never runs inside it.
  // Throws SQLite::Exception if that fails.
  WriteGuard write_guard();

  // The prepared statement for `sql`, prepared on first use and reused after.
  // `sql` must be a string literal: its address is the cache key. In a read
  // batch, the first read outside a write begins the batch's transaction.
  Query query(const char* sql);

  // While on, reads share one deferred read transaction (one snapshot, one
  // round of SQLite's file locks and checks) from the first read until the
  // next write or until batching is turned off. Off ends it, unless
  // snapshots are reused: then the transaction stays open, and the next
  // batch continues in it if no write went through write_guard() on any
  // connection of this process to the file since it began, and it began
  // less than `snapshot_reuse` ago; otherwise the next batch starts afresh.
  void batch_reads(bool on);

  // Ends a read transaction kept open between batches once it is too old or
  // outdated (see batch_reads); returns whether one is still kept. Outside
  // a batch only.
  bool end_stale_snapshot();

  // Call only inside a catch block: converts the exception being handled
  // into a Status that names the file, says what failed (`action`, e.g.
  // "look up order 112-...") and what to do about it.
  Status failure(std::string_view action) const;

 private:
  // Commits the batch's read transaction, if one is open (nothing to lose:
  // it only read); rolls back if the commit fails. Never throws when
  // `quiet`, else rethrows the commit's failure.
  void end_read_transaction(bool quiet);
  SQLite::Statement& cached(const char* sql);
  // Whether the open read transaction may serve another batch.
  bool snapshot_current() const;

  std::unique_ptr<SQLite::Database> db_;
  std::string path_;
  std::shared_ptr<FileState> file_;
  const std::chrono::milliseconds snapshot_reuse_;
  std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> statements_;
  bool batch_reads_ = false;
  bool in_read_transaction_ = false;
  bool writing_ = false;
  // Of the open read transaction: FileState::writes and the time when it began.
  std::uint64_t snapshot_writes_ = 0;
  std::chrono::steady_clock::time_point snapshot_began_{};
};

// Converts the exception being handled (call only inside a catch block) for a
// database at `path`. Shared by Connection::failure and Store::open.
Status status_from_exception(const std::string& path, std::string_view action);

}  // namespace parley::store

#endif  // PARLEY_STORE_CONNECTION_H_
