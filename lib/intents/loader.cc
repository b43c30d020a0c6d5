#include "intents/loader.h"

#include <unicode/utf8.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <set>
#include <sstream>
#include <thread>

namespace parley::intents {
namespace {

namespace fs = std::filesystem;

// Reads one file's nodes, reporting problems at the node's position.
class FileReader {
 public:
  FileReader(std::string file, std::vector<Diagnostic>& diagnostics)
      : file_(std::move(file)), diagnostics_(diagnostics) {}

  SourceLocation Where(const YAML::Node& node) const {
    const YAML::Mark mark = node.Mark();
    if (mark.is_null()) return SourceLocation{file_, 0, 0};
    return SourceLocation{file_, mark.line + 1, mark.column + 1};
  }

  void Error(const YAML::Node& node, std::string message) {
    diagnostics_.push_back(Diagnostic{Where(node), Severity::kError, std::move(message)});
  }

  bool ExpectMap(const YAML::Node& node, std::string_view what) {
    if (node.IsMap()) return true;
    Error(node, std::string(what) + " must be a mapping (key: value lines)");
    return false;
  }

  bool ExpectSequence(const YAML::Node& node, std::string_view what) {
    if (node.IsSequence()) return true;
    Error(node, std::string(what) + " must be a list (lines starting with '- ')");
    return false;
  }

  // Reports every key of `map` not in `allowed`, suggesting the closest one.
  void CheckKeys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                 std::string_view what) {
    for (const auto& entry : map) {
      const std::string key = entry.first.Scalar();
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
      std::string message = "unknown key '" + key + "' in " + std::string(what) + "; expected one of:";
      for (auto a : allowed) message += " " + std::string(a);
      Error(entry.first, message);
    }
  }

  std::string Scalar(const YAML::Node& node, std::string_view what) {
    if (node.IsScalar()) return node.Scalar();
    Error(node, std::string(what) + " must be a single value");
    return "";
  }

  std::vector<Text> TextList(const YAML::Node& node, std::string_view what) {
    std::vector<Text> out;
    if (node.IsScalar()) {
      out.push_back(Text{node.Scalar(), Where(node)});
      return out;
    }
    if (!ExpectSequence(node, what)) return out;
    for (const auto& item : node) {
      if (!item.IsScalar()) {
        Error(item, std::string(what) + ": each entry must be a single line of text");
        continue;
      }
      if (item.Scalar().empty()) {
        Error(item, std::string(what) + ": empty entry");
        continue;
      }
      out.push_back(Text{item.Scalar(), Where(item)});
    }
    return out;
  }

  template <typename T>
  T Number(const YAML::Node& node, std::string_view what, T fallback) {
    try {
      return node.as<T>();
    } catch (const YAML::Exception&) {
      Error(node, std::string(what) + " must be a number");
      return fallback;
    }
  }

  bool Bool(const YAML::Node& node, std::string_view what, bool fallback) {
    try {
      return node.as<bool>();
    } catch (const YAML::Exception&) {
      Error(node, std::string(what) + " must be true or false");
      return fallback;
    }
  }

  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::vector<Diagnostic>& diagnostics_;
};

// Named lists of veto patterns (`veto_lists:`, any file of the locale),
// referred to as "@name" in an intent's `not:` and expanded once every file
// is read.
struct VetoList {
  SourceLocation where;
  std::vector<Text> patterns;
};
using VetoLists = std::map<std::string, VetoList>;

bool IsVetoListReference(const std::string& veto) {
  return veto.size() > 1 && veto[0] == '@' &&
         std::all_of(veto.begin() + 1, veto.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

void ReadVetoLists(FileReader& r, const YAML::Node& node, VetoLists& lists) {
  if (!r.ExpectMap(node, "veto_lists")) return;
  for (const auto& entry : node) {
    const std::string name = entry.first.Scalar();
    if (!IsVetoListReference("@" + name)) {
      r.Error(entry.first, "veto list name '" + name + "' must be lower-case letters, digits and '_'");
      continue;
    }
    VetoList list{r.Where(entry.first), r.TextList(entry.second, "veto list '" + name + "'")};
    for (const Text& t : list.patterns) {
      if (IsVetoListReference(t.value)) r.Error(entry.second, "veto list '" + name + "' names another list: lists do not nest");
    }
    auto [it, added] = lists.emplace(name, std::move(list));
    if (!added) {
      r.Error(entry.first, "veto list '" + name + "' is defined twice (first at " + it->second.where.file + ":" +
                               std::to_string(it->second.where.line) + ")");
    }
  }
}

// Replaces every "@name" of an intent's `not:` by the patterns of that list
// (where they were written, for traces); an unknown name is an error at the
// reference.
void ExpandVetoLists(Pack& pack, const VetoLists& lists, std::vector<Diagnostic>& diagnostics) {
  for (IntentDef& intent : pack.intents) {
    if (std::none_of(intent.vetoes.begin(), intent.vetoes.end(), [](const Text& t) { return IsVetoListReference(t.value); })) {
      continue;
    }
    std::vector<Text> expanded;
    for (Text& veto : intent.vetoes) {
      if (!IsVetoListReference(veto.value)) {
        expanded.push_back(std::move(veto));
        continue;
      }
      auto it = lists.find(veto.value.substr(1));
      if (it == lists.end()) {
        std::string known;
        for (const auto& [name, list] : lists) known += (known.empty() ? "" : ", ") + ("@" + name);
        diagnostics.push_back({veto.where, Severity::kError,
                               "intent '" + intent.id + "' not: unknown veto list '" + veto.value + "'" +
                                   (known.empty() ? std::string(" (no veto_lists: are defined)") : " (known: " + known + ")")});
        continue;
      }
      expanded.insert(expanded.end(), it->second.patterns.begin(), it->second.patterns.end());
    }
    intent.vetoes = std::move(expanded);
  }
}

void ReadIntents(FileReader& r, const YAML::Node& node, Pack& pack) {
  if (!r.ExpectSequence(node, "intents")) return;
  for (const auto& item : node) {
    if (!r.ExpectMap(item, "an intent")) continue;
    r.CheckKeys(item, {"id", "description", "priority", "context", "slots", "patterns", "phrases",
                       "not", "examples"},
                "an intent");
    IntentDef intent;
    intent.where = r.Where(item);
    if (item["id"]) intent.id = r.Scalar(item["id"], "id");
    if (intent.id.empty()) {
      r.Error(item, "intent without an 'id'");
      continue;
    }
    const std::string what = "intent '" + intent.id + "'";
    if (item["description"]) intent.description = r.Scalar(item["description"], "description");
    if (item["priority"]) intent.priority = r.Number<int>(item["priority"], "priority", 0);
    if (item["context"]) {
      for (auto& t : r.TextList(item["context"], "context")) {
        if (t.value != "question_pending" && t.value != "slot_pending" && t.value != "choice_pending") {
          r.Error(item["context"], "unknown context '" + t.value +
                                       "'; expected question_pending, slot_pending or choice_pending");
        }
        intent.contexts.push_back(t.value);
      }
    }
    if (item["patterns"]) intent.patterns = r.TextList(item["patterns"], what + " patterns");
    if (item["phrases"]) intent.phrases = r.TextList(item["phrases"], what + " phrases");
    if (item["not"]) intent.vetoes = r.TextList(item["not"], what + " not");
    if (item["examples"]) intent.examples = r.TextList(item["examples"], what + " examples");
    if (const YAML::Node slots = item["slots"]; slots && r.ExpectSequence(slots, what + " slots")) {
      for (const auto& s : slots) {
        if (!r.ExpectMap(s, "a slot")) continue;
        r.CheckKeys(s, {"name", "entity", "required"}, "a slot");
        SlotDef slot;
        slot.where = r.Where(s);
        if (s["name"]) slot.name = r.Scalar(s["name"], "slot name");
        if (s["entity"]) slot.entity = r.Scalar(s["entity"], "slot entity");
        if (s["required"]) slot.required = r.Bool(s["required"], "required", false);
        if (slot.name.empty()) r.Error(s, "slot without a 'name'");
        if (slot.entity.empty()) r.Error(s, "slot '" + slot.name + "' has no 'entity'");
        intent.slots.push_back(std::move(slot));
      }
    }
    pack.intents.push_back(std::move(intent));
  }
}

void ReadSynonyms(FileReader& r, const YAML::Node& node, Pack& pack) {
  if (!r.ExpectMap(node, "synonyms")) return;
  for (const auto& entry : node) {
    SynonymClass c;
    c.name = entry.first.Scalar();
    c.where = r.Where(entry.first);
    for (auto& t : r.TextList(entry.second, "synonym class '" + c.name + "'")) {
      c.members.push_back(t.value);
    }
    pack.synonyms.push_back(std::move(c));
  }
}

void ReadShorthand(FileReader& r, const YAML::Node& node, Pack& pack) {
  if (!r.ExpectMap(node, "shorthand")) return;
  for (const auto& entry : node) {
    std::string key = entry.first.Scalar();
    std::string value = r.Scalar(entry.second, "shorthand '" + key + "'");
    if (!pack.shorthand.emplace(key, value).second) {
      r.Error(entry.first, "shorthand '" + key + "' is defined twice");
    }
  }
}

void ReadEntities(FileReader& r, const YAML::Node& node, Pack& pack) {
  if (!r.ExpectMap(node, "entities")) return;
  for (const auto& entry : node) {
    EntityDef e;
    e.name = entry.first.Scalar();
    e.where = r.Where(entry.first);
    if (!r.ExpectMap(entry.second, "entity '" + e.name + "'")) continue;
    r.CheckKeys(entry.second, {"patterns"}, "an entity");
    if (entry.second["patterns"]) {
      e.patterns = r.TextList(entry.second["patterns"], "entity '" + e.name + "' patterns");
    }
    pack.entities.push_back(std::move(e));
  }
}

// Reads a word list (one word per line, '#' comments) next to the YAML file.
void ReadWordFile(FileReader& r, const YAML::Node& node, Pack& pack) {
  const fs::path path = fs::path(r.file()).parent_path() / pack.locale.known_words_file;
  std::ifstream in(path);
  if (!in) {
    r.Error(node, "cannot read the word list '" + path.string() + "'");
    return;
  }
  pack.other_files.push_back(path.string());
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    pack.locale.known_words.push_back(line);
  }
}

void ReadLocale(FileReader& r, const YAML::Node& node, Pack& pack) {
  if (!r.ExpectMap(node, "locale")) return;
  r.CheckKeys(node, {"tag", "formatting", "fold_accents", "fallback_threshold", "ambiguity_margin",
                     "stopwords", "known_words", "known_words_file", "set_aside"},
              "locale");
  LocaleSettings& l = pack.locale;
  if (node["tag"]) l.tag = r.Scalar(node["tag"], "tag");
  if (node["formatting"]) l.formatting = r.Scalar(node["formatting"], "formatting");
  if (node["known_words_file"]) {
    l.known_words_file = r.Scalar(node["known_words_file"], "known_words_file");
    ReadWordFile(r, node["known_words_file"], pack);
  }
  if (node["fold_accents"]) l.fold_accents = r.Bool(node["fold_accents"], "fold_accents", true);
  if (node["fallback_threshold"]) {
    l.fallback_threshold = r.Number<double>(node["fallback_threshold"], "fallback_threshold", 0.5);
  }
  if (node["ambiguity_margin"]) {
    l.ambiguity_margin = r.Number<double>(node["ambiguity_margin"], "ambiguity_margin", 0.08);
  }
  for (const char* key : {"stopwords", "known_words"}) {
    if (!node[key]) continue;
    auto& list = std::string_view(key) == "stopwords" ? l.stopwords : l.known_words;
    for (auto& t : r.TextList(node[key], key)) list.push_back(t.value);
  }
  if (node["set_aside"]) {
    for (auto& t : r.TextList(node["set_aside"], "set_aside")) l.set_aside.push_back(std::move(t));
  }
  for (double v : {l.fallback_threshold, l.ambiguity_margin}) {
    if (v < 0 || v > 1) r.Error(node, "thresholds must be between 0 and 1");
  }
}

void ReadResponses(FileReader& r, const YAML::Node& node, Pack& pack) {
  if (!r.ExpectMap(node, "responses")) return;
  for (const auto& entry : node) {
    ResponseDef def;
    def.key = entry.first.Scalar();
    def.where = r.Where(entry.first);
    def.variants = r.TextList(entry.second, "response '" + def.key + "'");
    if (!pack.responses.emplace(def.key, def).second) {
      r.Error(entry.first, "response '" + def.key + "' is defined twice");
    }
  }
}

void ReadFlows(FileReader& r, const YAML::Node& node, Pack& pack) {
  if (!r.ExpectMap(node, "flows")) return;
  for (const auto& entry : node) {
    FlowDef flow;
    flow.intent = entry.first.Scalar();
    flow.where = r.Where(entry.first);
    const YAML::Node& body = entry.second;
    if (!r.ExpectMap(body, "flow '" + flow.intent + "'")) continue;
    r.CheckKeys(body, {"slots", "verify", "confirm", "action", "response"}, "a flow");
    if (body["verify"]) flow.verify = r.Bool(body["verify"], "verify", false);
    if (body["confirm"]) flow.confirm = r.Scalar(body["confirm"], "confirm");
    if (body["action"]) flow.action = r.Scalar(body["action"], "action");
    if (body["response"]) flow.response = r.Scalar(body["response"], "response");
    if (const YAML::Node slots = body["slots"]; slots && r.ExpectSequence(slots, "flow slots")) {
      for (const auto& s : slots) {
        if (!r.ExpectMap(s, "a flow slot")) continue;
        r.CheckKeys(s, {"name", "prompt", "retries"}, "a flow slot");
        FlowSlotDef slot;
        slot.where = r.Where(s);
        if (s["name"]) slot.name = r.Scalar(s["name"], "slot name");
        if (s["prompt"]) slot.prompt = r.Scalar(s["prompt"], "prompt");
        if (s["retries"]) {
          slot.retries = r.Number<int>(s["retries"], "retries", 2);
          if (slot.retries < 0 || slot.retries > 10) {
            r.Error(s["retries"], "retries must be between 0 and 10 (re-asks before a person is offered)");
            slot.retries = 2;
          }
        }
        if (slot.name.empty()) r.Error(s, "flow slot without a 'name'");
        if (slot.prompt.empty()) r.Error(s, "flow slot '" + slot.name + "' has no 'prompt'");
        flow.slots.push_back(std::move(slot));
      }
    }
    if (!pack.flows.emplace(flow.intent, flow).second) {
      r.Error(entry.first, "flow '" + flow.intent + "' is defined twice");
    }
  }
}

// "HH:MM" -> minutes after midnight, or -1.
int ParseClock(const std::string& text) {
  int h = 0, m = 0;
  char colon = 0;
  if (std::sscanf(text.c_str(), "%d%c%d", &h, &colon, &m) != 3 || colon != ':' || h < 0 || h > 24 ||
      m < 0 || m > 59) {
    return -1;
  }
  return h * 60 + m;
}

void ReadEscalation(FileReader& r, const YAML::Node& node, Pack& pack) {
  if (!r.ExpectMap(node, "escalation")) return;
  r.CheckKeys(node, {"misses_before_handoff", "failed_verifications", "frustration", "sensitive",
                     "service_hours", "feedback_after"},
              "escalation");
  EscalationPolicy& e = pack.escalation;
  e.where = r.Where(node);
  if (node["misses_before_handoff"]) {
    e.misses_before_handoff = r.Number<int>(node["misses_before_handoff"], "misses_before_handoff", 2);
  }
  if (node["failed_verifications"]) {
    e.failed_verifications = r.Number<int>(node["failed_verifications"], "failed_verifications", 3);
  }
  if (const YAML::Node f = node["frustration"]; f && r.ExpectMap(f, "frustration")) {
    r.CheckKeys(f, {"offer_at", "handoff_at", "decay", "words", "phrases", "all_caps",
                    "repeated_punctuation", "repeated_question"},
                "frustration");
    if (f["offer_at"]) e.offer_at = r.Number<double>(f["offer_at"], "offer_at", e.offer_at);
    if (f["handoff_at"]) e.handoff_at = r.Number<double>(f["handoff_at"], "handoff_at", e.handoff_at);
    if (f["decay"]) e.decay = r.Number<double>(f["decay"], "decay", e.decay);
    if (f["all_caps"]) e.all_caps = r.Number<double>(f["all_caps"], "all_caps", e.all_caps);
    if (f["repeated_punctuation"]) {
      e.repeated_punctuation = r.Number<double>(f["repeated_punctuation"], "repeated_punctuation", 0.5);
    }
    if (f["repeated_question"]) {
      e.repeated_question = r.Number<double>(f["repeated_question"], "repeated_question", 1.5);
    }
    for (const char* key : {"words", "phrases"}) {
      const YAML::Node list = f[key];
      if (!list || !r.ExpectMap(list, key)) continue;
      auto& target = std::string_view(key) == "words" ? e.words : e.phrases;
      for (const auto& entry : list) {
        target[entry.first.Scalar()] = r.Number<double>(entry.second, "a frustration weight", 1.0);
      }
    }
  }
  if (const YAML::Node s = node["sensitive"]; s && r.ExpectMap(s, "sensitive")) {
    for (const auto& entry : s) {
      auto& topic = e.sensitive[entry.first.Scalar()];
      for (auto& t : r.TextList(entry.second, "sensitive topic")) topic.push_back(t.value);
    }
  }
  if (const YAML::Node h = node["service_hours"]; h && r.ExpectMap(h, "service_hours")) {
    r.CheckKeys(h, {"timezone", "days", "open", "close"}, "service_hours");
    if (h["timezone"]) e.timezone = r.Scalar(h["timezone"], "timezone");
    if (h["days"]) {
      static const char* kDays[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
      e.open_days.clear();
      for (auto& t : r.TextList(h["days"], "days")) {
        int found = -1;
        for (int d = 0; d < 7; ++d) {
          if (t.value.substr(0, 3) == kDays[d]) found = d;
        }
        if (found < 0) r.Error(h["days"], "unknown day '" + t.value + "' (use mon, tue, ...)");
        else e.open_days.push_back(found);
      }
    }
    for (const char* key : {"open", "close"}) {
      if (!h[key]) continue;
      int minutes = ParseClock(r.Scalar(h[key], key));
      if (minutes < 0) r.Error(h[key], std::string(key) + " must be a time like 08:30");
      else (std::string_view(key) == "open" ? e.open_minute : e.close_minute) = minutes;
    }
  }
  if (node["feedback_after"]) {
    for (auto& t : r.TextList(node["feedback_after"], "feedback_after")) e.feedback_after.push_back(t.value);
  }
}

// yaml-cpp passes invalid UTF-8 and control characters (NUL...) through, and
// they would reach customers in responses: refuse the file at the first bad
// byte (column in characters).
bool CheckUtf8(const std::string& file, std::string_view text, std::vector<Diagnostic>& diagnostics) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(std::min<std::size_t>(text.size(), INT32_MAX));
  int line = 1, column = 1;
  for (int32_t i = 0; i < length;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      char byte[8];
      std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(s[at]));
      diagnostics.push_back({SourceLocation{file, line, column}, Severity::kError,
                             std::string("invalid UTF-8 (byte ") + byte +
                                 "): content files must be saved as UTF-8"});
      return false;
    }
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
      diagnostics.push_back({SourceLocation{file, line, column}, Severity::kError,
                             std::string("control character ") + code +
                                 " is not allowed in a content file (YAML forbids it)"});
      return false;
    }
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return true;
}

// A content file read and parsed as YAML, not yet interpreted.
struct ParsedFile {
  std::string file;
  YAML::Node root;
  std::vector<Diagnostic> diagnostics;  // reading and YAML syntax problems
  bool ok = false;
};

ParsedFile ParseFile(const std::string& file) {
  ParsedFile parsed;
  parsed.file = file;
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    parsed.diagnostics.push_back({SourceLocation{file, 0, 0}, Severity::kError, "cannot read the file"});
    return parsed;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  if (!CheckUtf8(file, text, parsed.diagnostics)) return parsed;
  try {
    parsed.root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    parsed.diagnostics.push_back({SourceLocation{file, e.mark.line + 1, e.mark.column + 1},
                                  Severity::kError, "YAML syntax: " + e.msg});
    return parsed;
  } catch (const YAML::Exception& e) {
    parsed.diagnostics.push_back({SourceLocation{file, 0, 0}, Severity::kError, e.what()});
    return parsed;
  }
  parsed.ok = true;
  return parsed;
}

// Parses `files` (YAML parsing is most of the cost of loading a pack) on
// this thread and one more, each taking the next file not yet taken;
// results in the order of `files`.
std::vector<ParsedFile> ParseFiles(const std::vector<std::string>& files) {
  std::vector<ParsedFile> parsed(files.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next++) < files.size();) parsed[i] = ParseFile(files[i]);
  };
  if (files.size() < 2 || std::thread::hardware_concurrency() < 2) {
    work();
    return parsed;
  }
  auto helper = std::async(std::launch::async, work);
  work();
  helper.get();
  return parsed;
}

void InterpretFile(ParsedFile& parsed, Pack& pack, VetoLists& veto_lists, std::vector<Diagnostic>& diagnostics) {
  const std::string& file = parsed.file;
  diagnostics.insert(diagnostics.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
  if (!parsed.ok) return;
  FileReader r(file, diagnostics);
  const YAML::Node& root = parsed.root;
  if (root.IsNull()) return;  // an empty file is allowed
  if (!r.ExpectMap(root, "a content file")) return;
  r.CheckKeys(root, {"locale", "intents", "synonyms", "shorthand", "entities", "responses", "flows",
                     "escalation", "veto_lists"},
              "a content file");
  try {
    if (root["locale"]) ReadLocale(r, root["locale"], pack);
    if (root["intents"]) ReadIntents(r, root["intents"], pack);
    if (root["synonyms"]) ReadSynonyms(r, root["synonyms"], pack);
    if (root["shorthand"]) ReadShorthand(r, root["shorthand"], pack);
    if (root["entities"]) ReadEntities(r, root["entities"], pack);
    if (root["responses"]) ReadResponses(r, root["responses"], pack);
    if (root["flows"]) ReadFlows(r, root["flows"], pack);
    if (root["escalation"]) ReadEscalation(r, root["escalation"], pack);
    if (root["veto_lists"]) ReadVetoLists(r, root["veto_lists"], veto_lists);
  } catch (const YAML::Exception& e) {  // defensive: yaml-cpp conversions
    diagnostics.push_back({SourceLocation{file, e.mark.line + 1, e.mark.column + 1},
                           Severity::kError, e.msg});
  }
}

void CheckUnique(Pack& pack, std::vector<Diagnostic>& diagnostics) {
  std::map<std::string, SourceLocation> seen;
  for (const auto& intent : pack.intents) {
    auto [it, inserted] = seen.emplace(intent.id, intent.where);
    if (!inserted) {
      diagnostics.push_back({intent.where, Severity::kError,
                             "duplicate intent id '" + intent.id + "' (first defined at " +
                                 it->second.file + ":" + std::to_string(it->second.line) + ")"});
    }
  }
  std::map<std::string, SourceLocation> classes;
  for (const auto& c : pack.synonyms) {
    if (!classes.emplace(c.name, c.where).second) {
      diagnostics.push_back({c.where, Severity::kError, "synonym class '" + c.name + "' is defined twice"});
    }
  }
}

}  // namespace

std::vector<std::string> content_files(const std::string& directory) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(directory, ec)) {
    const auto ext = entry.path().extension();
    if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

Pack load_pack(const std::string& directory, std::vector<Diagnostic>& diagnostics) {
  Pack pack;
  pack.directory = directory;
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) {
    diagnostics.push_back({SourceLocation{directory, 0, 0}, Severity::kError,
                           "not a directory of intent files (expected e.g. intents/en)"});
    return pack;
  }
  pack.files = content_files(directory);
  if (pack.files.empty()) {
    diagnostics.push_back({SourceLocation{directory, 0, 0}, Severity::kError,
                           "no .yaml files in this directory"});
    return pack;
  }
  VetoLists veto_lists;
  for (auto& parsed : ParseFiles(pack.files)) InterpretFile(parsed, pack, veto_lists, diagnostics);
  ExpandVetoLists(pack, veto_lists, diagnostics);
  if (pack.locale.tag.empty()) pack.locale.tag = fs::path(directory).filename().string();
  if (pack.locale.formatting.empty()) pack.locale.formatting = pack.locale.tag;
  CheckUnique(pack, diagnostics);
  return pack;
}

}  // namespace parley::intents
