#include "store/records.h"

#include <array>
#include <cstddef>

namespace parley::store {
namespace {

template <typename E, std::size_t N>
bool parse(std::string_view text, const std::array<std::string_view, N>& names,
           E* out) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == text) {
      *out = static_cast<E>(i);
      return true;
    }
  }
  return false;
}

// Indexed by the enumerator's value; order must match records.h.
constexpr std::array<std::string_view, 6> kOrderStatus = {
    "pending", "processing", "shipped", "partially_shipped", "delivered",
    "cancelled"};
constexpr std::array<std::string_view, 6> kShipmentStatus = {
    "label_created", "in_transit", "out_for_delivery", "delivered", "lost",
    "returned_to_sender"};
constexpr std::array<std::string_view, 3> kReturnKind = {"refund", "exchange",
                                                         "replacement"};
constexpr std::array<std::string_view, 6> kReturnStatus = {
    "requested", "label_sent", "in_transit", "received", "refunded",
    "rejected"};
constexpr std::array<std::string_view, 4> kRefundStatus = {
    "pending", "processing", "completed", "failed"};
constexpr std::array<std::string_view, 6> kEligibility = {
    "eligible",       "order_cancelled", "not_delivered",
    "not_returnable", "window_closed",   "already_open"};

}  // namespace

std::string_view to_string(OrderStatus s) { return kOrderStatus[static_cast<std::size_t>(s)]; }
std::string_view to_string(ShipmentStatus s) { return kShipmentStatus[static_cast<std::size_t>(s)]; }
std::string_view to_string(ReturnKind k) { return kReturnKind[static_cast<std::size_t>(k)]; }
std::string_view to_string(ReturnStatus s) { return kReturnStatus[static_cast<std::size_t>(s)]; }
std::string_view to_string(RefundStatus s) { return kRefundStatus[static_cast<std::size_t>(s)]; }
std::string_view to_string(ReturnEligibility e) { return kEligibility[static_cast<std::size_t>(e)]; }

bool from_string(std::string_view t, OrderStatus* out) { return parse(t, kOrderStatus, out); }
bool from_string(std::string_view t, ShipmentStatus* out) { return parse(t, kShipmentStatus, out); }
bool from_string(std::string_view t, ReturnKind* out) { return parse(t, kReturnKind, out); }
bool from_string(std::string_view t, ReturnStatus* out) { return parse(t, kReturnStatus, out); }
bool from_string(std::string_view t, RefundStatus* out) { return parse(t, kRefundStatus, out); }

bool is_open(ReturnStatus status) {
  return status != ReturnStatus::kRefunded && status != ReturnStatus::kRejected;
}

}  // namespace parley::store
