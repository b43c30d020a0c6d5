// Host-app actions: C++ callbacks a flow can run (flows.yaml `action:`).
//
//   bot->register_action("gift_wrap", [](const parley::ActionRequest& req) {
//     parley::ActionResponse r;
//     r.text = "Gift wrapping added to order " + req.slots.at("order_number") + ".";
//     return r;
//   });
//
// The flow's slots are collected, and (with `verify: true`) the customer's
// identity checked, before the action runs; with `confirm: <response key>`
// the customer has said yes first.
#ifndef PARLEY_ACTION_H_
#define PARLEY_ACTION_H_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace parley {

struct ActionRequest {
  std::string session_id;
  std::string intent;   // the intent whose flow runs the action
  std::string message;  // the customer's last message (sanitised)
  std::map<std::string, std::string> slots;  // collected slot values
  std::optional<std::int64_t> customer_id;   // signed-in customer, if any
};

struct ActionResponse {
  std::string text;             // shown to the customer; empty means "done"
  bool handoff = false;         // hand the conversation to a human after this
  std::vector<std::string> suggestions;
  std::map<std::string, std::string> slots;  // values to keep in the session
};

// Called on the thread that called Bot::respond; must be thread-safe if the
// host calls respond() from several threads. Exceptions are caught and
// answered with an apology and a handoff.
using Action = std::function<ActionResponse(const ActionRequest&)>;

}  // namespace parley

#endif  // PARLEY_ACTION_H_
