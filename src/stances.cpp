#include "nkclaims/stances.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace nkclaims {

std::vector<Claim> StanceRules::stances(const std::vector<Claim>& figures) {
    std::vector<Claim> out;
    std::set<Stance> seen;
    bool topic_checked = false;
    const Gazetteer& g = c_.g;
    const FieldRules& f = x_.fields;
    for (std::size_t i = c_.begin; i < c_.end; ++i) {
        auto m = g.stances.match(c_.t, i, c_.end);
        if (!m) continue;
        if (!topic_checked) {  // most sentences have no stance cue: check the topic only then
            if (!about_deployment()) return out;
            topic_checked = true;
        }
        const Stance st = *m->value;
        const std::size_t last = i + m->length;
        // A confirmation beside a figure is the figure's own attribution, not a stance.
        if ((st == Stance::Confirms && figure_in_clause(figures, i)) || seen.contains(st)) {
            i = last - 1;
            continue;
        }
        seen.insert(st);
        Claim c = base_claim(x_, ClaimKind::Stance, {c_.t[i].span.begin, c_.t[last - 1].span.end});
        c.stance = st;
        c.rule = fmt::format("{}:{}", to_string(RuleId::Stance), c_.join_norm(i, last));
        f.note(c, [&] { return fmt::format("stance {} from '{}'", to_string(st), c.as_written); });
        attribute(x_, c, i, true, unattributed_);
        if (auto speaker = x_.who.stance_speaker(i)) {
            c.source = speaker->source;
            c.via = speaker->via;
            f.note(c, [&] { return fmt::format("source {} from {}", c.source, speaker->why); });
        }
        f.date(c, i, last);
        c.location = f.place_after(last, Lead::AnyWord).value_or("");
        out.push_back(std::move(c));
        i = last - 1;
    }
    return out;
}

bool StanceRules::figure_in_clause(const std::vector<Claim>& figures, std::size_t at) const {
    for (const Claim& fig : figures) {
        std::size_t k = at;
        while (k < c_.end && c_.t[k].span.begin < fig.span.begin) ++k;
        std::size_t j = at;
        while (j > c_.begin && c_.t[j].span.begin > fig.span.begin) --j;
        if (!c_.crosses(std::min(j, at), std::max(k, at), Boundary::Hard)) return true;
    }
    return false;
}

bool StanceRules::about_deployment() const {
    for (std::size_t i = c_.begin; i < c_.end; ++i)
        if (c_.g.stance_topics.match(c_.t, i, c_.end)) return true;
    return false;
}

}  // namespace nkclaims
