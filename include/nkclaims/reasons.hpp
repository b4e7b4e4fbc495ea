// Why a claim is what it is: the rule that made it (RuleId, with a stance's cue words) and,
// under extract --explain, one Reason per decision of a field rule, each naming the rule
// (Because), the value it gave and the words of the text it read. The rules only record
// reasons; they never read them back, so explaining cannot change a claim. The sentence a
// person reads is made from a Reason in one place, describe().
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nkclaims {

// The rule that made a claim.
enum class RuleId {
    FigureNoun,        // a number and the noun it counts: "3,000 troops"
    FigurePredicate,   // a bare number and the predicate that says what it counts: "2,700 were wounded"
    FigureElliptical,  // a bare number standing for what is named nearby: "sending 30,000",
                       // "casualties had reached 3,000"
    Stance,            // a stance cue: "cannot confirm", "dismissed"
};
// "figure:noun", "figure:predicate", "figure:elliptical", "stance".
std::string_view to_string(RuleId r);

// A claim's rule as the store and the outputs name it: "figure:noun", "stance:cannot confirm"
// (a stance names its cue), "figure:noun+restated" (a figure that repeats an earlier one took
// that one's source, place and date).
struct RuleRef {
    RuleId id = RuleId::FigureNoun;
    std::string cue;        // a stance's cue words, normalized; empty for a figure
    bool restated = false;  // took its source, place and date from the figure it repeats

    bool operator==(const RuleRef&) const = default;
};
std::string to_string(const RuleRef& r);
// The inverse of to_string(RuleRef); nullopt for a name no rule has.
std::optional<RuleRef> parse_rule(std::string_view s);

// The field a reason decides.
enum class Field { Value, Metric, Actor, Phase, Hypothetical, Increment, Source, Date, EventDate, Stance, About };
std::string_view to_string(Field f);

// The field rule behind a reason, one per way a field gets its value. reasons.cpp's table gives
// each its field, its name in JSON and the sentence --explain prints.
enum class Because {
    ValueWords,               // the number as written
    ValueBound,               // ... with a bound word: "at least", "has exceeded"
    MetricNoun,               // the noun it counts
    MetricJoined,             // a noun joined by "and" counts the same
    MetricLossNoun,           // a noun of losses: "casualties", "war dead"
    MetricPredicate,          // "4,000 were battle casualties": what it is said to be
    MetricNearby,             // a bare number counts what is named nearby
    MetricSubject,            // "casualties had reached 3,000": the subject of the predicate
    MetricCasualties,         // people killed or wounded together
    MetricLossVerb,           // people a loss verb counts: "were killed"
    MetricPeopleSent,         // people sent or deployed are troops
    MetricAnswered,           // "Of the 4,000, ...": counts what the figure it answers counted
    ActorWords,               // a nationality or possessive in the phrase
    ActorPlaceOfLoss,         // people killed in a place are that place's country's
    ActorOwn,                 // "its own troops": the clause's subject
    ActorLoser,               // "Ukraine has lost 29,600": the subject that lost them
    ActorSide,                // "our forces", "the enemy": the source's side, or the side it fights
    ActorGroup,               // "our servicemen, some 30,000 of them": the group the number restates
    ActorDefault,             // nothing says: North Korea's
    PhaseCue,                 // a phase cue reaches it
    PhaseConditionalCue,      // a deployment cue in an "if" clause: planned
    PhaseDefault,             // people with no cue are deployed
    PhaseDefaultConditional,  // ... planned in an "if" clause
    PhaseDefaultIncrement,    // ... planned for an increment
    PhaseShared,              // materiel listed after another shares its phase
    Hypothetical,             // a condition or supposition governs it
    PartOfBatch,              // a bare number right after an increment is part of it
    SourceNamed,              // the source named by the verb's clause
    SourceSubject,            // the subject before a speech verb
    SourceAccording,          // "according to X"
    SourceCited,              // "citing X", "X cited by"
    SourcePronoun,            // a pronoun resolved to a name before it
    SourceCarried,            // a pronoun continuing the previous sentence's source
    SourceTrailingSpeaker,    // "'We assess ...,' X said": the pronoun is the trailing speaker
    SourceEarlierInClause,    // a name before it in the sentence
    SourceTakesStance,        // the name right before a stance cue
    SourceEarlierSentence,    // the name an earlier sentence handed on
    SourceSpeakerLabel,       // a transcript's speaker label
    SourceAuthor,             // "we" in a statement an institution publishes itself
    SourceOutlet,             // nobody named: the document's outlet
    SourceOutletHome,         // "a military official" in a Seoul outlet: that country's speaker
    SourceRestated,           // repeats an earlier figure: that one's source
    DateSaid,                 // a date by a speech verb or leading the clause
    DateDocument,             // the document's reference date
    EventDate,                // a date after the figure: when it happened
    StanceCue,                // a stance cue
    About,                    // what the stance is about
};
// Its name in JSON: "metric_noun", "source_carried".
std::string_view to_string(Because b);
// The field a rule of this kind decides.
Field field_of(Because b);

// One decision of a field rule: `value` is what it gave ("planned", "nis via ap"), `words` the
// text it read, `more` a second piece of text when it read two ("'NIS' before 'said'").
struct Reason {
    Because because = Because::ValueWords;
    std::string value;
    std::string words;
    std::string more;

    bool operator==(const Reason&) const = default;
};

// The sentence --explain prints for a reason: "phase planned from 'plans to send'".
std::string describe(const Reason& r);
// The reasons of a claim, in the order they were made, joined by "; ".
std::string describe(const std::vector<Reason>& reasons);

}  // namespace nkclaims
