#include "intents/pack_cache.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "intents/loader.h"

using namespace parley::intents;
namespace fs = std::filesystem;

namespace {

std::string source_root() {
  const char* root = std::getenv("PARLEY_SOURCE_ROOT");
  return root ? root : ".";
}

// A scratch directory with a copy of a pack and an empty cache directory.
struct Scratch {
  explicit Scratch(const fs::path& pack_source) {
    static int counter = 0;
    root = fs::temp_directory_path() /
           ("parley-pack-cache-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(root);
    fs::create_directories(root / "cache");
    fs::copy(pack_source, root / "pack", fs::copy_options::recursive);
  }
  ~Scratch() { fs::remove_all(root); }

  std::string pack() const { return (root / "pack").string(); }
  std::string cache() const { return (root / "cache").string(); }
  std::string cache_file() const { return pack_cache_file(pack(), cache()); }
  Pack load(std::vector<Diagnostic>& diagnostics) const {
    return load_pack_cached(pack(), cache(), diagnostics);
  }
  // The cache file's inode: a rewrite (write + rename) gives a new one.
  ino_t cache_inode() const {
    struct stat st {};
    return ::stat(cache_file().c_str(), &st) == 0 ? st.st_ino : 0;
  }
  void write(const std::string& name, const std::string& content) const {
    std::ofstream(root / "pack" / name, std::ios::trunc) << content;
  }
  std::string read(const std::string& name) const {
    std::ifstream in(root / "pack" / name);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  fs::path root;
};

Pack load_uncached(const std::string& directory) {
  std::vector<Diagnostic> diagnostics;
  Pack pack = load_pack(directory, diagnostics);
  REQUIRE(diagnostics.empty());
  return pack;
}

}  // namespace

TEST_CASE("the English pack comes back from the cache exactly as loaded from YAML") {
  Scratch s(source_root() + "/intents/en");
  const Pack expected = load_uncached(s.pack());
  REQUIRE(expected.locale.known_words.size() > 1000);  // the word list is part of it
  REQUIRE(expected.other_files.size() == 1);

  std::vector<Diagnostic> diagnostics;
  const Pack first = s.load(diagnostics);  // a miss: parsed, then cached
  CHECK(diagnostics.empty());
  CHECK(first == expected);
  const ino_t written = s.cache_inode();
  REQUIRE(written != 0);

  const Pack second = s.load(diagnostics);  // a hit: the file is not rewritten
  CHECK(diagnostics.empty());
  CHECK(s.cache_inode() == written);
  CHECK(second == expected);
}

TEST_CASE("any change to a content file is seen") {
  Scratch s(source_root() + "/tests/data/packs/mini");
  std::vector<Diagnostic> diagnostics;
  s.load(diagnostics);
  REQUIRE(fs::exists(s.cache_file()));
  const std::string original = s.read("intents.yaml");

  SUBCASE("an edit that keeps the file's size") {
    const auto at = original.find("description: ");
    REQUIRE(at != std::string::npos);
    std::string edited = original;
    edited[at + 13] = edited[at + 13] == 'X' ? 'Y' : 'X';
    s.write("intents.yaml", edited);
    const Pack pack = s.load(diagnostics);
    CHECK(pack == load_uncached(s.pack()));
    CHECK(pack.intents.front().description[0] == edited[at + 13]);
  }
  SUBCASE("a file added") {
    s.write("more.yaml", "synonyms:\n  colourful: [red, green]\n");
    const Pack pack = s.load(diagnostics);
    CHECK(pack.files.size() == 2);
    CHECK(pack == load_uncached(s.pack()));
  }
  SUBCASE("the cache file damaged or cut short") {
    std::string bytes;
    {
      std::ifstream in(s.cache_file(), std::ios::binary);
      bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    for (std::size_t cut : {bytes.size() / 2, std::size_t{40}, std::size_t{3}}) {
      std::ofstream(s.cache_file(), std::ios::binary | std::ios::trunc).write(bytes.data(), cut);
      CHECK(s.load(diagnostics) == load_uncached(s.pack()));
    }
    bytes[bytes.size() - 5] ^= 0x55;
    std::ofstream(s.cache_file(), std::ios::binary | std::ios::trunc).write(bytes.data(), bytes.size());
    const ino_t damaged = s.cache_inode();
    CHECK(s.load(diagnostics) == load_uncached(s.pack()));
    CHECK(s.cache_inode() != damaged);  // rewritten
  }
  CHECK(diagnostics.empty());
}

TEST_CASE("a word list edited after caching is seen") {
  Scratch s(source_root() + "/intents/en");
  std::vector<Diagnostic> diagnostics;
  s.load(diagnostics);
  std::ofstream(s.root / "pack" / "known-words.txt", std::ios::app) << "zyxwvut\n";
  const Pack pack = s.load(diagnostics);
  CHECK(pack.locale.known_words.back() == "zyxwvut");
  CHECK(diagnostics.empty());
}

TEST_CASE("a pack with problems is never cached, so they are reported every time") {
  Scratch s(source_root() + "/tests/data/packs/mini");
  s.write("broken.yaml", "intents:\n  - id: x\n    exmaples: [a]\n");
  for (int run = 0; run < 2; ++run) {
    std::vector<Diagnostic> diagnostics;
    s.load(diagnostics);
    CHECK(has_errors(diagnostics));
    CHECK_FALSE(fs::exists(s.cache_file()));
  }
}

TEST_CASE("a cache directory that cannot be written is not an error") {
  Scratch s(source_root() + "/tests/data/packs/mini");
  std::ofstream(s.root / "not-a-directory") << "x";
  std::vector<Diagnostic> diagnostics;
  const Pack pack = load_pack_cached(s.pack(), (s.root / "not-a-directory").string(), diagnostics);
  CHECK(diagnostics.empty());
  CHECK(pack == load_uncached(s.pack()));
}
