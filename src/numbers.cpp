#include "nkclaims/numbers.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <string>
#include <tuple>
#include <unordered_set>

#include "nkclaims/numeric_words.hpp"

namespace nkclaims {
namespace {

enum class Bound { None, Low, High, Approx, Between, From };

Bound bound_of(BoundKind k) {
    switch (k) {
        case BoundKind::Low:
            return Bound::Low;
        case BoundKind::High:
            return Bound::High;
        case BoundKind::Approx:
            return Bound::Approx;
        case BoundKind::Between:
            return Bound::Between;
        case BoundKind::From:
            return Bound::From;
    }
    return Bound::None;
}

const NumberWords& vocabulary() { return numeric_words().numbers; }

// 1.2 * 1e6 is 1199999.9999999998 in binary: counts are whole, so snap to the integer.
double tidy(double v) {
    const double r = std::round(v);
    return std::fabs(v - r) < 1e-6 * std::max(1.0, std::fabs(v)) ? r : v;
}

std::optional<double> parse_digits(std::string_view s) {
    std::string clean;
    for (char c : s)
        if (c != ',') clean += c;
    double v = 0;
    auto [p, ec] = std::from_chars(clean.data(), clean.data() + clean.size(), v);
    if (ec != std::errc{} || p != clean.data() + clean.size()) return std::nullopt;
    return v;
}

std::optional<double> lookup(std::string_view w, const WordMap<double>& table) {
    const auto it = table.find(w);
    if (it == table.end()) return std::nullopt;
    return it->second;
}

// A number in words adds counts and multiplies them by scales: "one hundred and fifty",
// "twenty-five thousand", "four-thousand-100". A unit follows only a round ten ("twenty-five";
// "three four" is two numbers). A scale of factor 0 ("zillion") makes the whole no number.
class Sum {
public:
    bool count(double v) {
        if (fraction_ || (after_count_ && !(last_ >= 20 && last_ < 100 && std::fmod(last_, 10) == 0 && v < 10)))
            return false;
        current_ += v;
        last_ = v;
        after_count_ = any_ = true;
        return true;
    }
    // "and a half" after a count: added to it, and a scale must follow ("three and a half thousand").
    bool fraction(double v) {
        if (!after_count_ || scaled_) return false;
        current_ += v;
        after_count_ = false;
        fraction_ = true;
        return true;
    }
    void scale(double s) {
        if (!any_) current_ = 1;
        fraction_ = false;
        if (s < 1000) {
            current_ *= s;
        } else {
            total_ += current_ * s;
            current_ = 0;
        }
        refused_ = refused_ || s == 0;
        after_count_ = false;
        any_ = scaled_ = true;
    }
    // One word ("twenty") or one hyphenated token ("twenty-five", "four-thousand-100"), whole
    // or not at all.
    bool add(std::string_view word) {
        Sum next = *this;
        for (std::size_t at = 0; at <= word.size();) {
            if (const auto f = vocabulary().fractions.find(word.substr(at)); f != vocabulary().fractions.end()) {
                if (!next.fraction(f->second)) return false;  // "three-and-a-half"
                break;
            }
            const auto dash = std::min(word.find('-', at), word.size());
            if (!next.part(word.substr(at, dash - at))) return false;
            at = dash + 1;
        }
        *this = next;
        return true;
    }
    bool any() const { return any_; }
    bool scaled() const { return scaled_; }
    // Refused by a scale of factor 0, or a fraction no scale follows ("three-and-a-half days").
    bool refused() const { return refused_ || fraction_; }
    double value() const { return total_ + current_; }

private:
    bool part(std::string_view w) {
        const NumberWords& words = vocabulary();
        if (const auto c = words.count_values.find(w); c != words.count_values.end()) return count(c->second);
        if (const auto s = words.scales.find(w); s != words.scales.end()) {
            scale(s->second);
            return true;
        }
        const bool digits =
            !w.empty() && w.size() <= 3 && w[0] != '0' && w.find_first_not_of("0123456789") == std::string_view::npos;
        return digits && any_ && count(*parse_digits(w));  // "four-thousand-100"
    }

    double total_ = 0, current_ = 0, last_ = 0;
    bool any_ = false, scaled_ = false, after_count_ = false, refused_ = false, fraction_ = false;
};

bool is_count_word(std::string_view w) {
    Sum sum;
    return sum.add(w) && !sum.scaled();
}

struct Core {
    std::size_t last;  // one past the last token of the number
    double value;
    NumberForm form;
    bool approx;
    bool scaled;  // carries a word scale ("thousand") that a range's first half may share
};

class Parser {
public:
    Parser(const std::vector<Token>& t, std::size_t end) : t_(t), end_(end) {}

    std::optional<Quantity> at(std::size_t i) const {
        auto [bound, j, words] = prefix(i);
        if (negative(j)) return std::nullopt;
        auto core = number(j);
        if (!core) return std::nullopt;
        Quantity q;
        q.first = i;
        q.num_first = j;
        q.num_last = core->last;
        q.form = core->form;
        q.approx = core->approx || bound == Bound::Approx;
        q.bound = words;
        double low = core->value, high = core->value;
        std::size_t k = core->last;
        if (auto second = range_end(k, bound, *core)) {
            low = scaled_first(*core, second->second);
            high = second->second.value;
            k = second->first;
            q.num_last = k;
        } else if (bound == Bound::Between || bound == Bound::From) {
            bound = Bound::None;
        }
        k = suffix(k, q, bound);
        q.value = value_of(bound, low, high, core->form);
        if (std::max(q.value.low.value_or(0), q.value.high.value_or(0)) >= kMaxQuantity) return std::nullopt;
        k = restatement(k, q);
        q.last = k;
        return q;
    }

private:
    bool has(std::size_t i) const { return i < end_; }
    bool is(std::size_t i, std::string_view w) const { return has(i) && t_[i].norm == w; }
    bool in(std::size_t i, const WordSet& words) const { return has(i) && words.contains(t_[i].norm); }

    // A scale word right after digits ("15 thousand", "15-thousand") belongs to them: it never
    // starts a number of its own.
    bool scale_after_digits(std::size_t i) const {
        if (!vocabulary().scales.contains(t_[i].norm)) return false;
        std::size_t k = i;
        if (k > 0 && t_[k - 1].is("-") && !t_[k].space_before) --k;
        return k > 0 && t_[k - 1].kind == TokenKind::Number;
    }

    // "-5,000", "−5,000": a minus sign (not a dash) glued to the number, not to a word before it.
    // A negative number is a change or a balance, never a count.
    bool negative(std::size_t j) const {
        if (j == 0 || !has(j) || t_[j].space_before || t_[j].kind != TokenKind::Number) return false;
        const Token& sign = t_[j - 1];
        if (sign.text != "-" && sign.text != "\u2212") return false;
        return j == 1 || sign.space_before || sign.line_start || t_[j - 2].kind == TokenKind::Punct;
    }

    // "at least", "about": the bound or hedge before the number, as its words are written.
    std::tuple<Bound, std::size_t, std::string_view> prefix(std::size_t i) const {
        if (!has(i) || t_[i].kind != TokenKind::Word) return {Bound::None, i, {}};
        const auto m = vocabulary().before.match(t_, i, end_);
        if (!m) return {Bound::None, i, {}};
        return {bound_of(m->value->kind), i + m->length, m->value->written};
    }

    // One number: digits (with a scale word), words, or a vague plural.
    std::optional<Core> number(std::size_t i) const {
        if (!has(i)) return std::nullopt;
        if (t_[i].kind == TokenKind::Number) return digits(i);
        if (t_[i].kind == TokenKind::Code) return words(i);  // "four-thousand-100"
        if (t_[i].kind != TokenKind::Word) return std::nullopt;
        if (auto v = vague(i)) return v;
        return words(i);
    }

    std::optional<Core> digits(std::size_t i) const {
        auto v = number_token_value(t_[i]);
        if (!v) return std::nullopt;
        std::size_t j = i + 1;
        // "12 000": thousands grouped by a space (or a no-break or thin space).
        while (has(j) && grouped(j - 1, j)) {
            *v = *v * 1000 + (t_[j].norm[0] - '0') * 100 + (t_[j].norm[1] - '0') * 10 + (t_[j].norm[2] - '0');
            ++j;
        }
        bool scaled = false;
        // "15 thousand", and as broadcasters write it, "15-thousand", "27-hundred"
        const bool hyphen = is(j, "-") && !t_[j].space_before && has(j + 1) && !t_[j + 1].space_before;
        const std::size_t at = hyphen ? j + 1 : j;
        if (has(at) && t_[at].is_word()) {
            if (auto s = lookup(t_[at].norm, vocabulary().scales); s && (*s >= 100 || *s == 0)) {
                if (*s == 0) return std::nullopt;  // "9 zillion": no number
                *v = tidy(*v * *s);
                j = at + 1;
                scaled = true;
                if (const auto rest = hundreds_after_scale(j, *s)) {  // "3-thousand 400"
                    *v += *rest;
                    ++j;
                }
            }
        }
        return Core{j, *v, NumberForm::Digits, false, scaled};
    }

    // "3-thousand 400", as translators write 3,400: plain digits under 1,000 right after a scale
    // of a thousand or more, when nothing glued or scaled follows them.
    std::optional<double> hundreds_after_scale(std::size_t j, double scale) const {
        if (scale < 1000 || !has(j) || t_[j].kind != TokenKind::Number || t_[j].line_start) return std::nullopt;
        const std::string_view d = t_[j].norm;
        if (d.size() > 3 || d[0] == '0' || d.find_first_not_of("0123456789") != std::string_view::npos)
            return std::nullopt;
        const std::size_t after = j + 1;  // "400 thousand", "400-strong", "400 500": not its hundreds
        if (has(after) && (lookup(t_[after].norm, vocabulary().scales) || t_[after].kind == TokenKind::Number ||
                           (is(after, "-") && !t_[after].space_before)))
            return std::nullopt;
        return parse_digits(d);
    }

    bool grouped(std::size_t a, std::size_t b) const {
        const Token &x = t_[a], &y = t_[b];
        const auto all_digits = [](std::string_view s) {
            return s.find_first_not_of("0123456789") == std::string_view::npos;
        };
        const std::size_t gap = y.span.begin - x.span.end;
        return y.kind == TokenKind::Number && y.norm.size() == 3 && all_digits(y.norm) && all_digits(x.norm) &&
               x.norm.size() <= 3 && gap >= 1 && gap <= 3 && !y.line_start;
    }

    // "tens of thousands", "hundreds of thousands", "thousands", "dozens"
    std::optional<Core> vague(std::size_t i) const {
        if (auto m = vocabulary().vague.match(t_, i, end_))
            return Core{i + m->length, *m->value, NumberForm::Vague, true, false};
        return std::nullopt;
    }

    // "ten thousand", "one hundred and fifty", "a dozen", "a couple of thousand", "nine million"
    std::optional<Core> words(std::size_t i) const {
        const NumberWords& w = vocabulary();
        std::size_t j = i;
        Sum sum;
        bool approx = false;
        if (auto m = w.counts.match(t_, j, end_);
            m && (m->value->role == CountRole::Article || m->value->role == CountRole::Approx)) {
            j += m->length;  // "a thousand", "half a million", "a couple thousand"
            if (!(has(j) && lookup(t_[j].norm, w.scales))) return std::nullopt;
            sum.count(m->value->value);
            approx = m->value->role == CountRole::Approx;
        }
        if (j == i && scale_after_digits(i)) return std::nullopt;  // "9.9 quadrillion" refused stays refused
        while (has(j) && (t_[j].is_word() || t_[j].kind == TokenKind::Code)) {
            if (w.in_number.contains(t_[j].norm) && sum.any() && has(j + 1) && is_count_word(t_[j + 1].norm) &&
                sum.value() >= 100) {
                ++j;
                continue;
            }
            if (const auto f = fraction_before_scale(j)) {  // "two and a half thousand"
                if (!sum.fraction(f->second)) break;
                j = f->first;
                continue;
            }
            if (!sum.add(t_[j].norm)) break;
            ++j;
        }
        if (!sum.any() || sum.refused()) return std::nullopt;
        return Core{j, sum.value(), NumberForm::Words, approx, sum.scaled()};
    }

    // A fraction's words at `j` ("and a half") and a scale after them: where the scale is, and
    // the fraction's value.
    std::optional<std::pair<std::size_t, double>> fraction_before_scale(std::size_t j) const {
        const auto m = vocabulary().counts.match(t_, j, end_);
        if (!m || m->value->role != CountRole::Fraction) return std::nullopt;
        const std::size_t at = j + m->length;
        if (!(has(at) && lookup(t_[at].norm, vocabulary().scales))) return std::nullopt;
        return std::pair{at, m->value->value};
    }

    // "–30,000", "-20,000", "to 4,000", "and 4,000" (after "between")
    std::optional<std::pair<std::size_t, Core>> range_end(std::size_t k, Bound bound, const Core& first) const {
        const bool dash = is(k, "-") && !(has(k + 1) && t_[k + 1].is_word() && !is_count_word(t_[k + 1].norm));
        const bool to = in(k, vocabulary().range_to) && bound != Bound::High;
        const bool and_ = in(k, vocabulary().range_and) && bound == Bound::Between;
        if (!dash && !to && !and_) return std::nullopt;
        auto second = number(k + 1);
        if (!second || second->form == NumberForm::Vague) return std::nullopt;
        if (scaled_first(first, *second) >= second->value) return std::nullopt;
        return std::pair{second->last, *second};
    }

    // "25 to 30 thousand": the first half shares the second's scale.
    static double scaled_first(const Core& first, const Core& second) {
        if (first.scaled || !second.scaled) return first.value;
        for (double scale : {1e9, 1e6, 1e3, 1e2}) {
            if (second.value >= scale && first.value * scale <= second.value) return first.value * scale;
        }
        return first.value;
    }

    // "or so", "-odd", "-plus", "+": a hedge or a bound after the number.
    std::size_t suffix(std::size_t k, Quantity& q, Bound& bound) const {
        const auto m = vocabulary().after.match(t_, k, end_);
        if (!m) return k;
        const Bound after = bound_of(m->value->kind);
        // A lone mark ("+") bounds only a number with no bound before it; words always do.
        const bool mark = m->length == 1 && t_[k].kind == TokenKind::Punct;
        if (after == Bound::Approx) {
            q.approx = true;
        } else if (bound == Bound::None || !mark) {
            bound = after;
        } else {
            return k;
        }
        return k + m->length;
    }

    static Value value_of(Bound bound, double low, double high, NumberForm form) {
        if (form == NumberForm::Vague) return {low, std::nullopt};
        switch (bound) {
            case Bound::Low:
                return {low, std::nullopt};
            case Bound::High:
                return {std::nullopt, high};
            default:
                return {low, high};
        }
    }

    // "1.5K, so 1500", "1,500 (1.5K)": the same number said twice is one mention.
    std::size_t restatement(std::size_t k, Quantity& q) const {
        std::size_t j = k;
        if (is(j, ",")) ++j;
        const auto cue = vocabulary().restatements.match(t_, j, end_);
        if (!cue) return k;
        auto again = number(j + cue->length);
        if (!again || !q.value.low || again->value != *q.value.low || q.value.low != q.value.high) return k;
        q.num_last = again->last;
        return is(again->last, ")") ? again->last + 1 : again->last;
    }

    const std::vector<Token>& t_;
    std::size_t end_;
};

}  // namespace

std::optional<double> number_token_value(const Token& t) {
    if (t.kind != TokenKind::Number) return std::nullopt;
    std::string_view s = t.norm;
    if (s.size() > 1 && s[0] == '0' && s[1] != '.') return std::nullopt;  // 02124: a code
    double scale = 1;
    std::size_t n = s.size();
    while (n > 0 && s[n - 1] >= 'a' && s[n - 1] <= 'z') --n;
    if (n < s.size()) {  // 1.5K, 8th, 1940s
        const auto& suffixes = number_suffixes();
        const auto it = suffixes.find(s.substr(n));
        if (it == suffixes.end() || it->second == 0) return std::nullopt;
        scale = it->second;
    }
    auto v = parse_digits(s.substr(0, n));
    if (!v) return std::nullopt;
    return tidy(*v * scale);
}

namespace {
// Whether a quantity can start at this token: a number, or a word that begins a bound, a hedge
// or a number in words. Most tokens are neither; this keeps the parser off the hot path.
bool may_start_quantity(const Token& t) {
    if (t.kind == TokenKind::Number) return true;
    if (t.kind != TokenKind::Word && t.kind != TokenKind::Code) return false;
    const WordSet& starters = vocabulary().starters;
    if (starters.contains(HashedWord(t))) return true;
    if (t.norm.size() < 7) return false;  // the shortest: "six-one"... "forty-one"
    const auto dash = t.norm.find('-');   // twenty-five
    return dash != std::string_view::npos && starters.contains(t.norm.substr(0, dash));
}

}  // namespace

bool may_be_number(const Token& t) {
    if (t.kind == TokenKind::Number) return true;
    if (t.kind != TokenKind::Word && t.kind != TokenKind::Code) return false;
    const WordSet& numbers = vocabulary().numbers;
    if (numbers.contains(HashedWord(t))) return true;
    if (t.norm.size() < 7) return false;
    const auto dash = t.norm.find('-');
    return dash != std::string_view::npos && numbers.contains(t.norm.substr(0, dash));
}

Value bound_after_noun(const Value& v, const std::vector<Token>& tokens, std::size_t i, std::size_t end) {
    if (i >= end || !v.low || v.low != v.high || tokens[i].kind != TokenKind::Word) return v;
    const auto m = vocabulary().after.match(tokens, i, end);
    if (!m) return v;
    if (m->value->kind == BoundKind::Low) return {v.low, std::nullopt};
    if (m->value->kind == BoundKind::High) return {std::nullopt, v.high};
    return v;
}

std::optional<Quantity> parse_quantity(const std::vector<Token>& tokens, std::size_t i, std::size_t end) {
    if (i >= end || !may_start_quantity(tokens[i])) return std::nullopt;
    return Parser(tokens, end).at(i);
}

}  // namespace nkclaims
