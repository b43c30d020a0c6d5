// What a built-in knowledge-base action sees and returns.
#ifndef PARLEY_DIALOGUE_ACTION_CONTEXT_H_
#define PARLEY_DIALOGUE_ACTION_CONTEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dialogue/renderer.h"
#include "dialogue/session.h"
#include "matcher/entities.h"
#include "store/store.h"

namespace parley::dialogue {

// The result of one action step.
struct Outcome {
  enum class Kind {
    kDone,       // `text` answers the request; the flow ends
    kConfirm,    // `text` is a yes/no question; run again with confirmed=true on yes
    kAskSlot,    // `text` asks for slot `slot` (free text); run again when given
    kOfferHuman, // `text` offers a human; yes hands over
    kHandoff,    // hand over now (`reason`), after saying `text`
  };
  Kind kind = Kind::kDone;
  std::string text;
  std::string slot;    // kAskSlot
  std::string reason;  // kHandoff
  std::vector<std::string> suggestions;
  std::string error;   // a store failure, for the trace (text apologises)
};

// A private slot (never shown, never passed to host actions): the
// customer's own words for the product category that filled slot
// 'category' ("jumper" when 'category' became 'clothing').
inline constexpr const char* kSaidCategory = "_said:category";

struct ActionContext {
  Session& session;
  store::Store& store;
  const Renderer& renderer;
  // The locale's entities (entities.yaml), over folded text.
  const matcher::EntityExtractor& entities;
  store::Date today;
  std::uint64_t pick;        // variation choice for rendered responses
  std::string_view message;  // the customer's message (sanitised)
  bool confirmed = false;    // the customer said yes to our kConfirm question

  std::string say(const std::string& key, const Args& args = {}) const {
    return renderer.render(key, args, pick);
  }
  std::string slot(const std::string& name) const {
    auto it = session.slots.find(name);
    return it == session.slots.end() ? "" : it->second;
  }
};

// A built-in action: runs against the store, never throws.
using BuiltinAction = Outcome (*)(ActionContext&);

// The built-in action registered under `name`, or nullptr.
BuiltinAction find_builtin_action(std::string_view name);

// Order numbers as the store writes them: 17 digits typed with spaces,
// dashes or nothing become "112-4839201-5561234"; anything else is kept.
std::string canonical_order_number(std::string_view value);

}  // namespace parley::dialogue

#endif  // PARLEY_DIALOGUE_ACTION_CONTEXT_H_
