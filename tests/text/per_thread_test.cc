// text::PerThread and text::PerThreadShared: one copy per thread slot.
#include "text/per_thread.h"

#include <doctest/doctest.h>

#include <atomic>
#include <set>
#include <thread>
#include <vector>

namespace parley::text {
namespace {

TEST_CASE("each thread slot gets its own copy, made once, on first use") {
  std::atomic<int> made{0};
  PerThread<int> copies([&] { return std::make_unique<int>(++made); });
  CHECK(made == 0);
  const int* mine = &copies.get();
  CHECK(&copies.get() == mine);
  CHECK(made == 1);
  // kThreadSlots new threads take consecutive slots: every slot once.
  std::set<const int*> seen{mine};
  std::vector<const int*> theirs(kThreadSlots);
  std::vector<unsigned> slots(kThreadSlots);
  for (unsigned i = 0; i < kThreadSlots; ++i) {
    std::thread([&, i] {
      theirs[i] = &copies.get();
      slots[i] = thread_slot();
      CHECK(&copies.get() == theirs[i]);
    }).join();
  }
  // Asked by slot, each copy is the one that slot's thread got.
  for (unsigned i = 0; i < kThreadSlots; ++i) CHECK(&copies.get(slots[i]) == theirs[i]);
  seen.insert(theirs.begin(), theirs.end());
  CHECK(seen.size() == kThreadSlots);
  CHECK(made == static_cast<int>(kThreadSlots));
  CHECK(std::set<unsigned>(slots.begin(), slots.end()).size() == kThreadSlots);
}

TEST_CASE("threads asking for the same slot's copy at once get one copy") {
  std::atomic<int> made{0};
  PerThread<int> copies([&] { return std::make_unique<int>(++made); });
  std::vector<const int*> got(8);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < got.size(); ++i) threads.emplace_back([&, i] { got[i] = &copies.get(2); });
  for (auto& t : threads) t.join();
  CHECK(made == 1);
  CHECK(std::set<const int*>(got.begin(), got.end()).size() == 1);
}

TEST_CASE("a published object reaches every slot and lives while a copy does") {
  PerThreadShared<const int> current;
  auto first = std::make_shared<const int>(1);
  std::weak_ptr<const int> first_alive = first;
  current.publish(std::move(first));
  std::shared_ptr<const int> held = current.get();
  CHECK(*held == 1);
  for (unsigned i = 0; i < kThreadSlots; ++i) {
    std::thread([&] { CHECK(*current.get() == 1); }).join();
  }
  current.publish(std::make_shared<const int>(2));
  CHECK(*current.get() == 2);
  std::thread([&] { CHECK(*current.get() == 2); }).join();
  CHECK_FALSE(first_alive.expired());  // `held` still uses it
  held.reset();
  CHECK(first_alive.expired());
}

}  // namespace
}  // namespace parley::text
