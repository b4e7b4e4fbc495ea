#include "nkclaims/dates.hpp"

#include <fmt/format.h>

#include <array>
#include <cstring>
#include <unordered_set>

#include "nkclaims/numeric_words.hpp"

namespace nkclaims {

using namespace std::chrono;

DateRange DateRange::of_month(year y, month m) { return {sys_days{y / m / 1}, sys_days{y / m / std::chrono::last}}; }

DateRange DateRange::of_year(year y) { return {sys_days{y / January / 1}, sys_days{y / December / 31}}; }

int DateRange::gap_days(const DateRange& o) const {
    if (overlaps(o)) return 0;
    const auto d = o.first > last ? o.first - last : first - o.last;
    return static_cast<int>(d.count());
}

namespace {

// Writes YYYY-MM-DD at `out`; returns the end. By hand, not fmt: reports print two or three of
// these for each of a million claims.
char* write_iso_day(char* out, Day d) {
    const year_month_day ymd{d};
    const int y = static_cast<int>(ymd.year());
    const auto m = static_cast<unsigned>(ymd.month()), dd = static_cast<unsigned>(ymd.day());
    if (y < 0 || y > 9999) return fmt::format_to(out, "{:04}-{:02}-{:02}", y, m, dd);
    const char text[10] = {static_cast<char>('0' + y / 1000),
                           static_cast<char>('0' + y / 100 % 10),
                           static_cast<char>('0' + y / 10 % 10),
                           static_cast<char>('0' + y % 10),
                           '-',
                           static_cast<char>('0' + m / 10),
                           static_cast<char>('0' + m % 10),
                           '-',
                           static_cast<char>('0' + dd / 10),
                           static_cast<char>('0' + dd % 10)};
    std::memcpy(out, text, sizeof text);
    return out + sizeof text;
}

}  // namespace

std::string iso_day(Day d) {
    char text[DateRange::kMaxIso];
    return std::string(text, write_iso_day(text, d));
}

char* DateRange::write_iso(char* out) const {
    const year_month_day a{first}, b{last};
    const bool whole_months = a.day() == day{1} && b == year_month_day{b.year() / b.month() / std::chrono::last};
    const auto y = static_cast<int>(a.year());
    const auto m = static_cast<unsigned>(a.month());
    if (first == last) return write_iso_day(out, first);
    if (whole_months && a.year() == b.year() && a.month() == January && b.month() == December)
        return fmt::format_to(out, "{:04}", y);
    if (whole_months && a.year() == b.year() && a.month() == b.month()) return fmt::format_to(out, "{:04}-{:02}", y, m);
    if (whole_months)
        return fmt::format_to(out, "{:04}-{:02}/{:04}-{:02}", y, m, static_cast<int>(b.year()),
                              static_cast<unsigned>(b.month()));
    out = write_iso_day(out, first);
    *out++ = '/';
    return write_iso_day(out, last);
}

std::string DateRange::iso() const {
    char text[kMaxIso];
    return std::string(text, write_iso(text));
}

namespace {

// The value of `s` when it is one to four ASCII digits (no sign, no space): what ISO dates
// are made of. By hand: listings parse a date for each of a million claims.
std::optional<int> digits_value(std::string_view s) {
    if (s.empty() || s.size() > 4) return std::nullopt;
    int v = 0;
    for (const char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

std::optional<DateRange> parse_iso_part(std::string_view s) {
    if (s.size() == 4) {
        const auto y = digits_value(s);
        return y ? std::optional(DateRange::of_year(year{*y})) : std::nullopt;
    }
    if (s.size() == 7 && s[4] == '-') {
        const auto y = digits_value(s.substr(0, 4)), m = digits_value(s.substr(5));
        if (!y || !m || *m < 1 || *m > 12) return std::nullopt;
        return DateRange::of_month(year{*y}, month{static_cast<unsigned>(*m)});
    }
    if (auto d = parse_iso_day(s)) return DateRange::of_day(*d);
    return std::nullopt;
}

}  // namespace

std::optional<Day> parse_iso_day(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    const auto y = digits_value(s.substr(0, 4)), m = digits_value(s.substr(5, 2)), d = digits_value(s.substr(8, 2));
    if (!y || !m || !d || *m < 1 || *d < 1) return std::nullopt;
    const year_month_day ymd{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
    if (!ymd.ok()) return std::nullopt;
    return sys_days{ymd};
}

std::optional<DateRange> parse_iso_range(std::string_view s) {
    const auto slash = s.find('/');
    if (slash == std::string_view::npos) return parse_iso_part(s);
    auto a = parse_iso_part(s.substr(0, slash)), b = parse_iso_part(s.substr(slash + 1));
    if (!a || !b || b->last < a->first) return std::nullopt;
    return DateRange{a->first, b->last};
}

namespace {

const DateWords& vocabulary() { return numeric_words().dates; }

std::optional<unsigned> month_named(std::string_view w) {
    const auto& months = vocabulary().months;
    const auto it = months.find(w);
    if (it == months.end()) return std::nullopt;
    return it->second;
}

// Resolves date expressions starting at one token. Each try_* returns a mention or nothing.
class DateParser {
public:
    DateParser(const std::vector<Token>& t, std::size_t end, std::optional<Day> ref) : t_(t), end_(end), ref_(ref) {}

    std::optional<DateMention> at(std::size_t i) const {
        for (auto f : {&DateParser::weekday_name, &DateParser::day_of_month, &DateParser::month_first,
                       &DateParser::day_first, &DateParser::iso, &DateParser::dotted, &DateParser::part_of_month,
                       &DateParser::relative_words, &DateParser::earlier_in_year, &DateParser::bare_year}) {
            if (auto m = (this->*f)(i)) return m;
        }
        return std::nullopt;
    }

private:
    bool has(std::size_t i) const { return i < end_; }
    bool is(std::size_t i, std::string_view w) const { return has(i) && t_[i].is(w); }
    bool in(std::size_t i, const WordSet& words) const { return has(i) && words.contains(t_[i].norm); }

    // What token i means as a relative-date word, if it is one.
    const RelativeWord* relative(std::size_t i) const {
        if (!has(i) || !t_[i].is_word()) return nullptr;
        const auto& words = vocabulary().relative;
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

    // A month name token (capitalized: "may" is a verb), with an optional "." after short forms.
    std::optional<std::pair<unsigned, std::size_t>> month_at(std::size_t i) const {
        if (!has(i) || !t_[i].is_word() || !t_[i].capitalized()) return std::nullopt;
        const auto m = month_named(t_[i].norm);
        if (!m) return std::nullopt;
        std::size_t next = i + 1;
        if (t_[i].norm.size() <= 4 && is(next, ".") && !t_[next].space_before) ++next;
        return std::pair{*m, next};
    }

    std::optional<unsigned> day_number(std::size_t i) const {
        if (!has(i) || t_[i].kind != TokenKind::Number) return std::nullopt;
        std::string_view s = t_[i].norm;
        std::size_t n = s.size();  // "8th": an ordinal suffix (factor 0 in number_suffixes.tsv)
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

    std::optional<int> year_number(std::size_t i) const {
        if (!has(i) || t_[i].kind != TokenKind::Number || t_[i].norm.size() != 4) return std::nullopt;
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

    // The latest (year, month) at or before the reference whose month is `m`.
    std::optional<year> past_year_of(unsigned m) const {
        if (!ref_) return std::nullopt;
        const year_month_day r{*ref_};
        return static_cast<unsigned>(r.month()) >= m ? r.year() : r.year() - years{1};
    }

    std::optional<DateMention> make_day(std::size_t b, std::size_t e, std::optional<int> y, unsigned m,
                                        unsigned d) const {
        std::optional<year> yy = y ? std::optional<year>{year{*y}} : past_year_of(m);
        if (!yy) return std::nullopt;
        const year_month_day ymd{*yy, month{m}, day{d}};
        if (!ymd.ok()) return std::nullopt;
        return DateMention{b, e, DateRange::of_day(sys_days{ymd})};
    }

    // "on Tuesday, the 8th of July, 2025", "on Friday", "last Friday", "said Thursday"
    std::optional<DateMention> weekday_name(std::size_t i) const {
        std::size_t j = i;
        if (leads(j, kWeekday)) ++j;
        if (!has(j)) return std::nullopt;
        const auto& weekdays = vocabulary().weekdays;
        const auto named = weekdays.find(HashedWord(t_[j]));
        if (named == weekdays.end()) return std::nullopt;
        const unsigned wd = named->second;
        std::size_t after = j + 1;
        if (is(after, ",")) {
            if (auto full = day_of_month(after + 1)) return DateMention{i, full->last, full->range};
            if (auto full = month_first(after + 1)) return DateMention{i, full->last, full->range};
        }
        if (!ref_) return std::nullopt;
        const bool next = role(i, RelativeRole::Following);
        const std::chrono::weekday target{wd};
        Day d = *ref_;
        if (next) {
            d += days{1};
            while (std::chrono::weekday{d} != target) d += days{1};
        } else {
            while (std::chrono::weekday{d} != target) d -= days{1};
        }
        return DateMention{i, after, DateRange::of_day(d)};
    }

    // "the 8th of July, 2025", "8th of July"
    std::optional<DateMention> day_of_month(std::size_t i) const {
        std::size_t j = leads(i, kDay) ? i + 1 : i;
        auto d = day_number(j);
        if (!d || !in(j + 1, vocabulary().day_of)) return std::nullopt;
        auto m = month_at(j + 2);
        if (!m) return std::nullopt;
        auto [y, end] = year_after(m->second);
        return make_day(i, end, y, m->first, *d);
    }

    // "July 8, 2025", "Sept. 2", "October 27 and 28", "July 2025", "July"
    std::optional<DateMention> month_first(std::size_t i) const {
        std::size_t j = i;
        if (leads(j, kMonth)) ++j;
        auto m = month_at(j);
        if (!m) return std::nullopt;
        std::size_t k = m->second;
        if (auto d = day_number(k)) {
            std::size_t end = k + 1;
            unsigned last_day = *d;
            if ((in(end, vocabulary().day_joiners) || is(end, "-")) && day_number(end + 1) &&
                *day_number(end + 1) > *d) {
                last_day = *day_number(end + 1);
                end += 2;
            }
            auto [y, after] = year_after(end);
            auto first = make_day(i, after, y, m->first, *d);
            if (!first) return std::nullopt;
            if (last_day != *d) {
                auto second = make_day(i, after, y, m->first, last_day);
                if (second) first->range.last = second->range.last;
            }
            return first;
        }
        if (auto y = year_number(k)) return DateMention{i, k + 1, DateRange::of_month(year{*y}, month{m->first})};
        if (role(i, RelativeRole::Previous) && ref_) {  // "last November": the latest one before this month
            const year_month_day r{*ref_};
            year y = static_cast<unsigned>(r.month()) > m->first ? r.year() : r.year() - years{1};
            return DateMention{i, k, DateRange::of_month(y, month{m->first})};
        }
        auto y = past_year_of(m->first);
        if (!y) return std::nullopt;
        return DateMention{i, k, DateRange::of_month(*y, month{m->first})};
    }

    // "18 May", "8 July 2025"
    std::optional<DateMention> day_first(std::size_t i) const {
        std::size_t j = leads(i, kDay) ? i + 1 : i;
        auto d = day_number(j);
        if (!d) return std::nullopt;
        auto m = month_at(j + 1);
        if (!m) return std::nullopt;
        auto [y, end] = year_after(m->second);
        return make_day(i, end, y, m->first, *d);
    }

    // 2025-07-08
    std::optional<DateMention> iso(std::size_t i) const {
        if (!year_number(i) || !is(i + 1, "-") || !has(i + 4) || !is(i + 3, "-")) return std::nullopt;
        const std::string s =
            std::string(t_[i].norm) + "-" + std::string(t_[i + 2].norm) + "-" + std::string(t_[i + 4].norm);
        auto d = parse_iso_day(s);
        if (!d) return std::nullopt;
        return DateMention{i, i + 5, DateRange::of_day(*d)};
    }

    // "23.10.2024" (day first, as Europe writes), "2024.10.23" (year first, as Korea writes)
    std::optional<DateMention> dotted(std::size_t i) const {
        if (!has(i) || t_[i].kind != TokenKind::Number) return std::nullopt;
        const std::string_view s = t_[i].norm;
        const auto a = s.find('.'), b = s.rfind('.');
        if (a == std::string_view::npos || a == b || s.find('.', a + 1) != b) return std::nullopt;
        const auto x = digits_value(s.substr(0, a)), m = digits_value(s.substr(a + 1, b - a - 1)),
                   y = digits_value(s.substr(b + 1));
        if (!x || !m || !y) return std::nullopt;
        const bool year_first = a == 4 && b - a - 1 == 2 && s.size() - b - 1 == 2;
        const bool day_first = a <= 2 && b - a - 1 <= 2 && s.size() - b - 1 == 4;
        if (!year_first && !day_first) return std::nullopt;
        const int yy = year_first ? *x : *y;
        const int dd = year_first ? *y : *x;
        if (yy < 1900 || yy > 2100 || *m < 1 || *m > 12 || dd < 1) return std::nullopt;
        const year_month_day ymd{year{yy}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(dd)}};
        if (!ymd.ok()) return std::nullopt;
        return DateMention{i, i + 1, DateRange::of_day(sys_days{ymd})};
    }

    // "early June", "mid-January", "late June 2024"
    std::optional<DateMention> part_of_month(std::size_t i) const {
        std::size_t j = i;
        if (leads(j, kPart)) ++j;
        if (!has(j) || !t_[j].is_word()) return std::nullopt;
        // "early June", or one word: "mid-January"
        const std::string_view w = t_[j].norm;
        const auto dash = w.find('-');
        const auto& words = vocabulary().relative;
        const auto part = words.find(w.substr(0, dash));
        if (part == words.end() || part->second.role != RelativeRole::Part) return std::nullopt;
        const unsigned from = part->second.from, to = part->second.to;
        unsigned m = 0;
        std::size_t after = 0;
        if (dash != std::string_view::npos) {
            m = month_named(w.substr(dash + 1)).value_or(0);
            after = j + 1;
        } else if (auto mm = month_at(j + 1)) {
            m = mm->first;
            after = mm->second;
        }
        if (m == 0) return std::nullopt;
        auto [y, end] = year_after(after);
        std::optional<year> yy = y ? std::optional<year>{year{*y}} : past_year_of(m);
        if (!yy) return std::nullopt;
        const auto whole = DateRange::of_month(*yy, month{m});
        const Day last_day = std::min(whole.last, sys_days{*yy / month{m} / std::chrono::day{to}});
        return DateMention{i, end, {sys_days{*yy / month{m} / day{from}}, last_day}};
    }

    // yesterday, today, last week, this month, last year, earlier this month ...
    std::optional<DateMention> relative_words(std::size_t i) const {
        if (!ref_ || !has(i)) return std::nullopt;
        const Day r = *ref_;
        const year_month_day ymd{r};
        const Day monday = r - std::chrono::days{std::chrono::weekday{r}.iso_encoding() - 1};
        std::size_t j = i;
        const bool earlier = role(j, RelativeRole::Earlier);
        if (earlier) ++j;
        const RelativeWord* which = relative(j);
        if (!which) return std::nullopt;
        if (which->role == RelativeRole::Offset) return DateMention{i, j + 1, DateRange::of_day(r + days{which->days})};
        const RelativeRole step = which->role;
        if (step != RelativeRole::Previous && step != RelativeRole::Current && step != RelativeRole::Following)
            return std::nullopt;
        const RelativeWord* unit = relative(j + 1);
        if (!unit || unit->role != RelativeRole::Unit) return std::nullopt;
        const std::size_t e = j + 2;
        const int shift = step == RelativeRole::Previous ? -1 : step == RelativeRole::Following ? 1 : 0;
        if (unit->unit == DateUnit::Week) {
            if (step == RelativeRole::Current) return DateMention{i, e, {monday, r}};
            return DateMention{i, e, {monday + days{7 * shift}, monday + days{7 * shift + 6}}};
        }
        if (unit->unit == DateUnit::Month) {
            const auto ym = ymd.year() / ymd.month() + months{shift};
            auto range = DateRange::of_month(ym.year(), ym.month());
            if (step == RelativeRole::Current) range.last = r;
            return DateMention{i, e, range};
        }
        auto range = DateRange::of_year(ymd.year() + years{shift});
        if (step == RelativeRole::Current || earlier) range.last = std::min(range.last, r);
        return DateMention{i, e, range};
    }

    // "earlier in 2025", "earlier this year" (handled above), "in 2025" up to the reference
    std::optional<DateMention> earlier_in_year(std::size_t i) const {
        if (!role(i, RelativeRole::Earlier) || !leads(i + 1, kYear)) return std::nullopt;
        auto y = year_number(i + 2);
        if (!y) return std::nullopt;
        auto range = DateRange::of_year(year{*y});
        // Up to the reference date, if it falls in that year ("earlier in 2026" said in 2025 is
        // the whole year: a range never ends before it begins).
        if (ref_ && *ref_ >= range.first) range.last = std::min(range.last, *ref_);
        return DateMention{i, i + 3, range};
    }

    // "in 2025", "since 1990", or a year standing alone before punctuation. "2000 soldiers" is
    // a count, not a year: a bare four-digit number followed by a word is left alone.
    std::optional<DateMention> bare_year(std::size_t i) const {
        const bool led = leads(i, kYear);
        std::size_t j = led ? i + 1 : i;
        auto y = year_number(j);
        if (!y) return std::nullopt;
        if (!led && has(j + 1) && t_[j + 1].kind != TokenKind::Punct) return std::nullopt;
        return DateMention{i, j + 1, DateRange::of_year(year{*y})};
    }

    const std::vector<Token>& t_;
    std::size_t end_;
    std::optional<Day> ref_;
};

}  // namespace

namespace {
// Whether a date expression can start at this token; most tokens cannot.
bool may_start_date(const Token& t) {
    if (t.kind == TokenKind::Number) return true;
    if (t.kind != TokenKind::Word) return false;
    const WordSet& starters = vocabulary().starters;
    if (starters.contains(HashedWord(t))) return true;
    const auto dash = t.norm.find('-');  // "mid-January"
    return dash != std::string_view::npos && starters.contains(t.norm.substr(0, dash));
}
}  // namespace

std::vector<DateMention> find_dates(const std::vector<Token>& tokens, std::size_t begin, std::size_t end,
                                    std::optional<Day> reference) {
    std::vector<DateMention> out;
    const DateParser parser(tokens, end, reference);
    for (std::size_t i = begin; i < end;) {
        if (!may_start_date(tokens[i])) {
            ++i;
            continue;
        }
        if (auto m = parser.at(i)) {
            out.push_back(*m);
            i = m->last;
        } else {
            ++i;
        }
    }
    return out;
}

}  // namespace nkclaims
