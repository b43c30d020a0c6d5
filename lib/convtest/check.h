// Checking one turn's reply against its expectations, and the failure
// report a content writer reads.
#ifndef PARLEY_CONVTEST_CHECK_H_
#define PARLEY_CONVTEST_CHECK_H_

#include <string>
#include <vector>

#include "convtest/convtest.h"
#include "parley/reply.h"

namespace parley::convtest {

// One line per unmet expectation ("state: expected 'idle', got 'verifying'");
// empty when the reply meets them all.
std::vector<std::string> unmet_expectations(const TurnSpec& turn, const Reply& reply);

// A turn as it happened, for the transcript.
struct Exchange {
  std::string said;
  Reply reply;
};

// The report of a conversation that failed at `exchanges.back()` (the turn
// `turn_index` of `conversation`), with the reasons in `problems`.
std::string failure_report(const Conversation& conversation, size_t turn_index,
                           const std::vector<Exchange>& exchanges, const std::vector<std::string>& problems);

}  // namespace parley::convtest

#endif  // PARLEY_CONVTEST_CHECK_H_
