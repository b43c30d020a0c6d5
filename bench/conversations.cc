#include "conversations.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdio>
#include <cstdlib>

namespace parley::bench {

std::vector<Conversation> showcase_conversations() {
  return {
      {"order status, number then email",
       {{"hi", "greet", ""},
        {"where is my order", "order_status", "order number"},
        {"112-4839201-5561234", "slot:order_number", "email"},
        {"it's alice.morgan@example.com", "", "on its way"},
        {"when will it arrive?", "delivery_time", ""},
        {"thanks, bye", "", ""}}},
      {"order status in one message, postcode",
       {{"hi can u track my order 112-4839207-8843310 pls", "order_status", ""},
        {"ls1 5hd", "", "112-4839207-8843310"},
        {"thank you", "thanks", ""}}},
      {"delivery questions",
       {{"what delivery options do you have", "delivery_options", ""},
        {"how long does delivery take", "", ""},
        {"thanks", "thanks", ""}}},
      {"return policy",
       {{"hello there", "greet", ""},
        {"what's your return policy", "return_policy", ""},
        {"how long do refunds take", "", ""},
        {"ok thanks bye", "", ""}}},
      {"fallback, then order status",
       {{"the purple elephant sings at dawn", "fallback", ""},
        {"where is my parcel", "order_status", ""},
        {"112-4839215-5550123", "slot:order_number", ""},
        {"greta.novak@example.com", "", "112-4839215-5550123"}}},
      {"typos",
       {{"wher is my oredr", "order_status", ""},
        {"112-4839204-6625893", "slot:order_number", ""},
        {"farah.ahmed@example.com", "", "112-4839204-6625893"}}},
      {"payments",
       {{"what payment methods do you accept", "payment_methods", ""},
        {"do you take paypal", "", ""},
        {"bye", "goodbye", ""}}},
  };
}

std::vector<Conversation> random_order_conversations(const std::string& path, int count) {
  std::vector<Conversation> out;
  try {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    const long long orders = db.execAndGet("SELECT max(id) FROM orders").getInt64();
    SQLite::Statement query(db,
                            "SELECT o.number, c.email FROM orders o JOIN customers c ON "
                            "c.id = o.customer_id WHERE o.id >= ? ORDER BY o.id LIMIT 1");
    for (int i = 0; i < count; ++i) {
      // Evenly spread ids (a multiplicative step keeps them from clustering).
      const long long id = 1 + static_cast<long long>((static_cast<unsigned long long>(i) *
                                                       2654435761ULL) % static_cast<unsigned long long>(orders));
      query.bind(1, static_cast<int64_t>(id));
      if (query.executeStep()) {
        const std::string number = query.getColumn(0).getString();
        const std::string email = query.getColumn(1).getString();
        out.push_back({"random order " + number,
                       {{"where is my order", "order_status", ""},
                        {number, "slot:order_number", ""},
                        {email, "", number}}});
      }
      query.reset();
    }
  } catch (const SQLite::Exception& e) {
    std::fprintf(stderr, "bench: cannot read orders from %s: %s\n", path.c_str(), e.what());
    std::exit(1);
  }
  return out;
}

std::size_t turn_count(const std::vector<Conversation>& conversations) {
  std::size_t n = 0;
  for (const auto& c : conversations) n += c.steps.size();
  return n;
}

}  // namespace parley::bench
