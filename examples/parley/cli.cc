#include "cli.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "store/dates.h"
#include "store/demo.h"
#include "store/store.h"

#ifndef PARLEY_SOURCE_INTENTS_DIR
#define PARLEY_SOURCE_INTENTS_DIR ""
#endif
#ifndef PARLEY_INTENTS_DIR
#define PARLEY_INTENTS_DIR "/usr/local/share/parley/intents"
#endif

namespace parley::cli {

namespace fs = std::filesystem;

std::optional<Args> parse(int argc, char** argv, int first, const std::vector<FlagSpec>& specs,
                          const std::string& usage) {
  Args args;
  for (int i = first; i < argc; ++i) {
    std::string a = argv[i];
    if (a.size() < 3 || a.rfind("--", 0) != 0) {
      args.positional.push_back(a);
      continue;
    }
    std::string name = a.substr(2), value;
    bool inline_value = false;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      inline_value = true;
    }
    const FlagSpec* spec = nullptr;
    for (const auto& s : specs) {
      if (s.name == name) spec = &s;
    }
    if (name == "help") {
      args.flags["help"] = "";
      continue;
    }
    if (!spec) {
      std::cerr << "parley: unknown flag --" << name << "\nusage: " << usage << "\n";
      return std::nullopt;
    }
    if (spec->takes_value && !inline_value) {
      if (i + 1 >= argc) {
        std::cerr << "parley: flag --" << name << " needs a value\nusage: " << usage << "\n";
        return std::nullopt;
      }
      value = argv[++i];
    }
    args.flags[name] = value;
  }
  return args;
}

void print_help(const std::string& usage, const std::string& description,
                const std::vector<FlagSpec>& specs, const std::string& examples) {
  std::cout << "usage: " << usage << "\n\n" << description << "\n\nflags:\n";
  for (const auto& s : specs) {
    std::string left = "  --" + s.name + (s.takes_value ? " VALUE" : "");
    std::cout << left << std::string(left.size() < 24 ? 24 - left.size() : 1, ' ') << s.help << "\n";
  }
  std::cout << "  --help                show this help\n";
  if (!examples.empty()) std::cout << "\nexamples:\n" << examples;
  std::cout << "\nexit status: 0 ok, 1 findings, 2 usage or runtime error\n";
}

namespace {

// $<xdg_variable>/parley, else ~/<home_relative>/parley, else a temporary
// directory; created if missing.
std::string xdg_directory(const char* xdg_variable, const char* home_relative) {
  fs::path dir;
  if (const char* xdg = std::getenv(xdg_variable); xdg && *xdg) {
    dir = fs::path(xdg) / "parley";
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    dir = fs::path(home) / home_relative / "parley";
  } else {
    dir = fs::temp_directory_path() / "parley";
  }
  std::error_code ec;
  fs::create_directories(dir, ec);
  return dir.string();
}

}  // namespace

std::string state_directory() { return xdg_directory("XDG_STATE_HOME", ".local/state"); }

std::string cache_directory() { return xdg_directory("XDG_CACHE_HOME", ".cache"); }

std::string default_intents() {
  if (const char* env = std::getenv("PARLEY_INTENTS"); env && *env) return env;
  std::error_code ec;
  if (*PARLEY_SOURCE_INTENTS_DIR && fs::is_directory(PARLEY_SOURCE_INTENTS_DIR, ec)) {
    return PARLEY_SOURCE_INTENTS_DIR;
  }
  return PARLEY_INTENTS_DIR;
}

std::optional<std::vector<std::string>> read_store_categories(const std::string& command, const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    std::cerr << "parley " << command << ": --store " << path << ": no such file\n";
    return std::nullopt;
  }
  store::StoreOptions read_only;
  read_only.create_if_missing = false;
  read_only.read_only = true;
  auto opened = store::Store::open(path, read_only);
  auto names = opened ? (*opened)->categories() : Result<std::vector<std::string>>(opened.error());
  if (!names) {
    std::cerr << "parley " << command << ": --store " << path << ": " << names.error().message() << "\n";
    return std::nullopt;
  }
  return std::move(*names);
}

std::string ensure_demo_store(const std::string& directory, std::chrono::year_month_day today) {
  const std::string name = "demo-" + store::format_date(today) + ".db";
  const fs::path path = fs::path(directory) / name;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(directory, ec)) {
    const std::string other = entry.path().filename().string();
    if (other != name && other.rfind("demo-", 0) == 0 && other.find(".db") != std::string::npos) {
      fs::remove(entry.path(), ec);
    }
  }
  if (fs::exists(path, ec)) return path.string();
  const fs::path partial = path.string() + ".partial";
  fs::remove(partial, ec);
  {
    auto store = store::Store::open(partial.string());
    if (!store) {
      std::cerr << "parley: " << store.error().message() << "\n";
      return "";
    }
    store::DemoOptions demo;
    demo.today = today;
    if (Status s = store::generate_demo_store(**store, demo); !s.ok()) {
      std::cerr << "parley: creating the demo store failed: " << s.message() << "\n";
      return "";
    }
  }
  // Renamed only when complete, so an interrupted first run never leaves a
  // half-built demo store behind.
  fs::rename(partial, path, ec);
  for (const char* suffix : {"-wal", "-shm"}) fs::remove(partial.string() + suffix, ec);
  if (ec) {
    std::cerr << "parley: cannot create " << path << ": " << ec.message() << "\n";
    return "";
  }
  return path.string();
}

std::vector<FlagSpec> bot_flags() {
  return {
      {"intents", true, "intent folder (default: the bundled intents)"},
      {"locale", true, "locale of the pack to use (default: en)"},
      {"store", true, "SQLite knowledge base (default: a demo store in the state directory)"},
  };
}

}  // namespace parley::cli
