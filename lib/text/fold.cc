#include "text/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "text/utf8.h"

namespace parley::text {
namespace {

bool IsApostrophe(UChar32 c) {
  return c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x0060 || c == 0x00B4 || c == 0xFF07;
}

std::string fold_with_icu(std::string_view utf8, bool fold_accents) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);  // ICU data missing: degrade, never fail

  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString folded = nfkc_cf->normalize(text, status);
  if (fold_accents) {
    icu::UnicodeString decomposed = nfd->normalize(folded, status);
    icu::UnicodeString stripped;
    for (int32_t i = 0; i < decomposed.length();) {
      UChar32 c = decomposed.char32At(i);
      i += U16_LENGTH(c);
      if (u_charType(c) == U_NON_SPACING_MARK) continue;
      stripped.append(c);
    }
    folded = nfc->normalize(stripped, status);
  }
  icu::UnicodeString cleaned;
  for (int32_t i = 0; i < folded.length();) {
    UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    cleaned.append(IsApostrophe(c) ? UChar32('\'') : c);
  }
  if (U_FAILURE(status)) return std::string(utf8);
  std::string out;
  cleaned.toUTF8String(out);
  return out;
}

}  // namespace

namespace {

void FoldAsciiInPlace(std::string& s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '`') c = '\'';
  }
}

}  // namespace

std::string fold(std::string_view utf8, bool fold_accents) {
  if (!is_ascii(utf8)) return fold_with_icu(utf8, fold_accents);
  std::string out(utf8);
  FoldAsciiInPlace(out);
  return out;
}

std::string fold_owned(std::string&& utf8, bool fold_accents) {
  if (!is_ascii(utf8)) return fold_with_icu(utf8, fold_accents);
  std::string out(std::move(utf8));
  FoldAsciiInPlace(out);
  return out;
}

}  // namespace parley::text
