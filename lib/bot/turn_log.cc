#include "bot/turn_log.h"

namespace parley::bot {

TurnLog::TurnLog(OpenStore open) : open_(std::move(open)) {}

TurnLog::~TurnLog() {
  {
    std::lock_guard guard(lock_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (writer_.joinable()) writer_.join();
}

void TurnLog::add(store::TurnRecord turn) {
  {
    std::lock_guard guard(lock_);
    if (queue_.size() >= kMaxQueued) {
      ++dropped_;
      return;
    }
    queue_.push_back(std::move(turn));
    ++added_;
    // The writer starts with the first turn: a Bot that has logged nothing
    // has no thread of its own (and can, say, be opened before a fork()).
    if (!writer_.joinable()) writer_ = std::thread([this] { run(); });
    if (queue_.size() > 1) return;  // the writer is awake already
  }
  wake_.notify_one();
}

void TurnLog::flush() {
  std::unique_lock guard(lock_);
  if (!writer_.joinable()) return;  // nothing was ever added
  const std::uint64_t target = added_;
  ++flushes_;
  wake_.notify_one();
  written_.wait(guard, [&] { return done_ >= target; });
  --flushes_;
}

std::string TurnLog::take_problem() {
  std::lock_guard guard(lock_);
  std::string problem = std::move(problem_);
  problem_.clear();
  if (dropped_ > 0) {
    if (!problem.empty()) problem += "; ";
    problem += std::to_string(dropped_) + " turns were not logged (the database is not keeping up)";
    dropped_ = 0;
  }
  return problem;
}

void TurnLog::run() {
  std::unique_ptr<store::Store> store;
  std::vector<store::TurnRecord> batch;
  std::unique_lock guard(lock_);
  for (;;) {
    wake_.wait(guard, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) break;  // stopping, nothing left
    // Let the batch fill for a while, unless someone waits for it.
    wake_.wait_for(guard, kBatchDelay, [&] { return stopping_ || flushes_ > 0; });
    batch.swap(queue_);
    const std::uint64_t upto = added_;
    guard.unlock();
    Status status = Status::Ok();
    if (!store) {
      auto opened = open_();
      if (opened) {
        store = std::move(*opened);
      } else {
        status = opened.error();
      }
    }
    if (store) status = store->log_turns(batch);
    if (!status.ok()) store.reset();  // a fresh connection next time
    batch.clear();
    guard.lock();
    if (!status.ok() && problem_.empty()) problem_ = "log: " + status.message();
    done_ = upto;
    written_.notify_all();
  }
  done_ = added_;
  written_.notify_all();
}

}  // namespace parley::bot
