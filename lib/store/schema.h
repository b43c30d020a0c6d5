// The knowledge base's schema as an ordered list of migrations, keyed on
// SQLite's `PRAGMA user_version`: a database at version N has had migrations
// 1..N applied. Each step's SQL ends by setting user_version to its own
// number, so a step and its version bump commit together or not at all.
//
// Append new steps; never edit a step that has shipped.
#ifndef PARLEY_STORE_SCHEMA_H_
#define PARLEY_STORE_SCHEMA_H_

#include <span>

namespace SQLite {
class Database;
}

namespace parley::store {

struct Migration {
  int version;              // user_version after this step; 1, 2, 3, ...
  const char* description;  // for error messages
  const char* sql;          // one or more statements, no parameters
};

// All steps, in order; migrations()[i].version == i + 1.
std::span<const Migration> migrations();

// The version a fully migrated database has.
int latest_schema_version();

// Reads PRAGMA user_version. Throws SQLite::Exception (e.g. SQLITE_NOTADB).
int read_schema_version(SQLite::Database& db);

// Applies every step above `from`, each in its own IMMEDIATE transaction.
// Throws SQLite::Exception on failure, std::runtime_error naming the step if a
// step leaves the wrong user_version; steps already committed stay applied.
void apply_migrations(SQLite::Database& db, int from);

}  // namespace parley::store

#endif  // PARLEY_STORE_SCHEMA_H_
