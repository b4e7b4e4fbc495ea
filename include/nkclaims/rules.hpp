// What every rule of a sentence shares: the sentence read once (its Clause, who speaks in it,
// its field rules) and the two steps every claim takes (its words and quote; its source). The
// ids of the rules that make claims are in reasons.hpp.
#pragma once

#include <set>
#include <string_view>
#include <vector>

#include "nkclaims/attribution.hpp"
#include "nkclaims/claim.hpp"
#include "nkclaims/clause.hpp"
#include "nkclaims/document.hpp"
#include "nkclaims/fields.hpp"

namespace nkclaims {

// One sentence as every rule reads it. Everything it points to outlives it.
struct SentenceContext {
    const Document& d;
    const Sentence& s;
    const Clause& c;
    const SentenceAttribution& who;
    const FieldRules& fields;
    std::vector<const Sentence*> previous;  // the sentences before, nearest first
};

// "According to a military official, ..." in a Seoul outlet: a speaker the outlet names without
// saying whose, next to a speech verb of `who`, is the outlet's country's (data/home_speakers.tsv).
std::optional<Attribution> home_speaker(const Document& d, const Clause& c, const SentenceAttribution& who);
// A claim of `kind` at `span` of the sentence, with its words and its quote.
Claim base_claim(const SentenceContext& x, ClaimKind kind, Span span);
// Sets c.source and c.via from who speaks at token `at`; with nobody named, a speaker the
// outlet's country is understood for ("a military official", data/home_speakers.tsv), else the
// document's outlet, and the claim's span goes into `unattributed` (a restatement may name its source).
void attribute(const SentenceContext& x, Claim& c, std::size_t at, bool stance, std::set<std::size_t>& unattributed);

}  // namespace nkclaims
