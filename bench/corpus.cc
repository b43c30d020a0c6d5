#include "corpus.h"

#include <yaml-cpp/yaml.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace parley::bench {
namespace {

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "bench: %s (set PARLEY_SOURCE_ROOT to the source tree)\n", what.c_str());
  std::exit(2);
}

}  // namespace

std::vector<std::string> Corpus::all() const {
  std::vector<std::string> out = clean;
  out.insert(out.end(), typoed.begin(), typoed.end());
  return out;
}

std::string with_typo(const std::string& message) {
  size_t best_start = 0, best_length = 0;
  for (size_t i = 0; i < message.size();) {
    if (!std::isalpha(static_cast<unsigned char>(message[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < message.size() && std::isalpha(static_cast<unsigned char>(message[j]))) ++j;
    if (j - i > best_length) {
      best_start = i;
      best_length = j - i;
    }
    i = j;
  }
  if (best_length < 4) return "";
  std::string out = message;
  // Swap the 2nd and 3rd letters (the first differing pair from there on):
  // a transposition, one edit, which the spell checker allows from 4 letters.
  for (size_t k = best_start + 1; k + 1 < best_start + best_length; ++k) {
    if (out[k] != out[k + 1]) {
      std::swap(out[k], out[k + 1]);
      return out;
    }
  }
  return "";
}

Corpus load_corpus(const std::string& root) {
  Corpus corpus;
  for (const char* file : {"heldout-commerce.yaml", "heldout-service.yaml"}) {
    const std::string path = root + "/tests/data/en/" + file;
    YAML::Node data;
    try {
      data = YAML::LoadFile(path);
    } catch (const YAML::Exception& e) {
      fail("cannot read " + path + ": " + e.what());
    }
    for (const auto& entry : data) {
      for (const auto& message : entry.second) corpus.clean.push_back(message.as<std::string>());
    }
  }
  const std::string path = root + "/tests/data/en/out_of_domain.txt";
  std::ifstream in(path);
  if (!in) fail("cannot read " + path);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) corpus.clean.push_back(line);
  }
  for (const auto& message : corpus.clean) {
    std::string typo = with_typo(message);
    if (!typo.empty()) corpus.typoed.push_back(std::move(typo));
  }
  return corpus;
}

}  // namespace parley::bench
