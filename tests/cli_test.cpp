// End-to-end tests of the real nkclaims binary over files.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "helpers.hpp"

using namespace nkclaims;
using nkclaims::test::binary;
using nkclaims::test::run;
using nkclaims::test::TempDir;

namespace {
const std::string kSamples = std::string(NKCLAIMS_TEST_DATA) + "/samples";

std::string dump(const std::filesystem::path& db) {
    return run("sqlite3 '" + db.string() +
               "' 'SELECT name, hash FROM documents ORDER BY name; SELECT doc_id, span_begin, "
               "value_low, source FROM claims ORDER BY doc_id, span_begin;'")
        .out;
}
}  // namespace

TEST_CASE("cli: ingest the samples, list claims and conflicts", "[cli]") {
    TempDir tmp;
    const auto db = (tmp.path() / "s.db").string();
    auto r = run(binary() + " ingest --db '" + db + "' --manifest '" + kSamples + "/manifest.json' '" + kSamples + "'");
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("5 added, 0 replaced, 0 unchanged") != std::string::npos);

    SECTION("ingesting again changes nothing") {
        const auto before = dump(db);
        auto again =
            run(binary() + " ingest --db '" + db + "' --manifest '" + kSamples + "/manifest.json' '" + kSamples + "'");
        CHECK(again.out.find("0 added, 0 replaced, 5 unchanged") != std::string::npos);
        CHECK(dump(db) == before);
    }
    SECTION("docs lists what is ingested") {
        auto d = run(binary() + " docs --db '" + db + "'");
        CHECK(d.status == 0);
        CHECK(d.out.find("korea_briefing_2024-11-05.txt") != std::string::npos);
        CHECK(d.out.find("5 documents") != std::string::npos);
    }
    SECTION("claims filters by metric and source") {
        auto c = run(binary() + " claims --db '" + db + "' --metric casualties --format jsonl");
        CHECK(c.status == 0);
        std::istringstream lines(c.out);
        int n = 0;
        for (std::string line; std::getline(lines, line); ++n)
            CHECK(nlohmann::json::parse(line)["metric"] == "casualties");
        CHECK(n == 2);
        CHECK(run(binary() + " claims --db '" + db + "' --source nis --format jsonl").out.find("\"source\":\"nis\"") !=
              std::string::npos);
    }
    SECTION("conflicts: the samples' real disagreements, the same bytes every time") {
        auto c = run(binary() + " conflicts --db '" + db + "' --format json");
        REQUIRE(c.status == 0);
        auto j = nlohmann::json::parse(c.out);
        std::string reasons;
        for (const auto& k : j["conflicts"]) reasons += k["reason"].get<std::string>() + "\n";
        INFO(reasons);
        CHECK(reasons.find("us_gov says 8000, ukraine_gov says 11000") != std::string::npos);
        CHECK(reasons.find("nis says 1500, us_gov says at least 3000") != std::string::npos);
        CHECK(reasons.find("ukraine_gov says about 4000, nis says about 3000") != std::string::npos);
        CHECK(run(binary() + " conflicts --db '" + db + "' --format json").out == c.out);
    }
    SECTION("--fail-on-conflict exits with 3") {
        CHECK(run(binary() + " conflicts --db '" + db + "' --fail-on-conflict").status == 3);
    }
}

TEST_CASE("cli: bad input", "[cli]") {
    TempDir tmp;
    const auto db = (tmp.path() / "t.db").string();
    const auto good = tmp.write("good.txt", "The NIS said 1,500 soldiers were sent.");
    SECTION("a missing file: one line, status 1, the other files still ingested") {
        const auto missing = (tmp.path() / "missing.txt").string();
        auto r =
            run(binary() + " ingest --db '" + db + "' --date 2024-10-25 '" + missing + "' '" + good.string() + "'");
        CHECK(r.status == 1);
        CHECK(r.err == "nkclaims: error: " + missing + ": no such file or folder\n");
        CHECK(dump(db).find("good.txt") != std::string::npos);
    }
    SECTION("binary, empty and non-UTF-8 files leave the database unchanged") {
        run(binary() + " ingest -q --db '" + db + "' --date 2024-10-25 '" + good.string() + "'");
        const auto before = dump(db);
        const auto bin = tmp.write("bin.txt", std::string("PK\0\x03", 4));
        const auto empty = tmp.write("empty.txt", "");
        const auto latin = tmp.write("latin.txt", "caf\xE9 3,000 soldiers");
        auto r = run(binary() + " ingest --db '" + db + "' '" + bin.string() + "' '" + empty.string() + "' '" +
                     latin.string() + "'");
        CHECK(r.status == 1);
        CHECK(r.err == "nkclaims: error: " + bin.string() + ": binary file (NUL byte at offset 2)\n" +
                           "nkclaims: error: " + empty.string() + ": empty file\n" +
                           "nkclaims: error: " + latin.string() + ": not UTF-8 text (invalid byte at offset 3)\n");
        CHECK(dump(db) == before);
    }
    SECTION("a malformed manifest stops before anything is written") {
        const auto m = tmp.write("m.json", "[{\"file\": \"good.txt\", \"published\": \"2025-02-30\"}]");
        auto r = run(binary() + " ingest --db '" + db + "' --manifest '" + m.string() + "' '" + good.string() + "'");
        CHECK(r.status == 1);
        CHECK(r.err ==
              "nkclaims: error: " + m.string() + ": entry 1: 'published': '2025-02-30' is not a date (YYYY-MM-DD)\n");
        CHECK_FALSE(std::filesystem::exists(db));
    }
    SECTION("a database that is not one") {
        const auto notdb = tmp.write("not.db", std::string(2048, 'z'));
        auto r = run(binary() + " claims --db '" + notdb.string() + "'");
        CHECK(r.status == 1);
        CHECK(r.err.starts_with("nkclaims: error: " + notdb.string() + ": cannot open database: "));
    }
    SECTION("a folder with no text files") {
        std::filesystem::create_directories(tmp.path() / "empty");
        auto r = run(binary() + " ingest --db '" + db + "' '" + (tmp.path() / "empty").string() + "'");
        CHECK(r.status == 1);
        CHECK(r.err == "nkclaims: error: " + (tmp.path() / "empty").string() +
                           ": no text files (*.txt, *.vtt, *.srt, *.md, *.html, *.htm) in folder\n");
    }
    SECTION("usage errors exit with 2") {
        CHECK(run(binary() + " frobnicate").status == 2);
        CHECK(run(binary() + " claims --db '" + db + "' --metric tanks").status == 2);
        CHECK(run(binary() + " claims --db '" + db + "' --metric tanks").err ==
              "nkclaims: error: --metric: unknown metric 'tanks'\n");
    }
    SECTION("--help lists every subcommand and the exit statuses") {
        auto r = run(binary() + " --help");
        CHECK(r.status == 0);
        for (auto cmd : {"ingest", "extract", "claims", "conflicts", "docs"})
            CHECK(r.out.find(cmd) != std::string::npos);
        CHECK(r.out.find("3 conflicts found") != std::string::npos);
    }
    SECTION("NKCLAIMS_DB picks the database") {
        auto r = run("cd '" + tmp.path().string() + "' && NKCLAIMS_DB=env.db " + binary() +
                     " ingest -q --date 2024-10-25 good.txt");
        CHECK(r.status == 0);
        CHECK(std::filesystem::exists(tmp.path() / "env.db"));
    }
}

TEST_CASE("cli: extract prints CONTRACT.md JSON lines and explains", "[cli]") {
    TempDir tmp;
    const auto f = tmp.write("a.txt", "Ukrainian officials told CNN they expect 25,000–30,000 more troops.");
    auto r = run(binary() + " extract --date 2025-07-02 '" + f.string() + "'");
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["value"]["low"] == 25000);
    CHECK(j["value"]["high"] == 30000);
    CHECK(j["source"] == "ukraine_gov");
    CHECK(j["via"] == "cnn");
    auto e = run(binary() + " extract --explain --date 2025-07-02 '" + f.string() + "'");
    CHECK(e.out.find("a.txt@41 [figure:noun]: counts 'troops'") != std::string::npos);
}

TEST_CASE("cli: colours on a terminal only, never with NO_COLOR", "[cli]") {
    if (run("command -v script").status != 0) {
        WARN("script (util-linux) is absent: the terminal test is skipped");
        return;
    }
    TempDir tmp;
    const auto f = tmp.write("a.txt", "The NIS said 1,500 soldiers were sent.");
    const std::string cmd = std::string("NKCLAIMS_DATA='") + NKCLAIMS_TEST_DATA + "' '" + NKCLAIMS_BIN +
                            "' extract --format table --date 2024-10-25 '" + f.string() + "'";
    CHECK(run("script -qec \"" + cmd + "\" /dev/null").out.find("\x1b[1m") != std::string::npos);  // a terminal
    CHECK(run("NO_COLOR=1 script -qec \"" + cmd + "\" /dev/null").out.find("\x1b[") == std::string::npos);
    CHECK(run(cmd).out.find("\x1b[") == std::string::npos);  // a pipe
}

TEST_CASE("cli: conflicts --explain says why pairs were or were not compared", "[cli]") {
    TempDir tmp;
    const auto db = (tmp.path() / "e.db").string();
    const auto f = tmp.write("a.txt",
                             "The NIS said last week that 1,500 soldiers were sent. On Wednesday, the White House said "
                             "at least 3,000 soldiers had arrived. Analysts said 12,000 troops are planned.");
    REQUIRE(run(binary() + " ingest -q --date 2024-10-25 --db '" + db + "' '" + f.string() + "'").status == 0);
    auto r = run(binary() + " conflicts --explain --db '" + db + "'");
    CHECK(r.out.find("conflict: 1500 vs at least 3000") != std::string::npos);
}

TEST_CASE("cli: ingest --jobs stores what one job stores, in the same order, errors included", "[cli]") {
    TempDir tmp;
    const auto corpus = tmp.path() / "corpus";
    // ~6,000 claims: several batches.
    REQUIRE(run("python3 '" + std::string(NKCLAIMS_TEST_DATA) + "/../bench/gen_corpus.py' '" + corpus.string() +
                "' --mb 5 --seed 7")
                .status == 0);
    tmp.write("corpus/0000/zz_bin.txt", std::string("PK\0\x03", 4));
    tmp.write("corpus/0001/aa_empty.txt", "");
    auto ingest = [&](const std::string& db, int jobs) {
        return run(binary() + " ingest --no-conflicts --jobs " + std::to_string(jobs) + " --db '" +
                   (tmp.path() / db).string() + "' '" + corpus.string() + "'");
    };
    const auto one = ingest("one.db", 1), three = ingest("three.db", 3);
    CHECK(one.status == 1);
    CHECK(three.status == 1);
    CHECK(three.out == (tmp.path() / "three.db").string() + one.out.substr(one.out.find(':')));
    CHECK(three.err == one.err);
    CHECK(one.err == "nkclaims: error: " + (corpus / "0000/zz_bin.txt").string() +
                         ": binary file (NUL byte at offset 2)\n" +
                         "nkclaims: error: " + (corpus / "0001/aa_empty.txt").string() + ": empty file\n");
    const auto stored = dump(tmp.path() / "one.db");
    CHECK(stored.size() > 100000);
    CHECK(dump(tmp.path() / "three.db") == stored);
    const auto again = ingest("three.db", 2);
    CHECK(again.out.find(": 0 added, 0 replaced, ") != std::string::npos);
    CHECK(dump(tmp.path() / "three.db") == stored);
}
