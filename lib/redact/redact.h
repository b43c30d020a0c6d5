// Removing personal data from text before it is logged or handed over.
#ifndef PARLEY_REDACT_REDACT_H_
#define PARLEY_REDACT_REDACT_H_

#include <string>
#include <string_view>

namespace parley::redact {

// Replaces personal data in `text` by a bracketed tag: e-mail addresses
// ([email]), payment card numbers that pass the Luhn check ([card]), phone
// numbers ([phone]), UK postcodes and US ZIP+4 codes ([postcode]), and street
// addresses (a house number followed by a street word: [address]). Order
// numbers are kept: agents need them and they identify no person alone.
// Accepts any UTF-8; thread-safe.
std::string redact(std::string_view text);

// True if the digits of `number` (spaces and dashes ignored) pass the Luhn
// check and there are 13 to 19 of them.
bool is_card_number(std::string_view number);

}  // namespace parley::redact

#endif  // PARLEY_REDACT_REDACT_H_
