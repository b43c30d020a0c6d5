#include "pack_texts.h"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <fstream>

#include "intents/loader.h"
#include "matcher/phrase.h"

namespace parley::testing {

PackTexts load_english_pack_texts() {
  const char* source_root = std::getenv("PARLEY_SOURCE_ROOT");
  const std::string root = source_root ? source_root : ".";
  PackTexts out;
  std::vector<intents::Diagnostic> diagnostics;
  out.pack = intents::load_pack(root + "/intents/en", diagnostics);
  out.matcher = matcher::IntentMatcher::compile(out.pack, diagnostics);
  REQUIRE_MESSAGE(out.matcher, intents::format_all(diagnostics));
  const matcher::IntentMatcher& m = *out.matcher;

  matcher::WordSplitter split = [&](std::string_view s) { return m.normalizer().content_words(s); };
  matcher::SynonymTable synonyms;
  for (const auto& c : out.pack.synonyms) {
    for (const auto& member : c.members) {
      std::string joined;
      for (const auto& w : split(member)) joined += (joined.empty() ? "" : " ") + w;
      if (!joined.empty()) synonyms[c.name].push_back(joined);
    }
  }
  for (const auto& intent : out.pack.intents) {
    for (const auto& p : intent.patterns) out.regexes.push_back(p.value);
    for (const auto& v : intent.vetoes) out.regexes.push_back(v.value);
    for (const auto& p : intent.phrases) {
      std::string error;
      out.regexes.push_back(matcher::compile_phrase(p.value, synonyms, split, error));
    }
  }

  auto add = [&](const std::string& message) { out.texts.push_back(m.normalizer().normalize(message, 2000).text); };
  for (const auto& intent : out.pack.intents) {
    for (const auto& e : intent.examples) add(e.value);
  }
  for (const char* file : {"/tests/data/en/heldout-commerce.yaml", "/tests/data/en/heldout-service.yaml",
                           "/tests/data/en-fresh/messages.yaml"}) {
    for (const auto& entry : YAML::LoadFile(root + file)) {
      for (const auto& message : entry.second) add(message.as<std::string>());
    }
  }
  for (const char* file : {"/tests/data/en/out_of_domain.txt", "/tests/data/en-fresh/out_of_domain.txt"}) {
    std::ifstream in(root + file);
    for (std::string line; std::getline(in, line);) add(line);
  }
  REQUIRE(out.texts.size() > 3000);
  return out;
}

}  // namespace parley::testing
