#include "report/report.h"

namespace parley::report {
namespace {

double fraction(std::int64_t part, std::int64_t whole) {
  return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

}  // namespace

double Report::containment_rate() const {
  return fraction(conversations - escalated_conversations, conversations);
}
double Report::escalation_rate() const { return fraction(escalated_conversations, conversations); }
double Report::fallback_rate() const { return fraction(fallback_turns, turns); }
double Report::clarification_rate() const { return fraction(clarified_turns, turns); }
double Report::helpful_rate() const { return fraction(feedback_helpful, feedback_responses); }

}  // namespace parley::report
