#include "bot/session_table.h"

#include <functional>

namespace parley::bot {
namespace {

std::size_t shard_count(std::size_t max_sessions) {
  const bool large = max_sessions == 0 ||
                     max_sessions >= SessionTable::kShards * SessionTable::kMinSlotsPerShard;
  return large ? SessionTable::kShards : 1;
}

}  // namespace

SessionTable::SessionTable(std::size_t max_sessions, std::chrono::seconds idle_timeout)
    : shard_limit_((max_sessions + shard_count(max_sessions) - 1) / shard_count(max_sessions)),
      idle_timeout_(idle_timeout),
      shards_(shard_count(max_sessions)) {}

SessionTable::Shard& SessionTable::shard_of(std::string_view id) {
  // The high bits: the shard's own map buckets by the low ones.
  const std::size_t hash = std::hash<std::string_view>{}(id);
  return shards_[(hash >> 40) & (shards_.size() - 1)];
}

void SessionTable::sweep_idle(TimePoint now, std::vector<std::shared_ptr<SessionSlot>>& gone) {
  if (idle_timeout_.count() == 0 || shards_.size() == 1) return;  // one shard: evict() does it
  auto due = next_sweep_.load(std::memory_order_relaxed);
  const auto at = now.time_since_epoch().count();
  if (at < due) return;
  const auto next = (now + kIdleSweep).time_since_epoch().count();
  if (!next_sweep_.compare_exchange_strong(due, next, std::memory_order_relaxed)) return;  // another thread sweeps
  for (Shard& shard : shards_) {
    std::lock_guard guard(shard.lock);
    evict(shard, shard_limit_, now, gone);
  }
}

std::shared_ptr<SessionSlot> SessionTable::find(std::string_view id, TimePoint now) {
  std::vector<std::shared_ptr<SessionSlot>> gone;  // destroyed after the lock
  sweep_idle(now, gone);
  Shard& shard = shard_of(id);
  std::lock_guard guard(shard.lock);
  evict(shard, shard_limit_, now, gone);
  auto it = shard.index.find(id);
  if (it == shard.index.end()) return nullptr;
  return touch(shard, it->second, now);
}

std::shared_ptr<SessionSlot> SessionTable::find_or_create(
    std::string_view id, TimePoint now, const std::function<void(SessionSlot&)>& init) {
  std::vector<std::shared_ptr<SessionSlot>> gone;  // destroyed after the lock
  sweep_idle(now, gone);
  Shard& shard = shard_of(id);
  std::lock_guard guard(shard.lock);
  evict(shard, shard_limit_, now, gone);
  if (auto it = shard.index.find(id); it != shard.index.end()) return touch(shard, it->second, now);
  if (shard_limit_ > 0) evict(shard, shard_limit_ - 1, now, gone);  // room for one more
  auto slot = std::make_shared<SessionSlot>();
  init(*slot);
  shard.order.push_front(Entry{std::string(id), slot, now});
  shard.index.emplace(shard.order.front().id, shard.order.begin());
  return slot;
}

std::size_t SessionTable::size() const {
  std::size_t total = 0;
  for (const Shard& shard : shards_) {
    std::lock_guard guard(shard.lock);
    total += shard.order.size();
  }
  return total;
}

std::shared_ptr<SessionSlot> SessionTable::touch(Shard& shard, Order::iterator entry, TimePoint now) {
  entry->last_used = now;
  if (entry != shard.order.begin()) shard.order.splice(shard.order.begin(), shard.order, entry);
  return entry->slot;
}

void SessionTable::evict(Shard& shard, std::size_t limit, TimePoint now,
                         std::vector<std::shared_ptr<SessionSlot>>& gone) {
  auto it = shard.order.end();
  while (it != shard.order.begin()) {
    --it;
    const bool over = shard_limit_ > 0 && shard.order.size() > limit;
    if (!over && !expired(*it, now)) return;  // the rest were used more recently
    // use_count() only grows under the shard's lock (find hands out copies
    // under it), so 1 means nobody holds the slot and nobody can start to.
    if (it->slot.use_count() != 1) continue;  // a turn in progress: keep it
    shard.index.erase(it->id);
    gone.push_back(std::move(it->slot));
    it = shard.order.erase(it);
  }
}

}  // namespace parley::bot
