// The gazetteer: every name, alias, noun and cue phrase the extractor knows, read from the
// tab-separated files under data/ and validated once, before any text is read. Rules in the
// extractor are general; what they match lives here, where a user can read and extend it.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "nkclaims/claim.hpp"
#include "nkclaims/lexicon.hpp"
#include "nkclaims/tokens.hpp"
#include "nkclaims/vocabulary.hpp"

namespace nkclaims {

enum class SourceKind { Outlet, Organization, Person, Country, Group };

struct SourceEntry {
    std::string id;
    SourceKind kind;
};

// What a noun counts. Person nouns ("people", "men", "civilians") count troops or casualties
// only when the sentence says which (a deployment verb, a casualty verb); otherwise nothing.
struct NounEntry {
    std::optional<Metric> metric;
    bool person = false;
    bool context = false;  // "armies": never counted, but says an elliptical number counts troops
    std::string actor;     // a demonym ("North Koreans") says whose people it counts
};

// A verb of confirming, knowing or observing: the stance it takes when negated or refused
// ("cannot confirm": unconfirmed; "has not been observed": denies), and when affirmed
// ("confirmed": confirms; none for "know", which affirmed is no stance).
struct StanceVerb {
    std::optional<Stance> negated;
    std::optional<Stance> affirmed;
};

// A phase cue: what it means for people (troops, workers...) and for materiel (missiles,
// shells, equipment): "sent" is deployed for the one and supplied for the other.
struct PhaseCue {
    std::optional<Phase> people;
    std::optional<Phase> materiel;
    int weight = 0;            // added to the token distance: weaker cues lose to nearer, stronger ones
    bool before_only = false;  // speaks only of a number after it
};

enum class AttributionRole {
    Said,       // X said / estimates / believes / reported ...   → X
    Told,       // X told Y                                       → X, via Y if Y is an outlet
    According,  // according to X                                 → X
    Cited,      // X cited Y                                      → Y, via X
    Citing,     // X, citing Y                                    → Y, via X
    CitedBy,    // Y cited by X                                   → Y, via X
    Report,     // an X report that ..., X reports                → X
};

// How people read a source or a place: "South Korea's National Intelligence Service", short
// "NIS"; "Kursk region", short "Kursk".
struct DisplayName {
    std::string full;
    std::string brief;
};

struct Gazetteer {
    Lexicon<SourceEntry> sources;
    Lexicon<std::string> places;                 // alias → place id
    std::map<std::string, std::string> parents;  // place id → parent place id
    Lexicon<NounEntry> nouns;
    Lexicon<std::string> actors;  // "North Korean" → north_korea
    // actor_defaults.tsv: the forces the corpus follows (a count naming no one is theirs), and
    // whose are people killed or wounded that nothing gives a nationality to.
    std::string focus_actor;
    std::string people_lost_actor;
    // sides.tsv: whose forces a source means by "our forces" and by "the enemy" (actor ids,
    // empty for none), by source id.
    struct Sides {
        std::string ours;
        std::string enemy;
    };
    std::map<std::string, Sides, std::less<>> sides;
    Lexicon<PhaseCue> phases;
    Lexicon<Stance> stances;
    Lexicon<AttributionRole> attribution;
    Lexicon<Metric> casualty_verbs;    // "killed" → killed, "wounded" → wounded, "killed or wounded" → casualties
    Lexicon<StanceVerb> stance_verbs;  // "confirm", "corroborate", "observed": negated or affirmed
    Lexicon<About> stance_about;       // words that say what a stance is about
    Lexicon<bool> modifiers;           // words that may stand between a number and its noun
    Lexicon<bool> stance_topics;       // what a stance must be about
    Lexicon<bool> boilerplate;         // ads and site furniture
    Lexicon<bool> not_counted;         // nouns that are never counted: "years", "percent"
    Lexicon<bool> page_furniture;      // class, id and role words of a web page's menus, ads, share bars
    Vocabulary words;                  // grammar words by what they do: clause breaks, pronouns...
    std::string fingerprint;           // hash of every data file: a rule change re-extracts
    // The source ids some alias names as more than an outlet: they make assessments. True for
    // an institution (an org or a country alias), false for unnamed groups and people only.
    std::map<std::string, bool, std::less<>> origins;

    // Whether a source id is an outlet and nothing more (AP, or an outlet only a manifest names):
    // speaking for no one it names, it relays an assessment rather than making one.
    bool is_outlet(std::string_view id) const { return !origins.contains(id); }
    // Whether a source id names an institution ("nis", "us_gov"), not "experts" or "officials".
    bool is_named(std::string_view id) const {
        auto it = origins.find(id);
        return it != origins.end() && it->second;
    }

    // home_speakers.tsv: an outlet's country, and the speakers it names without saying whose
    // they are ("a military official" in a Seoul outlet), read as that country's.
    std::map<std::string, std::string, std::less<>> outlet_home;             // outlet id → country
    std::map<std::string, Lexicon<std::string>, std::less<>> home_speakers;  // country → phrase → source id

    // Source id → its names, place id → its names: columns 4 and 5 of sources.tsv and places.tsv.
    std::map<std::string, DisplayName> source_names;
    std::map<std::string, DisplayName> place_names;

    // Loads every file of data_files() from `dir`; throws ConfigError naming the file and
    // line of a bad entry.
    static Gazetteer load(const std::filesystem::path& dir);

    // True when place `inner` is `outer` or lies within it (Ussuriysk is in Russia).
    bool place_within(const std::string& inner, const std::string& outer) const;
    // The country a place belongs to ("pokrovsk" → "ukraine"), or the place itself.
    std::string country_of(const std::string& place) const;
    // The names of a source or place id; an id the data files do not name is its own name.
    DisplayName source_name(const std::string& id) const;
    DisplayName place_name(const std::string& id) const;
};

// One file of the vocabulary: its name under data/ and what reads it into the gazetteer.
struct DataFile {
    const char* name;
    // Reads `path` into `g`, validating every line (ConfigError "FILE:LINE: what"); null when
    // another loader reads the file (it is still required and fingerprinted).
    void (*load)(Gazetteer& g, const std::filesystem::path& path);
};
// The registry: every data file, in load order. Loading, validation and the fingerprint all
// walk it; a new file is one more line in its table (src/gazetteer.cpp, kDataFiles).
std::span<const DataFile> data_files();

// Reads a data file: one entry a line, fields split by tabs, '#' starts a comment line. Calls
// `row(fields, where)` for each entry; `where` is "FILE:LINE" for error messages. Throws
// ConfigError for a missing file or a line with fewer than `min_fields` fields.
void read_rows(const std::filesystem::path& path, std::size_t min_fields,
               const std::function<void(const std::vector<std::string>&, const std::string&)>& row);

// Where the data files are: --data, else $NKCLAIMS_DATA, else the source tree's data/, else
// share/nkclaims/data beside the binary.
std::filesystem::path default_data_dir();

}  // namespace nkclaims
