#include "matcher/rule_memo.h"

#include "intents/cache_file.h"

namespace parley::matcher {
namespace {

namespace cache = intents::cache;

// Bump when what the analysis computes, or the layout below, changes
// without a new build (a memo of another build is never read).
constexpr std::uint64_t kFormatVersion = 2;
constexpr char kMagic[8] = {'P', 'A', 'R', 'L', 'E', 'Y', 'R', 'M'};

std::uint64_t Signature() { return cache::build_identity() ^ (kFormatVersion << 1); }

}  // namespace

RuleMemo RuleMemo::read(const std::string& file) {
  RuleMemo memo;
  if (cache::build_identity() == 0) return memo;
  const cache::MappedFile mapped(file);
  const std::string_view payload = cache::framed_payload(mapped.bytes(), kMagic, Signature());
  if (payload.empty()) return memo;
  cache::Reader in(payload);
  const std::size_t n = in.count();
  memo.facts_.reserve(n);
  for (std::size_t i = 0; i < n && in.ok(); ++i) {
    std::string regex;
    in(regex);
    RuleFacts& facts = memo.facts_[std::move(regex)];
    in(facts.validated);
    in(facts.analysed);
    facts.required.resize(in.count());
    for (auto& group : facts.required) {
      group.resize(in.count());
      for (auto& literal : group) in(literal);
    }
    facts.prefixes.resize(in.count());
    for (auto& prefix : facts.prefixes) in(prefix);
    facts.suffixes.resize(in.count());
    for (auto& suffix : facts.suffixes) in(suffix);
  }
  if (!in.ok() || !in.at_end()) memo.facts_.clear();
  return memo;
}

bool RuleMemo::write(const std::string& file,
                     const std::vector<std::pair<std::string_view, const RuleFacts*>>& facts) {
  if (cache::build_identity() == 0) return false;
  cache::Writer out;
  out.number(facts.size());
  for (const auto& [regex, f] : facts) {
    out.text(regex);
    out(f->validated);
    out(f->analysed);
    out.number(f->required.size());
    for (const auto& group : f->required) {
      out.number(group.size());
      for (const auto& literal : group) out(literal);
    }
    out.number(f->prefixes.size());
    for (const auto& prefix : f->prefixes) out(prefix);
    out.number(f->suffixes.size());
    for (const auto& suffix : f->suffixes) out(suffix);
  }
  return cache::write_framed(file, kMagic, Signature(), out.bytes());
}

}  // namespace parley::matcher
