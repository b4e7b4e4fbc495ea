// Who asserts a claim: "X said", "X told Y", "according to X", "X, citing Y", "Y cited by X",
// "an X report that", a pronoun that continues the previous sentence's source, or the
// document's outlet when nobody is named. An outlet that relays another source is `via`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nkclaims/clause.hpp"
#include "nkclaims/gazetteer.hpp"
#include "nkclaims/reasons.hpp"
#include "nkclaims/tokens.hpp"

namespace nkclaims {

struct Attribution {
    std::string source;
    std::string via;
    // For --explain: the attribution rule that named the source and the words it read.
    Because because = Because::SourceNamed;
    std::string words;
    std::string more;

    // The reason --explain gives for a claim this attribution speaks for; `voice` is the
    // claim's source and relay as it ends up ("nis via ap").
    Reason reason(std::string voice) const { return {because, std::move(voice), words, more}; }
};

// The sources named in one sentence and the verbs that make them speak.
class SentenceAttribution {
public:
    // `carried` is the source of the latest attributed sentence before this one (for "they say");
    // `speaker` the source named by the transcript's speaker label, if any ("KIRBY:").
    // The clause must outlive this object.
    SentenceAttribution(const Clause& c, std::optional<Attribution> carried,
                        std::optional<Attribution> speaker = std::nullopt);

    // Who asserts what stands at token `at`. `stance` lets a country be the subject without a
    // speech verb ("Russia and North Korea have dismissed the reports").
    std::optional<Attribution> at(std::size_t at, bool stance) const;
    // Who takes a stance at token `at`: the speaker of a speech verb before it in the same
    // clause ("Budanov said no buildup"), else the name right before it ("Pyongyang dismissed").
    std::optional<Attribution> stance_speaker(std::size_t at) const;
    // The attribution this sentence hands on to the next one, if it names anyone.
    std::optional<Attribution> last() const;
    // True when token `i` is part of a source's name (so it is not read as a place).
    bool names_source(std::size_t i) const;
    // Tokens of the attribution verbs (a date next to one is when the claim was made).
    const std::vector<std::size_t>& verbs() const { return verb_tokens_; }

private:
    struct Mention {
        std::size_t first, last;
        const SourceEntry* entry;
    };
    struct Anchor {
        std::size_t verb;  // token of the verb
        Attribution who;
        AttributionRole role;
    };

    void find_mentions();
    void find_anchors();
    void follow_relays();
    void follow_dateline();
    void follow_trailing_speaker();
    std::size_t subject_end(std::size_t verb) const;
    std::optional<std::size_t> pronoun_before(std::size_t verb) const;
    std::optional<Attribution> subject_before(std::size_t verb, std::size_t window) const;
    std::optional<Mention> mention_after(std::size_t from, std::size_t window) const;
    std::optional<Attribution> resolve_pronoun(std::size_t at, bool person) const;
    bool hard_boundary_between(std::size_t a, std::size_t b) const;
    bool is_outlet(const std::string& id) const;
    bool subject_position(const Mention& m) const;
    Attribution of(const Mention& m, Because why, std::size_t other = kNoToken) const;
    static constexpr std::size_t kNoToken = static_cast<std::size_t>(-1);

    const Clause& c_;
    const Gazetteer& g_;
    const std::vector<Token>& t_;
    std::size_t begin_, end_;
    std::optional<Attribution> carried_;
    std::optional<Attribution> speaker_;
    std::vector<Mention> mentions_;
    std::vector<Anchor> anchors_;
    std::vector<std::size_t> verb_tokens_;
};

// The source a speaker label names ("KIRBY" → us_gov), if the gazetteer knows it.
std::optional<Attribution> speaker_source(const Gazetteer& g, const std::string& label);

}  // namespace nkclaims
