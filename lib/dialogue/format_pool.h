// A pool of clones of one ICU formatter, so that formatting needs neither a
// fresh clone per call nor a lock held while formatting.
//
// ICU formatters (MessageFormat, SimpleDateFormat) are not thread-safe even
// for const formatting: they cache sub-formats and calendars inside. A thread
// borrows an idle clone (cloning the prototype only when none is idle), and
// gives it back when the Lease ends; at most one clone per concurrent caller
// is ever made.
#ifndef PARLEY_DIALOGUE_FORMAT_POOL_H_
#define PARLEY_DIALOGUE_FORMAT_POOL_H_

#include <memory>
#include <mutex>
#include <utility>
#include <vector>

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
  class Lease {
   public:
    Lease(FormatPool& pool, std::unique_ptr<T> format) : pool_(pool), format_(std::move(format)) {}
    ~Lease() {
      if (format_) pool_.give_back(std::move(format_));
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    T* get() const { return format_.get(); }
    T* operator->() const { return format_.get(); }

   private:
    FormatPool& pool_;
    std::unique_ptr<T> format_;
  };

  Lease borrow() {
    {
      std::lock_guard guard(lock_);
      if (!idle_.empty()) {
        std::unique_ptr<T> format = std::move(idle_.back());
        idle_.pop_back();
        return Lease(*this, std::move(format));
      }
    }
    // Cloning a const ICU formatter only reads it: safe without the lock.
    return Lease(*this, std::unique_ptr<T>(prototype_->clone()));
  }

  // The original; read-only use (e.g. inspecting its sub-formats).
  const T& prototype() const { return *prototype_; }

 private:
  void give_back(std::unique_ptr<T> format) {
    std::lock_guard guard(lock_);
    idle_.push_back(std::move(format));
  }

  std::unique_ptr<T> prototype_;
  std::mutex lock_;
  std::vector<std::unique_ptr<T>> idle_;
};

}  // namespace parley::dialogue

#endif  // PARLEY_DIALOGUE_FORMAT_POOL_H_
