#include "intents/cache_file.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "text/hash.h"

namespace parley::intents::cache {
namespace {

namespace fs = std::filesystem;

// Header: magic, signature, payload size and hash; then the payload.
constexpr std::size_t kHeaderSize = 8 + 3 * 8;

std::uint64_t Load64(const char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

}  // namespace

MappedFile::MappedFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    size_ = static_cast<std::size_t>(st.st_size);
    ok_ = true;
    if (size_ > 0) {
      // Mapped rather than read: a cache hit reads ~1.5 MB, and copying it
      // into fresh heap pages cost more page faults than the reading.
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

MappedFile::~MappedFile() {
  if (data_) ::munmap(data_, size_);
}

void Writer::file(const std::string& name) {
  auto [it, added] = files_.emplace(name, files_.size());
  number(added ? 0 : it->second + 1);
  if (added) text(name);
}

void Reader::operator()(std::string& s) {
  const std::uint64_t n = number();
  if (n > in_.size() - pos_) return fail();
  s.assign(in_.data() + pos_, n);
  pos_ += n;
}

void Reader::operator()(bool& v) {
  if (pos_ >= in_.size()) return fail();
  v = in_[pos_++] != 0;
}

void Reader::file(std::string& name) {
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

std::uint64_t Reader::number() {
  std::uint64_t v = 0;
  if (in_.size() - pos_ < 8) {
    fail();
    return 0;
  }
  std::memcpy(&v, in_.data() + pos_, 8);
  pos_ += 8;
  return v;
}

std::size_t Reader::count() {
  const std::uint64_t n = number();
  if (n > in_.size() - pos_) {
    fail();
    return 0;
  }
  return static_cast<std::size_t>(n);
}

namespace {

std::uint64_t IdentityOfThisBinary() {
  struct stat st {};
  Dl_info info{};
  const bool found = ::dladdr(reinterpret_cast<void*>(&build_identity), &info) != 0 &&
                     info.dli_fname != nullptr && ::stat(info.dli_fname, &st) == 0;
  // A program's own path may be relative to where it started.
  if (!found && ::stat("/proc/self/exe", &st) != 0) return 0;
  const std::uint64_t fields[] = {static_cast<std::uint64_t>(st.st_size),
                                  static_cast<std::uint64_t>(st.st_mtim.tv_sec),
                                  static_cast<std::uint64_t>(st.st_mtim.tv_nsec),
                                  static_cast<std::uint64_t>(st.st_ino),
                                  static_cast<std::uint64_t>(st.st_dev)};
  const std::uint64_t h = text::hash_bytes(std::string_view(reinterpret_cast<const char*>(fields), sizeof fields));
  return h == 0 ? 1 : h;
}

// Taken when the binary is loaded, not at first use: a build installed over
// this one while it runs must not lend its identity to this one's caches.
const std::uint64_t kBuildIdentity = IdentityOfThisBinary();

}  // namespace

std::uint64_t build_identity() { return kBuildIdentity; }

std::string_view framed_payload(std::string_view file, const char (&magic)[8], std::uint64_t signature) {
  if (file.size() < kHeaderSize || std::memcmp(file.data(), magic, 8) != 0) return {};
  if (Load64(file.data() + 8) != signature) return {};
  const std::string_view payload = file.substr(kHeaderSize);
  if (Load64(file.data() + 16) != payload.size() || Load64(file.data() + 24) != text::hash_bytes(payload)) {
    return {};
  }
  return payload;
}

bool write_framed(const std::string& path, const char (&magic)[8], std::uint64_t signature,
                  std::string_view payload) {
  std::string file(magic, 8);
  for (std::uint64_t v : {signature, std::uint64_t{payload.size()}, text::hash_bytes(payload)}) {
    file.append(reinterpret_cast<const char*>(&v), 8);
  }
  file += payload;
  std::error_code ec;
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty()) fs::create_directories(parent, ec);
  // Unique to this writer, also among threads of one process.
  static std::atomic<unsigned> writes{0};
  const std::string temporary = path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(writes++);
  {
    std::ofstream tmp(temporary, std::ios::binary | std::ios::trunc);
    if (!tmp || !tmp.write(file.data(), static_cast<std::streamsize>(file.size()))) {
      tmp.close();
      fs::remove(temporary, ec);
      return false;
    }
  }
  fs::rename(temporary, path, ec);
  if (ec) fs::remove(temporary, ec);
  return !ec;
}

}  // namespace parley::intents::cache
