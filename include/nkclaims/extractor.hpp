// The rule-based extractor: sentences of a Document in, Claims out. A figure is a quantity
// attached to something counted (a noun from data/nouns.tsv, or an elliptical number governed
// by a deployment verb in a sentence about troops); its phase, actor, source, place and date
// come from the words around it. Stances are denials, refusals to confirm and confirmations
// without a number. Everything the rules match is in the Gazetteer.
#pragma once

#include <vector>

#include "nkclaims/attribution.hpp"
#include "nkclaims/claim.hpp"
#include "nkclaims/document.hpp"
#include "nkclaims/fields.hpp"
#include "nkclaims/gazetteer.hpp"

namespace nkclaims {

class Extractor {
public:
    explicit Extractor(const Gazetteer& g) : g_(g) {}

    // Every claim of the document, in the order of the text. Pure: the same document and
    // gazetteer always give the same claims. With Explain::Yes each claim's `explain` says
    // which rule fired and why each field got its value.
    std::vector<Claim> extract(const Document& d, Explain explain = Explain::No) const;

private:
    bool may_hold_claims(const Sentence& s, const std::vector<Token>& t) const;
    // Who "we" is in a document an institution publishes itself, if it is one.
    std::optional<Attribution> author_of(const Document& d) const;
    // The speaker of a sentence: its speaker label's source, else the document's author.
    std::optional<Attribution> speaker_of(const Sentence& s, const std::optional<Attribution>& author) const;
    const Gazetteer& g_;
};

}  // namespace nkclaims
