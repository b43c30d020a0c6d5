// Fuzzes IntentMatcher::match over the bundled English pack with arbitrary
// messages in every dialogue context, and the explanation of the result.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_util.h"

using namespace parley;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto& m = fuzz::english();
  matcher::MatchContext context;
  std::string_view message(reinterpret_cast<const char*>(data), size);
  if (size > 0) {  // the first byte picks the context
    context.question_pending = data[0] & 1;
    context.slot_pending = data[0] & 2;
    message.remove_prefix(1);
  }
  const matcher::MatchResult r = m.match(message, context);
  FUZZ_CHECK(r.ranked.size() <= matcher::IntentMatcher::kMaxCandidates);
  for (std::size_t i = 0; i < r.ranked.size(); ++i) {
    const auto& s = r.ranked[i];
    FUZZ_CHECK(s.intent >= 0 && static_cast<std::size_t>(s.intent) < m.intents().size());
    FUZZ_CHECK(std::isfinite(s.confidence));
    FUZZ_CHECK(s.confidence > 0.0 && s.confidence <= 1.0);
    // Best first by confidence, except that the top two, when within the
    // ambiguity margin, are ordered by priority.
    if (i >= 2) FUZZ_CHECK(s.confidence <= std::min(r.ranked[0].confidence, r.ranked[i - 1].confidence));
  }
  if (r.ranked.size() >= 2 && r.ranked[0].confidence < r.ranked[1].confidence) {
    FUZZ_CHECK(r.decision == matcher::Decision::kIntent);
    FUZZ_CHECK(m.intents()[static_cast<std::size_t>(r.ranked[0].intent)].priority >
               m.intents()[static_cast<std::size_t>(r.ranked[1].intent)].priority);
  }
  if (r.decision != matcher::Decision::kFallback) FUZZ_CHECK(r.best() != nullptr);
  for (const auto& [name, value] : r.captures) FUZZ_CHECK(!name.empty());
  for (const auto& line : m.explain(r)) FUZZ_CHECK(fuzz::valid_utf8(line));
  return 0;
}
