#include "nkclaims/denials.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

namespace nkclaims {

namespace {

// One voice's figures (assessments' representatives) in order, by the day they start, with the
// latest end among those up to each: a stance finds those within the window by a binary search,
// and stops reading back where every earlier figure ended too early.
struct Voice {
    std::uint32_t voice;
    std::vector<std::uint32_t> figures;
    std::vector<std::int32_t> first, upto_last;
};

class Matcher {
public:
    Matcher(const FactIndex& index, const ConflictOptions& opt, Findings& out) : ix_(index), opt_(opt), out_(out) {}

    // Denials about the deployment (or a figure of it, or nothing said) meet the troop figures of
    // North Korea; denials about combat or casualties meet its losses. "Cannot confirm" and
    // confirmations contradict nothing.
    void run() {
        std::vector<std::uint32_t> stances[2], figures[2];  // [0] troops, [1] losses
        const auto focus = ix_.focus_actor();
        for (std::uint32_t n = 0; n < ix_.facts().size(); ++n) {
            const ClaimFacts& c = ix_[n];
            if (c.kind == ClaimKind::Stance && c.dated && is(c.stance, Stance::Denies))
                stances[is(c.about, About::Combat) || is(c.about, About::Casualties)].push_back(n);
        }
        for (std::uint32_t a = 0; a < ix_.assessments(); ++a) {
            const ClaimFacts& c = ix_.assessed(a);
            if (c.actor != focus) continue;
            // A denial of a buildup speaks of troops, not of deminers or builders.
            if ((is(c.phase, Phase::Planned) || is(c.phase, Phase::Deployed)) && is(c.metric, Metric::Troops))
                figures[0].push_back(ix_.representative(a));
            else if (loss(c))
                figures[1].push_back(ix_.representative(a));
        }
        for (int k = 0; k < 2; ++k)
            if (!stances[k].empty() && !figures[k].empty()) match(ix_.sorted(stances[k]), ix_.sorted(figures[k]));
    }

private:
    // A denial against every assessment of another voice within the window and a compatible
    // place: assessments, not mentions, so a figure relayed ten times is denied once.
    void match(const std::vector<std::uint32_t>& stances, const std::vector<std::uint32_t>& figures) {
        std::map<std::uint32_t, Voice> by_voice;
        for (std::uint32_t n : figures) {
            const ClaimFacts& f = fact(n);
            Voice& v = by_voice[f.voice];
            v.voice = f.voice;
            v.figures.push_back(n);
            v.first.push_back(f.first);
            v.upto_last.push_back(v.upto_last.empty() ? f.last : std::max(v.upto_last.back(), f.last));
        }
        std::vector<std::uint32_t> hits;
        for (std::uint32_t sn : stances) {
            const ClaimFacts& s = ix_[sn];
            // Voices in the order of their names, then each voice's figures in order.
            std::vector<const Voice*> voices;
            for (const auto& [number, v] : by_voice)
                if (number != s.source) voices.push_back(&v);
            std::sort(voices.begin(), voices.end(),
                      [&](const Voice* a, const Voice* b) { return ix_.name(a->voice) < ix_.name(b->voice); });
            for (const Voice* v : voices) {
                hits.clear();
                const auto end = std::upper_bound(v->first.begin(), v->first.end(), s.last + opt_.window_days);
                for (auto i = static_cast<std::size_t>(end - v->first.begin()); i-- > 0;) {
                    if (v->upto_last[i] + opt_.window_days < s.first) break;
                    const ClaimFacts& f = fact(v->figures[i]);
                    if (gap_days(f, s) > opt_.window_days) continue;
                    if (!ix_.compatible(f, s)) {
                        explain(v->figures[i], sn, "not compared: the denial is about another place");
                        continue;
                    }
                    // "Not in Ukraine" says nothing of a figure that names no place: troops are
                    // counted where they were sent, which the denial does not deny.
                    if (s.place != 0 && f.place == 0) {
                        explain(v->figures[i], sn,
                                "not compared: the denial is about a place the figure does not name");
                        continue;
                    }
                    hits.push_back(v->figures[i]);
                }
                // A stance whose subject the text leaves unsaid meets each voice's nearest figure only.
                if (s.about < 0 && !hits.empty()) hits = {nearest(hits, s)};
                for (auto it = hits.rbegin(); it != hits.rend(); ++it) denial(*it, sn, gap_days(fact(*it), s));
            }
        }
    }

    // The figure nearest to stance s in time: the smallest gap, then the one ending later, then
    // the first in order.
    std::uint32_t nearest(const std::vector<std::uint32_t>& hits, const ClaimFacts& s) const {
        auto key = [&](std::uint32_t n) { return std::pair{gap_days(fact(n), s), -std::int64_t{fact(n).last}}; };
        std::uint32_t best = hits.back();  // hits run from the last in order to the first
        for (std::uint32_t n : hits)
            if (key(n) <= key(best)) best = n;
        return best;
    }

    // Reports a denial unless it restates one: the same voice denying again, the same way, a
    // figure of the same voice that agrees with one an earlier stance of it denied within the
    // window. Stances come in date order.
    void denial(std::uint32_t fn, std::uint32_t sn, int gap) {
        const ClaimFacts &f = fact(fn), &s = ix_[sn];
        auto& reported = denied_[{s.source, s.stance, f.voice}];
        std::erase_if(reported, [&](const auto& r) {
            return std::max(ix_[r.first].last, fact(r.second).last) + opt_.window_days < s.first;
        });
        for (const auto& [stance, figure] : reported)
            if (stance != sn && disagreement(fact(figure), f, opt_.tolerance) == 0)
                return explain(fn, sn, "the same denial, restated");
        reported.emplace_back(sn, fn);
        explain(fn, sn, fmt::format("conflict: {} vs {}", ix_.value_text(f), ix_.value_text(s)));
        out_.conflicts.push_back({ConflictKind::Denial,
                                  {fn, sn},
                                  1.0,
                                  gap,
                                  fmt::format("{} says {}; {} {} ({} days apart)", ix_.name(f.voice), ix_.value_text(f),
                                              ix_.name(s.source), ix_.value_text(s), gap),
                                  ix_.topic_of(f)});
    }

    // What is compared of a figure (a representative): its assessment's facts.
    const ClaimFacts& fact(std::uint32_t n) const { return ix_.assessed(ix_.assessment_of(n)); }

    void explain(std::uint32_t a, std::uint32_t b, std::string_view why) { ix_.explain(out_, a, b, why); }

    const FactIndex& ix_;
    const ConflictOptions& opt_;
    Findings& out_;
    // Per (denying source, stance, voice denied), the (stance, figure) pairs reported within the window.
    std::map<std::tuple<std::uint32_t, int, std::uint32_t>, std::vector<std::pair<std::uint32_t, std::uint32_t>>>
        denied_;
};

}  // namespace

void find_denials(const FactIndex& index, const ConflictOptions& opt, Findings& out) { Matcher(index, opt, out).run(); }

}  // namespace nkclaims
