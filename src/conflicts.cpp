#include "nkclaims/conflicts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <stdexcept>

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
    }
    return "";
}

std::string topic_of(const Claim& c) {
    if (c.kind == ClaimKind::Stance) return "stance";
    return fmt::format("{} {} {}", c.actor, c.metric ? to_string(*c.metric) : "-", c.phase ? to_string(*c.phase) : "-");
}

namespace {

// Grouped by what is disputed, the most serious first; ties in text order, so the same
// database always gives the same list.
void order(const FactIndex& ix, std::vector<Findings::Pair>& conflicts) {
    using Position = std::array<std::pair<std::uint32_t, std::size_t>, 2>;  // (document rank, at)
    std::vector<Position> pos;
    pos.reserve(conflicts.size());
    for (const auto& c : conflicts) {
        const ClaimFacts &a = ix[c.claims[0]], &b = ix[c.claims[1]];
        pos.push_back({{{ix.rank(a.doc), a.at}, {ix.rank(b.doc), b.at}}});
    }
    std::vector<std::size_t> idx(conflicts.size());
    std::iota(idx.begin(), idx.end(), 0);
    std::stable_sort(idx.begin(), idx.end(), [&](std::size_t x, std::size_t y) {
        const Findings::Pair &a = conflicts[x], &b = conflicts[y];
        if (a.kind != b.kind) return a.kind < b.kind;
        if (a.topic != b.topic) return a.topic < b.topic;
        if (a.severity != b.severity) return a.severity > b.severity;
        return pos[x] < pos[y];
    });
    std::vector<Findings::Pair> sorted;
    sorted.reserve(idx.size());
    for (std::size_t i : idx) sorted.push_back(std::move(conflicts[i]));
    conflicts = std::move(sorted);
}

// The one search every caller reaches: the index, the sweep, the denials, in a fixed order.
Findings search(const ConflictInput& in, const Gazetteer& g, const ConflictOptions& opt, Explain explain) {
    const FactIndex index(in, g, explain);
    Findings found;
    find_disagreements(index, opt, found);
    find_denials(index, opt, found);
    order(index, found.conflicts);
    return found;
}

// The report, with claim numbers turned into the claims `claim` gives.
template <typename ClaimOf>
ConflictReport resolve(Findings&& found, const std::vector<std::string>& names, ClaimOf claim) {
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
std::vector<std::uint32_t> numbers_shown(const Findings& found) {
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
    Findings found = search(in, g, opt, explain);
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

void keep_metric(ConflictReport& r, Metric m) {
    std::erase_if(r.conflicts, [&](const Conflict& c) { return c.claims.back()->metric != m; });
    std::erase_if(r.corroborations, [&](const Corroboration& c) { return c.claims.front()->metric != m; });
    std::erase_if(r.revisions, [&](const Revision& rv) { return rv.claims.front()->metric != m; });
}

ConflictReport find_conflicts(const std::vector<Claim>& claims, const Gazetteer& g, const ConflictOptions& opt,
                              Explain explain) {
    ConflictInput in;
    for (const Claim& c : claims) in.add(c);
    return resolve(search(in, g, opt, explain), in.names(), [&](std::uint32_t n) { return &claims[n]; });
}

}  // namespace nkclaims
