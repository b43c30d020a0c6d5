// Driving a parley::Bot through scripted conversations, timed per turn.
#ifndef PARLEY_BENCH_TURN_DRIVER_H_
#define PARLEY_BENCH_TURN_DRIVER_H_

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "conversations.h"
#include "parley/bot.h"
#include "store/demo.h"

namespace parley::bench {

// The bot's "today" (the demo default, 2025-06-16) at 10:00.
std::chrono::system_clock::time_point bench_now();

// A temporary directory, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// Generates a demo store at `path` (today: the demo default); returns the
// seconds generation took. Exits with the message on failure.
double make_demo_store(const std::string& path, int orders, int customers);

// A Bot on the English pack of the source tree and the store at `path`,
// with the explanation in Reply::trace on or off.
std::unique_ptr<Bot> open_bot(const std::string& path, bool log_turns, bool trace = true);

// Plays each conversation once on a fresh session and prints every reply
// that misses its expectation; returns how many missed.
int check_conversations(Bot& bot, const std::vector<Conversation>& conversations);

struct TurnStats {
  std::size_t turns = 0;
  double seconds = 0;
  std::vector<double> latency_us;  // per turn (wall clock), when asked for
  std::vector<double> cpu_us;      // per turn (this thread's CPU time), when asked for
};

// Plays `conversations` round-robin for at least `turns` turns on sessions
// "<prefix><n>", n cycling through `sessions` ids (each conversation starts
// with Bot::reset). With `timed`, records every turn's latency.
TurnStats drive(Bot& bot, const std::vector<Conversation>& conversations, const std::string& prefix,
                std::size_t sessions, std::size_t turns, bool timed);

// `threads` threads each driving `turns_each` turns on their own sessions;
// returns total turns per second (wall clock from first start to last end).
double drive_threads(Bot& bot, const std::vector<Conversation>& conversations, int threads,
                     std::size_t turns_each);

// Two threads, one on each Bot, each driving `turns_each` turns; returns
// total turns per second.
double drive_bots_apart(Bot& first, Bot& second, const std::vector<Conversation>& conversations,
                        std::size_t turns_each);

}  // namespace parley::bench

#endif  // PARLEY_BENCH_TURN_DRIVER_H_
