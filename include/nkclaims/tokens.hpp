// Tokens: words, numbers, codes and punctuation of a text, each with its byte offsets in the
// original file. The extractor, the date resolver and the gazetteer all match on tokens, never
// on raw strings, so that every claim points back at exact bytes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace nkclaims {

// A half-open byte range [begin, end) in a document's original bytes.
struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool operator==(const Span&) const = default;
};

enum class TokenKind : std::uint8_t {
    Word,    // letters, with inner hyphens: "mine-clearers", "Jong-un"
    Number,  // digits with separators and an optional suffix: "30,000", "1.5K", "8th", "1940s"
    Code,    // letters and digits mixed: "KN-23", "Il-76", "S7" (model names, never figures)
    Punct,   // one punctuation mark; "..." is one token
};

struct Token {
    TokenKind kind;
    bool line_start;        // first token on its line (speaker labels, headers, broken lines)
    bool space_before;      // whitespace separates it from the previous token
    Span span;              // bytes in the original text
    std::string_view text;  // the original bytes
    std::string_view norm;  // lowercase ASCII; curly quotes and dashes folded to ' " -
    std::uint64_t hash;     // word_hash(norm), computed once: every gazetteer lookup reuses it
    bool is(std::string_view s) const { return norm == s; }
    bool is_word() const { return kind == TokenKind::Word; }
    bool capitalized() const { return !text.empty() && text[0] >= 'A' && text[0] <= 'Z'; }
};

// The tokens of one text. `norm` views point into `arena`, allocated once at the text's size
// (normalized text is never longer); a moved TokenStream keeps the buffer, so views stay valid.
struct TokenStream {
    std::unique_ptr<char[]> arena;
    std::vector<Token> tokens;
    TokenStream() = default;
    TokenStream(const TokenStream&) = delete;
    TokenStream& operator=(const TokenStream&) = delete;
    TokenStream(TokenStream&&) = default;
    TokenStream& operator=(TokenStream&&) = default;
};

// FNV-1a of a normalized word: cheap for the short words we look up, computed once per token.
// word_hash_step() adds one byte, for the tokenizer, which hashes a word while it writes it.
constexpr std::uint64_t word_hash_step(std::uint64_t h, char c) {
    return (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
}
constexpr std::uint64_t word_hash(std::string_view s) {
    std::uint64_t h = 14695981039346656037ull;
    for (char c : s) h = word_hash_step(h, c);
    return h;
}

// A word with its hash, for lookups that must not hash it again.
struct HashedWord {
    std::string_view text;
    std::uint64_t hash;
    explicit HashedWord(const Token& t) : text(t.norm), hash(t.hash) {}
    explicit HashedWord(std::string_view s) : text(s), hash(word_hash(s)) {}
};

// Splits valid UTF-8 `text` into tokens. Offsets are relative to `text` plus `base`.
// An apostrophe starts a token of its own ("Russia's" is "russia" + "'s") so that data files
// written with ' match text written with ’.
TokenStream tokenize(std::string_view text, std::size_t base = 0);

// The normalized words of a phrase from a data file, as tokenize() would produce them.
std::vector<std::string> phrase_tokens(std::string_view phrase);

}  // namespace nkclaims
