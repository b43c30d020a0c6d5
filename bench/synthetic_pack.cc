#include "synthetic_pack.h"

#include <algorithm>
#include <cctype>

namespace parley::bench {
namespace {

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

std::string clone_tag(std::size_t k) {
  std::string letters;
  do {
    letters.insert(letters.begin(), static_cast<char>('a' + k % 26));
    k /= 26;
  } while (k > 0);
  return "zq" + letters;
}

void tag_all(std::vector<intents::Text>& texts, const std::string& tag,
             const intents::LocaleSettings& locale) {
  for (auto& t : texts) t.value = tag_words(t.value, tag, locale);
}

}  // namespace

std::string tag_words(const std::string& text, const std::string& tag,
                      const intents::LocaleSettings& locale) {
  std::string out;
  out.reserve(text.size() + 32);
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\\') {  // an escape: \b, \d, \p{L}, \pL ...
      out += text.substr(i, 2);
      i += 2;
      if (i <= text.size() && (text[i - 1] == 'p' || text[i - 1] == 'P')) {
        if (i < text.size() && text[i] == '{') {
          const size_t close = text.find('}', i);
          const size_t end = close == std::string::npos ? text.size() : close + 1;
          out += text.substr(i, end - i);
          i = end;
        } else if (i < text.size()) {
          out += text[i++];
        }
      }
      continue;
    }
    if (c == '(' && text.compare(i, 2, "(?") == 0) {  // group syntax: (?:, (?P<name>, (?i)
      size_t end = i + 2;
      if (text.compare(i, 4, "(?P<") == 0) {
        end = text.find('>', i);
        end = end == std::string::npos ? text.size() : end + 1;
      } else {
        while (end < text.size() && (std::isalpha(static_cast<unsigned char>(text[end])) ||
                                     text[end] == '-')) {
          ++end;
        }
      }
      out += text.substr(i, end - i);
      i = end;
      continue;
    }
    if (c == '#' || c == '@') {  // entity and synonym-class references stay shared
      size_t end = i + 1;
      while (end < text.size() && (is_lower(text[end]) || text[end] == '_')) ++end;
      out += text.substr(i, end - i);
      i = end;
      continue;
    }
    if (std::isalpha(static_cast<unsigned char>(c))) {
      size_t end = i;
      while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
      const std::string word = text.substr(i, end - i);
      out += word;
      std::string lower = word;
      for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      const auto& stop = locale.stopwords;
      if (word.size() >= 3 && std::find(stop.begin(), stop.end(), lower) == stop.end()) out += tag;
      i = end;
      continue;
    }
    out += c;
    ++i;
  }
  return out;
}

intents::Pack grow_pack(const intents::Pack& base, std::size_t intents) {
  intents::Pack pack = base;
  const size_t originals = base.intents.size();
  for (size_t k = 1; pack.intents.size() < intents; ++k) {
    const std::string tag = clone_tag(k);
    for (size_t i = 0; i < originals && pack.intents.size() < intents; ++i) {
      intents::IntentDef clone = base.intents[i];
      clone.id += "__" + std::to_string(k);
      tag_all(clone.patterns, tag, base.locale);
      tag_all(clone.phrases, tag, base.locale);
      tag_all(clone.vetoes, tag, base.locale);
      tag_all(clone.examples, tag, base.locale);
      pack.intents.push_back(std::move(clone));
    }
  }
  return pack;
}

}  // namespace parley::bench
