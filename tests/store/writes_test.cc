// Writes: returns, cancellations, address changes, and what the bot records.
// Every refusal must leave the store exactly as it was.
#include "store/dates.h"
#include "test_util.h"

namespace parley::store {
namespace {

using testing::dump;
using testing::TempDir;

struct Fixture {
  TempDir dir;
  std::string path = dir.file("w.db");
  std::unique_ptr<Store> store = testing::demo_store(path);
  Date today = DemoOptions{}.today;

  Order order(std::string_view number) {
    auto found = store->find_order_by_number(number);
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    return **found;
  }
  OrderItem item(std::string_view number, std::size_t index) {
    auto items = store->items_for_order(order(number).id);
    REQUIRE(items.ok());
    REQUIRE(items->size() > index);
    return (*items)[index];
  }
  // create_return must refuse with kInvalidArgument, mention `why`, and
  // write nothing.
  void refuse_return(std::string_view number, std::size_t index,
                     ReturnEligibility expected, const std::string& why) {
    CAPTURE(number);
    const OrderItem it = item(number, index);
    CHECK(*store->return_eligibility(it.order_id, it.id, today) == expected);
    const std::string before = dump(path);
    auto created = store->create_return(it.order_id, it.id, "Too big",
                                        ReturnKind::kRefund, today);
    REQUIRE_FALSE(created.ok());
    CHECK(created.error().code() == ErrorCode::kInvalidArgument);
    CHECK_MESSAGE(created.error().message().find(why) != std::string::npos,
                  created.error().message());
    CHECK(dump(path) == before);
  }
};

TEST_CASE("create_return: the happy path") {
  Fixture f;
  StoreOptions seeded;
  seeded.code_seed = 11;
  f.store.reset();
  f.store = testing::open_store(f.path, seeded);
  const OrderItem shirt = f.item("112-4839205-1048576", 0);
  CHECK(*f.store->return_eligibility(shirt.order_id, shirt.id, f.today) ==
        ReturnEligibility::kEligible);
  auto created = f.store->create_return(shirt.order_id, shirt.id, "Too small",
                                        ReturnKind::kExchange, f.today);
  REQUIRE_MESSAGE(created.ok(), created.error().message());
  CHECK(created->rma.size() == 12);
  CHECK(created->rma.starts_with("RMA-"));
  CHECK(created->rma.find_first_not_of("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 4) ==
        std::string::npos);
  CHECK(created->label_code.starts_with("RL-"));
  CHECK(created->status == ReturnStatus::kLabelSent);
  CHECK(created->created_on == f.today);

  auto stored = f.store->find_return_by_rma(created->rma);
  REQUIRE(stored.ok());
  REQUIRE(stored->has_value());
  CHECK((*stored)->order_item_id == shirt.id);
  CHECK((*stored)->kind == ReturnKind::kExchange);
  CHECK((*stored)->reason == "Too small");
  CHECK(f.store->returns_for_order(shirt.order_id)->size() == 1);

  // Now it is open: a second request is refused.
  f.refuse_return("112-4839205-1048576", 0, ReturnEligibility::kAlreadyOpen,
                  created->rma);
  // The other line can still be returned, with a different code.
  const OrderItem shoes = f.item("112-4839205-1048576", 1);
  auto second = f.store->create_return(shoes.order_id, shoes.id, "Too big",
                                       ReturnKind::kRefund, f.today);
  REQUIRE(second.ok());
  CHECK(second->rma != created->rma);
}

TEST_CASE("create_return: each refusal writes nothing") {
  Fixture f;
  SUBCASE("not delivered yet") {
    f.refuse_return("112-4839201-5561234", 0, ReturnEligibility::kNotDelivered,
                    "has not been delivered");
  }
  SUBCASE("outside the return window") {
    f.refuse_return("112-4839206-2207319", 0, ReturnEligibility::kWindowClosed,
                    "30-day return window closed");
  }
  SUBCASE("non-returnable category") {
    f.refuse_return("112-4839211-6603158", 0, ReturnEligibility::kNotReturnable,
                    "not returnable");
    f.refuse_return("112-4839211-6603158", 1, ReturnEligibility::kNotReturnable,
                    "gift cards");
  }
  SUBCASE("already has an open return") {
    f.refuse_return("112-4839212-3158842", 0, ReturnEligibility::kAlreadyOpen,
                    "RMA-7K3P9QXD");
  }
  SUBCASE("cancelled order") {
    f.refuse_return("112-4839209-9374021", 0, ReturnEligibility::kOrderCancelled,
                    "cancelled");
  }
  SUBCASE("the last day of the window is still inside it") {
    const OrderItem shirt = f.item("112-4839205-1048576", 0);
    const Date last = add_days(*shirt.delivered_on, 30);
    CHECK(*f.store->return_eligibility(shirt.order_id, shirt.id, last) ==
          ReturnEligibility::kEligible);
    CHECK(*f.store->return_eligibility(shirt.order_id, shirt.id, add_days(last, 1)) ==
          ReturnEligibility::kWindowClosed);
  }
  SUBCASE("an item of another order, or an empty reason") {
    const OrderItem other = f.item("112-4839205-1048576", 0);
    const Order order = f.order("112-4839212-3158842");
    const std::string before = dump(f.path);
    auto wrong = f.store->create_return(order.id, other.id, "x",
                                        ReturnKind::kRefund, f.today);
    CHECK(wrong.error().code() == ErrorCode::kNotFound);
    auto empty = f.store->create_return(other.order_id, other.id, "",
                                        ReturnKind::kRefund, f.today);
    CHECK(empty.error().code() == ErrorCode::kInvalidArgument);
    CHECK(dump(f.path) == before);
  }
}

TEST_CASE("cancel_order") {
  Fixture f;
  SUBCASE("a pending order is cancelled with a pending refund of its total") {
    const Order pending = f.order("112-4839202-7712045");
    auto refund = f.store->cancel_order(pending.id, f.today);
    REQUIRE_MESSAGE(refund.ok(), refund.error().message());
    CHECK(refund->status == RefundStatus::kPending);
    CHECK(refund->amount == pending.total);
    CHECK(refund->order_id == pending.id);
    CHECK(refund->expected_on.has_value());
    CHECK(f.order("112-4839202-7712045").status == OrderStatus::kCancelled);
    CHECK(f.store->refunds_for_order(pending.id)->size() == 1);
    // Twice: refused, nothing more written.
    const std::string before = dump(f.path);
    CHECK(f.store->cancel_order(pending.id, f.today).error().code() ==
          ErrorCode::kInvalidArgument);
    CHECK(dump(f.path) == before);
  }
  SUBCASE("processing with only a label created can be cancelled") {
    const Order processing = f.order("112-4839203-3390417");
    CHECK(f.store->cancel_order(processing.id, f.today).ok());
  }
  SUBCASE("shipped, out for delivery, delivered or partially shipped: refused") {
    for (const char* number : {"112-4839201-5561234", "112-4839204-6625893",
                               "112-4839205-1048576", "112-4839210-4482716"}) {
      CAPTURE(number);
      const std::string before = dump(f.path);
      auto refused = f.store->cancel_order(f.order(number).id, f.today);
      REQUIRE_FALSE(refused.ok());
      CHECK(refused.error().code() == ErrorCode::kInvalidArgument);
      CHECK(refused.error().message().find(number) != std::string::npos);
      CHECK(refused.error().message().find("left our warehouse") != std::string::npos);
      CHECK(dump(f.path) == before);
    }
  }
  SUBCASE("unknown order") {
    CHECK(f.store->cancel_order(987654321, f.today).error().code() ==
          ErrorCode::kNotFound);
  }
}

TEST_CASE("update_shipping_address") {
  Fixture f;
  const Address home{"1 New Street", "Bristol", "BS1 4DJ", "GB", "mainland"};
  const Order pending = f.order("112-4839202-7712045");
  REQUIRE(f.store->update_shipping_address(pending.id, home).ok());
  CHECK(f.order("112-4839202-7712045").shipping_address == home);

  const std::string before = dump(f.path);
  const Order shipped = f.order("112-4839201-5561234");
  CHECK(f.store->update_shipping_address(shipped.id, home).code() ==
        ErrorCode::kInvalidArgument);
  Address incomplete = home;
  incomplete.postcode.clear();
  CHECK(f.store->update_shipping_address(pending.id, incomplete).code() ==
        ErrorCode::kInvalidArgument);
  CHECK(dump(f.path) == before);
}

TEST_CASE("handoffs, feedback, turns and sessions round-trip") {
  TempDir dir;
  const std::string path = dir.file("bot.db");
  auto store = testing::open_store(path);
  const Timestamp now = std::chrono::sys_days(DemoOptions{}.today) + std::chrono::hours{9};

  HandoffRecord handoff{0, "s1", "customer asked for a human", now,
                        R"({"order":"112-4839201-5561234","turns":3})"};
  auto id = store->record_handoff(handoff);
  REQUIRE_MESSAGE(id.ok(), id.error().message());
  CHECK(*id > 0);
  auto second = store->record_handoff(handoff);
  REQUIRE(second.ok());
  CHECK(*second != *id);
  handoff.payload_json = "{not json";
  auto bad = store->record_handoff(handoff);
  CHECK(bad.error().code() == ErrorCode::kInvalidArgument);
  CHECK(bad.error().message().find(path) != std::string::npos);
  CHECK(testing::count_rows(path, "handoffs") == 2);

  CHECK(store->record_feedback({"s1", "track_order", "resolved", true, std::nullopt, now}).ok());
  CHECK(store->record_feedback({"s1", "return_item", "handoff", false, "slow", now}).ok());
  CHECK(testing::count_rows(path, "feedback") == 2);
  CHECK(store->log_turn({now, "s1", "en", "where is order [ORDER]", "track_order",
                         0.93, "awaiting_order_number", "answered"}).ok());
  CHECK(testing::count_rows(path, "conversation_log") == 1);

  CHECK_FALSE(store->load_session("s1")->has_value());
  REQUIRE(store->save_session("s1", R"({"state":"a"})", now).ok());
  CHECK(store->load_session("s1")->value() == R"({"state":"a"})");
  REQUIRE(store->save_session("s1", R"({"state":"b"})", now).ok());
  CHECK(store->load_session("s1")->value() == R"({"state":"b"})");
  CHECK(testing::count_rows(path, "sessions") == 1);
  REQUIRE(store->delete_session("s1").ok());
  CHECK_FALSE(store->load_session("s1")->has_value());
  CHECK(store->delete_session("never-existed").ok());

  // Survives reopening.
  REQUIRE(store->save_session("s2", "x", now).ok());
  store.reset();
  store = testing::open_store(path);
  CHECK(store->load_session("s2")->value() == "x");
}

}  // namespace
}  // namespace parley::store
