#include "lint/checks.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <unordered_set>

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
  if (where.line > 0) {
    out += ':';  // (not `":" + to_string`: GCC 12 warns falsely of overlapping copies at -O3)
    out += std::to_string(where.line);
  }
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

void check_store_categories(const intents::Pack& pack, const std::vector<std::string>& skipped,
                            const matcher::IntentMatcher& matcher, std::vector<Diagnostic>& diagnostics) {
  auto category = std::find_if(pack.entities.begin(), pack.entities.end(),
                               [](const intents::EntityDef& e) { return e.name == "category"; });
  const intents::SourceLocation at_entity =
      category != pack.entities.end() ? category->where : intents::SourceLocation{pack.directory, 0, 0};
  for (const auto& name : skipped) {
    diagnostics.push_back({at_entity, Severity::kWarning,
                           "store category '" + name +
                               "' is not recognised in messages: only names of ASCII letters, digits and "
                               "single spaces are added; name it in a pattern of the 'category' entity"});
  }
  // Examples read with the pack's own entities, and with the store's too.
  std::vector<Diagnostic> ignored;
  const matcher::EntityExtractor own(pack.entities, ignored);
  struct Seen {
    const intents::Text* first = nullptr;
    int count = 0;
  };
  std::map<std::string, Seen> everyday;  // category value -> its examples
  for (const auto& intent : pack.intents) {
    for (const auto& example : intent.examples) {
      const matcher::Normalized read = matcher.normalizer().normalize(example.value, 100000, /*correct=*/false);
      const auto mine = own.extract_type(read.folded, "category");
      for (const auto& e : read.entities) {
        if (e.type != "category") continue;
        const bool pack_sees_it = std::any_of(mine.begin(), mine.end(), [&](const matcher::Entity& m) {
          return m.begin < e.end && e.begin < m.end;
        });
        if (pack_sees_it) continue;
        Seen& seen = everyday[e.value];
        if (seen.first == nullptr) seen.first = &example;
        ++seen.count;
      }
    }
  }
  for (const auto& [value, seen] : everyday) {
    diagnostics.push_back(
        {seen.first->where, Severity::kWarning,
         "store category '" + value + "' is read here (" + std::to_string(seen.count) +
             (seen.count == 1 ? " example" : " examples") +
             " in all) where the pack sees no category: if it is an everyday word here, name the category in a "
             "pattern of the 'category' entity ((?P<" + value + ">...)) with the words customers use for it"});
  }
}

void check_misspelt_examples(const intents::Pack& pack, const matcher::Normalizer& normalizer,
                             std::vector<Diagnostic>& diagnostics) {
  // A word used this many times less than its neighbour reads as its
  // misspelling ("cancle" 3, "cancel" 209); "shops" next to "shop" is
  // usually far less lopsided.
  constexpr int kMisspellingRatio = 5;
  const text::SpellChecker& vocabulary = normalizer.vocabulary();
  const std::unordered_set<std::string> everyday(pack.locale.known_words.begin(), pack.locale.known_words.end());
  // Members of one synonym class are one word to the matcher ("adress" in
  // the address class): no harm in either.
  std::map<std::string, std::string, std::less<>> class_of;
  for (const auto& synonym : pack.synonyms) {
    for (const auto& member : synonym.members) {
      if (auto words = normalizer.content_words(member); words.size() == 1) class_of.emplace(words[0], synonym.name);
    }
  }
  auto same_class = [&](const std::string& a, const std::string& b) {
    auto x = class_of.find(a), y = class_of.find(b);
    return x != class_of.end() && y != class_of.end() && x->second == y->second;
  };
  std::unordered_set<std::string> reported;  // each word once, at its first example
  for (const auto& intent : pack.intents) {
    for (const auto& example : intent.examples) {
      for (const auto& word : normalizer.normalize(example.value, 100000, /*correct=*/false).words) {
        const bool letters = std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        if (!letters || everyday.count(word) > 0 || reported.count(word) > 0) continue;
        const std::string common = vocabulary.closest_other(word);
        if (common.empty() || text::edit_distance(word, common, 1) > 1 || same_class(word, common)) continue;
        const int uses = vocabulary.count(word), common_uses = vocabulary.count(common);
        if (common_uses < kMisspellingRatio * uses) continue;
        reported.insert(word);
        diagnostics.push_back(
            {example.where, Severity::kWarning,
             "example word '" + word + "' reads like a misspelling of '" + common + "' (the pack uses '" + common +
                 "' " + std::to_string(common_uses) + " times, '" + word + "' " + std::to_string(uses) +
                 "): the pack's own words are never corrected, so a customer's '" + word +
                 "' will not count as '" + common + "'. Write '" + common + "', or keep the example and add '" + word +
                 ": " + common + "' to shorthand; if '" + word + "' is a word in its own right, add it to the known words"});
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
