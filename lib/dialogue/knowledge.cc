// Built-in actions answering from the knowledge base: order status,
// delivery, returns, refunds, cancellations and FAQ articles.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "dialogue/action_context.h"
#include "text/fold.h"

namespace parley::dialogue {
namespace {

using store::Date;
using Kind = Outcome::Kind;

// A failed store call becomes an apology and an offer of a human; the error
// goes to the trace.
Outcome store_failure(ActionContext& ctx, const Status& error) {
  Outcome o;
  o.kind = Kind::kOfferHuman;
  o.text = ctx.say("store_error");
  o.error = error.message();
  o.suggestions = {ctx.say("suggest_yes"), ctx.say("suggest_no")};
  return o;
}

Outcome done(std::string text, std::vector<std::string> suggestions = {}) {
  Outcome o;
  o.text = std::move(text);
  o.suggestions = std::move(suggestions);
  return o;
}

bool before(const std::optional<Date>& d, Date today) {
  return d && std::chrono::sys_days{*d} < std::chrono::sys_days{today};
}

// Loads the order named by the session's order_number slot.
Result<std::optional<store::Order>> current_order(ActionContext& ctx) {
  return ctx.store.find_order_by_number(ctx.slot("order_number"));
}

// A yes/no question before the action writes anything.
Outcome confirm(ActionContext& ctx, std::string question) {
  Outcome o;
  o.kind = Kind::kConfirm;
  o.text = std::move(question);
  o.suggestions = {ctx.say("suggest_yes"), ctx.say("suggest_no")};
  return o;
}

// Asks the customer for the free-text slot `slot`.
Outcome ask_slot(std::string slot, std::string question) {
  Outcome o;
  o.kind = Kind::kAskSlot;
  o.slot = std::move(slot);
  o.text = std::move(question);
  return o;
}

// The order named by the session's order_number slot. When there is none
// (or the store fails), `answer` holds what to tell the customer.
bool load_order(ActionContext& ctx, store::Order& order, Outcome& answer) {
  auto found = current_order(ctx);
  if (!found) {
    answer = store_failure(ctx, found.error());
    return false;
  }
  if (!found->has_value()) {
    answer = done(ctx.say("order_not_found", {{"order", ctx.slot("order_number")}}));
    return false;
  }
  order = **found;
  return true;
}

// One sentence (or two) about a shipment.
std::string describe_shipment(ActionContext& ctx, const store::Shipment& s, const std::string& subject,
                              bool& late, bool& lost) {
  Args args{{"subject", subject}, {"carrier", s.carrier}, {"tracking", s.tracking_number}};
  std::string text;
  switch (s.status) {
    case store::ShipmentStatus::kLabelCreated:
      text = ctx.say("shipment_label_created", args);
      break;
    case store::ShipmentStatus::kInTransit:
      if (s.estimated_date) args["eta"] = *s.estimated_date;
      text = ctx.say(!s.estimated_date                  ? "shipment_in_transit_no_eta"
                     : before(s.estimated_date, ctx.today) ? "shipment_in_transit_overdue"
                                                           : "shipment_in_transit",
                     args);
      break;
    case store::ShipmentStatus::kOutForDelivery:
      text = ctx.say("shipment_out_for_delivery", args);
      break;
    case store::ShipmentStatus::kDelivered:
      if (s.delivered_on) args["delivered"] = *s.delivered_on;
      text = ctx.say(s.delivered_on ? "shipment_delivered" : "shipment_delivered_no_date", args);
      break;
    case store::ShipmentStatus::kLost:
      text = ctx.say("shipment_lost", args);
      lost = true;
      break;
    case store::ShipmentStatus::kReturnedToSender:
      text = ctx.say("shipment_returned_to_sender", args);
      break;
  }
  const bool undelivered = s.status == store::ShipmentStatus::kInTransit ||
                           s.status == store::ShipmentStatus::kLabelCreated;
  if (undelivered && before(s.estimated_date ? s.estimated_date : s.promised_date, ctx.today)) {
    late = true;
  }
  if (s.status != store::ShipmentStatus::kLabelCreated) {
    auto event = ctx.store.latest_event(s.id);
    if (event && event->has_value()) {
      text += " " + ctx.say("latest_event", {{"description", (*event)->description},
                                             {"location", (*event)->location}});
    }
  }
  return text;
}

Outcome order_status(ActionContext& ctx) {
  store::Order o;
  if (Outcome answer; !load_order(ctx, o, answer)) return answer;
  Args args{{"order", o.number}};
  switch (o.status) {
    case store::OrderStatus::kPending:
      return done(ctx.say("order_pending", args));
    case store::OrderStatus::kProcessing:
      return done(ctx.say("order_processing", args));
    case store::OrderStatus::kCancelled: {
      std::string text = ctx.say("order_cancelled", args);
      auto refunds = ctx.store.refunds_for_order(o.id);
      if (refunds && !refunds->empty()) {
        const auto& r = refunds->front();
        Args refund{{"amount", ctx.renderer.format_money(r.amount.minor, r.amount.currency)},
                    {"method", r.method}};
        if (r.status == store::RefundStatus::kCompleted && r.completed_on) {
          refund["date"] = *r.completed_on;
          text += " " + ctx.say("refund_completed", refund);
        } else if (r.expected_on) {
          refund["date"] = *r.expected_on;
          text += " " + ctx.say("refund_pending", refund);
        }
      }
      return done(text);
    }
    default:
      break;
  }
  auto shipments = ctx.store.shipments_for_order(o.id);
  if (!shipments) return store_failure(ctx, shipments.error());
  if (shipments->empty()) return done(ctx.say("order_processing", args));
  std::string text;
  bool late = false;
  bool lost = false;
  if (shipments->size() == 1) {
    text = describe_shipment(ctx, shipments->front(), ctx.say("subject_order", args), late, lost);
  } else {
    text = ctx.say("order_parcels", {{"order", o.number}, {"count", static_cast<std::int64_t>(shipments->size())}});
    int n = 0;
    for (const auto& s : *shipments) {
      text += "\n" + describe_shipment(ctx, s, ctx.say("subject_parcel", {{"n", static_cast<std::int64_t>(++n)}}), late, lost);
    }
    auto items = ctx.store.items_for_order(o.id);
    if (items && std::any_of(items->begin(), items->end(), [](auto& i) { return !i.shipment_id; })) {
      text += "\n" + ctx.say("order_items_not_shipped");
    }
  }
  if (lost) {
    Outcome out = done(text + "\n" + ctx.say("order_lost_options", args));
    out.suggestions = {ctx.say("suggest_replacement"), ctx.say("suggest_human")};
    return out;
  }
  if (late) {
    Outcome out = done(text + "\n" + ctx.say("order_late_apology", args));
    out.suggestions = {ctx.say("suggest_wait"), ctx.say("suggest_replacement"), ctx.say("suggest_human")};
    return out;
  }
  return done(text);
}

// The region to quote delivery for: the order's, else the signed-in
// customer's first address, else the mainland.
std::string delivery_region(ActionContext& ctx) {
  if (!ctx.slot("order_number").empty() &&
      ctx.session.verified_orders.count(ctx.slot("order_number"))) {
    auto order = current_order(ctx);
    if (order && order->has_value()) return (*order)->shipping_address.region;
  }
  if (ctx.session.customer_id) {
    auto addresses = ctx.store.addresses_for_customer(*ctx.session.customer_id);
    if (addresses && !addresses->empty()) return addresses->front().region;
  }
  return "mainland";
}

Outcome delivery_options(ActionContext& ctx) {
  const std::string region = delivery_region(ctx);
  auto options = ctx.store.delivery_options_for_region(region);
  if (!options) return store_failure(ctx, options.error());
  if (options->empty()) return done(ctx.say("delivery_options_none"));
  std::string text = ctx.say("delivery_options_intro", {{"region", ctx.say("region_" + region)}});
  for (const auto& d : *options) {
    char cutoff[8];
    std::snprintf(cutoff, sizeof cutoff, "%02d:%02d", static_cast<int>(d.cutoff.count() / 60),
                  static_cast<int>(d.cutoff.count() % 60));
    text += "\n" + ctx.say(d.min_days == d.max_days ? "delivery_option_line_fixed" : "delivery_option_line",
                           {{"method", d.method},
                            {"cost", d.cost.minor == 0 ? ctx.say("free")
                                                       : ctx.renderer.format_money(d.cost.minor, d.cost.currency)},
                            {"min", static_cast<std::int64_t>(d.min_days)},
                            {"max", static_cast<std::int64_t>(d.max_days)},
                            {"cutoff", std::string(cutoff)}});
  }
  return done(text);
}

Outcome delivery_time(ActionContext& ctx) {
  // With an order: its status says when it arrives; without: the options.
  if (ctx.slot("order_number").empty()) return delivery_options(ctx);
  return order_status(ctx);
}

// Category slot values name categories with '_' for spaces ("gift_cards").
std::string category_name(std::string value) {
  std::replace(value.begin(), value.end(), '_', ' ');
  return value;
}

// A category's display name: the response "category_<name>" ('_' for
// spaces: "category_gift_cards"), else the knowledge base's own name (a
// category the shop added that no response names yet).
std::string category_display(const ActionContext& ctx, const std::string& name) {
  std::string key = name;
  std::replace(key.begin(), key.end(), ' ', '_');
  key = "category_" + key;
  return ctx.renderer.has(key) ? ctx.say(key) : name;
}

Outcome return_policy(ActionContext& ctx) {
  const std::string category = category_name(ctx.slot("category"));
  if (!category.empty()) {
    auto policy = ctx.store.return_policy_for_category(category);
    if (!policy) return store_failure(ctx, policy.error());
    if (policy->has_value()) {
      const auto& p = **policy;
      Args args{{"category", category_display(ctx, p.category)},
                {"days", static_cast<std::int64_t>(p.window_days)},
                {"condition", p.condition},
                {"method", p.refund_method},
                {"fee", p.fee.minor == 0 ? ctx.say("free") : ctx.renderer.format_money(p.fee.minor, p.fee.currency)}};
      return done(ctx.say(p.returnable ? "return_policy_category" : "return_policy_not_returnable", args));
    }
  }
  auto policies = ctx.store.return_policies();
  if (!policies) return store_failure(ctx, policies.error());
  std::string text = ctx.say("return_policy_intro");
  std::string exceptions;
  for (const auto& p : *policies) {
    if (!p.returnable) {
      exceptions += (exceptions.empty() ? "" : ", ") + category_display(ctx, p.category);
    }
  }
  if (!exceptions.empty()) text += " " + ctx.say("return_policy_exceptions", {{"list", exceptions}});
  return done(text);
}

// Words of an answer that say nothing about which item.
bool is_filler(const std::string& word) {
  for (const char* w : {"that", "this", "those", "these", "from", "want", "return", "item", "order", "please",
                        "like", "would", "with", "just", "send", "back"}) {
    if (word == w) return true;
  }
  return false;
}

// Picks the item the customer means from `items`: by number ("2"), by a
// word of the product name, or by category. -1 if unclear.
int pick_item(std::string_view answer, const std::vector<store::OrderItem>& items) {
  std::string lower;
  for (char c : answer) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (size_t i = 0; i < items.size(); ++i) {
    if (lower == std::to_string(i + 1) || lower.find(std::to_string(i + 1) + ".") == 0) return static_cast<int>(i);
  }
  int found = -1;
  for (size_t i = 0; i < items.size(); ++i) {
    std::string name;
    for (char c : items[i].product_name) name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool hit = lower.find(name) != std::string::npos || lower.find(items[i].category) != std::string::npos;
    // Any word of 4+ letters of the answer inside the name or category.
    for (size_t a = 0, b; !hit && a < lower.size(); a = b + 1) {
      b = lower.find_first_of(" ,.!?", a);
      if (b == std::string::npos) b = lower.size();
      const std::string word = lower.substr(a, b - a);
      if (word.size() >= 4 && !is_filler(word) &&
          (name.find(word) != std::string::npos || items[i].category.find(word) != std::string::npos)) {
        hit = true;
      }
    }
    // Any word of 4+ letters of the product name.
    size_t start = 0;
    while (!hit && start < name.size()) {
      size_t end = name.find(' ', start);
      if (end == std::string::npos) end = name.size();
      if (end - start >= 4 && lower.find(name.substr(start, end - start)) != std::string::npos) hit = true;
      start = end + 1;
    }
    if (hit) {
      if (found >= 0) return -1;  // two items fit: ask again
      found = static_cast<int>(i);
    }
  }
  return found;
}

store::ReturnKind kind_for_reason(std::string_view reason) {
  std::string lower;
  for (char c : reason) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* w : {"damaged", "broken", "faulty", "defective", "cracked", "torn", "not working", "doesnt work", "doesn't work"}) {
    if (lower.find(w) != std::string::npos) return store::ReturnKind::kReplacement;
  }
  for (const char* w : {"size", "small", "big", "large", "fit", "colour", "color", "exchange", "swap"}) {
    if (lower.find(w) != std::string::npos) return store::ReturnKind::kExchange;
  }
  return store::ReturnKind::kRefund;
}

Outcome return_item(ActionContext& ctx) {
  store::Order o;
  if (Outcome answer; !load_order(ctx, o, answer)) return answer;
  auto items = ctx.store.items_for_order(o.id);
  if (!items) return store_failure(ctx, items.error());
  if (items->empty()) return done(ctx.say("return_no_items", {{"order", o.number}}));

  int chosen = items->size() == 1 ? 0 : -1;
  if (chosen < 0 && !ctx.slot("item").empty()) chosen = pick_item(ctx.slot("item"), *items);
  if (chosen < 0 && !ctx.slot("category").empty()) {
    for (size_t i = 0; i < items->size(); ++i) {
      if ((*items)[i].category == category_name(ctx.slot("category"))) chosen = chosen < 0 ? static_cast<int>(i) : -2;
    }
    if (chosen == -2) chosen = -1;
  }
  // "return my jumper" from an order of a jumper and a jacket, both
  // clothing: the words the customer used name the item.
  if (chosen < 0) chosen = pick_item(ctx.slot(kSaidCategory), *items);
  if (chosen < 0) {
    Outcome ask;
    ask.kind = Kind::kAskSlot;
    ask.slot = "item";
    ask.text = ctx.say("return_which_item", {{"order", o.number}});
    for (size_t i = 0; i < items->size(); ++i) {
      ask.text += "\n" + std::to_string(i + 1) + ". " + (*items)[i].product_name;
      ask.suggestions.push_back((*items)[i].product_name);
    }
    return ask;
  }
  const store::OrderItem& item = (*items)[static_cast<size_t>(chosen)];
  ctx.session.slots["item"] = item.product_name;

  auto eligibility = ctx.store.return_eligibility(o.id, item.id, ctx.today);
  if (!eligibility) return store_failure(ctx, eligibility.error());
  Args args{{"item", item.product_name}, {"order", o.number}};
  switch (*eligibility) {
    case store::ReturnEligibility::kEligible:
      break;
    case store::ReturnEligibility::kNotDelivered:
      return done(ctx.say("return_not_delivered", args));
    case store::ReturnEligibility::kOrderCancelled:
      return done(ctx.say("return_order_cancelled", args));
    case store::ReturnEligibility::kNotReturnable:
      args["category"] = category_display(ctx, item.category);
      return done(ctx.say("return_not_returnable", args));
    case store::ReturnEligibility::kWindowClosed: {
      auto policy = ctx.store.return_policy_for_category(item.category);
      args["days"] = static_cast<std::int64_t>(policy && policy->has_value() ? (*policy)->window_days : 30);
      Outcome o2 = done(ctx.say("return_window_closed", args));
      o2.kind = Kind::kOfferHuman;
      o2.suggestions = {ctx.say("suggest_yes"), ctx.say("suggest_no")};
      return o2;
    }
    case store::ReturnEligibility::kAlreadyOpen:
      return done(ctx.say("return_already_open", args));
  }

  if (ctx.slot("reason").empty()) {
    Outcome ask;
    ask.kind = Kind::kAskSlot;
    ask.slot = "reason";
    ask.text = ctx.say("return_ask_reason", args);
    ask.suggestions = {ctx.say("reason_wrong_size"), ctx.say("reason_damaged"), ctx.say("reason_changed_mind")};
    return ask;
  }
  const store::ReturnKind kind = kind_for_reason(ctx.slot("reason"));
  args["kind"] = std::string(store::to_string(kind));
  if (!ctx.confirmed) return confirm(ctx, ctx.say("return_confirm", args));
  auto created = ctx.store.create_return(o.id, item.id, ctx.slot("reason"), kind, ctx.today);
  if (!created) {
    if (created.error().code() == ErrorCode::kInvalidArgument) return done(ctx.say("return_refused", args));
    return store_failure(ctx, created.error());
  }
  ctx.session.slots["rma"] = created->rma;
  args["rma"] = created->rma;
  args["label"] = created->label_code;
  ctx.session.slots.erase("reason");
  ctx.session.slots.erase("item");
  return done(ctx.say("return_created", args));
}

// By RMA code (the code is the customer's proof: it was only ever shown to
// them, and the answer names no personal data), else by verified order.
Outcome return_status(ActionContext& ctx) {
  std::vector<store::ReturnRecord> returns;
  if (std::string rma = ctx.slot("rma"); !rma.empty()) {
    std::transform(rma.begin(), rma.end(), rma.begin(), [](unsigned char c) { return std::toupper(c); });
    auto found = ctx.store.find_return_by_rma(rma);
    if (!found) return store_failure(ctx, found.error());
    if (!found->has_value()) return done(ctx.say("return_rma_not_found", {{"rma", rma}}));
    returns.push_back(**found);
  } else if (!ctx.slot("order_number").empty()) {
    store::Order o;
    if (Outcome answer; !load_order(ctx, o, answer)) return answer;
    auto found = ctx.store.returns_for_order(o.id);
    if (!found) return store_failure(ctx, found.error());
    returns = std::move(*found);
  } else {
    return ask_slot("order_number", ctx.say("ask_order_or_rma"));
  }
  if (returns.empty()) return done(ctx.say("return_status_none", {{"order", ctx.slot("order_number")}}));
  std::string text;
  for (const auto& r : returns) {
    if (!text.empty()) text += "\n";
    text += ctx.say("return_status_" + std::string(store::to_string(r.status)),
                    {{"rma", r.rma}, {"created", r.created_on}});
  }
  return done(text);
}

// "12 High Street, Leeds, LS1 4AB" -> address parts; the region stays the
// order's (a new region would change delivery options and costs).
// `part` as a postcode in its usual form, if the locale's `postcode` entity
// (entities.yaml: one definition for verification and addresses) takes the
// whole of it. An Irish Eircode is written "D02 AF30" (seven letters and
// digits starting with a routing key, a letter and two digits or D6W: no UK
// postcode has that shape); any other postcode upper-cased as typed.
std::optional<std::string> postcode_in(std::string_view part, const matcher::EntityExtractor& entities) {
  const std::string folded = text::fold(part, /*fold_accents=*/false);
  const auto found = entities.extract_type(folded, "postcode");
  if (found.size() != 1 || found[0].begin != 0 || found[0].end != folded.size()) return std::nullopt;
  std::string upper, compact;
  for (char c : part) {
    const char u = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    upper += u;
    if (u != ' ') compact += u;
  }
  auto digit = [&](std::size_t i) { return std::isdigit(static_cast<unsigned char>(compact[i])) != 0; };
  const bool eircode = compact.size() == 7 && (compact.compare(0, 3, "D6W") == 0 ||
                                               (std::isalpha(static_cast<unsigned char>(compact[0])) && digit(1) && digit(2)));
  if (eircode) return compact.substr(0, 3) + " " + compact.substr(3);
  return upper;
}

std::optional<store::Address> parse_address(std::string_view text, const store::Address& current,
                                            const matcher::EntityExtractor& entities) {
  std::vector<std::string> parts;
  std::string part;
  for (char c : std::string(text) + ",") {
    if (c == ',' || c == '\n') {
      while (!part.empty() && part.front() == ' ') part.erase(part.begin());
      while (!part.empty() && part.back() == ' ') part.pop_back();
      if (!part.empty()) parts.push_back(part);
      part.clear();
    } else {
      part += c;
    }
  }
  store::Address a = current;
  std::string postcode;
  for (auto it = parts.begin(); it != parts.end(); ++it) {
    if (auto found = postcode_in(*it, entities)) {
      postcode = std::move(*found);
      parts.erase(it);
      break;
    }
  }
  if (postcode.empty() || parts.size() < 2) return std::nullopt;
  a.line1 = parts[0];
  a.city = parts[1];
  a.postcode = postcode;
  return a;
}

Outcome change_shipping_address(ActionContext& ctx) {
  store::Order o;
  if (Outcome answer; !load_order(ctx, o, answer)) return answer;
  Args args{{"order", o.number}};
  if (o.status != store::OrderStatus::kPending && o.status != store::OrderStatus::kProcessing) {
    Outcome shipped = done(ctx.say("address_too_late", args));
    shipped.kind = Kind::kOfferHuman;
    shipped.suggestions = {ctx.say("suggest_yes"), ctx.say("suggest_no")};
    return shipped;
  }
  const std::string given = ctx.slot("new_address");
  if (given.empty()) {
    return ask_slot("new_address", ctx.say("address_ask", args));
  }
  auto address = parse_address(given, o.shipping_address, ctx.entities);
  if (!address) {
    ctx.session.slots.erase("new_address");
    return ask_slot("new_address", ctx.say("address_unclear", args));
  }
  args["address"] = address->line1 + ", " + address->city + ", " + address->postcode;
  if (!ctx.confirmed) return confirm(ctx, ctx.say("address_confirm", args));
  ctx.session.slots.erase("new_address");
  if (Status s = ctx.store.update_shipping_address(o.id, *address); !s.ok()) {
    if (s.code() == ErrorCode::kInvalidArgument) return done(ctx.say("address_too_late", args));
    return store_failure(ctx, s);
  }
  return done(ctx.say("address_changed", args));
}

Outcome refund_status(ActionContext& ctx) {
  store::Order o;
  if (Outcome answer; !load_order(ctx, o, answer)) return answer;
  auto refunds = ctx.store.refunds_for_order(o.id);
  if (!refunds) return store_failure(ctx, refunds.error());
  if (refunds->empty()) return done(ctx.say("refund_none", {{"order", o.number}}));
  std::string text;
  for (const auto& r : *refunds) {
    Args args{{"amount", ctx.renderer.format_money(r.amount.minor, r.amount.currency)},
              {"method", r.method}, {"order", o.number}};
    if (!text.empty()) text += "\n";
    if (r.status == store::RefundStatus::kCompleted && r.completed_on) {
      args["date"] = *r.completed_on;
      text += ctx.say("refund_completed", args);
    } else if (r.status == store::RefundStatus::kFailed) {
      text += ctx.say("refund_failed", args);
    } else if (r.expected_on) {
      args["date"] = *r.expected_on;
      text += ctx.say(before(r.expected_on, ctx.today) ? "refund_overdue" : "refund_pending", args);
    } else {
      text += ctx.say("refund_processing", args);
    }
  }
  return done(text);
}

Outcome cancel_order(ActionContext& ctx) {
  store::Order o;
  if (Outcome answer; !load_order(ctx, o, answer)) return answer;
  Args args{{"order", o.number}, {"total", ctx.renderer.format_money(o.total.minor, o.total.currency)}};
  if (o.status == store::OrderStatus::kCancelled) return done(ctx.say("cancel_already", args));
  if (o.status != store::OrderStatus::kPending && o.status != store::OrderStatus::kProcessing) {
    Outcome o2 = done(ctx.say("cancel_too_late", args));
    o2.suggestions = {ctx.say("suggest_return"), ctx.say("suggest_human")};
    return o2;
  }
  if (!ctx.confirmed) return confirm(ctx, ctx.say("cancel_confirm", args));
  auto refund = ctx.store.cancel_order(o.id, ctx.today);
  if (!refund) {
    if (refund.error().code() == ErrorCode::kInvalidArgument) return done(ctx.say("cancel_too_late", args));
    return store_failure(ctx, refund.error());
  }
  if (refund->expected_on) args["date"] = *refund->expected_on;
  return done(ctx.say(refund->expected_on ? "cancel_done" : "cancel_done_no_date", args));
}

Outcome faq(ActionContext& ctx) {
  const std::string topic = ctx.slot("topic");
  auto article = ctx.store.find_faq(ctx.renderer.locale(), topic);
  if (!article) return store_failure(ctx, article.error());
  if (article->has_value()) return done((*article)->body);
  Outcome o = done(ctx.say("faq_missing"));
  o.kind = Kind::kOfferHuman;
  o.suggestions = {ctx.say("suggest_yes"), ctx.say("suggest_no")};
  return o;
}

const std::map<std::string_view, BuiltinAction>& registry() {
  static const std::map<std::string_view, BuiltinAction> kActions = {
      {"order_status", order_status},   {"delivery_time", delivery_time},
      {"delivery_options", delivery_options}, {"return_policy", return_policy},
      {"return_item", return_item},     {"return_status", return_status},
      {"refund_status", refund_status}, {"cancel_order", cancel_order},
      {"change_shipping_address", change_shipping_address},
      {"faq", faq},
  };
  return kActions;
}

}  // namespace

BuiltinAction find_builtin_action(std::string_view name) {
  auto it = registry().find(name);
  return it == registry().end() ? nullptr : it->second;
}

std::string canonical_order_number(std::string_view value) {
  std::string digits;
  for (char c : value) {
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c != ' ' && c != '-') {
      return std::string(value);
    }
  }
  if (digits.size() == 17) return digits.substr(0, 3) + "-" + digits.substr(3, 7) + "-" + digits.substr(10);
  return digits.empty() ? std::string(value) : digits;
}

}  // namespace parley::dialogue
