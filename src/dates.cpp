#include "nkclaims/dates.hpp"

#include <fmt/format.h>

#include <cstring>

#include "date_parts.hpp"

namespace nkclaims {

using namespace std::chrono;
using date_parts::digits_value;

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

}  // namespace nkclaims
