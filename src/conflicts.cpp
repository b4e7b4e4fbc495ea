#include "nkclaims/conflicts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <numeric>
#include <set>
#include <stdexcept>
#include <tuple>

#include "nkclaims/claim_facts.hpp"
#include "nkclaims/denials.hpp"
#include "nkclaims/disagreements.hpp"

namespace nkclaims {

std::string_view to_string(ConflictKind k) {
    switch (k) {
        case ConflictKind::Disagreement:
            return "disagreement";
        case ConflictKind::LowerLater:
            return "lower_later";
        case ConflictKind::Denial:
            return "denial";
        case ConflictKind::BelowPart:
            return "casualties_below_part";
    }
    return "";
}

std::string topic_of(const Claim& c) {
    if (c.kind == ClaimKind::Stance) return "stance";
    const bool loss = c.metric && is_loss(*c.metric);  // their phase is not compared
    return fmt::format("{} {} {}", c.actor, c.metric ? to_string(*c.metric) : "-",
                       c.phase && !loss ? to_string(*c.phase) : "-");
}

namespace {

// What a side of a conflict is, as compared: an assessment's facts, or a stance's own.
const ClaimFacts& side(const FactIndex& ix, std::uint32_t n) {
    const std::uint32_t a = ix.assessment_of(n);
    return a == FactIndex::kNone ? ix[n] : ix.assessed(a);
}

// How exactly a side is known, 0 to 1: a firm stance or one number 1, a range less, an open
// bound or a hedge less again, a vague word ("thousands") least.
double exactness(const ClaimFacts& c) {
    if (c.kind == ClaimKind::Stance) return 1;
    double e = !c.has_low || !c.has_high ? 0.5 : c.low == c.high ? 1 : 0.8;
    if (c.written) e *= 0.5;
    return c.approx ? e * 0.8 : e;
}

// The rank of docs/conflicts.md: named sources on both sides, exact values, the same place,
// close in time, a large relative gap.
double rank_of(const FactIndex& ix, const Findings::Pair& p) {
    const ClaimFacts &a = side(ix, p.claims[0]), &b = side(ix, p.claims[1]);
    const double named = (ix.named(a.source) + ix.named(b.source)) / 2.0;
    const double exact = (exactness(a) + exactness(b)) / 2;
    const double place = a.place && b.place ? (a.place == b.place ? 1 : 0.7) : a.place || b.place ? 0.5 : 0.3;
    const double time = 1 / (1 + p.gap_days / 14.0);
    const double gap = std::min(1.0, p.severity);
    return std::round((30 * named + 20 * exact + 10 * place + 20 * time + 20 * gap) * 10) / 10;
}

// The most deserving first; ties by kind, topic and text order, so the same database always
// gives the same list.
void order(const FactIndex& ix, std::vector<Findings::Pair>& conflicts, std::vector<double>& ranks) {
    using Position = std::array<std::pair<std::uint32_t, std::size_t>, 2>;  // (document rank, at)
    std::vector<Position> pos;
    std::vector<double> rank;
    for (const auto& c : conflicts) {
        const ClaimFacts &a = ix[c.claims[0]], &b = ix[c.claims[1]];
        pos.push_back({{{ix.rank(a.doc), a.at}, {ix.rank(b.doc), b.at}}});
        rank.push_back(rank_of(ix, c));
    }
    std::vector<std::size_t> idx(conflicts.size());
    std::iota(idx.begin(), idx.end(), 0);
    std::stable_sort(idx.begin(), idx.end(), [&](std::size_t x, std::size_t y) {
        const Findings::Pair &a = conflicts[x], &b = conflicts[y];
        if (rank[x] != rank[y]) return rank[x] > rank[y];
        if (a.kind != b.kind) return a.kind < b.kind;
        if (a.topic != b.topic) return a.topic < b.topic;
        return pos[x] < pos[y];
    });
    std::vector<Findings::Pair> sorted;
    sorted.reserve(idx.size());
    ranks.clear();
    for (std::size_t i : idx) sorted.push_back(std::move(conflicts[i])), ranks.push_back(rank[i]);
    conflicts = std::move(sorted);
}

// The mention that shows one side of a conflict (an assessment's relays, `own`) against the
// other side (`other`, the other side's mentions): one whose document also holds the other side,
// where a document says both; else the origin's own words before an outlet's; then the most
// exactly dated (the report of the day before a recollection of "in April"); then the nearest in
// the time it counts up to ("killed by mid-January": mid-January) to the other side, or against a
// denial the earliest (a denial answers the reports made before it, and is often dated by the
// article that recalls it, not when it was made); then the first in order. The analyst reads the
// two claims that best show the disagreement, not the first of many reports.
std::uint32_t shown(const FactIndex& ix, const std::vector<std::uint32_t>& own, const std::vector<std::uint32_t>& other,
                    const ClaimFacts& against, ConflictKind kind) {
    std::vector<std::uint32_t> docs;
    for (std::uint32_t n : other) docs.push_back(ix[n].doc);
    std::sort(docs.begin(), docs.end());
    auto key = [&](std::uint32_t n) {
        const ClaimFacts& c = ix[n];
        const bool denial = kind == ConflictKind::Denial;
        return std::tuple{!std::binary_search(docs.begin(), docs.end(), c.doc), ix.outlet(c.source),
                          denial ? 0 : c.last - c.first, denial ? c.first : as_of_gap_days(c, against)};
    };
    std::uint32_t best = own.front();  // `own` is in order: the first wins a tie
    for (std::uint32_t n : own)
        if (key(n) < key(best)) best = n;
    return best;
}

// Each side of each conflict shown by its mention that best shows the disagreement (shown()).
void show_sides(const FactIndex& ix, std::vector<Findings::Pair>& conflicts) {
    auto mentions = [&](std::uint32_t n) {
        const std::uint32_t a = ix.assessment_of(n);
        return a == FactIndex::kNone ? std::vector{n} : ix.relays(a);
    };
    for (auto& c : conflicts) {
        const auto first = mentions(c.claims[0]), second = mentions(c.claims[1]);
        if (second.size() > 1) c.claims[1] = shown(ix, second, first, side(ix, c.claims[0]), c.kind);
        if (first.size() > 1) c.claims[0] = shown(ix, first, {c.claims[1]}, ix[c.claims[1]], c.kind);
    }
}

// What one search found, with what resolving it needs of the index.
struct Search {
    Findings found;
    std::vector<double> ranks;                       // by conflict
    std::vector<std::vector<std::uint32_t>> relays;  // by conflict, side after side
    std::vector<std::size_t> reports;                // by conflict, side after side
};

// The one search every caller reaches: the index, the sweep, the denials, the rank.
Search search(const ConflictInput& in, const Gazetteer& g, const ConflictOptions& opt, Explain explain) {
    const FactIndex index(in, g, opt, explain);
    Search s;
    find_disagreements(index, opt, s.found);
    find_denials(index, opt, s.found);
    show_sides(index, s.found.conflicts);
    order(index, s.found.conflicts, s.ranks);
    for (const auto& c : s.found.conflicts)
        for (std::uint32_t n : c.claims) {
            const std::uint32_t a = index.assessment_of(n);
            std::vector<std::uint32_t> r = a == FactIndex::kNone ? std::vector{n} : index.relays(a);
            s.reports.push_back(r.size());
            // The claim shown first, then the others in order, as many as are shown.
            std::erase(r, n);
            r.insert(r.begin(), n);
            if (r.size() > kShownRelays) r.resize(kShownRelays);
            s.relays.push_back(std::move(r));
        }
    return s;
}

// "why", then each claim: its voice, date and quote.
template <typename ClaimOf>
std::string explanation(const Findings::Why& w, ClaimOf claim) {
    std::string out = w.why;
    for (const Claim* c : {claim(w.a), claim(w.b)})
        out += fmt::format("\n    {} ({}, {}): \"{}\"", voice_of(*c), c->date ? c->date->iso() : "-", c->doc, c->quote);
    return out;
}

// The report, with claim numbers turned into the claims `claim` gives.
template <typename ClaimOf>
ConflictReport resolve(Search&& s, const std::vector<std::string>& names, ClaimOf claim) {
    auto claims = [&](const auto& numbers) {
        std::vector<const Claim*> out;
        out.reserve(numbers.size());
        for (std::uint32_t n : numbers) out.push_back(claim(n));
        return out;
    };
    Findings& found = s.found;
    ConflictReport r;
    r.conflicts.reserve(found.conflicts.size());
    for (std::size_t i = 0; i < found.conflicts.size(); ++i) {
        auto& c = found.conflicts[i];
        Conflict k{
            c.kind, claims(c.claims), c.severity, c.gap_days, std::move(c.reason), std::move(c.topic), s.ranks[i], {},
            {},     std::nullopt};
        for (std::size_t side = 0; side < 2; ++side) {
            k.relays.push_back(claims(s.relays[2 * i + side]));
            k.reports.push_back(s.reports[2 * i + side]);
        }
        r.conflicts.push_back(std::move(k));
    }
    for (auto& c : found.corroborations) r.corroborations.push_back({claims(c.claims), c.count});
    for (auto& rv : found.revisions) r.revisions.push_back({names[rv.source], claims(rv.claims)});
    for (const auto& w : found.explanations) r.explanations.push_back(explanation(w, claim));
    return r;
}

// Every claim number the report points at, once, ascending.
std::vector<std::uint32_t> numbers_shown(const Search& s) {
    std::vector<std::uint32_t> out;
    for (const auto& list : s.relays) out.insert(out.end(), list.begin(), list.end());
    for (const auto& c : s.found.corroborations) out.insert(out.end(), c.claims.begin(), c.claims.end());
    for (const auto& rv : s.found.revisions) out.insert(out.end(), rv.claims.begin(), rv.claims.end());
    for (const auto& w : s.found.explanations) out.insert(out.end(), {w.a, w.b});
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Keeps what some claim (a side or a relay) of satisfies `keep`.
template <typename Keep>
void keep_if(ConflictReport& r, Keep keep) {
    auto any = [&](const std::vector<const Claim*>& list) { return std::any_of(list.begin(), list.end(), keep); };
    std::erase_if(r.conflicts, [&](const Conflict& c) {
        return !any(c.claims) && std::none_of(c.relays.begin(), c.relays.end(), any);
    });
    std::erase_if(r.corroborations, [&](const Corroboration& c) { return !any(c.claims); });
    std::erase_if(r.revisions, [&](const Revision& rv) { return !any(rv.claims); });
}

// A conflict's identity across runs: its claims by document and position, sorted.
std::string conflict_key(std::vector<std::pair<std::string, std::size_t>> claims) {
    std::sort(claims.begin(), claims.end());
    std::string key;
    for (const auto& [doc, at] : claims) key += fmt::format("{}@{};", doc, at);
    return key;
}

}  // namespace

ConflictReport find_conflicts(const ConflictInput& in, const Gazetteer& g, const ConflictOptions& opt,
                              const ClaimReader& read, Explain explain) {
    Search s = search(in, g, opt, explain);
    const std::vector<std::uint32_t> shown = numbers_shown(s);
    std::vector<std::int64_t> ids;
    ids.reserve(shown.size());
    for (std::uint32_t n : shown) ids.push_back(in.facts()[n].id);
    auto held = std::make_shared<std::vector<Claim>>(read(ids));
    if (held->size() != ids.size()) throw std::logic_error("the claim reader did not return every claim asked for");
    ConflictReport r = resolve(std::move(s), in.names(), [&](std::uint32_t n) {
        return &(*held)[static_cast<std::size_t>(std::lower_bound(shown.begin(), shown.end(), n) - shown.begin())];
    });
    r.held = std::move(held);
    return r;
}

ConflictReport find_conflicts(const std::vector<Claim>& claims, const Gazetteer& g, const ConflictOptions& opt,
                              Explain explain) {
    ConflictInput in;
    for (const Claim& c : claims) in.add(c);
    return resolve(search(in, g, opt, explain), in.names(), [&](std::uint32_t n) { return &claims[n]; });
}

void keep_metric(ConflictReport& r, Metric m) {
    keep_if(r, [&](const Claim* c) {
        if (c->kind == ClaimKind::Figure) return c->metric == m;
        const bool about_losses = c->about == About::Combat || c->about == About::Casualties;
        return about_losses ? is_loss(m) : m == Metric::Troops;
    });
}

void keep_source(ConflictReport& r, std::string_view source) {
    const std::string id = lower(source);
    keep_if(r, [&](const Claim* c) { return c->source == id || c->via == id; });
}

void keep_document(ConflictReport& r, std::string_view doc) {
    keep_if(r, [&](const Claim* c) { return c->doc == doc; });
}

std::optional<std::size_t> mark_new_conflicts(std::vector<Conflict>& conflicts, std::istream& baseline) {
    std::set<std::string> known;
    try {
        const nlohmann::json saved = nlohmann::json::parse(baseline);  // kept alive for the loop
        for (const auto& c : saved.at("conflicts")) {
            std::vector<std::pair<std::string, std::size_t>> claims;
            for (const auto& cl : c.at("claims"))
                claims.emplace_back(cl.at("doc").get<std::string>(), cl.at("span").at(0).get<std::size_t>());
            known.insert(conflict_key(claims));
        }
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
    std::size_t fresh = 0;
    for (Conflict& c : conflicts) {
        std::vector<std::pair<std::string, std::size_t>> claims;
        for (const Claim* cl : c.claims) claims.emplace_back(cl->doc, cl->span.begin);
        c.fresh = !known.contains(conflict_key(claims));
        fresh += *c.fresh;
    }
    return fresh;
}

}  // namespace nkclaims
