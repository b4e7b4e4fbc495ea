// The forms a date expression takes in text, each a small recognizer over the parts of a date
// (date_parts.hpp), tried in the order of one list for words and one for numbers; find_dates()
// walks a text with them.
#include <algorithm>
#include <array>
#include <string>

#include "date_parts.hpp"
#include "nkclaims/dates.hpp"

namespace nkclaims {

using namespace std::chrono;
using date_parts::DateParts;

namespace {

// "the 8th of July, 2025", "8th of July"
std::optional<DateMention> day_of_month(const DateParts& p, std::size_t i) {
    std::size_t j = p.leads(i, kDay) ? i + 1 : i;
    auto d = p.day_number(j);
    if (!d || !p.in(j + 1, date_parts::date_words().day_of)) return std::nullopt;
    auto m = p.month_at(j + 2);
    if (!m) return std::nullopt;
    auto [y, end] = p.year_after(m->second);
    return p.make_day(i, end, y, m->first, *d);
}

// "on the 13th": an ordinal day with no month after it is that day of the reference month, or
// of the month before when the reference date has not reached it. Two words that lead a day
// must stand before it, and no word after it ("the 13th Brigade" is no date).
std::optional<DateMention> ordinal_day(const DateParts& p, std::size_t i) {
    const std::size_t j = i + 2;
    const auto ref = p.reference();
    if (!ref || !p.leads(i, kDay) || !p.leads(i + 1, kDay) || !p.number(j)) return std::nullopt;
    const auto d = p.day_number(j);
    const std::string_view s = p.token(j).norm;
    if (!d || s.back() < 'a' || s.back() > 'z' || (p.has(j + 1) && p.token(j + 1).is_word())) return std::nullopt;
    const year_month_day r{*ref};
    year_month ym = r.year() / r.month();
    if (*d > static_cast<unsigned>(r.day())) ym -= months{1};
    return p.make_day(i, j + 1, static_cast<int>(ym.year()), static_cast<unsigned>(ym.month()), *d);
}

// "July 8, 2025", "Sept. 2", "October 27 and 28", "July 2025", "July"
std::optional<DateMention> month_first(const DateParts& p, std::size_t i) {
    std::size_t j = i;
    if (p.leads(j, kMonth)) ++j;
    auto m = p.month_at(j);
    if (!m) return std::nullopt;
    std::size_t k = m->second;
    if (auto d = p.day_number(k)) {
        std::size_t end = k + 1;
        unsigned last_day = *d;
        if ((p.in(end, date_parts::date_words().day_joiners) || p.is(end, "-")) && p.day_number(end + 1) &&
            *p.day_number(end + 1) > *d) {
            last_day = *p.day_number(end + 1);
            end += 2;
        }
        auto [y, after] = p.year_after(end);
        auto first = p.make_day(i, after, y, m->first, *d);
        if (!first) return std::nullopt;
        if (last_day != *d) {
            auto second = p.make_day(i, after, y, m->first, last_day);
            if (second) first->range.last = second->range.last;
        }
        return first;
    }
    if (auto y = p.year_number(k)) return DateMention{i, k + 1, DateRange::of_month(year{*y}, month{m->first})};
    const auto ref = p.reference();
    if (p.role(i, RelativeRole::Previous) && ref) {  // "last November": the latest one before this month
        const year_month_day r{*ref};
        year y = static_cast<unsigned>(r.month()) > m->first ? r.year() : r.year() - years{1};
        return DateMention{i, k, DateRange::of_month(y, month{m->first})};
    }
    auto y = p.past_year_of(m->first);
    if (!y) return std::nullopt;
    return DateMention{i, k, DateRange::of_month(*y, month{m->first})};
}

// "on Tuesday, the 8th of July, 2025", "on Friday", "last Friday", "said Thursday"
std::optional<DateMention> weekday_name(const DateParts& p, std::size_t i) {
    std::size_t j = i;
    if (p.leads(j, kWeekday)) ++j;
    if (!p.has(j)) return std::nullopt;
    const auto& weekdays = date_parts::date_words().weekdays;
    const auto named = weekdays.find(HashedWord(p.token(j)));
    if (named == weekdays.end()) return std::nullopt;
    const unsigned wd = named->second;
    std::size_t after = j + 1;
    if (p.is(after, ",")) {
        if (auto full = day_of_month(p, after + 1)) return DateMention{i, full->last, full->range};
        if (auto full = month_first(p, after + 1)) return DateMention{i, full->last, full->range};
    }
    if (!p.reference()) return std::nullopt;
    const bool next = p.role(i, RelativeRole::Following);
    const std::chrono::weekday target{wd};
    Day d = *p.reference();
    if (next) {
        d += days{1};
        while (std::chrono::weekday{d} != target) d += days{1};
    } else {
        while (std::chrono::weekday{d} != target) d -= days{1};
    }
    return DateMention{i, after, DateRange::of_day(d)};
}

// "18 May", "8 July 2025"
std::optional<DateMention> day_first(const DateParts& p, std::size_t i) {
    std::size_t j = p.leads(i, kDay) ? i + 1 : i;
    auto d = p.day_number(j);
    if (!d) return std::nullopt;
    auto m = p.month_at(j + 1);
    if (!m) return std::nullopt;
    auto [y, end] = p.year_after(m->second);
    return p.make_day(i, end, y, m->first, *d);
}

// 2025-07-08
std::optional<DateMention> iso(const DateParts& p, std::size_t i) {
    if (!p.year_number(i) || !p.is(i + 1, "-") || !p.has(i + 4) || !p.is(i + 3, "-")) return std::nullopt;
    const std::string s =
        std::string(p.token(i).norm) + "-" + std::string(p.token(i + 2).norm) + "-" + std::string(p.token(i + 4).norm);
    auto d = parse_iso_day(s);
    if (!d) return std::nullopt;
    return DateMention{i, i + 5, DateRange::of_day(*d)};
}

// "23.10.2024" (day first, as Europe writes), "2024.10.23" (year first, as Korea writes)
std::optional<DateMention> dotted(const DateParts& p, std::size_t i) {
    if (!p.number(i)) return std::nullopt;
    const std::string_view s = p.token(i).norm;
    const auto a = s.find('.'), b = s.rfind('.');
    if (a == std::string_view::npos || a == b || s.find('.', a + 1) != b) return std::nullopt;
    using date_parts::digits_value;
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
std::optional<DateMention> part_of_month(const DateParts& p, std::size_t i) {
    std::size_t j = i;
    if (p.leads(j, kPart)) ++j;
    if (!p.has(j) || !p.token(j).is_word()) return std::nullopt;
    // "early June", or one word: "mid-January"
    const std::string_view w = p.token(j).norm;
    const auto dash = w.find('-');
    const auto& words = date_parts::date_words().relative;
    const auto part = words.find(w.substr(0, dash));
    if (part == words.end() || part->second.role != RelativeRole::Part) return std::nullopt;
    const unsigned from = part->second.from, to = part->second.to;
    unsigned m = 0;
    std::size_t after = 0;
    if (dash != std::string_view::npos) {
        m = date_parts::month_named(w.substr(dash + 1)).value_or(0);
        after = j + 1;
    } else if (auto mm = p.month_at(j + 1)) {
        m = mm->first;
        after = mm->second;
    }
    if (m == 0) return std::nullopt;
    auto [y, end] = p.year_after(after);
    std::optional<year> yy = y ? std::optional<year>{year{*y}} : p.past_year_of(m);
    if (!yy) return std::nullopt;
    const auto whole = DateRange::of_month(*yy, month{m});
    const Day last_day = std::min(whole.last, sys_days{*yy / month{m} / std::chrono::day{to}});
    return DateMention{i, end, {sys_days{*yy / month{m} / day{from}}, last_day}};
}

// yesterday, today, last week, this month, last year, earlier this month ...
std::optional<DateMention> relative_words(const DateParts& p, std::size_t i) {
    if (!p.reference() || !p.has(i)) return std::nullopt;
    const Day r = *p.reference();
    const year_month_day ymd{r};
    const Day monday = r - std::chrono::days{std::chrono::weekday{r}.iso_encoding() - 1};
    std::size_t j = i;
    const bool earlier = p.role(j, RelativeRole::Earlier);
    if (earlier) ++j;
    const RelativeWord* which = p.relative(j);
    if (!which) return std::nullopt;
    if (which->role == RelativeRole::Offset) return DateMention{i, j + 1, DateRange::of_day(r + days{which->days})};
    const RelativeRole step = which->role;
    if (step != RelativeRole::Previous && step != RelativeRole::Current && step != RelativeRole::Following)
        return std::nullopt;
    const RelativeWord* unit = p.relative(j + 1);
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

// "earlier in 2025", "earlier this year" (a relative_words one), "in 2025" up to the reference
std::optional<DateMention> earlier_in_year(const DateParts& p, std::size_t i) {
    if (!p.role(i, RelativeRole::Earlier) || !p.leads(i + 1, kYear)) return std::nullopt;
    auto y = p.year_number(i + 2);
    if (!y) return std::nullopt;
    auto range = DateRange::of_year(year{*y});
    // Up to the reference date, if it falls in that year ("earlier in 2026" said in 2025 is
    // the whole year: a range never ends before it begins).
    const auto ref = p.reference();
    if (ref && *ref >= range.first) range.last = std::min(range.last, *ref);
    return DateMention{i, i + 3, range};
}

// "in 2025", "since 1990", or a year standing alone before punctuation. "2000 soldiers" is
// a count, not a year: a bare four-digit number followed by a word is left alone.
std::optional<DateMention> bare_year(const DateParts& p, std::size_t i) {
    const bool led = p.leads(i, kYear);
    std::size_t j = led ? i + 1 : i;
    auto y = p.year_number(j);
    if (!y) return std::nullopt;
    if (!led && p.has(j + 1) && p.token(j + 1).kind != TokenKind::Punct) return std::nullopt;
    return DateMention{i, j + 1, DateRange::of_year(year{*y})};
}

// A form of date expression: the mention starting at token i, or nothing.
using Recognizer = std::optional<DateMention> (*)(const DateParts&, std::size_t);

// The first of `Forms`, tried in order, that reads a date at token i. A list of template
// arguments, not an array of pointers, so that each try is a direct call.
template <Recognizer... Forms>
std::optional<DateMention> first_form(const DateParts& p, std::size_t i) {
    std::optional<DateMention> m;
    (void)((m = Forms(p, i)) || ...);
    return m;
}

// Every form that may start at a word. The first that reads a date wins, so a form that reads
// more from the same start comes before the one it contains: "Friday, July 8" before "July",
// "the 8th of July" before "8 July".
constexpr Recognizer kWordForms = first_form<weekday_name,     // "on Friday", "Tuesday, the 8th of July, 2025"
                                             day_of_month,     // "the 8th of July"
                                             month_first,      // "July 8, 2025", "last November"
                                             day_first,        // "on 8 July 2025"
                                             ordinal_day,      // "on the 13th"
                                             part_of_month,    // "early June", "mid-January"
                                             relative_words,   // "yesterday", "last week", "earlier this month"
                                             earlier_in_year,  // "earlier in 2025"
                                             bare_year>;       // "in 2025", "since 1990"
// The forms that may start at a number, in the same order: the others start with a word (a
// weekday, a month, a relative word or one that leads a date), so they never read one here.
constexpr Recognizer kNumberForms = first_form<day_of_month,  // "8th of July"
                                               day_first,     // "8 July 2025"
                                               iso,           // "2025-07-08"
                                               dotted,        // "23.10.2024"
                                               bare_year>;    // "2025."

// Whether a date expression can start at this token; most tokens cannot.
bool may_start_date(const Token& t) {
    if (t.kind == TokenKind::Number) return true;
    if (t.kind != TokenKind::Word) return false;
    const WordSet& starters = date_parts::date_words().starters;
    if (starters.contains(HashedWord(t))) return true;
    const auto dash = t.norm.find('-');  // "mid-January"
    return dash != std::string_view::npos && starters.contains(t.norm.substr(0, dash));
}

std::optional<DateMention> date_at(const DateParts& p, std::size_t i) {
    return p.token(i).kind == TokenKind::Number ? kNumberForms(p, i) : kWordForms(p, i);
}

// Without a reference date every form that reads a date reads its year in it (a year number,
// or the year of "23.10.2024"), within this many tokens after the mention's first one:
// "on Tuesday, the 8th of July, 2025" is the longest, nine tokens before its year.
constexpr std::size_t kBeforeYear = 16;

// Whether token `t` may be the year of a date, or hold one: a superset of what the forms read
// as a year (four digits, or a dotted day "23.10.2024").
bool may_hold_year(const Token& t) {
    return t.kind == TokenKind::Number && (t.norm.size() == 4 || t.norm.find('.') != std::string_view::npos);
}

}  // namespace

std::vector<DateMention> find_dates(const std::vector<Token>& tokens, std::size_t begin, std::size_t end,
                                    std::optional<Day> reference) {
    std::vector<DateMention> out;
    const DateParts parts(tokens, end, reference);
    std::size_t year_at = begin;  // without a reference: the next token that may hold a year
    for (std::size_t i = begin; i < end;) {
        if (!reference) {  // no date can start more than kBeforeYear tokens before its year
            year_at = std::max(year_at, i);
            while (year_at < end && !may_hold_year(tokens[year_at])) ++year_at;
            if (year_at == end) break;
            i = std::max(i, year_at - std::min(year_at, kBeforeYear));
        }
        if (!may_start_date(tokens[i])) {
            ++i;
            continue;
        }
        if (auto m = date_at(parts, i)) {
            out.push_back(*m);
            i = m->last;
        } else {
            ++i;
        }
    }
    return out;
}

}  // namespace nkclaims
