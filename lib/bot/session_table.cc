#include "bot/session_table.h"

namespace parley::bot {

std::shared_ptr<SessionSlot> SessionTable::find(std::string_view id, TimePoint now) {
  std::vector<std::shared_ptr<SessionSlot>> gone;  // destroyed after the lock
  std::lock_guard guard(lock_);
  evict(max_sessions_, now, gone);
  auto it = index_.find(id);
  if (it == index_.end()) return nullptr;
  return touch(it->second, now);
}

std::shared_ptr<SessionSlot> SessionTable::find_or_create(
    std::string_view id, TimePoint now, const std::function<void(SessionSlot&)>& init) {
  std::vector<std::shared_ptr<SessionSlot>> gone;  // destroyed after the lock
  std::lock_guard guard(lock_);
  evict(max_sessions_, now, gone);
  if (auto it = index_.find(id); it != index_.end()) return touch(it->second, now);
  if (max_sessions_ > 0) evict(max_sessions_ - 1, now, gone);  // room for one more
  auto slot = std::make_shared<SessionSlot>();
  init(*slot);
  order_.push_front(Entry{std::string(id), slot, now});
  index_.emplace(order_.front().id, order_.begin());
  return slot;
}

std::size_t SessionTable::size() const {
  std::lock_guard guard(lock_);
  return order_.size();
}

std::shared_ptr<SessionSlot> SessionTable::touch(Order::iterator entry, TimePoint now) {
  entry->last_used = now;
  if (entry != order_.begin()) order_.splice(order_.begin(), order_, entry);
  return entry->slot;
}

void SessionTable::evict(std::size_t limit, TimePoint now,
                         std::vector<std::shared_ptr<SessionSlot>>& gone) {
  auto it = order_.end();
  while (it != order_.begin()) {
    --it;
    const bool over = max_sessions_ > 0 && order_.size() > limit;
    if (!over && !expired(*it, now)) return;  // the rest were used more recently
    // use_count() only grows under lock_ (find hands out copies under it),
    // so 1 means nobody holds the slot and nobody can start to.
    if (it->slot.use_count() != 1) continue;  // a turn in progress: keep it
    index_.erase(it->id);
    gone.push_back(std::move(it->slot));
    it = order_.erase(it);
  }
}

}  // namespace parley::bot
