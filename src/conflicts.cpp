#include "nkclaims/conflicts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>
#include <tuple>

#include "nkclaims/memory.hpp"

namespace nkclaims {

std::string_view to_string(ConflictKind k) {
    switch (k) {
        case ConflictKind::Disagreement:
            return "disagreement";
        case ConflictKind::LowerLater:
            return "lower_later";
        case ConflictKind::Denial:
            return "denial";
    }
    return "";
}

std::string topic_of(const Claim& c) {
    if (c.kind == ClaimKind::Stance) return "stance";
    return fmt::format("{} {} {}", c.actor, c.metric ? to_string(*c.metric) : "-", c.phase ? to_string(*c.phase) : "-");
}

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

template <typename E>
std::int8_t enum_or_none(const std::optional<E>& e) {
    return e ? static_cast<std::int8_t>(*e) : std::int8_t{-1};
}

template <typename E>
bool is(std::int8_t v, E e) {
    return v == static_cast<std::int8_t>(e);
}

std::int32_t day_number(Day d) { return static_cast<std::int32_t>(d.time_since_epoch().count()); }

}  // namespace

std::uint32_t ConflictInput::Strings::number(std::string_view s) {
    if (auto it = numbers.find(s); it != numbers.end()) return it->second;
    const auto n = static_cast<std::uint32_t>(list.size());
    list.emplace_back(s);
    numbers.emplace(list.back(), n);
    return n;
}

std::uint32_t ConflictInput::Strings::number(std::string_view s, std::uint32_t& last) {
    if (list[last] != s) last = number(s);
    return last;
}

void ConflictInput::reserve(std::size_t n) { reserve_huge(facts_, n); }

void ConflictInput::add(const Claim& c) {
    ClaimFacts f{};
    f.id = c.id;
    f.at = c.span.begin;
    f.has_low = c.value.low.has_value();
    f.has_high = c.value.high.has_value();
    f.low = c.value.low.value_or(0);
    f.high = c.value.high.value_or(kInf);
    f.dated = c.date.has_value();
    if (c.date) {
        f.first = day_number(c.date->first);
        f.last = day_number(c.date->last);
    }
    f.doc = names_.number(c.doc, last_[0]);
    f.actor = names_.number(c.actor, last_[1]);
    f.source = names_.number(c.source, last_[2]);
    if (c.via.empty()) {
        f.voice = f.source;  // voice_of() is the source alone
    } else {
        voice_.assign(c.source).append(" via ").append(c.via);
        f.voice = names_.number(voice_);
    }
    f.place = places_.number(c.location, last_[3]);
    f.written = c.approx && f.has_low && !f.has_high ? names_.number(c.as_written) : 0;
    f.kind = c.kind;
    f.metric = enum_or_none(c.metric);
    f.phase = enum_or_none(c.phase);
    f.stance = enum_or_none(c.stance);
    f.approx = c.approx;
    f.increment = c.increment;
    facts_.push_back(f);
}

namespace {

// Figures that only grow (troops sent so far, casualties) are "at the same time" within a week;
// further apart, a higher later figure is an update, not a disagreement.
constexpr int kCumulativeSameTimeDays = 7;

struct Interval {
    double low, high;
};

// The facts keep an open bound as 0 or infinity: the interval a value stands for.
Interval interval(const ClaimFacts& c, double tolerance) {
    double lo = c.low, hi = c.high;
    if (c.approx) {
        lo *= 1 - tolerance;
        if (hi != kInf) hi *= 1 + tolerance;
    }
    return {lo, hi};
}

// 0 when the values can both be true; else the gap relative to the larger value.
double disagreement(const Interval& x, const Interval& y) {
    if (x.low <= y.high && y.low <= x.high) return 0;
    const double gap = x.high < y.low ? y.low - x.high : x.low - y.high;
    const double scale = std::max({x.low, y.low, x.high == kInf ? 0 : x.high, y.high == kInf ? 0 : y.high, 1.0});
    return gap / scale;
}

double disagreement(const ClaimFacts& a, const ClaimFacts& b, double tolerance) {
    return disagreement(interval(a, tolerance), interval(b, tolerance));
}

// Days between two dated claims; 0 when their dates overlap (DateRange::gap_days).
int gap_days(const ClaimFacts& a, const ClaimFacts& b) {
    if (a.first <= b.last && b.first <= a.last) return 0;
    return b.first > a.last ? b.first - a.last : a.first - b.last;
}

bool cumulative(const ClaimFacts& c) {
    return is(c.metric, Metric::Casualties) || is(c.metric, Metric::Killed) || is(c.metric, Metric::Wounded) ||
           is(c.phase, Phase::Supplied) ||
           (is(c.phase, Phase::Deployed) && (is(c.metric, Metric::Troops) || is(c.metric, Metric::Personnel)));
}

// Whether the later of two claims (by date) has the higher value.
bool later_is_higher(const ClaimFacts& a, const ClaimFacts& b) {
    const ClaimFacts& first = a.first <= b.first ? a : b;
    const ClaimFacts& second = &first == &a ? b : a;
    return second.low >= first.high;
}

// Deterministic order for claims: by date, document and position. The document is its rank
// among the names, and the key is two integers: sorting a million claims compares them only.
struct Order {
    std::uint64_t when;   // day (offset to be unsigned), then document rank
    std::uint64_t where;  // position in the document, then the claim's number (equal claims keep one order)
    auto operator<=>(const Order&) const = default;

    Order(std::int32_t day, std::uint32_t doc, std::size_t at, std::uint32_t number)
        : when(std::uint64_t{static_cast<std::uint32_t>(day) ^ 0x80000000u} << 32 | doc),
          // Documents are read whole into memory: a position past 4 GB does not occur.
          where(std::min<std::uint64_t>(at, 0xffffffffu) << 32 | number) {}
    std::uint32_t number() const { return static_cast<std::uint32_t>(where); }
};

struct UnionFind {
    std::vector<std::size_t> parent;
    explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
    std::size_t find(std::size_t x) { return parent[x] == x ? x : parent[x] = find(parent[x]); }
    void join(std::size_t a, std::size_t b) { parent[find(a)] = find(b); }
};

// What the finder reports, by claim number; resolve() turns the numbers into claims.
struct Found {
    struct Pair {
        ConflictKind kind;
        std::array<std::uint32_t, 2> claims;
        double severity;
        int gap_days;
        std::string reason, topic;
    };
    struct Group {
        std::vector<std::uint32_t> claims;
        std::size_t count;
    };
    struct Steps {
        std::uint32_t source;
        std::vector<std::uint32_t> claims;
    };
    std::vector<Pair> conflicts;
    std::vector<Group> corroborations;
    std::vector<Steps> revisions;
    std::vector<std::string> explanations;
};

class Finder {
public:
    Finder(const ConflictInput& in, const Gazetteer& g, const ConflictOptions& o, Explain e)
        : facts_(in.facts()), names_(in.names()), place_names_(in.places()), opt_(o), explain_(e == Explain::Yes) {
        ranks();
        places(g);
    }

    Found run() {
        using Key = std::tuple<std::string_view, int, int>;  // actor, metric, phase
        std::map<Key, std::vector<std::uint32_t>> buckets;
        std::vector<std::uint32_t> stances, people;
        const auto north_korea = find_name("north_korea");
        for (std::uint32_t n = 0; n < facts_.size(); ++n) {
            const ClaimFacts& c = facts_[n];
            if (!c.dated) continue;
            if (c.kind == ClaimKind::Stance) {
                if (!is(c.stance, Stance::Confirms)) stances.push_back(n);
                continue;
            }
            if (c.metric < 0) continue;
            buckets[{names_[c.actor], c.metric, c.phase}].push_back(n);
            // A denial of a buildup speaks of troops, not of deminers or builders.
            if ((is(c.phase, Phase::Planned) || is(c.phase, Phase::Deployed)) && is(c.metric, Metric::Troops) &&
                c.actor == north_korea)
                people.push_back(n);
        }
        std::size_t largest = 0;
        for (const auto& [key, list] : buckets) largest = std::max(largest, list.size());
        reserve_huge(c_, largest);
        iv_.reserve(largest);
        for (auto& [key, list] : buckets) bucket(list);
        denials(std::move(stances), std::move(people));
        order();
        return std::move(out_);
    }

private:
    // The number of a name, or one that matches no claim.
    std::uint32_t find_name(std::string_view s) const {
        auto it = std::find(names_.begin(), names_.end(), s);
        return it == names_.end() ? std::numeric_limits<std::uint32_t>::max()
                                  : static_cast<std::uint32_t>(it - names_.begin());
    }

    // Each document name's rank among them, for Order.
    void ranks() {
        std::vector<std::uint32_t> docs;
        std::vector<bool> seen(names_.size(), false);
        for (const ClaimFacts& c : facts_)
            if (!seen[c.doc]) seen[c.doc] = true, docs.push_back(c.doc);
        std::sort(docs.begin(), docs.end(), [&](auto a, auto b) { return names_[a] < names_[b]; });
        rank_.assign(names_.size(), 0);
        for (std::uint32_t r = 0; r < docs.size(); ++r) rank_[docs[r]] = r;
    }

    // Which places lie within one another, once for every pair of places the claims name.
    void places(const Gazetteer& g) {
        places_ = place_names_.size();
        compatible_.assign(places_ * places_, 0);
        for (std::size_t x = 0; x < places_; ++x)
            for (std::size_t y = 0; y < places_; ++y) {
                const std::string &a = place_names_[x], &b = place_names_[y];
                compatible_[x * places_ + y] = a.empty() || b.empty() || g.place_within(a, b) || g.place_within(b, a);
            }
    }

    bool compatible(std::uint32_t a, std::uint32_t b) const { return compatible_[a * places_ + b] != 0; }
    bool compatible(const ClaimFacts& a, const ClaimFacts& b) const { return compatible(a.place, b.place); }

    // The claims `numbers` names, in Order.
    std::vector<std::uint32_t> sorted(const std::vector<std::uint32_t>& numbers) const {
        std::vector<Order> keys;
        keys.reserve(numbers.size());
        for (std::uint32_t n : numbers) {
            const ClaimFacts& c = facts_[n];
            keys.emplace_back(c.first, rank_[c.doc], c.at, n);
        }
        std::sort(keys.begin(), keys.end());
        std::vector<std::uint32_t> out;
        out.reserve(keys.size());
        for (const Order& k : keys) out.push_back(k.number());
        return out;
    }

    void bucket(const std::vector<std::uint32_t>& numbers) {
        // The bucket's facts in date order, side by side: the sweep reads its neighbours only.
        num_ = sorted(numbers);
        c_.clear();
        iv_.clear();
        for (std::uint32_t n : num_) {
            c_.push_back(facts_[n]);
            iv_.push_back(interval(c_.back(), opt_.tolerance));
        }
        topic_ = topic_of(c_.front());
        repeats_.clear();
        lowered_.clear();
        UnionFind agree(c_.size());
        std::unordered_map<std::uint32_t, std::vector<std::size_t>> by_source;
        // Highest lower bound so far of the cumulative figures, per voice, for "later, lower".
        std::vector<std::size_t> peaks;
        // Each voice's latest claim, by place: a figure is compared with what every other voice
        // said last about the same place, so the cost is n times the voices, never n squared.
        // Only claims within the window stay: the list is in date order, so one that has fallen
        // out of it never comes back.
        std::vector<std::size_t> latest;  // at most one per (voice, place)
        for (std::size_t i = 0; i < c_.size(); ++i) {
            const ClaimFacts& b = c_[i];
            std::erase_if(latest, [&](std::size_t j) { return c_[j].last + opt_.window_days < b.first; });
            for (std::size_t j : latest) {
                const ClaimFacts& a = c_[j];
                if (!compatible(a, b)) {
                    if (explain_)
                        explain(a, b,
                                fmt::format("not compared: places {} and {} do not overlap", place_names_[a.place],
                                            place_names_[b.place]));
                    continue;
                }
                compare(j, i, agree);
            }
            if (cumulative(b) && !b.increment) lower_later(peaks, i);
            by_source[b.source].push_back(i);
            auto same = std::find_if(latest.begin(), latest.end(),
                                     [&](std::size_t j) { return c_[j].voice == b.voice && c_[j].place == b.place; });
            if (same != latest.end())
                *same = i;
            else
                latest.push_back(i);
        }
        corroborations(agree);
        revisions(by_source);
    }

    void compare(std::size_t ia, std::size_t ib, UnionFind& agree) {
        const ClaimFacts &a = c_[ia], &b = c_[ib];
        if (a.doc == b.doc && a.at == b.at) return;
        // A plan is always for troops still to come, so "another 25,000" and "10,000-20,000" planned
        // compare; a deployed increment adds to what came before and compares with no total.
        if ((a.increment || b.increment) && !is(a.phase, Phase::Planned))
            return explain(a, b, "not compared: an increment adds to earlier figures");
        const int gap = gap_days(a, b);
        const double d = disagreement(iv_[ia], iv_[ib]);
        if (d == 0) {
            // Corroboration is the same figure twice: closed values, never a chain through
            // an open bound ("thousands" agrees with 8,000 and with 11,000).
            const bool closed = a.has_low && a.has_high && b.has_low && b.has_high;
            if (closed && (a.voice != b.voice || a.doc != b.doc)) agree.join(ia, ib);
            return explain(a, b, "agree: the values overlap");
        }
        if (a.voice == b.voice) return explain(a, b, "not a conflict: the same source revising its figure");
        if (cumulative(a) && cumulative(b) && gap > std::min(opt_.window_days, kCumulativeSameTimeDays) &&
            later_is_higher(a, b))
            return explain(a, b, explain_ ? fmt::format("an update: {} days later the figure only grew", gap) : "");
        if (explain_) explain(a, b, fmt::format("conflict: {} vs {}", value_text(a), value_text(b)));
        // The same two voices restating the same disagreement is one conflict: each says what it
        // said in a conflict reported within the window ("about 11,000" restates "11,000"),
        // about any place.
        const bool swapped = a.voice > b.voice;
        const std::uint64_t pair =
            swapped ? (std::uint64_t{b.voice} << 32 | a.voice) : (std::uint64_t{a.voice} << 32 | b.voice);
        auto& reported = repeats_[pair];
        const std::size_t x = swapped ? ib : ia, y = swapped ? ia : ib;
        // Only what was reported within the window counts: a later flare-up is a new conflict.
        std::erase_if(reported, [&](const auto& r) {
            return std::max(c_[r.first].last, c_[r.second].last) + opt_.window_days < a.first;
        });
        for (const auto& [rx, ry] : reported)
            if (disagreement(iv_[rx], iv_[x]) == 0 && disagreement(iv_[ry], iv_[y]) == 0)
                return explain(a, b, "the same disagreement, restated");
        reported.emplace_back(x, y);
        out_.conflicts.push_back({ConflictKind::Disagreement,
                                  {num_[ia], num_[ib]},
                                  d,
                                  gap,
                                  fmt::format("{} says {}, {} says {} ({} days apart)", names_[a.voice], value_text(a),
                                              names_[b.voice], value_text(b), gap),
                                  topic_});
    }

    // Compares a cumulative figure with each other voice's peak from before the window (those
    // within it were compared directly).
    // Each peak against each later voice once: restating the lower figure is the same conflict.
    void lower_later(std::vector<std::size_t>& peaks, std::size_t i) {
        const ClaimFacts& b = c_[i];
        for (std::size_t k : peaks) {
            const ClaimFacts& p = c_[k];
            const bool in_window = gap_days(p, b) <= opt_.window_days;
            if (in_window || p.voice == b.voice || !compatible(p, b)) continue;
            if (p.has_low && b.has_high && b.high < p.low * (1 - (b.approx || p.approx ? opt_.tolerance : 0))) {
                if (!lowered_.emplace(k, b.voice).second) continue;
                const int gap = gap_days(p, b);
                out_.conflicts.push_back(
                    {ConflictKind::LowerLater,
                     {num_[k], num_[i]},
                     (p.low - b.high) / p.low,
                     gap,
                     fmt::format("{} said {}; {} days later {} says {}, lower for a figure that only grows",
                                 names_[p.voice], value_text(p), gap, names_[b.voice], value_text(b)),
                     topic_});
            }
        }
        // Keep the peak per voice.
        auto it = std::find_if(peaks.begin(), peaks.end(), [&](std::size_t k) { return c_[k].voice == b.voice; });
        if (it == peaks.end())
            peaks.push_back(i);
        else if (b.has_low && (!c_[*it].has_low || b.low > c_[*it].low))
            *it = i;
    }

    // The groups of agreeing claims, by root: in the order of their roots, members in date order.
    void corroborations(UnionFind& agree) {
        // A counting sort by root: where each root's members start in `members`.
        const std::size_t n = c_.size();
        std::vector<std::size_t> root(n), start(n + 1, 0), members(n);
        for (std::size_t i = 0; i < n; ++i) ++start[(root[i] = agree.find(i)) + 1];
        std::partial_sum(start.begin(), start.end(), start.begin());
        std::vector<std::size_t> fill(start.begin(), start.end() - 1);
        for (std::size_t i = 0; i < n; ++i) members[fill[root[i]]++] = i;
        std::set<std::uint32_t> voices;
        for (std::size_t r = 0; r < n; ++r) {
            if (start[r + 1] - start[r] < 2) continue;
            Found::Group c{{}, start[r + 1] - start[r]};
            voices.clear();
            for (std::size_t k = start[r]; k < start[r + 1]; ++k)  // in date order: each voice's earliest
                if (voices.insert(c_[members[k]].voice).second) c.claims.push_back(num_[members[k]]);
            out_.corroborations.push_back(std::move(c));
        }
    }

    // Each change of one source's figure, in date order; repeats and vague mentions left out.
    // Sources in the order of their names.
    void revisions(const std::unordered_map<std::uint32_t, std::vector<std::size_t>>& by_source) {
        std::vector<std::pair<std::string_view, const std::vector<std::size_t>*>> sources;
        for (const auto& [source, list] : by_source) sources.emplace_back(names_[source], &list);
        std::sort(sources.begin(), sources.end());
        for (const auto& [name, list] : sources) {
            Found::Steps r{c_[list->front()].source, {}};
            const ClaimFacts* last = nullptr;
            for (std::size_t i : *list) {
                const ClaimFacts& c = c_[i];
                if (!c.has_low || !c.has_high || c.increment) continue;
                if (last && last->low == c.low && last->high == c.high) continue;
                r.claims.push_back(num_[i]);
                last = &c;
            }
            if (r.claims.size() >= 2) out_.revisions.push_back(std::move(r));
        }
    }

    // How near a figure is to a stance: the gap in days, then the later end (a figure still
    // running beats one that ended), then the order of the text.
    using Nearness = std::tuple<int, std::int64_t, std::size_t>;
    static Nearness nearness(const ClaimFacts& s, const ClaimFacts& f, std::size_t index) {
        return {gap_days(s, f), -std::int64_t{f.last}, index};
    }

    // One (voice, place)'s figures, by the day they start: for each such day the figure ending
    // last (the nearest to a stance of all that start that day), and the one ending last of all
    // that start by then. A stance reads a day at a time, never each figure of a busy week.
    struct Group {
        struct Day {
            std::int32_t first;
            std::int32_t last;       // of the day's figure ending last (the first such)
            std::size_t index;       // that figure's, into the figures in Order
            std::int32_t upto_last;  // the same among every figure starting on or before this day
            std::size_t upto_index;
        };
        std::vector<Day> days;
        std::uint32_t voice, place;

        // Figures come in Order: by first day, then text order (`index` grows).
        void add(const ClaimFacts& f, std::size_t i) {
            if (days.empty() || days.back().first != f.first) {
                const bool later = days.empty() || f.last > days.back().upto_last;
                days.push_back(
                    {f.first, f.last, i, later ? f.last : days.back().upto_last, later ? i : days.back().upto_index});
            } else if (f.last > days.back().last) {
                Day& d = days.back();
                d.last = f.last;
                d.index = i;
                if (f.last > d.upto_last) d.upto_last = f.last, d.upto_index = i;
            }
        }
    };

    // A denial against each voice it contradicts: the stance paired with that voice's figure
    // nearest to it (Nearness). Pairs, not one group, because the figures need not agree.
    void denials(std::vector<std::uint32_t> stances, std::vector<std::uint32_t> figures) {
        figures = sorted(figures);
        stances = sorted(stances);
        if (explain_) return denials_explained(stances, figures);
        // Each (voice, place) in date order: a stance finds the nearest figure of each in a
        // binary search, not by reading the window.
        std::map<std::pair<std::uint32_t, std::uint32_t>, Group> by_key;  // (voice, place)
        for (std::size_t i = 0; i < figures.size(); ++i) {
            const ClaimFacts& f = facts_[figures[i]];
            Group& g = by_key[{f.voice, f.place}];
            g.voice = f.voice;
            g.place = f.place;
            g.add(f, i);
        }
        std::vector<Group> groups;
        groups.reserve(by_key.size());
        for (auto& [key, g] : by_key) groups.push_back(std::move(g));
        std::vector<std::pair<std::uint32_t, Nearness>> nearest;  // voice → the nearest of its figures
        for (std::uint32_t sn : stances) {
            const ClaimFacts& s = facts_[sn];
            nearest.clear();
            for (const Group& group : groups) {
                if (group.voice == s.voice || !compatible(s.place, group.place)) continue;
                if (auto hit = nearest_in(s, group)) {
                    auto it = std::find_if(nearest.begin(), nearest.end(),
                                           [&](const auto& v) { return v.first == group.voice; });
                    if (it == nearest.end())
                        nearest.emplace_back(group.voice, *hit);
                    else if (*hit < it->second)
                        it->second = *hit;
                }
            }
            // In the order of the voices' names, as --explain reports them.
            std::sort(nearest.begin(), nearest.end(),
                      [&](const auto& a, const auto& b) { return names_[a.first] < names_[b.first]; });
            for (const auto& [voice, hit] : nearest) denial(figures[std::get<2>(hit)], sn, std::get<0>(hit));
        }
    }

    // The nearest figure of one group to stance s within the window: of those starting before
    // it, the one ending last; of those starting within it, the one ending last (gap 0); else of
    // the first day after it, the one ending last.
    std::optional<Nearness> nearest_in(const ClaimFacts& s, const Group& g) const {
        // Nothing within the window: every figure ends too early or starts too late.
        if (g.days.back().upto_last + opt_.window_days < s.first || s.last + opt_.window_days < g.days.front().first)
            return std::nullopt;
        std::optional<Nearness> best;
        auto consider = [&](std::int32_t first, std::int32_t last, std::size_t index) {
            const int gap = s.first <= last && first <= s.last ? 0 : first > s.last ? first - s.last : s.first - last;
            const Nearness n{gap, -std::int64_t{last}, index};
            if (gap <= opt_.window_days && (!best || n < *best)) best = n;
        };
        auto day =
            std::partition_point(g.days.begin(), g.days.end(), [&](const Group::Day& d) { return d.first < s.first; });
        if (day != g.days.begin())
            consider(std::prev(day)->first, std::prev(day)->upto_last, std::prev(day)->upto_index);
        for (; day != g.days.end() && day->first <= s.last; ++day) consider(day->first, day->last, day->index);
        if (day != g.days.end()) consider(day->first, day->last, day->index);
        return best;
    }

    // The same pairs, every figure in the window looked at, for --explain to say why.
    void denials_explained(const std::vector<std::uint32_t>& stances, const std::vector<std::uint32_t>& figures) {
        for (std::uint32_t sn : stances) {
            const ClaimFacts& s = facts_[sn];
            std::map<std::string_view, Nearness> nearest;  // voice → the nearest of its figures
            for (std::size_t i = 0; i < figures.size(); ++i) {
                const ClaimFacts& f = facts_[figures[i]];
                if (s.voice == f.voice) continue;
                const Nearness n = nearness(s, f, i);
                if (std::get<0>(n) > opt_.window_days) continue;
                if (!compatible(s, f)) {
                    explain(f, s, "not compared: the denial is about another place");
                    continue;
                }
                auto [it, fresh] = nearest.try_emplace(names_[f.voice], n);
                if (!fresh && n < it->second) it->second = n;
            }
            for (const auto& [voice, hit] : nearest) denial(figures[std::get<2>(hit)], sn, std::get<0>(hit));
        }
    }

    // Reports a denial unless it restates one: the same voice denying, the same way, a figure of
    // the same voice that agrees with one it denied within the window. Stances come in date order.
    void denial(std::uint32_t fn, std::uint32_t sn, int gap) {
        const ClaimFacts &f = facts_[fn], &s = facts_[sn];
        auto& reported = denied_[{s.voice, s.stance, f.voice}];
        std::erase_if(reported, [&](const auto& r) {
            return std::max(facts_[r.first].last, facts_[r.second].last) + opt_.window_days < s.first;
        });
        for (const auto& [stance, figure] : reported)
            if (disagreement(facts_[figure], f, opt_.tolerance) == 0) return explain(f, s, "the same denial, restated");
        reported.emplace_back(sn, fn);
        out_.conflicts.push_back({ConflictKind::Denial,
                                  {fn, sn},
                                  1.0,
                                  gap,
                                  fmt::format("{} says {}; {} {} ({} days apart)", names_[f.voice], value_text(f),
                                              names_[s.voice], value_text(s), gap),
                                  topic_of(f)});
    }

    std::string value_text(const ClaimFacts& c) const {
        if (c.kind == ClaimKind::Stance)
            return std::string(c.stance >= 0 ? to_string(static_cast<Stance>(c.stance)) : "stance");
        auto n = [](double v) { return fmt::format("{}", v); };
        if (c.approx && c.has_low && !c.has_high) return names_[c.written];  // "thousands"
        std::string s;
        if (c.has_low && c.has_high && c.low == c.high)
            s = n(c.low);
        else if (c.has_low && c.has_high)
            s = n(c.low) + "-" + n(c.high);
        else if (c.has_low)
            s = "at least " + n(c.low);
        else if (c.has_high)
            s = "up to " + n(c.high);
        return (c.approx ? "about " : "") + s;
    }

    std::string topic_of(const ClaimFacts& c) const {
        if (c.kind == ClaimKind::Stance) return "stance";
        return fmt::format("{} {} {}", names_[c.actor], c.metric >= 0 ? to_string(static_cast<Metric>(c.metric)) : "-",
                           c.phase >= 0 ? to_string(static_cast<Phase>(c.phase)) : "-");
    }

    void explain(const ClaimFacts& a, const ClaimFacts& b, std::string_view why) {
        if (explain_)
            out_.explanations.push_back(
                fmt::format("{}@{} ~ {}@{}: {}", names_[a.doc], a.at, names_[b.doc], b.at, why));
    }

    // Grouped by what is disputed, the most serious first; ties in text order, so the same
    // database always gives the same list.
    void order() {
        using Position = std::array<std::pair<std::uint32_t, std::size_t>, 2>;  // (document rank, at)
        std::vector<Position> pos;
        pos.reserve(out_.conflicts.size());
        for (const auto& c : out_.conflicts) {
            const ClaimFacts &a = facts_[c.claims[0]], &b = facts_[c.claims[1]];
            pos.push_back({{{rank_[a.doc], a.at}, {rank_[b.doc], b.at}}});
        }
        std::vector<std::size_t> idx(out_.conflicts.size());
        std::iota(idx.begin(), idx.end(), 0);
        std::stable_sort(idx.begin(), idx.end(), [&](std::size_t x, std::size_t y) {
            const Found::Pair &a = out_.conflicts[x], &b = out_.conflicts[y];
            if (a.kind != b.kind) return a.kind < b.kind;
            if (a.topic != b.topic) return a.topic < b.topic;
            if (a.severity != b.severity) return a.severity > b.severity;
            return pos[x] < pos[y];
        });
        std::vector<Found::Pair> sorted;
        sorted.reserve(idx.size());
        for (std::size_t i : idx) sorted.push_back(std::move(out_.conflicts[i]));
        out_.conflicts = std::move(sorted);
    }

    const std::vector<ClaimFacts>& facts_;
    const std::vector<std::string>& names_;
    const std::vector<std::string>& place_names_;
    const ConflictOptions& opt_;
    bool explain_;
    Found out_;
    std::vector<std::uint32_t> rank_;  // by name number: a document's rank among the names
    std::size_t places_ = 0;
    std::vector<std::uint8_t> compatible_;  // places_ x places_
    // The bucket being swept: its claims' numbers and facts, in Order, and what they count.
    std::vector<std::uint32_t> num_;
    std::vector<ClaimFacts> c_;
    std::vector<Interval> iv_;  // the interval each of c_ stands for
    std::string topic_;
    // Per pair of voices (lower number first), the claims (bucket indexes) of the conflicts
    // reported between them within the window.
    std::unordered_map<std::uint64_t, std::vector<std::pair<std::size_t, std::size_t>>> repeats_;
    // Per (denying voice, stance, voice denied), the (stance, figure) pairs reported within the window.
    std::map<std::tuple<std::uint32_t, int, std::uint32_t>, std::vector<std::pair<std::uint32_t, std::uint32_t>>>
        denied_;
    std::set<std::pair<std::size_t, std::uint32_t>> lowered_;  // (peak, later voice) reported
};

// The report, with claim numbers turned into the claims `claim` gives.
template <typename ClaimOf>
ConflictReport resolve(Found&& found, const std::vector<std::string>& names, ClaimOf claim) {
    auto claims = [&](const auto& numbers) {
        std::vector<const Claim*> out;
        out.reserve(numbers.size());
        for (std::uint32_t n : numbers) out.push_back(claim(n));
        return out;
    };
    ConflictReport r;
    r.conflicts.reserve(found.conflicts.size());
    for (auto& c : found.conflicts)
        r.conflicts.push_back(
            {c.kind, claims(c.claims), c.severity, c.gap_days, std::move(c.reason), std::move(c.topic)});
    for (auto& c : found.corroborations) r.corroborations.push_back({claims(c.claims), c.count});
    for (auto& rv : found.revisions) r.revisions.push_back({names[rv.source], claims(rv.claims)});
    r.explanations = std::move(found.explanations);
    return r;
}

// Every claim number the report points at, once, ascending.
std::vector<std::uint32_t> numbers_shown(const Found& found) {
    std::vector<std::uint32_t> out;
    for (const auto& c : found.conflicts) out.insert(out.end(), c.claims.begin(), c.claims.end());
    for (const auto& c : found.corroborations) out.insert(out.end(), c.claims.begin(), c.claims.end());
    for (const auto& rv : found.revisions) out.insert(out.end(), rv.claims.begin(), rv.claims.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace

ConflictReport find_conflicts(const ConflictInput& in, const Gazetteer& g, const ConflictOptions& opt,
                              const ClaimReader& read, Explain explain) {
    Found found = Finder(in, g, opt, explain).run();
    const std::vector<std::uint32_t> shown = numbers_shown(found);
    std::vector<std::int64_t> ids;
    ids.reserve(shown.size());
    for (std::uint32_t n : shown) ids.push_back(in.facts()[n].id);
    auto held = std::make_shared<std::vector<Claim>>(read(ids));
    if (held->size() != ids.size()) throw std::logic_error("the claim reader did not return every claim asked for");
    ConflictReport r = resolve(std::move(found), in.names(), [&](std::uint32_t n) {
        return &(*held)[static_cast<std::size_t>(std::lower_bound(shown.begin(), shown.end(), n) - shown.begin())];
    });
    r.held = std::move(held);
    return r;
}

ConflictReport find_conflicts(const std::vector<Claim>& claims, const Gazetteer& g, const ConflictOptions& opt,
                              Explain explain) {
    ConflictInput in;
    for (const Claim& c : claims) in.add(c);
    return resolve(Finder(in, g, opt, explain).run(), in.names(), [&](std::uint32_t n) { return &claims[n]; });
}

}  // namespace nkclaims
