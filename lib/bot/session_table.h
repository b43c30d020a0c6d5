// Internal to lib/bot: the sessions a Bot keeps in memory, bounded.
//
// A table of slots by session id, in least-recently-used order. Inserting a
// slot beyond `max_sessions`, or finding slots unused for longer than
// `idle_timeout`, evicts the least recently used ones; a slot that a caller
// still holds (a turn in progress) is never evicted, so turns of one session
// stay serialised on its lock. What eviction means for the conversation is
// the caller's business (the Bot saves every turn to its SessionStore, if
// any, before letting go of the slot). Thread-safe.
//
// Large tables are split into kShards shards by a hash of the id, each with
// its own lock, order and a bound of max_sessions / kShards (rounded up), so
// that threads answering different sessions do not queue on one lock or
// write to one list: least recently used is then per shard, and the table
// may hold up to kShards - 1 slots more than max_sessions. Tables bounded
// below kShards * kMinSlotsPerShard slots have one shard and an exact bound.
// Idle slots are let go from the shard being used, and from all shards at
// most once per kIdleSweep (by the clock passed in), so a slot idle past
// the timeout is gone by the first call kIdleSweep after it expired.
#ifndef PARLEY_BOT_SESSION_TABLE_H_
#define PARLEY_BOT_SESSION_TABLE_H_

#include <atomic>
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
  SessionTable(std::size_t max_sessions, std::chrono::seconds idle_timeout);
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

  static constexpr std::size_t kShards = 16;
  static constexpr std::size_t kMinSlotsPerShard = 256;
  static constexpr std::chrono::seconds kIdleSweep{1};

 private:
  struct Entry {
    std::string id;
    std::shared_ptr<SessionSlot> slot;
    TimePoint last_used;
  };
  using Order = std::list<Entry>;  // most recently used first

  struct alignas(64) Shard {
    mutable std::mutex lock;
    Order order;
    std::unordered_map<std::string_view, Order::iterator> index;  // views of Entry::id
  };

  Shard& shard_of(std::string_view id);
  // Lets idle slots of every shard go, if the last sweep was kIdleSweep ago
  // or more; no shard lock may be held.
  void sweep_idle(TimePoint now, std::vector<std::shared_ptr<SessionSlot>>& gone);
  // Evicts from the least recently used end of `shard` while it is over
  // `limit` slots or the slots there are idle; its lock must be held. The
  // evicted slots go to `gone`, to be destroyed after the lock is released.
  void evict(Shard& shard, std::size_t limit, TimePoint now,
             std::vector<std::shared_ptr<SessionSlot>>& gone);
  bool expired(const Entry& entry, TimePoint now) const {
    return idle_timeout_.count() > 0 && now - entry.last_used > idle_timeout_;
  }
  // Moves a found entry to the front of its shard; the lock must be held.
  static std::shared_ptr<SessionSlot> touch(Shard& shard, Order::iterator entry, TimePoint now);

  const std::size_t shard_limit_;  // max slots per shard; 0: no limit
  const std::chrono::seconds idle_timeout_;
  std::vector<Shard> shards_;  // a power of two of them
  std::atomic<TimePoint::rep> next_sweep_{0};  // sweep_idle()'s next time
};

}  // namespace parley::bot

#endif  // PARLEY_BOT_SESSION_TABLE_H_
