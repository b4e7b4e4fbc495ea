#include "nkclaims/conflicts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <set>
#include <tuple>
#include <unordered_map>

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
// Figures that only grow (troops sent so far, casualties) are "at the same time" within a week;
// further apart, a higher later figure is an update, not a disagreement.
constexpr int kCumulativeSameTimeDays = 7;

struct Interval {
    double low, high;
};

Interval interval(const Claim& c, double tolerance) {
    double lo = c.value.low.value_or(0), hi = c.value.high.value_or(kInf);
    if (!c.value.low) lo = 0;
    if (c.approx) {
        lo *= 1 - tolerance;
        if (hi != kInf) hi *= 1 + tolerance;
    }
    return {lo, hi};
}

// 0 when the values can both be true; else the gap relative to the larger value.
double disagreement(const Claim& a, const Claim& b, double tolerance) {
    const Interval x = interval(a, tolerance), y = interval(b, tolerance);
    if (x.low <= y.high && y.low <= x.high) return 0;
    const double gap = x.high < y.low ? y.low - x.high : x.low - y.high;
    const double scale = std::max({x.low, y.low, x.high == kInf ? 0 : x.high, y.high == kInf ? 0 : y.high, 1.0});
    return gap / scale;
}

bool cumulative(const Claim& c) {
    return c.metric == Metric::Casualties || c.phase == Phase::Supplied ||
           (c.phase == Phase::Deployed && (c.metric == Metric::Troops || c.metric == Metric::Personnel));
}

// Whether the later of two claims (by date) has the higher value.
bool later_is_higher(const Claim& a, const Claim& b) {
    const Claim& first = a.date->first <= b.date->first ? a : b;
    const Claim& second = &first == &a ? b : a;
    return second.value.low.value_or(0) >= first.value.high.value_or(kInf);
}

bool same_voice(const Claim& a, const Claim& b) { return a.source == b.source && a.via == b.via; }

bool places_compatible(const Claim& a, const Claim& b, const Gazetteer& g) {
    if (a.location.empty() || b.location.empty()) return true;
    return g.place_within(a.location, b.location) || g.place_within(b.location, a.location);
}

std::string value_text(const Claim& c) {
    if (c.kind == ClaimKind::Stance) return std::string(c.stance ? to_string(*c.stance) : "stance");
    auto n = [](double v) { return fmt::format("{}", v); };
    const auto& v = c.value;
    if (c.approx && v.low && !v.high) return c.as_written;  // "thousands"
    std::string s;
    if (v.low && v.high && *v.low == *v.high)
        s = n(*v.low);
    else if (v.low && v.high)
        s = n(*v.low) + "-" + n(*v.high);
    else if (v.low)
        s = "at least " + n(*v.low);
    else if (v.high)
        s = "up to " + n(*v.high);
    return (c.approx ? "about " : "") + s;
}

using Key = std::tuple<std::string, int, int>;  // actor, metric, phase
Key key_of(const Claim& c) {
    return {c.actor, c.metric ? static_cast<int>(*c.metric) : -1, c.phase ? static_cast<int>(*c.phase) : -1};
}

// Deterministic order for claims: by date, document and position. Built once per claim, with
// the document as its rank among the names: sorting a million claims compares integers.
struct Order {
    std::int64_t day;
    std::uint32_t doc;
    std::size_t at;
    auto operator<=>(const Order&) const = default;
};

std::vector<Order> orders(const std::vector<Claim>& claims) {
    std::unordered_map<std::string_view, std::uint32_t> rank;
    for (const Claim& c : claims) rank.try_emplace(c.doc, 0);
    std::vector<std::string_view> names;
    names.reserve(rank.size());
    for (const auto& [name, r] : rank) names.push_back(name);
    std::sort(names.begin(), names.end());
    for (std::size_t i = 0; i < names.size(); ++i) rank[names[i]] = static_cast<std::uint32_t>(i);
    std::vector<Order> out;
    out.reserve(claims.size());
    for (const Claim& c : claims)
        out.push_back({c.date ? c.date->first.time_since_epoch().count() : 0, rank[c.doc], c.span.begin});
    return out;
}

struct UnionFind {
    std::vector<std::size_t> parent;
    explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
    std::size_t find(std::size_t x) { return parent[x] == x ? x : parent[x] = find(parent[x]); }
    void join(std::size_t a, std::size_t b) { parent[find(a)] = find(b); }
};

class Finder {
public:
    Finder(const Gazetteer& g, const ConflictOptions& o, bool explain) : g_(g), opt_(o), explain_(explain) {}

    ConflictReport run(const std::vector<Claim>& claims) {
        base_ = claims.data();
        order_ = orders(claims);
        std::map<Key, std::vector<const Claim*>> buckets;
        std::vector<const Claim*> stances, people;
        for (const Claim& c : claims) {
            if (!c.date) continue;
            if (c.kind == ClaimKind::Stance) {
                if (c.stance != Stance::Confirms) stances.push_back(&c);
                continue;
            }
            if (!c.metric) continue;
            buckets[key_of(c)].push_back(&c);
            // A denial of a buildup speaks of troops, not of deminers or builders.
            if ((c.phase == Phase::Planned || c.phase == Phase::Deployed) && c.metric == Metric::Troops &&
                c.actor == "north_korea")
                people.push_back(&c);
        }
        for (auto& [key, list] : buckets) {
            repeats_.clear();
            lowered_.clear();
            bucket(list);
        }
        denials(stances, people);
        order();
        return std::move(out_);
    }

private:
    void bucket(std::vector<const Claim*>& list) {
        std::sort(list.begin(), list.end(), [&](const Claim* a, const Claim* b) { return earlier(a, b); });
        UnionFind agree(list.size());
        std::map<std::string, std::vector<const Claim*>> by_source;
        // Highest lower bound so far of the cumulative figures, per voice, for "later, lower".
        std::vector<std::size_t> peaks;  // indexes
        ids(list);
        // Each voice's latest claim, by place: a figure is compared with what every other voice
        // said last about the same place, so the cost is n times the voices, never n squared.
        // Only claims within the window stay: the list is in date order, so one that has fallen
        // out of it never comes back.
        std::vector<std::size_t> latest;  // indexes, at most one per (voice, place)
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Claim& b = *list[i];
            std::erase_if(latest, [&](std::size_t j) {
                return list[j]->date->last + std::chrono::days{opt_.window_days} < b.date->first;
            });
            for (std::size_t j : latest) {
                const Claim& a = *list[j];
                if (!compatible_[place_[j] * places_ + place_[i]]) {
                    if (explain_)
                        explain(a, b,
                                fmt::format("not compared: places {} and {} do not overlap", a.location, b.location));
                    continue;
                }
                compare(a, b, agree, j, i);
            }
            if (cumulative(b) && !b.increment) lower_later(peaks, list, i);
            by_source[b.source].push_back(&b);
            auto same = std::find_if(latest.begin(), latest.end(),
                                     [&](std::size_t j) { return voice_[j] == voice_[i] && place_[j] == place_[i]; });
            if (same != latest.end())
                *same = i;
            else
                latest.push_back(i);
        }
        corroborations(list, agree);
        revisions(by_source);
    }

    // Small integer ids for the bucket's voices and places, and which places are compatible:
    // computed once, not in every comparison.
    void ids(const std::vector<const Claim*>& list) {
        std::map<std::pair<std::string_view, std::string_view>, std::uint32_t> voices;  // (source, via)
        std::map<std::string, std::uint32_t> places;
        voice_.resize(list.size());
        place_.resize(list.size());
        std::vector<std::string> names;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const auto voice = std::pair<std::string_view, std::string_view>(list[i]->source, list[i]->via);
            voice_[i] = voices.try_emplace(voice, static_cast<std::uint32_t>(voices.size())).first->second;
            auto [it, fresh] = places.try_emplace(list[i]->location, static_cast<std::uint32_t>(places.size()));
            if (fresh) names.push_back(list[i]->location);
            place_[i] = it->second;
        }
        places_ = names.size();
        compatible_.assign(places_ * places_, false);
        for (std::size_t x = 0; x < places_; ++x)
            for (std::size_t y = 0; y < places_; ++y) {
                const std::string &a = names[x], &b = names[y];
                compatible_[x * places_ + y] = a.empty() || b.empty() || g_.place_within(a, b) || g_.place_within(b, a);
            }
    }

    void compare(const Claim& a, const Claim& b, UnionFind& agree, std::size_t ia, std::size_t ib) {
        if (same_doc(a, b) && a.span == b.span) return;
        // A plan is always for troops still to come, so "another 25,000" and "10,000-20,000" planned
        // compare; a deployed increment adds to what came before and compares with no total.
        if ((a.increment || b.increment) && a.phase != Phase::Planned)
            return explain(a, b, "not compared: an increment adds to earlier figures");
        const int gap = a.date->gap_days(*b.date);
        const double d = disagreement(a, b, opt_.tolerance);
        if (d == 0) {
            // Corroboration is the same figure twice: closed values, never a chain through
            // an open bound ("thousands" agrees with 8,000 and with 11,000).
            const bool closed = a.value.low && a.value.high && b.value.low && b.value.high;
            if (closed && (voice_[ia] != voice_[ib] || !same_doc(a, b))) agree.join(ia, ib);
            return explain(a, b, "agree: the values overlap");
        }
        if (voice_[ia] == voice_[ib]) return explain(a, b, "not a conflict: the same source revising its figure");
        if (cumulative(a) && cumulative(b) && gap > std::min(opt_.window_days, kCumulativeSameTimeDays) &&
            later_is_higher(a, b))
            return explain(a, b, explain_ ? fmt::format("an update: {} days later the figure only grew", gap) : "");
        if (explain_) explain(a, b, fmt::format("conflict: {} vs {}", value_text(a), value_text(b)));
        // The same two voices restating the same disagreement is one conflict: each says what it
        // said in a conflict reported within the window ("about 11,000" restates "11,000"),
        // about any place.
        const bool swapped = voice_[ia] > voice_[ib];
        auto& reported = repeats_[swapped ? std::pair{voice_[ib], voice_[ia]} : std::pair{voice_[ia], voice_[ib]}];
        const Claim* x = swapped ? &b : &a;
        const Claim* y = swapped ? &a : &b;
        // Only what was reported within the window counts: a later flare-up is a new conflict.
        std::erase_if(reported, [&](const auto& r) {
            return std::max(r.first->date->last, r.second->date->last) + std::chrono::days{opt_.window_days} <
                   a.date->first;
        });
        for (const auto& [rx, ry] : reported)
            if (disagreement(*rx, *x, opt_.tolerance) == 0 && disagreement(*ry, *y, opt_.tolerance) == 0)
                return explain(a, b, "the same disagreement, restated");
        reported.emplace_back(x, y);
        out_.conflicts.push_back({ConflictKind::Disagreement,
                                  {&a, &b},
                                  d,
                                  gap,
                                  fmt::format("{} says {}, {} says {} ({} days apart)", voice_of(a), value_text(a),
                                              voice_of(b), value_text(b), gap),
                                  topic_of(a)});
    }

    // Compares a cumulative figure with each other voice's peak from before the window (those
    // within it were compared directly).
    // Each peak against each later voice once: restating the lower figure is the same conflict.
    void lower_later(std::vector<std::size_t>& peaks, const std::vector<const Claim*>& list, std::size_t i) {
        const Claim& b = *list[i];
        for (std::size_t k : peaks) {
            const Claim* p = list[k];
            const bool in_window = p->date->gap_days(*b.date) <= opt_.window_days;
            if (in_window || voice_[k] == voice_[i] || !compatible_[place_[k] * places_ + place_[i]]) continue;
            if (p->value.low && b.value.high &&
                *b.value.high < *p->value.low * (1 - (b.approx || p->approx ? opt_.tolerance : 0))) {
                if (!lowered_.emplace(p, voice_[i]).second) continue;
                const int gap = p->date->gap_days(*b.date);
                out_.conflicts.push_back(
                    {ConflictKind::LowerLater,
                     {p, &b},
                     (*p->value.low - *b.value.high) / *p->value.low,
                     gap,
                     fmt::format("{} said {}; {} days later {} says {}, lower for a figure that only grows",
                                 voice_of(*p), value_text(*p), gap, voice_of(b), value_text(b)),
                     topic_of(b)});
            }
        }
        // Keep the peak per voice.
        auto it = std::find_if(peaks.begin(), peaks.end(), [&](std::size_t k) { return voice_[k] == voice_[i]; });
        if (it == peaks.end())
            peaks.push_back(i);
        else if (b.value.low && (!list[*it]->value.low || *b.value.low > *list[*it]->value.low))
            *it = i;
    }

    // How near a figure is to a stance: the gap in days, then the later end (a figure still
    // running beats one that ended), then the order of the text.
    using Nearness = std::tuple<int, std::int64_t, std::size_t>;
    static Nearness nearness(const Claim& s, const Claim& f, std::size_t index) {
        return {s.date->gap_days(*f.date), -f.date->last.time_since_epoch().count(), index};
    }

    // A denial against each voice it contradicts: the stance paired with that voice's figure
    // nearest to it (Nearness). Pairs, not one group, because the figures need not agree.
    void denials(std::vector<const Claim*> stances, std::vector<const Claim*> figures) {
        std::sort(figures.begin(), figures.end(), [&](const Claim* a, const Claim* b) { return earlier(a, b); });
        std::sort(stances.begin(), stances.end(), [&](const Claim* a, const Claim* b) { return earlier(a, b); });
        if (explain_) return denials_explained(stances, figures);
        // Each (voice, place) in date order, with the figure ending last among each prefix: a
        // stance finds the nearest figure of each in a binary search, not by reading the window.
        struct Group {
            std::vector<std::size_t> at;         // indexes into figures, by first day
            std::vector<std::size_t> ends_last;  // ends_last[k]: the one of at[0..k] that ends last
        };
        std::map<std::pair<std::string, std::string>, Group> groups;
        for (std::size_t i = 0; i < figures.size(); ++i) {
            Group& g = groups[{voice_of(*figures[i]), figures[i]->location}];
            const bool later = g.at.empty() || figures[i]->date->last > figures[g.ends_last.back()]->date->last;
            g.ends_last.push_back(later ? i : g.ends_last.back());
            g.at.push_back(i);
        }
        std::map<std::pair<std::string, std::string>, bool> compatible;  // (stance place, figure place)
        for (const Claim* s : stances) {
            std::map<std::string, Nearness> nearest;  // voice → the nearest of its figures
            const std::string denier = voice_of(*s);
            for (const auto& [key, group] : groups) {
                if (key.first == denier) continue;
                auto [known, first_time] = compatible.try_emplace({s->location, key.second}, false);
                if (first_time) known->second = places_compatible(*s, *figures[group.at.front()], g_);
                if (!known->second) continue;
                if (auto hit = nearest_in(*s, figures, group.at, group.ends_last)) {
                    auto [it, fresh] = nearest.try_emplace(key.first, *hit);
                    if (!fresh && *hit < it->second) it->second = *hit;
                }
            }
            for (const auto& [voice, hit] : nearest) denial(*figures[std::get<2>(hit)], *s, std::get<0>(hit));
        }
    }

    // The nearest figure of one group to stance s within the window. Of those starting before
    // it, the one ending last is nearest; of those starting with or after it, the first ones.
    std::optional<Nearness> nearest_in(const Claim& s, const std::vector<const Claim*>& figures,
                                       const std::vector<std::size_t>& at,
                                       const std::vector<std::size_t>& ends_last) const {
        std::optional<Nearness> best;
        auto consider = [&](std::size_t i) {
            const Nearness n = nearness(s, *figures[i], i);
            if (std::get<0>(n) <= opt_.window_days && (!best || n < *best)) best = n;
        };
        const auto pivot = static_cast<std::size_t>(
            std::partition_point(at.begin(), at.end(),
                                 [&](std::size_t i) { return figures[i]->date->first < s.date->first; }) -
            at.begin());
        if (pivot > 0) consider(ends_last[pivot - 1]);
        for (std::size_t k = pivot; k < at.size(); ++k) {  // the gap only grows from here
            if (s.date->gap_days(*figures[at[k]]->date) > (best ? std::get<0>(*best) : opt_.window_days)) break;
            consider(at[k]);
        }
        return best;
    }

    // The same pairs, every figure in the window looked at, for --explain to say why.
    void denials_explained(const std::vector<const Claim*>& stances, const std::vector<const Claim*>& figures) {
        for (const Claim* s : stances) {
            std::map<std::string, Nearness> nearest;  // voice → the nearest of its figures
            for (std::size_t i = 0; i < figures.size(); ++i) {
                const Claim* f = figures[i];
                if (same_voice(*s, *f)) continue;
                const Nearness n = nearness(*s, *f, i);
                if (std::get<0>(n) > opt_.window_days) continue;
                if (!places_compatible(*s, *f, g_)) {
                    explain(*f, *s, "not compared: the denial is about another place");
                    continue;
                }
                auto [it, fresh] = nearest.try_emplace(voice_of(*f), n);
                if (!fresh && n < it->second) it->second = n;
            }
            for (const auto& [voice, hit] : nearest) denial(*figures[std::get<2>(hit)], *s, std::get<0>(hit));
        }
    }

    // Reports a denial unless it restates one: the same voice denying, the same way, a figure of
    // the same voice that agrees with one it denied within the window. Stances come in date order.
    void denial(const Claim& f, const Claim& s, int gap) {
        auto& reported = denied_[{voice_of(s), s.stance ? static_cast<int>(*s.stance) : -1, voice_of(f)}];
        std::erase_if(reported, [&](const auto& r) {
            return std::max(r.first->date->last, r.second->date->last) + std::chrono::days{opt_.window_days} <
                   s.date->first;
        });
        for (const auto& [stance, figure] : reported)
            if (disagreement(*figure, f, opt_.tolerance) == 0) return explain(f, s, "the same denial, restated");
        reported.emplace_back(&s, &f);
        out_.conflicts.push_back({ConflictKind::Denial,
                                  {&f, &s},
                                  1.0,
                                  gap,
                                  fmt::format("{} says {}; {} {} ({} days apart)", voice_of(f), value_text(f),
                                              voice_of(s), value_text(s), gap),
                                  topic_of(f)});
    }

    void corroborations(const std::vector<const Claim*>& list, UnionFind& agree) {
        std::map<std::size_t, std::vector<std::size_t>> groups;
        for (std::size_t i = 0; i < list.size(); ++i) groups[agree.find(i)].push_back(i);
        for (auto& [root, members] : groups) {
            if (members.size() < 2) continue;
            Corroboration c;
            c.count = members.size();
            std::set<std::uint32_t> voices;
            for (std::size_t m : members)  // in date order: each voice's earliest
                if (voices.insert(voice_[m]).second) c.claims.push_back(list[m]);
            out_.corroborations.push_back(std::move(c));
        }
    }

    // Each change of one source's figure, in date order; repeats and vague mentions left out.
    void revisions(const std::map<std::string, std::vector<const Claim*>>& by_source) {
        for (const auto& [source, list] : by_source) {
            Revision r{source, {}};
            for (const Claim* c : list) {
                if (!c->value.low || !c->value.high || c->increment) continue;
                if (!r.claims.empty() && r.claims.back()->value == c->value) continue;
                r.claims.push_back(c);
            }
            if (r.claims.size() >= 2) out_.revisions.push_back(std::move(r));
        }
    }

    bool same_doc(const Claim& a, const Claim& b) const {
        return order_[static_cast<std::size_t>(&a - base_)].doc == order_[static_cast<std::size_t>(&b - base_)].doc;
    }

    bool earlier(const Claim* a, const Claim* b) const {
        return order_[static_cast<std::size_t>(a - base_)] < order_[static_cast<std::size_t>(b - base_)];
    }

    void explain(const Claim& a, const Claim& b, const std::string& why) {
        if (explain_)
            out_.explanations.push_back(
                fmt::format("{}@{} ~ {}@{}: {}", a.doc, a.span.begin, b.doc, b.span.begin, why));
    }

    // Grouped by what is disputed, the most serious first; ties in text order, so the same
    // database always gives the same list. Each key is built once, not in every comparison.
    void order() {
        struct SortKey {
            ConflictKind kind;
            std::string_view topic;
            double severity;
            std::vector<std::pair<std::string_view, std::size_t>> pos;
        };
        std::vector<SortKey> keys;
        keys.reserve(out_.conflicts.size());
        for (const Conflict& c : out_.conflicts) {
            SortKey k{c.kind, c.topic, c.severity, {}};
            for (const Claim* cl : c.claims) k.pos.emplace_back(cl->doc, cl->span.begin);
            keys.push_back(std::move(k));
        }
        std::vector<std::size_t> idx(keys.size());
        std::iota(idx.begin(), idx.end(), 0);
        std::stable_sort(idx.begin(), idx.end(), [&](std::size_t x, std::size_t y) {
            const SortKey &a = keys[x], &b = keys[y];
            if (a.kind != b.kind) return a.kind < b.kind;
            if (a.topic != b.topic) return a.topic < b.topic;
            if (a.severity != b.severity) return a.severity > b.severity;
            return a.pos < b.pos;
        });
        std::vector<Conflict> sorted;
        sorted.reserve(idx.size());
        for (std::size_t i : idx) sorted.push_back(std::move(out_.conflicts[i]));
        out_.conflicts = std::move(sorted);
    }

    const Gazetteer& g_;
    const ConflictOptions& opt_;
    const Claim* base_ = nullptr;  // the claims given to run(), which order_ follows
    std::vector<Order> order_;
    bool explain_;
    ConflictReport out_;
    // Per pair of voices (lower id first), the claims of the conflicts reported between them
    // within the window.
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<std::pair<const Claim*, const Claim*>>> repeats_;
    // Per (denying voice, stance, voice denied), the (stance, figure) pairs reported within the window.
    std::map<std::tuple<std::string, int, std::string>, std::vector<std::pair<const Claim*, const Claim*>>> denied_;
    std::set<std::pair<const Claim*, std::uint32_t>> lowered_;  // (peak, later voice) reported
    std::vector<std::uint32_t> voice_, place_;                  // of the bucket's claims, by index
    std::size_t places_ = 0;
    std::vector<bool> compatible_;  // places_ x places_
};

}  // namespace

std::vector<Claim*> claims_shown(std::vector<Claim>& claims, const ConflictReport& r) {
    std::vector<bool> shown(claims.size(), false);
    auto mark = [&](const std::vector<const Claim*>& list) {
        for (const Claim* c : list) shown[static_cast<std::size_t>(c - claims.data())] = true;
    };
    for (const auto& c : r.conflicts) mark(c.claims);
    for (const auto& c : r.corroborations) mark(c.claims);
    for (const auto& rv : r.revisions) mark(rv.claims);
    std::vector<Claim*> out;
    for (std::size_t i = 0; i < claims.size(); ++i)
        if (shown[i]) out.push_back(&claims[i]);
    return out;
}

ConflictReport find_conflicts(const std::vector<Claim>& claims, const Gazetteer& g, const ConflictOptions& opt,
                              bool explain) {
    return Finder(g, opt, explain).run(claims);
}

}  // namespace nkclaims
