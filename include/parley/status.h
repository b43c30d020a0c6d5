// parley's one error convention.
//
// No exception crosses the public API. A fallible call returns a `Status`
// (for "did it work?") or a `Result<T>` (a value or the Status saying why
// not), modelled on `std::expected`. Messages are written for the human who
// must act on them: they name the file (with line and column where there is
// one), the flag or the setting at fault, and what to do.
//
//   auto bot = parley::Bot::open(options);
//   if (!bot) { std::cerr << bot.error().message() << "\n"; return 1; }
//   bot->respond("s1", "hi");
//
// A strange customer message is never an error: it is answered (fallback,
// clarification or handoff). Errors are for the host's mistakes and the
// environment's failures: a bad intents directory, an unreadable store.
#ifndef PARLEY_STATUS_H_
#define PARLEY_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace parley {

enum class ErrorCode {
  kOk = 0,
  kInvalidArgument,  // the caller passed something unusable (bad option, unknown session)
  kNotFound,         // a file, directory or record that must exist does not
  kInvalidContent,   // intent/response/flow YAML is malformed or inconsistent
  kStore,            // the SQLite store failed: unreadable, locked, corrupt, read-only
  kSchemaTooNew,     // the store was written by a newer parley; upgrade parley
  kInternal,         // a bug in parley; please report it with the message
};

// Short stable name of a code, e.g. "invalid-content".
const char* ErrorCodeName(ErrorCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(ErrorCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == ErrorCode::kOk; }
  explicit operator bool() const { return ok(); }
  ErrorCode code() const { return code_; }
  // Human-readable; may span several lines (one per problem found).
  const std::string& message() const { return message_; }

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

// A value of type T, or the Status explaining why there is none.
// Accessing value() of a failed Result is a programming error (asserts).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit like std::expected
  Result(Status error) : error_(std::move(error)) {  // NOLINT
    assert(!error_.ok() && "a Result built from a Status must carry an error");
  }

  bool has_value() const { return value_.has_value(); }
  bool ok() const { return has_value(); }
  explicit operator bool() const { return has_value(); }

  T& value() & { assert(value_); return *value_; }
  const T& value() const& { assert(value_); return *value_; }
  T&& value() && { assert(value_); return std::move(*value_); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // The error; Status::Ok() when there is a value.
  const Status& error() const { return error_; }

 private:
  std::optional<T> value_;
  Status error_;
};

}  // namespace parley

#endif  // PARLEY_STATUS_H_
