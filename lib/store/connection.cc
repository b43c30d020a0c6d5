#include "store/connection.h"

#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <stdexcept>

#include "store/dates.h"

namespace parley::store {

Query::Query(SQLite::Statement& statement) : statement_(statement) {
  statement_.reset();
  statement_.clearBindings();
}

Query::~Query() { statement_.tryReset(); }

Query& Query::bind(int index, std::int64_t value) {
  statement_.bind(index, static_cast<int64_t>(value));
  return *this;
}

Query& Query::bind(int index, double value) {
  statement_.bind(index, value);
  return *this;
}

Query& Query::bind(int index, std::string_view value) {
  statement_.bind(index, std::string(value));
  return *this;
}

Query& Query::bind(int index, Date value) { return bind(index, format_date(value)); }

Query& Query::bind(int index, Timestamp value) {
  return bind(index, format_timestamp(value));
}

Query& Query::bind_null(int index) {
  statement_.bind(index);
  return *this;
}

bool Query::step() { return statement_.executeStep(); }

int Query::run() { return statement_.exec(); }

bool Query::is_null(int column) const { return statement_.getColumn(column).isNull(); }

std::int64_t Query::int64(int column) const {
  return statement_.getColumn(column).getInt64();
}

int Query::int32(int column) const { return statement_.getColumn(column).getInt(); }

double Query::real(int column) const { return statement_.getColumn(column).getDouble(); }

std::string Query::text(int column) const {
  return statement_.getColumn(column).getString();
}

std::optional<std::string> Query::optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

std::optional<std::int64_t> Query::optional_int64(int column) const {
  if (is_null(column)) return std::nullopt;
  return int64(column);
}

Date Query::date(int column) const {
  const std::string stored = text(column);
  const std::optional<Date> value = parse_date(stored);
  if (!value) bad_value(column, stored);
  return *value;
}

std::optional<Date> Query::optional_date(int column) const {
  if (is_null(column)) return std::nullopt;
  return date(column);
}

Timestamp Query::timestamp(int column) const {
  const std::string stored = text(column);
  const std::optional<Timestamp> value = parse_timestamp(stored);
  if (!value) bad_value(column, stored);
  return *value;
}

void Query::bad_value(int column, const std::string& stored) const {
  throw std::runtime_error("unexpected value '" + stored + "' in column " +
                           statement_.getColumnName(column) +
                           " (the store may have been edited by hand)");
}

namespace {

// One FileState per database file in this process.
std::shared_ptr<Connection::FileState> file_state_for(const std::string& path) {
  static std::mutex registry_lock;
  static std::map<std::string, std::weak_ptr<Connection::FileState>> registry;
  std::error_code ec;
  std::string key = std::filesystem::weakly_canonical(path, ec).string();
  if (ec || key.empty()) key = path;
  std::lock_guard guard(registry_lock);
  std::shared_ptr<Connection::FileState> state = registry[key].lock();
  if (!state) {
    state = std::make_shared<Connection::FileState>();
    registry[key] = state;
  }
  return state;
}

}  // namespace

Connection::Connection(std::unique_ptr<SQLite::Database> db, std::string path,
                       std::chrono::milliseconds snapshot_reuse)
    : db_(std::move(db)),
      path_(std::move(path)),
      file_(file_state_for(path_)),
      snapshot_reuse_(snapshot_reuse) {}

Connection::~Connection() { end_read_transaction(/*quiet=*/true); }

SQLite::Statement& Connection::cached(const char* sql) {
  std::unique_ptr<SQLite::Statement>& slot = statements_[sql];
  if (!slot) slot = std::make_unique<SQLite::Statement>(*db_, sql);
  return *slot;
}

Query Connection::query(const char* sql) {
  if (batch_reads_ && !in_read_transaction_ && !writing_ &&
      sqlite3_get_autocommit(db_->getHandle()) != 0) {
    // Read before BEGIN: a write that lands in between makes this snapshot
    // look outdated (harmless), never the other way round.
    snapshot_writes_ = file_->writes.load(std::memory_order_acquire);
    SQLite::Statement& begin = cached("BEGIN DEFERRED");
    begin.reset();
    begin.exec();
    in_read_transaction_ = true;
    if (snapshot_reuse_.count() > 0) snapshot_began_ = std::chrono::steady_clock::now();
  }
  return Query(cached(sql));
}

Connection::WriteGuard Connection::write_guard() {
  end_read_transaction(/*quiet=*/false);
  return WriteGuard(*file_, writing_);
}

void Connection::batch_reads(bool on) {
  batch_reads_ = on;
  if (on ? !snapshot_current() : snapshot_reuse_.count() == 0) {
    end_read_transaction(/*quiet=*/true);
  }
}

bool Connection::snapshot_current() const {
  return in_read_transaction_ &&
         file_->writes.load(std::memory_order_acquire) == snapshot_writes_ &&
         std::chrono::steady_clock::now() - snapshot_began_ < snapshot_reuse_;
}

bool Connection::end_stale_snapshot() {
  if (batch_reads_ || !in_read_transaction_) return false;
  if (!snapshot_current()) end_read_transaction(/*quiet=*/true);
  return in_read_transaction_;
}

void Connection::end_read_transaction(bool quiet) {
  if (!in_read_transaction_) return;
  in_read_transaction_ = false;
  try {
    SQLite::Statement& commit = cached("COMMIT");
    commit.reset();
    commit.exec();
  } catch (...) {
    try {
      db_->exec("ROLLBACK");
    } catch (...) {
    }
    if (!quiet) throw;
  }
}

Status Connection::failure(std::string_view action) const {
  return status_from_exception(path_, action);
}

Status status_from_exception(const std::string& path, std::string_view action) {
  const std::string where = path + ": could not " + std::string(action) + ": ";
  try {
    throw;
  } catch (const SQLite::Exception& e) {
    const std::string what = e.what();
    switch (e.getErrorCode()) {
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
        return Status(ErrorCode::kStore,
                      where + "the database is locked by another connection (" +
                          what + "); retry, or raise StoreOptions::busy_timeout");
      case SQLITE_READONLY:
        return Status(ErrorCode::kStore,
                      where + "the store is read-only (" + what +
                          "); open it without read_only, and make the file and "
                          "its directory writable");
      case SQLITE_NOTADB:
      case SQLITE_CORRUPT:
        return Status(ErrorCode::kStore,
                      where + "the file is not a SQLite database or is corrupt (" +
                          what + "); restore it from a backup, or point the "
                                 "store option at a new file to create one");
      case SQLITE_CANTOPEN:
        return Status(ErrorCode::kStore,
                      where + "cannot open the file (" + what +
                          "); check that it exists and that its directory is "
                          "readable and writable");
      case SQLITE_FULL:
        return Status(ErrorCode::kStore,
                      where + "the disk is full (" + what + "); free some space");
      case SQLITE_CONSTRAINT:
        return Status(ErrorCode::kInvalidArgument,
                      where + "the data was refused (" + what + ")");
      default:
        return Status(ErrorCode::kStore,
                      where + what + " (SQLite error " +
                          std::to_string(e.getExtendedErrorCode()) + ")");
    }
  } catch (const std::exception& e) {
    return Status(ErrorCode::kStore, where + e.what());
  } catch (...) {
    return Status(ErrorCode::kInternal, where + "unknown exception; this is a bug");
  }
}

}  // namespace parley::store
