#include "nkclaims/manifest.hpp"

#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "nkclaims/error.hpp"

using namespace nkclaims;
using nkclaims::test::TempDir;

namespace {
std::string error_of(const TempDir& tmp, const std::string& json) {
    const auto path = tmp.write("m.json", json);
    try {
        Manifest::load(path);
    } catch (const ConfigError& e) {
        return e.message().substr(tmp.path().string().size() + 1);
    }
    return "";
}
}  // namespace

TEST_CASE("manifests", "[manifest]") {
    TempDir tmp;
    tmp.write("docs/a.txt", "text");
    SECTION("entries are found by path relative to the manifest") {
        tmp.write("m.json",
                  R"([{"file": "docs/a.txt", "published": "2024-10-25", "outlet": "cnn", "kind": "article"}])");
        auto m = Manifest::load(tmp.path() / "m.json");
        const DocumentMeta* e = m.find(tmp.path() / "docs" / "a.txt");
        REQUIRE(e);
        CHECK(e->outlet == "cnn");
        CHECK(iso_day(*e->published) == "2024-10-25");
        CHECK(e->kind == DocKind::Article);
        CHECK_FALSE(m.find(tmp.path() / "other.txt"));
    }
    SECTION("not JSON") { CHECK(error_of(tmp, "[{") == "m.json: manifest is not JSON (at byte 3)"); }
    SECTION("not an array") { CHECK(error_of(tmp, "{}") == "m.json: manifest must be a JSON array of objects"); }
    SECTION("a missing file") {
        CHECK(error_of(tmp, R"([{"file": "nope.txt"}])") ==
              "m.json: entry 1: no such file: " + (tmp.path() / "nope.txt").string());
    }
    SECTION("an impossible date") {
        CHECK(error_of(tmp, R"([{"file": "docs/a.txt", "published": "2025-02-30"}])") ==
              "m.json: entry 1: 'published': '2025-02-30' is not a date (YYYY-MM-DD)");
    }
    SECTION("an entry without a file") {
        CHECK(error_of(tmp, R"([{"outlet": "cnn"}])") == "m.json: entry 1: 'file' is missing");
    }
    SECTION("an unknown kind") {
        CHECK(error_of(tmp, R"([{"file": "docs/a.txt", "kind": "memo"}])") ==
              "m.json: entry 1: 'kind': 'memo' is not transcript or article");
    }
    SECTION("a path outside the manifest's folder") {
        CHECK(error_of(tmp, R"([{"file": "../outside.txt"}])") ==
              "m.json: entry 1: 'file': '../outside.txt' is outside the manifest's folder");
        CHECK(error_of(tmp, R"([{"file": "docs/../../outside.txt"}])") ==
              "m.json: entry 1: 'file': 'docs/../../outside.txt' is outside the manifest's folder");
        CHECK(error_of(tmp, R"([{"file": "/etc/hostname"}])") ==
              "m.json: entry 1: 'file': '/etc/hostname' is outside the manifest's folder");
        CHECK(error_of(tmp, R"([{"file": "docs/../docs/a.txt"}])").empty());  // inside after all
    }
    SECTION("an unknown key is named, with the known key it is closest to") {
        CHECK(error_of(tmp, R"([{"file": "docs/a.txt", "publshed": "2024-10-25"}])") ==
              "m.json: entry 1: unknown key 'publshed' (did you mean published?)");
        CHECK(error_of(tmp, R"([{"file": "docs/a.txt", "weather": "fine"}])") ==
              "m.json: entry 1: unknown key 'weather'");
    }
    SECTION("a date no document has") {
        CHECK(error_of(tmp, R"([{"file": "docs/a.txt", "published": "0000-01-05"}])") ==
              "m.json: entry 1: 'published': '0000-01-05' is not from 1900-01-01 to 2199-12-31");
    }
    SECTION("several manifests: each one's entries, the later one's for a file both name") {
        tmp.write("docs/b.txt", "text");
        const auto first = tmp.write(
            "one.json", R"([{"file": "docs/a.txt", "outlet": "cnn"}, {"file": "docs/b.txt", "outlet": "ap"}])");
        const auto second = tmp.write("docs/two.json", R"([{"file": "b.txt", "outlet": "bbc"}])");
        const auto m = Manifest::load(std::vector<std::string>{first.string(), second.string()});
        REQUIRE(m.find(tmp.path() / "docs" / "a.txt"));
        CHECK(m.find(tmp.path() / "docs" / "a.txt")->outlet == "cnn");
        REQUIRE(m.find(tmp.path() / "docs" / "b.txt"));
        CHECK(m.find(tmp.path() / "docs" / "b.txt")->outlet == "bbc");
    }
}
