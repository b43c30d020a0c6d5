// Small helpers shared by the benchmarks: timing, order statistics, memory
// and machine facts. Benchmarks time themselves with steady_clock and report
// medians, because the machines they run on are shared and noisy.
#ifndef PARLEY_BENCH_BENCH_UTIL_H_
#define PARLEY_BENCH_BENCH_UTIL_H_

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace parley::bench {

using SteadyClock = std::chrono::steady_clock;

// Seconds elapsed since `start`.
inline double seconds_since(SteadyClock::time_point start) {
  return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

// CPU time this thread / this process has used, in seconds. On a shared,
// loaded machine these count only the work done, not the waiting for a core.
double thread_cpu_seconds();
double process_cpu_seconds();

// The median of `values` (0 when empty); takes a copy to sort.
double median(std::vector<double> values);
// The q-quantile (0..1, nearest rank) of `values` (0 when empty).
double quantile(std::vector<double> values, double q);

// VmRSS / VmHWM of this process from /proc/self/status, in KiB (0 if unknown).
long rss_kib();
long peak_rss_kib();
// Heap bytes malloc has handed out and not had back (mallinfo2).
std::size_t heap_in_use();

// "2 x AMD EPYC ..." from nproc and /proc/cpuinfo.
std::string machine();

// The source tree: $PARLEY_SOURCE_ROOT, else the root this was built from.
std::string source_root();

// Prints "name: value" lines in one format so docs/performance.md can quote them.
void print_header(const char* title);

}  // namespace parley::bench

#endif  // PARLEY_BENCH_BENCH_UTIL_H_
