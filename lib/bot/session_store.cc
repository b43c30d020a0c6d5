#include "parley/session_store.h"

#include <chrono>
#include <map>
#include <mutex>

#include "store/store.h"

namespace parley {
namespace {

// One connection guarded by a mutex: saves are short transactions.
class SqliteSessionStore final : public SessionStore {
 public:
  explicit SqliteSessionStore(std::unique_ptr<store::Store> store) : store_(std::move(store)) {}

  Result<std::optional<std::string>> load(std::string_view session_id) override {
    std::lock_guard guard(lock_);
    return store_->load_session(session_id);
  }
  Status save(std::string_view session_id, std::string_view data) override {
    std::lock_guard guard(lock_);
    return store_->save_session(session_id, data,
                                std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  }
  Status erase(std::string_view session_id) override {
    std::lock_guard guard(lock_);
    return store_->delete_session(session_id);
  }

 private:
  std::mutex lock_;
  std::unique_ptr<store::Store> store_;
};

class MemorySessionStore final : public SessionStore {
 public:
  Result<std::optional<std::string>> load(std::string_view session_id) override {
    std::lock_guard guard(lock_);
    auto it = sessions_.find(session_id);
    if (it == sessions_.end()) return std::optional<std::string>();
    return std::optional<std::string>(it->second);
  }
  Status save(std::string_view session_id, std::string_view data) override {
    std::lock_guard guard(lock_);
    sessions_[std::string(session_id)] = std::string(data);
    return Status::Ok();
  }
  Status erase(std::string_view session_id) override {
    std::lock_guard guard(lock_);
    if (auto it = sessions_.find(session_id); it != sessions_.end()) sessions_.erase(it);
    return Status::Ok();
  }

 private:
  std::mutex lock_;
  std::map<std::string, std::string, std::less<>> sessions_;
};

}  // namespace

std::shared_ptr<SessionStore> make_memory_session_store() { return std::make_shared<MemorySessionStore>(); }

Result<std::shared_ptr<SessionStore>> open_sqlite_session_store(const std::string& path) {
  auto store = store::Store::open(path);
  if (!store) return store.error();
  return std::shared_ptr<SessionStore>(std::make_shared<SqliteSessionStore>(std::move(*store)));
}

}  // namespace parley
