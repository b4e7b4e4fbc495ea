#include <catch2/catch.hpp>
#include <sstream>

#include "helpers.hpp"
#include "nkclaims/error.hpp"
#include "nkclaims/extractor.hpp"

using namespace nkclaims;
using nkclaims::test::TempDir;

namespace {
std::optional<std::string> source_of(std::string_view text) {
    const auto ts = tokenize(text);
    auto m = test::gazetteer().sources.match(ts.tokens, 0, ts.tokens.size());
    if (!m || m->length != ts.tokens.size()) return std::nullopt;
    return m->value->id;
}

// A copy of data/ with one file replaced, to test validation.
std::filesystem::path data_with(const TempDir& tmp, const std::string& file, const std::string& content) {
    std::filesystem::copy(NKCLAIMS_TEST_DATA, tmp.path() / "data", std::filesystem::copy_options::recursive);
    tmp.write("data/" + file, content);
    return tmp.path() / "data";
}
}  // namespace

TEST_CASE("sources and their aliases", "[gazetteer]") {
    SECTION("canonical names and misheard forms") {
        CHECK(source_of("National Intelligence Service") == "nis");
        CHECK(source_of("NAS") == "nis");
        CHECK(source_of("South Korea\u2019s spy agency") == "nis");
        CHECK(source_of("Kirill Budanov") == "ukraine_intel");
        CHECK(source_of("Jenny Town") == "stimson_center");
    }
    SECTION("capitals match only capitals: US is not us") {
        CHECK(source_of("US") == "us_gov");
        CHECK_FALSE(source_of("us"));
    }
    SECTION("'=' marks a name that is also a word: Town, not town") {
        CHECK(source_of("Town") == "stimson_center");
        CHECK_FALSE(source_of("town"));
    }
    SECTION("the longest alias wins") {
        const auto ts = tokenize("South Korea's military");
        auto m = test::gazetteer().sources.match(ts.tokens, 0, ts.tokens.size());
        CHECK(m->value->id == "sk_military");
        CHECK(m->length == 4);
    }
}

TEST_CASE("places and their parents", "[gazetteer]") {
    const Gazetteer& g = test::gazetteer();
    SECTION("a city lies in its region and its country") {
        CHECK(g.place_within("russia_far_east", "russia"));
        CHECK(g.place_within("pokrovsk", "ukraine"));
        CHECK_FALSE(g.place_within("kursk", "ukraine"));
        CHECK(g.country_of("pokrovsk") == "ukraine");
    }
}

TEST_CASE("data files are validated when loaded", "[gazetteer]") {
    TempDir tmp;
    SECTION("an unknown metric names file and line") {
        auto dir = data_with(tmp, "nouns.tsv", "# nouns\nsoldiers\ttroops\ntanks\ttank\n");
        try {
            Gazetteer::load(dir);
            FAIL("no error");
        } catch (const ConfigError& e) {
            CHECK(e.message() == (dir / "nouns.tsv").string() + ":3: unknown metric 'tank'");
        }
    }
    SECTION("a place with an unknown parent") {
        auto dir = data_with(tmp, "places.tsv", "Kursk\tkursk\trussia\n");
        CHECK_THROWS_WITH(Gazetteer::load(dir), "unknown parent place 'russia'");
    }
    SECTION("a row with too few fields") {
        auto dir = data_with(tmp, "sources.tsv", "CNN\tcnn\n");
        CHECK_THROWS_WITH(Gazetteer::load(dir), "expected 3 tab-separated fields");
    }
    SECTION("a missing file") {
        std::filesystem::copy(NKCLAIMS_TEST_DATA, tmp.path() / "d", std::filesystem::copy_options::recursive);
        std::filesystem::remove(tmp.path() / "d" / "stances.tsv");
        CHECK_THROWS_WITH(Gazetteer::load(tmp.path() / "d"), "cannot open data file");
    }
    SECTION("the fingerprint changes with the rules") {
        auto dir = data_with(tmp, "modifiers.txt", "additional\n");
        CHECK(Gazetteer::load(dir).fingerprint != test::gazetteer().fingerprint);
    }
}

TEST_CASE("display names of sources and places", "[gazetteer]") {
    const Gazetteer& g = test::gazetteer();
    SECTION("a source and a place by their names") {
        CHECK(g.source_name("nis").full == "South Korea's National Intelligence Service");
        CHECK(g.source_name("nis").brief == "NIS");
        CHECK(g.source_name("ukraine_intel").brief == "HUR");
        CHECK(g.place_name("kursk").full == "Kursk region");
        CHECK(g.place_name("north_korea").brief == "North Korea");
    }
    SECTION("an id the data files do not name is its own name") {
        CHECK(g.source_name("some_outlet").full == "some_outlet");
        CHECK(g.place_name("atlantis").brief == "atlantis");
    }
    SECTION("every id of the shipped files is named, so no id reaches a page") {
        for (const char* file : {"sources.tsv", "places.tsv"}) {
            std::istringstream in(test::slurp(std::filesystem::path(NKCLAIMS_TEST_DATA) / file));
            for (std::string line; std::getline(in, line);) {
                if (line.empty() || line[0] == '#') continue;
                const auto a = line.find('\t'), b = line.find('\t', a + 1);
                const std::string id = line.substr(a + 1, b - a - 1);
                INFO(file << ": " << id);
                const auto& names = std::string(file) == "sources.tsv" ? g.source_names : g.place_names;
                CHECK(names.contains(id));
            }
        }
    }
    TempDir tmp;
    SECTION("two lines of one id that name it differently are an error") {
        auto dir =
            data_with(tmp, "sources.tsv",
                      "NIS\tnis\torg\tSouth Korea's spy agency\tNIS\nNAS\tnis\torg\tNational Intelligence\tNIS\n");
        try {
            Gazetteer::load(dir);
            FAIL("no error");
        } catch (const ConfigError& e) {
            CHECK(e.message() == (dir / "sources.tsv").string() +
                                     ":2: 'nis' is named 'South Korea's spy agency' (NIS) on an earlier line");
        }
    }
    SECTION("a line without names takes them from another line of its id") {
        auto dir = data_with(tmp, "sources.tsv", "NAS\tnis\torg\nNIS\tnis\torg\tSpy agency\tNIS\n");
        CHECK(Gazetteer::load(dir).source_name("nis").full == "Spy agency");
    }
}

TEST_CASE("gazetteer: whose a count naming no one is, from actor_defaults.tsv", "[gazetteer]") {
    TempDir tmp;
    std::filesystem::copy(NKCLAIMS_TEST_DATA, tmp.path() / "data", std::filesystem::copy_options::recursive);
    const auto file = (tmp.path() / "data" / "actor_defaults.tsv").string();
    SECTION("the focus is data: another corpus follows other forces") {
        tmp.write("data/actor_defaults.tsv", "# defaults\nfocus\trussia\npeople_lost\tukraine\n");
        const Gazetteer g = Gazetteer::load(tmp.path() / "data");
        auto claims = Extractor(g).extract(test::doc("Officials said 2,000 soldiers were moved to the front."));
        REQUIRE(claims.size() == 1);
        CHECK(claims[0].actor == "russia");
        auto named = Extractor(g).extract(test::doc("Officials said 2,000 North Korean soldiers were moved."));
        REQUIRE(named.size() == 1);
        CHECK(named[0].actor == "north_korea");
    }
    SECTION("an unknown role names file and line") {
        tmp.write("data/actor_defaults.tsv", "# defaults\nfocus\trussia\nenemy\tukraine\n");
        try {
            Gazetteer::load(tmp.path() / "data");
            FAIL("no error");
        } catch (const ConfigError& e) {
            CHECK(e.message() == file + ":3: unknown role 'enemy' (focus, people_lost)");
        }
    }
    SECTION("a missing role is an error, not an empty actor") {
        tmp.write("data/actor_defaults.tsv", "# defaults\nfocus\trussia\n");
        CHECK_THROWS_AS(Gazetteer::load(tmp.path() / "data"), ConfigError);
    }
}
