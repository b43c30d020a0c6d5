// The knowledge base's product categories are recognised in messages
// without a writer listing them, and answered from the store.
#include <SQLiteCpp/SQLiteCpp.h>

#include "bot_fixture.h"

using namespace parley;
using namespace parley::testing;

namespace {

// The shop adds a category with its return policy.
void add_category(const std::string& store_path, const std::string& name, bool returnable, int days,
                  const std::string& condition) {
  SQLite::Database db(store_path, SQLite::OPEN_READWRITE);
  SQLite::Statement category(db, "INSERT INTO categories (name, returnable) VALUES (?1, ?2)");
  category.bind(1, name);
  category.bind(2, returnable ? 1 : 0);
  REQUIRE(category.exec() == 1);
  SQLite::Statement policy(db,
                           "INSERT INTO return_policies (category_id, window_days, condition, refund_method, "
                           "fee_minor, fee_currency) SELECT id, ?2, ?3, 'original payment method', 0, 'GBP' "
                           "FROM categories WHERE name = ?1");
  policy.bind(1, name);
  policy.bind(2, days);
  policy.bind(3, condition);
  REQUIRE(policy.exec() == 1);
}

}  // namespace

TEST_CASE("a category the shop adds is recognised after a reload and answered from the store") {
  BotFixture f;
  const std::string question = "what is your return policy for garden furniture";
  // Before: the general policy (no such category yet).
  CHECK_FALSE(contains(f.bot().respond("a", question).text, "60 days"));

  add_category(f.store_path(), "Garden Furniture", true, 60, "Unassembled, in the original box.");
  add_category(f.store_path(), "toys", false, 0, "For safety reasons.");
  REQUIRE(f.bot().reload().ok());

  const Reply policy = f.bot().respond("b", question);
  CHECK_MESSAGE(contains(policy.text, "Garden Furniture can be returned within 60 days"), policy.text);
  const Reply singular = f.bot().respond("c", "can i return a toy");
  CHECK_MESSAGE(contains(singular.text, "toys can't be returned"), singular.text);
}

TEST_CASE("a bot opened on a store knows its categories at once") {
  BotFixture f;
  add_category(f.store_path(), "kites", true, 14, "Unflown.");
  BotOptions options;
  options.intents = source_root() + "/intents";
  options.store = f.store_path();
  auto bot = Bot::open(options);
  REQUIRE_MESSAGE(bot, bot.error().message());
  const Reply reply = bot->respond("a", "whats the return policy on kites");
  CHECK_MESSAGE(contains(reply.text, "kites can be returned within 14 days"), reply.text);
}
