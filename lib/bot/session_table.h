// Internal to lib/bot: the sessions a Bot keeps in memory, bounded.
//
// A table of slots by session id, in least-recently-used order. Inserting a
// slot beyond `max_sessions`, or finding slots unused for longer than
// `idle_timeout`, evicts the least recently used ones; a slot that a caller
// still holds (a turn in progress) is never evicted, so turns of one session
// stay serialised on its lock. What eviction means for the conversation is
// the caller's business (the Bot saves every turn to its SessionStore, if
// any, before letting go of the slot). Thread-safe.
#ifndef PARLEY_BOT_SESSION_TABLE_H_
#define PARLEY_BOT_SESSION_TABLE_H_

#include <chrono>
#include <cstddef>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dialogue/session.h"

namespace parley::bot {

struct SessionSlot {
  std::mutex lock;  // serialises turns of one session; guards the fields below
  dialogue::Session session;
  bool needs_load = false;  // not yet read from the SessionStore
};

class SessionTable {
 public:
  using TimePoint = std::chrono::system_clock::time_point;

  // max_sessions 0: no limit; idle_timeout 0: none.
  SessionTable(std::size_t max_sessions, std::chrono::seconds idle_timeout)
      : max_sessions_(max_sessions), idle_timeout_(idle_timeout) {}
  SessionTable(const SessionTable&) = delete;
  SessionTable& operator=(const SessionTable&) = delete;

  // The slot of `id`, marked used at `now`; null when the table has none
  // (never had, or evicted). Holding the pointer keeps the slot in the table.
  std::shared_ptr<SessionSlot> find(std::string_view id, TimePoint now);

  // Like find(), but a missing slot is created and set up by `init` (under
  // the table's lock: keep it cheap), evicting others if the table is full.
  std::shared_ptr<SessionSlot> find_or_create(std::string_view id, TimePoint now,
                                              const std::function<void(SessionSlot&)>& init);

  // Slots in memory.
  std::size_t size() const;

 private:
  struct Entry {
    std::string id;
    std::shared_ptr<SessionSlot> slot;
    TimePoint last_used;
  };
  using Order = std::list<Entry>;  // most recently used first

  // Evicts from the least recently used end while the table is over
  // `limit` slots or the slots there are idle; the lock must be held. The
  // evicted slots go to `gone`, to be destroyed after the lock is released.
  void evict(std::size_t limit, TimePoint now, std::vector<std::shared_ptr<SessionSlot>>& gone);
  bool expired(const Entry& entry, TimePoint now) const {
    return idle_timeout_.count() > 0 && now - entry.last_used > idle_timeout_;
  }
  // Moves a found entry to the front; the lock must be held.
  std::shared_ptr<SessionSlot> touch(Order::iterator entry, TimePoint now);

  const std::size_t max_sessions_;
  const std::chrono::seconds idle_timeout_;
  mutable std::mutex lock_;
  Order order_;
  std::unordered_map<std::string_view, Order::iterator> index_;  // views of Entry::id
};

}  // namespace parley::bot

#endif  // PARLEY_BOT_SESSION_TABLE_H_
