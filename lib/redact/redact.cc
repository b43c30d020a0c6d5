#include "redact/redact.h"

#include <re2/re2.h>

#include <memory>
#include <string_view>
#include <vector>

#include "text/per_thread.h"

namespace parley::redact {
namespace {

struct Rule {
  std::unique_ptr<RE2> pattern;
  const char* tag;
  bool luhn;  // replace only matches that pass the Luhn check (pattern has one group)
};

// The rules, compiled once per thread slot (text/per_thread.h): every RE2
// search writes a lock word in the regex, which threads sharing it would
// pass back and forth.
std::vector<Rule> make_rules() {
  RE2::Options o;
  o.set_case_sensitive(false);
  o.set_log_errors(false);
  std::vector<Rule> rules;
  rules.reserve(7);
  auto add = [&](const char* pattern, const char* tag, bool luhn) {
    rules.push_back(Rule{std::make_unique<RE2>(pattern, o), tag, luhn});
  };
  add(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})", "[email]", false);
  add(R"((\b(?:\d[ -]?){12,18}\d\b))", "[card]", true);
  add(R"((?:\+\d{1,3}[\s.-]?)?(?:\(0?\d{2,5}\)[\s.-]?|\b0\d{2,4}[\s.-]?)\d{3,4}[\s.-]?\d{3,4}\b)", "[phone]", false);
  add(R"(\+\d{1,3}[\s.-]?\d{2,4}[\s.-]?\d{3,4}[\s.-]?\d{3,4}\b)", "[phone]", false);
  add(R"(\b[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\b)", "[postcode]", false);
  add(R"(\b\d{5}-\d{4}\b)", "[postcode]", false);
  add(R"(\b\d{1,4}[a-z]?,?\s+(?:[A-Za-z'-]+\s+){1,3}(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|close|way|court|ct|place|pl|crescent|terrace|gardens|grove|hill|boulevard|blvd)\b\.?)",
      "[address]", false);
  return rules;
}

const std::vector<Rule>& rules() {
  // Never destroyed (the rules outlive every caller, even at exit); held
  // through a pointer so leak checkers still see them as reachable.
  static const auto& kRules = *new text::PerThread<std::vector<Rule>>(
      [] { return std::make_unique<std::vector<Rule>>(make_rules()); });
  return kRules.get();
}

// 112-4839201-5561234: digits like a card's, but agents need them.
bool is_order_number(std::string_view s) {
  if (s.size() != 19 || s[3] != '-' || s[11] != '-') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i != 3 && i != 11 && (s[i] < '0' || s[i] > '9')) return false;
  }
  return true;
}

}  // namespace

bool is_card_number(std::string_view number) {
  std::vector<int> digits;
  for (char c : number) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c - '0');
    } else if (c != ' ' && c != '-') {
      return false;
    }
  }
  if (digits.size() < 13 || digits.size() > 19) return false;
  int sum = 0;
  bool twice = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = *it;
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

std::string redact(std::string_view text) {
  std::string out(text);
  for (const Rule& rule : rules()) {
    if (!rule.luhn) {
      RE2::GlobalReplace(&out, *rule.pattern, rule.tag);
      continue;
    }
    std::string result;
    re2::StringPiece input(out), match;
    const char* copied = out.data();
    while (RE2::FindAndConsume(&input, *rule.pattern, &match)) {
      result.append(copied, static_cast<size_t>(match.data() - copied));
      const std::string_view found(match.data(), match.size());
      result += (!is_order_number(found) && is_card_number(found)) ? std::string(rule.tag) : std::string(found);
      copied = match.data() + match.size();
    }
    result.append(copied, static_cast<size_t>(out.data() + out.size() - copied));
    out = std::move(result);
  }
  return out;
}

}  // namespace parley::redact
