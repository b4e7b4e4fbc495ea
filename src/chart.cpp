#include "nkclaims/chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

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

const std::vector<std::string>& palette() {
    // Okabe and Ito's eight colours, black last; yellow is drawn with a dark edge.
    static const std::vector<std::string> kPalette{"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                                   "#E69F00", "#56B4E9", "#F0E442", "#000000"};
    return kPalette;
}

std::vector<std::string> series_colors(const std::vector<std::string>& chart_sources,
                                       const std::vector<std::string>& ranked) {
    const auto& p = palette();
    std::vector<bool> taken(p.size(), false);
    std::vector<std::string> out;
    std::size_t free_from = 0;
    for (const auto& s : chart_sources) {
        const auto r = static_cast<std::size_t>(std::find(ranked.begin(), ranked.end(), s) - ranked.begin());
        std::size_t pick = r % p.size();
        if (taken[pick]) {
            while (free_from < p.size() && taken[free_from]) ++free_from;
            if (free_from == p.size()) std::fill(taken.begin(), taken.end(), false), free_from = 0;
            pick = free_from;
        }
        taken[pick] = true;
        out.push_back(p[pick]);
    }
    return out;
}

namespace {

constexpr double kWidth = 1000, kHeight = 360, kLeft = 64, kRight = 180, kTop = 16, kBottom = 40;
constexpr double kPlotRight = kWidth - kRight, kPlotBottom = kHeight - kBottom;
constexpr const char* kOthers = "#999999";  // the sources past the palette

struct Scale {
    double d0 = 0, d1 = 1;  // days since 1970
    double v0 = 0, v1 = 1;  // values at the bottom and top of the axis
    bool log = false;
    double x(double day) const { return kLeft + (day - d0) / (d1 - d0) * (kPlotRight - kLeft); }
    double y(double v) const {
        const double t = log ? (std::log10(std::clamp(v, v0, v1)) - std::log10(v0)) / (std::log10(v1) - std::log10(v0))
                             : (std::clamp(v, v0, v1) - v0) / (v1 - v0);
        return kPlotBottom - t * (kPlotBottom - kTop);
    }
};

double day_of(Day d) { return static_cast<double>(d.time_since_epoch().count()); }
double mid_day(const Claim& c) { return (day_of(c.date->first) + day_of(c.date->last)) / 2; }

// Where a figure's mark stands: a range's middle (geometric on a log axis), an open bound's bound.
double mark_value(const Claim& c, bool log) {
    const auto& v = c.value;
    if (v.low && v.high && *v.low != *v.high)  // halves first: the sum of two huge values overflows
        return log && *v.low > 0 ? std::sqrt(*v.low) * std::sqrt(*v.high) : *v.low / 2 + *v.high / 2;
    return v.low.value_or(v.high.value_or(0));
}

std::string short_number(double v) {
    if (v >= 1e12) return fmt::format("{:.2g}", v);
    if (v >= 1e9) return fmt::format("{:g}B", v / 1e9);
    if (v >= 1e6) return fmt::format("{:g}M", v / 1e6);
    if (v >= 1e3) return fmt::format("{:g}k", v / 1e3);
    return fmt::format("{:g}", v);
}

// A tick step of 1, 2, 2.5 or 5 times a power of ten, for about five ticks up to `top`.
double nice_step(double top) {
    const double raw = top / 5, mag = std::pow(10, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 2.5, 5.0})
        if (m * mag >= raw) return m * mag;
    return 10 * mag;
}

Scale scale_for(const std::vector<const Claim*>& cs) {
    Scale s;
    double lo = INFINITY, hi = 0, d0 = INFINITY, d1 = -INFINITY;
    for (const Claim* c : cs) {
        d0 = std::min(d0, day_of(c->date->first));
        d1 = std::max(d1, day_of(c->date->last));
        for (const auto& v : {c->value.low, c->value.high})
            if (v && *v > 0) lo = std::min(lo, *v), hi = std::max(hi, *v);
    }
    const double span = std::max(30.0, d1 - d0), middle = (d0 + d1) / 2;
    s.d0 = middle - span * 0.54;
    s.d1 = middle + span * 0.54;
    s.log = hi > 0 && hi / lo > 100;  // more than two orders of magnitude
    if (s.log) {
        s.v0 = std::pow(10, std::clamp(std::floor(std::log10(lo)), 0.0, 307.0));
        s.v1 = std::pow(10, std::clamp(std::ceil(std::log10(hi)), std::log10(s.v0) + 1, 308.0));
    } else {
        const double top = hi > 0 && std::isfinite(hi) ? std::min(hi * 1.05, 1.7e308) : 1;
        const double step = nice_step(top);
        s.v1 = std::min(std::ceil(top / step) * step, 1.7e308);
    }
    return s;
}

std::string value_axis(const Scale& s) {
    std::string out;
    std::vector<double> ticks;
    if (s.log) {
        const int e0 = static_cast<int>(std::lround(std::log10(s.v0))),
                  e1 = static_cast<int>(std::lround(std::log10(s.v1)));
        const int step = std::max(1, (e1 - e0 + 7) / 8);
        for (int e = e0; e <= e1; e += step) ticks.push_back(std::pow(10, e));
    } else {
        const double step = nice_step(s.v1);
        for (int i = 0; i <= 10 && i * step <= s.v1 * 1.0001; ++i) ticks.push_back(i * step);
    }
    for (double v : ticks)
        out += fmt::format(
            R"(<line x1="{0}" x2="{1}" y1="{2:.1f}" y2="{2:.1f}" class="grid"/><text x="{3}" y="{4:.1f}" class="tick" text-anchor="end">{5}</text>)",
            kLeft, kPlotRight, s.y(v), kLeft - 6, s.y(v) + 4, short_number(v));
    if (s.log) out += fmt::format(R"(<text x="{}" y="{}" class="tick">log scale</text>)", kLeft + 4, kTop + 10);
    return out;
}

std::string date_tick(double day, const std::string& label) {
    return fmt::format(
        R"(<line x1="{0:.1f}" x2="{0:.1f}" y1="{1}" y2="{2}" class="axis"/><text x="{0:.1f}" y="{3}" class="tick" text-anchor="middle">{4}</text>)",
        day, kPlotBottom, kPlotBottom + 5, kPlotBottom + 18, label);
}

std::string date_axis(const Scale& s) {
    using namespace std::chrono;
    static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::string out = fmt::format(
        R"(<line x1="{0}" y1="{1}" x2="{2}" y2="{1}" class="axis"/><line x1="{0}" y1="{3}" x2="{0}" y2="{1}" class="axis"/>)",
        kLeft, kPlotBottom, kPlotRight, kTop);
    const year_month_day a{sys_days{days{static_cast<int>(std::ceil(s.d0))}}};
    const int months_between = static_cast<int>((s.d1 - s.d0) / 30.44);
    if (months_between < 3) {  // a short span: a tick each Monday
        for (double day = std::ceil(s.d0); day <= s.d1; ++day) {
            const sys_days d{days{static_cast<int>(day)}};
            if (weekday{d} != Monday) continue;
            const year_month_day ymd{d};
            out += date_tick(s.x(day), fmt::format("{} {}", static_cast<unsigned>(ymd.day()),
                                                   kMonths[static_cast<unsigned>(ymd.month()) - 1]));
        }
        return out;
    }
    const int step = std::max(1, (months_between + 9) / 10);  // at most about ten labels
    bool first = true;
    for (year_month ym = a.year() / a.month() + months{1};; ym += months{step}) {
        const double day = day_of(sys_days{ym / 1});
        if (day > s.d1) break;
        const auto m = static_cast<unsigned>(ym.month());
        out += date_tick(s.x(day), first || m <= static_cast<unsigned>(step)
                                       ? fmt::format("{} {}", kMonths[m - 1], static_cast<int>(ym.year()))
                                       : std::string(kMonths[m - 1]));
        first = false;
    }
    return out;
}

}  // namespace

namespace {

struct Series {
    std::string source;  // "" for the sources past the palette, drawn together in grey
    std::string color;
    std::vector<const Claim*> figures;  // in date order
    std::size_t sources = 1;
};

// Where each figure is drawn, and what the chart is made of.
struct Plot {
    const ChartInput& in;
    Scale s;
    std::vector<Series> series;
    std::map<const Claim*, std::size_t> id;
    std::map<const Claim*, std::vector<std::size_t>> disputed;  // figure → its conflicts' numbers
    double x(const Claim& c) const { return s.x(mid_day(c)); }
    double y(const Claim& c) const { return s.y(mark_value(c, s.log)); }
};

auto date_order(const Claim* c) { return std::make_tuple(mid_day(*c), c->doc, c->span.begin); }

// The sources with the most figures (then the latest) get a colour each, as many as the
// palette has but one; the others are drawn together in grey: more colours would not be told apart.
std::vector<Series> series_of(const ChartInput& in) {
    std::map<std::string, std::vector<const Claim*>> by_source;
    for (const Claim* c : in.figures) by_source[c->source].push_back(c);
    std::vector<std::pair<std::string, std::vector<const Claim*>>> all;
    for (auto& [source, list] : by_source) {
        std::sort(list.begin(), list.end(),
                  [](const Claim* a, const Claim* b) { return date_order(a) < date_order(b); });
        all.emplace_back(source, std::move(list));
    }
    std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
        return std::make_tuple(a.second.size(), mid_day(*a.second.back())) >
               std::make_tuple(b.second.size(), mid_day(*b.second.back()));
    });
    const std::size_t colored = std::min(all.size(), palette().size() - 1);
    std::vector<std::string> sources;
    for (std::size_t i = 0; i < colored; ++i) sources.push_back(all[i].first);
    const auto colors = series_colors(sources, in.ranked);
    std::vector<Series> out;
    for (std::size_t i = 0; i < colored; ++i) out.push_back({all[i].first, colors[i], std::move(all[i].second)});
    if (colored == all.size()) return out;
    Series others{"", kOthers, {}, all.size() - colored};
    for (std::size_t i = colored; i < all.size(); ++i)
        others.figures.insert(others.figures.end(), all[i].second.begin(), all[i].second.end());
    std::sort(others.figures.begin(), others.figures.end(),
              [](const Claim* a, const Claim* b) { return date_order(a) < date_order(b); });
    out.push_back(std::move(others));
    return out;
}

// A source's revisions: its whole figures joined in date order ("another 1,500" stands apart).
std::string revision_lines(const Plot& p) {
    std::string out;
    for (const Series& sr : p.series) {
        if (sr.source.empty()) continue;  // several sources: nothing to join
        std::string pts;
        std::size_t n = 0;
        for (const Claim* c : sr.figures)
            if (!c->increment) pts += fmt::format("{:.1f},{:.1f} ", p.x(*c), p.y(*c)), ++n;
        if (n >= 2)
            out += fmt::format(R"(<polyline points="{}" class="revision" stroke="{}"/>)", pts.substr(0, pts.size() - 1),
                               sr.color);
    }
    return out;
}

// Conflicts between two figures of this chart: at the later one, a dashed red line up or down
// to the value it disputes; each disputed figure is ringed in red.
std::string conflict_marks(Plot& p) {
    std::map<std::tuple<std::string, std::size_t, std::size_t>, const Claim*> here;
    for (const Claim* c : p.in.figures) here[{c->doc, c->span.begin, c->span.end}] = c;
    auto find = [&](const Claim* c) {
        auto it = here.find({c->doc, c->span.begin, c->span.end});
        return it == here.end() ? nullptr : it->second;
    };
    std::string out;
    if (!p.in.conflicts) return out;
    std::set<std::string> drawn;  // one line for many conflicts of the same two values
    for (std::size_t i = 0; i < p.in.conflicts->size(); ++i) {
        const Conflict& k = (*p.in.conflicts)[i];
        std::vector<const Claim*> in_chart;
        for (const Claim* c : k.claims)
            if (const Claim* f = find(c)) in_chart.push_back(f), p.disputed[f].push_back(i + 1);
        if (in_chart.size() < 2) continue;
        auto [a, b] = std::minmax(in_chart[0], in_chart[1],
                                  [](const Claim* l, const Claim* r) { return date_order(l) < date_order(r); });
        const auto line = fmt::format(R"(M{0:.1f} {1:.1f}V{2:.1f}m-4 0h8)", p.x(*b), p.y(*b), p.y(*a));
        if (drawn.insert(line).second) out += fmt::format(R"(<path d="{}" class="conflict"/>)", line);
    }
    return out;
}

std::string number_attr(const std::optional<double>& v) { return v ? fmt::format("{}", *v) : ""; }

std::string point(const Plot& p, const Claim& c, const std::string& color) {
    const double x = p.x(c), y = p.y(c);
    std::string g;
    const auto& v = c.value;
    if (v.low && v.high && *v.low != *v.high)
        g += fmt::format(
            R"(<path d="M{0:.1f} {1:.1f}V{2:.1f}M{3:.1f} {1:.1f}h8M{3:.1f} {2:.1f}h8" stroke="{4}" class="range"/>)", x,
            p.s.y(*v.low), p.s.y(*v.high), x - 4, color);
    else if (v.low && !v.high)
        g += fmt::format(R"(<path d="M{0:.1f} {1:.1f}v-24m-5 7l5-7 5 7" stroke="{2}" class="bound"/>)", x, y, color);
    else if (v.high && !v.low)
        g += fmt::format(R"(<path d="M{0:.1f} {1:.1f}v24m-5-7l5 7 5-7" stroke="{2}" class="bound"/>)", x, y, color);
    std::string title = p.in.describe ? p.in.describe(c) : c.as_written;
    const auto d = p.disputed.find(&c);
    if (d != p.disputed.end()) {
        g += fmt::format(R"(<circle cx="{:.1f}" cy="{:.1f}" r="9" class="disputed"/>)", x, y);
        for (std::size_t n : d->second) title += fmt::format(" In conflict no. {}.", n);
    }
    g += fmt::format(R"(<circle cx="{:.1f}" cy="{:.1f}" r="5" class="mark{}" fill="{}" stroke="{}"/>)", x, y,
                     c.approx ? " hedged" : "", c.approx ? "#fff" : color, c.approx ? color : "#333");
    return fmt::format(
        R"(<g class="point" data-claim="{}" data-low="{}" data-high="{}" data-value="{}" tabindex="0" role="button"><title>{}</title>{}</g>)",
        p.id.at(&c), number_attr(v.low), number_attr(v.high), mark_value(c, p.s.log), html_escape(title), g);
}

// Each series named at the right of the plot, level with its last figure, labels kept apart.
std::string direct_labels(const Plot& p) {
    struct Label {
        double y;
        double from_x, from_y;
        const Series* series;
    };
    const auto name = [&p](const Series* sr) {
        if (sr->source.empty()) return fmt::format("{} other sources", sr->sources);
        return p.in.label ? p.in.label(sr->source) : sr->source;
    };
    std::vector<Label> labels;
    for (const Series& sr : p.series) {
        const Claim* last = sr.figures.back();
        labels.push_back({p.y(*last), kPlotRight, p.y(*last), &sr});
    }
    std::sort(labels.begin(), labels.end(), [](const Label& a, const Label& b) {
        return std::tie(a.y, a.series->source) < std::tie(b.y, b.series->source);
    });
    constexpr double kGap = 15;
    for (std::size_t i = 0; i < labels.size(); ++i)
        labels[i].y = std::max(labels[i].y, i ? labels[i - 1].y + kGap : kTop + 6);
    for (std::size_t i = labels.size(); i-- > 0;)
        labels[i].y = std::min(labels[i].y, i + 1 < labels.size() ? labels[i + 1].y - kGap : kPlotBottom);
    std::string out;
    for (const Label& l : labels)
        out += fmt::format(
            R"(<g class="label"><path d="M{:.1f} {:.1f}L{:.1f} {:.1f}" stroke="{}" class="leader"/><circle cx="{:.1f}" cy="{:.1f}" r="4" fill="{}" stroke="#333"/><text x="{:.1f}" y="{:.1f}">{}</text></g>)",
            l.from_x + 1, l.from_y, kPlotRight + 9, l.y, l.series->color, kPlotRight + 14, l.y, l.series->color,
            kPlotRight + 22, l.y + 4, html_escape(name(l.series)));
    return out;
}

}  // namespace

std::string timeline_svg(const ChartInput& in) {
    if (in.figures.empty()) return "";
    Plot p{in, scale_for(in.figures), series_of(in), {}, {}};
    for (std::size_t i = 0; i < in.figures.size(); ++i) p.id[in.figures[i]] = i < in.ids.size() ? in.ids[i] : i;
    std::string body = value_axis(p.s) + date_axis(p.s) + revision_lines(p);
    body += conflict_marks(p);
    for (const Series& sr : p.series)
        for (const Claim* c : sr.figures) body += point(p, *c, sr.color);
    body += direct_labels(p);
    return fmt::format(
        R"(<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}" data-v0="{}" data-v1="{}" data-log="{}" data-y0="{}" data-y1="{}" data-d0="{}" data-d1="{}" data-x0="{}" data-x1="{}">{}</svg>)",
        kWidth, kHeight, html_escape(in.title), p.s.v0, p.s.v1, p.s.log ? 1 : 0, kPlotBottom, kTop, p.s.d0, p.s.d1,
        kLeft, kPlotRight, body);
}

}  // namespace nkclaims
