// The fields around a claim's words, read from its sentence: the phase a cue gives a figure,
// the place a preposition leads to, and when the claim was made (and when the counted thing
// happened). The extractor's figure and stance rules share them; each notes why for --explain.
#pragma once

#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "nkclaims/attribution.hpp"
#include "nkclaims/claim.hpp"
#include "nkclaims/clause.hpp"
#include "nkclaims/dates.hpp"
#include "nkclaims/document.hpp"
#include "nkclaims/gazetteer.hpp"

namespace nkclaims {

// What may lead to a place: only a locative preposition ("in Kursk"), or any word ("denied
// troops were sent Kursk" in a stance).
enum class Lead { Preposition, AnyWord };

// The field rules over one clause. Token indexes are the document's; `first`..`np_end` is a
// figure's number and noun phrase. The clause and the attribution must outlive it.
class FieldRules {
public:
    FieldRules(const Document& d, const Clause& c, const SentenceAttribution& who, Explain explain)
        : d_(d), c_(c), who_(who), explain_(explain == Explain::Yes) {}

    // The nearest phase cue in the figure's clause (people and materiel read cues differently);
    // without one, people are deployed, or planned in an "if" clause or as an increment. None for
    // casualties and strikes. Needs c.metric and c.increment.
    std::optional<Phase> phase(std::size_t first, std::size_t np_end, Claim& c) const;
    // Whether a phase cue of the clause reaches the figure at [first, np_end) counting `m` (else
    // its phase is only the default).
    bool has_phase_cue(std::size_t first, std::size_t np_end, Metric m) const {
        return nearest_cue(first, np_end, m, kPhaseReach).has_value();
    }
    static constexpr std::size_t kPhaseReach = 12;  // tokens: a phase cue farther away says nothing
    // A place after a locative preposition: first after the figure in its clause, else the last
    // before it.
    std::optional<std::string> location(std::size_t first, std::size_t np_end) const;
    // The first place after token `from`, in its clause, before any other figure.
    std::optional<std::string> place_after(std::size_t from, Lead lead) const;
    // Sets c.date, when the claim was made (a date by a speech verb or leading the clause, else
    // the document's date), and c.event_date, a date after the figure, for the claim at tokens
    // [first, last). A stance (c.kind) takes any date of its clause as when it was made.
    void date(Claim& c, std::size_t first, std::size_t last) const;

    // The text of tokens [a, b) as written.
    std::string span_text(std::size_t a, std::size_t b) const;
    const Clause& clause() const { return c_; }
    const SentenceAttribution& who() const { return who_; }
    bool explaining() const { return explain_; }

    // Adds a reason to c.reasons with --explain; `why` is a Reason or a lambda returning one,
    // so that nothing is built unless asked for.
    template <class Why>
    void note(Claim& c, Why&& why) const {
        if (!explain_) return;
        if constexpr (std::is_invocable_v<Why>)
            c.reasons.push_back(why());
        else
            c.reasons.push_back(std::forward<Why>(why));
    }

private:
    // A phase cue that reaches a figure: what it says, what it costs (distance and weight), its words.
    struct Cue {
        Phase phase;
        int cost;
        std::string words;
    };
    std::optional<Cue> nearest_cue(std::size_t first, std::size_t np_end, Metric m, std::size_t reach) const;
    std::size_t anchor(std::size_t number) const;

    const Document& d_;
    const Clause& c_;
    const SentenceAttribution& who_;
    bool explain_;

    std::optional<std::string> place_at(std::size_t i, Lead lead) const;
    bool near_verb(const DateMention& m) const;
    bool beside_verb(const DateMention& m, std::size_t v) const;
    bool after_source(const DateMention& m) const;
    bool as_of(const DateMention& m) const;
    const DateMention* speech_date(std::size_t first) const;
    bool after_figure(const DateMention& m) const;
    bool holds_number(std::size_t a, std::size_t b) const;
    bool clause_initial(const DateMention& m) const;
};

}  // namespace nkclaims
