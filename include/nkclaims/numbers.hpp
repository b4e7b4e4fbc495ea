// Quantities as the press and broadcasters write them: "30,000", "1.5K", "1.2 million",
// "ten thousand", "twenty-five thousand", "a dozen", "thousands", "25,000–30,000",
// "between 2,000 and 4,000", "at least 3,000", "up to 500", "about 12,000", "1500 or so".
// This module knows the form of a number, not whether it is a figure: the extractor decides that.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "nkclaims/tokens.hpp"

namespace nkclaims {

// A value as CONTRACT.md gives it: low == high for one number, a missing side for open bounds.
struct Value {
    std::optional<double> low;
    std::optional<double> high;
    bool operator==(const Value&) const = default;
};

enum class NumberForm { Digits, Words, Vague };

// A quantity found in tokens: the whole expression [first, last) including "at least", and the
// number's own words [num_first, num_last) whose bytes become the claim's span.
struct Quantity {
    std::size_t first = 0;
    std::size_t last = 0;
    std::size_t num_first = 0;
    std::size_t num_last = 0;
    Value value;
    bool approx = false;  // "about", "roughly", "nearly", "some", "or so", vague plurals
    NumberForm form = NumberForm::Digits;
    std::string_view bound;  // the bound or hedge words as written in data ("at least"), or ""
};

// Quantities are whole counts held in doubles: from 2^53 on, a double no longer holds every
// whole number (and 2^63 overflows a signed 64-bit integer), so a number of 2^53
// (9,007,199,254,740,992) or more, such as "9.9 quadrillion" or a 1 followed by 308 zeros, is
// no quantity.
inline constexpr double kMaxQuantity = 9007199254740992.0;

// The quantity that starts at token `i` (at its bound or hedge word, or at the number itself),
// reading no further than `end`. Ordinals ("8th"), decades ("1940s"), numbers with a leading
// zero ("02124"), codes ("KN-23"), negative numbers ("-5,000") and numbers of kMaxQuantity or
// more are not quantities.
std::optional<Quantity> parse_quantity(const std::vector<Token>& tokens, std::size_t i, std::size_t end);

// `v` bounded by words after the noun it counts, at tokens[i]: "4,000 troops or more" is at
// least 4,000, "500 shells or fewer" at most 500. Only a single number with no bound of its
// own, only words (a "+" after a noun is no bound).
Value bound_after_noun(const Value& v, const std::vector<Token>& tokens, std::size_t i, std::size_t end);

// Whether token `t` is itself a number (digits, or a number word): a sentence without one holds
// no figure.
bool may_be_number(const Token& t);

// The value of one plain number token ("30,000" → 30000, "1.5K" → 1500), if it is one.
std::optional<double> number_token_value(const Token& t);

}  // namespace nkclaims
