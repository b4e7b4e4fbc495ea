#include "nkclaims/chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace nkclaims {

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string source_color(const std::vector<std::string>& sources, const std::string& source) {
    // Okabe–Ito and Tableau colours: distinct for colour-blind readers and in print.
    static const char* kPalette[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
                                     "#8C564B", "#7F7F7F", "#BCBD22", "#17BECF", "#1F3A93", "#9467BD"};
    const auto it = std::find(sources.begin(), sources.end(), source);
    const auto i = static_cast<std::size_t>(it - sources.begin());
    return kPalette[i % std::size(kPalette)];
}

namespace {

constexpr double kWidth = 900, kHeight = 340, kLeft = 70, kRight = 20, kTop = 20, kBottom = 46;

struct Scale {
    double d0, d1;  // days
    double v0, v1;  // values
    bool log;
    double x(double day) const { return kLeft + (day - d0) / std::max(1.0, d1 - d0) * (kWidth - kLeft - kRight); }
    double y(double v) const {
        const double t = log ? (std::log10(std::max(v, 1.0)) - std::log10(v0)) / (std::log10(v1) - std::log10(v0))
                             : (v - v0) / (v1 - v0);
        return kHeight - kBottom - std::clamp(t, 0.0, 1.05) * (kHeight - kTop - kBottom);
    }
};

double mid_day(const Claim& c) {
    return (static_cast<double>(c.date->first.time_since_epoch().count()) +
            static_cast<double>(c.date->last.time_since_epoch().count())) /
           2;
}

double top_value(const Claim& c) { return c.value.high.value_or(c.value.low.value_or(0)); }
double bottom_value(const Claim& c) { return c.value.low.value_or(c.value.high.value_or(0)); }

std::string number(double v) {
    if (v >= 1e6) return fmt::format("{:g}M", v / 1e6);
    if (v >= 1e3) return fmt::format("{:g}k", v / 1e3);
    return fmt::format("{:g}", v);
}

std::string marker(Phase p, double x, double y, const std::string& color, bool disputed) {
    const std::string stroke = disputed ? "#C00000" : "#222";
    const std::string sw = disputed ? "2.5" : "1";
    switch (p) {
        case Phase::Planned:
            return fmt::format(
                R"(<rect x="{:.1f}" y="{:.1f}" width="10" height="10" fill="{}" stroke="{}" stroke-width="{}"/>)",
                x - 5, y - 5, color, stroke, sw);
        case Phase::Total:
        case Phase::Supplied:
            return fmt::format(R"(<path d="M{:.1f} {:.1f}l6 6-6 6-6-6z" fill="{}" stroke="{}" stroke-width="{}"/>)", x,
                               y - 6, color, stroke, sw);
        default:
            return fmt::format(R"(<circle cx="{:.1f}" cy="{:.1f}" r="5.5" fill="{}" stroke="{}" stroke-width="{}"/>)",
                               x, y, color, stroke, sw);
    }
}

std::string tooltip(const Claim& c) {
    return fmt::format("{} — {} {} ({}), {}{}: “{}” [{}]", c.as_written, c.metric ? to_string(*c.metric) : "",
                       c.phase ? to_string(*c.phase) : "", c.source, c.date->iso(),
                       c.location.empty() ? "" : ", " + c.location, c.quote, c.doc);
}

Scale scale_for(const std::vector<const Claim*>& cs) {
    Scale s{1e18, -1e18, 1e18, 0, false};
    for (const Claim* c : cs) {
        s.d0 = std::min(s.d0, static_cast<double>(c->date->first.time_since_epoch().count()));
        s.d1 = std::max(s.d1, static_cast<double>(c->date->last.time_since_epoch().count()));
        s.v0 = std::min(s.v0, std::max(1.0, bottom_value(*c)));
        s.v1 = std::max(s.v1, top_value(*c));
    }
    s.d0 -= 10;
    s.d1 += 10;
    s.log = s.v1 / s.v0 > 50;
    if (s.log) {
        s.v0 = std::pow(10, std::floor(std::log10(s.v0)));
        s.v1 = std::pow(10, std::ceil(std::log10(s.v1 * 1.01)));
    } else {
        s.v0 = 0;
        const double step = std::pow(10, std::floor(std::log10(s.v1)));
        s.v1 = std::ceil(s.v1 * 1.1 / step) * step;
    }
    return s;
}

std::string axes(const Scale& s) {
    std::string out = fmt::format(
        R"(<line x1="{0}" y1="{1}" x2="{2}" y2="{1}" class="axis"/><line x1="{0}" y1="{3}" x2="{0}" y2="{1}" class="axis"/>)",
        kLeft, kHeight - kBottom, kWidth - kRight, kTop);
    std::vector<double> ticks;
    if (s.log) {
        for (double v = s.v0; v <= s.v1 * 1.001; v *= 10) ticks.push_back(v);
    } else {
        for (int i = 0; i <= 5; ++i) ticks.push_back(s.v0 + (s.v1 - s.v0) * i / 5);
    }
    for (double v : ticks)
        out += fmt::format(
            R"(<line x1="{0}" x2="{1}" y1="{2:.1f}" y2="{2:.1f}" class="grid"/><text x="{3}" y="{4:.1f}" class="tick" text-anchor="end">{5}</text>)",
            kLeft, kWidth - kRight, s.y(v), kLeft - 6, s.y(v) + 4, number(v));
    using namespace std::chrono;
    if (s.d1 - s.d0 < 75) {  // a short span: a tick each Monday
        for (double day = std::ceil(s.d0); day <= s.d1; ++day) {
            const sys_days d{days{static_cast<int>(day)}};
            if (weekday{d} != Monday) continue;
            const year_month_day ymd{d};
            out += fmt::format(
                R"(<line x1="{0:.1f}" x2="{0:.1f}" y1="{1}" y2="{2}" class="axis"/><text x="{0:.1f}" y="{3}" class="tick" text-anchor="middle">{4:02}-{5:02}</text>)",
                s.x(day), kHeight - kBottom, kHeight - kBottom + 5, kHeight - kBottom + 18,
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
        }
        return out;
    }
    // Month ticks along the date axis, at most 12 labels.
    const year_month_day a{sys_days{days{static_cast<int>(s.d0)}}}, b{sys_days{days{static_cast<int>(s.d1)}}};
    const int months_between = (static_cast<int>(b.year()) - static_cast<int>(a.year())) * 12 +
                               static_cast<int>(static_cast<unsigned>(b.month())) -
                               static_cast<int>(static_cast<unsigned>(a.month()));
    const int step = std::max(1, (months_between + 11) / 12);
    year_month ym = a.year() / a.month();
    ym += months{1};
    for (int i = 0; i <= months_between; i += step, ym += months{step}) {
        const double day = static_cast<double>(sys_days{ym / 1}.time_since_epoch().count());
        if (day > s.d1) break;
        out += fmt::format(
            R"(<line x1="{0:.1f}" x2="{0:.1f}" y1="{1}" y2="{2}" class="axis"/><text x="{0:.1f}" y="{3}" class="tick" text-anchor="middle">{4:04}-{5:02}</text>)",
            s.x(day), kHeight - kBottom, kHeight - kBottom + 5, kHeight - kBottom + 18, static_cast<int>(ym.year()),
            static_cast<unsigned>(ym.month()));
    }
    if (s.log) out += fmt::format(R"(<text x="{}" y="{}" class="tick">log scale</text>)", kLeft + 4, kTop + 10);
    return out;
}

}  // namespace

std::string timeline_svg(const std::vector<Claim>& claims, const std::vector<std::size_t>& ids, Metric metric,
                         std::optional<Phase> phase, const std::vector<Conflict>& conflicts,
                         const std::vector<std::string>& sources) {
    std::vector<const Claim*> cs;
    std::map<const Claim*, std::size_t> id_of;
    for (std::size_t i = 0; i < claims.size(); ++i)
        if (claims[i].kind == ClaimKind::Figure && claims[i].metric == metric && claims[i].phase == phase &&
            claims[i].date) {
            cs.push_back(&claims[i]);
            id_of[&claims[i]] = ids[i];
        }
    if (cs.empty()) return "";
    const Scale s = scale_for(cs);
    auto same = [](const Claim& a, const Claim& b) { return a.doc == b.doc && a.span == b.span; };
    auto where = [&](const Claim& c) -> const Claim* {
        for (const Claim* p : cs)
            if (same(*p, c)) return p;
        return nullptr;
    };
    std::string body = axes(s);
    // One source's figures of one phase, joined in date order: its revisions.
    std::map<std::pair<std::string, int>, std::vector<const Claim*>> lines;
    for (const Claim* c : cs) lines[{c->source, c->phase ? static_cast<int>(*c->phase) : -1}].push_back(c);
    for (auto& [key, list] : lines) {
        if (list.size() < 2) continue;
        std::sort(list.begin(), list.end(), [](const Claim* a, const Claim* b) { return mid_day(*a) < mid_day(*b); });
        std::string pts;
        for (const Claim* c : list) pts += fmt::format("{:.1f},{:.1f} ", s.x(mid_day(*c)), s.y(bottom_value(*c)));
        body += fmt::format(R"(<polyline points="{}" class="revision" stroke="{}"/>)", pts,
                            source_color(sources, key.first));
    }
    // Conflicts: a dashed red line between the disagreeing figures.
    std::map<const Claim*, bool> disputed;
    for (const Conflict& k : conflicts) {
        if (k.claims.size() < 2) continue;
        const Claim* a = where(*k.claims[0]);
        const Claim* b = where(*k.claims[1]);
        if (a) disputed[a] = true;
        if (b) disputed[b] = true;
        if (a && b)
            body += fmt::format(R"(<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" class="conflict"/>)",
                                s.x(mid_day(*a)), s.y(bottom_value(*a)), s.x(mid_day(*b)), s.y(bottom_value(*b)));
    }
    for (const Claim* c : cs) {
        const double x = s.x(mid_day(*c));
        const std::string color = source_color(sources, c->source);
        std::string g;
        if (c->value.low && c->value.high && *c->value.low != *c->value.high)
            g +=
                fmt::format(R"(<line x1="{0:.1f}" x2="{0:.1f}" y1="{1:.1f}" y2="{2:.1f}" stroke="{3}" class="range"/>)",
                            x, s.y(*c->value.low), s.y(*c->value.high), color);
        if (c->value.low && !c->value.high)
            g += fmt::format(R"(<path d="M{0:.1f} {1:.1f}v-26m-5 7l5-7 5 7" stroke="{2}" class="bound"/>)", x,
                             s.y(*c->value.low), color);
        if (c->value.high && !c->value.low)
            g += fmt::format(R"(<path d="M{0:.1f} {1:.1f}v26m-5-7l5 7 5-7" stroke="{2}" class="bound"/>)", x,
                             s.y(*c->value.high), color);
        g += marker(c->phase.value_or(Phase::Deployed), x, s.y(bottom_value(*c)), color, disputed.contains(c));
        body += fmt::format(R"(<g class="point" data-claim="{}" tabindex="0"><title>{}</title>{}</g>)", id_of[c],
                            html_escape(tooltip(*c)), g);
    }
    return fmt::format(R"(<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{} {} over time">{}</svg>)",
                       kWidth, kHeight, to_string(metric), phase ? to_string(*phase) : "", body);
}

}  // namespace nkclaims
