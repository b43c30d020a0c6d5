#include "turn_driver.h"

#include <unistd.h>

#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <thread>

#include "bench_util.h"
#include "store/store.h"

namespace parley::bench {
namespace {

// CPU time of the calling thread: unlike the wall clock, it does not count
// the time the thread waited for a core on a busy machine (nor for the disk).
double thread_cpu_us() {
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e6 + static_cast<double>(t.tv_nsec) / 1e3;
}

}  // namespace

std::chrono::system_clock::time_point bench_now() {
  return std::chrono::sys_days{store::DemoOptions{}.today} + std::chrono::hours(10);
}

TempDir::TempDir() {
  static int counter = 0;
  path_ = std::filesystem::temp_directory_path() /
          ("parley-bench-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

double make_demo_store(const std::string& path, int orders, int customers) {
  auto store = store::Store::open(path);
  if (!store) {
    std::fprintf(stderr, "bench: %s\n", store.error().message().c_str());
    std::exit(1);
  }
  store::DemoOptions demo;
  demo.orders = orders;
  demo.customers = customers;
  const auto start = SteadyClock::now();
  if (Status s = store::generate_demo_store(**store, demo); !s.ok()) {
    std::fprintf(stderr, "bench: %s\n", s.message().c_str());
    std::exit(1);
  }
  return seconds_since(start);
}

std::unique_ptr<Bot> open_bot(const std::string& path, bool log_turns, bool trace) {
  BotOptions options;
  options.intents = source_root() + "/intents";
  options.store = path;
  options.locale = "en";
  options.log_turns = log_turns;
  options.trace = trace;
  const auto at = bench_now();
  options.clock = [at] { return at; };
  auto bot = Bot::open(options);
  if (!bot) {
    std::fprintf(stderr, "bench: %s\n", bot.error().message().c_str());
    std::exit(1);
  }
  return std::make_unique<Bot>(std::move(*bot));
}

int check_conversations(Bot& bot, const std::vector<Conversation>& conversations) {
  int missed = 0, n = 0;
  for (const auto& c : conversations) {
    const std::string session = "check-" + std::to_string(n++);
    for (const auto& step : c.steps) {
      const Reply r = bot.respond(session, step.message);
      const bool intent_ok = step.intent.empty() || r.intent == step.intent;
      const bool text_ok = step.text.empty() || r.text.find(step.text) != std::string::npos;
      if (!intent_ok || !text_ok) {
        ++missed;
        std::printf("  note: [%s] \"%s\" -> %s (%s): \"%.80s\"\n", c.name.c_str(),
                    step.message.c_str(), r.intent.c_str(), r.state.c_str(), r.text.c_str());
      }
    }
    bot.reset(session);
  }
  return missed;
}

TurnStats drive(Bot& bot, const std::vector<Conversation>& conversations, const std::string& prefix,
                std::size_t sessions, std::size_t turns, bool timed) {
  TurnStats stats;
  if (timed) {
    stats.latency_us.reserve(turns + 16);
    stats.cpu_us.reserve(turns + 16);
  }
  std::size_t conversation = 0, session = 0, sink = 0;
  const auto start = SteadyClock::now();
  while (stats.turns < turns) {
    const Conversation& c = conversations[conversation++ % conversations.size()];
    const std::string id = prefix + std::to_string(session++ % sessions);
    bot.reset(id);
    for (const auto& step : c.steps) {
      if (timed) {
        const double c0 = thread_cpu_us();
        const auto t0 = SteadyClock::now();
        sink += bot.respond(id, step.message).text.size();
        stats.latency_us.push_back(seconds_since(t0) * 1e6);
        stats.cpu_us.push_back(thread_cpu_us() - c0);
      } else {
        sink += bot.respond(id, step.message).text.size();
      }
    }
    stats.turns += c.steps.size();
  }
  stats.seconds = seconds_since(start);
  if (sink == 0) std::puts("(no reply text?)");
  return stats;
}

double drive_threads(Bot& bot, const std::vector<Conversation>& conversations, int threads,
                     std::size_t turns_each) {
  std::vector<std::thread> workers;
  std::vector<std::size_t> done(static_cast<std::size_t>(threads));
  const auto start = SteadyClock::now();
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      done[static_cast<std::size_t>(t)] =
          drive(bot, conversations, "t" + std::to_string(t) + "-", 1000, turns_each, false).turns;
    });
  }
  for (auto& w : workers) w.join();
  const double seconds = seconds_since(start);
  std::size_t total = 0;
  for (auto d : done) total += d;
  return static_cast<double>(total) / seconds;
}

double drive_bots_apart(Bot& first, Bot& second, const std::vector<Conversation>& conversations,
                        std::size_t turns_each) {
  std::size_t done[2] = {0, 0};
  const auto start = SteadyClock::now();
  std::thread a([&] { done[0] = drive(first, conversations, "a-", 1000, turns_each, false).turns; });
  std::thread b([&] { done[1] = drive(second, conversations, "b-", 1000, turns_each, false).turns; });
  a.join();
  b.join();
  return static_cast<double>(done[0] + done[1]) / seconds_since(start);
}

}  // namespace parley::bench
