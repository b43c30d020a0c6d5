#include "matcher/entities.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>

namespace parley::matcher {
namespace {
constexpr int64_t kPrefilterMemory = 16 << 20;
}  // namespace

EntityExtractor::EntityExtractor(const std::vector<intents::EntityDef>& defs,
                                 std::vector<intents::Diagnostic>& diagnostics) {
  RE2::Options options;
  options.set_log_errors(false);
  std::vector<std::string> sources;  // of patterns_
  for (const auto& def : defs) {
    for (const auto& p : def.patterns) {
      if (RE2 check(p.value, options); !check.ok()) {
        diagnostics.push_back({p.where, intents::Severity::kError,
                               "entity '" + def.name + "': invalid regular expression: " + check.error()});
        continue;
      }
      sources.push_back(p.value);
      patterns_.push_back(std::make_unique<Compiled>(
          def.name, [pattern = p.value, options] { return std::make_unique<RE2>(pattern, options); }));
    }
  }
  RE2::Options set_options = options;
  set_options.set_max_mem(kPrefilterMemory);
  auto make_prefilter = [sources, set_options]() -> std::unique_ptr<re2::RE2::Set> {
    auto set = std::make_unique<re2::RE2::Set>(set_options, RE2::UNANCHORED);
    for (const auto& source : sources) {
      if (set->Add(source, nullptr) < 0) return nullptr;  // compiled alone, so cannot fail
    }
    if (!set->Compile()) return nullptr;
    return set;
  };
  // Checked once here: the copies are built the same way.
  if (make_prefilter()) prefilter_ = std::make_unique<text::PerThread<re2::RE2::Set>>(make_prefilter);
}

void EntityExtractor::candidates(std::string_view folded, unsigned slot, std::vector<int>& out) const {
  out.clear();
  if (prefilter_) {
    re2::RE2::Set::ErrorInfo error;
    const re2::RE2::Set& set = prefilter_->get(slot);
    // Most messages hold no entity: asking only whether any pattern
    // matches stops at the first match and allocates nothing (asking which
    // allocates a set of them on every call).
    if (!set.Match(folded, nullptr, &error) && error.kind == re2::RE2::Set::kNoError) return;
    if (set.Match(folded, &out, &error)) {
      std::sort(out.begin(), out.end());
      return;
    }
    if (error.kind == re2::RE2::Set::kNoError) return;  // nothing matched
    out.clear();
  }
  for (size_t i = 0; i < patterns_.size(); ++i) out.push_back(static_cast<int>(i));
}

bool EntityExtractor::knows(std::string_view type) const {
  return std::any_of(patterns_.begin(), patterns_.end(),
                     [&](const auto& c) { return c->type == type; });
}

void EntityExtractor::scan(std::string_view folded, const Compiled& c, unsigned slot,
                           std::vector<Entity>& out) const {
  const RE2& re = c.regex.get(slot);
  const int groups = re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> captures(static_cast<size_t>(groups) + 1);
  const auto& names = re.CapturingGroupNames();
  size_t pos = 0;
  while (pos <= folded.size()) {
    if (!re.Match(folded, pos, folded.size(), RE2::UNANCHORED, captures.data(), groups + 1)) break;
    const re2::StringPiece whole = captures[0];
    Entity e;
    e.type = c.type;
    e.begin = static_cast<uint32_t>(whole.data() - folded.data());
    e.end = static_cast<uint32_t>(e.begin + whole.size());
    e.text = std::string(whole);
    e.value = e.text;
    bool named = false;
    for (const auto& [index, name] : names) {
      if (captures[static_cast<size_t>(index)].data() != nullptr) {
        e.value = name;
        named = true;
        break;
      }
    }
    if (!named && groups >= 1 && captures[1].data() != nullptr) e.value = std::string(captures[1]);
    out.push_back(std::move(e));
    pos = whole.empty() ? e.end + 1 : out.back().end;
  }
}

std::vector<Entity> EntityExtractor::extract(std::string_view folded) const {
  std::vector<Entity> accepted;
  std::vector<Entity> found;
  // Spans taken so far, begin -> end. They never overlap, so only the last
  // one starting before a new match's end can overlap it: a look-up per
  // match instead of a scan (a message of thousands of numbers stays fast).
  std::map<std::uint32_t, std::uint32_t> taken;
  auto overlaps = [&](const Entity& e) {
    auto it = taken.lower_bound(e.end);
    if (it == taken.begin()) return false;
    --it;
    return e.begin < it->second && it->first < e.end;
  };
  const unsigned slot = text::thread_slot();
  thread_local std::vector<int> matching;
  candidates(folded, slot, matching);
  for (int index : matching) {
    found.clear();
    scan(folded, *patterns_[static_cast<size_t>(index)], slot, found);
    for (auto& e : found) {
      if (overlaps(e)) continue;
      auto& end = taken[e.begin];
      end = std::max(end, e.end);
      accepted.push_back(std::move(e));
    }
  }
  std::sort(accepted.begin(), accepted.end(),
            [](const Entity& a, const Entity& b) { return a.begin < b.begin; });
  return accepted;
}

std::vector<std::string> add_store_categories(std::vector<intents::EntityDef>& entities,
                                              const std::vector<std::string>& names) {
  // A category's value, and so its group name: '_' for spaces.
  auto group_of = [](std::string name) {
    std::replace(name.begin(), name.end(), ' ', '_');
    return name;
  };
  std::vector<std::string> skipped;
  std::vector<std::string> accepted;  // lower case
  for (const auto& name : names) {
    std::string lower = name;
    bool ok = !lower.empty() && lower.front() != ' ' && lower.back() != ' ';
    for (std::size_t i = 0; ok && i < lower.size(); ++i) {
      char& c = lower[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == ' ' && lower[i - 1] != ' ');
    }
    if (ok) {
      accepted.push_back(std::move(lower));
    } else {
      skipped.push_back(name);
    }
  }
  // A category the pack's own patterns name (a group "(?P<home>") is left
  // to the writer's words: they chose them ("homeware", not a bare "home",
  // which would turn "my home address" into a category).
  auto category = std::find_if(entities.begin(), entities.end(),
                               [](const intents::EntityDef& e) { return e.name == "category"; });
  if (category != entities.end()) {
    std::vector<std::string> named;
    for (const auto& p : category->patterns) {
      for (std::size_t at = p.value.find("(?P<"); at != std::string::npos; at = p.value.find("(?P<", at + 4)) {
        const std::size_t end = p.value.find('>', at + 4);
        if (end != std::string::npos) named.push_back(p.value.substr(at + 4, end - at - 4));
      }
    }
    std::erase_if(accepted, [&](const std::string& name) {
      return std::find(named.begin(), named.end(), group_of(name)) != named.end();
    });
  }
  if (accepted.empty()) return skipped;
  // Longest first: of "garden" and "garden furniture", the longer name wins
  // where both match (RE2 takes the first alternative that matches).
  std::sort(accepted.begin(), accepted.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  accepted.erase(std::unique(accepted.begin(), accepted.end()), accepted.end());
  std::string pattern = "\\b(?:";
  for (std::size_t k = 0; k < accepted.size(); ++k) {
    const std::string& name = accepted[k];
    // "toys" -> "toys?", "toy" -> "toys?" (a final 's' of a short word such
    // as "gas" stays required).
    const bool plural = name.size() > 3 && name.back() == 's';
    const std::string stem = plural ? name.substr(0, name.size() - 1) : name;
    if (k > 0) pattern += '|';
    pattern += "(?P<" + group_of(name) + ">" + RE2::QuoteMeta(stem) + "s?)";
  }
  pattern += ")\\b";
  if (category == entities.end()) {
    entities.push_back(intents::EntityDef{"category", {}, {}});
    category = entities.end() - 1;
  }
  category->patterns.push_back(intents::Text{std::move(pattern), {"(the knowledge base's categories)", 0, 0}});
  return skipped;
}

std::vector<Entity> EntityExtractor::extract_type(std::string_view folded,
                                                 std::string_view type) const {
  std::vector<Entity> found;
  const unsigned slot = text::thread_slot();
  for (const auto& c : patterns_) {
    if (c->type == type) scan(folded, *c, slot, found);
  }
  return found;
}

namespace {

using namespace std::chrono;

constexpr std::array<std::string_view, 7> kWeekdays = {"sunday", "monday", "tuesday", "wednesday",
                                                        "thursday", "friday", "saturday"};
constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != ',') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::optional<int> Int(std::string_view s) {
  while (!s.empty() && !std::isdigit(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p == s.data()) return std::nullopt;
  return v;
}

std::optional<unsigned> Month(std::string_view w) {
  if (w.size() < 3) return std::nullopt;
  for (unsigned i = 0; i < kMonths.size(); ++i) {
    if (w.substr(0, 3) == kMonths[i]) return i + 1;
  }
  return std::nullopt;
}

std::optional<int> Weekday(std::string_view w) {
  for (int i = 0; i < 7; ++i) {
    if (w == kWeekdays[static_cast<size_t>(i)] || (w.size() == 3 && kWeekdays[static_cast<size_t>(i)].substr(0, 3) == w)) return i;
  }
  return std::nullopt;
}

std::optional<year_month_day> Valid(year_month_day d) {
  if (!d.ok()) return std::nullopt;
  return d;
}

}  // namespace

std::optional<year_month_day> resolve_date(std::string_view text, year_month_day today) {
  const sys_days now{today};
  auto w = Words(text);
  // "24th of november": the "of" says nothing.
  if (w.size() >= 3 && w[1] == "of") w.erase(w.begin() + 1);
  if (w.empty()) return std::nullopt;
  if (w.size() == 1) {
    if (w[0] == "today") return today;
    if (w[0] == "yesterday") return year_month_day{now - days{1}};
    if (w[0] == "tomorrow") return year_month_day{now + days{1}};
  }
  // "N days/weeks ago"
  if (w.size() == 3 && w[2] == "ago") {
    // Beyond ~270 years nobody means a date (and 7 * n must not overflow).
    if (auto n = Int(w[0]); n && *n >= 0 && *n <= 100000) {
      if (w[1].substr(0, 3) == "day") return year_month_day{now - days{*n}};
      if (w[1].substr(0, 4) == "week") return year_month_day{now - days{7 * *n}};
    }
  }
  // "last/next/this monday", "on monday"
  if (w.size() == 2) {
    if (auto wd = Weekday(w[1])) {
      const int current = static_cast<int>(weekday{now}.c_encoding());
      int delta = *wd - current;
      if (w[0] == "last") return year_month_day{now - days{delta >= 0 ? 7 - delta : -delta}};
      if (w[0] == "next" || w[0] == "this" || w[0] == "on") {
        return year_month_day{now + days{delta > 0 ? delta : 7 + delta}};
      }
    }
  }
  // "24 november [2026]", "november 24[th] [2026]"
  if (w.size() >= 2) {
    std::optional<unsigned> m;
    std::optional<int> d;
    if ((m = Month(w[1])) && (d = Int(w[0]))) {
    } else if ((m = Month(w[0])) && (d = Int(w[1]))) {
    } else {
      m.reset();
    }
    if (m && d) {
      int y = static_cast<int>(today.year());
      if (w.size() >= 3) {
        if (auto yy = Int(w[2])) y = *yy;
      }
      return Valid(year_month_day{year{y}, month{*m}, day{static_cast<unsigned>(*d)}});
    }
  }
  // "2026-11-24", "24/11", "24/11/2026" (day first, as in the UK)
  if (w.size() == 1) {
    std::string_view s = w[0];
    unsigned a = 0, b = 0, c = 0;
    int parts = 0;
    char sep = 0;
    for (char ch : s) {
      if (ch == '-' || ch == '/' || ch == '.') {
        sep = ch;
        ++parts;
        continue;
      }
      if (!std::isdigit(static_cast<unsigned char>(ch))) return std::nullopt;
      unsigned& t = parts == 0 ? a : parts == 1 ? b : c;
      t = t * 10 + static_cast<unsigned>(ch - '0');
    }
    if (sep == '-' && parts == 2 && a > 1900) return Valid(year_month_day{year{static_cast<int>(a)}, month{b}, day{c}});
    if (parts == 1) return Valid(year_month_day{today.year(), month{b}, day{a}});
    if (parts == 2) {
      int y = static_cast<int>(c < 100 ? 2000 + c : c);
      return Valid(year_month_day{year{y}, month{b}, day{a}});
    }
  }
  return std::nullopt;
}

}  // namespace parley::matcher
