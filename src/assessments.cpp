#include "nkclaims/assessments.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

namespace nkclaims {

namespace {

constexpr double kOpen = std::numeric_limits<double>::infinity();
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// Days between two date ranges; 0 when they overlap.
std::int32_t gap(std::int32_t a_first, std::int32_t a_last, std::int32_t b_first, std::int32_t b_last) {
    if (a_first <= b_last && b_first <= a_last) return 0;
    return b_first > a_last ? b_first - a_last : a_first - b_last;
}

// The assessments of one value run (mentions of one topic, kind and value), origins first.
class Run {
public:
    Run(const std::vector<Mention>& m, std::vector<std::uint32_t>& group, std::uint32_t& next, int window)
        : m_(m), group_(group), next_(next), window_(window) {}

    // `run` is in the order of (outlet, origin, date): each origin's mentions chain in date order.
    void add(const std::vector<std::uint32_t>& run) {
        auto outlets = std::find_if(run.begin(), run.end(), [&](std::uint32_t i) { return m_[i].outlet; });
        chain({run.begin(), outlets}, origins_);
        std::sort(origins_.begin(), origins_.end(),
                  [](const Span& a, const Span& b) { return std::tie(a.first, a.id) < std::tie(b.first, b.id); });
        std::int32_t widest = 0;
        for (const Span& s : origins_) widest = std::max(widest, s.last - s.first);
        std::vector<std::uint32_t> alone;
        for (auto it = outlets; it != run.end(); ++it) {
            const std::uint32_t g = nearest(m_[*it], widest);
            if (g == kNone)
                alone.push_back(*it);
            else
                group_[*it] = g;
        }
        std::vector<Span> own;
        chain(alone, own);
    }

private:
    struct Span {
        std::int32_t first, last;
        std::uint32_t id;
    };

    // Mentions of one origin whose dates follow within the window are one assessment.
    void chain(const std::vector<std::uint32_t>& list, std::vector<Span>& spans) {
        std::uint32_t origin = kNone;
        for (std::uint32_t i : list) {
            const Mention& x = m_[i];
            if (x.origin != origin || spans.empty() || x.first > spans.back().last + window_) {
                spans.push_back({x.first, x.last, next_++});
                origin = x.origin;
            }
            spans.back().last = std::max(spans.back().last, x.last);
            group_[i] = spans.back().id;
        }
    }

    // The origins' assessment nearest in time to an outlet's mention within the window, or kNone.
    std::uint32_t nearest(const Mention& x, std::int32_t widest) const {
        auto end = std::upper_bound(origins_.begin(), origins_.end(), x.last + window_,
                                    [](std::int32_t day, const Span& s) { return day < s.first; });
        std::uint32_t best = kNone;
        std::tuple<std::int32_t, std::int32_t, std::uint32_t> best_key{};
        for (auto it = end; it != origins_.begin();) {
            --it;
            if (it->first < x.first - window_ - widest) break;
            const std::int32_t d = gap(x.first, x.last, it->first, it->last);
            const std::tuple key{d, it->first, it->id};
            if (d <= window_ && (best == kNone || key < best_key)) best = it->id, best_key = key;
        }
        return best;
    }

    const std::vector<Mention>& m_;
    std::vector<std::uint32_t>& group_;
    std::uint32_t& next_;
    int window_;
    std::vector<Span> origins_;
};

// What a figure counts, and how it is said: figures of one topic are compared.
std::string topic_key(const Claim& c) {
    std::string k = c.actor;
    k += '|';
    k += c.metric ? to_string(*c.metric) : "";
    k += '|';
    k += c.phase ? to_string(*c.phase) : "";
    return k;
}

// The relays in order, and what is said of them: origin, dates, documents, outlets.
void describe(Assessment& a, const std::function<bool(std::string_view)>& is_outlet) {
    std::sort(a.relays.begin(), a.relays.end(), [](const Claim* x, const Claim* y) {
        const Day dx = x->date ? x->date->first : Day{}, dy = y->date ? y->date->first : Day{};
        return std::tie(dx, x->doc, x->span.begin) < std::tie(dy, y->doc, y->span.begin);
    });
    std::set<std::string_view> docs;
    a.source.clear();
    for (const Claim* c : a.relays) {
        const bool outlet = is_outlet(c->source);
        if (a.source.empty() && !outlet) a.source = c->source;
        docs.insert(c->doc);
        for (const std::string* o : {&c->via, outlet ? &c->source : nullptr})
            if (o && !o->empty() && std::find(a.outlets.begin(), a.outlets.end(), *o) == a.outlets.end())
                a.outlets.push_back(*o);
        if (c->date)
            a.date = a.date ? DateRange{std::min(a.date->first, c->date->first), std::max(a.date->last, c->date->last)}
                            : *c->date;
    }
    if (a.source.empty()) a.source = a.relays.front()->source;
    a.documents = docs.size();
}

}  // namespace

std::vector<std::uint32_t> group_mentions(const std::vector<Mention>& m, const AssessmentOptions& opt) {
    std::vector<std::uint32_t> order(m.size());
    std::iota(order.begin(), order.end(), 0);
    auto value = [&](std::uint32_t i) { return std::tie(m[i].topic, m[i].increment, m[i].low, m[i].high); };
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return std::tuple_cat(value(a), std::tie(m[a].outlet, m[a].origin, m[a].first, a)) <
               std::tuple_cat(value(b), std::tie(m[b].outlet, m[b].origin, m[b].first, b));
    });
    std::vector<std::uint32_t> group(m.size(), kNone), run;
    std::uint32_t next = 0;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j < order.size() && value(order[j]) == value(order[i])) ++j;
        run.assign(order.begin() + static_cast<std::ptrdiff_t>(i), order.begin() + static_cast<std::ptrdiff_t>(j));
        Run(m, group, next, opt.window_days).add(run);
        i = j;
    }
    // Numbered again in the order of each assessment's earliest mention.
    std::vector<std::pair<std::int32_t, std::uint32_t>> earliest(next, {std::numeric_limits<std::int32_t>::max(), 0});
    for (std::uint32_t i = static_cast<std::uint32_t>(m.size()); i-- > 0;)
        earliest[group[i]] = std::min(earliest[group[i]], std::pair{m[i].first, i});
    std::vector<std::uint32_t> by_time(next), renumber(next);
    std::iota(by_time.begin(), by_time.end(), 0);
    std::sort(by_time.begin(), by_time.end(), [&](auto a, auto b) { return earliest[a] < earliest[b]; });
    for (std::uint32_t k = 0; k < next; ++k) renumber[by_time[k]] = k;
    for (auto& g : group) g = renumber[g];
    return group;
}

std::vector<std::optional<Total>> running_totals(const std::vector<Step>& steps) {
    std::vector<std::optional<Total>> out(steps.size());
    std::optional<Total> running;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const Step& s = steps[i];
        if (!s.increment)
            running = Total{s.low, s.high};
        else if (running)
            running = Total{running->low + s.low, running->high + s.high};  // infinity stays open
        out[i] = running;
    }
    return out;
}

std::vector<Assessment> assess(const std::vector<Claim>& claims, const std::function<bool(std::string_view)>& is_outlet,
                               const AssessmentOptions& opt) {
    std::map<std::string, std::uint32_t> numbers;
    auto number = [&](const std::string& s) {
        return numbers.emplace(s, static_cast<std::uint32_t>(numbers.size())).first->second;
    };
    std::vector<Mention> mentions;
    std::vector<const Claim*> figures;
    for (const Claim& c : claims) {
        if (c.kind != ClaimKind::Figure) continue;
        const auto day = [](Day d) { return static_cast<std::int32_t>(d.time_since_epoch().count()); };
        // An undated figure is a topic of its own: it is grouped with nothing.
        const std::string topic = c.date ? topic_key(c) : "\n" + std::to_string(figures.size());
        mentions.push_back({number(c.source), number(topic), c.value.low.value_or(0), c.value.high.value_or(kOpen),
                            c.date ? day(c.date->first) : 0, c.date ? day(c.date->last) : 0, c.increment,
                            is_outlet(c.source)});
        figures.push_back(&c);
    }
    const std::vector<std::uint32_t> group = group_mentions(mentions, opt);
    std::vector<Assessment> out(group.empty() ? 0 : *std::max_element(group.begin(), group.end()) + 1);
    for (std::size_t i = 0; i < figures.size(); ++i) out[group[i]].relays.push_back(figures[i]);
    for (Assessment& a : out) describe(a, is_outlet);
    return out;
}

Tally tally(const std::vector<const Assessment*>& agreeing) {
    Tally t;
    std::set<std::string_view> origins;
    for (const Assessment* a : agreeing) {
        t.reports += a->relays.size();
        origins.insert(a->source);
    }
    t.origins = origins.size();
    return t;
}

std::optional<RunningTotal> running_total(const std::vector<const Assessment*>& history, std::size_t i) {
    std::vector<Step> steps;
    steps.reserve(i + 1);
    for (std::size_t k = 0; k <= i && k < history.size(); ++k) {
        const Claim& c = *history[k]->relays.front();
        steps.push_back({c.value.low.value_or(0), c.value.high.value_or(kOpen), c.increment});
    }
    const auto totals = running_totals(steps);
    if (totals.empty() || !totals.back()) return std::nullopt;
    RunningTotal r;
    r.value.low = totals.back()->low;
    if (totals.back()->high != kOpen) r.value.high = totals.back()->high;
    std::size_t base = steps.size() - 1;
    while (steps[base].increment) --base;  // a total precedes: running_totals() found one
    r.total = history[base];
    for (std::size_t k = base + 1; k < steps.size(); ++k) r.increments.push_back(history[k]);
    return r;
}

}  // namespace nkclaims
