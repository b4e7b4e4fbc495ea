// One sentence as the rules read it: its token bounds, where its clauses break (hard: ";",
// "but", "if"; soft: a comma, a dash) and the dates in it, computed once. Every rule (figures,
// stances, fields, attribution) asks the Clause instead of testing words itself.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nkclaims/dates.hpp"
#include "nkclaims/document.hpp"
#include "nkclaims/gazetteer.hpp"

namespace nkclaims {

// A clause boundary: hard (a semicolon, "but", "if") or soft (a comma, a dash, a bracket).
enum class Boundary { Hard, Soft };

class Clause {
public:
    // Reads sentence `s` of `d`: its boundaries and dates (against the document's reference date).
    Clause(const Gazetteer& g, const Document& d, const Sentence& s);
    // The same over tokens [begin, end) of `t`, without a document (no dates).
    Clause(const Gazetteer& g, const std::vector<Token>& t, std::size_t begin, std::size_t end);

    const Gazetteer& g;
    const std::vector<Token>& t;
    const std::size_t begin, end;

    // Whether token i is in the sentence; whether it is punctuation `p` (",", ";", "?").
    bool has(std::size_t i) const { return i >= begin && i < end; }
    bool punct(std::size_t i, std::string_view p) const { return has(i) && t[i].is(p); }
    // Whether a phrase of word class `c` starts at token i; its length in tokens.
    bool is(std::size_t i, WordClass c) const { return has(i) && g.words.is(c, t, i, end); }
    std::optional<std::size_t> match(std::size_t i, WordClass c) const {
        return has(i) ? g.words.match(c, t, i, end) : std::nullopt;
    }
    // Whether a phrase of word class `c` ends right before token `b` ("an additional" 500).
    bool ends_at(std::size_t b, WordClass c) const;
    // Whether token i is a hard or a soft clause boundary.
    bool hard(std::size_t i) const { return has(i) && (flags_[i - begin] & kHard); }
    bool soft(std::size_t i) const { return has(i) && (flags_[i - begin] & kSoft); }
    // Whether a boundary of that kind lies among tokens [a, b) (none when b <= a).
    bool crosses(std::size_t a, std::size_t b, Boundary kind) const;
    // Whether the clause of token `at` is conditional ("if", "unless", "should").
    bool conditional(std::size_t at) const;
    // Whether token i belongs to a date expression ("2024" in "October 2024" is no figure).
    bool in_date(std::size_t i) const { return has(i) && (flags_[i - begin] & kDate); }
    const std::vector<DateMention>& dates() const { return dates_; }
    // Whether token i is the tokenizer's possessive clitic ("Russia's").
    bool possessive(std::size_t i) const;
    // The normalized words of tokens [a, b), space separated.
    std::string join_norm(std::size_t a, std::size_t b) const;

private:
    static constexpr std::uint8_t kHard = 1, kSoft = 2, kDate = 4;
    void mark();
    std::vector<DateMention> dates_;
    std::vector<std::uint8_t> flags_;  // by token, from `begin`
};

}  // namespace nkclaims
