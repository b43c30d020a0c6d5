#include "intents/pack_cache.h"

#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <type_traits>

#include "intents/cache_file.h"
#include "intents/loader.h"
#include "text/hash.h"

namespace parley::intents {
namespace {

namespace fs = std::filesystem;

// Bump when the layout below changes in a way sizeof does not show (a
// cache written by another build is never read: see Signature()).
constexpr std::uint32_t kFormatVersion = 1;
constexpr char kMagic[8] = {'P', 'A', 'R', 'L', 'E', 'Y', 'P', 'K'};

// For telling changed files apart.
std::uint64_t Hash64(std::string_view s) { return text::hash_bytes(s); }

// The build, and the sizes of every struct stored: a field added to one of
// them changes its size (almost always), and with it every cache key.
std::uint64_t Signature() {
  const std::size_t sizes[] = {sizeof(SourceLocation), sizeof(Text),         sizeof(SlotDef),
                               sizeof(IntentDef),      sizeof(SynonymClass), sizeof(EntityDef),
                               sizeof(LocaleSettings), sizeof(ResponseDef),  sizeof(FlowSlotDef),
                               sizeof(FlowDef),        sizeof(EscalationPolicy), sizeof(Pack)};
  return Hash64(std::string_view(reinterpret_cast<const char*>(sizes), sizeof sizes)) ^
         (std::uint64_t{kFormatVersion} << 1) ^ cache::build_identity();
}

#if defined(__x86_64__) && defined(__GLIBCXX__)
// Adding a field to the Pack? Store it in Visit() below, then update the
// size here. (Checked on the one ABI we build on, as a reminder.)
static_assert(sizeof(IntentDef) == 256 && sizeof(LocaleSettings) == 192 &&
                  sizeof(EscalationPolicy) == 328 && sizeof(FlowDef) == 200 && sizeof(Pack) == 816,
              "the Pack changed: update pack_cache.cc (Visit and these sizes)");
#endif

using cache::MappedFile;
using cache::Reader;
using cache::Writer;

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
         l.stopwords, l.known_words, l.known_words_file, l.set_aside);
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

// The cached pack if every source is unchanged, else nothing.
std::optional<Pack> ReadCache(const std::string& cache_file, const std::vector<std::string>& yaml_files) {
  const MappedFile file(cache_file);
  const std::string_view payload = cache::framed_payload(file.bytes(), kMagic, Signature());
  if (payload.empty()) return std::nullopt;
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

void WriteCache(const std::string& cache_file, const Pack& pack) {
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
  (void)cache::write_framed(cache_file, kMagic, Signature(), out.bytes());
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

std::string rule_memo_file(const std::string& directory, const std::string& cache_directory) {
  return pack_cache_file(directory, cache_directory) + ".rules";
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
  if (diagnostics.size() == before) WriteCache(cache_file, pack);
  return pack;
}

}  // namespace parley::intents
