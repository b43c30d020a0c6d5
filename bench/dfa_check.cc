#include "dfa_check.h"

#include <re2/set.h>

#include <memory>

#include "matcher/phrase.h"

namespace parley::bench {
namespace {

std::unique_ptr<RE2::Set> new_set() {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_max_mem(int64_t{64} << 20);
  return std::make_unique<RE2::Set>(o, RE2::UNANCHORED);
}

bool failed(const RE2::Set& set, const std::string& text) {
  std::vector<int> hits;
  RE2::Set::ErrorInfo info;
  return !set.Match(text, &hits, &info) && info.kind == RE2::Set::kOutOfMemory;
}

}  // namespace

DfaFailures count_dfa_failures(const matcher::IntentMatcher& m,
                               const std::vector<std::string>& messages) {
  const matcher::Normalizer& normalizer = m.normalizer();
  matcher::WordSplitter split = [&](std::string_view s) { return normalizer.content_words(s); };
  matcher::SynonymTable synonyms;
  for (const auto& c : m.pack().synonyms) {
    auto& alternatives = synonyms[c.name];
    for (const auto& member : c.members) {
      std::string joined;
      for (const auto& w : split(member)) joined += (joined.empty() ? "" : " ") + w;
      if (!joined.empty()) alternatives.push_back(joined);
    }
  }
  auto patterns = new_set(), phrases = new_set(), vetoes = new_set();
  for (const auto& intent : m.intents()) {
    for (const auto& p : intent.patterns) patterns->Add(p.value, nullptr);
    for (const auto& p : intent.phrases) {
      std::string error;
      const std::string regex = matcher::compile_phrase(p.value, synonyms, split, error);
      if (error.empty()) phrases->Add(regex, nullptr);
    }
    for (const auto& v : intent.vetoes) vetoes->Add(v.value, nullptr);
  }
  patterns->Compile();
  phrases->Compile();
  vetoes->Compile();
  DfaFailures out;
  for (const auto& message : messages) {
    const std::string text = normalizer.normalize(message, 2000).text;
    out.patterns += failed(*patterns, text);
    out.phrases += failed(*phrases, " " + text + " ");
    out.vetoes += failed(*vetoes, text);
  }
  return out;
}

}  // namespace parley::bench
