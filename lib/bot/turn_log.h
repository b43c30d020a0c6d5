// The conversation log, written off the turn's path.
#ifndef PARLEY_BOT_TURN_LOG_H_
#define PARLEY_BOT_TURN_LOG_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "parley/status.h"
#include "store/store.h"

namespace parley::bot {

// Bot::respond() hands each turn to add(), which only queues it; a writer
// thread of its own writes what has queued in one transaction, at most
// kBatchDelay after the first of them (a write transaction per turn was
// three quarters of a logged turn, and serialised every thread on the
// database's write lock).
//
// What this costs: a process killed outright loses the turns of the last
// kBatchDelay from the log (an analysis log; returns, handoffs, feedback
// and sessions are written before respond() returns). Destroying the
// TurnLog, or flush(), writes everything queued. Thread-safe.
class TurnLog {
 public:
  using OpenStore = std::function<Result<std::unique_ptr<store::Store>>()>;
  static constexpr std::chrono::milliseconds kBatchDelay{50};
  // Beyond this many queued turns (the database not keeping up) new ones
  // are dropped and counted, and the next problem() says how many.
  static constexpr std::size_t kMaxQueued = 100000;

  // `open` gives the writer its connection, when it first has turns. The
  // writer thread starts with the first add().
  explicit TurnLog(OpenStore open);
  ~TurnLog();
  TurnLog(const TurnLog&) = delete;
  TurnLog& operator=(const TurnLog&) = delete;

  void add(store::TurnRecord turn);
  // Returns once every turn added before the call is written (or failed).
  void flush();
  // A failure to write not reported yet ("" if none); reported once.
  std::string take_problem();

 private:
  void run();

  OpenStore open_;
  std::mutex lock_;
  std::condition_variable wake_;     // the writer: turns queued, flush or stop
  std::condition_variable written_;  // flush(): a batch is done
  std::vector<store::TurnRecord> queue_;
  std::uint64_t added_ = 0;    // turns ever queued
  std::uint64_t done_ = 0;     // of those, written or failed
  std::uint64_t flushes_ = 0;  // flush() calls waiting
  std::uint64_t dropped_ = 0;
  bool stopping_ = false;
  std::string problem_;
  std::thread writer_;  // started by the first add()
};

}  // namespace parley::bot

#endif  // PARLEY_BOT_TURN_LOG_H_
