// Matcher throughput, latency, load time and the cost curve as the pack grows.
//
//   build-bench/bench/bench_matcher [seconds-per-run]
//   build-bench/bench/bench_matcher --passes N [--pairs] [--intents K] [--half warm|both]
//       N passes over the corpus (or over the joined pairs, ~60 bytes), with the
//       English pack (or the synthetic pack of K intents), nothing else: for profilers.
//       --half warm first matches every other message once (the warm half);
//       --half both then the rest once: "both" minus "warm" (with N = 0) is the
//       cost of messages seen for the first time by a matcher warmed on others.
//
// Targets (issue "matcher performance"): one thread classifies at least
// 200,000 messages/s of median length ~60 bytes; loading and compiling the
// English pack takes under 50 ms; the cost per message stays flat from 40 to
// 400 intents.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "bench_util.h"
#include "corpus.h"
#include "intents/loader.h"
#include "intents/pack_cache.h"
#include "matcher/matcher.h"
#include "synthetic_pack.h"

using namespace parley;
using namespace parley::bench;

namespace {

constexpr int kRuns = 5;

std::shared_ptr<const matcher::IntentMatcher> compile_or_die(intents::Pack pack,
                                                             const std::string& rule_memo = {}) {
  std::vector<intents::Diagnostic> diagnostics;
  auto m = matcher::IntentMatcher::compile(std::move(pack), diagnostics, rule_memo);
  if (!m) {
    std::fprintf(stderr, "bench_matcher: pack does not compile:\n%s\n",
                 intents::format_all(diagnostics).c_str());
    std::exit(1);
  }
  return m;
}

// From the YAML, or through the pack cache in `cache_directory` (if given).
intents::Pack load_or_die(const std::string& directory, const std::string& cache_directory = {}) {
  std::vector<intents::Diagnostic> diagnostics;
  intents::Pack pack = intents::load_pack_cached(directory, cache_directory, diagnostics);
  if (intents::has_errors(diagnostics)) {
    std::fprintf(stderr, "bench_matcher: %s\n", intents::format_all(diagnostics).c_str());
    std::exit(1);
  }
  return pack;
}

// What a message was classified as: an intent id, "fallback" or "ambiguous".
std::string outcome(const matcher::IntentMatcher& m, const matcher::MatchResult& r) {
  if (r.decision != matcher::Decision::kIntent) return matcher::decision_name(r.decision);
  return m.intents()[static_cast<size_t>(r.best()->intent)].id;
}

// Messages per second over whole passes of `messages`, for about `seconds`
// of wall time; `per_cpu_second`, if given, gets messages per second of
// this thread's CPU time (immune to waiting for a core on a busy machine).
// With `repeat` > 1 each message is matched that many times in a row: the
// same work, with the caches (and branch history) warm for that message.
double throughput(const matcher::IntentMatcher& m, const std::vector<std::string>& messages,
                  double seconds, double* per_cpu_second = nullptr, int repeat = 1) {
  size_t done = 0, sink = 0;
  const auto start = SteadyClock::now();
  const double cpu_start = thread_cpu_seconds();
  double elapsed = 0;
  do {
    for (const auto& message : messages) {
      for (int r = 0; r < repeat; ++r) sink += m.match(message, {}).ranked.size();
    }
    done += messages.size() * static_cast<size_t>(repeat);
    elapsed = seconds_since(start);
  } while (elapsed < seconds);
  if (per_cpu_second) *per_cpu_second = static_cast<double>(done) / (thread_cpu_seconds() - cpu_start);
  if (sink == static_cast<size_t>(-1)) std::puts("");  // keeps the work observable
  return static_cast<double>(done) / elapsed;
}

// Per-message latencies (microseconds) of `passes` passes over `messages`.
std::vector<double> latencies(const matcher::IntentMatcher& m,
                              const std::vector<std::string>& messages, int passes) {
  std::vector<double> out;
  out.reserve(messages.size() * static_cast<size_t>(passes));
  size_t sink = 0;
  for (int p = 0; p < passes; ++p) {
    for (const auto& message : messages) {
      const auto start = SteadyClock::now();
      sink += m.match(message, {}).ranked.size();
      out.push_back(seconds_since(start) * 1e6);
    }
  }
  if (sink == static_cast<size_t>(-1)) std::puts("");
  return out;
}

double median_length(const std::vector<std::string>& messages) {
  std::vector<double> lengths;
  for (const auto& m : messages) lengths.push_back(static_cast<double>(m.size()));
  return median(lengths);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string root = source_root();
  const std::string pack_dir = root + "/intents/en";
  const Corpus corpus = load_corpus(root);
  const std::vector<std::string> all = corpus.all();
  // The figure assumes ~60-byte messages; ours are shorter. Two
  // corpus messages joined make a corpus of about that length.
  std::vector<std::string> pairs;
  for (size_t i = 0; i + 1 < all.size(); i += 2) pairs.push_back(all[i] + ". " + all[i + 1]);
  if (argc > 2 && std::string(argv[1]) == "--passes") {  // for profilers: match, nothing else
    bool joined = false;
    std::size_t intents = 0;
    std::string half;  // "warm": even-index messages; "both": then the odd ones once
    for (int a = 3; a < argc; ++a) {
      if (std::string(argv[a]) == "--pairs") joined = true;
      if (std::string(argv[a]) == "--intents" && a + 1 < argc) intents = std::strtoul(argv[++a], nullptr, 10);
      if (std::string(argv[a]) == "--half" && a + 1 < argc) half = argv[++a];
    }
    const intents::Pack english = load_or_die(pack_dir);
    const auto m = compile_or_die(intents > 0 ? grow_pack(english, intents) : english);
    size_t sink = 0;
    const auto& messages = joined ? pairs : all;
    if (!half.empty()) {
      for (size_t i = 0; i < messages.size(); i += 2) sink += m->match(messages[i], {}).ranked.size();
      if (half == "both")
        for (size_t i = 1; i < messages.size(); i += 2) sink += m->match(messages[i], {}).ranked.size();
    }
    for (int p = std::atoi(argv[2]); p > 0; --p) {
      for (const auto& message : messages) sink += m->match(message, {}).ranked.size();
    }
    std::printf("%zu messages per pass, %zu candidates\n", messages.size(), sink);
    return 0;
  }
  const double run_seconds = argc > 1 ? std::atof(argv[1]) : 0.5;
  print_header("matcher");
  std::printf("corpus: %zu held-out + out-of-domain messages (median %.0f bytes), %zu typo'd copies "
              "(median %.0f bytes); %zu in all (median %.0f bytes)\n",
              corpus.clean.size(), median_length(corpus.clean), corpus.typoed.size(),
              median_length(corpus.typoed), all.size(), median_length(all));

  // Load and compile, cold files aside (the first round warms the page
  // cache): from the YAML, and from the binary pack cache a Bot with
  // BotOptions::cache_directory (and the REPL) loads on a later start or
  // reload of unchanged content.
  auto time_load_and_compile = [&](const char* what, auto load, const std::string& rule_memo = {}) {
    std::vector<double> load_ms, compile_ms, total_ms, cpu_ms;
    for (int run = 0; run <= kRuns; ++run) {
      const auto start = SteadyClock::now();
      const double cpu_start = process_cpu_seconds();
      intents::Pack pack = load();
      const double loaded = seconds_since(start);
      auto m = compile_or_die(std::move(pack), rule_memo);
      const double total = seconds_since(start);
      if (run == 0) continue;
      load_ms.push_back(loaded * 1e3);
      compile_ms.push_back((total - loaded) * 1e3);
      total_ms.push_back(total * 1e3);
      cpu_ms.push_back((process_cpu_seconds() - cpu_start) * 1e3);
    }
    std::printf("load+compile English pack%s: %.1f ms (load %.1f ms, compile %.1f ms; CPU time %.1f ms), "
                "median of %d  [target < 50 ms]\n",
                what, median(total_ms), median(load_ms), median(compile_ms), median(cpu_ms), kRuns);
  };
  time_load_and_compile("", [&] { return load_or_die(pack_dir); });
  {
    char cache_template[] = "/tmp/parley-bench-cache-XXXXXX";
    if (const char* cache_dir = mkdtemp(cache_template)) {
      // Run 0 writes the caches. The second: a reload after an edit, which
      // reads the YAML again but finds most rules in the memo.
      const std::string rule_memo = intents::rule_memo_file(pack_dir, cache_dir);
      time_load_and_compile(" from the pack cache", [&] { return load_or_die(pack_dir, cache_dir); }, rule_memo);
      time_load_and_compile(" from the YAML, rules memoised", [&] { return load_or_die(pack_dir); }, rule_memo);
      std::filesystem::remove_all(cache_dir);
    }
  }

  const auto english = compile_or_die(load_or_die(pack_dir));
  const intents::Pack base = english->pack();
  std::printf("English pack: %zu intents, vocabulary %zu words\n", english->intents().size(),
              english->normalizer().vocabulary().size());

  {
    // Messages never seen before. RE2 builds DFA states lazily and caches
    // them, so repeated passes over one corpus measure a warm cache; real
    // traffic keeps bringing new texts. A fresh matcher is warmed on every
    // other message of the corpus, then each of the rest is timed once.
    std::vector<double> first_rates, first_p50, first_p99, cold_ms;
    for (int run = 0; run < kRuns; ++run) {
      const auto fresh = compile_or_die(load_or_die(pack_dir));
      std::vector<std::string> warm, unseen;
      for (size_t i = 0; i < all.size(); ++i) (i % 2 ? unseen : warm).push_back(all[i]);
      auto start = SteadyClock::now();
      fresh->match(warm.front(), {});
      cold_ms.push_back(seconds_since(start) * 1e3);
      for (const auto& message : warm) fresh->match(message, {});
      const auto lat = latencies(*fresh, unseen, 1);
      double sum = 0;
      for (double l : lat) sum += l;
      first_rates.push_back(static_cast<double>(lat.size()) / (sum / 1e6));
      first_p50.push_back(quantile(lat, 0.5));
      first_p99.push_back(quantile(lat, 0.99));
    }
    std::printf("first message of a fresh matcher: %.2f ms; messages seen for the first time "
                "(after %zu others): %.0f msgs/s, p50 %.2f us, p99 %.2f us, median of %d\n",
                median(cold_ms), all.size() / 2, median(first_rates), median(first_p50),
                median(first_p99), kRuns);
  }

  throughput(*english, all, 0.2);  // warm-up
  std::vector<double> rates, cpu_rates, clean_rates, typo_rates;
  for (int run = 0; run < kRuns; ++run) {
    double per_cpu = 0;
    rates.push_back(throughput(*english, all, run_seconds, &per_cpu));
    cpu_rates.push_back(per_cpu);
    clean_rates.push_back(throughput(*english, corpus.clean, run_seconds / 2));
    typo_rates.push_back(throughput(*english, corpus.typoed, run_seconds / 2));
  }
  std::printf("throughput, 1 thread: %.0f msgs/s (clean %.0f, typo'd %.0f; per CPU-second %.0f), "
              "median of %d  [target >= 200000]\n",
              median(rates), median(clean_rates), median(typo_rates), median(cpu_rates), kRuns);
  std::vector<double> pair_rates, pair_cpu_rates;
  for (int run = 0; run < kRuns; ++run) {
    double per_cpu = 0;
    pair_rates.push_back(throughput(*english, pairs, run_seconds / 2, &per_cpu));
    pair_cpu_rates.push_back(per_cpu);
  }
  std::printf("throughput on joined pairs (median %.0f bytes): %.0f msgs/s (per CPU-second %.0f), "
              "median of %d\n",
              median_length(pairs), median(pair_rates), median(pair_cpu_rates), kRuns);
  // The same messages, each matched 8 times in a row: the instructions are
  // the same, so the difference is what a message costs in waiting for data
  // (and branch outcomes) the message before did not leave warm.
  std::vector<double> repeated_rates;
  for (int run = 0; run < kRuns; ++run) {
    double per_cpu = 0;
    repeated_rates.push_back(throughput(*english, pairs, run_seconds / 2, &per_cpu, 8));
  }
  std::printf("  the same, each message matched 8 times in a row: %.0f msgs/s (its own work; the "
              "other %.0f%% of a message's time is finding caches and branch predictors cold)\n",
              median(repeated_rates), 100.0 * (1.0 - median(pair_rates) / median(repeated_rates)));
  std::vector<double> p50s, p99s;
  for (int run = 0; run < kRuns; ++run) {
    const auto lat = latencies(*english, all, 1);
    p50s.push_back(quantile(lat, 0.5));
    p99s.push_back(quantile(lat, 0.99));
  }
  std::printf("latency per message: p50 %.2f us, p99 %.2f us (median of %d passes)\n",
              median(p50s), median(p99s), kRuns);

  // A control for the Bot's thread scaling: the matcher alone is immutable
  // and lock-free, so 2 threads show what this machine allows right now.
  std::vector<double> one_thread, two_threads;
  for (int run = 0; run < 3; ++run) {
    one_thread.push_back(throughput(*english, all, run_seconds / 2));
    double rates_sum = 0;
    std::vector<std::thread> workers;
    std::vector<double> thread_rates(2);
    for (int t = 0; t < 2; ++t) {
      workers.emplace_back([&, t] { thread_rates[t] = throughput(*english, all, run_seconds / 2); });
    }
    for (auto& w : workers) w.join();
    for (double r : thread_rates) rates_sum += r;
    two_threads.push_back(rates_sum);
  }
  std::printf("matcher alone, 2 threads: %.0f msgs/s vs 1 thread %.0f: %.2fx (machine control for "
              "thread scaling)\n",
              median(two_threads), median(one_thread), median(two_threads) / median(one_thread));

  // The curve: the same corpus against packs of growing size.
  std::vector<std::string> reference;
  for (const auto& message : all) reference.push_back(outcome(*english, english->match(message, {})));
  std::printf("\nscaling (synthetic packs: English intents cloned with their words suffixed)\n");
  std::printf("%8s %10s %11s %12s %10s %10s %10s\n", "intents", "vocab", "compile ms", "msgs/s",
              "p50 us", "p99 us", "same as en");
  for (size_t size : {size_t{40}, size_t{100}, size_t{200}, size_t{400}}) {
    intents::Pack grown = grow_pack(base, size);
    const auto start = SteadyClock::now();
    const auto m = compile_or_die(std::move(grown));
    const double compile = seconds_since(start) * 1e3;
    size_t same = 0;
    for (size_t i = 0; i < all.size(); ++i) same += outcome(*m, m->match(all[i], {})) == reference[i];
    std::vector<double> size_rates, size_p50, size_p99;
    for (int run = 0; run < 3; ++run) {
      size_rates.push_back(throughput(*m, all, run_seconds / 2));
      const auto lat = latencies(*m, all, 1);
      size_p50.push_back(quantile(lat, 0.5));
      size_p99.push_back(quantile(lat, 0.99));
    }
    std::printf("%8zu %10zu %11.1f %12.0f %10.2f %10.2f %9.1f%%\n", m->intents().size(),
                m->normalizer().vocabulary().size(), compile, median(size_rates), median(size_p50),
                median(size_p99), 100.0 * static_cast<double>(same) / static_cast<double>(all.size()));
  }
  std::printf("(msgs/s: median of 3 runs; 'same as en': messages classified as by the English "
              "pack, a check that clones do not capture real traffic)\n");
  return 0;
}
