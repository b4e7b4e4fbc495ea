// The words numbers and dates are written with: number words, scales, suffixes, vague
// quantities, bounds and hedges, month and weekday names, relative-date words, abbreviations.
// They are data (data/number_*.tsv, vague_numbers.tsv, months.tsv, weekdays.tsv,
// relative_dates.tsv, date_prepositions.tsv, abbreviations.txt, masthead.tsv, header_lines.tsv), read
// once and shared by the tokenizer, the number parser, the date resolver, the sentence splitter and
// the metadata reader, which take no Gazetteer of their own.
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <string>
#include <unordered_map>

#include "nkclaims/gazetteer.hpp"  // read_rows, default_data_dir
#include "nkclaims/lexicon.hpp"    // Lexicon, WordSet

namespace nkclaims {

// A map from a word to what it means, looked up by token or by string without copying.
template <class T>
using WordMap = std::unordered_map<std::string, T, WordHash, WordEqual>;

// How a number word counts (number_words.tsv's third field).
enum class CountRole : std::uint8_t {
    Count,     // "twenty": a number by itself
    Article,   // "a": one, only before a scale ("a thousand")
    Approx,    // "a couple": needs a scale after it, and makes the number approximate
    Fraction,  // "and a half": added to the count before it, only before a scale ("two and a half thousand")
};
struct CountWord {
    double value;
    CountRole role;
};

// What a bound or hedge word says of the number (number_bounds.tsv).
enum class BoundKind : std::uint8_t { Low, High, Approx, Between, From };
struct BoundWord {
    BoundKind kind;
    std::string written;  // the phrase as the data file writes it: what --explain shows
};

struct NumberWords {
    Lexicon<CountWord> counts;     // every entry of number_words.tsv, matched on tokens
    WordMap<double> count_values;  // its single words of role `count`: the halves of "twenty-five"
    WordMap<double> fractions;     // its fractions joined by hyphens: "and-a-half" of "three-and-a-half"
    WordMap<double> scales;        // "thousand" → 1000
    Lexicon<double> vague;         // "tens of thousands" → 10000
    Lexicon<BoundWord> before;     // "at least" → Low
    Lexicon<BoundWord> after;      // "or so" → Approx
    Lexicon<bool> restatements;    // "so", "(": the same number said again
    WordSet in_number;             // joins the parts of a number in words: "hundred and fifty"
    WordSet range_to;              // ends a range's first half: "3,000 to 5,000"
    WordSet range_and;             // ends it after "between": "between 2,000 and 4,000"
    WordSet starters;              // every first word of the above: where a quantity may start
    WordSet numbers;               // words that are numbers themselves (counts, scales, vague)
};

// What a relative-date word does (relative_dates.tsv).
enum class RelativeRole : std::uint8_t { Offset, Previous, Current, Following, Earlier, Unit, Part, Lead };
enum class DateUnit : std::uint8_t { Week, Month, Year };
// The forms of date a word may lead, as bits.
enum DateForm : unsigned { kWeekday = 1, kDay = 2, kMonth = 4, kPart = 8, kYear = 16 };

struct RelativeWord {
    RelativeRole role;
    int days = 0;       // Day: the offset from the reference date
    DateUnit unit{};    // Unit
    unsigned from = 0;  // Part: the first and last day of the month it names
    unsigned to = 0;
    unsigned leads = 0;  // DateForm bits: the forms this word may stand before
};

struct DateWords {
    WordMap<unsigned> months;        // "january", "jan" → 1
    WordMap<unsigned> weekdays;      // "sunday" → 0
    WordMap<RelativeWord> relative;  // "yesterday", "last", "week", "early"; prepositions: "in"
    WordSet day_of;                  // joins a day to its month: "the 8th of July"
    WordSet day_joiners;             // joins two days of one month: "October 27 and 28", "12 to 14"
    WordSet starters;                // words a date expression may start with
};

// What the first words of a line at the top of a page make of it (data/masthead.tsv).
enum class MastheadRole : std::uint8_t {
    Furniture,  // "Skip to content", "Advertisement": never a title
    Byline,     // "By", "Published", "Updated": never a title; its day is the publication date
};

// What a key of a header line does (data/header_lines.tsv says it for each role).
enum class HeaderRole : std::uint8_t {
    EpisodeDate,  // "Episode Date:": the publication date, and a transcript
    Published,    // "Published:", "Date:": the publication date
    Source,       // "Source:" at the foot: the outlet
    Header,       // a line starting with it is a header line
    Alone,        // a line of only it is a header line: "Transcript"
    Podcast,      // inside a podcast's title line: "Podcast by"
    Credit,       // "<show> by <outlet> - <episode>": by
    Recorded,     // a day after it, near the top, is the recording date
    Spoken,       // a top line starting with it is from something spoken: a transcript
};

struct NumericWords {
    std::deque<std::string> spelled;  // the words the WordSets view: a deque never moves them
    NumberWords numbers;
    DateWords dates;
    WordSet abbreviations;  // a period after these ends no sentence: "Gen.", "Sept."
    Lexicon<MastheadRole> masthead;
    Lexicon<HeaderRole> headers;  // header_lines.tsv

    // Reads the files of `dir`; throws ConfigError naming the file and line of a bad entry.
    static NumericWords read(const std::filesystem::path& dir);
};

namespace detail {
// The words in use once installed, null before: read inline by numeric_words(), which the rules
// call for nearly every token of a text.
extern std::atomic<const NumericWords*> numeric_words_in_use;
// Puts default_data_dir()'s words in use, the first time words are needed and none were given.
const NumericWords& use_default_numeric_words();
}  // namespace detail

// The words in use: those of the data folder last given to use_numeric_words(), else those of
// default_data_dir(). The reference stays valid for the life of the process.
inline const NumericWords& numeric_words() {
    if (const NumericWords* w = detail::numeric_words_in_use.load(std::memory_order_acquire)) return *w;
    return detail::use_default_numeric_words();
}

// Letters glued to digits ("k" → 1000, "th" → 0: never a quantity), ignoring case; kept apart
// from numeric_words() because reading those words tokenizes, and the tokenizer reads these.
const WordMap<double>& number_suffixes();

// Reads the words of `dir` and puts them in use; Gazetteer::load calls it with its folder.
// Throws ConfigError for a bad file, and the words in use stay as they were.
void use_numeric_words(const std::filesystem::path& dir);

}  // namespace nkclaims
