// The gazetteer: every name, alias, noun and cue phrase the extractor knows, read from the
// tab-separated files under data/ and validated once, before any text is read. Rules in the
// extractor are general; what they match lives here, where a user can read and extend it.
#pragma once

#include <bitset>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "nkclaims/claim.hpp"
#include "nkclaims/tokens.hpp"

namespace nkclaims {

// Hashes words with word_hash(); a HashedWord (a token) brings its hash along.
struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return word_hash(s); }
    std::size_t operator()(const HashedWord& w) const { return w.hash; }
};
struct WordEqual {
    using is_transparent = void;
    template <class A, class B>
    bool operator()(const A& a, const B& b) const {
        return text(a) == text(b);
    }
    static std::string_view text(std::string_view s) { return s; }
    static std::string_view text(const HashedWord& w) { return w.text; }
};
// Which first words may be present, by 12 bits of their hash: a miss (most tokens) costs one
// bit test instead of a hash table probe.
class WordFilter {
public:
    void add(std::uint64_t h) { bits_.set(h >> 52); }
    bool may_contain(std::uint64_t h) const { return bits_.test(h >> 52); }

private:
    std::bitset<4096> bits_;
};

// A set of words, looked up by token without hashing again.
class WordSet {
public:
    WordSet() = default;
    WordSet(std::initializer_list<std::string_view> words) {
        for (auto w : words) insert(w);
    }
    void insert(std::string_view w) {
        words_.insert(w);
        filter_.add(word_hash(w));
    }
    bool contains(const HashedWord& w) const { return filter_.may_contain(w.hash) && words_.contains(w); }
    bool contains(std::string_view w) const { return contains(HashedWord(w)); }

private:
    std::unordered_set<std::string_view, WordHash, WordEqual> words_;
    WordFilter filter_;
};

// A phrase table matched against tokens, longest phrase first, ignoring case. A phrase written
// in capitals ("US", "NIS", "UN") matches only capitals, so that "us" is left alone; a phrase
// marked with a leading '=' ("=Town") matches only as written.
template <class T>
class Lexicon {
public:
    struct Match {
        std::size_t length;  // tokens covered
        const T* value;
    };

    void add(std::string_view phrase, T value);
    // The longest entry that starts at tokens[i] and ends before `end`.
    std::optional<Match> match(const std::vector<Token>& tokens, std::size_t i, std::size_t end) const;

private:
    struct Entry {
        std::vector<std::string> words;
        std::vector<std::string> exact;  // the original words, when case matters
        T value;
    };
    // Keyed by the first word; looked up by string_view without building a string.
    struct KeyHash : WordHash {
        using WordHash::operator();
        std::size_t operator()(const std::string& s) const { return word_hash(s); }
    };
    struct KeyEqual : WordEqual {
        using WordEqual::operator();
        bool operator()(const std::string& a, const HashedWord& b) const { return a == b.text; }
        bool operator()(const HashedWord& a, const std::string& b) const { return a.text == b; }
        bool operator()(const std::string& a, const std::string& b) const { return a == b; }
    };
    std::unordered_map<std::string, std::vector<Entry>, KeyHash, KeyEqual> by_first_;
    WordFilter first_words_;
};

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
    Citing,     // X, citing Y / cited in X                       → Y, via X
    Report,     // an X report that ..., X reports                → X
};

struct Gazetteer {
    Lexicon<SourceEntry> sources;
    Lexicon<std::string> places;                 // alias → place id
    std::map<std::string, std::string> parents;  // place id → parent place id
    Lexicon<NounEntry> nouns;
    Lexicon<std::string> actors;  // "North Korean" → north_korea
    Lexicon<PhaseCue> phases;
    Lexicon<Stance> stances;
    Lexicon<AttributionRole> attribution;
    Lexicon<bool> casualty_verbs;  // "killed", "were wounded"
    Lexicon<bool> modifiers;       // words that may stand between a number and its noun
    Lexicon<bool> stance_topics;   // what a stance must be about
    Lexicon<bool> boilerplate;     // ads and site furniture
    Lexicon<bool> not_counted;     // nouns that are never counted: "years", "percent"
    std::string fingerprint;       // hash of every data file: a rule change re-extracts

    // Loads every file of `dir`; throws ConfigError naming the file and line of a bad entry.
    static Gazetteer load(const std::filesystem::path& dir);

    // True when place `inner` is `outer` or lies within it (Ussuriysk is in Russia).
    bool place_within(const std::string& inner, const std::string& outer) const;
    // The country a place belongs to ("pokrovsk" → "ukraine"), or the place itself.
    std::string country_of(const std::string& place) const;
};

// Reads a data file: one entry a line, fields split by tabs, '#' starts a comment line. Calls
// `row(fields, where)` for each entry; `where` is "FILE:LINE" for error messages. Throws
// ConfigError for a missing file or a line with fewer than `min_fields` fields.
void read_rows(const std::filesystem::path& path, std::size_t min_fields,
               const std::function<void(const std::vector<std::string>&, const std::string&)>& row);

// Where the data files are: --data, else $NKCLAIMS_DATA, else the source tree's data/, else
// share/nkclaims/data beside the binary.
std::filesystem::path default_data_dir();

}  // namespace nkclaims
