#include "parley/bot.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>
#include <shared_mutex>

#include "bot/session_table.h"
#include "bot/store_pool.h"
#include "bot/turn_log.h"
#include "dialogue/engine.h"
#include "dialogue/renderer.h"
#include "dialogue/session.h"
#include "escalation/escalation.h"
#include "intents/loader.h"
#include "intents/pack_cache.h"
#include "matcher/matcher.h"
#include "redact/redact.h"
#include "store/store.h"
#include "text/per_thread.h"

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
  std::unique_ptr<escalation::Detector> escalation;
};

// `intents` may name a locale folder or the folder above the locales.
std::string resolve_intents_directory(const BotOptions& options) {
  std::string root = options.intents.empty() ? PARLEY_INTENTS_DIR : options.intents;
  std::error_code ec;
  const fs::path with_locale = fs::path(root) / options.locale;
  if (fs::is_directory(with_locale, ec)) return with_locale.string();
  return root;
}

// A folder of locale folders without the one asked for gets a clear error
// naming the locales that do exist.
Status check_locale_folder(const std::string& directory, const std::string& locale) {
  std::error_code ec;
  std::vector<std::string> locales;
  bool has_yaml = false;
  for (const auto& entry : fs::directory_iterator(directory, ec)) {
    const auto ext = entry.path().extension();
    if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml")) has_yaml = true;
    if (entry.is_directory()) locales.push_back(entry.path().filename().string());
  }
  if (has_yaml || locales.empty()) return Status::Ok();  // a locale folder, or load_content reports
  std::sort(locales.begin(), locales.end());
  std::string found;
  for (const auto& l : locales) found += (found.empty() ? "" : ", ") + l;
  return Status(ErrorCode::kNotFound, directory + ": no intent pack for locale '" + locale +
                                          "' (packs here: " + found + ")");
}

// `categories`: the knowledge base's product categories, recognised as the
// `category` entity besides the pack's own category words.
Result<std::shared_ptr<const Content>> load_content(const std::string& directory,
                                                   const std::string& cache_directory,
                                                   const std::vector<std::string>& categories) {
  std::vector<intents::Diagnostic> diagnostics;
  intents::Pack pack = intents::load_pack_cached(directory, cache_directory, diagnostics);
  if (intents::has_errors(diagnostics)) {
    return Status(ErrorCode::kInvalidContent, intents::format_all(diagnostics));
  }
  // A name that cannot be added is simply not recognised unless the pack's
  // own patterns name it (documented in docs/intents.md, section 7).
  (void)matcher::add_store_categories(pack.entities, categories);
  // Without the dialogue's own sentences the bot would say "[fallback]".
  dialogue::check_required_responses(pack, diagnostics);
  if (intents::has_errors(diagnostics)) {
    return Status(ErrorCode::kInvalidContent, intents::format_all(diagnostics));
  }
  auto content = std::make_shared<Content>();
  content->directory = directory;
  content->renderer = std::make_unique<dialogue::Renderer>(pack, diagnostics);
  const std::string rule_memo =
      cache_directory.empty() ? std::string() : intents::rule_memo_file(directory, cache_directory);
  content->matcher = matcher::IntentMatcher::compile(std::move(pack), diagnostics, rule_memo);
  if (!content->matcher || intents::has_errors(diagnostics)) {
    return Status(ErrorCode::kInvalidContent, intents::format_all(diagnostics));
  }
  const matcher::Normalizer* normalizer = &content->matcher->normalizer();
  content->escalation = std::make_unique<escalation::Detector>(
      content->matcher->pack().escalation,
      [normalizer](std::string_view text) { return normalizer->content_words(text); });
  return std::shared_ptr<const Content>(std::move(content));
}

using bot::SessionSlot;

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
  explicit Impl(const BotOptions& o) : options(o), sessions(o.max_sessions, o.session_idle_timeout) {}

  BotOptions options;
  std::string directory;

  text::PerThreadShared<const Content> content;  // swapped whole by reload()

  // Each turn borrows a connection of its own (see bot/store_pool.h).
  std::unique_ptr<bot::StorePool> stores;

  // Sessions in memory, bounded by options.max_sessions and
  // options.session_idle_timeout. With a SessionStore every change is saved
  // before the slot is let go, so eviction loses nothing.
  bot::SessionTable sessions;

  // The conversation log's writer (null without options.log_turns).
  std::unique_ptr<bot::TurnLog> turn_log;

  std::map<std::string, Action, std::less<>> host_actions;
  std::function<void(const HandoffEvent&)> handoff_callback;
  std::function<void(std::string_view, std::string_view)> agent_callback;

  std::shared_ptr<const Content> current() const { return content.get(); }

  // The session's slot, created on first use (and then loaded from the
  // SessionStore, if any, under the slot's own lock).
  std::shared_ptr<SessionSlot> session(std::string_view id) {
    return sessions.find_or_create(id, now(), [&](SessionSlot& slot) {
      slot.session.id = std::string(id);
      slot.session.locale = options.locale;
      slot.needs_load = options.sessions != nullptr;
    });
  }

  // The session's slot if it is in memory or saved in the SessionStore;
  // null for a session nobody has talked to (no slot is created for it, so
  // unknown ids cost no memory).
  std::shared_ptr<SessionSlot> existing_session(std::string_view id) {
    if (auto slot = sessions.find(id, now())) return slot;
    if (!options.sessions) return nullptr;
    auto saved = options.sessions->load(id);
    if (!saved || !saved->has_value()) return nullptr;
    return session(id);  // loaded (again) under the slot's lock by load_saved
  }

  // Loads a saved session into a fresh slot; the slot's lock must be held.
  // A session that cannot be read starts afresh (said in `problem`).
  void load_saved(SessionSlot& slot, std::string& problem) {
    if (!slot.needs_load) return;
    slot.needs_load = false;
    auto saved = options.sessions->load(slot.session.id);
    if (!saved) {
      problem = "session store: " + saved.error().message();
      return;
    }
    if (!saved->has_value()) return;
    auto session = dialogue::deserialize(**saved);
    if (!session) {
      problem = "saved session ignored: " + session.error().message();
      return;
    }
    const std::string id = slot.session.id;
    slot.session = std::move(*session);
    slot.session.id = id;
  }

  // Runs `change` on the session under its lock, loading and saving it
  // around. With `must_exist`, a session that has never had a turn is
  // kNotFound (and `change` is not run).
  template <typename Change>
  Status edit(std::string_view id, bool must_exist, Change change) {
    auto held = must_exist ? existing_session(id) : session(id);
    if (!held) return Status(ErrorCode::kNotFound, "no conversation named '" + std::string(id) + "'");
    SessionSlot& slot = *held;
    std::lock_guard guard(slot.lock);
    std::string problem;
    load_saved(slot, problem);
    if (must_exist && slot.session.turns == 0) {
      return Status(ErrorCode::kNotFound, "no conversation named '" + std::string(id) + "'");
    }
    change(slot.session);
    Reply ignored;
    save(slot, ignored);
    return Status::Ok();
  }

  // With a SessionStore the store is the truth: another Bot (process,
  // channel) may continue the conversation, so the next use reloads it.
  void save(SessionSlot& slot, Reply& reply) {
    if (!options.sessions) return;
    slot.needs_load = true;
    if (Status s = options.sessions->save(slot.session.id, dialogue::serialize(slot.session)); !s.ok()) {
      reply.trace.push_back("session store: " + s.message());
    }
  }

  std::chrono::system_clock::time_point now() const {
    return options.clock ? options.clock() : std::chrono::system_clock::now();
  }

  dialogue::TurnEnvironment environment(const Content& c, store::Store& store) {
    const auto at = now();
    return dialogue::TurnEnvironment{*c.matcher, *c.renderer, *c.escalation, store, host_actions,
                                     std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(at)},
                                     at, options.seed, options.max_message_chars, options.trace};
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
  auto impl = std::make_unique<Impl>(options);
  impl->directory = resolve_intents_directory(options);
  if (Status s = check_locale_folder(impl->directory, options.locale); !s.ok()) return s;
  store::StoreOptions store_options;
  store_options.snapshot_reuse = options.store_staleness;
  auto open_store = [path = options.store, store_options] { return store::Store::open(path, store_options); };
  // The content is checked before a store is created or its problems are
  // reported; an existing store is read first for its categories, which
  // the content is compiled with.
  std::unique_ptr<store::Store> store;
  std::vector<std::string> categories;
  Status store_problem = Status::Ok();
  std::error_code exists_error;
  if (fs::exists(options.store, exists_error)) {
    auto opened = open_store();
    if (opened) {
      auto names = (*opened)->categories();
      if (names) categories = std::move(*names);
      if (!names) store_problem = names.error();
      store = std::move(*opened);
    } else {
      store_problem = opened.error();
    }
  }
  auto content = load_content(impl->directory, impl->options.cache_directory, categories);
  if (!content) return content.error();
  if (!store_problem.ok()) return store_problem;
  impl->content.publish(std::move(*content));
  if (!store) {
    auto opened = open_store();
    if (!opened) return opened.error();
    store = std::move(*opened);
  }
  impl->stores = std::make_unique<bot::StorePool>(open_store, options.store_staleness);
  impl->stores->add(std::move(store));
  if (options.log_turns) {
    impl->turn_log = std::make_unique<bot::TurnLog>([path = options.store] { return store::Store::open(path); });
  }
  return Bot(std::move(impl));
}

Reply Bot::respond(std::string_view session_id, std::string_view message) {
  auto content = impl_->current();
  const std::shared_ptr<SessionSlot> held = impl_->session(session_id);
  SessionSlot& slot = *held;
  std::lock_guard session_guard(slot.lock);
  std::string load_problem;
  impl_->load_saved(slot, load_problem);
  auto store = impl_->stores->borrow();  // the turn's look-ups: one snapshot, one lock
  if (!store) {
    // The store became unusable (deleted, locked for longer than the busy
    // timeout...): say so, and say how to reach a person.
    Reply reply;
    reply.text = impl_->current()->renderer->render("store_unavailable", {}, 0);
    reply.intent = "fallback";
    reply.state = dialogue::state_name(slot.session.state);
    reply.trace.push_back("store: " + store.error().message());
    return reply;
  }
  const bool was_handed_off = slot.session.state == dialogue::State::kHandedOff;
  Reply reply = dialogue::run_turn(slot.session, message, impl_->environment(*content, **store));
  if (!load_problem.empty()) reply.trace.push_back(load_problem);
  if (was_handed_off && impl_->agent_callback) {
    impl_->agent_callback(slot.session.id, slot.session.transcript.size() >= 2
                                               ? slot.session.transcript[slot.session.transcript.size() - 2].text
                                               : std::string(message));
  }
  if (reply.handoff && impl_->handoff_callback) {
    HandoffEvent event;
    event.session_id = slot.session.id;
    event.reason = slot.session.slots["_handoff_reason"];
    try {
      event.handoff_id = std::stoll(slot.session.slots["_handoff_id"]);
    } catch (...) {
      event.handoff_id = 0;
    }
    event.within_service_hours = slot.session.slots["_handoff_open"] == "1";
    impl_->handoff_callback(event);
  }
  if (impl_->turn_log) {
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
    impl_->turn_log->add(std::move(turn));
    if (std::string problem = impl_->turn_log->take_problem(); !problem.empty()) {
      reply.trace.push_back(std::move(problem));
    }
  }
  impl_->save(slot, reply);
  return reply;
}

Status Bot::reload() {
  // The knowledge base's categories are read again too, on a connection of
  // their own (a pooled one may still hold a read snapshot from before the
  // shop's change): a category added since is recognised from now on.
  std::vector<std::string> categories;
  {
    auto store = store::Store::open(impl_->options.store);
    if (!store) return store.error();
    auto names = (*store)->categories();
    if (!names) return names.error();
    categories = std::move(*names);
  }
  auto content = load_content(impl_->directory, impl_->options.cache_directory, categories);
  if (!content) return content.error();
  impl_->content.publish(std::move(*content));
  return Status::Ok();
}

void Bot::reset(std::string_view session_id) {
  // Nothing to forget about a session that is neither in memory nor saved.
  if (!impl_->options.sessions && !impl_->sessions.find(session_id, impl_->now())) return;
  (void)impl_->edit(session_id, false, [&](dialogue::Session& session) {
    const auto customer = session.customer_id;
    session = dialogue::Session{};
    session.id = std::string(session_id);
    session.locale = impl_->options.locale;
    session.customer_id = customer;
  });
}

std::string Bot::state(std::string_view session_id) const {
  if (auto slot = impl_->sessions.find(session_id, impl_->now())) {
    std::lock_guard guard(slot->lock);
    std::string problem;
    impl_->load_saved(*slot, problem);
    // The SessionStore stays the truth: the next turn reads it again.
    if (impl_->options.sessions) slot->needs_load = true;
    return dialogue::state_name(slot->session.state);
  }
  // Not in memory: read the saved copy, if any, without keeping it.
  if (!impl_->options.sessions) return "idle";
  auto saved = impl_->options.sessions->load(session_id);
  if (!saved || !saved->has_value()) return "idle";
  auto session = dialogue::deserialize(**saved);
  return session ? dialogue::state_name(session->state) : "idle";
}

std::size_t Bot::sessions_in_memory() const { return impl_->sessions.size(); }

void Bot::flush_log() {
  if (impl_->turn_log) impl_->turn_log->flush();
}

void Bot::sign_in(std::string_view session_id, std::int64_t customer_id) {
  (void)impl_->edit(session_id, false, [&](dialogue::Session& session) { session.customer_id = customer_id; });
}

void Bot::register_action(std::string name, Action action) {
  impl_->host_actions[std::move(name)] = std::move(action);
}

Status Bot::release(std::string_view session_id) {
  return impl_->edit(session_id, true, [](dialogue::Session& session) {
    session.end_flow();
    session.misses = 0;
  });
}

void Bot::on_handoff(std::function<void(const HandoffEvent&)> callback) {
  impl_->handoff_callback = std::move(callback);
}

void Bot::on_message_for_agent(std::function<void(std::string_view, std::string_view)> callback) {
  impl_->agent_callback = std::move(callback);
}

Status Bot::agent_message(std::string_view session_id, std::string_view text) {
  return impl_->edit(session_id, true,
                     [&](dialogue::Session& session) { session.record("agent", std::string(text)); });
}

const std::string& Bot::intents_directory() const { return impl_->directory; }

}  // namespace parley
