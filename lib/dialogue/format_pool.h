// A pool of clones of one ICU formatter, so that formatting needs neither a
// fresh clone per call nor a lock held while formatting.
//
// ICU formatters (MessageFormat, SimpleDateFormat) are not thread-safe even
// for const formatting: they cache sub-formats and calendars inside. A thread
// borrows an idle clone (cloning the prototype only when none is idle), and
// gives it back when the Lease ends. The idle clones are kept on one shelf
// per thread slot (text/per_thread.h), so that threads do not take turns
// at one lock: at most one clone per concurrent caller and slot is made.
#ifndef PARLEY_DIALOGUE_FORMAT_POOL_H_
#define PARLEY_DIALOGUE_FORMAT_POOL_H_

#include <array>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "text/per_thread.h"

namespace parley::dialogue {

// T: an ICU class whose clone() returns a new T*.
template <typename T>
class FormatPool {
 public:
  explicit FormatPool(std::unique_ptr<T> prototype) : prototype_(std::move(prototype)) {}
  FormatPool(const FormatPool&) = delete;
  FormatPool& operator=(const FormatPool&) = delete;

  // Exclusive use of one clone until destruction. Null only if ICU fails to
  // allocate a clone.
  class Lease;

  Lease borrow() {
    Shelf& shelf = shelves_[text::thread_slot()];
    {
      std::lock_guard guard(shelf.lock);
      if (!shelf.idle.empty()) {
        std::unique_ptr<T> format = std::move(shelf.idle.back());
        shelf.idle.pop_back();
        return Lease(shelf, std::move(format));
      }
    }
    // Cloning a const ICU formatter only reads it: safe without the lock.
    return Lease(shelf, std::unique_ptr<T>(prototype_->clone()));
  }

  // The original; read-only use (e.g. inspecting its sub-formats).
  const T& prototype() const { return *prototype_; }

 private:
  struct alignas(64) Shelf {
    std::mutex lock;
    std::vector<std::unique_ptr<T>> idle;
  };

  std::unique_ptr<T> prototype_;
  std::array<Shelf, text::kThreadSlots> shelves_;

 public:
  class Lease {
   public:
    Lease(Shelf& shelf, std::unique_ptr<T> format) : shelf_(shelf), format_(std::move(format)) {}
    ~Lease() {
      if (!format_) return;
      std::lock_guard guard(shelf_.lock);
      shelf_.idle.push_back(std::move(format_));
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    T* get() const { return format_.get(); }
    T* operator->() const { return format_.get(); }

   private:
    Shelf& shelf_;
    std::unique_ptr<T> format_;
  };
};

}  // namespace parley::dialogue

#endif  // PARLEY_DIALOGUE_FORMAT_POOL_H_
