// Store::open and the helpers every query shares.
#include "store/store.h"

#include <sqlite3.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <filesystem>
#include <mutex>
#include <system_error>

#include "store/connection.h"
#include "store/schema.h"

namespace parley::store {
namespace {

namespace fs = std::filesystem;

// Refuses paths SQLite would fail on with a vaguer message.
Status check_path(const std::string& path, const StoreOptions& options) {
  if (path.empty()) {
    return Status(ErrorCode::kInvalidArgument,
                  "store path is empty; set it to the SQLite file to use");
  }
  if (path == ":memory:") return Status::Ok();
  std::error_code ec;
  const fs::path file(path);
  const fs::path parent = file.parent_path();
  if (!parent.empty() && !fs::is_directory(parent, ec)) {
    return Status(ErrorCode::kNotFound,
                  path + ": directory " + parent.string() +
                      " does not exist; create it or choose another store path");
  }
  if (fs::is_directory(file, ec)) {
    return Status(ErrorCode::kInvalidArgument,
                  path + " is a directory; the store path must name a file");
  }
  if (!fs::exists(file, ec)) {
    if (options.read_only || !options.create_if_missing) {
      return Status(ErrorCode::kNotFound,
                    path + " does not exist; check the path, or open it with "
                           "create_if_missing (and without read_only) to "
                           "create an empty store");
    }
  }
  return Status::Ok();
}

Status prepare_schema(SQLite::Database& db, const std::string& path,
                      const StoreOptions& options) {
  if (!options.read_only &&
      sqlite3_db_readonly(db.getHandle(), "main") == 1) {
    return Status(ErrorCode::kStore,
                  path + " is not writable (check the permissions of the file "
                         "and its directory), or open it with read_only");
  }
  const int version = read_schema_version(db);  // throws SQLITE_NOTADB
  if (version > Store::kSchemaVersion) {
    return Status(ErrorCode::kSchemaTooNew,
                  path + " has schema version " + std::to_string(version) +
                      " but this parley knows only up to version " +
                      std::to_string(Store::kSchemaVersion) +
                      "; upgrade parley, or point the store option at another "
                      "file");
  }
  db.exec("PRAGMA foreign_keys = ON");
  if (options.read_only) {
    if (version < Store::kSchemaVersion) {
      return Status(ErrorCode::kStore,
                    path + " has schema version " + std::to_string(version) +
                        " and needs upgrading to " +
                        std::to_string(Store::kSchemaVersion) +
                        ", which a read-only store cannot do; open it once "
                        "without read_only");
    }
    return Status::Ok();
  }
  if (path != ":memory:") {
    SQLite::Statement wal(db, "PRAGMA journal_mode = WAL");
    wal.executeStep();
    // In WAL mode NORMAL loses no committed transaction when the process
    // dies (kill -9); only a power cut may roll back the last few commits,
    // and never corrupts. FULL would fsync on every logged turn.
    db.exec("PRAGMA synchronous = NORMAL");
  }
  apply_migrations(db, version);
  return Status::Ok();
}

// SQLite keeps process-wide memory statistics behind one global mutex,
// taken on every allocation: with two threads answering turns it was the
// most contended lock of the process. Turned off before SQLite starts, if
// parley starts it (afterwards SQLite refuses, harmlessly).
void configure_sqlite() {
  static std::once_flag once;
  std::call_once(once, [] { (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

}  // namespace

Result<std::unique_ptr<Store>> Store::open(const std::string& path,
                                           const StoreOptions& options) {
  configure_sqlite();
  if (latest_schema_version() != kSchemaVersion) {
    return Status(ErrorCode::kInternal,
                  "Store::kSchemaVersion disagrees with the migration list; "
                  "this is a bug");
  }
  if (Status status = check_path(path, options); !status.ok()) return status;
  try {
    // NOMUTEX: a Store is used by one thread at a time (see store.h), so
    // SQLite's per-connection mutex, taken on every step and column read,
    // would only cost time.
    const int flags = SQLite::OPEN_NOMUTEX |
                      (options.read_only
                           ? SQLite::OPEN_READONLY
                           : SQLite::OPEN_READWRITE |
                                 (options.create_if_missing ? SQLite::OPEN_CREATE : 0));
    auto db = std::make_unique<SQLite::Database>(
        path, flags, static_cast<int>(options.busy_timeout.count()));
    if (Status status = prepare_schema(*db, path, options); !status.ok()) {
      return status;
    }
    auto connection = std::make_unique<Connection>(std::move(db), path, options.snapshot_reuse);
    return std::unique_ptr<Store>(new Store(std::move(connection), options));
  } catch (...) {
    return status_from_exception(path, "open the store");
  }
}

Store::Store(std::unique_ptr<Connection> connection, const StoreOptions& options)
    : connection_(std::move(connection)),
      code_random_(options.code_seed ? *options.code_seed
                                     : std::random_device{}()) {}

Store::~Store() = default;

const std::string& Store::path() const { return connection_->path(); }

void Store::begin_read_batch() { connection_->batch_reads(true); }

void Store::end_read_batch() { connection_->batch_reads(false); }

bool Store::end_stale_snapshot() { return connection_->end_stale_snapshot(); }

Result<int> Store::schema_version() {
  try {
    return read_schema_version(connection_->db());
  } catch (...) {
    return connection_->failure("read the schema version");
  }
}

std::string Store::fresh_code(std::string_view prefix, int length) {
  // No 0/O or 1/I: codes are read out over the phone.
  static constexpr char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  for (;;) {
    std::string code(prefix);
    for (int i = 0; i < length; ++i) code += kAlphabet[code_random_() % 32];
    Query used = connection_->query(
        "SELECT 1 FROM returns WHERE rma = ?1 OR label_code = ?1");
    used.bind(1, code);
    if (!used.step()) return code;
  }
}

}  // namespace parley::store
