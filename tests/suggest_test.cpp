#include "nkclaims/suggest.hpp"

#include <catch2/catch.hpp>

using namespace nkclaims;

TEST_CASE("suggest: the closest name, when it is close", "[suggest]") {
    const std::vector<std::string> commands{"ingest", "extract", "import", "claims", "conflicts", "docs"};
    CHECK(edit_distance("claim", "claims") == 1);
    CHECK(edit_distance("ingset", "ingest") == 1);  // two neighbours swapped
    CHECK(edit_distance("", "docs") == 4);
    CHECK(closest("claim", commands) == "claims");
    CHECK(closest("conflict", commands) == "conflicts");
    CHECK(closest("ingset", commands) == "ingest");
    CHECK(closest("frobnicate", commands) == std::nullopt);
    CHECK(closest("cl", commands) == std::nullopt);
    CHECK(did_you_mean("--windw", {"--window", "--min-gap"}) == " (did you mean --window?)");
    CHECK(did_you_mean("--zzz", {"--window", "--min-gap"}).empty());
}
