#include "nkclaims/numbers.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <string>
#include <tuple>
#include <unordered_set>

#include "nkclaims/lexicon.hpp"  // WordSet

namespace nkclaims {
namespace {

struct Word {
    std::string_view word;
    double value;
};
constexpr std::array<Word, 28> kSmall{{
    {"zero", 0},      {"one", 1},       {"two", 2},       {"three", 3},    {"four", 4},     {"five", 5},
    {"six", 6},       {"seven", 7},     {"eight", 8},     {"nine", 9},     {"ten", 10},     {"eleven", 11},
    {"twelve", 12},   {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17},
    {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},   {"thirty", 30},  {"forty", 40},   {"fifty", 50},
    {"sixty", 60},    {"seventy", 70},  {"eighty", 80},   {"ninety", 90},
}};
constexpr std::array<Word, 5> kScales{{
    {"hundred", 100},
    {"thousand", 1e3},
    {"million", 1e6},
    {"billion", 1e9},
    {"dozen", 12},
}};
// "thousands of", "tens of thousands": at least one unit of the scale, approximate.
constexpr std::array<Word, 5> kVague{{
    {"dozens", 12},
    {"hundreds", 100},
    {"thousands", 1e3},
    {"millions", 1e6},
    {"billions", 1e9},
}};

enum class Bound { None, Low, High, Approx, Between, From };
struct Prefix {
    std::string_view words;
    Bound bound;
};
// Longest first where one is the start of another.
constexpr std::array<Prefix, 29> kPrefixes{{
    {"no fewer than", Bound::Low}, {"no less than", Bound::Low},   {"not less than", Bound::Low},
    {"in excess of", Bound::Low},  {"upwards of", Bound::Low},     {"at least", Bound::Low},
    {"more than", Bound::Low},     {"over", Bound::Low},           {"above", Bound::Low},
    {"no more than", Bound::High}, {"not more than", Bound::High}, {"as many as", Bound::High},
    {"up to", Bound::High},        {"at most", Bound::High},       {"fewer than", Bound::High},
    {"less than", Bound::High},    {"under", Bound::High},         {"an estimated", Bound::Approx},
    {"estimated", Bound::Approx},  {"close to", Bound::Approx},    {"about", Bound::Approx},
    {"around", Bound::Approx},     {"roughly", Bound::Approx},     {"approximately", Bound::Approx},
    {"nearly", Bound::Approx},     {"almost", Bound::Approx},      {"some", Bound::Approx},
    {"between", Bound::Between},   {"from", Bound::From},
}};

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

std::optional<double> lookup(std::string_view w, const auto& table) {
    for (const auto& e : table)
        if (e.word == w) return e.value;
    return std::nullopt;
}

// "twenty-five" → 25; "seventy" → 70
std::optional<double> small_word(std::string_view w) {
    if (auto v = lookup(w, kSmall)) return v;
    const auto dash = w.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    auto tens = lookup(w.substr(0, dash), kSmall), units = lookup(w.substr(dash + 1), kSmall);
    if (!tens || !units || *tens < 20 || *units >= 10) return std::nullopt;
    return *tens + *units;
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
        k = restatement(k, q);
        q.last = k;
        return q;
    }

private:
    bool has(std::size_t i) const { return i < end_; }
    bool is(std::size_t i, std::string_view w) const { return has(i) && t_[i].norm == w; }

    std::tuple<Bound, std::size_t, std::string_view> prefix(std::size_t i) const {
        // The prefixes' words, split once.
        static const std::vector<std::vector<std::uint64_t>> words = [] {  // their hashes
            std::vector<std::vector<std::uint64_t>> out;
            for (const auto& p : kPrefixes) {
                std::vector<std::uint64_t> w;
                for (std::string_view rest = p.words; !rest.empty();) {
                    const auto sp = rest.find(' ');
                    w.push_back(word_hash(rest.substr(0, sp)));
                    rest = sp == std::string_view::npos ? std::string_view{} : rest.substr(sp + 1);
                }
                out.push_back(std::move(w));
            }
            return out;
        }();
        if (!has(i) || t_[i].kind != TokenKind::Word) return {Bound::None, i, {}};
        for (std::size_t n = 0; n < kPrefixes.size(); ++n) {
            const auto& w = words[n];
            std::size_t k = 0;
            while (k < w.size() && has(i + k) && t_[i + k].hash == w[k]) ++k;
            if (k == w.size()) return {kPrefixes[n].bound, i + k, kPrefixes[n].words};
        }
        return {Bound::None, i, {}};
    }

    // One number: digits (with a scale word), words, or a vague plural.
    std::optional<Core> number(std::size_t i) const {
        if (!has(i)) return std::nullopt;
        if (t_[i].kind == TokenKind::Number) return digits(i);
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
        if (has(j) && t_[j].is_word()) {
            if (auto s = lookup(t_[j].norm, kScales); s && *s != 12) {
                *v = tidy(*v * *s);
                ++j;
                scaled = true;
            }
        }
        return Core{j, *v, NumberForm::Digits, false, scaled};
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
        if (is(i, "tens") && is(i + 1, "of") && is(i + 2, "thousands"))
            return Core{i + 3, 1e4, NumberForm::Vague, true, false};
        if (is(i, "hundreds") && is(i + 1, "of") && is(i + 2, "thousands"))
            return Core{i + 3, 1e5, NumberForm::Vague, true, false};
        if (auto v = lookup(t_[i].norm, kVague)) return Core{i + 1, *v, NumberForm::Vague, true, false};
        return std::nullopt;
    }

    // "ten thousand", "one hundred and fifty", "a dozen", "a couple of thousand", "nine million"
    std::optional<Core> words(std::size_t i) const {
        std::size_t j = i;
        double total = 0, current = 0;
        bool any = false, approx = false, scaled = false;
        if ((is(j, "a") || is(j, "an")) && has(j + 1)) {
            if (is(j + 1, "couple") || is(j + 1, "few")) {
                current = is(j + 1, "couple") ? 2 : 3;
                approx = true;
                j += 2;
                if (is(j, "of")) ++j;
                any = true;
                if (!(has(j) && lookup(t_[j].norm, kScales))) return std::nullopt;
            } else if (lookup(t_[j + 1].norm, kScales)) {
                current = 1;
                ++j;
                any = true;
            } else {
                return std::nullopt;
            }
        }
        while (has(j) && t_[j].is_word()) {
            if (auto s = small_word(t_[j].norm)) {
                current += *s;
            } else if (auto sc = lookup(t_[j].norm, kScales)) {
                if (!any) current = 1;
                if (*sc == 100 || *sc == 12) {
                    current *= *sc;
                } else {
                    total += current * *sc;
                    current = 0;
                }
                scaled = true;
            } else if (t_[j].norm == "and" && any && has(j + 1) && small_word(t_[j + 1].norm) &&
                       total + current >= 100) {
                ++j;
                continue;
            } else {
                break;
            }
            any = true;
            ++j;
        }
        if (!any) return std::nullopt;
        return Core{j, total + current, NumberForm::Words, approx, scaled};
    }

    // "–30,000", "-20,000", "to 4,000", "and 4,000" (after "between")
    std::optional<std::pair<std::size_t, Core>> range_end(std::size_t k, Bound bound, const Core& first) const {
        const bool dash = is(k, "-") && !(has(k + 1) && t_[k + 1].is_word() && !small_word(t_[k + 1].norm));
        const bool to = is(k, "to") && bound != Bound::High;
        const bool and_ = is(k, "and") && bound == Bound::Between;
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

    // "or so", "-odd", "-plus", "+"
    std::size_t suffix(std::size_t k, Quantity& q, Bound& bound) const {
        if (is(k, "or") && is(k + 1, "so")) {
            q.approx = true;
            return k + 2;
        }
        if (is(k, "-") && (is(k + 1, "odd") || is(k + 1, "plus"))) {
            if (is(k + 1, "odd"))
                q.approx = true;
            else
                bound = Bound::Low;
            return k + 2;
        }
        if (is(k, "+") && bound == Bound::None) {
            bound = Bound::Low;
            return k + 1;
        }
        return k;
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
        if (!(is(j, "so") || is(j, "or") || is(j, "i.e") || is(j, "("))) return k;
        auto again = number(j + 1);
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
    const std::string_view suffix = s.substr(n);
    if (suffix == "k")
        scale = 1e3;
    else if (suffix == "m" || suffix == "mn")
        scale = 1e6;
    else if (suffix == "bn" || suffix == "b")
        scale = 1e9;
    else if (!suffix.empty())
        return std::nullopt;  // 8th, 1940s
    auto v = parse_digits(s.substr(0, n));
    if (!v) return std::nullopt;
    return tidy(*v * scale);
}

namespace {
// Whether a quantity can start at this token: a number, or a word that begins a bound, a hedge
// or a number in words. Most tokens are neither; this keeps the parser off the hot path.
bool may_start_quantity(const Token& t) {
    if (t.kind == TokenKind::Number) return true;
    if (t.kind != TokenKind::Word) return false;
    static const WordSet starters = [] {
        WordSet s{"a", "an", "tens"};
        for (const auto& p : kPrefixes) s.insert(p.words.substr(0, p.words.find(' ')));
        for (const auto& w : kSmall) s.insert(w.word);
        for (const auto& w : kScales) s.insert(w.word);
        for (const auto& w : kVague) s.insert(w.word);
        return s;
    }();
    if (starters.contains(HashedWord(t))) return true;
    if (t.norm.size() < 7) return false;  // the shortest: "six-one"... "forty-one"
    const auto dash = t.norm.find('-');   // twenty-five
    return dash != std::string_view::npos && starters.contains(t.norm.substr(0, dash));
}

}  // namespace

bool may_be_number(const Token& t) {
    if (t.kind == TokenKind::Number) return true;
    if (t.kind != TokenKind::Word) return false;
    static const WordSet numbers = [] {
        WordSet s{"tens"};
        for (const auto& w : kSmall) s.insert(w.word);
        for (const auto& w : kScales) s.insert(w.word);
        for (const auto& w : kVague) s.insert(w.word);
        return s;
    }();
    if (numbers.contains(HashedWord(t))) return true;
    if (t.norm.size() < 7) return false;
    const auto dash = t.norm.find('-');
    return dash != std::string_view::npos && numbers.contains(t.norm.substr(0, dash));
}

std::optional<Quantity> parse_quantity(const std::vector<Token>& tokens, std::size_t i, std::size_t end) {
    if (i >= end || !may_start_quantity(tokens[i])) return std::nullopt;
    return Parser(tokens, end).at(i);
}

}  // namespace nkclaims
