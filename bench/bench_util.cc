#include "bench_util.h"

#include <ctime>

#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <thread>

#ifndef PARLEY_BENCH_SOURCE_ROOT
#define PARLEY_BENCH_SOURCE_ROOT "."
#endif

namespace parley::bench {

namespace {
double cpu_seconds(clockid_t clock) {
  timespec t{};
  clock_gettime(clock, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}
}  // namespace

double thread_cpu_seconds() { return cpu_seconds(CLOCK_THREAD_CPUTIME_ID); }
double process_cpu_seconds() { return cpu_seconds(CLOCK_PROCESS_CPUTIME_ID); }
namespace {

long status_field_kib(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::string prefix = std::string(field) + ":";
  while (std::getline(in, line)) {
    if (line.rfind(prefix, 0) == 0) return std::atol(line.c_str() + prefix.size());
  }
  return 0;
}

}  // namespace

double median(std::vector<double> values) { return quantile(std::move(values), 0.5); }

double quantile(std::vector<double> values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const double rank = std::ceil(q * static_cast<double>(values.size()));
  const std::size_t index = rank < 1 ? 0 : static_cast<std::size_t>(rank) - 1;
  return values[std::min(index, values.size() - 1)];
}

long rss_kib() { return status_field_kib("VmRSS"); }
long peak_rss_kib() { return status_field_kib("VmHWM"); }

std::size_t heap_in_use() { return mallinfo2().uordblks; }

std::string machine() {
  std::ifstream in("/proc/cpuinfo");
  std::string line, model = "unknown CPU";
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) {
      model = line.substr(line.find(':') + 2);
      break;
    }
  }
  return std::to_string(std::thread::hardware_concurrency()) + " x " + model;
}

std::string source_root() {
  const char* root = std::getenv("PARLEY_SOURCE_ROOT");
  return root ? root : PARLEY_BENCH_SOURCE_ROOT;
}

void print_header(const char* title) {
  std::printf("== %s ==\nmachine: %s\n", title, machine().c_str());
#ifdef NDEBUG
  std::printf("build: NDEBUG (release)\n");
#else
  std::printf("build: assertions on (not a release build; figures are pessimistic)\n");
#endif
}

}  // namespace parley::bench
