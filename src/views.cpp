#include "nkclaims/views.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace nkclaims {
namespace {

// What one source counts: assessments are runs within it.
using Thing = std::tuple<std::string, int, int, std::string>;  // actor, metric, phase, source

Thing thing_of(const Claim& c) {
    return {c.actor, c.metric ? static_cast<int>(*c.metric) : -1, c.phase ? static_cast<int>(*c.phase) : -1, c.source};
}

bool same_value(const Claim& a, const Claim& b) {
    return a.value.low == b.value.low && a.value.high == b.value.high && a.approx == b.approx &&
           a.increment == b.increment;
}

// Earlier first; the same day in document and position order, so that the same database
// always gives the same assessments.
bool earlier(const Claim* a, const Claim* b) {
    return std::tie(a->date->first, a->date->last, a->doc, a->span.begin) <
           std::tie(b->date->first, b->date->last, b->doc, b->span.begin);
}

std::map<Thing, std::vector<Estimate>> grouped(const std::vector<Claim>& claims, std::optional<Day> as_of) {
    std::map<Thing, std::vector<const Claim*>> by_thing;
    for (const Claim& c : claims)
        if (c.kind == ClaimKind::Figure && !c.hypothetical && c.metric && c.date && !c.source.empty() &&
            (!as_of || c.date->first <= *as_of))
            by_thing[thing_of(c)].push_back(&c);
    std::map<Thing, std::vector<Estimate>> out;
    for (auto& [thing, list] : by_thing) {
        std::stable_sort(list.begin(), list.end(), earlier);
        auto& runs = out[thing];
        for (const Claim* c : list) {
            if (runs.empty() || !same_value(runs.back().first(), *c)) runs.push_back({});
            runs.back().claims.push_back(c);
        }
    }
    return out;
}

void by_date(std::vector<Estimate>& list) {
    std::stable_sort(list.begin(), list.end(), [](const Estimate& a, const Estimate& b) {
        if (earlier(&a.first(), &b.first())) return true;
        if (earlier(&b.first(), &a.first())) return false;
        return thing_of(a.first()) < thing_of(b.first());
    });
}

}  // namespace

std::vector<std::string> relays_of(const Estimate& a) {
    std::vector<std::string> vias;
    for (const Claim* c : a.claims)
        if (!c->via.empty() && std::find(vias.begin(), vias.end(), c->via) == vias.end()) vias.push_back(c->via);
    return vias;
}

std::vector<Estimate> group_assessments(const std::vector<Claim>& claims) {
    std::vector<Estimate> all;
    for (auto& [thing, runs] : grouped(claims, std::nullopt))
        for (auto& a : runs) all.push_back(std::move(a));
    by_date(all);
    return all;
}

std::vector<Estimate> latest_assessments(const std::vector<Claim>& claims, std::optional<Day> as_of) {
    std::vector<Estimate> latest;
    for (auto& [thing, runs] : grouped(claims, as_of)) latest.push_back(std::move(runs.back()));
    return latest;
}

std::vector<Estimate> timeline_assessments(const std::vector<Claim>& claims) { return group_assessments(claims); }

}  // namespace nkclaims
