#include "dialogue/session.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <utility>

namespace parley::dialogue {
namespace {

constexpr std::array<std::pair<State, const char*>, 8> kStateNames = {{
    {State::kIdle, "idle"},
    {State::kCollectingSlot, "collecting_slot"},
    {State::kVerifying, "verifying"},
    {State::kConfirming, "confirming"},
    {State::kClarifying, "clarifying"},
    {State::kOfferingHuman, "offering_human"},
    {State::kHandedOff, "handed_off"},
    {State::kAwaitingFeedback, "awaiting_feedback"},
}};

std::string escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '\n' || c == '\r' || c == '=' || c == ',' || c == '\0') {
      static const char kHex[] = "0123456789ABCDEF";
      out += '%';
      out += kHex[(static_cast<unsigned char>(c) >> 4) & 0xF];
      out += kHex[static_cast<unsigned char>(c) & 0xF];
    } else {
      out += c;
    }
  }
  return out;
}

std::optional<std::string> unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    if (i + 2 >= s.size()) return std::nullopt;
    unsigned value = 0;
    auto [p, ec] = std::from_chars(s.data() + i + 1, s.data() + i + 3, value, 16);
    if (ec != std::errc() || p != s.data() + i + 3) return std::nullopt;
    out += static_cast<char>(value);
    i += 2;
  }
  return out;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  if (s.empty()) return out;
  size_t start = 0;
  for (;;) {
    size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return out;
}

template <typename T>
bool parse_number(std::string_view s, T& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

const char* state_name(State s) {
  for (auto [state, name] : kStateNames) {
    if (state == s) return name;
  }
  return "idle";
}

std::optional<State> state_from_name(std::string_view name) {
  for (auto [state, n] : kStateNames) {
    if (name == n) return state;
  }
  return std::nullopt;
}

void Session::record(std::string speaker, std::string text) {
  transcript.push_back(Turn{std::move(speaker), std::move(text)});
  if (transcript.size() > kMaxTranscript) transcript.erase(transcript.begin());
}

void Session::end_flow() {
  state = State::kIdle;
  flow.clear();
  pending_slot.clear();
  retries = 0;
  options.clear();
}

std::string serialize(const Session& s) {
  std::string out = "v=1\n";
  auto line = [&](std::string_view key, std::string_view value) {
    out += key;
    out += '=';
    out += value;
    out += '\n';
  };
  line("id", escape(s.id));
  line("locale", escape(s.locale));
  line("state", state_name(s.state));
  if (!s.flow.empty()) line("flow", escape(s.flow));
  if (!s.pending_slot.empty()) line("pending", escape(s.pending_slot));
  if (s.retries) line("retries", std::to_string(s.retries));
  for (const auto& [k, v] : s.slots) line("slot." + escape(k), escape(v));
  if (!s.options.empty()) {
    // Options are intent ids, never empty: an empty one could not be told
    // apart from a separator (",a" used to come back as "a").
    std::string joined;
    for (const auto& o : s.options) {
      if (o.empty()) continue;
      if (!joined.empty()) joined += ',';
      joined += escape(o);
    }
    if (!joined.empty()) line("options", joined);
  }
  if (!s.last_intent.empty()) line("last", escape(s.last_intent));
  if (s.misses) line("misses", std::to_string(s.misses));
  if (s.failed_verifications) line("failed", std::to_string(s.failed_verifications));
  if (s.frustration != 0.0) {
    // Shortest form that reads back as the same double (to_string kept only
    // six decimals, so a saved session came back slightly different).
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, s.frustration);
    line("frustration", ec == std::errc() ? std::string_view(buf, static_cast<size_t>(end - buf)) : "0");
  }
  if (s.customer_id) line("customer", std::to_string(*s.customer_id));
  for (const auto& o : s.verified_orders) line("verified", escape(o));
  line("turns", std::to_string(s.turns));
  for (const auto& t : s.transcript) line("t." + escape(t.speaker), escape(t.text));
  return out;
}

Result<Session> deserialize(std::string_view text) {
  Session s;
  int number = 0;
  bool versioned = false;
  for (std::string_view raw : split(text, '\n')) {
    ++number;
    if (raw.empty()) continue;
    auto bad = [&](std::string_view why) {
      return Status(ErrorCode::kInvalidArgument,
                    "session text, line " + std::to_string(number) + ": " + std::string(why));
    };
    size_t eq = raw.find('=');
    if (eq == std::string_view::npos) return bad("expected key=value");
    std::string_view key = raw.substr(0, eq), value = raw.substr(eq + 1);
    std::optional<std::string> v = unescape(value);
    if (!v) return bad("bad %-escape");
    if (number == 1) {
      if (key != "v" || *v != "1") return bad("unsupported version (expected v=1)");
      versioned = true;
      continue;
    }
    bool ok = true;
    if (key == "id") s.id = *v;
    else if (key == "locale") s.locale = *v;
    else if (key == "state") {
      auto st = state_from_name(*v);
      if (!st) return bad("unknown state '" + *v + "'");
      s.state = *st;
    } else if (key == "flow") s.flow = *v;
    else if (key == "pending") s.pending_slot = *v;
    else if (key == "retries") ok = parse_number(value, s.retries);
    else if (key.substr(0, 5) == "slot.") {
      auto k = unescape(key.substr(5));
      if (!k) return bad("bad %-escape in key");
      s.slots[*k] = *v;
    } else if (key == "options") {
      for (auto part : split(value, ',')) {
        auto o = unescape(part);
        if (!o) return bad("bad %-escape");
        if (!o->empty()) s.options.push_back(*o);
      }
    } else if (key == "last") s.last_intent = *v;
    else if (key == "misses") ok = parse_number(value, s.misses);
    else if (key == "failed") ok = parse_number(value, s.failed_verifications);
    else if (key == "frustration") {
      // from_chars: the same in every C locale (strtod reads "0,7" in some).
      ok = parse_number(std::string_view(*v), s.frustration) && std::isfinite(s.frustration);
    } else if (key == "customer") {
      std::int64_t id = 0;
      ok = parse_number(value, id);
      s.customer_id = id;
    } else if (key == "verified") s.verified_orders.insert(*v);
    else if (key == "turns") ok = parse_number(value, s.turns);
    else if (key.substr(0, 2) == "t.") {
      auto speaker = unescape(key.substr(2));
      if (!speaker) return bad("bad %-escape in key");
      s.record(*speaker, *v);
    } else {
      return bad("unknown key '" + std::string(key) + "'");
    }
    if (!ok) return bad("'" + std::string(key) + "' needs a number");
  }
  if (!versioned) return Status(ErrorCode::kInvalidArgument, "session text is empty or lacks 'v=1'");
  return s;
}

}  // namespace parley::dialogue
