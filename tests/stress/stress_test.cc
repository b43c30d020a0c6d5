// One Bot shared by 8 threads: 2,000 sessions, 50,000 turns of mixed
// conversations. No reply may carry another customer's order or email,
// and every return and handoff the bot acknowledged must be in the store.
// PARLEY_STRESS_TURNS overrides the number of turns (e.g. smaller under
// sanitizers).
#include <SQLiteCpp/SQLiteCpp.h>
#include <re2/re2.h>

#include <atomic>
#include <cstdlib>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "../bot/bot_fixture.h"

using namespace parley;

namespace {

struct Customer {
  std::string order;
  std::string email;
};

// Delivered orders whose first item can still be returned, one per session
// that will start a return; and every order with its customer's email.
struct Data {
  std::vector<Customer> returnable;
  std::vector<Customer> all;
};

Data load(const std::string& path, store::Store& store, store::Date today) {
  Data data;
  SQLite::Database db(path);
  SQLite::Statement q(db,
                      "SELECT o.id, o.number, c.email FROM orders o JOIN customers c ON c.id = o.customer_id "
                      "ORDER BY o.id");
  while (q.executeStep()) {
    Customer c{q.getColumn(1).getString(), q.getColumn(2).getString()};
    data.all.push_back(c);
    auto items = store.items_for_order(q.getColumn(0).getInt64());
    if (items && items->size() == 1) {
      auto ok = store.return_eligibility(q.getColumn(0).getInt64(), items->front().id, today);
      if (ok && *ok == store::ReturnEligibility::kEligible) data.returnable.push_back(c);
    }
  }
  return data;
}

int turns_wanted() {
  const char* env = std::getenv("PARLEY_STRESS_TURNS");
  return env ? std::atoi(env) : 50000;
}

}  // namespace

TEST_CASE("8 threads, 2,000 sessions: no data leaks between customers, nothing acknowledged is lost") {
  testing::BotFixture f(/*orders=*/3000, /*customers=*/800);
  auto check_store = f.open_store();
  const Data data = load(f.store_path(), *check_store, testing::test_day());
  REQUIRE(data.returnable.size() >= 20);

  constexpr int kThreads = 8;
  constexpr int kSessions = 2000;
  const int wanted = turns_wanted();
  std::atomic<int> turns{0};
  std::atomic<int> next_returnable{0};
  std::mutex results_lock;
  std::set<std::string> acknowledged_rmas;
  std::map<std::string, int> acknowledged_handoffs;  // session -> count
  std::vector<std::string> leaks;
  const RE2 order_number(R"((\d{3}-\d{7}-\d{7}))");
  const RE2 email(R"(([a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}))");
  const RE2 rma(R"((RMA-[A-Z0-9]{8}))");

  auto worker = [&](int thread) {
    for (int round = 0; turns.load() < wanted; ++round) {
      for (int s = thread; s < kSessions && turns.load() < wanted; s += kThreads) {
        const std::string session = "s" + std::to_string(s) + "-" + std::to_string(round);
        const Customer& me = data.all[static_cast<size_t>(s) % data.all.size()];
        std::vector<std::string> script;
        switch ((s + round) % 5) {
          case 0:
            script = {"where is my order", me.order, me.email, "yes"};
            break;
          case 1: {
            const int n = next_returnable.fetch_add(1);
            if (n >= static_cast<int>(data.returnable.size())) {
              script = {"what is your return policy", "thanks"};
              break;
            }
            const Customer& r = data.returnable[static_cast<size_t>(n)];
            script = {"i want to return something", r.order, r.email, "it's too small", "yes"};
            break;
          }
          case 2:
            script = {"hi", "what delivery options do you have", "thanks bye"};
            break;
          case 3:
            script = {"can I talk to a real person please"};
            break;
          default:
            script = {"when will my order " + me.order + " arrive", me.email, "no", "could be clearer"};
        }
        std::string own_order, own_email;
        for (const auto& line : script) {
          Reply r = f.bot().respond(session, line);
          turns.fetch_add(1);
          // Which customer this session is: the last order/email it typed.
          std::string o, e;
          if (RE2::PartialMatch(line, order_number, &o)) own_order = o;
          if (RE2::PartialMatch(line, email, &e)) own_email = e;
          re2::StringPiece text(r.text);
          while (RE2::FindAndConsume(&text, order_number, &o)) {
            if (o != own_order && o != "112-1234567-1234567") {  // the prompt's example
              std::lock_guard guard(results_lock);
              leaks.push_back(session + ": " + r.text);
            }
          }
          text = r.text;
          while (RE2::FindAndConsume(&text, email, &e)) {
            if (e != own_email) {
              std::lock_guard guard(results_lock);
              leaks.push_back(session + ": " + r.text);
            }
          }
          std::string code;
          if (RE2::PartialMatch(r.text, rma, &code)) {
            std::lock_guard guard(results_lock);
            acknowledged_rmas.insert(code);
          }
          if (r.handoff) {
            std::lock_guard guard(results_lock);
            acknowledged_handoffs[session]++;
          }
        }
        if (f.bot().state(session) == "handed_off") CHECK(f.bot().release(session).ok());
      }
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) threads.emplace_back(worker, t);
  for (auto& t : threads) t.join();

  CHECK(turns.load() >= wanted);
  CHECK_MESSAGE(leaks.empty(), (leaks.empty() ? "" : leaks.front()));
  CHECK(!acknowledged_rmas.empty());
  CHECK(!acknowledged_handoffs.empty());
  for (const auto& code : acknowledged_rmas) {
    auto found = check_store->find_return_by_rma(code);
    REQUIRE(found);
    CHECK_MESSAGE(found->has_value(), "acknowledged return " << code << " is not in the store");
  }
  SQLite::Database db(f.store_path());
  SQLite::Statement q(db, "SELECT session, COUNT(*) FROM handoffs GROUP BY session");
  std::map<std::string, int> stored;
  while (q.executeStep()) stored[q.getColumn(0).getString()] = q.getColumn(1).getInt();
  for (const auto& entry : acknowledged_handoffs) {  // no structured binding: clang 14 cannot capture it
    const std::string& session = entry.first;
    CHECK_MESSAGE(stored[session] == entry.second, "handoffs of " << session);
  }
  MESSAGE(turns.load() << " turns, " << acknowledged_rmas.size() << " returns, " << acknowledged_handoffs.size()
                       << " handoffs");
}
