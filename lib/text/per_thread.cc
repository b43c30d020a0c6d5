#include "text/per_thread.h"

#include <atomic>

namespace parley::text {

unsigned thread_slot() {
  static std::atomic<unsigned> next{0};
  thread_local const unsigned slot = next.fetch_add(1, std::memory_order_relaxed) % kThreadSlots;
  return slot;
}

}  // namespace parley::text
