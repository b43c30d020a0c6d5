// Problems found in content files, pointing at file:line:column.
#ifndef PARLEY_INTENTS_DIAGNOSTIC_H_
#define PARLEY_INTENTS_DIAGNOSTIC_H_

#include <string>
#include <vector>

namespace parley::intents {

// A position in a content file; line and column are 1-based, 0 when unknown.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  bool operator==(const SourceLocation&) const = default;
};

enum class Severity { kError, kWarning };

struct Diagnostic {
  SourceLocation where;
  Severity severity = Severity::kError;
  std::string message;
};

// "file:line:column: error: message" (the form editors and CI understand).
std::string format(const Diagnostic& d);
// One format() line per diagnostic.
std::string format_all(const std::vector<Diagnostic>& diagnostics);
bool has_errors(const std::vector<Diagnostic>& diagnostics);

}  // namespace parley::intents

#endif  // PARLEY_INTENTS_DIAGNOSTIC_H_
