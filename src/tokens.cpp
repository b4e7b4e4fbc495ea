#include "nkclaims/tokens.hpp"

#include <algorithm>
#include <array>

#include "nkclaims/numeric_words.hpp"

namespace nkclaims {
namespace {

bool is_ascii_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Letters and digits of ASCII, looked up rather than compared: the tokenizer's inner loop.
constexpr auto kAlnum = [] {
    std::array<bool, 256> t{};
    for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = true;
    for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = t[static_cast<std::size_t>(c - 'a' + 'A')] = true;
    return t;
}();
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
constexpr auto kSpace = [] {
    std::array<bool, 256> t{};
    for (char c : {' ', '\t', '\n', '\r', '\f', '\v'}) t[static_cast<unsigned char>(c)] = true;
    return t;
}();
bool is_space(unsigned char c) { return kSpace[c]; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Multibyte punctuation and spaces we fold, with their ASCII stand-in ("" for a space).
struct Fold {
    std::string_view utf8;
    std::string_view ascii;
};
constexpr Fold kFolds[] = {
    {"\u2019", "'"}, {"\u2018", "'"}, {"\u201C", "\""}, {"\u201D", "\""},  {"\u2013", "-"},
    {"\u2014", "-"}, {"\u2012", "-"}, {"\u2212", "-"},  {"\u2026", "..."}, {"\u00A0", ""},
    {"\u2009", ""},  {"\u202F", ""},  {"\u200B", ""},   {"\uFEFF", ""},
};

const Fold* fold_at(std::string_view text, std::size_t i) {
    if (static_cast<unsigned char>(text[i]) < 0x80) return nullptr;
    for (const Fold& f : kFolds)
        if (text.substr(i, f.utf8.size()) == f.utf8) return &f;
    return nullptr;
}

// A byte that continues a word: an ASCII letter or digit, or any non-ASCII byte that is not
// folded punctuation (letters of other scripts, accents).
inline bool word_byte(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) return kAlnum[c];
    return fold_at(text, i) == nullptr;
}

std::size_t utf8_len(unsigned char c) {
    if (c < 0x80) return 1;
    if ((c >> 5) == 0x6) return 2;
    if ((c >> 4) == 0xE) return 3;
    if ((c >> 3) == 0x1E) return 4;
    return 1;
}

// Letters a number keeps (data/number_suffixes.tsv): "12K", "8th", "1940s", not "12km".
bool known_number_suffix(std::string_view s) {
    if (s.size() > 8) return false;
    char l[8];
    for (std::size_t i = 0; i < s.size(); ++i) l[i] = lower(s[i]);
    return number_suffixes().contains(std::string_view(l, s.size()));
}

// A token's normalized bytes as they are written: each byte lowercased into the arena and folded
// into the running word_hash() (FNV-1a), so that the hash needs no second pass.
struct Lowered {
    char* end;
    std::uint64_t hash;
    void take(char c) {
        const char l = lower(c);
        *end++ = l;
        hash = word_hash_step(hash, l);
    }
};

class Tokenizer {
public:
    Tokenizer(std::string_view text, std::size_t base) : text_(text), base_(base) {
        out_.arena = std::make_unique_for_overwrite<char[]>(text.size() + 8);  // never longer than the original
        out_.tokens.reserve(text.size() / 5 + 8);
    }

    TokenStream run() {
        std::size_t i = 0;
        while (i < text_.size()) i = step(i);
        return std::move(out_);
    }

private:
    std::size_t step(std::size_t i) {
        auto c = static_cast<unsigned char>(text_[i]);
        if (is_space(c)) {  // a run of white space in one go
            do {
                if (c == '\n' || c == '\r') line_start_ = true;
                ++i;
            } while (i < text_.size() && is_space(c = static_cast<unsigned char>(text_[i])));
            space_ = true;
            return i;
        }
        if (const Fold* f = c < 0x80 ? nullptr : fold_at(text_, i)) {
            if (f->ascii == "'") return apostrophe(i, f->utf8.size());
            if (f->ascii.empty()) {
                space_ = true;
                return i + f->utf8.size();
            }
            emit(TokenKind::Punct, i, i + f->utf8.size(), f->ascii);
            return i + f->utf8.size();
        }
        if (is_digit(c)) return number(i);
        if (c == '\'') return apostrophe(i, 1);
        if (c >= 0x80 || is_ascii_alpha(c)) return word(i);
        if (c == '.' && text_.substr(i, 3) == "...") {
            emit(TokenKind::Punct, i, i + 3, "...");
            return i + 3;
        }
        emit(TokenKind::Punct, i, i + 1, text_.substr(i, 1));
        return i + 1;
    }

    // 30,000  1.5K  2025Seoul (a date glued to the next word splits at the letters)
    std::size_t number(std::size_t i) {
        std::size_t j = i;
        while (j < text_.size()) {
            if (is_digit(static_cast<unsigned char>(text_[j]))) {
                ++j;
            } else if ((text_[j] == ',' || text_[j] == '.') && j + 1 < text_.size() &&
                       is_digit(static_cast<unsigned char>(text_[j + 1]))) {
                ++j;
            } else {
                break;
            }
        }
        std::size_t k = j;
        while (k < text_.size() && is_ascii_alpha(static_cast<unsigned char>(text_[k]))) ++k;
        const bool suffix_ends = k >= text_.size() || !word_byte(text_, k);
        if (k > j && suffix_ends && known_number_suffix(text_.substr(j, k - j))) j = k;
        emit_lower(TokenKind::Number, i, j);
        return j;
    }

    // KN-23, mine-clearers, Jong-un: letters and digits, joined by inner hyphens. Each byte is
    // lowercased into the arena and hashed as it is read: one pass over the word, not two.
    std::size_t word(std::size_t i) {
        char* const norm = out_.arena.get() + used_;
        Lowered w{norm, word_hash({})};
        bool digits = false;
        std::size_t j = i;
        while (j < text_.size()) {
            const auto c = static_cast<unsigned char>(text_[j]);
            if (c < 0x80) {
                const bool hyphen = c == '-' && j + 1 < text_.size() && word_byte(text_, j + 1);
                if (!kAlnum[c] && !hyphen) break;
                digits = digits || is_digit(c);
                w.take(text_[j++]);
            } else {
                if (fold_at(text_, j) != nullptr) break;
                for (const std::size_t e = std::min(text_.size(), j + utf8_len(c)); j < e;) w.take(text_[j++]);
            }
        }
        const auto size = static_cast<std::size_t>(w.end - norm);
        used_ += size;
        add(digits ? TokenKind::Code : TokenKind::Word, i, j, std::string_view(norm, size), w.hash);
        return j;
    }

    // 's 't 're: an apostrophe glued to the word before it, and the letters after it.
    std::size_t apostrophe(std::size_t i, std::size_t width) {
        std::size_t j = i + width;
        while (j < text_.size() && is_ascii_alpha(static_cast<unsigned char>(text_[j]))) ++j;
        const bool glued = !out_.tokens.empty() && !space_ && out_.tokens.back().kind != TokenKind::Punct;
        if (j == i + width || !glued) {
            emit(TokenKind::Punct, i, j, "'");
            return j;
        }
        std::string norm = "'";
        for (std::size_t k = i + width; k < j; ++k) norm += lower(text_[k]);
        emit(TokenKind::Word, i, j, norm);
        return j;
    }

    // The normalized form is the original lowercased: written straight into the arena.
    void emit_lower(TokenKind kind, std::size_t b, std::size_t e) {
        char* const norm = out_.arena.get() + used_;
        Lowered w{norm, word_hash({})};
        for (std::size_t k = b; k < e; ++k) w.take(text_[k]);
        used_ += e - b;
        add(kind, b, e, std::string_view(norm, e - b), w.hash);
    }

    void emit(TokenKind kind, std::size_t b, std::size_t e, std::string_view norm) { push(kind, b, e, norm); }

    void push(TokenKind kind, std::size_t b, std::size_t e, std::string_view norm) {
        const std::size_t at = used_;
        std::copy(norm.begin(), norm.end(), out_.arena.get() + at);
        used_ += norm.size();
        add(kind, b, e, std::string_view(out_.arena.get() + at, norm.size()));
    }

    void add(TokenKind kind, std::size_t b, std::size_t e, std::string_view norm) {
        add(kind, b, e, norm, word_hash(norm));
    }

    void add(TokenKind kind, std::size_t b, std::size_t e, std::string_view norm, std::uint64_t hash) {
        out_.tokens.push_back(Token{kind,
                                    line_start_,
                                    space_ || out_.tokens.empty(),
                                    {b + base_, e + base_},
                                    text_.substr(b, e - b),
                                    norm,
                                    hash});
        line_start_ = false;
        space_ = false;
    }

    std::string_view text_;
    std::size_t base_;
    std::size_t used_ = 0;  // bytes of the arena written
    TokenStream out_;
    bool line_start_ = true;
    bool space_ = true;
};

}  // namespace

TokenStream tokenize(std::string_view text, std::size_t base) {
    Tokenizer t(text, base);
    return t.run();
}

std::vector<std::string> phrase_tokens(std::string_view phrase) {
    std::vector<std::string> out;
    for (const Token& t : tokenize(phrase).tokens) out.emplace_back(t.norm);
    return out;
}

}  // namespace nkclaims
