// What parley's cache files share: reading a file mapped, a binary writer
// and a bounds-checked reader, the frame that tells a whole file written
// by this build from anything else, and writing one atomically.
//
// A cache only saves time: every function here reports failure by its
// result (an empty view, false) and never throws for a missing, damaged or
// foreign file.
#ifndef PARLEY_INTENTS_CACHE_FILE_H_
#define PARLEY_INTENTS_CACHE_FILE_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parley::intents::cache {

// A file's bytes, mapped read-only (ok() false when it cannot be read).
class MappedFile {
 public:
  explicit MappedFile(const std::string& path);
  ~MappedFile();
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

// Appends values as fixed 8-byte numbers and length-prefixed strings.
class Writer {
 public:
  void operator()(const std::string& s) { text(s); }
  void operator()(const int& v) { number(static_cast<std::uint64_t>(static_cast<std::int64_t>(v))); }
  void operator()(const bool& v) { out_.push_back(v ? 1 : 0); }
  void operator()(const double& v) {
    std::uint64_t bits;
    std::memcpy(&bits, &v, 8);
    number(bits);
  }
  void text(std::string_view s) {
    number(s.size());
    out_.append(s);
  }
  // A name that repeats (a file name in every source location): written
  // once, then referred to by its index.
  void file(const std::string& name);
  void number(std::uint64_t v) { out_.append(reinterpret_cast<const char*>(&v), 8); }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
  std::unordered_map<std::string, std::uint64_t> files_;
};

// Reads what Writer wrote. Every length is checked against what is left:
// a damaged file turns ok() false (and reads zeros and empty strings from
// then on) instead of crashing.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  void operator()(std::string& s);
  void operator()(int& v) { v = static_cast<int>(static_cast<std::int64_t>(number())); }
  void operator()(bool& v);
  void operator()(double& v) {
    const std::uint64_t bits = number();
    std::memcpy(&v, &bits, 8);
  }
  void file(std::string& name);
  std::uint64_t number();
  // A count of elements, each at least one byte long.
  std::size_t count();
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

// Identifies the parley binary running (the library or program file holding
// this code: its size, modification time and inode), so that a cache
// written by another build, whose code may read the same content
// differently, is never used. 0 when it cannot be told.
std::uint64_t build_identity();

// The payload of a framed file: its magic (8 bytes) and signature match
// and its size and hash are intact. Empty when anything differs.
std::string_view framed_payload(std::string_view file, const char (&magic)[8], std::uint64_t signature);

// Frames `payload` and writes it to `path` atomically (readers see the old
// file or the new one), creating its directory. False when it could not.
bool write_framed(const std::string& path, const char (&magic)[8], std::uint64_t signature,
                  std::string_view payload);

}  // namespace parley::intents::cache

#endif  // PARLEY_INTENTS_CACHE_FILE_H_
