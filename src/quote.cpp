#include "nkclaims/quote.hpp"

#include <algorithm>

namespace nkclaims {
namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
bool continues_character(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The first byte at or after `at` (and at most `limit`) that begins a word after a space; else
// the first that begins a character.
std::size_t word_start(std::string_view text, std::size_t at, std::size_t limit) {
    for (std::size_t i = at; i < limit; ++i)
        if (is_space(text[i - 1]) && !is_space(text[i])) return i;
    while (at < limit && continues_character(text[at])) ++at;
    return at;
}

// The last byte boundary at or before `at` (and at least `limit`) that ends a word before a
// space; else the last that ends a character.
std::size_t word_end(std::string_view text, std::size_t at, std::size_t limit) {
    for (std::size_t i = at; i > limit; --i)
        if (is_space(text[i]) && !is_space(text[i - 1])) return i;
    while (at > limit && continues_character(text[at])) --at;
    return at;
}

}  // namespace

Span quote_span(std::string_view text, Span sentence, Span words) {
    if (sentence.end - sentence.begin <= kMaxQuoteBytes) return sentence;
    words.begin = std::clamp(words.begin, sentence.begin, sentence.end);
    words.end = std::clamp(words.end, words.begin, sentence.end);
    const std::size_t room = kMaxQuoteBytes - std::min(kMaxQuoteBytes, words.end - words.begin);
    // Half the room on each side; what one side cannot use goes to the other.
    std::size_t before = std::min(room / 2, words.begin - sentence.begin);
    const std::size_t after = std::min(room - before, sentence.end - words.end);
    before = std::min(room - after, words.begin - sentence.begin);
    Span q{words.begin - before, words.end + after};
    if (q.begin > sentence.begin) q.begin = word_start(text, q.begin, words.begin);
    if (q.end < sentence.end) q.end = word_end(text, q.end, words.end);
    return q;
}

}  // namespace nkclaims
