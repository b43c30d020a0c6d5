// Unicode folding of customer text with ICU: the step that makes
// "Où EST ma Commande", "ou est ma commande" and "ＯＵ est..." the same.
#ifndef PARLEY_TEXT_FOLD_H_
#define PARLEY_TEXT_FOLD_H_

#include <string>
#include <string_view>

namespace parley::text {

// NFKC with full case folding (ICU's nfkc_cf: "ß" -> "ss", "ﬁ" -> "fi",
// full-width forms -> ASCII), then, if `fold_accents`, removal of
// non-spacing marks ("é" -> "e"), and typographic apostrophes mapped to "'".
// Input must be valid UTF-8 (see sanitize). ASCII input takes a fast path
// that gives the same result as the ICU path.
std::string fold(std::string_view utf8, bool fold_accents);
// The same, reusing `utf8`'s buffer when it is ASCII (most messages).
std::string fold_owned(std::string&& utf8, bool fold_accents);

}  // namespace parley::text

#endif  // PARLEY_TEXT_FOLD_H_
