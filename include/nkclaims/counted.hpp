// What a number counts: the noun after it ("3,000 North Korean troops"), a noun before it that
// a predicate links to it ("casualties had reached 3,000"), or, for a bare number, what the
// sentence or the few before it name ("sending thirty thousand"). Person nouns ("people",
// "men") settle into troops or casualties from the verbs around them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nkclaims/numbers.hpp"
#include "nkclaims/rules.hpp"

namespace nkclaims {

// A side a speaker names by its own words, whose forces the claim's source resolves
// (data/sides.tsv): "our troops" (Ours), "enemy soldiers" (Enemy).
enum class Side { None, Ours, Enemy };

// The words a number counts, as far as its phrase says.
struct NounPhrase {
    std::size_t end = 0;  // one past the last token of the phrase
    std::optional<Metric> metric;
    bool person = false;
    std::optional<Metric> loss;  // "were killed or wounded" after it: the loss its predicate says
    std::string actor;
    bool own = false;         // "its own troops": the clause's subject country
    Side side = Side::None;   // "20,000 of our troops", "1,100 enemy soldiers"
    std::vector<Reason> why;  // only under --explain
};

class CountedRules {
public:
    explicit CountedRules(const SentenceContext& x) : x_(x), c_(x.c), g_(x.c.g) {}

    // The noun after the number, past modifiers, nationality words, "of" right after it
    // ("4,000 of those soldiers"), and at most two words we do not know.
    std::optional<NounPhrase> noun_phrase(const Quantity& q) const;
    // A bare number (≥ 100) governed by a deployment verb, a collective, a copula, a partitive
    // pronoun, a definite restatement or "in all": it counts the troops named nearby.
    std::optional<NounPhrase> elliptical(const Quantity& q) const;
    // A bare number whose predicate says what it counts: "some 2,700 have been wounded",
    // "around 1,000 are believed to have been killed", "4,000 were battle casualties".
    std::optional<NounPhrase> predicate(const Quantity& q) const;
    // People counted with a loss verb ("killed 25 infantrymen", "soldiers were wounded") are
    // killed, wounded or casualties; person nouns otherwise become troops with a deployment cue
    // near. False when the phrase still counts nothing.
    bool settle_metric(const Quantity& q, NounPhrase& np) const;
    // A loss verb ending right before the number ("killed 25", "lost 300"), with its metric.
    std::optional<Lexicon<Metric>::Match> loss_before(const Quantity& q) const;
    // Whether a people phase cue ("sent", "deployed") starts among tokens [a, b).
    bool people_cue_within(std::size_t a, std::size_t b) const;
    // The side word ("our", "the enemy") at token i.
    Side side_at(std::size_t i) const;
    // Whose a number is by the possessive right before its token `b`: "Russia's 50,000",
    // "Moscow's 20,000 troops", "our 20,000".
    std::optional<NounPhrase> possessor(std::size_t b) const;

private:
    // Adds the reason `make` returns to np.why, under --explain only.
    template <class Make>
    void why(NounPhrase& np, Make&& make) const {
        if (x_.fields.explaining()) np.why.push_back(make());
    }
    void coordinated(NounPhrase& np) const;
    void casualty_after(NounPhrase& np) const;
    std::size_t skip_fillers(std::size_t j, std::size_t& skipped) const;
    std::optional<NounPhrase> subject_metric(std::size_t predicate, std::size_t from) const;
    std::optional<NounPhrase> linked_head(std::size_t noun, std::size_t predicate) const;
    std::optional<NounPhrase> loss_subject(const Quantity& q) const;
    std::optional<Lexicon<Metric>::Match> loss_verb_ending(std::size_t i, std::size_t end) const;
    std::optional<NounPhrase> loss_noun(std::size_t j, std::size_t limit) const;
    void owner_after(NounPhrase& np) const;
    bool owner_of(std::size_t j, NounPhrase& np) const;
    std::optional<std::size_t> owner_before(std::size_t noun, std::size_t from, NounPhrase& np) const;
    // A group named before an elliptical number: what it counts, its noun's token, the start of
    // the sentence it is in, and whether its noun counts people.
    struct Group {
        Metric metric;
        std::size_t noun;
        std::size_t from;
        bool named;  // a noun of people ("servicemen"), not one of context ("army")
    };
    std::optional<Group> context_metric(std::size_t before) const;
    template <class Scan>
    std::optional<Group> nearby(std::size_t before, const Scan& scan) const;
    struct ActorWords {
        std::size_t first;  // the first token of the words
        const std::string* name;
    };
    std::optional<ActorWords> actor_ending(std::size_t end, std::size_t from) const;
    std::optional<Group> restated(const Quantity& q) const;
    bool elliptical_cue(const Quantity& q, std::size_t k) const;

    const SentenceContext& x_;
    const Clause& c_;
    const Gazetteer& g_;
};

}  // namespace nkclaims
