// Copies of an immutable object, one per thread slot, for objects whose
// const use still writes shared memory.
//
// RE2 is the case in point: every search takes a reader lock on the
// regex's DFA cache, an atomic write to a cache line that threads sharing
// the regex then pass back and forth. Two threads answering turns spent a
// third of their extra time (over one thread) in that lock.
#ifndef PARLEY_TEXT_PER_THREAD_H_
#define PARLEY_TEXT_PER_THREAD_H_

#include <array>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace parley::text {

inline constexpr unsigned kThreadSlots = 4;

// The calling thread's slot, in [0, kThreadSlots): threads are numbered in
// the order they first ask, modulo kThreadSlots. With more threads than
// slots, some share a copy (correct, only slower).
unsigned thread_slot();

// Builds the copy of a slot with `make` the first time a thread of that slot
// asks for it, so memory grows only with the slots in use. Thread-safe;
// `make` must be (it may run on several threads at once, for different
// slots) and must not return null.
template <typename T>
class PerThread {
 public:
  using Make = std::function<std::unique_ptr<T>()>;
  explicit PerThread(Make make) : make_(std::move(make)) {}
  PerThread(const PerThread&) = delete;
  PerThread& operator=(const PerThread&) = delete;

  const T& get() const { return get(thread_slot()); }
  // The copy of slot `slot` (< kThreadSlots): for a caller that keeps its
  // thread's slot at hand, sparing a thread-local look-up per call.
  const T& get(unsigned slot) const {
    Copy& copy = copies_[slot];
    if (const T* made = copy.ready.load(std::memory_order_acquire)) return *made;
    std::call_once(copy.made, [&] {
      copy.value = make_();
      copy.ready.store(copy.value.get(), std::memory_order_release);
    });
    return *copy.value;
  }

 private:
  struct Copy {
    std::atomic<const T*> ready{nullptr};  // value, once made
    std::once_flag made;
    std::unique_ptr<T> value;
  };
  Make make_;
  mutable std::array<Copy, kThreadSlots> copies_;
};

// A shared_ptr that many threads copy, e.g. the current version of
// something reloadable. Each thread slot holds a reference with a control
// block of its own (which keeps the published object alive), so threads of
// different slots count their copies on different cache lines instead of
// all on the object's. Thread-safe.
template <typename T>
class PerThreadShared {
 public:
  // Replaces the object every slot hands out, slot by slot: a get() on
  // another thread meanwhile returns the old or the new one.
  void publish(std::shared_ptr<T> value) {
    for (Slot& slot : slots_) {
      std::shared_ptr<T> local(value.get(), [keep = value](T*) {});
      std::lock_guard guard(slot.lock);
      slot.value.swap(local);
    }  // the old `local` is released here, outside the lock
  }

  // The object last published, as this thread's slot holds it.
  std::shared_ptr<T> get() const {
    const Slot& slot = slots_[thread_slot()];
    std::lock_guard guard(slot.lock);
    return slot.value;
  }

 private:
  struct alignas(64) Slot {
    mutable std::mutex lock;
    std::shared_ptr<T> value;
  };
  std::array<Slot, kThreadSlots> slots_;
};

}  // namespace parley::text

#endif  // PARLEY_TEXT_PER_THREAD_H_
