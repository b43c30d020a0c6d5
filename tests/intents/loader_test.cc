#include "intents/loader.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

using namespace parley::intents;
namespace fs = std::filesystem;

namespace {

// A fresh directory holding the given files.
struct TempPack {
  explicit TempPack(std::initializer_list<std::pair<const char*, const char*>> files) {
    static int counter = 0;
    dir = fs::temp_directory_path() / ("parley-loader-test-" + std::to_string(::getpid()) + "-" +
                                       std::to_string(counter++));
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (auto [name, content] : files) std::ofstream(dir / name) << content;
  }
  ~TempPack() { fs::remove_all(dir); }
  std::vector<Diagnostic> Load(Pack* out = nullptr) {
    std::vector<Diagnostic> diags;
    Pack p = load_pack(dir.string(), diags);
    if (out) *out = p;
    return diags;
  }
  std::string File(const char* name) const { return (dir / name).string(); }
  fs::path dir;
};

}  // namespace

TEST_CASE("a well-formed pack loads completely") {
  TempPack t({{"a.yaml",
               "intents:\n"
               "  - id: greet\n"
               "    description: hello\n"
               "    priority: 2\n"
               "    examples: [hi, hello]\n"
               "    patterns: ['\\bhi\\b']\n"
               "synonyms:\n"
               "  hi: [hi, hey]\n"},
              {"b.yml",
               "shorthand:\n  u: you\nlocale:\n  fallback_threshold: 0.4\n"
               "  set_aside:\n    - '^(?P<aside>not \\w+) just'\n"},
              {"notes.txt", "ignored"}});
  Pack pack;
  auto diags = t.Load(&pack);
  CHECK_MESSAGE(diags.empty(), format_all(diags));
  REQUIRE(pack.intents.size() == 1);
  CHECK(pack.intents[0].priority == 2);
  CHECK(pack.intents[0].examples.size() == 2);
  CHECK(pack.intents[0].examples[1].where.line == 5);
  CHECK(pack.shorthand.at("u") == "you");
  CHECK(pack.locale.fallback_threshold == doctest::Approx(0.4));
  REQUIRE(pack.locale.set_aside.size() == 1);
  CHECK(pack.locale.set_aside[0].value == "^(?P<aside>not \\w+) just");
  CHECK(pack.locale.set_aside[0].where.line == 6);
  CHECK(pack.locale.set_aside[0].where.column == 7);
  CHECK(pack.files.size() == 2);
}

TEST_CASE("YAML syntax errors name file, line and column") {
  TempPack t({{"bad.yaml", "intents:\n  - id: greet\n    examples: [hi, hello\n"}});
  auto diags = t.Load();
  REQUIRE(diags.size() == 1);
  CHECK(format(diags[0]).rfind(t.File("bad.yaml") + ":4:1: error: YAML syntax: ", 0) == 0);
}

TEST_CASE("a misspelt key is an error at its position") {
  TempPack t({{"a.yaml", "intents:\n  - id: greet\n    exmaples: [hi]\n"}});
  auto diags = t.Load();
  REQUIRE(!diags.empty());
  CHECK(format(diags[0]).rfind(t.File("a.yaml") + ":3:5: error: unknown key 'exmaples' in an intent", 0) == 0);
}

TEST_CASE("structural mistakes are all reported") {
  TempPack t({{"a.yaml",
               "intents:\n"
               "  - description: no id\n"
               "  - id: x\n"
               "    slots:\n"
               "      - name: order\n"
               "    context: [sometimes]\n"
               "  - id: x\n"
               "    examples: [a]\n"
               "flavour: vanilla\n"}});
  auto diags = t.Load();
  std::string all = format_all(diags);
  CHECK(all.find("intent without an 'id'") != std::string::npos);
  CHECK(all.find("slot 'order' has no 'entity'") != std::string::npos);
  CHECK(all.find("unknown context 'sometimes'") != std::string::npos);
  CHECK(all.find("duplicate intent id 'x'") != std::string::npos);
  CHECK(all.find(":9:1: error: unknown key 'flavour' in a content file") != std::string::npos);
}

TEST_CASE("a missing or empty directory is an error") {
  std::vector<Diagnostic> diags;
  load_pack("/nonexistent/parley/intents", diags);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].message.find("not a directory") != std::string::npos);
  TempPack empty({});
  CHECK(empty.Load().size() == 1);
}

TEST_CASE("a veto list named in not: is expanded where it is used, from any file") {
  TempPack t({{"a.yaml",
               "intents:\n"
               "  - id: order_status\n"
               "    examples: [where is my order]\n"
               "    not: ['\\bpolicy\\b', '@other_business', '\\bjoke\\b']\n"
               "  - id: greet\n"
               "    examples: [hi]\n"},
              {"z-vetoes.yaml",
               "veto_lists:\n"
               "  other_business:\n"
               "    - '\\bairline\\b'\n"
               "    - '\\bgym\\b'\n"}});
  Pack pack;
  auto diags = t.Load(&pack);
  CHECK_MESSAGE(diags.empty(), format_all(diags));
  REQUIRE(pack.intents.size() == 2);
  const auto& vetoes = pack.intents[0].vetoes;
  REQUIRE(vetoes.size() == 4);
  CHECK(vetoes[0].value == "\\bpolicy\\b");
  CHECK(vetoes[1].value == "\\bairline\\b");
  CHECK(vetoes[2].value == "\\bgym\\b");
  CHECK(vetoes[3].value == "\\bjoke\\b");
  // Traces point at the list, where the pattern is written.
  CHECK(vetoes[1].where.file == t.File("z-vetoes.yaml"));
  CHECK(vetoes[1].where.line == 3);
  CHECK(pack.intents[1].vetoes.empty());
}

TEST_CASE("veto list mistakes are errors at their position") {
  TempPack t({{"a.yaml",
               "intents:\n"
               "  - id: x\n"
               "    examples: [x]\n"
               "    not: ['@other_bussiness']\n"
               "veto_lists:\n"
               "  other_business: ['\\bgym\\b']\n"
               "  Bad-Name: ['\\bx\\b']\n"
               "  nested: ['@other_business']\n"},
              {"b.yaml", "veto_lists:\n  other_business: ['\\bairline\\b']\n"}});
  auto diags = t.Load();
  std::string all = format_all(diags);
  CAPTURE(all);
  CHECK(all.find(t.File("a.yaml") + ":4:11: error: intent 'x' not: unknown veto list '@other_bussiness' (known: "
                 "@nested, @other_business)") != std::string::npos);
  CHECK(all.find(t.File("a.yaml") + ":7:3: error: veto list name 'Bad-Name'") != std::string::npos);
  CHECK(all.find(t.File("a.yaml") + ":8:11: error: veto list 'nested' names another list") != std::string::npos);
  CHECK(all.find(t.File("b.yaml") + ":2:3: error: veto list 'other_business' is defined twice (first at " +
                 t.File("a.yaml") + ":6)") != std::string::npos);
}
