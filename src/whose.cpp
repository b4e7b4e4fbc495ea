#include "nkclaims/whose.hpp"

namespace nkclaims {

std::string WhoseRules::actor(const Quantity& q, const NounPhrase& np, Claim& c) const {
    const FieldRules& f = x_.fields;
    const Gazetteer& g = c_.g;
    if (np.own) {  // "Russia is massing 110,000 of its own troops"
        if (auto a = own_subject(q, c)) return *a;
    }
    if (np.side != Side::None) {  // "20,000 of our troops", "our servicemen, some 30,000 of them"
        if (auto a = side(np.side, c)) return *a;
    }
    if (!np.actor.empty()) return np.actor;
    if (auto a = possessed(q, c)) return *a;
    if (auto a = loser(q, np, c)) return *a;
    if (np.metric && is_loss(*np.metric) && np.person && !c.location.empty()) {
        const std::string country = g.country_of(c.location);
        f.note(c, [&] { return Reason{Because::ActorPlaceOfLoss, country, {}, c.location}; });
        return country;
    }
    const std::string& fallback = np.person && np.metric && is_loss(*np.metric) ? g.people_lost_actor : g.focus_actor;
    f.note(c, [&] { return Reason{Because::ActorDefault, fallback, {}, {}}; });
    return fallback;
}

// "our" is the side of the claim's source, "the enemy" the side it fights: none for a source
// data/sides.tsv does not list.
std::optional<std::string> WhoseRules::side(Side s, Claim& c) const {
    const auto it = c_.g.sides.find(c.source);
    if (it == c_.g.sides.end()) return std::nullopt;
    const std::string& a = s == Side::Ours ? it->second.ours : it->second.enemy;
    if (a.empty()) return std::nullopt;
    x_.fields.note(c, [&] {
        return Reason{Because::ActorSide, a, std::string(name_of(s == Side::Ours ? WordClass::Ours : WordClass::Enemy)),
                      c.source};
    });
    return a;
}

// "its own": the first country of the clause that does not name who speaks ("Ukraine said
// Russia has sent 50,000 of its troops" is Russia's).
std::optional<std::string> WhoseRules::own_subject(const Quantity& q, Claim& c) const {
    for (std::size_t i = c_.begin; i < q.first; ++i) {
        if (x_.who.names_source(i)) continue;
        if (auto a = c_.g.actors.match(c_.t, i, q.first)) {
            x_.fields.note(c, [&] { return Reason{Because::ActorOwn, *a->value, std::string(c_.t[i].text), {}}; });
            return *a->value;
        }
    }
    return std::nullopt;
}

// "Russia's 50,000", "our 20,000 troops": a possessive right before the number.
std::optional<std::string> WhoseRules::possessed(const Quantity& q, Claim& c) const {
    auto owner = counted_.possessor(q.first);
    if (!owner) return std::nullopt;
    if (owner->side != Side::None) return side(owner->side, c);
    for (Reason& r : owner->why) x_.fields.note(c, std::move(r));
    return owner->actor;
}

// "Ukraine has lost more than 29,600 servicemen", "Russian troops suffered 1,200 casualties",
// "the enemy lost 300": who loses is the nearest subject before the verb of losing.
std::optional<std::string> WhoseRules::loser(const Quantity& q, const NounPhrase& np, Claim& c) const {
    const auto found = loss_verb(q, np, kMaxListed);
    if (!found) return std::nullopt;
    const std::size_t verb = *found;
    for (std::size_t i = verb; i > c_.begin && !c_.hard(i - 1); --i) {
        if (const Side s = counted_.side_at(i - 1); s != Side::None) return side(s, c);
        if (auto a = c_.g.actors.match(c_.t, i - 1, verb)) {
            x_.fields.note(c, [&] { return Reason{Because::ActorLoser, *a->value, {}, {}}; });
            return *a->value;
        }
    }
    return std::nullopt;
}

// Where the verb of losing the figure `q` is: right before it ("lost 300", "suffered 1,200
// casualties"), or before a figure of the same list ("lost 29,600 servicemen and 184 tanks",
// "lost 1,200 troops, 10 tanks and 30 guns"), at most `depth` figures back.
std::optional<std::size_t> WhoseRules::loss_verb(const Quantity& q, const NounPhrase& np, int depth) const {
    constexpr std::size_t kListGap = 4;  // "30 artillery systems and": a listed figure's number, noun and joiner
    if (auto lost = counted_.loss_before(q); lost && *lost->value == Metric::Casualties) return q.first - lost->length;
    if (np.metric && is_loss(*np.metric) && c_.is(q.first - 1, WordClass::Loser)) return q.first - 1;
    // A comma joins list items only inside a list: one goes on after this figure's noun
    // ("lost 500 men, 3,000 soldiers arrived" is no list).
    const bool goes_on = (c_.is(np.end, WordClass::Coordinator) || c_.punct(np.end, ",")) && c_.has(np.end + 1) &&
                         c_.t[np.end + 1].kind == TokenKind::Number;
    const bool joined = c_.is(q.first - 1, WordClass::Coordinator) || (c_.punct(q.first - 1, ",") && goes_on);
    if (depth == 0 || !joined) return std::nullopt;
    for (std::size_t i = q.first - 1; i > c_.begin && q.first - i < kListGap && !c_.hard(i - 1); --i) {
        if (c_.t[i - 1].kind != TokenKind::Number || c_.in_date(i - 1)) continue;
        std::optional<Quantity> before;  // the widest quantity of that number: "more than 29,600"
        for (std::size_t s = i; s > c_.begin && i - s < 4; --s)
            if (auto p = parse_quantity(c_.t, s - 1, c_.end); p && p->num_first == i - 1) before = p;
        NounPhrase listed;  // that figure goes on to this one
        listed.end = q.first - 1;
        return before ? loss_verb(*before, listed, depth - 1) : std::nullopt;
    }
    return std::nullopt;
}

}  // namespace nkclaims
