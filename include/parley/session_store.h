// Where conversations are kept between turns.
//
// By default a Bot keeps sessions in memory only. Give BotOptions::sessions
// a SessionStore and every session is saved after each turn and loaded on
// first use, so a conversation survives a restart and can continue from
// another process or channel (web chat today, app tomorrow) that shares it.
#ifndef PARLEY_SESSION_STORE_H_
#define PARLEY_SESSION_STORE_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "parley/export.h"
#include "parley/status.h"

namespace parley {

// Implementations must be thread-safe: a Bot calls them from the threads
// that call respond(), for different sessions at once.
class PARLEY_API SessionStore {
 public:
  virtual ~SessionStore() = default;
  // The saved text of the session, or nullopt if there is none.
  virtual Result<std::optional<std::string>> load(std::string_view session_id) = 0;
  // Replaces the saved text of the session (an opaque, compact text form).
  virtual Status save(std::string_view session_id, std::string_view data) = 0;
  // Forgets the session; forgetting an unknown session is not an error.
  virtual Status erase(std::string_view session_id) = 0;
};

// Sessions kept in this process's memory (what a Bot does without a store;
// useful to share sessions between several Bots of one process, or as the
// model of a custom store). Thread-safe.
PARLEY_API std::shared_ptr<SessionStore> make_memory_session_store();

// Sessions kept in the `sessions` table of a parley SQLite store (the
// knowledge base itself, or a separate file). Fails like Bot::open does for
// an unusable file.
PARLEY_API Result<std::shared_ptr<SessionStore>> open_sqlite_session_store(const std::string& path);

}  // namespace parley

#endif  // PARLEY_SESSION_STORE_H_
