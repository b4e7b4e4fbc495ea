// The printers: golden files of every format over data/samples, display names, and names of
// files that are hostile to a terminal, to Markdown or to JSON.
#include "nkclaims/printers.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>

#include "helpers.hpp"

using namespace nkclaims;
using nkclaims::test::binary;
using nkclaims::test::run;
using nkclaims::test::TempDir;

namespace {
const std::string kSamples = std::string(NKCLAIMS_TEST_DATA) + "/samples";

std::string ingest(const TempDir& tmp, const std::string& folder, const std::string& flags) {
    const auto db = (tmp.path() / "t.db").string();
    const auto r = run(binary() + " ingest -q --db '" + db + "' " + flags + " '" + folder + "'");
    INFO(r.err);
    REQUIRE(r.status == 0);
    return db;
}

DisplayNames names() {
    DisplayNames n;
    n.add_source("nis", {"South Korea's National Intelligence Service", "NIS"});
    n.add_source("cnn", {"CNN", "CNN"});
    n.add_place("north_korea", {"North Korea", "N. Korea"});
    return n;
}
}  // namespace

// tests/golden/COMMAND.FORMAT holds what `nkclaims COMMAND --format FORMAT` prints for the
// samples. After a change that is meant to change them, regenerate and review the diff:
//   NKCLAIMS_UPDATE_GOLDEN=1 build/tests/nkclaims_tests "[golden]" && git diff tests/golden
TEST_CASE("printers: every format of claims, conflicts, latest and timeline is its golden file", "[printers][golden]") {
    TempDir tmp;
    const auto db = ingest(tmp, kSamples, "--manifest '" + kSamples + "/manifest.json'");
    const bool update = std::getenv("NKCLAIMS_UPDATE_GOLDEN") != nullptr;
    const std::pair<const char*, std::vector<const char*>> commands[] = {
        {"claims", {"table", "jsonl", "json", "csv", "md"}},
        {"conflicts", {"table", "json", "csv", "md"}},
        {"latest", {"table", "json", "csv", "md"}},
        {"timeline --metric troops", {"table", "json", "csv", "md"}}};
    for (const auto& [command, formats] : commands)
        for (const char* format : formats) {
            const std::string name = std::string(command).substr(0, std::string(command).find(' ')) + "." + format;
            const auto golden = std::filesystem::path(NKCLAIMS_TEST_DIR) / "golden" / name;
            const auto r = run("COLUMNS=120 " + binary() + " " + command + " --db '" + db + "' --format " + format);
            INFO(name << ": " << r.err);
            REQUIRE(r.status == 0);
            if (update) std::ofstream(golden, std::ios::binary) << r.out;
            CHECK(r.out == test::slurp(golden));
        }
}

TEST_CASE("printers: people read names, machines read ids and names", "[printers]") {
    const auto claims = test::extract("The NIS said 1,500 North Korean soldiers were sent to Russia.", "2024-10-25");
    REQUIRE(claims.size() == 1);
    const DisplayNames n = names();
    TableStyle style;
    style.names = &n;
    std::ostringstream table, md, json, jsonl, csv;
    write_claims(table, claims, Format::Table, style);
    write_claims(md, claims, Format::Markdown, style);
    write_claims(json, claims, Format::Json, style);
    write_claims(jsonl, claims, Format::Jsonl, style);
    write_claims(csv, claims, Format::Csv, style);
    SECTION("the table and Markdown show the short names, never the ids") {
        for (const std::string& s : {table.str(), md.str()}) {
            CHECK(s.find("NIS") != std::string::npos);
            CHECK(s.find("N. Korea") != std::string::npos);
            CHECK(s.find(" nis ") == std::string::npos);
            CHECK(s.find("north_korea") == std::string::npos);
        }
    }
    SECTION("JSON keeps the ids and adds the names") {
        for (const auto& j : {nlohmann::json::parse(json.str())["claims"][0], nlohmann::json::parse(jsonl.str())}) {
            CHECK(j["source"] == "nis");
            CHECK(j["source_name"] == "South Korea's National Intelligence Service");
            CHECK(j["actor"] == "north_korea");
        }
    }
    SECTION("CSV keeps the ids and adds name columns") {
        CHECK(csv.str().starts_with("doc,"));
        CHECK(csv.str().find(",source_name,via_name,location_name\r\n") != std::string::npos);
        CHECK(csv.str().find(",nis,") != std::string::npos);
        CHECK(csv.str().find(",South Korea's National Intelligence Service,") != std::string::npos);
    }
    SECTION("without names, ids: the contract's JSON is unchanged") {
        std::ostringstream plain;
        write_claims(plain, claims, Format::Jsonl);
        CHECK(plain.str().find("source_name") == std::string::npos);
    }
}

TEST_CASE("printers: hostile file names and titles", "[printers][hostile]") {
    TempDir tmp;
    const std::string text = "The NIS said 1,500 North Korean soldiers were sent to Kursk.\n";
    SECTION("a file name that is not UTF-8: every JSON output and the report still work") {
        tmp.write("in/bad\xff\xfe.txt", text);
        const auto db = ingest(tmp, (tmp.path() / "in").string(), "--date 2024-10-25");
        const auto jsonl = run(binary() + " claims --db '" + db + "' --format jsonl");
        REQUIRE(jsonl.status == 0);
        const auto j = nlohmann::json::parse(jsonl.out);
        CHECK(j["doc"] == "bad\xEF\xBF\xBD\xEF\xBF\xBD.txt");
        CHECK(j["invalid_utf8"] == nlohmann::json::array({"doc"}));
        for (const char* command : {"claims --format json", "conflicts --format json", "docs --format json",
                                    "latest --format json", "timeline --metric troops --format json"}) {
            INFO(command);
            const auto r = run(binary() + " " + std::string(command) + " --db '" + db + "'");
            CHECK(r.status == 0);
            CHECK_NOTHROW(nlohmann::json::parse(r.out));
        }
        const auto docs = nlohmann::json::parse(run(binary() + " docs --format json --db '" + db + "'").out);
        CHECK(docs["documents"][0]["invalid_utf8"] == nlohmann::json::array({"name", "path"}));
        const auto report = run(binary() + " report -q --db '" + db + "' --out '" + (tmp.path() / "r").string() + "'");
        INFO(report.err);
        CHECK(report.status == 0);
        CHECK_NOTHROW(nlohmann::json::parse(test::slurp(tmp.path() / "r" / "report.json")));
    }
    SECTION("a newline in a file name or a title injects no heading into Markdown") {
        tmp.write("in/evil\n# Injected file.txt", text);
        tmp.write(
            "in/manifest.json",
            R"([{"file": "evil\n# Injected file.txt", "title": "x\n# Injected title", "published": "2024-10-25"}])");
        const auto db = ingest(tmp, (tmp.path() / "in").string(),
                               "--manifest '" + (tmp.path() / "in" / "manifest.json").string() + "'");
        const auto md = run(binary() + " claims --db '" + db + "' --format md");
        REQUIRE(md.status == 0);
        CHECK(md.out.find("evil") != std::string::npos);
        CHECK(md.out.find("\n#") == std::string::npos);
        REQUIRE(run(binary() + " report -q --db '" + db + "' --out '" + (tmp.path() / "r").string() + "'").status == 0);
        const std::string report = test::slurp(tmp.path() / "r" / "report.md");
        CHECK(report.find("Injected title") != std::string::npos);
        CHECK(report.find("\n# Injected") == std::string::npos);
    }
    SECTION("ESC and CR in a file name never reach the terminal raw") {
        tmp.write("in/esc\x1b]0;owned\x07\rname.txt", text);
        const auto db = ingest(tmp, (tmp.path() / "in").string(), "--date 2024-10-25");
        for (const char* command : {"claims", "docs", "latest", "timeline --metric troops"}) {
            INFO(command);
            const auto r = run(binary() + " " + std::string(command) + " --db '" + db + "'");
            CHECK(r.status == 0);
            CHECK(r.out.find("esc\\x1b]0;owned\\x07\\x0dname") != std::string::npos);
            CHECK(r.out.find('\x1b') == std::string::npos);
            CHECK(r.out.find('\r') == std::string::npos);
        }
    }
}
