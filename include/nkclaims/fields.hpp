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
#include "nkclaims/dates.hpp"
#include "nkclaims/document.hpp"
#include "nkclaims/gazetteer.hpp"

namespace nkclaims {

// A clause boundary: hard (a full stop, "but", a semicolon) or soft (a comma, a dash).
enum class Boundary { Hard, Soft };
// What may lead to a place: only a locative preposition ("in Kursk"), or any word ("denied
// troops were sent Kursk" in a stance).
enum class Lead { Preposition, AnyWord };

// One sentence of a document, read once for its dates, with the field rules over its tokens.
// Token indexes are the document's; `first`..`np_end` is a figure's number and noun phrase.
class SentenceFields {
public:
    SentenceFields(const Gazetteer& g, const Document& d, const Sentence& s, const SentenceAttribution& who,
                   Explain explain);

    // The nearest phase cue in the figure's clause (people and materiel read cues differently);
    // without one, people are deployed, or planned in an "if" clause or as an increment. None for
    // casualties and strikes. Needs c.metric and c.increment.
    std::optional<Phase> phase(std::size_t first, std::size_t np_end, Claim& c) const;
    // A place after a locative preposition: first after the figure in its clause, else the last
    // before it.
    std::optional<std::string> location(std::size_t first, std::size_t np_end) const;
    // The first place after token `from`, in its clause, before any other figure.
    std::optional<std::string> place_after(std::size_t from, Lead lead) const;
    // Sets c.date, when the claim was made (a date by a speech verb or leading the clause, else
    // the document's date), and c.event_date, a date after the figure, for the claim at tokens
    // [first, last). A stance (c.kind) takes any date of its clause as when it was made.
    void date(Claim& c, std::size_t first, std::size_t last) const;

    // Whether token i belongs to a date expression ("2024" in "October 2024" is no figure).
    bool in_date(std::size_t i) const;
    // Whether a clause boundary of that kind lies among tokens [a, b).
    bool crosses(std::size_t a, std::size_t b, Boundary kind) const;
    // Whether the clause of token `at` is conditional ("if", "unless", "should").
    bool conditional_clause(std::size_t at) const;
    // Whether token i is in the sentence, and is the word `w`.
    bool has(std::size_t i) const { return i < s_.tok_end; }
    bool is(std::size_t i, std::string_view w) const { return has(i) && t_[i].is(w); }
    // The normalized words of tokens [a, b), space separated, and their text as written.
    std::string join_norm(std::size_t a, std::size_t b) const;
    std::string span_text(std::size_t a, std::size_t b) const;

    // Adds to c.explain with --explain; `why` is a string or a lambda returning one, so that
    // nothing is formatted unless asked for.
    template <class Why>
    void note(Claim& c, Why&& why) const {
        if (!explain_) return;
        if (!c.explain.empty()) c.explain += "; ";
        if constexpr (std::is_invocable_v<Why>)
            c.explain += why();
        else
            c.explain += why;
    }

protected:
    const Gazetteer& g_;
    const Document& d_;
    const Sentence& s_;
    const std::vector<Token>& t_;
    const SentenceAttribution& who_;
    bool explain_;

private:
    std::optional<std::string> place_at(std::size_t i, Lead lead) const;
    bool near_verb(const DateMention& m) const;
    bool after_figure(const DateMention& m) const;
    bool holds_number(std::size_t a, std::size_t b) const;
    bool clause_initial(const DateMention& m) const;

    std::vector<DateMention> dates_;
    std::vector<bool> in_date_;  // by token, from the sentence's first
};

}  // namespace nkclaims
