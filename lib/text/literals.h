// Finding many literal strings in a text at once (Aho-Corasick).
#ifndef PARLEY_TEXT_LITERALS_H_
#define PARLEY_TEXT_LITERALS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley::text {

// An immutable automaton over a fixed list of byte strings. One pass over a
// text finds every listed string occurring in it, in time linear in the
// text (plus the number of strings found); nothing is built lazily, so the
// first text costs what the millionth does. Thread-safe to share.
class LiteralFinder {
 public:
  LiteralFinder() = default;
  // Empty strings in `literals` are ignored (never reported).
  explicit LiteralFinder(const std::vector<std::string>& literals);

  // Sets `found` to the indices (into the constructor's list) of the
  // literals occurring in `text`, each once, in no particular order.
  void find(std::string_view text, std::vector<int>& found) const;

  std::size_t size() const { return literal_count_; }

 private:
  std::size_t literal_count_ = 0;
  int classes_ = 1;                      // byte classes; 0 = bytes in no literal
  std::uint16_t class_of_[256] = {};     // byte -> class
  // state * classes_ + class -> state: in next16_ when every state fits in
  // 16 bits (half the memory, which is most of the finder's), else next_.
  std::vector<std::uint32_t> next_;
  std::vector<std::uint16_t> next16_;
  template <typename State>
  void build(const std::vector<std::string>& literals, std::size_t most_states, std::vector<State>& next);
  template <typename State>
  void find_in(const std::vector<State>& next, std::string_view text, std::vector<int>& found) const;
  static constexpr std::uint32_t kNone = UINT32_MAX;
  // Per state: the literal spelled by the path to it (or kNone), and the
  // nearest state spelling a proper suffix of that path which has one (or
  // kNone); side by side, as a match reads both.
  struct Output {
    std::uint32_t literal = kNone;
    std::uint32_t suffix = kNone;
  };
  std::vector<Output> outputs_;
  // Per literal: the next one with the same string (or kNone).
  std::vector<std::uint32_t> same_as_;
};

}  // namespace parley::text

#endif  // PARLEY_TEXT_LITERALS_H_
