// `parley test` (being written; see docs/cli.md).
#include <iostream>

#include "cli.h"

namespace parley::cli {

int test_main(int, char**) {
  std::cerr << "parley test: not available in this build yet\n";
  return kError;
}

}  // namespace parley::cli
