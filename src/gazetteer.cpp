#include "nkclaims/gazetteer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <functional>

#include "nkclaims/error.hpp"
#include "nkclaims/numeric_words.hpp"

namespace nkclaims {

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
        {"citing", AttributionRole::Citing},       {"cited_by", AttributionRole::CitedBy},
        {"report", AttributionRole::Report}};
    auto it = roles.find(s);
    if (it == roles.end()) throw ConfigError(where, fmt::format("unknown attribution role '{}'", s));
    return it->second;
}

// Columns 4 and 5 of sources.tsv and places.tsv, the names people read: optional on a line, the
// same on every line of an id.
void name(std::map<std::string, DisplayName>& names, const std::vector<std::string>& f, const std::string& where) {
    if (f.size() < 5 || f[3].empty() || f[4].empty()) return;
    const auto [it, fresh] = names.try_emplace(f[1], DisplayName{f[3], f[4]});
    if (!fresh && (it->second.full != f[3] || it->second.brief != f[4]))
        throw ConfigError(
            where, fmt::format("'{}' is named '{}' ({}) on an earlier line", f[1], it->second.full, it->second.brief));
}

void load_sources(Gazetteer& g, const std::filesystem::path& path) {
    read_rows(path, 3, [&](const auto& f, const auto& where) {
        const SourceKind kind = source_kind(f[2], where);
        g.sources.add(f[0], SourceEntry{f[1], kind});
        if (kind != SourceKind::Outlet)
            g.origins[f[1]] |= kind == SourceKind::Organization || kind == SourceKind::Country;
        name(g.source_names, f, where);
    });
}

void load_places(Gazetteer& g, const std::filesystem::path& path) {
    std::vector<std::pair<std::string, std::string>> links;
    read_rows(path, 3, [&](const auto& f, const auto& where) {
        g.places.add(f[0], f[1]);
        name(g.place_names, f, where);
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
}

void load_nouns(Gazetteer& g, const std::filesystem::path& path) {
    read_rows(path, 2, [&](const auto& f, const auto& where) {
        const std::string actor = f.size() > 2 ? f[2] : "";
        if (f[1] == "person") return g.nouns.add(f[0], NounEntry{std::nullopt, true, false, actor});
        if (f[1] == "context") return g.nouns.add(f[0], NounEntry{std::nullopt, false, true, actor});
        auto m = parse_metric(f[1]);
        if (!m) throw ConfigError(where, fmt::format("unknown metric '{}'", f[1]));
        g.nouns.add(f[0], NounEntry{m, false, false, actor});
    });
}

// Named officials: name <TAB> role <TAB> source id. The name, the family name alone (as
// written, capitalized) and the role all name the source.
void load_officials(Gazetteer& g, const std::filesystem::path& path) {
    read_rows(path, 3, [&](const auto& f, const auto&) {
        g.sources.add(f[0], SourceEntry{f[2], SourceKind::Person});
        // The family name: the last word, or the first in a Korean order name ("Shin Won-sik").
        const auto first = f[0].find(' '), last = f[0].rfind(' ');
        if (last != std::string::npos) {
            const bool korean = f[0].find('-', last) != std::string::npos;
            const std::string family = korean ? f[0].substr(0, first) : f[0].substr(last + 1);
            g.sources.add("=" + family, SourceEntry{f[2], SourceKind::Person});
        }
        if (!f[1].empty() && f[1] != "-") g.sources.add(f[1], SourceEntry{f[2], SourceKind::Person});
    });
}

// Offices of a government: `of <TAB> country words <TAB> source id` rows name whose office it
// is as written before it ("South Korea's", "British"), `office <TAB> words <TAB> person|org`
// rows the offices; every country form before every office names that country's source.
void load_offices(Gazetteer& g, const std::filesystem::path& path) {
    std::vector<std::pair<std::string, std::string>> countries;
    std::vector<std::pair<std::string, SourceKind>> offices;
    read_rows(path, 3, [&](const auto& f, const auto& where) {
        if (f[0] == "of")
            countries.emplace_back(f[1], f[2]);
        else if (f[0] == "office")
            offices.emplace_back(f[1], source_kind(f[2], where));
        else
            throw ConfigError(where, fmt::format("unknown row '{}' (of, office)", f[0]));
    });
    for (const auto& [country, id] : countries)
        for (const auto& [office, kind] : offices) g.sources.add(country + " " + office, SourceEntry{id, kind});
}

// Rows `outlet <TAB> outlet id <TAB> country` and `speaker <TAB> country <TAB> phrase <TAB> source id`.
void load_home_speakers(Gazetteer& g, const std::filesystem::path& path) {
    read_rows(path, 3, [&](const auto& f, const auto& where) {
        if (f[0] == "outlet")
            g.outlet_home[f[1]] = f[2];
        else if (f[0] == "speaker" && f.size() > 3)
            g.home_speakers[f[1]].add(f[2], f[3]);
        else
            throw ConfigError(where, fmt::format("unknown row '{}' (outlet, speaker with 4 fields)", f[0]));
    });
}

std::optional<Stance> stance_or_none(const std::string& s, const std::string& where) {
    if (s == "-") return std::nullopt;
    auto st = parse_stance(s);
    if (!st) throw ConfigError(where, fmt::format("unknown stance '{}'", s));
    return st;
}

// Verbs of confirming, knowing, observing: verb <TAB> stance negated <TAB> stance affirmed.
void load_stance_verbs(Gazetteer& g, const std::filesystem::path& path) {
    read_rows(path, 3, [&](const auto& f, const auto& where) {
        g.stance_verbs.add(f[0], StanceVerb{stance_or_none(f[1], where), stance_or_none(f[2], where)});
    });
}

void load_stance_about(Gazetteer& g, const std::filesystem::path& path) {
    read_rows(path, 2, [&](const auto& f, const auto& where) {
        auto a = parse_about(f[1]);
        if (!a) throw ConfigError(where, fmt::format("unknown subject '{}'", f[1]));
        g.stance_about.add(f[0], *a);
    });
}

void load_casualty_verbs(Gazetteer& g, const std::filesystem::path& path) {
    read_rows(path, 2, [&](const auto& f, const auto& where) {
        auto m = parse_metric(f[1]);
        if (!m || !is_loss(*m)) throw ConfigError(where, fmt::format("not a loss metric '{}'", f[1]));
        g.casualty_verbs.add(f[0], *m);
    });
}

void load_actors(Gazetteer& g, const std::filesystem::path& path) {
    read_rows(path, 2, [&](const auto& f, const auto&) { g.actors.add(f[0], f[1]); });
}

void load_actor_defaults(Gazetteer& g, const std::filesystem::path& path) {
    const std::pair<std::string_view, std::string Gazetteer::*> roles[] = {
        {"focus", &Gazetteer::focus_actor}, {"people_lost", &Gazetteer::people_lost_actor}};
    read_rows(path, 2, [&](const auto& f, const auto& where) {
        auto role = std::find_if(std::begin(roles), std::end(roles), [&](const auto& r) { return r.first == f[0]; });
        if (role == std::end(roles))
            throw ConfigError(where, fmt::format("unknown role '{}' (focus, people_lost)", f[0]));
        g.*role->second = f[1];
    });
    for (const auto& [name, field] : roles)
        if ((g.*field).empty()) throw ConfigError(path.string(), fmt::format("no '{}' row", name));
}

// Rows `source id <TAB> its side <TAB> the side it fights`, "-" for none.
void load_sides(Gazetteer& g, const std::filesystem::path& path) {
    read_rows(path, 3, [&](const auto& f, const auto&) {
        auto side = [](const std::string& s) { return s == "-" ? std::string() : s; };
        g.sides[f[0]] = Gazetteer::Sides{side(f[1]), side(f[2])};
    });
}

void load_phases(Gazetteer& g, const std::filesystem::path& path) {
    std::map<std::string, PhaseCue> cues;  // one phrase may say one thing of people, another of materiel
    read_rows(path, 3, [&](const auto& f, const auto& where) {
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
}

void load_stances(Gazetteer& g, const std::filesystem::path& path) {
    read_rows(path, 2, [&](const auto& f, const auto& where) {
        auto s = parse_stance(f[1]);
        if (!s) throw ConfigError(where, fmt::format("unknown stance '{}'", f[1]));
        g.stances.add(f[0], *s);
    });
}

void load_attribution(Gazetteer& g, const std::filesystem::path& path) {
    read_rows(path, 2, [&](const auto& f, const auto& where) { g.attribution.add(f[0], role(f[1], where)); });
}

// A file of grammar words: phrase <TAB> word class.
void load_word_classes(Gazetteer& g, const std::filesystem::path& path) {
    read_rows(path, 2, [&](const auto& f, const auto& where) {
        auto c = parse_word_class(f[1]);
        if (!c) throw ConfigError(where, fmt::format("unknown word class '{}'", f[1]));
        g.words.add(f[0], *c);
    });
}

template <Lexicon<bool> Gazetteer::*list>
void load_list(Gazetteer& g, const std::filesystem::path& path) {
    read_list(path, g.*list);
}

// The registry of data files. To add one: a line here, with the function that reads it.
constexpr DataFile kDataFiles[] = {
    {"sources.tsv", load_sources},
    {"places.tsv", load_places},
    {"nouns.tsv", load_nouns},
    {"actors.tsv", load_actors},
    {"actor_defaults.tsv", load_actor_defaults},
    {"sides.tsv", load_sides},
    {"phases.tsv", load_phases},
    {"stances.tsv", load_stances},
    {"attribution.tsv", load_attribution},
    {"casualty_verbs.tsv", load_casualty_verbs},
    {"modifiers.txt", load_list<&Gazetteer::modifiers>},
    {"stance_topics.txt", load_list<&Gazetteer::stance_topics>},
    {"boilerplate.txt", load_list<&Gazetteer::boilerplate>},
    {"not_counted.txt", load_list<&Gazetteer::not_counted>},
    {"page_furniture.txt", load_list<&Gazetteer::page_furniture>},
    {"clause_words.tsv", load_word_classes},
    {"noun_phrase_words.tsv", load_word_classes},
    {"elliptical_cues.tsv", load_word_classes},
    {"increments.tsv", load_word_classes},
    {"pronouns.tsv", load_word_classes},
    {"place_words.tsv", load_word_classes},
    {"number_context.tsv", load_word_classes},
    {"officials.tsv", load_officials},
    {"offices.tsv", load_offices},
    {"home_speakers.tsv", load_home_speakers},
    {"stance_verbs.tsv", load_stance_verbs},
    {"stance_about.tsv", load_stance_about},
    {"stance_words.tsv", load_word_classes},
    {"figure_words.tsv", load_word_classes},
    {"date_roles.tsv", load_word_classes},
    // The words of numbers, dates and page tops: read by use_numeric_words() (numeric_words.hpp).
    {"number_words.tsv", nullptr},
    {"number_scales.tsv", nullptr},
    {"number_suffixes.tsv", nullptr},
    {"vague_numbers.tsv", nullptr},
    {"number_bounds.tsv", nullptr},
    {"number_restatements.txt", nullptr},
    {"months.tsv", nullptr},
    {"weekdays.tsv", nullptr},
    {"relative_dates.tsv", nullptr},
    {"date_prepositions.tsv", nullptr},
    {"abbreviations.txt", nullptr},
    {"masthead.tsv", nullptr},
    {"header_lines.tsv", nullptr},
    {"joiners.tsv", nullptr},
};

// FNV-1a over the registered files: cheap, and only compared for equality.
std::string fingerprint_of(const std::filesystem::path& dir) {
    std::uint64_t h = 1469598103934665603ull;
    for (const DataFile& f : kDataFiles) {
        std::ifstream in(dir / f.name, std::ios::binary);
        for (char c; in.get(c);) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    }
    return fmt::format("{:016x}", h);
}

}  // namespace

std::span<const DataFile> data_files() { return kDataFiles; }

Gazetteer Gazetteer::load(const std::filesystem::path& dir) {
    Gazetteer g;
    for (const DataFile& f : kDataFiles) {
        if (f.load)
            f.load(g, dir / f.name);
        else if (!std::filesystem::exists(dir / f.name))
            throw ConfigError((dir / f.name).string(), "cannot open data file");
    }
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

DisplayName Gazetteer::source_name(const std::string& id) const {
    const auto it = source_names.find(id);
    return it == source_names.end() ? DisplayName{id, id} : it->second;
}

DisplayName Gazetteer::place_name(const std::string& id) const {
    const auto it = place_names.find(id);
    return it == place_names.end() ? DisplayName{id, id} : it->second;
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
