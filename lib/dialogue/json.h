// A minimal JSON writer for handoff payloads and the CLI's --json output.
#ifndef PARLEY_DIALOGUE_JSON_H_
#define PARLEY_DIALOGUE_JSON_H_

#include <string>
#include <string_view>

namespace parley::dialogue {

// `s` as a JSON string literal, quotes included. Control characters and
// invalid UTF-8 bytes are escaped (\u00XX / U+FFFD), so the output is
// always valid JSON.
std::string json_string(std::string_view s);

// Builds one JSON object or array incrementally; the caller nests values.
class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(double d);
  JsonWriter& value(long long i);
  JsonWriter& value(bool b);
  JsonWriter& null();
  const std::string& str() const { return out_; }

 private:
  void separate();
  std::string out_;
  bool need_comma_ = false;
};

}  // namespace parley::dialogue

#endif  // PARLEY_DIALOGUE_JSON_H_
