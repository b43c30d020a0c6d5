#include "intents/pack_cache.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <type_traits>
#include <unordered_map>

#include "intents/loader.h"
#include "text/hash.h"

namespace parley::intents {
namespace {

namespace fs = std::filesystem;

// Bump when the loader produces a different Pack from the same YAML, or
// the layout below changes in a way sizeof does not show.
constexpr std::uint32_t kFormatVersion = 1;
constexpr char kMagic[8] = {'P', 'A', 'R', 'L', 'E', 'Y', 'P', 'K'};

// For telling changed files and damaged caches apart.
std::uint64_t Hash64(std::string_view s) { return text::hash_bytes(s); }

// The sizes of every struct stored: a field added to one of them changes
// its size (almost always), and with it every cache key.
std::uint64_t LayoutSignature() {
  const std::size_t sizes[] = {sizeof(SourceLocation), sizeof(Text),         sizeof(SlotDef),
                               sizeof(IntentDef),      sizeof(SynonymClass), sizeof(EntityDef),
                               sizeof(LocaleSettings), sizeof(ResponseDef),  sizeof(FlowSlotDef),
                               sizeof(FlowDef),        sizeof(EscalationPolicy), sizeof(Pack)};
  return Hash64(std::string_view(reinterpret_cast<const char*>(sizes), sizeof sizes)) ^
         (std::uint64_t{kFormatVersion} << 1);
}

#if defined(__x86_64__) && defined(__GLIBCXX__)
// Adding a field to the Pack? Store it in Visit() below, then update the
// size here. (Checked on the one ABI we build on, as a reminder.)
static_assert(sizeof(IntentDef) == 256 && sizeof(LocaleSettings) == 168 &&
                  sizeof(EscalationPolicy) == 328 && sizeof(FlowDef) == 200 && sizeof(Pack) == 792,
              "the Pack changed: update pack_cache.cc (Visit and these sizes)");
#endif

// A file's bytes, mapped read-only (a cache hit reads ~1.5 MB; copying it
// into fresh heap pages cost more page faults than the reading itself).
class MappedFile {
 public:
  explicit MappedFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
      size_ = static_cast<std::size_t>(st.st_size);
      ok_ = true;
      if (size_ > 0) {
        void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED) {
          ok_ = false;
        } else {
          data_ = p;
        }
      }
    }
    ::close(fd);
  }
  ~MappedFile() {
    if (data_) ::munmap(data_, size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  bool ok() const { return ok_; }
  std::string_view bytes() const {
    return data_ ? std::string_view(static_cast<const char*>(data_), size_) : std::string_view();
  }

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
  bool ok_ = false;
};

// Serialisation: Visit(archive, value) describes each struct once, for
// both directions. Writer appends; Reader checks every length against what
// is left, so a damaged file fails cleanly (ok() false) instead of crashing.
class Writer {
 public:
  void operator()(const std::string& s) {
    number(s.size());
    out_.append(s);
  }
  void operator()(const int& v) { number(static_cast<std::uint64_t>(static_cast<std::int64_t>(v))); }
  void operator()(const bool& v) { out_.push_back(v ? 1 : 0); }
  void operator()(const double& v) {
    std::uint64_t bits;
    std::memcpy(&bits, &v, 8);
    number(bits);
  }
  // File names repeat in every SourceLocation: each is written once, then
  // referred to by its index.
  void file(const std::string& name) {
    auto [it, added] = files_.emplace(name, files_.size());
    number(added ? 0 : it->second + 1);
    if (added) (*this)(name);
  }
  void number(std::uint64_t v) { out_.append(reinterpret_cast<const char*>(&v), 8); }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
  std::unordered_map<std::string, std::uint64_t> files_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  void operator()(std::string& s) {
    const std::uint64_t n = number();
    if (n > in_.size() - pos_) return fail();
    s.assign(in_.data() + pos_, n);
    pos_ += n;
  }
  void operator()(int& v) { v = static_cast<int>(static_cast<std::int64_t>(number())); }
  void operator()(bool& v) {
    if (pos_ >= in_.size()) return fail();
    v = in_[pos_++] != 0;
  }
  void operator()(double& v) {
    const std::uint64_t bits = number();
    std::memcpy(&v, &bits, 8);
  }
  void file(std::string& name) {
    const std::uint64_t ref = number();
    if (ref == 0) {
      (*this)(name);
      files_.push_back(name);
    } else if (ref <= files_.size()) {
      name = files_[ref - 1];
    } else {
      fail();
    }
  }
  std::uint64_t number() {
    std::uint64_t v = 0;
    if (in_.size() - pos_ < 8) {
      fail();
      return 0;
    }
    std::memcpy(&v, in_.data() + pos_, 8);
    pos_ += 8;
    return v;
  }
  // A count of elements, each at least one byte long.
  std::size_t count() {
    const std::uint64_t n = number();
    if (n > in_.size() - pos_) {
      fail();
      return 0;
    }
    return static_cast<std::size_t>(n);
  }
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == in_.size(); }

 private:
  void fail() {
    ok_ = false;
    pos_ = in_.size();
  }
  std::string_view in_;
  std::size_t pos_ = 0;
  bool ok_ = true;
  std::vector<std::string> files_;
};

// Declared first so that each definition sees all the others.
template <typename A, typename T> void Visit(A& a, T& value) { a(value); }
template <typename A> void Visit(A& a, SourceLocation& w);
template <typename A> void Visit(A& a, Text& t);
template <typename A, typename T> void Visit(A& a, std::vector<T>& v);
template <typename A, typename V> void Visit(A& a, std::map<std::string, V>& m);
template <typename A> void Visit(A& a, SlotDef& s);
template <typename A> void Visit(A& a, IntentDef& i);
template <typename A> void Visit(A& a, SynonymClass& c);
template <typename A> void Visit(A& a, EntityDef& e);
template <typename A> void Visit(A& a, LocaleSettings& l);
template <typename A> void Visit(A& a, ResponseDef& r);
template <typename A> void Visit(A& a, FlowSlotDef& s);
template <typename A> void Visit(A& a, FlowDef& f);
template <typename A> void Visit(A& a, EscalationPolicy& e);
template <typename A> void Visit(A& a, Pack& p);

// Each field in turn.
template <typename A, typename... T> void Fields(A& a, T&... fields) { (Visit(a, fields), ...); }

template <typename A> void Visit(A& a, SourceLocation& w) {
  a.file(w.file);
  a(w.line);
  a(w.column);
}
template <typename A> void Visit(A& a, Text& t) { Fields(a, t.value, t.where); }
template <typename A, typename T> void Visit(A& a, std::vector<T>& v) {
  if constexpr (std::is_same_v<A, Writer>) {
    a.number(v.size());
  } else {
    v.resize(a.count());
  }
  for (auto& x : v) Visit(a, x);
}
template <typename A, typename V> void Visit(A& a, std::map<std::string, V>& m) {
  if constexpr (std::is_same_v<A, Writer>) {
    a.number(m.size());
    for (auto& [key, value] : m) {
      a(key);
      Visit(a, value);
    }
  } else {
    const std::size_t n = a.count();
    for (std::size_t i = 0; i < n && a.ok(); ++i) {
      std::string key;
      a(key);
      Visit(a, m[key]);
    }
  }
}
template <typename A> void Visit(A& a, SlotDef& s) { Fields(a, s.name, s.entity, s.required, s.where); }
template <typename A> void Visit(A& a, IntentDef& i) {
  Fields(a, i.id, i.description, i.priority, i.contexts, i.slots, i.patterns, i.phrases, i.vetoes,
         i.examples, i.where);
}
template <typename A> void Visit(A& a, SynonymClass& c) { Fields(a, c.name, c.members, c.where); }
template <typename A> void Visit(A& a, EntityDef& e) { Fields(a, e.name, e.patterns, e.where); }
template <typename A> void Visit(A& a, LocaleSettings& l) {
  Fields(a, l.tag, l.formatting, l.fold_accents, l.fallback_threshold, l.ambiguity_margin,
         l.stopwords, l.known_words, l.known_words_file);
}
template <typename A> void Visit(A& a, ResponseDef& r) { Fields(a, r.key, r.variants, r.where); }
template <typename A> void Visit(A& a, FlowSlotDef& s) { Fields(a, s.name, s.prompt, s.retries, s.where); }
template <typename A> void Visit(A& a, FlowDef& f) {
  Fields(a, f.intent, f.slots, f.verify, f.confirm, f.action, f.response, f.where);
}
template <typename A> void Visit(A& a, EscalationPolicy& e) {
  Fields(a, e.misses_before_handoff, e.failed_verifications, e.offer_at, e.handoff_at, e.decay,
         e.words, e.phrases, e.all_caps, e.repeated_punctuation, e.repeated_question, e.sensitive,
         e.timezone, e.open_days, e.open_minute, e.close_minute, e.feedback_after, e.where);
}
template <typename A> void Visit(A& a, Pack& p) {
  Fields(a, p.directory, p.locale, p.intents, p.synonyms, p.shorthand, p.entities, p.responses,
         p.flows, p.escalation, p.files, p.other_files);
}
// Every file a pack was read from, with its size and hash.
struct Source {
  std::string path;
  std::uint64_t size = 0;
  std::uint64_t hash = 0;
};

// Header: magic, layout signature, payload size and hash; then the
// payload: sources, then the pack.
constexpr std::size_t kHeaderSize = sizeof kMagic + 3 * 8;

std::uint64_t Load64(const char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// The cached pack if every source is unchanged, else nothing.
std::optional<Pack> ReadCache(const std::string& cache_file, const std::vector<std::string>& yaml_files) {
  const MappedFile file(cache_file);
  const std::string_view bytes = file.bytes();
  if (!file.ok() || bytes.size() < kHeaderSize) return std::nullopt;
  if (std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) return std::nullopt;
  if (Load64(bytes.data() + 8) != LayoutSignature()) return std::nullopt;
  const std::string_view payload = bytes.substr(kHeaderSize);
  if (Load64(bytes.data() + 16) != payload.size() || Load64(bytes.data() + 24) != Hash64(payload)) {
    return std::nullopt;
  }
  Reader in(payload);
  const std::size_t sources = in.count();
  for (std::size_t i = 0; i < sources && in.ok(); ++i) {
    Source s;
    in(s.path);
    s.size = in.number();
    s.hash = in.number();
    const MappedFile source(s.path);
    if (!source.ok() || source.bytes().size() != s.size || Hash64(source.bytes()) != s.hash) {
      return std::nullopt;
    }
  }
  Pack pack;
  Visit(in, pack);
  if (!in.ok() || !in.at_end() || pack.files != yaml_files) return std::nullopt;
  return pack;
}

void WriteCache(const std::string& cache_directory, const std::string& cache_file, const Pack& pack) {
  Writer out;
  std::vector<std::string> paths = pack.files;
  paths.insert(paths.end(), pack.other_files.begin(), pack.other_files.end());
  out.number(paths.size());
  for (const auto& path : paths) {
    // Read again now: a file edited during the load gives a cache that
    // never matches, never a stale one.
    const MappedFile content(path);
    if (!content.ok()) return;
    out(path);
    out.number(content.bytes().size());
    out.number(Hash64(content.bytes()));
  }
  Visit(out, const_cast<Pack&>(pack));  // Writer only reads
  const std::string& payload = out.bytes();

  std::string file(kMagic, sizeof kMagic);
  for (std::uint64_t v : {LayoutSignature(), std::uint64_t{payload.size()}, Hash64(payload)}) {
    file.append(reinterpret_cast<const char*>(&v), 8);
  }
  file += payload;
  std::error_code ec;
  fs::create_directories(cache_directory, ec);
  const std::string temporary = cache_file + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream tmp(temporary, std::ios::binary | std::ios::trunc);
    if (!tmp || !tmp.write(file.data(), static_cast<std::streamsize>(file.size()))) {
      tmp.close();
      fs::remove(temporary, ec);
      return;
    }
  }
  fs::rename(temporary, cache_file, ec);
  if (ec) fs::remove(temporary, ec);
}

}  // namespace

std::string pack_cache_file(const std::string& directory, const std::string& cache_directory) {
  std::error_code ec;
  std::string absolute = fs::weakly_canonical(fs::absolute(directory, ec), ec).string();
  if (absolute.empty()) absolute = directory;
  char name[32];
  std::snprintf(name, sizeof name, "pack-%016llx.bin",
                static_cast<unsigned long long>(Hash64(absolute)));
  return (fs::path(cache_directory) / name).string();
}

Pack load_pack_cached(const std::string& directory, const std::string& cache_directory,
                      std::vector<Diagnostic>& diagnostics) {
  if (cache_directory.empty()) return load_pack(directory, diagnostics);
  const std::string cache_file = pack_cache_file(directory, cache_directory);
  std::error_code ec;
  if (fs::is_directory(directory, ec)) {
    if (auto cached = ReadCache(cache_file, content_files(directory))) {
      cached->directory = directory;
      return std::move(*cached);
    }
  }
  const std::size_t before = diagnostics.size();
  Pack pack = load_pack(directory, diagnostics);
  if (diagnostics.size() == before) WriteCache(cache_directory, cache_file, pack);
  return pack;
}

}  // namespace parley::intents
