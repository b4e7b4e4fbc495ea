#include "nkclaims/reasons.hpp"

#include <fmt/args.h>
#include <fmt/format.h>

#include <array>

namespace nkclaims {

namespace {

constexpr std::string_view kRuleNames[] = {"figure:noun", "figure:predicate", "figure:elliptical", "stance"};
constexpr std::string_view kRestated = "+restated";

// One line per field rule: its id, the field it decides, its JSON name and what --explain
// says, where {value} is what it gave, {words} the text it read and {more} a second text.
struct ReasonForm {
    Because because;
    Field field;
    std::string_view name;
    std::string_view text;
};

// clang-format off
constexpr ReasonForm kForms[] = {
    {Because::ValueWords, Field::Value, "value_words", "value {value} from '{words}'"},
    {Because::ValueBound, Field::Value, "value_bound", "value {value} from '{words}' with '{more}'"},
    {Because::MetricNoun, Field::Metric, "metric_noun", "counts '{words}'"},
    {Because::MetricJoined, Field::Metric, "metric_joined", "and '{words}': {value}"},
    {Because::MetricLossNoun, Field::Metric, "metric_loss_noun", "counts the {value} ('{words}')"},
    {Because::MetricPredicate, Field::Metric, "metric_predicate", "counts '{words}', what it is said to be"},
    {Because::MetricNearby, Field::Metric, "metric_nearby", "elliptical number; counts {value} named nearby"},
    {Because::MetricSubject, Field::Metric, "metric_subject", "counts '{words}', the subject of '{more}'"},
    {Because::MetricCasualties, Field::Metric, "metric_casualties", "casualties: killed or wounded"},
    {Because::MetricLossVerb, Field::Metric, "metric_loss_verb", "{value}: the loss its verb says"},
    {Because::MetricPeopleSent, Field::Metric, "metric_people_sent", "people sent or deployed: troops"},
    {Because::MetricAnswered, Field::Metric, "metric_answered", "counts {value} as '{words}' did"},
    {Because::ActorWords, Field::Actor, "actor_words", "actor {value} from '{words}'"},
    {Because::ActorPlaceOfLoss, Field::Actor, "actor_place_of_loss", "actor {value}: people killed in {more}"},
    {Because::ActorOwn, Field::Actor, "actor_own", "actor {value}: 'its own' refers to '{words}'"},
    {Because::ActorLoser, Field::Actor, "actor_loser", "actor {value}: the subject that lost them"},
    {Because::ActorSide, Field::Actor, "actor_side", "actor {value}: '{words}' in the mouth of {more}"},
    {Because::ActorGroup, Field::Actor, "actor_group", "actor {value}: the group '{words}' named before"},
    {Because::ActorDefault, Field::Actor, "actor_default", "actor {value} by default"},
    {Because::PhaseCue, Field::Phase, "phase_cue", "phase {value} from '{words}'"},
    {Because::PhaseConditionalCue, Field::Phase, "phase_conditional_cue", "phase {value}: '{words}' in a conditional clause"},
    {Because::PhaseDefault, Field::Phase, "phase_default", "phase {value} by default"},
    {Because::PhaseDefaultConditional, Field::Phase, "phase_default_conditional", "phase {value} by default in a conditional clause"},
    {Because::PhaseDefaultIncrement, Field::Phase, "phase_default_increment", "phase {value} by default for an increment"},
    {Because::PhaseShared, Field::Phase, "phase_shared", "phase {value} as '{words}' before it"},
    {Because::Hypothetical, Field::Hypothetical, "hypothetical", "hypothetical: a condition or a supposition governs it"},
    {Because::PartOfBatch, Field::Increment, "part_of_batch", "a part of '{words}', an increment"},
    {Because::SourceNamed, Field::Source, "source_named", "source {value} from '{words}'"},
    {Because::SourceSubject, Field::Source, "source_subject", "source {value} from '{words}' before '{more}'"},
    {Because::SourceAccording, Field::Source, "source_according", "source {value} from according to '{words}'"},
    {Because::SourceCited, Field::Source, "source_cited", "source {value} from '{words}' cited"},
    {Because::SourcePronoun, Field::Source, "source_pronoun", "source {value} from '{more}' resolved to '{words}'"},
    {Because::SourceCarried, Field::Source, "source_carried", "source {value} from '{more}' continuing the previous sentence's '{words}'"},
    {Because::SourceTrailingSpeaker, Field::Source, "source_trailing_speaker", "source {value} from '{more}' spoken by '{words}', named after it"},
    {Because::SourceEarlierInClause, Field::Source, "source_earlier_in_clause", "source {value} from '{words}' named earlier in the sentence"},
    {Because::SourceTakesStance, Field::Source, "source_takes_stance", "source {value} from '{words}' taking the stance"},
    {Because::SourceEarlierSentence, Field::Source, "source_earlier_sentence", "source {value} from '{words}' named in an earlier sentence"},
    {Because::SourceSpeakerLabel, Field::Source, "source_speaker_label", "source {value} from speaker label '{words}'"},
    {Because::SourceAuthor, Field::Source, "source_author", "source {value}: the institution whose statement this is speaks as 'we'"},
    {Because::SourceOutlet, Field::Source, "source_outlet", "source {value}: the document's outlet, nobody named"},
    {Because::SourceOutletHome, Field::Source, "source_outlet_home", "source {value}: '{words}', a speaker the outlet names without saying whose, is its country's"},
    {Because::SourceRestated, Field::Source, "source_restated", "restates '{words}' of {value}: its source, place and date"},
    {Because::DateSaid, Field::Date, "date_said", "date {value} from '{words}'"},
    {Because::DateDocument, Field::Date, "date_document", "date {value}: the document's reference date"},
    {Because::EventDate, Field::EventDate, "event_date", "event date {value} from '{words}'"},
    {Because::StanceCue, Field::Stance, "stance_cue", "stance {value} from '{words}'"},
    {Because::About, Field::About, "about", "about {value}"},
};
// clang-format on

constexpr bool forms_in_enum_order() {
    for (std::size_t i = 0; i < std::size(kForms); ++i)
        if (static_cast<std::size_t>(kForms[i].because) != i) return false;
    return std::size(kForms) == static_cast<std::size_t>(Because::About) + 1;
}
static_assert(forms_in_enum_order(), "kForms has one line per Because, in enum order");

const ReasonForm& form(Because b) { return kForms[static_cast<std::size_t>(b)]; }

}  // namespace

std::string_view to_string(RuleId r) { return kRuleNames[static_cast<std::size_t>(r)]; }

std::string to_string(const RuleRef& r) {
    std::string s(to_string(r.id));
    if (!r.cue.empty()) s.append(":").append(r.cue);
    if (r.restated) s.append(kRestated);
    return s;
}

std::optional<RuleRef> parse_rule(std::string_view s) {
    RuleRef r;
    if (s.size() >= kRestated.size() && s.substr(s.size() - kRestated.size()) == kRestated) {
        r.restated = true;
        s.remove_suffix(kRestated.size());
    }
    for (std::size_t i = 0; i < std::size(kRuleNames); ++i) {
        const std::string_view name = kRuleNames[i];
        if (s.substr(0, name.size()) != name) continue;
        const std::string_view rest = s.substr(name.size());
        const auto id = static_cast<RuleId>(i);
        if (rest.empty()) {
            r.id = id;
            return r;
        }
        if (id == RuleId::Stance && rest.size() > 1 && rest[0] == ':') {
            r.id = id;
            r.cue = std::string(rest.substr(1));
            return r;
        }
    }
    return std::nullopt;
}

std::string_view to_string(Field f) {
    static constexpr std::array<std::string_view, 11> kNames = {"value",        "metric",    "actor",  "phase",
                                                                "hypothetical", "increment", "source", "date",
                                                                "event_date",   "stance",    "about"};
    return kNames[static_cast<std::size_t>(f)];
}

std::string_view to_string(Because b) { return form(b).name; }

Field field_of(Because b) { return form(b).field; }

std::string describe(const Reason& r) {
    return fmt::format(fmt::runtime(form(r.because).text), fmt::arg("value", r.value), fmt::arg("words", r.words),
                       fmt::arg("more", r.more));
}

std::string describe(const std::vector<Reason>& reasons) {
    std::string out;
    for (const Reason& r : reasons) {
        if (!out.empty()) out += "; ";
        out += describe(r);
    }
    return out;
}

}  // namespace nkclaims
