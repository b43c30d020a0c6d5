// Times generate_demo_store: store_demo_timing FILE ORDERS [CUSTOMERS].
// FILE must not exist. Prints the wall time of the generation alone.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "store/demo.h"
#include "store/store.h"

int main(int argc, char** argv) {
  using namespace parley::store;
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s FILE ORDERS [CUSTOMERS]\n", argv[0]);
    return 2;
  }
  const std::string path = argv[1];
  if (std::filesystem::exists(path)) {
    std::fprintf(stderr, "%s exists; give a new file\n", path.c_str());
    return 2;
  }
  DemoOptions options;
  options.orders = std::atoi(argv[2]);
  options.customers = argc > 3 ? std::atoi(argv[3]) : std::max(50, options.orders / 5);
  auto store = Store::open(path, {});
  if (!store) {
    std::fprintf(stderr, "%s\n", store.error().message().c_str());
    return 1;
  }
  const auto start = std::chrono::steady_clock::now();
  const parley::Status status = generate_demo_store(**store, options);
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!status.ok()) {
    std::fprintf(stderr, "%s\n", status.message().c_str());
    return 1;
  }
  std::printf("%d orders, %d customers: %.2f s\n", options.orders, options.customers,
              seconds);
  return 0;
}
