// How the cost of a turn grows with the store: turns per second on demo
// stores of 1,000 to 1,000,000 random orders, and how long generating them
// takes.
//
//   build-bench/bench/bench_store_scale [max-orders] [seconds-per-run]
//
// max-orders defaults to 1000000 (about a minute of generation and ~1 GB in
// the temporary directory); pass 100000 for a quick look.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "bench_util.h"
#include "conversations.h"
#include "turn_driver.h"

using namespace parley;
using namespace parley::bench;

int main(int argc, char** argv) {
  const long max_orders = argc > 1 ? std::atol(argv[1]) : 1000000;
  const double run_seconds = argc > 2 ? std::atof(argv[2]) : 1.0;
  print_header("store scaling");
  std::printf("mix: the showcase conversations plus order-status conversations on 300 random "
              "orders spread over the table; 1 thread, log_turns=false and true\n");
  std::printf("%9s %9s %8s %8s %11s %9s %9s %12s\n", "orders", "customers", "gen s", "MB",
              "turns/s", "p50 us", "p99 us", "logged t/s");
  for (long orders = 1000; orders <= max_orders; orders *= 10) {
    TempDir dir;
    const std::string path = dir.file("demo.db");
    const int customers = static_cast<int>(std::max(50L, orders / 5));
    const double generated = make_demo_store(path, static_cast<int>(orders), customers);
    const double megabytes = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
    auto conversations = showcase_conversations();
    for (auto& c : random_order_conversations(path, 300)) conversations.push_back(std::move(c));

    auto bot = open_bot(path, false);
    const int missed = check_conversations(*bot, conversations);
    drive(*bot, conversations, "warm-", 1000, 3000, false);
    std::vector<double> rates, p50s, p99s;
    for (int run = 0; run < 3; ++run) {
      const TurnStats s = drive(*bot, conversations, "s-", 1000, static_cast<size_t>(run_seconds * 20000), true);
      rates.push_back(static_cast<double>(s.turns) / s.seconds);
      p50s.push_back(quantile(s.latency_us, 0.5));
      p99s.push_back(quantile(s.latency_us, 0.99));
    }
    bot.reset();
    auto logged_bot = open_bot(path, true);
    std::vector<double> logged;
    for (int run = 0; run < 3; ++run) {
      const TurnStats s = drive(*logged_bot, conversations, "l-", 1000, 2000, false);
      logged.push_back(static_cast<double>(s.turns) / s.seconds);
    }
    std::printf("%9ld %9d %8.1f %8.0f %11.0f %9.1f %9.1f %12.0f%s\n", orders, customers, generated,
                megabytes, median(rates), median(p50s), median(p99s), median(logged),
                missed ? "  (some replies off script)" : "");
    std::fflush(stdout);
  }
  std::printf("(turns/s, p50, p99: median of 3 runs; 'logged t/s': log_turns=true, median of 3)\n");
  return 0;
}
