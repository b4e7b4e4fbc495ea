// The central type of nkclaims: a Claim is one figure or stance, attributed, placed and dated,
// pointing back at its exact bytes in its source file. Every stage after the extractor (store,
// conflicts, reports) reads and writes Claims; its JSON form is the contract of CONTRACT.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nkclaims/dates.hpp"
#include "nkclaims/numbers.hpp"
#include "nkclaims/reasons.hpp"
#include "nkclaims/tokens.hpp"

namespace nkclaims {

enum class ClaimKind { Figure, Stance };

// What is counted (CONTRACT.md). `personnel` is a mixed group, never the sum of its parts.
// `killed`, `wounded` and `casualties` (killed or wounded together) are three quantities: each is
// compared with its own kind, and casualties can never be fewer than the killed or the wounded.
// New values go at the end: the store keeps names, but tests and benchmarks iterate in order.
enum class Metric {
    Troops,
    Engineers,
    Workers,
    Personnel,
    Casualties,
    Missiles,
    Shells,
    Strikes,
    Equipment,
    Killed,
    Wounded
};

// What happened to what is counted.
enum class Phase { Deployed, Planned, Total, Supplied, Destroyed };

enum class Stance { Denies, Unconfirmed, Confirms };

// What a stance is about (CONTRACT.md): that troops are there or being sent, that they fight,
// their casualties, or one particular figure. A stance conflicts only with figures it is about.
enum class About { Deployment, Combat, Casualties, Figure };

std::string_view to_string(ClaimKind k);
std::string_view to_string(Metric m);
std::string_view to_string(Phase p);
std::string_view to_string(Stance s);
std::string_view to_string(About a);
// Counts of people (troops, engineers, workers, a mixed group) and of materiel (missiles,
// shells, equipment); losses (killed, wounded, casualties) and strikes are neither.
bool is_people(Metric m);
bool is_materiel(Metric m);
// Killed, wounded or casualties: counts of losses, which only grow over time.
bool is_loss(Metric m);

std::optional<Metric> parse_metric(std::string_view s);
std::optional<Phase> parse_phase(std::string_view s);
// Every name parse_metric() and parse_phase() accept, in enum order, joined by ", " (help texts
// are made from them, so a new metric is never missing from --help).
std::string metric_names();
std::string phase_names();
std::optional<Stance> parse_stance(std::string_view s);
std::optional<About> parse_about(std::string_view s);
std::optional<ClaimKind> parse_kind(std::string_view s);

// Whether a stage also says why it decided what it did (extract --explain, conflicts --explain).
enum class Explain { No, Yes };

struct Claim {
    std::int64_t id = 0;  // the store's row id; 0 for a claim not (yet) stored
    ClaimKind kind = ClaimKind::Figure;
    std::string doc;  // the document's file name, as CONTRACT.md has it
    Span span;        // the number's own words (figure) or the stance's words
    std::string as_written;

    // Figures only.
    Value value;
    bool approx = false;
    bool increment = false;  // "another 2,000", "an additional 500": adds to what came before
    // A condition or supposition ("if he sent even 60,000", "could send up to 100,000"): kept
    // and shown, never compared as a claim.
    bool hypothetical = false;
    std::optional<Metric> metric;
    std::optional<Phase> phase;
    std::string actor;  // canonical id: north_korea, russia, ukraine

    // Stances only.
    std::optional<Stance> stance;
    std::optional<About> about;  // what the stance is about, when the text says

    std::string source;                   // canonical id of who asserts it
    std::string via;                      // the outlet that relays the source, or ""
    std::string location;                 // canonical place id, or ""
    std::optional<DateRange> date;        // when the source made the claim (none if the text never says)
    std::optional<DateRange> event_date;  // when the counted thing happened, if said
    std::string quote;                    // the sentence, with line breaks folded to spaces
    Span quote_span;
    RuleRef rule;                 // which rule produced it, for --explain and the store
    std::vector<Reason> reasons;  // why each field got its value (only under extract --explain)
};

// Who asserts a claim, as reports name it: "nis", or "ukraine_intel via cnn".
std::string voice_of(const Claim& c);

}  // namespace nkclaims
