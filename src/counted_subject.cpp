#include "nkclaims/counted.hpp"

namespace nkclaims {

// "North Korean casualties in Kursk had reached 3,000": the metric noun that is the subject
// of the predicate before the number, in the same clause, searched from `from` back.
std::optional<NounPhrase> CountedRules::subject_metric(std::size_t predicate, std::size_t from) const {
    for (std::size_t i = from; i > c_.begin && from - i < 8; --i) {
        const Token& t = c_.t[i - 1];
        if (t.kind == TokenKind::Punct || c_.hard(i - 1) || t.kind == TokenKind::Number) return std::nullopt;
        if (auto v = loss_verb_ending(i, predicate)) {  // "the soldiers who died": a loss in the subject
            NounPhrase np;
            np.end = predicate + 2;
            np.metric = *v->value;
            why(np, [&] {
                return Reason{
                    Because::MetricSubject, {}, c_.join_norm(i - v->length, i), std::string(c_.t[predicate].text)};
            });
            return np;
        }
        auto n = g_.nouns.match(c_.t, i - 1, predicate);
        if (!n || !n->value->metric || n->value->person) continue;
        // "killed or wounded": a longer noun that ends here and starts before
        for (std::size_t k = i - 1; k > c_.begin && i - 1 - k < 2; --k)
            if (auto longer = g_.nouns.match(c_.t, k - 1, predicate);
                longer && longer->value->metric && k - 1 + longer->length >= i) {
                n = longer;
                i = k;
            }
        if (auto head = linked_head(i - 1, predicate)) return head;  // "the toll among North Korean troops"
        NounPhrase np;
        np.end = predicate + 2;
        np.metric = n->value->metric;
        why(np, [&] {
            return Reason{
                Because::MetricSubject, {}, c_.join_norm(i - 1, i - 1 + n->length), std::string(c_.t[predicate].text)};
        });
        if (auto owner = owner_before(i - 1, c_.begin, np); owner && !np.actor.empty())
            why(np, [&] { return Reason{Because::ActorWords, np.actor, c_.join_norm(*owner, i - 1), {}}; });
        else if (!owner)
            owner_of(i - 1 + n->length, np);  // "the losses of the enemy amounted to"
        return np;
    }
    return std::nullopt;
}

// The longest loss verb ("died", "died or were injured") that ends right before token `i`,
// none of it before the clause.
std::optional<Lexicon<Metric>::Match> CountedRules::loss_verb_ending(std::size_t i, std::size_t end) const {
    constexpr std::size_t kMaxWords = 4;
    std::optional<Lexicon<Metric>::Match> found;
    for (std::size_t len = 1; len <= kMaxWords && i >= c_.begin + len; ++len)
        if (auto v = g_.casualty_verbs.match(c_.t, i - len, end); v && v->length == len) found = v;
    return found;
}

// "Casualties among North Korean troops reached 3,000", "the number of dead among them rose
// to 600": a noun after a link word is no head; the metric noun before the link is.
std::optional<NounPhrase> CountedRules::linked_head(std::size_t noun, std::size_t predicate) const {
    constexpr std::size_t kMaxOwnerWords = 4;  // "among the North Korean": the words before the noun
    for (std::size_t j = noun; j > c_.begin && noun - j <= kMaxOwnerWords; --j) {
        const Token& t = c_.t[j - 1];
        if (t.kind != TokenKind::Word || c_.hard(j - 1)) return std::nullopt;
        if (c_.is(j - 1, WordClass::SubjectLink)) return subject_metric(predicate, j - 1);
    }
    return std::nullopt;
}

}  // namespace nkclaims
