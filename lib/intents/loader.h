// Reading a locale folder of YAML content files into a Pack.
#ifndef PARLEY_INTENTS_LOADER_H_
#define PARLEY_INTENTS_LOADER_H_

#include <string>
#include <vector>

#include "intents/diagnostic.h"
#include "intents/pack.h"

namespace parley::intents {

// Reads every *.yaml / *.yml file of `directory` (sorted by name; not
// recursive). Appends every problem found to `diagnostics`: YAML syntax with
// line and column, unknown keys, wrong types, missing ids, duplicate ids or
// synonym classes, slots without an entity. Structural checks only: regular
// expressions and phrases are checked when the pack is compiled.
//
// The returned Pack is complete only when no error was appended; callers
// must not use it otherwise (nothing is half-loaded into a running bot).
Pack load_pack(const std::string& directory, std::vector<Diagnostic>& diagnostics);

// The content files load_pack() reads in `directory`: its *.yaml and *.yml
// files, sorted by name (empty if there are none or it cannot be read).
std::vector<std::string> content_files(const std::string& directory);

}  // namespace parley::intents

#endif  // PARLEY_INTENTS_LOADER_H_
