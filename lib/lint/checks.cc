#include "lint/checks.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "text/spell.h"

namespace parley::lint {

using intents::Diagnostic;
using intents::Severity;

std::string did_you_mean(const std::string& name, const std::vector<std::string>& candidates) {
  const int limit = name.size() < 4 ? 1 : name.size() < 8 ? 2 : 3;
  const std::string* best = nullptr;
  int best_distance = limit + 1;
  for (const auto& c : candidates) {
    const int d = text::edit_distance(name, c, limit);
    if (d < best_distance) {
      best_distance = d;
      best = &c;
    }
  }
  return best ? " (did you mean '" + *best + "'?)" : "";
}

std::string short_location(const intents::SourceLocation& where) {
  std::string out = std::filesystem::path(where.file).filename().string();
  if (where.line > 0) out += ":" + std::to_string(where.line);
  return out;
}

void check_duplicate_examples(const intents::Pack& pack, const matcher::Normalizer& normalizer,
                              std::vector<Diagnostic>& diagnostics) {
  struct First {
    const intents::IntentDef* intent;
    const intents::Text* example;
  };
  std::map<std::string, First> seen;  // normalised text -> first example with it
  for (const auto& intent : pack.intents) {
    for (const auto& example : intent.examples) {
      const std::string text = normalizer.normalize(example.value, 100000, /*correct=*/false).text;
      if (text.empty()) continue;
      auto [it, inserted] = seen.emplace(text, First{&intent, &example});
      if (inserted) continue;
      const First& first = it->second;
      // "; both read as '...'" when the match is not visible in the raw texts.
      const std::string reads_as = first.example->value == example.value
                                       ? ""
                                       : "; both read as '" + text + "'";
      const std::string where = short_location(first.example->where) + reads_as;
      if (first.intent->id == intent.id) {
        diagnostics.push_back({example.where, Severity::kWarning,
                               "example '" + example.value + "' is listed twice in intent '" +
                                   intent.id + "' (also at " + where + ")"});
      } else {
        diagnostics.push_back({example.where, Severity::kError,
                               "example '" + example.value + "' of intent '" + intent.id +
                                   "' is also an example of intent '" + first.intent->id + "' (" +
                                   where + "); keep it under one intent"});
      }
    }
  }
}

void check_flows(const intents::Pack& pack, std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> intent_ids;
  for (const auto& intent : pack.intents) intent_ids.push_back(intent.id);
  std::vector<std::string> keys;
  for (const auto& [key, def] : pack.responses) keys.push_back(key);

  auto missing_response = [&](const std::string& key, const intents::SourceLocation& where,
                              const std::string& what) {
    if (key.empty() || pack.responses.count(key)) return;
    diagnostics.push_back({where, Severity::kError,
                           what + " '" + key + "' is not a response key (no `responses:` entry '" +
                               key + "')" + did_you_mean(key, keys)});
  };
  for (const auto& [id, flow] : pack.flows) {
    if (std::find(intent_ids.begin(), intent_ids.end(), id) == intent_ids.end()) {
      diagnostics.push_back({flow.where, Severity::kError,
                             "flow for unknown intent '" + id + "' (no intent has this id)" +
                                 did_you_mean(id, intent_ids)});
    }
    for (const auto& slot : flow.slots) {
      missing_response(slot.prompt, slot.where, "flow '" + id + "': prompt");
    }
    missing_response(flow.confirm, flow.where, "flow '" + id + "': confirm");
    missing_response(flow.response, flow.where, "flow '" + id + "': response");
  }
}

}  // namespace parley::lint
