#include "nkclaims/denials.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

namespace nkclaims {

namespace {

// How near a figure is to a stance: the gap in days, then the later end (a figure still
// running beats one that ended), then the order of the text.
using Nearness = std::tuple<int, std::int64_t, std::size_t>;

// One (voice, place)'s figures, by the day they start: for each such day the figure ending
// last (the nearest to a stance of all that start that day), and the one ending last of all
// that start by then. A stance reads a day at a time, never each figure of a busy week.
struct Group {
    struct Day {
        std::int32_t first;
        std::int32_t last;       // of the day's figure ending last (the first such)
        std::size_t index;       // that figure's, into the figures in order
        std::int32_t upto_last;  // the same among every figure starting on or before this day
        std::size_t upto_index;
    };
    std::vector<Day> days;
    std::uint32_t voice, place;

    // Figures come in order: by first day, then text order (`index` grows).
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

class Matcher {
public:
    Matcher(const FactIndex& index, const ConflictOptions& opt, Findings& out) : ix_(index), opt_(opt), out_(out) {}

    void run() {
        std::vector<std::uint32_t> stances, figures;
        const auto north_korea = ix_.find_name("north_korea");
        const auto& facts = ix_.facts();
        for (std::uint32_t n = 0; n < facts.size(); ++n) {
            const ClaimFacts& c = facts[n];
            if (!c.dated) continue;
            if (c.kind == ClaimKind::Stance) {
                if (!is(c.stance, Stance::Confirms)) stances.push_back(n);
                continue;
            }
            // A denial of a buildup speaks of troops, not of deminers or builders.
            if ((is(c.phase, Phase::Planned) || is(c.phase, Phase::Deployed)) && is(c.metric, Metric::Troops) &&
                c.actor == north_korea)
                figures.push_back(n);
        }
        match(ix_.sorted(stances), ix_.sorted(figures));
    }

private:
    // A denial against each voice it contradicts: the stance paired with that voice's figure
    // nearest to it (Nearness). Pairs, not one group, because the figures need not agree.
    void match(const std::vector<std::uint32_t>& stances, const std::vector<std::uint32_t>& figures) {
        // Each (voice, place) in date order: a stance finds the nearest figure of each in a
        // binary search, not by reading the window.
        std::map<std::pair<std::uint32_t, std::uint32_t>, Group> by_key;  // (voice, place)
        for (std::size_t i = 0; i < figures.size(); ++i) {
            const ClaimFacts& f = ix_[figures[i]];
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
            const ClaimFacts& s = ix_[sn];
            nearest.clear();
            for (const Group& group : groups) {
                if (group.voice == s.voice) continue;
                auto hit = nearest_in(s, group);
                if (!hit) continue;
                if (!ix_.compatible(s.place, group.place)) {
                    explain(ix_[figures[std::get<2>(*hit)]], s, "not compared: the denial is about another place");
                    continue;
                }
                auto it =
                    std::find_if(nearest.begin(), nearest.end(), [&](const auto& v) { return v.first == group.voice; });
                if (it == nearest.end())
                    nearest.emplace_back(group.voice, *hit);
                else if (*hit < it->second)
                    it->second = *hit;
            }
            // In the order of the voices' names.
            std::sort(nearest.begin(), nearest.end(),
                      [&](const auto& a, const auto& b) { return ix_.name(a.first) < ix_.name(b.first); });
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

    // Reports a denial unless it restates one: the same voice denying, the same way, a figure of
    // the same voice that agrees with one it denied within the window. Stances come in date order.
    void denial(std::uint32_t fn, std::uint32_t sn, int gap) {
        const ClaimFacts &f = ix_[fn], &s = ix_[sn];
        auto& reported = denied_[{s.voice, s.stance, f.voice}];
        std::erase_if(reported, [&](const auto& r) {
            return std::max(ix_[r.first].last, ix_[r.second].last) + opt_.window_days < s.first;
        });
        for (const auto& [stance, figure] : reported)
            if (disagreement(ix_[figure], f, opt_.tolerance) == 0) return explain(f, s, "the same denial, restated");
        reported.emplace_back(sn, fn);
        explain(f, s, fmt::format("conflict: {} vs {}", ix_.value_text(f), ix_.value_text(s)));
        out_.conflicts.push_back({ConflictKind::Denial,
                                  {fn, sn},
                                  1.0,
                                  gap,
                                  fmt::format("{} says {}; {} {} ({} days apart)", ix_.name(f.voice), ix_.value_text(f),
                                              ix_.name(s.voice), ix_.value_text(s), gap),
                                  ix_.topic_of(f)});
    }

    void explain(const ClaimFacts& a, const ClaimFacts& b, std::string_view why) { ix_.explain(out_, a, b, why); }

    const FactIndex& ix_;
    const ConflictOptions& opt_;
    Findings& out_;
    // Per (denying voice, stance, voice denied), the (stance, figure) pairs reported within the window.
    std::map<std::tuple<std::uint32_t, int, std::uint32_t>, std::vector<std::pair<std::uint32_t, std::uint32_t>>>
        denied_;
};

}  // namespace

void find_denials(const FactIndex& index, const ConflictOptions& opt, Findings& out) { Matcher(index, opt, out).run(); }

}  // namespace nkclaims
