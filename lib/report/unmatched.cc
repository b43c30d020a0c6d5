#include "report/unmatched.h"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "text/fold.h"
#include "text/tokenize.h"
#include "text/utf8.h"

namespace parley::report {
namespace {

// Longer messages are cut: a pasted e-mail is not a topic.
constexpr std::size_t kMaxChars = 1000;

// Tags written by lib/redact; their words ("email", "address") would
// otherwise group unrelated messages.
constexpr std::string_view kRedactionTags[] = {"[email]", "[card]", "[phone]",
                                               "[postcode]", "[address]"};

// English function words, and what customers say around a request ("hi",
// "can you help me", "thanks") that tells nothing about the topic. Folded,
// apostrophes removed, as tokenize() leaves them.
const std::unordered_set<std::string_view>& stopwords() {
  static const std::unordered_set<std::string_view> words = {
      "a", "about", "above", "after", "again", "against", "all", "also", "am",
      "an", "and", "any", "anyone", "anything", "are", "arent", "as", "at", "be",
      "because", "been", "before", "being", "below", "between", "both", "but",
      "by", "can", "cannot", "cant", "could", "couldnt", "did", "didnt", "do",
      "does", "doesnt", "doing", "dont", "down", "during", "each", "either",
      "else", "even", "ever", "every", "few", "for", "from", "further", "get",
      "getting", "give", "go", "going", "got", "had", "hadnt", "has", "hasnt",
      "have", "havent", "having", "he", "hed", "hello", "help", "her", "here",
      "hers", "herself", "hey", "hi", "him", "himself", "his", "how", "hows",
      "i", "id", "if", "ill", "im", "in", "into", "is", "isnt", "it", "its",
      "itself", "ive", "just", "know", "let", "lets", "like", "me", "might",
      "more", "most", "much", "must", "mustnt", "my", "myself", "need", "needs",
      "no", "nor", "not", "now", "of", "off", "ok", "okay", "on", "once", "one",
      "only", "or", "other", "ought", "our", "ours", "ourselves", "out", "over",
      "own", "please", "pls", "plz", "really", "same", "say", "shall", "shant",
      "she", "shes", "should", "shouldnt", "so", "some", "someone", "something",
      "such", "sure", "tell", "than", "thank", "thanks", "thanx", "that",
      "thats", "the", "their", "theirs", "them", "themselves", "then", "there",
      "theres", "these", "they", "theyre", "thing", "things", "this", "those",
      "through", "thx", "to", "too", "u", "under", "until", "up", "ur", "us",
      "very", "want", "wanna", "was", "wasnt", "way", "we", "well", "were",
      "werent", "weve", "what", "whats", "when", "whens", "where", "wheres",
      "which", "while", "who", "whom", "whos", "why", "whys", "will", "with",
      "wont", "would", "wouldnt", "yeah", "yes", "yet", "you", "youd", "youll",
      "your", "youre", "yours", "yourself", "yourselves", "youve",
  };
  return words;
}

std::string trimmed(std::string_view text) {
  const auto not_space = [](char c) { return c != ' ' && c != '\t'; };
  auto begin = std::find_if(text.begin(), text.end(), not_space);
  auto end = std::find_if(text.rbegin(), text.rend(), not_space).base();
  return begin < end ? std::string(begin, end) : std::string();
}

std::string without_tags(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    bool tag = false;
    for (std::string_view t : kRedactionTags) {
      if (text[i] == '[' && text.substr(i).starts_with(t)) {
        out += ' ';
        i += t.size();
        tag = true;
        break;
      }
    }
    if (!tag) out += text[i++];
  }
  return out;
}

bool has_digit(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Distinct texts of `indices` in `texts`, most frequent first, then by text.
std::vector<Example> top_examples(const std::vector<std::string>& texts,
                                  const std::vector<std::size_t>& indices, int limit) {
  std::map<std::string, std::int64_t> counts;
  for (std::size_t i : indices) ++counts[texts[i]];
  std::vector<Example> examples;
  for (auto& [text, count] : counts) examples.push_back({text, count});
  std::stable_sort(examples.begin(), examples.end(),
                   [](const Example& a, const Example& b) { return a.count > b.count; });
  if (examples.size() > static_cast<std::size_t>(std::max(limit, 0))) {
    examples.resize(static_cast<std::size_t>(std::max(limit, 0)));
  }
  return examples;
}

bool ends_with(std::string_view w, std::string_view suffix) { return w.ends_with(suffix); }

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// The most frequent surface form in `forms` (ties: alphabetically first).
std::string most_common(const std::map<std::string, std::int64_t>& forms) {
  std::string best;
  std::int64_t best_count = 0;
  for (const auto& [form, count] : forms) {
    if (count > best_count) {
      best = form;
      best_count = count;
    }
  }
  return best;
}

}  // namespace

std::string stem(std::string_view word) {
  std::string w(word);
  bool stripped = false;
  const auto strip = [&](std::size_t n, std::size_t keep_at_least) {
    if (w.size() < n + keep_at_least) return false;
    w.resize(w.size() - n);
    stripped = true;
    return true;
  };
  if (ends_with(w, "ing")) {
    strip(3, 3);
  } else if (ends_with(w, "able")) {
    strip(4, 3);
  } else if (ends_with(w, "ed")) {
    strip(2, 3);
  } else if (ends_with(w, "ies") && w.size() > 4) {
    w.replace(w.size() - 3, 3, "y");
  } else if (ends_with(w, "s") && !ends_with(w, "ss") && !ends_with(w, "us") &&
             !ends_with(w, "is") && w.size() > 3) {
    w.pop_back();
  }
  // "wrapp(ing)" -> "wrap", "shipp(ed)" -> "ship"; not "dress" or "call".
  if (stripped && w.size() >= 3 && w[w.size() - 1] == w[w.size() - 2] &&
      !is_vowel(w.back()) && w.back() != 'l' && w.back() != 's' && w.back() != 'z') {
    w.pop_back();
  }
  return w;
}

bool is_stopword(std::string_view word) { return stopwords().count(word) > 0; }

std::vector<std::string> informative_words(std::string_view message) {
  const std::string clean = without_tags(text::sanitize(message, kMaxChars).text);
  const std::string folded = text::fold(clean, /*fold_accents=*/true);
  std::vector<std::string> words;
  for (text::Token& token : text::tokenize(folded)) {
    if (token.text.size() < 2 || has_digit(token.text) || is_stopword(token.text)) continue;
    if (std::find(words.begin(), words.end(), token.text) != words.end()) continue;
    words.push_back(std::move(token.text));
  }
  return words;
}

UnmatchedSummary group_unmatched(const std::vector<std::string>& messages,
                                 const GroupingOptions& options) {
  UnmatchedSummary summary;
  summary.messages = static_cast<std::int64_t>(messages.size());
  // Per message: its display text, and its distinct word stems each with the
  // first surface form that gave it.
  std::vector<std::string> texts;
  std::vector<std::vector<std::pair<std::string, std::string>>> words;
  texts.reserve(messages.size());
  words.reserve(messages.size());
  for (const std::string& m : messages) {
    texts.push_back(trimmed(text::sanitize(m, kMaxChars).text));
    std::vector<std::pair<std::string, std::string>> stems;
    for (std::string& w : informative_words(m)) {
      std::string s = stem(w);
      const bool seen = std::any_of(stems.begin(), stems.end(),
                                    [&](const auto& p) { return p.first == s; });
      if (!seen) stems.emplace_back(std::move(s), std::move(w));
    }
    words.push_back(std::move(stems));
  }
  std::vector<bool> grouped(messages.size(), false);

  while (static_cast<int>(summary.groups.size()) < options.max_groups) {
    std::unordered_map<std::string_view, std::int64_t> shared;
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (grouped[i]) continue;
      for (const auto& [s, surface] : words[i]) ++shared[s];
    }
    std::string_view best;
    std::int64_t best_count = 0;
    for (const auto& [s, count] : shared) {
      if (count > best_count || (count == best_count && s < best)) {
        best = s;
        best_count = count;
      }
    }
    if (best_count < std::max(options.min_group_size, 1)) break;
    const std::string key(best);

    UnmatchedGroup group;
    std::vector<std::size_t> members;
    std::map<std::string, std::int64_t> key_forms;
    std::map<std::string, std::map<std::string, std::int64_t>> co_occurring;  // stem -> forms
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (grouped[i]) continue;
      const auto hit = std::find_if(words[i].begin(), words[i].end(),
                                    [&](const auto& p) { return p.first == key; });
      if (hit == words[i].end()) continue;
      members.push_back(i);
      ++key_forms[hit->second];
      for (const auto& [s, surface] : words[i]) {
        if (s != key) ++co_occurring[s][surface];
      }
    }
    for (std::size_t i : members) grouped[i] = true;
    group.word = most_common(key_forms);
    group.messages = static_cast<std::int64_t>(members.size());

    const std::int64_t needed = std::max<std::int64_t>(2, (group.messages + 1) / 2);
    std::vector<std::pair<std::string, std::int64_t>> related;
    for (const auto& [s, forms] : co_occurring) {
      std::int64_t count = 0;
      for (const auto& [form, n] : forms) count += n;
      if (count >= needed) related.emplace_back(most_common(forms), count);
    }
    std::stable_sort(related.begin(), related.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [w, count] : related) {
      if (static_cast<int>(group.related.size()) >= options.related_words) break;
      group.related.push_back(w);
    }
    group.examples = top_examples(texts, members, options.examples_per_group);
    summary.groups.push_back(std::move(group));
  }

  std::vector<std::size_t> rest;
  for (std::size_t i = 0; i < messages.size(); ++i) {
    if (!grouped[i]) rest.push_back(i);
  }
  summary.ungrouped = static_cast<std::int64_t>(rest.size());
  summary.ungrouped_examples = top_examples(texts, rest, options.examples_per_group);
  return summary;
}

}  // namespace parley::report
