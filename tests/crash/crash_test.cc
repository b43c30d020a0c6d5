// Crash safety: a process writing returns and handoffs is killed with
// SIGKILL mid-stream. Every write it acknowledged must be in the store, and
// nothing may be half-written (every return has its label, every handoff
// its payload, and SQLite's integrity check passes).
#include <SQLiteCpp/SQLiteCpp.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <set>
#include <string>

#include "../bot/bot_fixture.h"

using namespace parley;

namespace {

// The child: writes returns and handoffs as fast as it can and reports each
// one on `out` only after the store call returned (committed).
[[noreturn]] void writer(const std::string& path, int out) {
  auto store = store::Store::open(path);
  if (!store) _exit(2);
  std::vector<std::pair<std::int64_t, std::int64_t>> eligible;  // order, item
  {
    SQLite::Database db(path);
    SQLite::Statement q(db, "SELECT order_id, id FROM order_items ORDER BY id");
    while (q.executeStep()) eligible.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getInt64());
  }
  const auto today = testing::test_day();
  for (std::size_t i = 0;; ++i) {
    std::string ack;
    if (i % 2 == 0 && i / 2 < eligible.size()) {
      auto [order, item] = eligible[i / 2];
      auto r = (*store)->create_return(order, item, "crash test", store::ReturnKind::kRefund, today);
      if (r) ack = "R " + r->rma + "\n";
    } else {
      store::HandoffRecord h;
      h.session = "crash-" + std::to_string(i);
      h.reason = "crash_test";
      h.created_at = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
      h.payload_json = "{\"n\":" + std::to_string(i) + "}";
      auto id = (*store)->record_handoff(h);
      if (id) ack = "H " + h.session + "\n";
    }
    if (!ack.empty() && write(out, ack.data(), ack.size()) < 0) _exit(3);
  }
}

}  // namespace

TEST_CASE("kill -9 in the middle of a stream of returns and handoffs loses nothing acknowledged") {
  testing::BotFixture f(/*orders=*/2000, /*customers=*/300);
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    close(fds[0]);
    writer(f.store_path(), fds[1]);
  }
  close(fds[1]);
  std::set<std::string> rmas, handoffs;
  std::string pending;
  char buffer[4096];
  while (rmas.size() + handoffs.size() < 300) {
    const ssize_t n = read(fds[0], buffer, sizeof buffer);
    REQUIRE(n > 0);
    pending.append(buffer, static_cast<size_t>(n));
    for (size_t nl; (nl = pending.find('\n')) != std::string::npos; pending.erase(0, nl + 1)) {
      const std::string line = pending.substr(0, nl);
      (line[0] == 'R' ? rmas : handoffs).insert(line.substr(2));
    }
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  CHECK(WIFSIGNALED(status));
  // Acknowledgements already in the pipe when the child died also count.
  for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;) pending.append(buffer, static_cast<size_t>(n));
  for (size_t nl; (nl = pending.find('\n')) != std::string::npos; pending.erase(0, nl + 1)) {
    const std::string line = pending.substr(0, nl);
    (line[0] == 'R' ? rmas : handoffs).insert(line.substr(2));
  }
  close(fds[0]);

  SQLite::Database db(f.store_path());
  {
    SQLite::Statement check(db, "PRAGMA integrity_check");
    REQUIRE(check.executeStep());
    CHECK(check.getColumn(0).getString() == "ok");
  }
  auto store = f.open_store();
  for (const auto& rma : rmas) {
    auto r = store->find_return_by_rma(rma);
    REQUIRE(r);
    REQUIRE_MESSAGE(r->has_value(), "acknowledged return " << rma << " is missing");
    CHECK_FALSE((*r)->label_code.empty());
  }
  for (const auto& session : handoffs) {
    SQLite::Statement q(db, "SELECT payload FROM handoffs WHERE session = ?");
    q.bind(1, session);
    REQUIRE_MESSAGE(q.executeStep(), "acknowledged handoff " << session << " is missing");
    CHECK(q.getColumn(0).getString().rfind("{\"n\":", 0) == 0);
  }
  // No half-written return: every row has its RMA, label and item.
  SQLite::Statement partial(db, "SELECT COUNT(*) FROM returns WHERE rma = '' OR label_code = '' OR order_item_id IS NULL");
  REQUIRE(partial.executeStep());
  CHECK(partial.getColumn(0).getInt() == 0);
  MESSAGE(rmas.size() << " returns and " << handoffs.size() << " handoffs acknowledged before the kill");
}
