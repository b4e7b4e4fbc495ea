#include "nkclaims/claim_facts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "nkclaims/memory.hpp"

namespace nkclaims {

namespace {

template <typename E>
std::int8_t enum_or_none(const std::optional<E>& e) {
    return e ? static_cast<std::int8_t>(*e) : std::int8_t{-1};
}

std::int32_t day_number(Day d) { return static_cast<std::int32_t>(d.time_since_epoch().count()); }

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
    f.high = c.value.high.value_or(kUnbounded);
    f.dated = c.date.has_value();
    if (c.date) {
        f.first = day_number(c.date->first);
        f.last = day_number(c.date->last);
    }
    f.event_dated = c.event_date.has_value();
    if (c.event_date) {
        f.event_first = day_number(c.event_date->first);
        f.event_last = day_number(c.event_date->last);
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
    f.about = enum_or_none(c.about);
    f.approx = c.approx;
    f.increment = c.increment;
    f.hypothetical = c.hypothetical;
    facts_.push_back(f);
}

Interval interval(const ClaimFacts& c, double tolerance) {
    double lo = c.low, hi = c.high;
    if (c.approx) {
        lo *= 1 - tolerance;
        if (hi != kUnbounded) hi *= 1 + tolerance;
    }
    return {lo, hi};
}

double disagreement(const Interval& x, const Interval& y) {
    if (x.low <= y.high && y.low <= x.high) return 0;
    const double gap = x.high < y.low ? y.low - x.high : x.low - y.high;
    const double scale =
        std::max({x.low, y.low, x.high == kUnbounded ? 0 : x.high, y.high == kUnbounded ? 0 : y.high, 1.0});
    return gap / scale;
}

double disagreement(const ClaimFacts& a, const ClaimFacts& b, double tolerance) {
    return disagreement(interval(a, tolerance), interval(b, tolerance));
}

namespace {
// Days between two spans of days [a_first, a_last] and [b_first, b_last]; 0 when they overlap.
int days_apart(std::int32_t a_first, std::int32_t a_last, std::int32_t b_first, std::int32_t b_last) {
    if (a_first <= b_last && b_first <= a_last) return 0;
    return b_first > a_last ? b_first - a_last : a_first - b_last;
}
std::int32_t as_of_last(const ClaimFacts& c) { return c.event_dated ? c.event_last : c.last; }
}  // namespace

int gap_days(const ClaimFacts& a, const ClaimFacts& b) { return days_apart(a.first, a.last, b.first, b.last); }

int compared_gap_days(const ClaimFacts& a, const ClaimFacts& b) {
    if (!a.event_dated || !b.event_dated) return gap_days(a, b);
    return days_apart(a.event_first, a.event_last, b.event_first, b.event_last);
}

std::int32_t as_of_first(const ClaimFacts& c) { return c.event_dated ? c.event_first : c.first; }

int as_of_gap_days(const ClaimFacts& a, const ClaimFacts& b) {
    return days_apart(as_of_first(a), as_of_last(a), as_of_first(b), as_of_last(b));
}

bool loss(const ClaimFacts& c) { return c.metric >= 0 && is_loss(static_cast<Metric>(c.metric)); }

bool cumulative(const ClaimFacts& c) {
    return loss(c) || is(c.phase, Phase::Supplied) ||
           (is(c.phase, Phase::Deployed) && (is(c.metric, Metric::Troops) || is(c.metric, Metric::Personnel)));
}

std::int8_t compared_phase(const ClaimFacts& c) { return loss(c) ? std::int8_t{-1} : c.phase; }

FactIndex::FactIndex(const ConflictInput& in, const Gazetteer& g, const ConflictOptions& opt, Explain e)
    : facts_(in.facts()), names_(in.names()), place_names_(in.places()), explain_(e == Explain::Yes) {
    focus_actor_ = find_name(g.focus_actor);
    // Each document name's rank among them, for Order.
    std::vector<std::uint32_t> docs;
    std::vector<bool> seen(names_.size(), false);
    for (const ClaimFacts& c : facts_)
        if (!seen[c.doc]) seen[c.doc] = true, docs.push_back(c.doc);
    std::sort(docs.begin(), docs.end(), [&](auto a, auto b) { return names_[a] < names_[b]; });
    rank_.assign(names_.size(), 0);
    for (std::uint32_t r = 0; r < docs.size(); ++r) rank_[docs[r]] = r;
    // Which places lie within one another, once for every pair of places the claims name.
    places_ = place_names_.size();
    compatible_.assign(places_ * places_, 0);
    for (std::size_t x = 0; x < places_; ++x)
        for (std::size_t y = 0; y < places_; ++y) {
            const std::string &a = place_names_[x], &b = place_names_[y];
            compatible_[x * places_ + y] = a.empty() || b.empty() || g.place_within(a, b) || g.place_within(b, a);
        }
    assess(g, opt);
}

void FactIndex::assess(const Gazetteer& g, const ConflictOptions& opt) {
    // What the gazetteer says of each source, asked once per source.
    std::vector<std::uint8_t>& outlet = outlet_;
    outlet.assign(names_.size(), 2);  // 2: not asked yet
    named_.assign(names_.size(), 0);
    std::vector<std::uint32_t> figures;
    std::vector<Mention> mentions;
    for (std::uint32_t n = 0; n < facts_.size(); ++n) {
        const ClaimFacts& f = facts_[n];
        if (outlet[f.source] == 2) {
            outlet[f.source] = g.is_outlet(names_[f.source]);
            named_[f.source] = g.is_named(names_[f.source]);
        }
        if (f.kind != ClaimKind::Figure || !f.dated || f.metric < 0 || f.hypothetical) continue;
        const std::uint32_t topic = f.actor << 8 | static_cast<std::uint32_t>(f.metric + 1) << 4 |
                                    static_cast<std::uint32_t>(compared_phase(f) + 1);
        mentions.push_back({f.source, topic, f.low, f.high, f.first, f.last, f.increment, outlet[f.source] == 1});
        figures.push_back(n);
    }
    const std::vector<std::uint32_t> group = group_mentions(mentions, {opt.window_days});
    const std::size_t count = group.empty() ? 0 : *std::max_element(group.begin(), group.end()) + std::size_t{1};
    assessment_.assign(facts_.size(), kNone);
    for (std::size_t i = 0; i < figures.size(); ++i) assessment_[figures[i]] = group[i];
    // The relays in order, assessment by assessment: a counting sort of the figures in order.
    const std::vector<std::uint32_t> in_order = sorted(figures);
    first_relay_.assign(count + 1, 0);
    for (std::uint32_t n : in_order) ++first_relay_[assessment_[n] + 1];
    std::partial_sum(first_relay_.begin(), first_relay_.end(), first_relay_.begin());
    std::vector<std::uint32_t> fill(first_relay_.begin(), first_relay_.end() - 1);
    relays_.resize(in_order.size());
    for (std::uint32_t n : in_order) relays_[fill[assessment_[n]]++] = n;
    rep_.resize(count);
    assessed_.resize(count);
    for (std::uint32_t a = 0; a < count; ++a) {
        const auto begin = relays_.begin() + first_relay_[a], end = relays_.begin() + first_relay_[a + 1];
        const auto own = std::find_if(begin, end, [&](std::uint32_t n) { return outlet[facts_[n].source] == 0; });
        rep_[a] = own == end ? *begin : *own;
        ClaimFacts f = facts_[rep_[a]];
        f.voice = f.source;  // the origin, whoever relays it
        f.summed = false;
        assessed_[a] = f;
    }
    sum_increments();
}

void FactIndex::sum_increments() {
    // Each source's assessments of one thing, in the order of their first mention (their number).
    const auto key = [](const ClaimFacts& f) {
        return std::uint64_t{f.voice} << 32 | (f.actor & 0xffffffu) << 8 |
               static_cast<std::uint32_t>(f.metric + 1) << 4 | static_cast<std::uint32_t>(compared_phase(f) + 1);
    };
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> histories;
    for (const ClaimFacts& f : assessed_)
        if (f.increment && cumulative(f)) histories.try_emplace(key(f));
    if (histories.empty()) return;
    for (std::uint32_t a = 0; a < assessed_.size(); ++a)
        if (auto it = histories.find(key(assessed_[a])); it != histories.end()) it->second.push_back(a);
    std::vector<Step> steps;
    for (const auto& [k, list] : histories) {
        steps.clear();
        for (std::uint32_t a : list) steps.push_back({assessed_[a].low, assessed_[a].high, assessed_[a].increment});
        const auto totals = running_totals(steps);
        for (std::size_t i = 0; i < list.size(); ++i) {
            ClaimFacts& f = assessed_[list[i]];
            if (!f.increment || !totals[i]) continue;
            f.low = totals[i]->low;
            f.high = totals[i]->high;
            f.has_low = f.has_low || f.low > 0;
            f.has_high = f.high != kUnbounded;
            f.increment = false;
            f.summed = true;
        }
    }
}

std::uint32_t FactIndex::find_name(std::string_view s) const {
    auto it = std::find(names_.begin(), names_.end(), s);
    return it == names_.end() ? std::numeric_limits<std::uint32_t>::max()
                              : static_cast<std::uint32_t>(it - names_.begin());
}

std::vector<std::uint32_t> FactIndex::sorted(const std::vector<std::uint32_t>& numbers) const {
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

std::string FactIndex::value_text(const ClaimFacts& c) const {
    if (c.kind == ClaimKind::Stance)
        return std::string(c.stance >= 0 ? to_string(static_cast<Stance>(c.stance)) : "stance");
    auto n = [](double v) { return fmt::format("{}", v); };
    if (c.approx && c.has_low && !c.has_high && c.written) return names_[c.written];  // "thousands"
    std::string s;
    if (c.has_low && c.has_high && c.low == c.high)
        s = n(c.low);
    else if (c.has_low && c.has_high)
        s = n(c.low) + "-" + n(c.high);
    else if (c.has_low)
        s = "at least " + n(c.low);
    else if (c.has_high)
        s = "up to " + n(c.high);
    return (c.summed ? "in all " : "") + std::string(c.approx ? "about " : "") + s;
}

std::string FactIndex::topic_of(const ClaimFacts& c) const {
    if (c.kind == ClaimKind::Stance) return "stance";
    const std::int8_t phase = compared_phase(c);
    return fmt::format("{} {} {}", names_[c.actor], c.metric >= 0 ? to_string(static_cast<Metric>(c.metric)) : "-",
                       phase >= 0 ? to_string(static_cast<Phase>(phase)) : "-");
}

void FactIndex::explain(Findings& out, std::uint32_t a, std::uint32_t b, std::string_view why) const {
    if (explain_) out.explanations.push_back({a, b, std::string(why)});
}

}  // namespace nkclaims
