// `parley lint` (being written; see docs/cli.md).
#include <iostream>

#include "cli.h"

namespace parley::cli {

int lint_main(int, char**) {
  std::cerr << "parley lint: not available in this build yet\n";
  return kError;
}

}  // namespace parley::cli
