#include "redact/redact.h"

#include <re2/re2.h>

#include <vector>

namespace parley::redact {
namespace {

struct Rule {
  RE2 pattern;
  const char* tag;
  bool luhn;  // replace only matches that pass the Luhn check (pattern has one group)
};

const std::vector<Rule*>& rules() {
  // Never destroyed (the rules outlive every caller, even at exit); held
  // through a pointer so leak checkers still see them as reachable.
  static const std::vector<Rule*>& kRules = *new std::vector<Rule*>([] {
    RE2::Options o;
    o.set_case_sensitive(false);
    o.set_log_errors(false);
    return std::vector<Rule*>{
        new Rule{RE2(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})", o), "[email]", false},
        new Rule{RE2(R"((\b(?:\d[ -]?){12,18}\d\b))", o), "[card]", true},
        new Rule{RE2(R"((?:\+\d{1,3}[\s.-]?)?(?:\(0?\d{2,5}\)[\s.-]?|\b0\d{2,4}[\s.-]?)\d{3,4}[\s.-]?\d{3,4}\b)", o),
                 "[phone]", false},
        new Rule{RE2(R"(\+\d{1,3}[\s.-]?\d{2,4}[\s.-]?\d{3,4}[\s.-]?\d{3,4}\b)", o), "[phone]", false},
        new Rule{RE2(R"(\b[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\b)", o), "[postcode]", false},
        new Rule{RE2(R"(\b\d{5}-\d{4}\b)", o), "[postcode]", false},
        new Rule{RE2(R"(\b\d{1,4}[a-z]?,?\s+(?:[A-Za-z'-]+\s+){1,3}(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|close|way|court|ct|place|pl|crescent|terrace|gardens|grove|hill|boulevard|blvd)\b\.?)", o),
                 "[address]", false},
    };
  }());
  return kRules;
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
  for (const Rule* rule : rules()) {
    if (!rule->luhn) {
      RE2::GlobalReplace(&out, rule->pattern, rule->tag);
      continue;
    }
    std::string result;
    re2::StringPiece input(out), match;
    const char* copied = out.data();
    while (RE2::FindAndConsume(&input, rule->pattern, &match)) {
      result.append(copied, static_cast<size_t>(match.data() - copied));
      // Order numbers (112-4839201-5561234) are digits too; agents need them.
      const bool order_number = RE2::FullMatch(match, R"(\d{3}-\d{7}-\d{7})");
      result += (!order_number && is_card_number(match)) ? rule->tag : std::string(match);
      copied = match.data() + match.size();
    }
    result.append(copied, static_cast<size_t>(out.data() + out.size() - copied));
    out = std::move(result);
  }
  return out;
}

}  // namespace parley::redact
