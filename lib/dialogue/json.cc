#include "dialogue/json.h"

#include <unicode/utf8.h>

#include <cmath>
#include <cstdio>

namespace parley::dialogue {

std::string json_string(std::string_view s) {
  std::string out = "\"";
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) {
      out += "\\ufffd";
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x2028 || c == 0x2029) {
          char buf[12];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out.append(s.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
        }
    }
  }
  return out + "\"";
}

void JsonWriter::separate() {
  if (need_comma_) out_ += ',';
  need_comma_ = true;
}

JsonWriter& JsonWriter::begin_object() { separate(); out_ += '{'; need_comma_ = false; return *this; }
JsonWriter& JsonWriter::end_object() { out_ += '}'; need_comma_ = true; return *this; }
JsonWriter& JsonWriter::begin_array() { separate(); out_ += '['; need_comma_ = false; return *this; }
JsonWriter& JsonWriter::end_array() { out_ += ']'; need_comma_ = true; return *this; }

JsonWriter& JsonWriter::key(std::string_view k) {
  separate();
  out_ += json_string(k);
  out_ += ':';
  need_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) { separate(); out_ += json_string(s); return *this; }

JsonWriter& JsonWriter::value(double d) {
  separate();
  if (!std::isfinite(d)) {
    out_ += "null";
    return *this;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", d);
  out_ += buf;
  return *this;
}

JsonWriter& JsonWriter::value(long long i) { separate(); out_ += std::to_string(i); return *this; }
JsonWriter& JsonWriter::value(bool b) { separate(); out_ += b ? "true" : "false"; return *this; }
JsonWriter& JsonWriter::null() { separate(); out_ += "null"; return *this; }

}  // namespace parley::dialogue
