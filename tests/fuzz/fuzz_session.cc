// Fuzzes the session deserialiser: any bytes are parsed or refused with a
// message, and whatever parses survives serialize -> deserialize unchanged.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "dialogue/session.h"
#include "fuzz_util.h"

using namespace parley;

namespace {

bool same_number(double a, double b) {
  return (std::isnan(a) && std::isnan(b)) || a == b;
}

bool same(const dialogue::Session& a, const dialogue::Session& b) {
  if (a.transcript.size() != b.transcript.size()) return false;
  for (std::size_t i = 0; i < a.transcript.size(); ++i) {
    if (a.transcript[i].speaker != b.transcript[i].speaker ||
        a.transcript[i].text != b.transcript[i].text) {
      return false;
    }
  }
  return a.id == b.id && a.locale == b.locale && a.state == b.state && a.flow == b.flow &&
         a.pending_slot == b.pending_slot && a.retries == b.retries && a.slots == b.slots &&
         a.options == b.options && a.last_intent == b.last_intent && a.misses == b.misses &&
         a.failed_verifications == b.failed_verifications &&
         same_number(a.frustration, b.frustration) && a.customer_id == b.customer_id &&
         a.verified_orders == b.verified_orders && a.turns == b.turns;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto first = dialogue::deserialize(text);
  if (!first) {
    FUZZ_CHECK(first.error().code() == ErrorCode::kInvalidArgument);
    FUZZ_CHECK(!first.error().message().empty());
    return 0;
  }
  FUZZ_CHECK(first->transcript.size() <= dialogue::Session::kMaxTranscript);
  const std::string written = dialogue::serialize(*first);
  auto second = dialogue::deserialize(written);
  if (!second) {
    std::fprintf(stderr, "re-reading failed: %s\n--- written:\n%s\n", second.error().message().c_str(),
                 written.c_str());
  }
  FUZZ_CHECK(second.ok());
  if (!same(*first, *second)) {
    std::fprintf(stderr, "--- written:\n%s--- written again:\n%s", written.c_str(),
                 dialogue::serialize(*second).c_str());
  }
  FUZZ_CHECK(same(*first, *second));
  FUZZ_CHECK(dialogue::serialize(*second) == written);
  return 0;
}
