// The seeds of ../shared: skipped, with a message, where they are absent.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "helpers.hpp"

using namespace nkclaims;

TEST_CASE("seeds: score.py's thresholds hold", "[seeds]") {
    if (!test::have_shared()) {
        WARN("../shared is absent: the seed tests are skipped");
        return;
    }
    const std::string shared = NKCLAIMS_SHARED;
    test::TempDir tmp;
    const auto claims = tmp.path() / "claims.jsonl", conflicts = tmp.path() / "conflicts.json",
               db = tmp.path() / "s.db";
    const std::string inputs = "--manifest '" + shared + "/corpus/seeds.manifest.json' '" + shared + "/corpus/seeds'";
    auto extracted = test::run(test::binary() + " extract " + inputs);
    REQUIRE(extracted.status == 0);
    std::ofstream(claims) << extracted.out;
    REQUIRE(test::run(test::binary() + " ingest -q --db '" + db.string() + "' " + inputs).status == 0);
    auto listed = test::run(test::binary() + " conflicts --db '" + db.string() + "' --format json");
    REQUIRE(listed.status == 0);
    std::ofstream(conflicts) << listed.out;
    auto r = test::run("python3 '" + shared + "/eval/score.py' '" + shared + "/eval/gold/seeds.json' --claims '" +
                       claims.string() + "' --conflicts '" + conflicts.string() + "' --json");
    INFO(r.err);
    REQUIRE(r.status == 0);
    auto s = nlohmann::json::parse(r.out);
    INFO(r.out);
    CHECK(s["figures"]["f1"].get<double>() >= 0.95);
    for (const auto& [field, value] : s["fields"].items()) {
        INFO(field);
        CHECK(value.get<double>() >= 0.90);
    }
    CHECK(s["stances"]["recall"].get<double>() >= 0.75);
    CHECK(s["conflicts"]["flagged"] == 6);
    CHECK(s["conflicts"]["wrongly_flagged"] == 0);
}
