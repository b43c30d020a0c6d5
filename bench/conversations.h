// Scripted customer conversations for the full-turn benchmarks: a realistic
// mix of order status with verification, delivery and return questions,
// greetings, thanks and fallbacks. Read-only for the store (nothing is
// cancelled or returned), so every repetition sees the same data.
#ifndef PARLEY_BENCH_CONVERSATIONS_H_
#define PARLEY_BENCH_CONVERSATIONS_H_

#include <string>
#include <vector>

namespace parley::bench {

struct Step {
  std::string message;
  std::string intent;  // expected Reply::intent, "" = not checked
  std::string text;    // a part the reply text must contain, "" = not checked
};

struct Conversation {
  std::string name;
  std::vector<Step> steps;
};

// The mix on the showcase orders of every demo store (docs/demo-store.md).
std::vector<Conversation> showcase_conversations();

// Order-status conversations on `count` random orders of the store at
// `path` (spread over its whole order table), verified by email, so that
// look-ups touch the whole table rather than a few hot rows.
std::vector<Conversation> random_order_conversations(const std::string& path, int count);

// Turns in all of `conversations`.
std::size_t turn_count(const std::vector<Conversation>& conversations);

}  // namespace parley::bench

#endif  // PARLEY_BENCH_CONVERSATIONS_H_
