// Fuzzes the content loader and compiler: the input is written as the only
// file of a locale folder and loaded; a pack that loads without error is
// compiled (matcher and renderer) and, if that succeeds too, asked one
// question. Malformed content must be reported as diagnostics with a
// location, never thrown or crashed on.
#include <cstddef>
#include <cstdint>
#include <fstream>

#include "dialogue/renderer.h"
#include "fuzz_util.h"

using namespace parley;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto dir = fuzz::scratch_directory() / "xx";
  std::filesystem::create_directories(dir);
  {
    std::ofstream out(dir / "content.yaml", std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  std::vector<intents::Diagnostic> diagnostics;
  intents::Pack pack = intents::load_pack(dir.string(), diagnostics);
  for (const auto& d : diagnostics) {
    FUZZ_CHECK(!d.message.empty());
    FUZZ_CHECK(!d.where.file.empty());
  }
  if (intents::has_errors(diagnostics)) return 0;

  dialogue::Renderer renderer(pack, diagnostics);
  auto compiled = matcher::IntentMatcher::compile(std::move(pack), diagnostics);
  if (!compiled) {
    FUZZ_CHECK(intents::has_errors(diagnostics));
    return 0;
  }
  const auto r = compiled->match("where is my order 112-4839201-5561234", {});
  (void)compiled->explain(r);
  for (const auto& [key, def] : compiled->pack().responses) {
    (void)renderer.render(key, {{"name", std::string("x")}, {"count", std::int64_t{2}}}, 1);
  }
  return 0;
}
