#include "nkclaims/gazetteer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <span>

#include "nkclaims/error.hpp"
#include "nkclaims/numeric_words.hpp"

namespace nkclaims {

template <class T>
void Lexicon<T>::add(std::string_view phrase, T value) {
    // "=Town": match the case as written (a name that is also a common word).
    const bool marked = !phrase.empty() && phrase.front() == '=';
    if (marked) phrase.remove_prefix(1);
    Entry e{phrase_tokens(phrase), {}, std::move(value)};
    if (e.words.empty()) return;
    const bool capitals =
        marked || (std::any_of(phrase.begin(), phrase.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
                   std::none_of(phrase.begin(), phrase.end(), [](char c) { return c >= 'a' && c <= 'z'; }));
    if (capitals)
        for (const Token& t : tokenize(phrase).tokens) e.exact.emplace_back(t.text);
    first_words_.add(word_hash(e.words.front()));
    auto& list = by_first_[e.words.front()];
    list.push_back(std::move(e));
    std::stable_sort(list.begin(), list.end(),
                     [](const Entry& a, const Entry& b) { return a.words.size() > b.words.size(); });
}

template <class T>
auto Lexicon<T>::match(const std::vector<Token>& tokens, std::size_t i, std::size_t end) const -> std::optional<Match> {
    if (i >= end || !first_words_.may_contain(tokens[i].hash)) return std::nullopt;
    auto it = by_first_.find(HashedWord(tokens[i]));
    if (it == by_first_.end()) return std::nullopt;
    for (const Entry& e : it->second) {
        if (i + e.words.size() > end) continue;
        bool ok = true;
        for (std::size_t k = 0; k < e.words.size() && ok; ++k) {
            const Token& t = tokens[i + k];
            ok = e.exact.empty() ? t.norm == e.words[k] : t.text == e.exact[k];
        }
        if (ok) return Match{e.words.size(), &e.value};
    }
    return std::nullopt;
}

template class Lexicon<SourceEntry>;
template class Lexicon<std::string>;
template class Lexicon<NounEntry>;
template class Lexicon<PhaseCue>;
template class Lexicon<Stance>;
template class Lexicon<AttributionRole>;
template class Lexicon<bool>;
template class Lexicon<double>;
template class Lexicon<CountWord>;
template class Lexicon<BoundWord>;
template class Lexicon<MastheadRole>;

void read_rows(const std::filesystem::path& path, std::size_t min_fields,
               const std::function<void(const std::vector<std::string>&, const std::string&)>& row) {
    std::ifstream in(path);
    if (!in) throw ConfigError(path.string(), "cannot open data file");
    std::string line;
    for (std::size_t n = 1; std::getline(in, line); ++n) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> fields;
        std::size_t at = 0;
        for (;;) {
            const auto tab = line.find('\t', at);
            fields.push_back(line.substr(at, tab == std::string::npos ? std::string::npos : tab - at));
            if (tab == std::string::npos) break;
            at = tab + 1;
        }
        if (fields.size() < min_fields || fields[0].empty())
            throw ConfigError(fmt::format("{}:{}", path.string(), n),
                              fmt::format("expected {} tab-separated fields", min_fields));
        row(fields, fmt::format("{}:{}", path.string(), n));
    }
}

namespace {

void read_list(const std::filesystem::path& path, Lexicon<bool>& into) {
    read_rows(path, 1, [&](const auto& f, const auto&) { into.add(f[0], true); });
}

SourceKind source_kind(const std::string& s, const std::string& where) {
    if (s == "outlet") return SourceKind::Outlet;
    if (s == "org") return SourceKind::Organization;
    if (s == "person") return SourceKind::Person;
    if (s == "country") return SourceKind::Country;
    if (s == "group") return SourceKind::Group;
    throw ConfigError(where, fmt::format("unknown source kind '{}' (outlet, org, person, country, group)", s));
}

void add_scope(PhaseCue& cue, Phase phase, const std::string& scope, const std::string& where) {
    if (scope != "any" && scope != "people" && scope != "materiel")
        throw ConfigError(where, fmt::format("unknown scope '{}' (any, people, materiel)", scope));
    if (scope != "materiel") cue.people = phase;
    if (scope != "people") cue.materiel = phase;
}

AttributionRole role(const std::string& s, const std::string& where) {
    static const std::map<std::string, AttributionRole> roles{
        {"said", AttributionRole::Said},           {"told", AttributionRole::Told},
        {"according", AttributionRole::According}, {"cited", AttributionRole::Cited},
        {"citing", AttributionRole::Citing},       {"report", AttributionRole::Report}};
    auto it = roles.find(s);
    if (it == roles.end()) throw ConfigError(where, fmt::format("unknown attribution role '{}'", s));
    return it->second;
}

constexpr const char* kDataFiles[] = {"sources.tsv",   "places.tsv",        "nouns.tsv",       "actors.tsv",
                                      "phases.tsv",    "stances.tsv",       "attribution.tsv", "casualty_verbs.txt",
                                      "modifiers.txt", "stance_topics.txt", "boilerplate.txt", "not_counted.txt"};

// FNV-1a over the data files: cheap, and only compared for equality.
std::string fingerprint_of(const std::filesystem::path& dir) {
    std::uint64_t h = 1469598103934665603ull;
    for (const auto& files :
         {std::span<const char* const>(kDataFiles), std::span<const char* const>(kNumericWordFiles)})
        for (const char* f : files) {
            std::ifstream in(dir / f, std::ios::binary);
            for (char c; in.get(c);) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
        }
    return fmt::format("{:016x}", h);
}

}  // namespace

Gazetteer Gazetteer::load(const std::filesystem::path& dir) {
    Gazetteer g;
    read_rows(dir / "sources.tsv", 3, [&](const auto& f, const auto& where) {
        g.sources.add(f[0], SourceEntry{f[1], source_kind(f[2], where)});
    });
    std::vector<std::pair<std::string, std::string>> links;
    read_rows(dir / "places.tsv", 3, [&](const auto& f, const auto& where) {
        g.places.add(f[0], f[1]);
        if (f[2] != "-") links.emplace_back(f[1], f[2] + "\t" + where);
        g.parents.try_emplace(f[1], "");
    });
    for (const auto& [id, parent_where] : links) {
        const auto tab = parent_where.find('\t');
        const std::string parent = parent_where.substr(0, tab);
        if (!g.parents.contains(parent))
            throw ConfigError(parent_where.substr(tab + 1), fmt::format("unknown parent place '{}'", parent));
        g.parents[id] = parent;
    }
    read_rows(dir / "nouns.tsv", 2, [&](const auto& f, const auto& where) {
        if (f[1] == "person") return g.nouns.add(f[0], NounEntry{std::nullopt, true, false});
        if (f[1] == "context") return g.nouns.add(f[0], NounEntry{std::nullopt, false, true});
        auto m = parse_metric(f[1]);
        if (!m) throw ConfigError(where, fmt::format("unknown metric '{}'", f[1]));
        g.nouns.add(f[0], NounEntry{m, false, false});
    });
    read_rows(dir / "actors.tsv", 2, [&](const auto& f, const auto&) { g.actors.add(f[0], f[1]); });
    std::map<std::string, PhaseCue> cues;  // one phrase may say one thing of people, another of materiel
    read_rows(dir / "phases.tsv", 3, [&](const auto& f, const auto& where) {
        auto p = parse_phase(f[1]);
        if (!p) throw ConfigError(where, fmt::format("unknown phase '{}'", f[1]));
        PhaseCue& cue = cues[f[0]];
        add_scope(cue, *p, f[2], where);
        if (f.size() > 3 && !f[3].empty()) cue.weight = std::atoi(f[3].c_str());
        if (f.size() > 4 && f[4] == "before")
            cue.before_only = true;
        else if (f.size() > 4 && !f[4].empty())
            throw ConfigError(where, fmt::format("unknown direction '{}' (before)", f[4]));
    });
    for (const auto& [phrase, cue] : cues) g.phases.add(phrase, cue);
    read_rows(dir / "stances.tsv", 2, [&](const auto& f, const auto& where) {
        auto s = parse_stance(f[1]);
        if (!s) throw ConfigError(where, fmt::format("unknown stance '{}'", f[1]));
        g.stances.add(f[0], *s);
    });
    read_rows(dir / "attribution.tsv", 2,
              [&](const auto& f, const auto& where) { g.attribution.add(f[0], role(f[1], where)); });
    read_list(dir / "casualty_verbs.txt", g.casualty_verbs);
    read_list(dir / "modifiers.txt", g.modifiers);
    read_list(dir / "stance_topics.txt", g.stance_topics);
    read_list(dir / "boilerplate.txt", g.boilerplate);
    read_list(dir / "not_counted.txt", g.not_counted);
    use_numeric_words(dir);
    g.fingerprint = fingerprint_of(dir);
    return g;
}

bool Gazetteer::place_within(const std::string& inner, const std::string& outer) const {
    std::string at = inner;
    for (int guard = 0; guard < 32 && !at.empty(); ++guard) {
        if (at == outer) return true;
        auto it = parents.find(at);
        if (it == parents.end()) return false;
        at = it->second;
    }
    return false;
}

std::string Gazetteer::country_of(const std::string& place) const {
    std::string at = place;
    for (int guard = 0; guard < 32; ++guard) {
        auto it = parents.find(at);
        if (it == parents.end() || it->second.empty()) return at;
        at = it->second;
    }
    return at;
}

std::filesystem::path default_data_dir() {
    if (const char* env = std::getenv("NKCLAIMS_DATA"); env && *env) return env;
    const std::filesystem::path source = NKCLAIMS_SOURCE_DATA_DIR;
    if (std::filesystem::exists(source / "sources.tsv")) return source;
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) return exe.parent_path().parent_path() / "share" / "nkclaims" / "data";
    return "data";
}

}  // namespace nkclaims
