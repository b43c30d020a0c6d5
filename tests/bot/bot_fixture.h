// A Bot on the bundled English intents and a fresh demo store, on a fixed day.
#ifndef PARLEY_TESTS_BOT_FIXTURE_H_
#define PARLEY_TESTS_BOT_FIXTURE_H_

#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "parley/bot.h"
#include "store/demo.h"
#include "store/store.h"

namespace parley::testing {

inline std::string source_root() {
  const char* root = std::getenv("PARLEY_SOURCE_ROOT");
  return root ? root : ".";
}

// 2026-11-24, a Tuesday.
inline std::chrono::year_month_day test_day() {
  return std::chrono::year{2026} / std::chrono::November / 24;
}

class BotFixture {
 public:
  explicit BotFixture(int orders = 50, int customers = 10) {
    static int counter = 0;
    dir_ = std::filesystem::temp_directory_path() /
           ("parley-bot-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    store_path_ = (dir_ / "shop.db").string();
    {
      auto store = store::Store::open(store_path_);
      REQUIRE_MESSAGE(store, store.error().message());
      store::DemoOptions demo;
      demo.today = test_day();
      demo.orders = orders;
      demo.customers = customers;
      Status s = store::generate_demo_store(**store, demo);
      REQUIRE_MESSAGE(s.ok(), s.message());
    }
    BotOptions options;
    options.intents = source_root() + "/intents";
    options.store = store_path_;
    options.locale = "en";
    const auto at = std::chrono::sys_days{test_day()} + std::chrono::hours(10);
    options.clock = [at] { return std::chrono::system_clock::time_point(at); };
    auto bot = Bot::open(options);
    REQUIRE_MESSAGE(bot, bot.error().message());
    bot_ = std::make_unique<Bot>(std::move(*bot));
  }
  ~BotFixture() {
    bot_.reset();
    std::filesystem::remove_all(dir_);
  }

  Bot& bot() { return *bot_; }
  const std::string& store_path() const { return store_path_; }
  const std::filesystem::path& dir() const { return dir_; }

  // A second connection to the store, to check what the bot wrote.
  std::unique_ptr<store::Store> open_store() const {
    auto store = store::Store::open(store_path_);
    REQUIRE_MESSAGE(store, store.error().message());
    return std::move(*store);
  }

 private:
  std::filesystem::path dir_;
  std::string store_path_;
  std::unique_ptr<Bot> bot_;
};

inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace parley::testing

#endif  // PARLEY_TESTS_BOT_FIXTURE_H_
