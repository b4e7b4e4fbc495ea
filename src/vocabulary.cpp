#include "nkclaims/vocabulary.hpp"

#include <array>

namespace nkclaims {
namespace {

constexpr std::array<std::string_view, kWordClasses> kNames{"hard_boundary",
                                                            "conditional",
                                                            "relative_stop",
                                                            "question_opener",
                                                            "coordinator",
                                                            "subject_lead",
                                                            "subject_origin",
                                                            "passive_be",
                                                            "noun_stop",
                                                            "auxiliary",
                                                            "partitive",
                                                            "ellipsis_follower",
                                                            "predicate",
                                                            "collective",
                                                            "restrictor",
                                                            "definite",
                                                            "partitive_pronoun",
                                                            "in_all",
                                                            "copula",
                                                            "increment_before",
                                                            "increment_after",
                                                            "pronoun",
                                                            "person_pronoun",
                                                            "self_pronoun",
                                                            "own",
                                                            "ours",
                                                            "enemy",
                                                            "loser",
                                                            "generic_subject",
                                                            "locative_prep",
                                                            "not_place_head",
                                                            "not_figure_before",
                                                            "not_figure_after",
                                                            "ratio_lead",
                                                            "ratio_quantifier",
                                                            "ratio_after",
                                                            "negator",
                                                            "hypothetical",
                                                            "predicate_filler",
                                                            "unit_noun",
                                                            "pending",
                                                            "apparent",
                                                            "possibility_modal",
                                                            "supposition",
                                                            "hedged_estimate",
                                                            "figure_noun",
                                                            "as_of",
                                                            "date_adverb",
                                                            "inversion",
                                                            "modal_after",
                                                            "subject_link"};

}  // namespace

std::string_view name_of(WordClass c) { return kNames[static_cast<std::size_t>(c)]; }

std::optional<WordClass> parse_word_class(std::string_view s) {
    for (std::size_t i = 0; i < kNames.size(); ++i)
        if (kNames[i] == s) return static_cast<WordClass>(i);
    return std::nullopt;
}

}  // namespace nkclaims
