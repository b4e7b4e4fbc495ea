// The parts of a date read at a token, private to the date resolver: digits, a day of the
// month, a month name, a year, a relative-date word and what it does. The forms of date
// expression (date_forms.cpp) are built from these and never read a token themselves.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "nkclaims/dates.hpp"
#include "nkclaims/numeric_words.hpp"

namespace nkclaims::date_parts {

// The value of `s` when it is one to four ASCII digits (no sign, no space): what numeric dates
// are made of. By hand: listings parse a date for each of a million claims.
inline std::optional<int> digits_value(std::string_view s) {
    if (s.empty() || s.size() > 4) return std::nullopt;
    int v = 0;
    for (const char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

// The date words in use (month and weekday names, relative-date words...).
inline const DateWords& date_words() { return numeric_words().dates; }

// The month a month name (a normalized word: "june", "sept") names.
inline std::optional<unsigned> month_named(std::string_view w) {
    const auto& months = date_words().months;
    const auto it = months.find(w);
    if (it == months.end()) return std::nullopt;
    return it->second;
}

// The tokens [.., end) of one text and its reference date, read a part at a time. Every read
// past `end` is a miss, so a form can look ahead without checking bounds.
class DateParts {
public:
    DateParts(const std::vector<Token>& t, std::size_t end, std::optional<Day> ref) : t_(t), end_(end), ref_(ref) {}

    bool has(std::size_t i) const { return i < end_; }
    const Token& token(std::size_t i) const { return t_[i]; }
    // The reference date: what "last week" is counted from; none in a text without one.
    std::optional<Day> reference() const { return ref_; }
    bool is(std::size_t i, std::string_view w) const { return has(i) && t_[i].is(w); }
    bool in(std::size_t i, const WordSet& words) const { return has(i) && words.contains(t_[i].norm); }
    bool number(std::size_t i) const { return has(i) && t_[i].kind == TokenKind::Number; }

    // What token i means as a relative-date word, if it is one.
    const RelativeWord* relative(std::size_t i) const {
        if (!has(i) || !t_[i].is_word()) return nullptr;
        const auto& words = date_words().relative;
        const auto it = words.find(HashedWord(t_[i]));
        return it == words.end() ? nullptr : &it->second;
    }
    bool role(std::size_t i, RelativeRole r) const {
        const RelativeWord* w = relative(i);
        return w && w->role == r;
    }
    // Whether token i may stand before a date of the given form: "on" before "Friday".
    bool leads(std::size_t i, DateForm form) const {
        const RelativeWord* w = relative(i);
        return w && (w->leads & form) != 0;
    }

    // A month name token (capitalized: "may" is a verb), with an optional "." after short
    // forms; returns the month and the token after it.
    std::optional<std::pair<unsigned, std::size_t>> month_at(std::size_t i) const {
        if (!has(i) || !t_[i].is_word() || !t_[i].capitalized()) return std::nullopt;
        const auto m = month_named(t_[i].norm);
        if (!m) return std::nullopt;
        std::size_t next = i + 1;
        if (t_[i].norm.size() <= 4 && is(next, ".") && !t_[next].space_before) ++next;
        return std::pair{*m, next};
    }

    // A day of the month: "8", "8th" (an ordinal suffix: factor 0 in number_suffixes.tsv).
    std::optional<unsigned> day_number(std::size_t i) const {
        if (!number(i)) return std::nullopt;
        std::string_view s = t_[i].norm;
        std::size_t n = s.size();
        while (n > 0 && s[n - 1] >= 'a' && s[n - 1] <= 'z') --n;
        if (n < s.size()) {
            const auto suffix = number_suffixes().find(s.substr(n));
            if (n == 0 || suffix == number_suffixes().end() || suffix->second != 0) return std::nullopt;
            s = s.substr(0, n);
        }
        auto v = digits_value(s);
        if (!v || *v < 1 || *v > 31 || s.size() > 2) return std::nullopt;
        return static_cast<unsigned>(*v);
    }

    // A year of news: four digits from 1900 to 2100.
    std::optional<int> year_number(std::size_t i) const {
        if (!number(i) || t_[i].norm.size() != 4) return std::nullopt;
        auto v = digits_value(t_[i].norm);
        if (!v || *v < 1900 || *v > 2100) return std::nullopt;
        return v;
    }

    // ", 2025" or " 2025" after a day or month; returns the year and the token after it.
    std::pair<std::optional<int>, std::size_t> year_after(std::size_t i) const {
        std::size_t j = is(i, ",") ? i + 1 : i;
        if (auto y = year_number(j)) return {y, j + 1};
        return {std::nullopt, i};
    }

    // The year of the latest month `m` that has begun by the reference date.
    std::optional<std::chrono::year> past_year_of(unsigned m) const {
        if (!ref_) return std::nullopt;
        const std::chrono::year_month_day r{*ref_};
        return static_cast<unsigned>(r.month()) >= m ? r.year() : r.year() - std::chrono::years{1};
    }

    // The mention of tokens [b, e) naming day d of month m, in year y or else the latest such
    // month by the reference date; nothing for a day the month does not have.
    std::optional<DateMention> make_day(std::size_t b, std::size_t e, std::optional<int> y, unsigned m,
                                        unsigned d) const {
        using namespace std::chrono;
        std::optional<year> yy = y ? std::optional<year>{year{*y}} : past_year_of(m);
        if (!yy) return std::nullopt;
        const year_month_day ymd{*yy, month{m}, day{d}};
        if (!ymd.ok()) return std::nullopt;
        return DateMention{b, e, DateRange::of_day(sys_days{ymd})};
    }

private:
    const std::vector<Token>& t_;
    std::size_t end_;
    std::optional<Day> ref_;
};

}  // namespace nkclaims::date_parts
