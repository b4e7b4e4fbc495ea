#include "nkclaims/clause.hpp"

#include <algorithm>

namespace nkclaims {
namespace {

// Punctuation is structure, not vocabulary: these marks break clauses wherever the text is.
// Each is one character (dashes are folded to '-'), so a punctuation token is one of them when
// it is one character found in the list.
constexpr std::string_view kHardMarks = ";";
constexpr std::string_view kSoftMarks = ",-():";
constexpr std::string_view kPossessive = "'s";  // the clitic the tokenizer splits off

bool any_of(const Token& t, std::string_view marks) {
    return t.norm.size() == 1 && marks.find(t.norm[0]) != std::string_view::npos;
}

}  // namespace

Clause::Clause(const Gazetteer& gz, const Document& d, const Sentence& s)
    : g(gz), t(d.tokens.tokens), begin(s.tok_begin), end(s.tok_end) {
    dates_ = find_dates(t, begin, end, d.reference_date());
    mark();
}

Clause::Clause(const Gazetteer& gz, const std::vector<Token>& tokens, std::size_t b, std::size_t e)
    : g(gz), t(tokens), begin(b), end(e) {
    mark();
}

void Clause::mark() {
    flags_.assign(end - begin, 0);
    for (std::size_t i = begin; i < end; ++i) {
        std::uint8_t& f = flags_[i - begin];
        const bool mark = t[i].kind == TokenKind::Punct;  // the marks are punctuation tokens
        if ((mark && any_of(t[i], kHardMarks)) || g.words.is(WordClass::HardBoundary, t, i, i + 1)) f |= kHard;
        if (mark && any_of(t[i], kSoftMarks)) f |= kSoft;
    }
    for (const DateMention& m : dates_)
        for (std::size_t i = m.first; i < m.last; ++i) flags_[i - begin] |= kDate;
}

bool Clause::crosses(std::size_t a, std::size_t b, Boundary kind) const {
    const std::uint8_t bit = kind == Boundary::Hard ? kHard : kSoft;
    for (std::size_t i = a; i < b; ++i)
        if (has(i) && (flags_[i - begin] & bit)) return true;
    return false;
}

bool Clause::conditional(std::size_t at) const {
    for (std::size_t i = at; i > begin; --i) {
        if (is(i - 1, WordClass::Conditional)) return true;
        if (hard(i - 1) || punct(i - 1, ",")) return false;
    }
    return false;
}

bool Clause::ends_at(std::size_t b, WordClass c) const {
    constexpr std::size_t kLongest = 3;  // the longest phrase looked for
    for (std::size_t len = 1; len <= kLongest && len <= b; ++len)
        if (b - len >= begin && g.words.match(c, t, b - len, b) == std::optional<std::size_t>(len)) return true;
    return false;
}

bool Clause::possessive(std::size_t i) const { return has(i) && t[i].is(kPossessive); }

std::string Clause::join_norm(std::size_t a, std::size_t b) const {
    std::string s;
    for (std::size_t i = a; i < b; ++i) s += (i > a ? " " : "") + std::string(t[i].norm);
    return s;
}

}  // namespace nkclaims
