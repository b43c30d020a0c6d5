// Running conversations: per day, one generated demo store and one Bot on a
// working copy that is reset to the generated content before each
// conversation.
#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "convtest/check.h"
#include "convtest/convtest.h"
#include "parley/bot.h"
#include "store/dates.h"
#include "store/demo.h"
#include "store/store.h"

namespace parley::convtest {
namespace {

namespace fs = std::filesystem;

// One day's demo store: the generated original, and the working copy a Bot
// is open on. Compiling the intents is the slow part of opening a Bot, so
// the Bot is kept and its store is reset from the original before each
// conversation instead.
struct Day {
  std::string original;
  std::string working;
  std::unique_ptr<Bot> bot;
};

class Runner {
 public:
  explicit Runner(const RunOptions& options) : options_(options) {}
  ~Runner() {
    days_.clear();  // close the stores before removing them
    std::error_code ec;
    if (owns_directory_) fs::remove_all(directory_, ec);
  }

  Status prepare() {
    std::error_code ec;
    if (options_.work_directory.empty()) {
      static int counter = 0;
      directory_ = fs::temp_directory_path(ec) /
                   ("parley-convtest-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
      fs::remove_all(directory_, ec);
      owns_directory_ = true;
    } else {
      directory_ = options_.work_directory;
    }
    fs::create_directories(directory_, ec);
    if (ec) return Status(ErrorCode::kNotFound, "cannot create " + directory_.string() + ": " + ec.message());
    return Status::Ok();
  }

  // Runs one conversation. A Status that is not OK stops the whole run.
  Result<ConversationResult> run(const Conversation& c) {
    ConversationResult result{c.name, c.where, false, 0, ""};
    auto day = day_for(c.today);
    if (!day) return day.error();
    Bot& bot = *(*day)->bot;
    bot.flush_log();  // no log write in flight while the store is reset
    if (Status s = reset_store(**day); !s.ok()) return s;
    // A new session per conversation, named after it: nothing carries over,
    // and the reply variations (picked per session) do not change when other
    // conversations are added or reordered.
    std::string session = c.name;
    while (!sessions_.insert(session).second) session += "'";

    if (c.signed_in) {
      auto id = resolve_customer(**day, *c.signed_in);
      if (!id) return id.error();
      if (!*id) {
        result.report = format_location(c.where) + ": signed_in: no customer with email '" +
                        std::get<std::string>(*c.signed_in) + "' in the demo store\n";
        return result;
      }
      bot.sign_in(session, **id);
    }

    std::vector<Exchange> exchanges;
    result.passed = true;
    for (size_t i = 0; i < c.turns.size(); ++i) {
      exchanges.push_back({c.turns[i].say, bot.respond(session, c.turns[i].say)});
      result.turns_run = static_cast<int>(i + 1);
      auto problems = unmet_expectations(c.turns[i], exchanges.back().reply);
      if (!problems.empty()) {
        result.passed = false;
        result.report = failure_report(c, i, exchanges, problems);
        break;
      }
    }
    return result;
  }

 private:
  // The day's store and Bot, generated and opened on first use.
  Result<Day*> day_for(store::Date today) {
    const std::string name = store::format_date(today);
    if (auto it = days_.find(name); it != days_.end()) return it->second.get();
    auto day = std::make_unique<Day>();
    day->original = (directory_ / ("demo-" + name + ".db")).string();
    day->working = (directory_ / ("working-" + name + ".db")).string();
    for (const auto& path : {day->original, day->working}) remove_store(path);
    {
      auto store = store::Store::open(day->original);
      if (!store) return store.error();
      store::DemoOptions demo;
      demo.today = today;
      if (Status s = store::generate_demo_store(**store, demo); !s.ok()) return s;
    }  // closing the only connection checkpoints the WAL into the file
    std::error_code ec;
    fs::copy_file(day->original, day->working, ec);
    if (ec) return Status(ErrorCode::kStore, "cannot copy the demo store to " + day->working + ": " + ec.message());

    BotOptions options;
    options.intents = options_.intents;
    options.locale = options_.locale;
    options.store = day->working;
    options.seed = options_.seed;
    const auto at = std::chrono::sys_days{today} + std::chrono::hours(10);
    options.clock = [at] { return std::chrono::system_clock::time_point(at); };
    auto bot = Bot::open(options);
    if (!bot) return bot.error();
    day->bot = std::make_unique<Bot>(std::move(*bot));
    return days_.emplace(name, std::move(day)).first->second.get();
  }

  // Puts the original's content back into the working store, under the open
  // Bot: SQLite's online backup writes every page in one step, and the Bot's
  // connection sees the new content on its next statement.
  static Status reset_store(const Day& day) {
    try {
      SQLite::Database from(day.original, SQLite::OPEN_READONLY);
      SQLite::Database to(day.working, SQLite::OPEN_READWRITE);
      SQLite::Backup backup(to, from);
      if (const int done = backup.executeStep(-1); done != SQLITE_DONE) {
        return Status(ErrorCode::kStore, "cannot reset " + day.working + " from " + day.original +
                                             ": " + sqlite3_errstr(done));
      }
    } catch (const std::exception& e) {
      return Status(ErrorCode::kStore, "cannot reset " + day.working + " from " + day.original + ": " + e.what());
    }
    return Status::Ok();
  }

  static void remove_store(const std::string& path) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix, ec);
  }

  // The customer id named by `who`; nullopt for an unknown email.
  static Result<std::optional<std::int64_t>> resolve_customer(const Day& day, const SignedIn& who) {
    if (const auto* id = std::get_if<std::int64_t>(&who)) return std::optional<std::int64_t>(*id);
    auto store = store::Store::open(day.original, {.read_only = true});
    if (!store) return store.error();
    auto customer = (*store)->find_customer_by_email(std::get<std::string>(who));
    if (!customer) return customer.error();
    if (!customer->has_value()) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>((**customer).id);
  }

  RunOptions options_;
  fs::path directory_;
  bool owns_directory_ = false;
  std::map<std::string, std::unique_ptr<Day>> days_;
  std::set<std::string> sessions_;  // names used in this run
};

}  // namespace

int RunReport::passed() const {
  return static_cast<int>(std::count_if(results.begin(), results.end(), [](const auto& r) { return r.passed; }));
}

int RunReport::failed() const { return static_cast<int>(results.size()) - passed(); }

RunReport run_conversations(const std::vector<Conversation>& conversations, const RunOptions& options) {
  RunReport report;
  Runner runner(options);
  if (Status s = runner.prepare(); !s.ok()) {
    report.error = s;
    return report;
  }
  for (const auto& c : conversations) {
    auto result = runner.run(c);
    if (!result) {
      report.error = result.error();
      break;
    }
    report.results.push_back(std::move(*result));
  }
  return report;
}

}  // namespace parley::convtest
