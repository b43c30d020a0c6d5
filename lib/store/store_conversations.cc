// Store: what the bot writes — handoffs, feedback, the conversation log and
// session state.
#include <SQLiteCpp/Transaction.h>

#include <string>

#include "store/connection.h"
#include "store/store.h"

namespace parley::store {

Result<std::int64_t> Store::record_handoff(const HandoffRecord& handoff) {
  try {
    auto write = connection_->write_guard();
    Query q = connection_->query(
        "INSERT INTO handoffs (session, reason, created_at, payload) "
        "VALUES (?1, ?2, ?3, ?4)");
    q.bind(1, handoff.session).bind(2, handoff.reason);
    q.bind(3, handoff.created_at).bind(4, handoff.payload_json).run();
    return connection_->db().getLastInsertRowid();
  } catch (...) {
    return connection_->failure("record a handoff for session " +
                                handoff.session +
                                " (the payload must be valid JSON)");
  }
}

Status Store::record_feedback(const FeedbackRecord& feedback) {
  try {
    auto write = connection_->write_guard();
    Query q = connection_->query(
        "INSERT INTO feedback (session, intent, outcome, helpful, comment, "
        "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    q.bind(1, feedback.session).bind(2, feedback.intent);
    q.bind(3, feedback.outcome).bind(4, feedback.helpful);
    q.bind(5, feedback.comment).bind(6, feedback.created_at).run();
    return Status::Ok();
  } catch (...) {
    return connection_->failure("record feedback for session " + feedback.session);
  }
}

namespace {

void insert_turn(Connection& connection, const TurnRecord& turn) {
  Query q = connection.query(
      "INSERT INTO conversation_log (at, session, locale, text_redacted, "
      "intent, confidence, state, outcome) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  q.bind(1, turn.at).bind(2, turn.session).bind(3, turn.locale);
  q.bind(4, turn.text_redacted).bind(5, turn.intent);
  q.bind(6, turn.confidence).bind(7, turn.state).bind(8, turn.outcome).run();
}

}  // namespace

Status Store::log_turn(const TurnRecord& turn) {
  try {
    auto write = connection_->write_guard();
    insert_turn(*connection_, turn);
    return Status::Ok();
  } catch (...) {
    return connection_->failure("log a turn of session " + turn.session);
  }
}

Status Store::log_turns(const std::vector<TurnRecord>& turns) {
  if (turns.empty()) return Status::Ok();
  try {
    auto write = connection_->write_guard();
    SQLite::Transaction transaction(connection_->db(), SQLite::TransactionBehavior::IMMEDIATE);
    for (const auto& turn : turns) insert_turn(*connection_, turn);
    transaction.commit();
    return Status::Ok();
  } catch (...) {
    return connection_->failure("log " + std::to_string(turns.size()) +
                                " turns (none was written)");
  }
}

Status Store::save_session(std::string_view session_id, std::string_view data,
                           Timestamp updated_at) {
  try {
    auto write = connection_->write_guard();
    Query q = connection_->query(
        "INSERT INTO sessions (id, data, updated_at) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (id) DO UPDATE SET data = excluded.data, "
        "updated_at = excluded.updated_at");
    q.bind(1, session_id).bind(2, data).bind(3, updated_at).run();
    return Status::Ok();
  } catch (...) {
    return connection_->failure("save session " + std::string(session_id));
  }
}

Result<std::optional<std::string>> Store::load_session(std::string_view session_id) {
  try {
    Query q = connection_->query("SELECT data FROM sessions WHERE id = ?1");
    q.bind(1, session_id);
    if (!q.step()) return std::optional<std::string>();
    return std::optional<std::string>(q.text(0));
  } catch (...) {
    return connection_->failure("load session " + std::string(session_id));
  }
}

Status Store::delete_session(std::string_view session_id) {
  try {
    auto write = connection_->write_guard();
    Query q = connection_->query("DELETE FROM sessions WHERE id = ?1");
    q.bind(1, session_id).run();
    return Status::Ok();
  } catch (...) {
    return connection_->failure("delete session " + std::string(session_id));
  }
}

}  // namespace parley::store
