#include "parley/bot.h"

#include <filesystem>
#include <map>
#include <mutex>
#include <shared_mutex>

#include "dialogue/engine.h"
#include "dialogue/renderer.h"
#include "dialogue/session.h"
#include "intents/loader.h"
#include "matcher/matcher.h"
#include "redact/redact.h"
#include "store/store.h"

#ifndef PARLEY_INTENTS_DIR
#define PARLEY_INTENTS_DIR "/usr/local/share/parley/intents"
#endif

namespace parley {
namespace {

namespace fs = std::filesystem;

// The compiled content of one locale: swapped whole by reload().
struct Content {
  std::string directory;
  std::shared_ptr<const matcher::IntentMatcher> matcher;
  std::unique_ptr<dialogue::Renderer> renderer;
};

// `intents` may name a locale folder or the folder above the locales.
std::string resolve_intents_directory(const BotOptions& options) {
  std::string root = options.intents.empty() ? PARLEY_INTENTS_DIR : options.intents;
  std::error_code ec;
  const fs::path with_locale = fs::path(root) / options.locale;
  if (fs::is_directory(with_locale, ec)) return with_locale.string();
  return root;
}

Result<std::shared_ptr<const Content>> load_content(const std::string& directory) {
  std::vector<intents::Diagnostic> diagnostics;
  intents::Pack pack = intents::load_pack(directory, diagnostics);
  if (intents::has_errors(diagnostics)) {
    return Status(ErrorCode::kInvalidContent, intents::format_all(diagnostics));
  }
  auto content = std::make_shared<Content>();
  content->directory = directory;
  content->renderer = std::make_unique<dialogue::Renderer>(pack, diagnostics);
  content->matcher = matcher::IntentMatcher::compile(std::move(pack), diagnostics);
  if (!content->matcher || intents::has_errors(diagnostics)) {
    return Status(ErrorCode::kInvalidContent, intents::format_all(diagnostics));
  }
  return std::shared_ptr<const Content>(std::move(content));
}

struct SessionSlot {
  std::mutex lock;  // serialises turns of one session
  dialogue::Session session;
};

}  // namespace

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "ok";
    case ErrorCode::kInvalidArgument: return "invalid-argument";
    case ErrorCode::kNotFound: return "not-found";
    case ErrorCode::kInvalidContent: return "invalid-content";
    case ErrorCode::kStore: return "store";
    case ErrorCode::kSchemaTooNew: return "schema-too-new";
    case ErrorCode::kInternal: return "internal";
  }
  return "unknown";
}

struct Bot::Impl {
  BotOptions options;
  std::string directory;

  mutable std::mutex content_lock;  // guards the pointer, not the content
  std::shared_ptr<const Content> content;

  std::mutex store_lock;  // store::Store is not thread-safe
  std::unique_ptr<store::Store> store;

  mutable std::mutex sessions_lock;  // guards the map, not the sessions
  std::map<std::string, std::unique_ptr<SessionSlot>, std::less<>> sessions;

  std::map<std::string, Action, std::less<>> host_actions;

  std::shared_ptr<const Content> current() const {
    std::lock_guard guard(content_lock);
    return content;
  }

  SessionSlot& session(std::string_view id) {
    std::lock_guard guard(sessions_lock);
    auto it = sessions.find(id);
    if (it == sessions.end()) {
      auto slot = std::make_unique<SessionSlot>();
      slot->session.id = std::string(id);
      slot->session.locale = options.locale;
      it = sessions.emplace(std::string(id), std::move(slot)).first;
    }
    return *it->second;
  }

  std::chrono::system_clock::time_point now() const {
    return options.clock ? options.clock() : std::chrono::system_clock::now();
  }

  dialogue::TurnEnvironment environment(const Content& c) {
    const auto at = now();
    return dialogue::TurnEnvironment{*c.matcher, *c.renderer, *store, host_actions,
                                     std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(at)},
                                     at, options.seed, options.max_message_chars};
  }
};

Bot::Bot(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Bot::Bot(Bot&&) noexcept = default;
Bot& Bot::operator=(Bot&&) noexcept = default;
Bot::~Bot() = default;

Result<Bot> Bot::open(const BotOptions& options) {
  if (options.store.empty()) {
    return Status(ErrorCode::kInvalidArgument, "BotOptions::store is empty: give the path of the SQLite knowledge base");
  }
  if (options.max_message_chars == 0) {
    return Status(ErrorCode::kInvalidArgument, "BotOptions::max_message_chars must be at least 1");
  }
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->directory = resolve_intents_directory(options);
  auto content = load_content(impl->directory);
  if (!content) return content.error();
  impl->content = std::move(*content);
  auto store = store::Store::open(options.store);
  if (!store) return store.error();
  impl->store = std::move(*store);
  return Bot(std::move(impl));
}

Reply Bot::respond(std::string_view session_id, std::string_view message) {
  auto content = impl_->current();
  SessionSlot& slot = impl_->session(session_id);
  std::lock_guard session_guard(slot.lock);
  std::lock_guard store_guard(impl_->store_lock);
  Reply reply = dialogue::run_turn(slot.session, message, impl_->environment(*content));
  if (impl_->options.log_turns) {
    store::TurnRecord turn;
    turn.at = std::chrono::floor<std::chrono::seconds>(impl_->now());
    turn.session = slot.session.id;
    turn.locale = slot.session.locale;
    turn.text_redacted = redact::redact(slot.session.transcript.size() >= 2
                                            ? slot.session.transcript[slot.session.transcript.size() - 2].text
                                            : std::string(message));
    turn.intent = reply.intent;
    turn.confidence = reply.confidence;
    turn.state = reply.state;
    turn.outcome = reply.handoff ? "handed_off"
                   : reply.intent == "fallback" ? "fallback"
                   : reply.intent == "ambiguous" ? "clarified"
                                                 : "answered";
    if (Status logged = impl_->store->log_turn(turn); !logged.ok()) {
      reply.trace.push_back("log: " + logged.message());
    }
  }
  return reply;
}

Status Bot::reload() {
  auto content = load_content(impl_->directory);
  if (!content) return content.error();
  std::lock_guard guard(impl_->content_lock);
  impl_->content = std::move(*content);
  return Status::Ok();
}

void Bot::reset(std::string_view session_id) {
  SessionSlot& slot = impl_->session(session_id);
  std::lock_guard guard(slot.lock);
  const auto customer = slot.session.customer_id;
  slot.session = dialogue::Session{};
  slot.session.id = std::string(session_id);
  slot.session.locale = impl_->options.locale;
  slot.session.customer_id = customer;
}

std::string Bot::state(std::string_view session_id) const {
  std::lock_guard guard(impl_->sessions_lock);
  auto it = impl_->sessions.find(session_id);
  if (it == impl_->sessions.end()) return "idle";
  std::lock_guard session_guard(it->second->lock);
  return dialogue::state_name(it->second->session.state);
}

void Bot::sign_in(std::string_view session_id, std::int64_t customer_id) {
  SessionSlot& slot = impl_->session(session_id);
  std::lock_guard guard(slot.lock);
  slot.session.customer_id = customer_id;
}

void Bot::register_action(std::string name, Action action) {
  impl_->host_actions[std::move(name)] = std::move(action);
}

Status Bot::release(std::string_view session_id) {
  {
    std::lock_guard guard(impl_->sessions_lock);
    if (!impl_->sessions.count(session_id)) {
      return Status(ErrorCode::kNotFound, "no session named '" + std::string(session_id) + "'");
    }
  }
  SessionSlot& slot = impl_->session(session_id);
  std::lock_guard guard(slot.lock);
  slot.session.end_flow();
  slot.session.misses = 0;
  return Status::Ok();
}

const std::string& Bot::intents_directory() const { return impl_->directory; }

}  // namespace parley
