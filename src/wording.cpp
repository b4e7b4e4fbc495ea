#include "nkclaims/wording.hpp"

#include <fmt/format.h>

#include <cmath>

#include "nkclaims/format.hpp"

namespace nkclaims {

namespace {

constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

}  // namespace

std::string Wording::source(const std::string& id) const {
    if (g_ && g_->source_names.contains(id)) return g_->source_name(id).full;
    return id_as_words(id);
}

std::string Wording::source_brief(const std::string& id) const {
    if (g_ && g_->source_names.contains(id)) return g_->source_name(id).brief;
    return id_as_words(id);
}

std::string Wording::place(const std::string& id) const {
    if (id.empty()) return "";
    if (g_ && g_->place_names.contains(id)) return g_->place_name(id).full;
    return id_as_words(id);
}

std::string Wording::voice(const Claim& c) const {
    return c.via.empty() ? source_brief(c.source) : source_brief(c.source) + ", via " + source_brief(c.via);
}

std::string Wording::heading(const std::string& actor, Metric m, std::optional<Phase> p) const {
    if (actor.empty()) return capitalized(what_counted(m, p)) + ", whose not said";
    std::string whose = g_ && g_->place_names.contains(actor) ? g_->place_name(actor).brief : id_as_words(actor);
    return whose + "'s " + what_counted(m, p);
}

std::string people_number(double v) {
    if (!std::isfinite(v)) return "?";
    if (std::fabs(v) >= 1e15) return fmt::format("{:.3g}", v);
    if (std::fabs(v) >= 1e6 && std::fmod(v, 1e5) == 0) return fmt::format("{:g} million", v / 1e6);
    if (v != std::floor(v)) return fmt::format("{:g}", v);
    const auto whole = static_cast<long long>(std::fabs(v));
    std::string digits = fmt::format("{}", whole), out = v < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {  // our own separators, never the locale's
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string people_value(const Claim& c) {
    if (c.kind == ClaimKind::Stance) return value_words(c);  // one wording of a stance, format's
    const auto& v = c.value;
    std::string s;
    if (v.low && v.high && *v.low == *v.high)
        s = people_number(*v.low);
    else if (v.low && v.high)
        s = people_number(*v.low) + "–" + people_number(*v.high);
    else if (v.low)
        s = "at least " + people_number(*v.low);
    else if (v.high)
        s = "up to " + people_number(*v.high);
    if (c.increment) s = "another " + s;
    const bool open_bound = !v.low || !v.high;  // "at least" says enough: not "about at least"
    return c.approx && !open_bound ? "about " + s : s;
}

std::string people_date(const DateRange& d) {
    using namespace std::chrono;
    const year_month_day a{d.first}, b{d.last};
    const auto month_of = [](const year_month_day& x) { return kMonths[static_cast<unsigned>(x.month()) - 1]; };
    const auto day_of = [](const year_month_day& x) { return static_cast<unsigned>(x.day()); };
    const int ya = static_cast<int>(a.year()), yb = static_cast<int>(b.year());
    if (d.first == d.last) return fmt::format("{} {} {}", day_of(a), month_of(a), ya);
    if (d == DateRange::of_year(a.year())) return fmt::format("{}", ya);
    if (d == DateRange::of_month(a.year(), a.month())) return fmt::format("{} {}", month_of(a), ya);
    if (ya == yb && a.month() == b.month()) return fmt::format("{}–{} {} {}", day_of(a), day_of(b), month_of(a), ya);
    if (ya == yb) return fmt::format("{} {} – {} {} {}", day_of(a), month_of(a), day_of(b), month_of(b), ya);
    return fmt::format("{} {} {} – {} {} {}", day_of(a), month_of(a), ya, day_of(b), month_of(b), yb);
}

std::string what_counted(Metric m, std::optional<Phase> p) {
    const std::string what(to_string(m));
    if (m == Metric::Killed || m == Metric::Wounded) return "soldiers " + what;
    if (!is_people(m) && !is_materiel(m)) return what;  // casualties, strikes: no phase to say
    if (!p) return what;
    switch (*p) {
        case Phase::Deployed:
            return what + " deployed";
        case Phase::Planned:
            return what + " planned";
        case Phase::Total:
            return what + " in all";
        case Phase::Supplied:
            return what + " supplied";
        case Phase::Destroyed:
            return what + " destroyed";
    }
    return what;
}

}  // namespace nkclaims
