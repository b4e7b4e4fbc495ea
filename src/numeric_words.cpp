#include "nkclaims/numeric_words.hpp"

#include <fmt/format.h>

#include <atomic>
#include <charconv>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

#include "nkclaims/error.hpp"

namespace nkclaims {

namespace {

double number_field(const std::string& s, const std::string& where) {
    double v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || p != s.data() + s.size()) throw ConfigError(where, fmt::format("not a number: '{}'", s));
    return v;
}

unsigned whole_field(const std::string& s, unsigned low, unsigned high, const std::string& where) {
    const double v = number_field(s, where);
    if (v < low || v > high || v != static_cast<double>(static_cast<unsigned>(v)))
        throw ConfigError(where, fmt::format("expected a whole number from {} to {}: '{}'", low, high, s));
    return static_cast<unsigned>(v);
}

// The first word of a phrase, as the tokenizer normalizes it.
std::string first_word(const std::string& phrase) {
    auto words = phrase_tokens(phrase);
    return words.empty() ? std::string{} : words.front();
}

// Adds the first word of `phrase` to `set`, spelled in `store` (a WordSet only views words).
void add_first(WordSet& set, std::deque<std::string>& store, const std::string& phrase) {
    set.insert(store.emplace_back(first_word(phrase)));
}

CountRole count_role(const std::vector<std::string>& f, const std::string& where) {
    if (f.size() < 3 || f[2] == "count") return CountRole::Count;
    if (f[2] == "article") return CountRole::Article;
    if (f[2] == "approx") return CountRole::Approx;
    if (f[2] == "fraction") return CountRole::Fraction;
    throw ConfigError(where, fmt::format("unknown role '{}' (count, article, approx, fraction)", f[2]));
}

BoundKind bound_kind(const std::string& s, const std::string& where) {
    static const WordMap<BoundKind> kinds{{"low", BoundKind::Low},
                                          {"high", BoundKind::High},
                                          {"approx", BoundKind::Approx},
                                          {"between", BoundKind::Between},
                                          {"from", BoundKind::From}};
    const auto it = kinds.find(std::string_view(s));
    if (it == kinds.end())
        throw ConfigError(where, fmt::format("unknown kind '{}' (low, high, approx, between, from)", s));
    return it->second;
}

NumberWords read_number_words(const std::filesystem::path& dir, std::deque<std::string>& store) {
    NumberWords n;
    read_rows(dir / "number_words.tsv", 2, [&](const auto& f, const auto& where) {
        const CountWord w{number_field(f[1], where), count_role(f, where)};
        n.counts.add(f[0], w);
        if (w.role == CountRole::Fraction) {  // never starts a number: "and a half" follows a count
            std::string joined;
            for (const auto& word : phrase_tokens(f[0])) joined += (joined.empty() ? "" : "-") + word;
            n.fractions.emplace(std::move(joined), w.value);
            return;
        }
        add_first(n.starters, store, f[0]);
        if (w.role == CountRole::Count && phrase_tokens(f[0]).size() == 1) {
            n.count_values.emplace(first_word(f[0]), w.value);
            add_first(n.numbers, store, f[0]);
        }
    });
    read_rows(dir / "number_scales.tsv", 2, [&](const auto& f, const auto& where) {
        n.scales.emplace(first_word(f[0]), number_field(f[1], where));
        add_first(n.starters, store, f[0]);
        add_first(n.numbers, store, f[0]);
    });
    read_rows(dir / "vague_numbers.tsv", 2, [&](const auto& f, const auto& where) {
        n.vague.add(f[0], number_field(f[1], where));
        add_first(n.starters, store, f[0]);
        add_first(n.numbers, store, f[0]);
    });
    read_rows(dir / "number_bounds.tsv", 2, [&](const auto& f, const auto& where) {
        const BoundWord kind{bound_kind(f[1], where), f[0]};
        if (f.size() > 2 && f[2] == "after") return n.after.add(f[0], kind);
        if (f.size() > 2 && !f[2].empty()) throw ConfigError(where, fmt::format("unknown position '{}' (after)", f[2]));
        n.before.add(f[0], kind);
        add_first(n.starters, store, f[0]);
    });
    read_rows(dir / "number_restatements.txt", 1, [&](const auto& f, const auto&) { n.restatements.add(f[0], true); });
    return n;
}

unsigned date_forms(const std::string& list, const std::string& where) {
    static const WordMap<DateForm> forms{
        {"weekday", kWeekday}, {"day", kDay}, {"month", kMonth}, {"part", kPart}, {"year", kYear}};
    unsigned bits = 0;
    for (std::size_t at = 0; at <= list.size();) {
        const auto comma = std::min(list.find(',', at), list.size());
        const auto it = forms.find(std::string_view(list).substr(at, comma - at));
        if (it == forms.end())
            throw ConfigError(where, fmt::format("unknown form in '{}' (weekday, day, month, part, year)", list));
        bits |= it->second;
        at = comma + 1;
    }
    return bits;
}

RelativeWord relative_word(const std::vector<std::string>& f, const std::string& where) {
    static const WordMap<RelativeRole> roles{{"day", RelativeRole::Offset},      {"previous", RelativeRole::Previous},
                                             {"current", RelativeRole::Current}, {"following", RelativeRole::Following},
                                             {"earlier", RelativeRole::Earlier}, {"unit", RelativeRole::Unit},
                                             {"part", RelativeRole::Part}};
    const auto it = roles.find(std::string_view(f[1]));
    if (it == roles.end()) throw ConfigError(where, fmt::format("unknown role '{}'", f[1]));
    RelativeWord w{it->second};
    const std::string arg = f.size() > 2 ? f[2] : std::string{};
    const bool needs = w.role == RelativeRole::Offset || w.role == RelativeRole::Unit || w.role == RelativeRole::Part;
    if (needs && arg.empty()) throw ConfigError(where, fmt::format("role '{}' needs an argument", f[1]));
    if (w.role == RelativeRole::Offset) w.days = static_cast<int>(number_field(arg, where));
    if (w.role == RelativeRole::Unit) {
        static const WordMap<DateUnit> units{
            {"week", DateUnit::Week}, {"month", DateUnit::Month}, {"year", DateUnit::Year}};
        const auto u = units.find(std::string_view(arg));
        if (u == units.end()) throw ConfigError(where, fmt::format("unknown unit '{}' (week, month, year)", arg));
        w.unit = u->second;
    }
    if (w.role == RelativeRole::Part) {
        const auto dash = arg.find('-');
        if (dash == std::string::npos) throw ConfigError(where, fmt::format("expected days A-B: '{}'", arg));
        w.from = whole_field(arg.substr(0, dash), 1, 31, where);
        w.to = whole_field(arg.substr(dash + 1), w.from, 31, where);
    }
    const bool leads =
        w.role == RelativeRole::Previous || w.role == RelativeRole::Current || w.role == RelativeRole::Following;
    if (leads && !arg.empty()) w.leads = date_forms(arg, where);
    return w;
}

DateWords read_date_words(const std::filesystem::path& dir, std::deque<std::string>& store, WordSet& abbreviations) {
    DateWords d;
    read_rows(dir / "months.tsv", 2, [&](const auto& f, const auto& where) {
        d.months.emplace(first_word(f[0]), whole_field(f[1], 1, 12, where));
        add_first(d.starters, store, f[0]);
        if (f.size() > 2 && f[2] == "abbreviation") add_first(abbreviations, store, f[0]);
    });
    read_rows(dir / "weekdays.tsv", 2, [&](const auto& f, const auto& where) {
        d.weekdays.emplace(first_word(f[0]), whole_field(f[1], 0, 6, where));
        add_first(d.starters, store, f[0]);
    });
    read_rows(dir / "relative_dates.tsv", 2, [&](const auto& f, const auto& where) {
        const RelativeWord w = relative_word(f, where);
        d.relative.emplace(first_word(f[0]), w);
        if (w.role != RelativeRole::Unit) add_first(d.starters, store, f[0]);
    });
    read_rows(dir / "date_prepositions.tsv", 2, [&](const auto& f, const auto& where) {
        d.relative.emplace(first_word(f[0]), RelativeWord{RelativeRole::Lead, 0, {}, 0, 0, date_forms(f[1], where)});
        add_first(d.starters, store, f[0]);
    });
    return d;
}

// The words in use, and every set ever put in use: a reference handed out stays valid.
template <class T>
class Installed {
public:
    explicit Installed(T (*read)(const std::filesystem::path&)) : read_(read) {}
    const T& get() {
        if (const T* p = current_.load(std::memory_order_acquire)) return *p;
        use(default_data_dir());
        return *current_.load(std::memory_order_acquire);
    }
    void use(const std::filesystem::path& dir) {
        auto fresh = std::make_unique<T>(read_(dir));
        const std::lock_guard lock(mutex_);
        current_.store(fresh.get(), std::memory_order_release);
        kept_.push_back(std::move(fresh));
    }

private:
    T (*read_)(const std::filesystem::path&);
    std::atomic<const T*> current_{nullptr};
    std::mutex mutex_;
    std::vector<std::unique_ptr<T>> kept_;
};

WordMap<double> read_suffixes(const std::filesystem::path& dir) {
    WordMap<double> out;
    read_rows(dir / "number_suffixes.tsv", 2, [&](const auto& f, const auto& where) {
        std::string lower;
        for (char c : f[0]) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        out.emplace(lower, number_field(f[1], where));
    });
    return out;
}

Installed<NumericWords>& installed_words() {
    static Installed<NumericWords> words(&NumericWords::read);
    return words;
}

Installed<WordMap<double>>& installed_suffixes() {
    static Installed<WordMap<double>> suffixes(&read_suffixes);
    return suffixes;
}

// joiners.tsv: the words that join two numbers or two days, each role into its sets.
void read_joiners(const std::filesystem::path& dir, NumericWords& w) {
    read_rows(dir / "joiners.tsv", 2, [&](const auto& f, const auto& where) {
        const std::string& role = f[1];
        const std::string& word = w.spelled.emplace_back(first_word(f[0]));
        if (role == "in_number") {
            w.numbers.in_number.insert(word);
        } else if (role == "range") {
            w.numbers.range_to.insert(word);
            w.dates.day_joiners.insert(word);
        } else if (role == "between") {
            w.numbers.range_and.insert(word);
            w.dates.day_joiners.insert(word);
        } else if (role == "day_of") {
            w.dates.day_of.insert(word);
        } else {
            throw ConfigError(where, fmt::format("unknown role '{}' (in_number, range, between, day_of)", role));
        }
    });
}

void read_header_lines(const std::filesystem::path& dir, NumericWords& w) {
    static const WordMap<HeaderRole> roles{{"episode_date", HeaderRole::EpisodeDate},
                                           {"published", HeaderRole::Published},
                                           {"source", HeaderRole::Source},
                                           {"header", HeaderRole::Header},
                                           {"alone", HeaderRole::Alone},
                                           {"podcast", HeaderRole::Podcast},
                                           {"credit", HeaderRole::Credit},
                                           {"recorded", HeaderRole::Recorded},
                                           {"spoken", HeaderRole::Spoken}};
    read_rows(dir / "header_lines.tsv", 2, [&](const auto& f, const auto& where) {
        const auto it = roles.find(std::string_view(f[1]));
        if (it == roles.end())
            throw ConfigError(where, fmt::format("unknown role '{}' (episode_date, published, source, header, alone, "
                                                 "podcast, credit, recorded, spoken)",
                                                 f[1]));
        w.headers.add(f[0], it->second);
    });
}

}  // namespace

NumericWords NumericWords::read(const std::filesystem::path& dir) {
    NumericWords w;
    w.numbers = read_number_words(dir, w.spelled);
    w.dates = read_date_words(dir, w.spelled, w.abbreviations);
    read_rows(dir / "masthead.tsv", 2, [&](const auto& f, const auto& where) {
        if (f[1] != "furniture" && f[1] != "byline")
            throw ConfigError(where, fmt::format("unknown role '{}' (furniture, byline)", f[1]));
        w.masthead.add(f[0], f[1] == "byline" ? MastheadRole::Byline : MastheadRole::Furniture);
    });
    read_header_lines(dir, w);
    read_joiners(dir, w);
    read_rows(dir / "abbreviations.txt", 1,
              [&](const auto& f, const auto&) { add_first(w.abbreviations, w.spelled, f[0]); });
    return w;
}

namespace detail {
std::atomic<const NumericWords*> numeric_words_in_use{nullptr};

const NumericWords& use_default_numeric_words() {
    const NumericWords& w = installed_words().get();
    numeric_words_in_use.store(&w, std::memory_order_release);
    return w;
}
}  // namespace detail

const WordMap<double>& number_suffixes() { return installed_suffixes().get(); }

void use_numeric_words(const std::filesystem::path& dir) {
    installed_suffixes().use(dir);
    installed_words().use(dir);
    detail::numeric_words_in_use.store(&installed_words().get(), std::memory_order_release);
}

}  // namespace nkclaims
