#include "bot/store_pool.h"

namespace parley::bot {

StorePool::StorePool(Open open, std::chrono::milliseconds snapshot_reuse)
    : open_(std::move(open)), snapshot_reuse_(snapshot_reuse) {}

StorePool::~StorePool() {
  {
    std::lock_guard guard(lock_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (sweeper_.joinable()) sweeper_.join();
}

std::unique_ptr<store::Store> StorePool::take(Shelf& shelf) {
  std::lock_guard guard(shelf.lock);
  if (shelf.idle.empty()) return nullptr;
  std::unique_ptr<store::Store> store = std::move(shelf.idle.back());
  shelf.idle.pop_back();
  return store;
}

Result<StorePool::Lease> StorePool::borrow() {
  const unsigned mine = text::thread_slot();
  std::unique_ptr<store::Store> store = take(shelves_[mine]);
  for (unsigned i = 1; !store && i < shelves_.size(); ++i) {
    store = take(shelves_[(mine + i) % shelves_.size()]);
  }
  if (!store) {
    auto opened = open_();
    if (!opened) return opened.error();
    store = std::move(*opened);
  }
  store->begin_read_batch();
  return Lease(*this, std::move(store));
}

void StorePool::add(std::unique_ptr<store::Store> store) {
  Shelf& shelf = shelves_[text::thread_slot()];
  std::lock_guard guard(shelf.lock);
  shelf.idle.push_back(std::move(store));
}

void StorePool::give_back(std::unique_ptr<store::Store> store) {
  store->end_read_batch();
  add(std::move(store));
  // Sequentially consistent with the sweeper's reset: had it reset the flag
  // before this load, it had not yet looked at the shelves, and will see
  // the connection just added; if after, this sets the flag again.
  if (snapshot_reuse_.count() == 0 || snapshots_kept_.load()) return;
  {
    std::lock_guard guard(lock_);
    snapshots_kept_ = true;
    if (!sweeper_.joinable()) sweeper_ = std::thread([this] { sweep(); });
  }
  wake_.notify_one();
}

void StorePool::sweep() {
  std::unique_lock guard(lock_);
  for (;;) {
    wake_.wait(guard, [&] { return stopping_ || snapshots_kept_; });
    if (stopping_) return;
    // Connections given back meanwhile keep (younger) snapshots: they are
    // looked at on the next round, so each is ended within two rounds.
    if (wake_.wait_for(guard, snapshot_reuse_, [&] { return stopping_; })) return;
    snapshots_kept_ = false;  // before looking: a give_back from now on sets it again
    bool kept = false;
    for (Shelf& shelf : shelves_) {
      std::lock_guard shelf_guard(shelf.lock);
      for (auto& store : shelf.idle) kept |= store->end_stale_snapshot();
    }
    if (kept) snapshots_kept_ = true;
  }
}

}  // namespace parley::bot
