// Demo generator: the tracking events a shipment's status implies.
#include <string>

#include "store/dates.h"
#include "store/demo_internal.h"

namespace parley::store::demo {
namespace {

constexpr std::string_view kWarehouse = "Northwind Outfitters warehouse, Daventry";

std::string_view hub_of(std::string_view carrier) {
  if (carrier == "Royal Mail") return "Royal Mail Midlands Super Hub";
  if (carrier == "DPD") return "DPD Hinckley Hub";
  if (carrier == "Evri") return "Evri National Hub, Barton-under-Needwood";
  return "DHL Hub, East Midlands Airport";
}

}  // namespace

std::int64_t write_shipment(Writer& w, const Shipment& s, Date placed_on,
                            std::string_view city, Date today,
                            std::uint64_t jitter) {
  const std::int64_t id = w.shipment(s);
  const int m = static_cast<int>(jitter % 50);  // minutes, so events differ
  const std::string local = std::string(city) + " delivery office";
  const std::string_view hub = hub_of(s.carrier);
  auto on_or_before_today = [&](Date d) {
    return std::chrono::sys_days(d) <= std::chrono::sys_days(today);
  };

  if (!s.shipped_on) {
    w.event(id, at(placed_on, 20, m), kWarehouse,
            "Label created: we're getting your parcel ready");
    return id;
  }
  const Date shipped = *s.shipped_on;
  w.event(id, at(shipped, 9, m), kWarehouse,
          "Label created: we're getting your parcel ready");
  w.event(id, at(shipped, 17, 5 + m), kWarehouse,
          "Collected by " + s.carrier);
  const Date sorted = add_days(shipped, 1);
  if (on_or_before_today(sorted)) {
    w.event(id, at(sorted, 2, 10 + m), hub, "Arrived at the sorting hub");
  }

  switch (s.status) {
    case ShipmentStatus::kLabelCreated:
    case ShipmentStatus::kInTransit:
      if (s.estimated_date && !on_or_before_today(*s.estimated_date)) break;
      if (s.estimated_date && *s.estimated_date != today) {  // late
        w.event(id, at(*s.estimated_date, 18, m), hub,
                "Delayed: your parcel is running later than expected");
      }
      break;
    case ShipmentStatus::kOutForDelivery:
      w.event(id, at(today, 7, m), local, "Out for delivery");
      break;
    case ShipmentStatus::kDelivered:
      if (s.delivered_on) {
        w.event(id, at(*s.delivered_on, 7, m), local, "Out for delivery");
        w.event(id, at(*s.delivered_on, 12 + m % 5, m), city,
                m % 3 == 0 ? "Delivered: left in your safe place"
                           : "Delivered: handed to the customer");
      }
      break;
    case ShipmentStatus::kLost:
      if (on_or_before_today(add_days(shipped, 6))) {
        w.event(id, at(add_days(shipped, 6), 11, m), hub,
                "We're investigating: your parcel hasn't been scanned recently");
      }
      break;
    case ShipmentStatus::kReturnedToSender: {
      const Date attempt = add_days(shipped, 2);
      w.event(id, at(attempt, 7, m), local, "Out for delivery");
      w.event(id, at(attempt, 13, m), city,
              "Delivery attempted: no one was in, card left");
      w.event(id, at(add_days(shipped, 9), 9, m), local,
              "Not collected: returning to sender");
      break;
    }
  }
  return id;
}

}  // namespace parley::store::demo
