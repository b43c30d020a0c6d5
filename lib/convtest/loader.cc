// Reading conversation files (format in convtest.h). yaml-cpp throws: every
// exception is caught here and becomes a file:line:column diagnostic.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "convtest/convtest.h"
#include "dialogue/session.h"
#include "intents/diagnostic.h"
#include "store/dates.h"

namespace parley::convtest {
namespace {

namespace fs = std::filesystem;
using intents::Diagnostic;
using intents::Severity;
using intents::SourceLocation;

const std::vector<std::string_view> kFileKeys = {"conversations"};
const std::vector<std::string_view> kConversationKeys = {"name", "today", "signed_in", "turns"};
const std::vector<std::string_view> kTurnKeys = {
    "say", "intent", "state", "reply_contains", "reply_excludes", "handoff", "suggestions_contain"};

// Levenshtein distance, for "did you mean" hints on misspelt keys.
size_t distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

class FileReader {
 public:
  FileReader(std::string file, std::vector<Diagnostic>& diagnostics)
      : file_(std::move(file)), diagnostics_(diagnostics) {}

  Location where(const YAML::Node& node) const {
    const YAML::Mark mark = node.Mark();
    if (mark.is_null()) return Location{file_, 0, 0};
    return Location{file_, mark.line + 1, mark.column + 1};
  }

  void error(const Location& at, std::string message) {
    diagnostics_.push_back(Diagnostic{SourceLocation{at.file, at.line, at.column}, Severity::kError,
                                      std::move(message)});
  }
  void error(const YAML::Node& node, std::string message) { error(where(node), std::move(message)); }

  // Reports keys of `map` not in `allowed`, with the closest allowed key.
  bool check_keys(const YAML::Node& map, const std::vector<std::string_view>& allowed, std::string_view what) {
    bool ok = true;
    for (const auto& entry : map) {
      const std::string key = entry.first.Scalar();
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
      std::string message = "unknown key '" + key + "' in " + std::string(what);
      std::string_view closest;
      size_t best = 3;  // only close misspellings get a hint
      for (auto a : allowed) {
        if (size_t d = distance(key, a); d < best) best = d, closest = a;
      }
      if (!closest.empty()) {
        message += "; did you mean '" + std::string(closest) + "'?";
      } else {
        message += "; expected one of:";
        for (auto a : allowed) message += " " + std::string(a);
      }
      error(entry.first, message);
      ok = false;
    }
    return ok;
  }

  std::optional<std::string> scalar(const YAML::Node& node, std::string_view what) {
    if (node.IsScalar()) return node.Scalar();
    if (node.IsNull()) return std::string();
    error(node, std::string(what) + " must be a single value");
    return std::nullopt;
  }

  // A text or a list of texts.
  std::vector<std::string> texts(const YAML::Node& node, std::string_view what) {
    std::vector<std::string> out;
    if (node.IsScalar()) {
      out.push_back(node.Scalar());
    } else if (node.IsSequence()) {
      for (const auto& item : node) {
        if (!item.IsScalar() || item.Scalar().empty()) {
          error(item, std::string(what) + ": each entry must be a non-empty text");
          continue;
        }
        out.push_back(item.Scalar());
      }
    } else {
      error(node, std::string(what) + " must be a text or a list of texts");
    }
    return out;
  }

  std::optional<TurnSpec> turn(const YAML::Node& node) {
    if (!node.IsMap()) {
      error(node, "a turn must be a mapping with at least 'say: <message>'");
      return std::nullopt;
    }
    check_keys(node, kTurnKeys, "a turn");
    TurnSpec t;
    t.where = where(node);
    if (!node["say"]) {
      error(node, "a turn needs 'say: <the customer's message>'");
      return std::nullopt;
    }
    t.where = where(node["say"]);
    if (auto say = scalar(node["say"], "say")) t.say = *say;
    if (node["intent"]) t.intent = scalar(node["intent"], "intent");
    if (const YAML::Node state = node["state"]) {
      t.state = scalar(state, "state");
      if (t.state && !dialogue::state_from_name(*t.state)) {
        error(state, "unknown state '" + *t.state +
                         "'; expected one of: idle collecting_slot verifying confirming clarifying "
                         "offering_human handed_off awaiting_feedback");
      }
    }
    if (node["reply_contains"]) t.reply_contains = texts(node["reply_contains"], "reply_contains");
    if (node["reply_excludes"]) t.reply_excludes = texts(node["reply_excludes"], "reply_excludes");
    if (node["suggestions_contain"]) {
      t.suggestions_contain = texts(node["suggestions_contain"], "suggestions_contain");
    }
    if (const YAML::Node handoff = node["handoff"]) {
      bool value = false;
      if (handoff.IsScalar() && YAML::convert<bool>::decode(handoff, value)) {
        t.handoff = value;
      } else {
        error(handoff, "handoff must be true or false");
      }
    }
    return t;
  }

  std::optional<Conversation> conversation(const YAML::Node& node) {
    if (!node.IsMap()) {
      error(node, "a conversation must be a mapping with 'name' and 'turns'");
      return std::nullopt;
    }
    check_keys(node, kConversationKeys, "a conversation");
    Conversation c;
    c.where = where(node);
    c.today = default_today();
    if (const YAML::Node name = node["name"]; name && name.IsScalar() && !name.Scalar().empty()) {
      c.name = name.Scalar();
      c.where = where(name);
    } else {
      error(name ? name : node, "a conversation needs 'name: <what it shows>'");
    }
    if (const YAML::Node today = node["today"]) {
      auto date = today.IsScalar() ? store::parse_date(today.Scalar()) : std::nullopt;
      if (date) {
        c.today = *date;
      } else {
        error(today, "today must be a date written YYYY-MM-DD");
      }
    }
    if (const YAML::Node who = node["signed_in"]) {
      std::int64_t id = 0;
      if (who.IsScalar() && YAML::convert<std::int64_t>::decode(who, id) && id > 0) {
        c.signed_in = id;
      } else if (who.IsScalar() && who.Scalar().find('@') != std::string::npos) {
        c.signed_in = who.Scalar();
      } else {
        error(who, "signed_in must be a customer's email or a positive customer id");
      }
    }
    const YAML::Node turns = node["turns"];
    if (!turns || !turns.IsSequence() || turns.size() == 0) {
      error(turns ? turns : node, "a conversation needs 'turns:', a list of at least one '- say: ...'");
      return c;
    }
    for (const auto& t : turns) {
      if (auto spec = turn(t)) c.turns.push_back(std::move(*spec));
    }
    return c;
  }

  void file(std::vector<Conversation>& out) {
    YAML::Node root;
    try {
      root = YAML::LoadFile(file_);
    } catch (const YAML::ParserException& e) {
      error(Location{file_, e.mark.line + 1, e.mark.column + 1}, e.msg);
      return;
    } catch (const YAML::Exception& e) {
      error(Location{file_, 0, 0}, std::string("cannot read: ") + e.what());
      return;
    }
    if (!root.IsMap()) {
      error(Location{file_, 1, 1}, "a conversation file must start with 'conversations:'");
      return;
    }
    check_keys(root, kFileKeys, "a conversation file");
    const YAML::Node list = root["conversations"];
    if (!list || !list.IsSequence()) {
      error(list ? list : root, "'conversations' must be a list of conversations ('- name: ...')");
      return;
    }
    for (const auto& c : list) {
      if (auto conversation = this->conversation(c)) out.push_back(std::move(*conversation));
    }
  }

 private:
  std::string file_;
  std::vector<Diagnostic>& diagnostics_;
};

}  // namespace

store::Date default_today() { return std::chrono::year{2026} / std::chrono::November / 24; }

std::string format_location(const Location& where) {
  return where.line > 0 ? where.file + ":" + std::to_string(where.line) : where.file;
}

Result<std::vector<Conversation>> load_conversations(const std::string& path) {
  std::error_code ec;
  std::vector<std::string> files;
  if (fs::is_directory(path, ec)) {
    for (const auto& entry : fs::directory_iterator(path, ec)) {
      if (entry.is_regular_file(ec) && entry.path().extension() == ".yaml") files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) return Status(ErrorCode::kNotFound, path + ": no *.yaml conversation files in this directory");
  } else if (fs::exists(path, ec)) {
    files.push_back(path);
  } else {
    return Status(ErrorCode::kNotFound, path + ": no such file or directory");
  }

  std::vector<Diagnostic> diagnostics;
  std::vector<Conversation> out;
  try {
    for (const auto& f : files) FileReader(f, diagnostics).file(out);
  } catch (const YAML::Exception& e) {  // yaml-cpp may throw on odd nodes
    diagnostics.push_back({SourceLocation{path, e.mark.line + 1, e.mark.column + 1}, Severity::kError, e.msg});
  }
  std::map<std::string, Location> names;
  for (const auto& c : out) {
    if (c.name.empty()) continue;
    auto [it, fresh] = names.emplace(c.name, c.where);
    if (!fresh) {
      diagnostics.push_back({SourceLocation{c.where.file, c.where.line, c.where.column}, Severity::kError,
                             "duplicate conversation name '" + c.name + "' (first at " +
                                 format_location(it->second) + ")"});
    }
  }
  if (intents::has_errors(diagnostics)) return Status(ErrorCode::kInvalidContent, intents::format_all(diagnostics));
  return out;
}

}  // namespace parley::convtest
