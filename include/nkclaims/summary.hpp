// The summary a page opens with: for each headline quantity of North Korea's forces (troops
// deployed, troops planned, casualties...), the latest estimate of each originating source,
// the spread of those estimates in one sentence, and how many conflicts are open.
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "nkclaims/claim.hpp"
#include "nkclaims/store.hpp"
#include "nkclaims/wording.hpp"

namespace nkclaims {

// One quantity the summary follows, and how a sentence names it ("North Korean troops in Russia").
struct Headline {
    Metric metric;
    std::optional<Phase> phase;  // none: any phase
    std::string phrase;
};
// The headline quantities, in the order the summary shows them.
const std::vector<Headline>& headlines();

// Whether a claim is an estimate of `h` for `actor`: a dated figure of that metric and phase,
// a whole figure (not "another 1,500"), neither hypothetical nor out of range.
bool estimates(const Claim& c, const Headline& h, const std::string& actor);

// The latest of each source's figures: the newest date, then the later document and span. In
// the order of the sources' ids.
std::vector<const Claim*> latest_by_source(const std::vector<const Claim*>& figures);

// The spread of current estimates in one sentence: "Estimates of North Korean troops in Russia
// range from about 11,000 (Western officials, 22 January 2025) to 15,000 (South Korea's National
// Intelligence Service, 30 April 2025)." "" when there is no estimate.
std::string spread_sentence(const std::vector<const Claim*>& latest, const std::string& phrase, const Wording& w);

// <section id="summary">: the headlines for `actor`, each source's latest estimate with its
// date and document (its quote one click away), and the count of conflicts linked to #conflicts.
void write_summary(std::ostream& out, const std::vector<Claim>& claims, const std::string& actor,
                   std::size_t open_conflicts, const std::map<std::string, const StoredDocument*>& docs,
                   const Wording& w);

}  // namespace nkclaims
