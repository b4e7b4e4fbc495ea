#include "nkclaims/dates.hpp"

#include <catch2/catch.hpp>

using namespace nkclaims;

namespace {
// The first date expression in `text`, resolved against `reference`, as ISO.
std::string resolve(std::string_view text, std::string_view reference = "2025-07-02") {
    const auto ts = tokenize(text);
    auto found = find_dates(ts.tokens, 0, ts.tokens.size(), parse_iso_day(reference));
    return found.empty() ? "none" : found.front().range.iso();
}
}  // namespace

TEST_CASE("ISO dates and ranges", "[dates]") {
    SECTION("a real day parses, an impossible one does not") {
        CHECK(parse_iso_day("2025-02-28"));
        CHECK_FALSE(parse_iso_day("2025-02-30"));
        CHECK_FALSE(parse_iso_day("2025-2-3"));
    }
    SECTION("ranges print in their shortest form") {
        CHECK(parse_iso_range("2025")->iso() == "2025");
        CHECK(parse_iso_range("2025-06")->iso() == "2025-06");
        CHECK(parse_iso_range("2025-01/2025-06")->iso() == "2025-01/2025-06");
        CHECK(parse_iso_range("2024-10-14/2024-10-20")->iso() == "2024-10-14/2024-10-20");
        CHECK_FALSE(parse_iso_range("2025-07-02/2025-07-01"));
    }
    SECTION("gaps between ranges") {
        auto a = *parse_iso_range("2024-10-14/2024-10-20"), b = *parse_iso_range("2024-10-25");
        CHECK(a.gap_days(b) == 5);
        CHECK(b.gap_days(a) == 5);
        CHECK(a.gap_days(a) == 0);
    }
}

TEST_CASE("relative dates resolve against the reference date, past-leaning", "[dates]") {
    // 2025-07-02 is a Wednesday; 2024-10-25 a Friday; 2025-03-24 a Monday.
    SECTION("weekdays: the latest on or before the reference") {
        CHECK(resolve("on Friday") == "2025-06-27");
        CHECK(resolve("said Wednesday", "2024-10-25") == "2024-10-23");
        CHECK(resolve("on Wednesday") == "2025-07-02");
        CHECK(resolve("meeting Monday", "2024-10-25") == "2024-10-21");
    }
    SECTION("last week is the previous Monday to Sunday") {
        CHECK(resolve("last week", "2024-10-25") == "2024-10-14/2024-10-20");
        CHECK(resolve("last week", "2025-03-24") == "2025-03-17/2025-03-23");
    }
    SECTION("months without a year are the latest that has begun") {
        CHECK(resolve("in June") == "2025-06");
        CHECK(resolve("In April") == "2025-04");
        CHECK(resolve("in November") == "2024-11");
        CHECK(resolve("last November") == "2024-11");
        CHECK(resolve("in July") == "2025-07");
    }
    SECTION("this month, last month, last year, yesterday") {
        CHECK(resolve("this month", "2024-10-25") == "2024-10-01/2024-10-25");
        CHECK(resolve("last month") == "2025-06");
        CHECK(resolve("last year") == "2024");
        CHECK(resolve("yesterday") == "2025-07-01");
    }
    SECTION("parts of months") {
        CHECK(resolve("in early June") == "2025-06-01/2025-06-10");
        CHECK(resolve("mid-January") == "2025-01-11/2025-01-20");
        CHECK(resolve("late June") == "2025-06-21/2025-06-30");
    }
    SECTION("earlier in a year runs to the reference date") {
        CHECK(resolve("earlier in 2025") == "2025-01-01/2025-07-02");
    }
    SECTION("earlier in a year after the reference date is the whole year (found by fuzzing)") {
        CHECK(resolve("Earlier in 2026, 3,000 mo") == "2026");
    }
    SECTION("absolute dates in the forms writers use") {
        CHECK(resolve("on 18 May") == "2025-05-18");
        CHECK(resolve("Sept. 2") == "2024-09-02");
        CHECK(resolve("July 8, 2025") == "2025-07-08");
        CHECK(resolve("on Tuesday, the 8th of July, 2025") == "2025-07-08");
        CHECK(resolve("the 22nd of October, 2024") == "2024-10-22");
        CHECK(resolve("in January 2024") == "2024-01");
        CHECK(resolve("on October 27 and 28", "2024-10-25") == "2024-10-27/2024-10-28");
        CHECK(resolve("2025-07-08") == "2025-07-08");
    }
    SECTION("not dates: 'may' the verb, a count of 2000 soldiers") {
        CHECK(resolve("it may happen") == "none");
        CHECK(resolve("2000 soldiers") == "none");
    }
    SECTION("without a reference, only absolute dates resolve") {
        const auto ts = tokenize("last week, on July 8, 2025");
        auto found = find_dates(ts.tokens, 0, ts.tokens.size(), std::nullopt);
        REQUIRE(found.size() == 1);
        CHECK(found[0].range.iso() == "2025-07-08");
    }
    SECTION("without a reference, the longest lead before a year is still read, after any text") {
        const std::string filler(4000, 'x');
        // Tokens view the text they were read from: it must outlive them.
        const std::string text = "Tuesday, " + filler + " we met on Tuesday, the 8th of July, 2025. Friday " + filler +
                                 ", on Sept. 27 and 28, 2024, then 23.10.2024; 1.5 later, 2000 soldiers";
        const auto ts = tokenize(text);
        auto found = find_dates(ts.tokens, 0, ts.tokens.size(), std::nullopt);
        REQUIRE(found.size() == 3);
        CHECK(found[0].first == 5);  // "on", the lead, after "Tuesday , xxx we met"
        CHECK(found[0].range.iso() == "2025-07-08");
        CHECK(found[1].range.iso() == "2024-09-27/2024-09-28");
        CHECK(found[2].range.iso() == "2024-10-23");
    }
}

TEST_CASE("dates written with dots, and the words of dates as data", "[dates]") {
    SECTION("day first and year first, with dots") {
        CHECK(resolve("23.10.2024") == "2024-10-23");
        CHECK(resolve("2024.10.23") == "2024-10-23");
        CHECK(resolve("31.02.2024") == "none");
        CHECK(resolve("1.5") == "none");
        CHECK(resolve("12.500.000") == "none");
    }
    SECTION("December's short form is a month, and its period ends no date") {
        CHECK(resolve("Dec. 5, 2024") == "2024-12-05");
        CHECK(resolve("23rd Dec, 2024") == "2024-12-23");
    }
    SECTION("any part word joins a month with a hyphen") {
        CHECK(resolve("in mid-January") == "2025-01-11/2025-01-20");
        CHECK(resolve("late-June") == "2025-06-21/2025-06-30");
    }
    SECTION("prepositions belong to the date they lead") {
        const auto ts = tokenize("the 8th of July, 2025");
        auto found = find_dates(ts.tokens, 0, ts.tokens.size(), std::nullopt);
        REQUIRE(found.size() == 1);
        CHECK(found[0].first == 0);
    }
}
