// The grammar words the rules read: words that end a clause, lead a place, stop a noun phrase,
// mark an increment, stand for a speaker... Each is a WordClass, and every word of a class is
// data (data/*.tsv: phrase <TAB> class), so a rule names the class and never the word.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "nkclaims/lexicon.hpp"

namespace nkclaims {

// What a grammar word does for the rules. The data files name them in snake case (`name_of`).
enum class WordClass : std::uint8_t {
    HardBoundary,      // a clause break no cue, date or source crosses: "but", "if", "because"
    Conditional,       // opens a condition: "if", "unless"
    RelativeStop,      // a relative clause starts: "that", "which" (a place search ends)
    QuestionOpener,    // an auxiliary or wh-word that opens a question: "are", "how"
    Coordinator,       // joins two noun phrases: "and", "or"
    SubjectLead,       // a country after it is a subject: "and", "the", "that"
    SubjectOrigin,     // "officials in Seoul": a country after it and a generic subject speaks
    PassiveBe,         // "North Korea is believed to": a speech verb after it has no speaker before it
    NounStop,          // ends the search for the noun a number counts: "said", "to", "of"
    Auxiliary,         // between a noun and its participle: "were", "have", "been"
    Partitive,         // "4,000 of those soldiers", "a group of 12,000": of
    EllipsisFollower,  // may follow an elliptical number: "if", "now", "there"
    Predicate,         // a noun before it is counted by the number after: "reached", "stood"
    Collective,        // "a group of 12,000": group, contingent, batch
    Restrictor,        // "only", "just": skipped before an elliptical number
    Definite,          // "the same 11,000.": the, same, those
    PartitivePronoun,  // "8,000 of them": them, those, these
    InAll,             // "1,500 in all"
    Copula,            // "that's only ten thousand"
    IncrementBefore,   // "another 6,000", "an additional 500"
    IncrementAfter,    // "6,000 more", "500 additional"
    Pronoun,           // they, he, she, it, we, I
    PersonPronoun,     // he, she: a person named before
    SelfPronoun,       // we, I: the speaker of a transcript
    Own,               // "its own troops": the clause's subject country
    Ours,              // "our forces", "we": the side of the speaker (the claim's source)
    Enemy,             // "the enemy": the side the speaker (the claim's source) fights
    Loser,             // "suffered 1,200 casualties": its subject is who lost them
    GenericSubject,    // a subject that names no one: "officials", "the agency"
    LocativePrep,      // leads a place where the counted are: "in", "into", "toward"
    NotPlaceHead,      // "the war in Ukraine": a place after it is no location
    NotFigureBefore,   // before a number that is no figure: "$", "aged", "page"
    NotFigureAfter,    // after a number that is no figure: "%", "a.m."
    RatioLead,         // "three officers for every 30 men": for
    RatioQuantifier,   // every, each
    RatioAfter,        // "30 men per unit": per
    Negator,           // turns a stance verb around: "not", "cannot", "unable to", "no"
    Hypothetical,      // a figure after it is a supposition: "could", "may", "if"
    PredicateFiller,   // between a number and its predicate: "are believed to have been", "now"
    UnitNoun,          // "squads of 40 men": a unit whose size is no count of forces
    Pending,           // a report still being checked: "looking into", "trying to determine"
    Apparent,          // a source hedging what it says: "appears to have" (a stance, none beside a figure)
    PossibilityModal,  // may govern a supposed figure: "can", "could", "would"
    Supposition,       // after such a modal, makes its figure a supposition: "even", "up to"
    HedgedEstimate,    // a hedged estimate of what was or is, no supposition: "could have", "there could be"
    FigureNoun,        // after a count, names it as a figure talked about: "the 30,000-troop figure"
    AsOf,              // a date after it bounds the count, not when it was said: "by", "as of"
    DateAdverb,        // may open a clause before its date: "earlier on Monday", "later on Friday"
    Inversion,         // opens a condition by inversion: "Were Kim to send", "Should he commit"
    ModalAfter,        // right after a figure's noun, projects it: "20,000 troops could be sent"
    SubjectLink,       // "casualties among North Korean troops": the noun before it heads the subject
    kCount
};
inline constexpr std::size_t kWordClasses = static_cast<std::size_t>(WordClass::kCount);

// The class's name in the data files ("hard_boundary").
std::string_view name_of(WordClass c);
std::optional<WordClass> parse_word_class(std::string_view s);

// Every grammar word, by class. A phrase may belong to several classes.
class Vocabulary {
public:
    void add(std::string_view phrase, WordClass c) { classes_[index(c)].add(phrase, true); }
    // The length of the phrase of class `c` that starts at tokens[i] (ending before `end`).
    std::optional<std::size_t> match(WordClass c, const std::vector<Token>& t, std::size_t i, std::size_t end) const {
        auto m = classes_[index(c)].match(t, i, end);
        return m ? std::optional<std::size_t>(m->length) : std::nullopt;
    }
    // Whether a phrase of class `c` may start with token t (a bit test; no is a sure no).
    bool may_start(WordClass c, const Token& t) const { return classes_[index(c)].may_start(t); }
    // Whether a phrase of class `c` starts at tokens[i].
    bool is(WordClass c, const std::vector<Token>& t, std::size_t i, std::size_t end) const {
        return classes_[index(c)].match(t, i, end).has_value();
    }

private:
    static std::size_t index(WordClass c) { return static_cast<std::size_t>(c); }
    std::array<Lexicon<bool>, kWordClasses> classes_;
};

}  // namespace nkclaims
