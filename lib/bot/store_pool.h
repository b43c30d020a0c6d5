// Internal to lib/bot: the Bot's connections to its knowledge base.
#ifndef PARLEY_BOT_STORE_POOL_H_
#define PARLEY_BOT_STORE_POOL_H_

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "parley/status.h"
#include "store/store.h"
#include "text/per_thread.h"

namespace parley::bot {

// store::Store is not thread-safe: each turn borrows a connection of its own
// (SQLite in WAL mode lets them read at once) and gives it back; a new one is
// opened only when none is idle. Idle connections wait on one shelf per
// thread slot (text/per_thread.h): a thread takes from and gives back to
// its own shelf, so threads rarely meet at a lock, and takes from the
// others' before opening a connection.
//
// A borrowed connection is in a read batch. With snapshot reuse (the
// connections were opened with StoreOptions::snapshot_reuse), a connection
// given back keeps its read snapshot for the next turn, and a housekeeping
// thread of the pool's own ends the snapshots of connections left idle, so
// that an idle Bot does not hold back WAL checkpoints for longer than about
// twice the reuse time. The thread starts with the first snapshot kept (a
// Bot that has answered nothing has no thread). Thread-safe.
class StorePool {
 public:
  using Open = std::function<Result<std::unique_ptr<store::Store>>()>;

  // `snapshot_reuse`: what the connections `open` returns were opened with.
  StorePool(Open open, std::chrono::milliseconds snapshot_reuse);
  ~StorePool();
  StorePool(const StorePool&) = delete;
  StorePool& operator=(const StorePool&) = delete;

  // Exclusive use of one connection, in a read batch, until destruction.
  class Lease {
   public:
    Lease(StorePool& pool, std::unique_ptr<store::Store> store)
        : pool_(&pool), store_(std::move(store)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (store_) pool_->give_back(std::move(store_));
    }
    store::Store& operator*() const { return *store_; }
    store::Store* operator->() const { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<store::Store> store_;
  };

  // An idle connection, or a new one; fails only when a new one cannot be
  // opened (the store was deleted, is locked...).
  Result<Lease> borrow();

  // Adds an open connection to the idle ones (Bot::open checks the store
  // with the first).
  void add(std::unique_ptr<store::Store> store);

 private:
  struct alignas(64) Shelf {
    std::mutex lock;
    std::vector<std::unique_ptr<store::Store>> idle;  // the last given back on top
  };
  // Takes the connection on top of `shelf`, if any.
  static std::unique_ptr<store::Store> take(Shelf& shelf);
  void give_back(std::unique_ptr<store::Store> store);
  void sweep();  // the housekeeping thread

  const Open open_;
  const std::chrono::milliseconds snapshot_reuse_;
  std::array<Shelf, text::kThreadSlots> shelves_;
  // The sweeper's state. Lock order: lock_, then a shelf's lock.
  std::mutex lock_;
  std::condition_variable wake_;  // the sweeper: a snapshot kept, or stopping
  std::atomic<bool> snapshots_kept_{false};  // an idle connection may keep one
  bool stopping_ = false;
  std::thread sweeper_;
};

}  // namespace parley::bot

#endif  // PARLEY_BOT_STORE_POOL_H_
