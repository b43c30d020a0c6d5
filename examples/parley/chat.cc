// `parley chat`: the tester's REPL.
#include <editline/readline.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "cli.h"
#include "dialogue/json.h"
#include "parley/bot.h"
#include "store/dates.h"

namespace parley::cli {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;

// Ctrl-C cancels the line being typed instead of ending the REPL.
void on_interrupt(int) { g_interrupted = 1; }

const char* const kUsage = "parley chat [--store FILE] [--intents DIR] [--locale TAG] [--session NAME] [--json] [--today YYYY-MM-DD] [--seed N]";

const std::vector<std::string> kCommands = {"/help",  "/reset", "/debug",   "/why",    "/state",
                                            "/slots", "/session", "/login", "/agent", "/release", "/locale",
                                            "/reload", "/quit"};

struct Style {
  bool on = false;
  const char* dim() const { return on ? "\033[2m" : ""; }
  const char* bot() const { return on ? "\033[1;36m" : ""; }
  const char* warn() const { return on ? "\033[33m" : ""; }
  const char* reset() const { return on ? "\033[0m" : ""; }
};

std::string turn_json(const Reply& r) {
  dialogue::JsonWriter j;
  j.begin_object();
  j.key("reply").value(r.text);
  j.key("intent").value(r.intent);
  j.key("confidence").value(r.confidence);
  j.key("state").value(r.state);
  j.key("handoff").value(r.handoff);
  j.key("suggestions").begin_array();
  for (const auto& s : r.suggestions) j.value(s);
  j.end_array();
  j.key("candidates").begin_array();
  for (const auto& c : r.candidates) j.begin_object().key("intent").value(c.intent).key("confidence").value(c.confidence).end_object();
  j.end_array();
  j.end_object();
  return j.str();
}

char* complete_command(const char* text, int state) {
  static size_t index;
  if (state == 0) index = 0;
  while (index < kCommands.size()) {
    const std::string& c = kCommands[index++];
    if (c.rfind(text, 0) == 0) return strdup(c.c_str());
  }
  return nullptr;
}

char** completion(const char* text, int start, int) {
  rl_attempted_completion_over = 1;
  if (start != 0) return nullptr;
  return rl_completion_matches(text, complete_command);
}

class Repl {
 public:
  Repl(Bot bot, BotOptions options, std::string session, bool json, bool interactive)
      : bot_(std::move(bot)), options_(std::move(options)), session_(std::move(session)), json_(json),
        interactive_(interactive) {
    style_.on = interactive && !json;
    listen();
  }

  int run() {
    if (interactive_) {
      history_ = state_directory() + "/history";
      read_history(history_.c_str());
      rl_attempted_completion_function = completion;
      struct sigaction action = {};
      action.sa_handler = on_interrupt;
      sigemptyset(&action.sa_mask);
      action.sa_flags = 0;  // no SA_RESTART: the read is interrupted
      sigaction(SIGINT, &action, nullptr);
      std::cout << style_.dim() << "parley chat: talking to the bot as session '" << session_
                << "'. /help for commands, Ctrl-D to quit." << style_.reset() << "\n";
    }
    std::string line;
    while (read_line(line)) {
      if (!line.empty() && line[0] == '/') {
        if (!command(line)) break;
        continue;
      }
      if (agent_mode_) {
        agent_says(line);
        continue;
      }
      turn(line);
    }
    if (interactive_) write_history(history_.c_str());
    return kOk;
  }

 private:
  bool read_line(std::string& line) {
    if (!interactive_) return static_cast<bool>(std::getline(std::cin, line));
    for (;;) {
      g_interrupted = 0;
      char* raw = readline(agent_mode_ ? "agent> " : "you> ");
      if (g_interrupted) {  // Ctrl-C: drop the line, ask again
        free(raw);
        std::cout << "^C\n";
        continue;
      }
      if (!raw) {
        std::cout << "\n";
        return false;
      }
      line = raw;
      if (*raw) add_history(raw);
      free(raw);
      return true;
    }
  }

  void turn(const std::string& line) {
    last_ = bot_.respond(session_, line);
    if (json_) {
      std::cout << turn_json(last_) << std::endl;
      return;
    }
    if (interactive_) std::cout << style_.bot() << "bot> " << style_.reset();
    std::cout << last_.text << "\n";
    if (interactive_ && !last_.suggestions.empty()) {
      std::cout << style_.dim() << "     [";
      for (size_t i = 0; i < last_.suggestions.size(); ++i) std::cout << (i ? "] [" : "") << last_.suggestions[i];
      std::cout << "]" << style_.reset() << "\n";
    }
    if (last_.handoff && interactive_) {
      std::cout << style_.warn() << "     (handed off to a human agent; /release gives the conversation back to the bot)"
                << style_.reset() << "\n";
    }
    if (debug_) print_debug();
    std::cout << std::flush;
  }

  void listen() {
    bot_.on_message_for_agent([this](std::string_view, std::string_view message) {
      if (interactive_ && !json_) std::cout << style_.warn() << "     (for the agent: " << message << ")" << style_.reset() << "\n";
    });
  }

  // Opens the pack of another locale; the current bot stays on failure.
  void switch_locale(const std::string& tag) {
    if (tag.empty()) {
      std::cout << "locale: " << options_.locale << " (" << bot_.intents_directory() << ")\n";
      return;
    }
    BotOptions options = options_;
    options.locale = tag;
    auto bot = Bot::open(options);
    if (!bot) {
      std::cout << "cannot switch to '" << tag << "', staying in " << options_.locale << ":\n"
                << bot.error().message() << "\n";
      return;
    }
    bot_ = std::move(*bot);
    options_ = options;
    listen();
    last_ = Reply{};
    std::cout << "(now speaking " << tag << " with " << bot_.intents_directory() << "; conversations start afresh)\n";
  }

  void agent_says(const std::string& text) {
    Status s = bot_.agent_message(session_, text);
    if (!s.ok()) std::cout << s.message() << "\n";
  }

  void print_debug() {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", last_.confidence);
    std::cout << style_.dim() << "  intent: " << last_.intent << " (" << buf << ")  state: " << last_.state << "\n";
    for (const auto& c : last_.candidates) {
      std::snprintf(buf, sizeof buf, "%.2f", c.confidence);
      std::cout << "  candidate: " << c.intent << " " << buf << "\n";
    }
    for (const auto& [k, v] : last_.slots) std::cout << "  slot: " << k << " = " << v << "\n";
    for (const auto& t : last_.trace) {
      if (t.rfind("dialogue:", 0) == 0) std::cout << "  " << t << "\n";
    }
    std::cout << style_.reset();
  }

  // Returns false to quit.
  bool command(const std::string& line) {
    std::istringstream in(line);
    std::string name, arg;
    in >> name;
    std::getline(in >> std::ws, arg);
    if (name == "/quit" || name == "/exit") return false;
    if (name == "/help") {
      std::cout << "/help               this list\n"
                   "/reset              forget this conversation (slots, verification, counters)\n"
                   "/debug on|off       show intent, candidates, slots and dialogue steps after each reply\n"
                   "/why                the full trace of the last decision\n"
                   "/state              the dialogue state\n"
                   "/slots              the slots the bot remembers\n"
                   "/session NAME       switch to (or start) another conversation\n"
                   "/login CUSTOMER-ID  act as a signed-in customer (see docs/demo-store.md)\n"
                   "/locale [TAG]       show the locale, or switch to the pack intents/TAG\n"
                   "/agent [TEXT]       play the human agent on a handed-off conversation: with TEXT,\n"
                   "                    say it as the agent; without, lines you type are the agent's\n"
                   "                    until /release\n"
                   "/release            end a handoff: the bot answers again (with its context)\n"
                   "/reload             reload the intent files (errors shown, old set kept)\n"
                   "/quit               leave (or Ctrl-D)\n";
    } else if (name == "/reset") {
      bot_.reset(session_);
      std::cout << "(conversation reset)\n";
    } else if (name == "/debug") {
      debug_ = arg != "off";
      std::cout << "(debug " << (debug_ ? "on" : "off") << ")\n";
    } else if (name == "/why") {
      if (last_.trace.empty()) std::cout << "(no turn yet)\n";
      for (const auto& t : last_.trace) std::cout << t << "\n";
    } else if (name == "/state") {
      std::cout << bot_.state(session_) << "\n";
    } else if (name == "/slots") {
      if (last_.slots.empty()) std::cout << "(no slots)\n";
      for (const auto& [k, v] : last_.slots) std::cout << k << " = " << v << "\n";
    } else if (name == "/session") {
      if (arg.empty()) {
        std::cout << "session: " << session_ << "\n";
      } else {
        session_ = arg;
        last_ = Reply{};
        std::cout << "(now in session '" << session_ << "')\n";
      }
    } else if (name == "/login") {
      try {
        bot_.sign_in(session_, std::stoll(arg));
        std::cout << "(signed in as customer " << arg << ")\n";
      } catch (...) {
        std::cout << "usage: /login CUSTOMER-ID (a number, see docs/demo-store.md)\n";
      }
    } else if (name == "/locale") {
      switch_locale(arg);
    } else if (name == "/agent") {
      if (bot_.state(session_) != "handed_off") {
        std::cout << "(the conversation is not handed off; ask the bot for a person first)\n";
      } else if (!arg.empty()) {
        agent_says(arg);
      } else {
        agent_mode_ = true;
        std::cout << "(you are the agent now: lines you type go to the customer; /release gives the "
                     "conversation back to the bot)\n";
      }
    } else if (name == "/release") {
      Status s = bot_.release(session_);
      agent_mode_ = false;
      std::cout << (s.ok() ? "(released: the bot answers again)" : s.message()) << "\n";
    } else if (name == "/reload") {
      Status s = bot_.reload();
      std::cout << (s.ok() ? "(intents reloaded)" : "reload failed, the old intents stay in use:\n" + s.message())
                << "\n";
    } else {
      std::cout << "unknown command " << name << " (try /help)\n";
    }
    return true;
  }

  Bot bot_;
  BotOptions options_;
  std::string session_;
  bool json_;
  bool interactive_;
  bool debug_ = false;
  bool agent_mode_ = false;  // lines typed are the human agent's
  Style style_;
  std::string history_;
  Reply last_;
};

}  // namespace

int chat_main(int argc, char** argv) {
  auto specs = bot_flags();
  specs.push_back({"session", true, "conversation name (default: repl)"});
  specs.push_back({"json", false, "print one JSON object per turn (reply, intent, confidence, state, handoff)"});
  specs.push_back({"today", true, "pretend today is this date (YYYY-MM-DD), for reproducible sessions"});
  specs.push_back({"seed", true, "seed for the choice of reply variations (default 0)"});
  auto args = parse(argc, argv, 2, specs, kUsage);
  if (!args) return kError;
  if (args->has("help")) {
    print_help(kUsage,
               "Talk to the bot. On a terminal: line editing, history, colours and /commands.\n"
               "On a pipe: only the replies (or JSON lines with --json), one per input line.",
               specs,
               "  parley chat\n"
               "  parley chat --store shop.db --intents intents --locale en\n"
               "  printf 'where is my order\\n112-4839201-5561234\\njo@example.com\\n' | parley chat --json\n");
    return kOk;
  }
  BotOptions options;
  options.intents = args->get("intents", default_intents());
  options.locale = args->get("locale", "en");
  options.cache_directory = cache_directory();
  auto today = std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  if (args->has("today")) {
    auto day = store::parse_date(args->get("today"));
    if (!day) {
      std::cerr << "parley chat: --today must be a date like 2026-11-24\n";
      return kError;
    }
    today = *day;
    const auto at = std::chrono::sys_days{*day} + std::chrono::hours(12);
    options.clock = [at] { return std::chrono::system_clock::time_point(at); };
  }
  if (args->has("seed")) {
    try {
      options.seed = std::stoull(args->get("seed"));
    } catch (...) {
      std::cerr << "parley chat: --seed must be a number\n";
      return kError;
    }
  }
  options.store = args->get("store");
  if (options.store.empty()) {
    options.store = ensure_demo_store(state_directory(), today);
    if (options.store.empty()) return kError;
  }
  auto bot = Bot::open(options);
  if (!bot) {
    std::cerr << "parley chat: " << bot.error().message() << "\n";
    return kError;
  }
  const bool interactive = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
  return Repl(std::move(*bot), options, args->get("session", "repl"), args->has("json"), interactive).run();
}

}  // namespace parley::cli
