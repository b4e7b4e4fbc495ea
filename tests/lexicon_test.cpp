#include "nkclaims/lexicon.hpp"

#include <catch2/catch.hpp>

using namespace nkclaims;

namespace {
// What the lexicon matches at token i of `text`: the value and the tokens covered, or "-".
std::string match_at(const Lexicon<std::string>& lex, std::string_view text, std::size_t i = 0) {
    const TokenStream ts = tokenize(text);
    const auto m = lex.match(ts.tokens, i, ts.tokens.size());
    return m ? *m->value + "/" + std::to_string(m->length) : "-";
}
}  // namespace

TEST_CASE("Lexicon matches the longest phrase, ignoring case", "[lexicon]") {
    Lexicon<std::string> lex;
    lex.add("South Korea", "country");
    lex.add("South Korea's spy agency", "nis");
    lex.add("South Korean military", "jcs");
    lex.add("south", "direction");

    CHECK(match_at(lex, "SOUTH KOREA'S SPY AGENCY said") == "nis/5");
    CHECK(match_at(lex, "South Korea's spy chief said") == "country/2");
    CHECK(match_at(lex, "the South Korean military said", 1) == "jcs/3");
    CHECK(match_at(lex, "South Koreans") == "direction/1");
    CHECK(match_at(lex, "the south") == "-");
}

TEST_CASE("Lexicon stops at the end it is given", "[lexicon]") {
    Lexicon<std::string> lex;
    lex.add("Joint Chiefs of Staff", "jcs");
    lex.add("Joint Chiefs", "chiefs");
    const TokenStream ts = tokenize("the Joint Chiefs of Staff said");
    const auto whole = lex.match(ts.tokens, 1, ts.tokens.size());
    REQUIRE(whole);
    CHECK(*whole->value == "jcs");
    const auto cut = lex.match(ts.tokens, 1, 4);  // "Joint Chiefs of": the long phrase does not fit
    REQUIRE(cut);
    CHECK(*cut->value == "chiefs");
    CHECK(cut->length == 2);
    CHECK_FALSE(lex.match(ts.tokens, 1, 1));
}

TEST_CASE("Lexicon: capitals and '=' phrases match only as written", "[lexicon]") {
    Lexicon<std::string> lex;
    lex.add("US", "us_gov");
    lex.add("US officials", "us_officials");
    lex.add("=Town", "stimson");
    lex.add("us", "pronoun");  // added after "US": matched only where the capitals do not fit

    CHECK(match_at(lex, "US officials said") == "us_officials/2");
    CHECK(match_at(lex, "US said") == "us_gov/1");
    CHECK(match_at(lex, "told us officials", 1) == "us_officials/2");  // lower case in it: any case
    CHECK(match_at(lex, "told us", 1) == "pronoun/1");
    CHECK(match_at(lex, "Town said") == "stimson/1");
    CHECK(match_at(lex, "town said") == "-");
    CHECK(match_at(lex, "TOWN said") == "-");
}

TEST_CASE("Lexicon: a phrase added twice keeps the first value", "[lexicon]") {
    Lexicon<std::string> lex;
    lex.add("the Kremlin", "russia_gov");
    lex.add("The Kremlin", "other");
    lex.add("", "nothing");  // no tokens: ignored
    CHECK(match_at(lex, "the kremlin said") == "russia_gov/2");
    const TokenStream ts = tokenize("kremlin the");
    CHECK_FALSE(lex.may_start(ts.tokens[0]));
    CHECK(lex.may_start(ts.tokens[1]));
}

TEST_CASE("WordSet", "[lexicon]") {
    const WordSet set{"sent", "deployed"};
    CHECK(set.contains("sent"));
    CHECK(set.contains(HashedWord(tokenize("Deployed").tokens[0])));
    CHECK_FALSE(set.contains("send"));
}
