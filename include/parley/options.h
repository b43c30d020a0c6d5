// How to open a Bot. A plain struct: every field has a usable default except
// `store`.
#ifndef PARLEY_OPTIONS_H_
#define PARLEY_OPTIONS_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "parley/session_store.h"

namespace parley {

// The bot's notion of "now". Injected so that every date-dependent answer
// (late orders, return windows, expected dates) is testable.
using Clock = std::function<std::chrono::system_clock::time_point()>;

struct BotOptions {
  // Directory of intent packs: either a locale folder holding the YAML files
  // ("intents/en") or the folder above the locale folders ("intents"), in
  // which case `locale` picks the subfolder. Empty: the installed packs.
  std::string intents;
  // Path of the SQLite knowledge base. It is created and migrated if missing;
  // a store written by a newer parley is refused (ErrorCode::kSchemaTooNew).
  std::string store;
  // How much later than written a turn may see changes that *other
  // processes* make to the store (the shop's systems updating an order).
  // Within this time a turn reads in the snapshot an earlier turn used,
  // instead of taking SQLite's file locks again: those system calls were
  // four tenths of a turn's time in our benchmark. Writes by this process
  // (returns, address changes, any parley Store on the same file) are
  // always seen by the next turn. 0: every turn reads the latest data.
  // Default: 50 ms.
  std::chrono::milliseconds store_staleness{50};
  // BCP 47 tag of the pack to use and of number/date formatting ("en").
  std::string locale = "en";
  // A directory where the loaded intent pack is kept in binary form, so that
  // the next start on unchanged content skips parsing YAML, and what
  // compiling learnt about each rule, so that a start or reload() skips
  // re-analysing the rules it has seen (together most of the cost of
  // open() and reload()). Any change to a content file is seen: the pack's
  // copy is used only when every file is byte for byte the same, a rule's
  // facts only for the very same regex. Both are used only by the build of
  // parley that wrote them. Created if missing; problems with it are never
  // errors. Empty (default): no cache. The parley REPL uses
  // $XDG_CACHE_HOME/parley (else ~/.cache/parley).
  std::string cache_directory;
  // Now, for every date-dependent answer. Default: the system clock.
  Clock clock;
  // Seed for the choice between response variations; the same seed and the
  // same conversation give the same replies.
  std::uint64_t seed = 0;
  // Longer messages are cut to this many characters (code points) and
  // answered politely.
  std::size_t max_message_chars = 2000;
  // Log every turn (redacted) to the store's conversation log. The log is
  // written in batches by a thread of the Bot's own, within about 50 ms of
  // each reply (see Bot::flush_log for what that means after a crash).
  bool log_turns = true;
  // Where sessions are kept between turns; null: in this Bot's memory only.
  // See parley/session_store.h (open_sqlite_session_store).
  std::shared_ptr<SessionStore> sessions;
  // At most this many sessions are kept in memory (0: no limit). Beyond it
  // the least recently used one is let go: with `sessions` set it is read
  // back from the SessionStore on its next message (every turn is saved
  // there), so nothing is lost; without, that conversation starts afresh.
  // A session in the middle of a turn is never let go. About 1 KiB per idle
  // session, more with a long transcript. Default: 100,000. From 4,096 up,
  // the sessions are kept in 16 shards bounded by a sixteenth each (threads
  // then rarely wait for each other), so "least recently used" is per
  // shard, and up to 15 sessions more than the bound may be kept.
  std::size_t max_sessions = 100000;
  // Sessions without a message (or other call naming them) for longer than
  // this, by `clock`, are let go the same way. 0 (default): no time limit.
  std::chrono::seconds session_idle_timeout{0};
  // Fill Reply::trace with the explanation of each decision (which rule or
  // example decided, what the dialogue did), as the REPL's /why shows. Off,
  // the trace holds only failures (store errors, a host action that threw)
  // and a turn costs about a quarter less CPU.
  bool trace = true;
};

}  // namespace parley

#endif  // PARLEY_OPTIONS_H_
