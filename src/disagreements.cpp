#include "nkclaims/disagreements.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

#include "nkclaims/memory.hpp"

namespace nkclaims {

namespace {

// Figures that only grow (troops sent so far, casualties) are "at the same time" within a week;
// further apart, a higher later figure is an update, not a disagreement.
constexpr int kCumulativeSameTimeDays = 7;
// A later figure below this share of another voice's peak is another quantity (a batch of
// reinforcements, a part, a misread number) more often than a contradiction of the total.
constexpr double kLowestShareOfPeak = 0.25;
// The same for troops: a later count below half of another voice's peak is, in what is
// published, a batch of reinforcements, the initial contingent, the troops in one region or those
// still there after losses and rotations: troops present shrink, losses never do.
constexpr double kLowestShareOfTroopPeak = 0.5;

double lowest_share_of_peak(const ClaimFacts& c) { return loss(c) ? kLowestShareOfPeak : kLowestShareOfTroopPeak; }

// Two counts of troops sent at about the same time, one below half of the other: the smaller is
// a batch of reinforcements or a part (one region, one unit), not another estimate of the whole.
bool another_quantity(const ClaimFacts& a, const ClaimFacts& b) {
    if (loss(a) || !cumulative(a) || !cumulative(b)) return false;
    const ClaimFacts& small = a.high < b.high ? a : b;
    const ClaimFacts& large = &small == &a ? b : a;
    return small.has_high && large.has_low && small.high < large.low * kLowestShareOfTroopPeak;
}

// Whether the later of two claims (by date) has the higher value.
bool later_is_higher(const ClaimFacts& a, const ClaimFacts& b) {
    const ClaimFacts& first = as_of_first(a) <= as_of_first(b) ? a : b;
    const ClaimFacts& second = &first == &a ? b : a;
    return second.low >= first.high;
}

struct UnionFind {
    std::vector<std::size_t> parent;
    explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
    std::size_t find(std::size_t x) { return parent[x] == x ? x : parent[x] = find(parent[x]); }
    void join(std::size_t a, std::size_t b) { parent[find(a)] = find(b); }
};

// A casualties figure lower than another voice's killed or wounded figure said before it or
// within a week after: the part cannot exceed the whole, and losses only grow (casualties
// counted over a week before the part are not compared). Each voice's highest part so far is
// compared with each whole, and so is each part a document of the whole sets beside it (the
// writer's own comparison: "claims only 350 casualties, while Seoul counted 600 dead"); each
// (part, whole's voice) is reported once.
class BelowParts {
public:
    BelowParts(const FactIndex& ix, const ConflictOptions& opt, Findings& out) : ix_(ix), opt_(opt), out_(out) {}

    void run(const std::vector<std::uint32_t>& parts, const std::vector<std::uint32_t>& wholes) {
        std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> by_doc;  // the parts each document states
        for (std::uint32_t k : parts)
            for (std::uint32_t n : ix_.relays(ix_.assessment_of(k))) by_doc[ix_[n].doc].push_back(k);
        std::vector<std::uint32_t> peaks;  // per (voice, metric), the highest part so far
        std::size_t next = 0;
        for (std::uint32_t w : wholes) {
            const ClaimFacts& c = fact(w);
            for (; next < parts.size() && fact(parts[next]).first <= c.last + opt_.window_days; ++next) {
                const ClaimFacts& p = fact(parts[next]);
                auto it = std::find_if(peaks.begin(), peaks.end(), [&](std::uint32_t k) {
                    return fact(k).voice == p.voice && fact(k).metric == p.metric;
                });
                if (it == peaks.end())
                    peaks.push_back(parts[next]);
                else if (p.low > fact(*it).low)
                    *it = parts[next];
            }
            for (std::uint32_t k : peaks) compare(k, w);
            for (std::uint32_t n : ix_.relays(ix_.assessment_of(w)))
                if (auto beside = by_doc.find(ix_[n].doc); beside != by_doc.end())
                    for (std::uint32_t k : beside->second)
                        if (fact(k).first <= c.last + opt_.window_days) compare(k, w);
        }
    }

private:
    const ClaimFacts& fact(std::uint32_t n) const { return ix_.assessed(ix_.assessment_of(n)); }

    void compare(std::uint32_t k, std::uint32_t w) {
        const ClaimFacts &p = fact(k), &c = fact(w);
        // Casualties counted over a week before the part was are no contradiction: losses grew.
        if (p.voice == c.voice || !ix_.compatible(p, c) || !p.has_low || !c.has_high ||
            c.last + kCumulativeSameTimeDays < p.first)
            return;
        if (c.high >= p.low * (1 - (c.approx || p.approx ? opt_.tolerance : 0))) return;
        if (!reported_.emplace(k, c.voice).second) return;
        const int gap = gap_days(p, c);
        out_.conflicts.push_back(
            {ConflictKind::BelowPart,
             {k, w},
             (p.low - c.high) / p.low,
             gap,
             fmt::format("{} says {} {}; {} says {} casualties, fewer ({} days apart)", ix_.name(p.voice),
                         ix_.value_text(p), to_string(static_cast<Metric>(p.metric)), ix_.name(c.voice),
                         ix_.value_text(c), gap),
             ix_.topic_of(c)});
    }

    const FactIndex& ix_;
    const ConflictOptions& opt_;
    Findings& out_;
    std::set<std::pair<std::uint32_t, std::uint32_t>> reported_;
};

// Claim i of `c` replaces its voice's latest about the same place in `latest`, or joins it.
void keep_latest(const std::vector<ClaimFacts>& c, std::vector<std::size_t>& latest, std::size_t i) {
    auto same = std::find_if(latest.begin(), latest.end(),
                             [&](std::size_t j) { return c[j].voice == c[i].voice && c[j].place == c[i].place; });
    if (same != latest.end())
        *same = i;
    else
        latest.push_back(i);
}

// The figures of `c` that say when the counted thing happened (event_date), in the order of it.
std::vector<std::size_t> by_event_date(const std::vector<ClaimFacts>& c) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < c.size(); ++i)
        if (c[i].event_dated) order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return c[x].event_first < c[y].event_first; });
    return order;
}

// Why two figures of one bucket are never compared, whatever their values; nullopt when they are.
std::optional<std::string_view> never_compared(const ClaimFacts& a, const ClaimFacts& b) {
    // Like with like: a count whose phase is unknown (guns struck or guns supplied?) is
    // compared with nothing; losses have no phase to know.
    if (compared_phase(a) < 0 && !loss(a))
        return "not compared: what is counted has no phase (sent, planned, supplied...)";
    // A plan is always for troops still to come, so "another 25,000" and "10,000-20,000" planned
    // compare; a deployed increment adds to what came before and compares with no total.
    if ((a.increment || b.increment) && !is(a.phase, Phase::Planned))
        return "not compared: an increment adds to earlier figures";
    // A running total is news from its increment on: a figure said before knew the total before it.
    if ((a.summed && b.last < a.first) || (b.summed && a.last < b.first))
        return "not compared: said before the increment that made the running total";
    return std::nullopt;
}

// One bucket at a time: its figures in date order, side by side, read by their neighbours only.
class Sweep {
public:
    Sweep(const FactIndex& index, const ConflictOptions& opt, Findings& out) : ix_(index), opt_(opt), out_(out) {}

    void run() {
        using Key = std::tuple<std::string_view, int, int>;  // actor, metric, phase
        std::map<Key, std::vector<std::uint32_t>> buckets;   // the assessments' representatives
        std::map<std::string_view, std::pair<std::vector<std::uint32_t>, std::vector<std::uint32_t>>> losses;
        for (std::uint32_t a = 0; a < ix_.assessments(); ++a) {
            const ClaimFacts& c = ix_.assessed(a);
            const std::uint32_t n = ix_.representative(a);
            buckets[{ix_.name(c.actor), c.metric, compared_phase(c)}].push_back(n);
            if (is(c.metric, Metric::Killed) || is(c.metric, Metric::Wounded))
                losses[ix_.name(c.actor)].first.push_back(n);
            else if (is(c.metric, Metric::Casualties))
                losses[ix_.name(c.actor)].second.push_back(n);
        }
        std::size_t largest = 0;
        for (const auto& [key, list] : buckets) largest = std::max(largest, list.size());
        reserve_huge(c_, largest);
        iv_.reserve(largest);
        for (auto& [key, list] : buckets) bucket(list);
        for (const auto& [actor, lists] : losses)
            if (!lists.first.empty() && !lists.second.empty())
                BelowParts(ix_, opt_, out_).run(ix_.sorted(lists.first), ix_.sorted(lists.second));
    }

private:
    void bucket(const std::vector<std::uint32_t>& numbers) {
        num_ = ix_.sorted(numbers);
        c_.clear();
        iv_.clear();
        for (std::uint32_t n : num_) {
            c_.push_back(fact(n));
            iv_.push_back(interval(c_.back(), opt_.tolerance));
        }
        topic_ = ix_.topic_of(c_.front());
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
                if (!ix_.compatible(a, b)) {
                    if (ix_.explaining())
                        explain(j, i,
                                fmt::format("not compared: places {} and {} do not overlap", ix_.place_name(a.place),
                                            ix_.place_name(b.place)));
                    continue;
                }
                compare(j, i, agree);
            }
            if (cumulative(b) && !b.increment) lower_later(peaks, i);
            by_source[b.source].push_back(i);
            keep_latest(c_, latest, i);
        }
        by_events(agree);
        corroborations(agree);
        revisions(by_source);
    }

    // The pairs the sweep by report date cannot see: two counts of one event (event_date)
    // reported over the window apart ("1,500 sent in January" said in March, "at least 3,000 in
    // January" said three weeks later). The same sweep, in the order of the events: each with
    // what every other voice said last of an event within the window about the same place.
    void by_events(UnionFind& agree) {
        std::vector<std::size_t> latest;
        for (std::size_t i : by_event_date(c_)) {
            const ClaimFacts& b = c_[i];
            std::erase_if(latest, [&](std::size_t j) { return c_[j].event_last + opt_.window_days < b.event_first; });
            for (std::size_t j : latest)  // those within the window by report date were compared
                if (gap_days(c_[j], b) > opt_.window_days && ix_.compatible(c_[j], b))
                    compare(std::min(i, j), std::max(i, j), agree);
            keep_latest(c_, latest, i);
        }
    }

    void compare(std::size_t ia, std::size_t ib, UnionFind& agree) {
        const ClaimFacts &a = c_[ia], &b = c_[ib];
        if (a.doc == b.doc && a.at == b.at) return;
        if (auto why = never_compared(a, b)) return explain(ia, ib, *why);
        const int gap = compared_gap_days(a, b);
        if (a.event_dated && b.event_dated && gap > opt_.window_days)
            return explain(
                ia, ib, ix_.explaining() ? fmt::format("not compared: the counted events are {} days apart", gap) : "");
        const double d = disagreement(iv_[ia], iv_[ib]);
        if (d == 0) {
            // Corroboration is the same figure twice: closed values, never a chain through
            // an open bound ("thousands" agrees with 8,000 and with 11,000).
            const bool closed = a.has_low && a.has_high && b.has_low && b.has_high;
            if (closed && a.voice != b.voice) agree.join(ia, ib);
            return explain(ia, ib, "agree: the values overlap");
        }
        if (a.voice == b.voice) return explain(ia, ib, "not a conflict: the same source revising its figure");
        if (another_quantity(a, b))
            return explain(ia, ib, "not compared: a troop count below half of the other is a batch or a part of it");
        if (cumulative(a) && cumulative(b) && gap > std::min(opt_.window_days, kCumulativeSameTimeDays) &&
            later_is_higher(a, b))
            return explain(ia, ib,
                           ix_.explaining() ? fmt::format("an update: {} days later the figure only grew", gap) : "");
        if (ix_.explaining()) explain(ia, ib, fmt::format("conflict: {} vs {}", ix_.value_text(a), ix_.value_text(b)));
        if (restated(ia, ib)) return explain(ia, ib, "the same disagreement, restated");
        out_.conflicts.push_back({ConflictKind::Disagreement,
                                  {num_[ia], num_[ib]},
                                  d,
                                  gap,
                                  fmt::format("{} says {}, {} says {} ({} days apart)", ix_.name(a.voice),
                                              ix_.value_text(a), ix_.name(b.voice), ix_.value_text(b), gap),
                                  topic_});
    }

    // The same two voices restating the same disagreement is one conflict: each says what it
    // said in a conflict reported within the window ("about 11,000" restates "11,000"), about
    // any place. Else the pair is remembered as reported.
    bool restated(std::size_t ia, std::size_t ib) {
        const ClaimFacts &a = c_[ia], &b = c_[ib];
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
            if (disagreement(iv_[rx], iv_[x]) == 0 && disagreement(iv_[ry], iv_[y]) == 0) return true;
        reported.emplace_back(x, y);
        return false;
    }

    // Compares a cumulative figure with each other voice's peak from before the window (those
    // within it were compared directly). A figure whose counted event happened before the peak
    // was said is an earlier count recalled, not a later one.
    // Each peak against each later voice once: restating the lower figure is the same conflict.
    void lower_later(std::vector<std::size_t>& peaks, std::size_t i) {
        const ClaimFacts& b = c_[i];
        // Against one peak it falls below only: lower than 15,000 and than 12,000 is one dispute.
        // The peak is one that a document holding the later figure also states, where one does
        // (the writer set the two side by side); else the highest, the figure it contradicts most.
        auto rank = [&](std::size_t k) { return std::pair{c_[k].doc == b.doc, c_[k].low}; };
        std::optional<std::size_t> highest;
        for (std::size_t k : peaks) {
            const ClaimFacts& p = c_[k];
            const bool in_window = gap_days(p, b) <= opt_.window_days;
            // "the 11,000 deployed last November", said after the peak: a count of before it
            const bool recalled = b.event_dated && b.event_last < p.first;
            if (in_window || recalled || p.voice == b.voice || !ix_.compatible(p, b)) continue;
            if (p.has_low && b.has_high && b.high < p.low * (1 - (b.approx || p.approx ? opt_.tolerance : 0)) &&
                b.high >= p.low * lowest_share_of_peak(b) && (!highest || rank(k) > rank(*highest)))
                highest = k;
        }
        if (highest && lowered_.emplace(*highest, b.voice).second) {
            const ClaimFacts& p = c_[*highest];
            const int gap = gap_days(p, b);
            out_.conflicts.push_back(
                {ConflictKind::LowerLater,
                 {num_[*highest], num_[i]},
                 (p.low - b.high) / p.low,
                 gap,
                 fmt::format("{} said {}; {} days later {} says {}, lower for a figure that only grows",
                             ix_.name(p.voice), ix_.value_text(p), gap, ix_.name(b.voice), ix_.value_text(b)),
                 topic_});
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
            Findings::Group c{{}, 0};
            voices.clear();
            for (std::size_t k = start[r]; k < start[r + 1]; ++k) {  // in date order: each voice's earliest
                c.count += ix_.relay_count(ix_.assessment_of(num_[members[k]]));
                if (voices.insert(c_[members[k]].voice).second) c.claims.push_back(num_[members[k]]);
            }
            out_.corroborations.push_back(std::move(c));
        }
    }

    // Each change of one source's figure, in date order; repeats and vague mentions left out.
    // Sources in the order of their names.
    void revisions(const std::unordered_map<std::uint32_t, std::vector<std::size_t>>& by_source) {
        std::vector<std::pair<std::string_view, const std::vector<std::size_t>*>> sources;
        for (const auto& [source, list] : by_source) sources.emplace_back(ix_.name(source), &list);
        std::sort(sources.begin(), sources.end());
        for (const auto& [name, list] : sources) {
            Findings::Steps r{c_[list->front()].source, {}};
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

    // What is compared of a representative: its assessment's facts.
    const ClaimFacts& fact(std::uint32_t n) const { return ix_.assessed(ix_.assessment_of(n)); }

    void explain(std::size_t ia, std::size_t ib, std::string_view why) { ix_.explain(out_, num_[ia], num_[ib], why); }

    const FactIndex& ix_;
    const ConflictOptions& opt_;
    Findings& out_;
    // The bucket being swept: its claims' numbers and facts, in order, and what they count.
    std::vector<std::uint32_t> num_;
    std::vector<ClaimFacts> c_;
    std::vector<Interval> iv_;  // the interval each of c_ stands for
    std::string topic_;
    // Per pair of voices (lower number first), the claims (bucket indexes) of the conflicts
    // reported between them within the window.
    std::unordered_map<std::uint64_t, std::vector<std::pair<std::size_t, std::size_t>>> repeats_;
    std::set<std::pair<std::size_t, std::uint32_t>> lowered_;  // (peak, later voice) reported
};

}  // namespace

void find_disagreements(const FactIndex& index, const ConflictOptions& opt, Findings& out) {
    Sweep(index, opt, out).run();
}

}  // namespace nkclaims
