// A fresh store in a private temporary directory, with helpers that write
// the rows the bot writes (turns, handoffs, feedback) at given UTC times.
#ifndef PARLEY_TESTS_REPORT_FIXTURE_H_
#define PARLEY_TESTS_REPORT_FIXTURE_H_

#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "store/dates.h"
#include "store/store.h"

namespace parley::report::testing {

class StoreFixture {
 public:
  StoreFixture() {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("parley-report-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "shop.db").string();
    auto store = store::Store::open(path_);
    REQUIRE_MESSAGE(store, store.error().message());
    store_ = std::move(*store);
  }
  ~StoreFixture() {
    store_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  const std::string& path() const { return path_; }
  const std::filesystem::path& dir() const { return dir_; }
  store::Store& store() { return *store_; }
  // Closes the writer (SQLite then removes the -wal and -shm files).
  void close() { store_.reset(); }

  // "2026-11-20T10:00:00Z" -> Timestamp; fails the test on a typo.
  static store::Timestamp at(const std::string& text) {
    auto t = store::parse_timestamp(text);
    REQUIRE_MESSAGE(t, "bad timestamp in test: " << text);
    return *t;
  }

  void turn(const std::string& when, const std::string& session, const std::string& text,
            const std::string& intent, const std::string& outcome) {
    store::TurnRecord t;
    t.at = at(when);
    t.session = session;
    t.locale = "en";
    t.text_redacted = text;
    t.intent = intent;
    t.confidence = 0.9;
    t.state = "idle";
    t.outcome = outcome;
    const Status s = store_->log_turn(t);
    REQUIRE_MESSAGE(s.ok(), s.message());
  }

  void handoff(const std::string& when, const std::string& session, const std::string& reason) {
    store::HandoffRecord h;
    h.session = session;
    h.reason = reason;
    h.created_at = at(when);
    h.payload_json = "{\"reason\":\"" + reason + "\"}";
    auto id = store_->record_handoff(h);
    REQUIRE_MESSAGE(id, id.error().message());
  }

  void feedback(const std::string& when, const std::string& session, const std::string& intent,
                bool helpful, std::optional<std::string> comment = std::nullopt) {
    store::FeedbackRecord f;
    f.session = session;
    f.intent = intent;
    f.outcome = "answered";
    f.helpful = helpful;
    f.comment = std::move(comment);
    f.created_at = at(when);
    const Status s = store_->record_feedback(f);
    REQUIRE_MESSAGE(s.ok(), s.message());
  }

 private:
  std::filesystem::path dir_;
  std::string path_;
  std::unique_ptr<store::Store> store_;
};

}  // namespace parley::report::testing

#endif  // PARLEY_TESTS_REPORT_FIXTURE_H_
