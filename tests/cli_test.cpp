// End-to-end tests of the real nkclaims binary over files.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "helpers.hpp"
#include "nkclaims/claim.hpp"

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
    SECTION("a file name's control characters reach the terminal as escapes, not raw") {
        const auto hostile = tmp.write("red\x1b[31m\rname.txt", "");
        for (const std::string& command : {std::string(" extract '"), " ingest -q --db '" + db + "' '"}) {
            auto r = run(binary() + command + hostile.string() + "'");
            CHECK(r.status == 1);
            CHECK(r.err.find('\x1b') == std::string::npos);
            CHECK(r.err.find('\r') == std::string::npos);
            CHECK(r.err.find("red\\x1b[31m\\x0dname.txt: empty file\n") != std::string::npos);
        }
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
    SECTION("a command's --help names every metric and every input kind") {
        auto r = run(binary() + " claims --help");
        CHECK(r.out.find(metric_names()) != std::string::npos);
        CHECK(r.out.find("killed, wounded") != std::string::npos);
        CHECK(run(binary() + " ingest --help").out.find("*.html") != std::string::npos);
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

namespace {
// The binary as a user who may not write what root made (nobody), when the tests run as root:
// root reads and writes whatever the permissions say.
std::string unprivileged() {
    return std::string("NO_COLOR=1 NKCLAIMS_DATA='") + NKCLAIMS_TEST_DATA + "' " +
           (geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "") + "'" + NKCLAIMS_BIN + "'";
}

// A file's bytes and modification time: what "left as it was" means.
std::string fingerprint(const std::filesystem::path& p) {
    return std::to_string(std::filesystem::last_write_time(p).time_since_epoch().count()) + ":" + test::slurp(p);
}

const char* const kNoDatabase = ": no nkclaims database here (create one with nkclaims ingest)\n";
}  // namespace

TEST_CASE("cli: read commands never create or modify the database", "[cli]") {
    TempDir tmp;
    const auto typo = (tmp.path() / "typo.db").string();
    const std::string report = "report --out '" + (tmp.path() / "out").string() + "'";
    const std::vector<std::string> reads{"claims", "conflicts", "timeline --metric troops", report, "docs"};
    SECTION("a missing database: one error, status 1, no file made") {
        for (const auto& cmd : reads) {
            INFO(cmd);
            const auto r = run(binary() + " " + cmd + " --db '" + typo + "'");
            CHECK(r.status == 1);
            CHECK(r.err == "nkclaims: error: " + typo + kNoDatabase);
            CHECK_FALSE(std::filesystem::exists(typo));
        }
        CHECK(std::distance(std::filesystem::directory_iterator(tmp.path()), {}) == 0);
    }
    SECTION("a bad option is refused before the database is opened") {
        for (const std::string cmd : {"claims --metric tanks", "conflicts --window 99999", "timeline",
                                      "docs --format jsonl", "claims --since x"}) {
            INFO(cmd);
            CHECK(run(binary() + " " + cmd + " --db '" + typo + "'").status == 2);
            CHECK_FALSE(std::filesystem::exists(typo));
        }
    }
    const auto db = tmp.path() / "s.db";
    REQUIRE(run(binary() + " ingest -q --db '" + db.string() + "' --manifest '" + kSamples + "/manifest.json' '" +
                kSamples + "'")
                .status == 0);
    SECTION("every read command leaves the database byte for byte as it was, its time too") {
        const auto before = fingerprint(db);
        for (const auto& cmd : reads) {
            INFO(cmd);
            CHECK(run(binary() + " " + cmd + " --db '" + db.string() + "'").status == 0);
        }
        CHECK(fingerprint(db) == before);
    }
    SECTION("a database its user may only read is listed") {
        std::filesystem::create_directories(tmp.path() / "ro");
        const auto ro = tmp.path() / "ro" / "s.db";
        std::filesystem::copy_file(db, ro);
        const auto before = fingerprint(ro);
        REQUIRE(run("chmod 444 '" + ro.string() + "' && chmod 555 '" + ro.parent_path().string() + "'").status == 0);
        const auto claims = run(unprivileged() + " claims --format jsonl --db '" + ro.string() + "'");
        const auto docs = run(unprivileged() + " docs --db '" + ro.string() + "'");
        run("chmod 755 '" + ro.parent_path().string() + "'");
        INFO(claims.err);
        CHECK(claims.status == 0);
        CHECK(std::count(claims.out.begin(), claims.out.end(), '\n') == 22);
        CHECK(docs.out.find("5 documents") != std::string::npos);
        CHECK(fingerprint(ro) == before);
        CHECK(std::distance(std::filesystem::directory_iterator(ro.parent_path()), {}) == 1);
    }
}

TEST_CASE("cli: a database of another program is left byte for byte as it was", "[cli]") {
    TempDir tmp;
    const auto other = tmp.path() / "other.db";
    REQUIRE(run("sqlite3 '" + other.string() + "' 'CREATE TABLE t(x); INSERT INTO t VALUES (1);'").status == 0);
    const auto good = tmp.write("good.txt", "The NIS said 1,500 soldiers were sent.");
    const auto before = fingerprint(other);
    for (const std::string& cmd :
         std::vector<std::string>{"claims", "docs", "ingest --date 2024-10-25 '" + good.string() + "'"}) {
        INFO(cmd);
        const auto r = run(binary() + " " + cmd + " --db '" + other.string() + "'");
        CHECK(r.status == 1);
        CHECK(r.err == "nkclaims: error: " + other.string() + ": not an nkclaims database (it holds other tables)\n");
        CHECK(fingerprint(other) == before);
    }
    CHECK(run("sqlite3 '" + other.string() + "' 'PRAGMA journal_mode;'").out == "delete\n");
}

TEST_CASE("cli: usage errors say what was meant, after one prefix", "[cli]") {
    SECTION("a mistyped command") {
        const auto r = run(binary() + " claim");
        CHECK(r.status == 2);
        CHECK(r.err == "nkclaims: error: unknown command 'claim' (did you mean claims?)\n");
        CHECK(run(binary() + " --data /nowhere conflict").err ==
              "nkclaims: error: unknown command 'conflict' (did you mean conflicts?)\n");
        const auto far = run(binary() + " frobnicate");
        CHECK(far.status == 2);
        CHECK(far.err.starts_with("nkclaims: error: unknown command 'frobnicate' (commands: ingest, extract, "));
    }
    SECTION("no command") {
        const auto r = run(binary());
        CHECK(r.status == 2);
        CHECK(r.err.starts_with("nkclaims: error: a subcommand is required (ingest, extract, import, claims, "));
        CHECK(r.err.ends_with(")\n"));
    }
    SECTION("a mistyped option, after its command's options and their values") {
        const auto r = run(binary() + " conflicts --format json --windw 3");
        CHECK(r.status == 2);
        CHECK(r.err == "nkclaims: error: unknown option --windw (did you mean --window?)\n");
        CHECK(run(binary() + " ingest --mainfest m.json x").err ==
              "nkclaims: error: unknown option --mainfest (did you mean --manifest?)\n");
    }
    SECTION("CLI11's own errors get the prefix too, on one line") {
        for (const std::string cmd : {"ingest --jobs 0 x.txt", "report", "claims --format"}) {
            INFO(cmd);
            const auto r = run(binary() + " " + cmd);
            CHECK(r.status == 2);
            CHECK(r.err.starts_with("nkclaims: error: "));
            CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        }
    }
    SECTION("--help names the program nkclaims, whatever it was started as") {
        TempDir tmp;
        std::filesystem::create_symlink(NKCLAIMS_BIN, tmp.path() / "other-name");
        const auto r = run("'" + (tmp.path() / "other-name").string() + "' --help");
        CHECK(r.status == 0);
        CHECK(r.out.find("Usage: nkclaims ") != std::string::npos);
        CHECK(r.out.find("other-name") == std::string::npos);
        const auto sub = run("'" + (tmp.path() / "other-name").string() + "' claims --help");
        CHECK(sub.out.find("other-name") == std::string::npos);
    }
}

TEST_CASE("cli: numeric options are range-checked, with their bounds", "[cli]") {
    TempDir tmp;
    const auto db = (tmp.path() / "n.db").string();
    const auto good = tmp.write("good.txt", "The NIS said 1,500 soldiers were sent.");
    REQUIRE(run(binary() + " ingest -q --date 2024-10-25 --db '" + db + "' '" + good.string() + "'").status == 0);
    const auto conflicts = [&](const std::string& args) {
        return run(binary() + " conflicts --db '" + db + "' " + args);
    };
    CHECK(conflicts("--window 2147483647").err ==
          "nkclaims: error: --window: 2147483647 is not a number of days from 0 to 3650\n");
    CHECK(conflicts("--window 2147483647").status == 2);
    CHECK(conflicts("--window -1").status == 2);
    CHECK(conflicts("--window 3650").status == 0);
    CHECK(conflicts("--min-gap nan").status == 2);
    CHECK(conflicts("--min-gap nan").err.starts_with("nkclaims: error: "));
    CHECK(conflicts("--min-gap 1.5").err == "nkclaims: error: --min-gap: 1.5 is not a fraction from 0 to 1\n");
    CHECK(conflicts("--min-gap 0.25").status == 0);
    const auto fresh = (tmp.path() / "fresh.db").string();
    const auto date = run(binary() + " ingest --date 0000-01-05 --db '" + fresh + "' '" + good.string() + "'");
    CHECK(date.status == 2);
    CHECK(date.err == "nkclaims: error: --date: '0000-01-05' is not from 1900-01-01 to 2199-12-31\n");
    CHECK_FALSE(std::filesystem::exists(fresh));
    CHECK(run(binary() + " extract --date 2199-12-31 '" + good.string() + "'").out.find("\"date\":\"2199-12-31\"") !=
          std::string::npos);
    for (const std::string jobs : {"0", "257", "-3"})
        CHECK(run(binary() + " ingest --jobs " + jobs + " x").status == 2);
}

TEST_CASE("cli: a folder walk reports what it cannot list, and goes on", "[cli]") {
    TempDir tmp;
    const std::string text = "The NIS said 1,500 soldiers were sent.";
    SECTION("an unreadable subfolder") {
        tmp.write("in/a/first.txt", text);
        tmp.write("in/b/locked/hidden.txt", text);
        tmp.write("in/c/last.txt", text);
        const auto locked = tmp.path() / "in" / "b" / "locked";
        REQUIRE(run("chmod 000 '" + locked.string() + "'").status == 0);
        const auto r = run(unprivileged() + " extract --date 2024-10-25 '" + (tmp.path() / "in").string() + "'");
        run("chmod 755 '" + locked.string() + "'");
        CHECK(r.status == 1);
        CHECK(r.err == "nkclaims: error: " + locked.string() + ": cannot list folder: Permission denied\n");
        CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 2);
        CHECK(r.out.find("first.txt") != std::string::npos);
        CHECK(r.out.find("last.txt") != std::string::npos);
    }
    SECTION("a path too long: reported, its siblings still read") {
        tmp.write("in/a.txt", text);
        tmp.write("in/z.txt", text);
        const std::string name(250, 'd');
        // bash: its cd walks into a path longer than PATH_MAX one component at a time.
        const auto mk = tmp.write("deep.sh", "cd \"$1\" && for i in $(seq 20); do mkdir " + name + " && cd " + name +
                                                 "; done && echo '" + text + "' > deep.txt\n");
        REQUIRE(run("bash '" + mk.string() + "' '" + (tmp.path() / "in").string() + "'").status == 0);
        const auto db = (tmp.path() / "w.db").string();
        const auto r =
            run(binary() + " ingest --date 2024-10-25 --db '" + db + "' '" + (tmp.path() / "in").string() + "'");
        CHECK(r.status == 1);
        CHECK(r.err.starts_with("nkclaims: error: " + (tmp.path() / "in" / name).string()));
        CHECK(r.err.ends_with(": cannot list folder: File name too long\n"));
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK(run("sqlite3 '" + db + "' 'SELECT name FROM documents ORDER BY name'").out == "a.txt\nz.txt\n");
        run("rm -rf '" + (tmp.path() / "in").string() + "'");  // too deep for remove_all's paths
    }
    SECTION("a FIFO and a device are refused at once, never read") {
        const auto fifo = tmp.path() / "pipe.txt";
        REQUIRE(run("mkfifo '" + fifo.string() + "'").status == 0);
        const auto r = run("timeout 10 env " + binary() + " extract '" + fifo.string() + "'");
        CHECK(r.status == 1);
        CHECK(r.err == "nkclaims: error: " + fifo.string() + ": is a pipe (FIFO), not a regular file\n");
        const auto zero = run("timeout 10 env " + binary() + " extract /dev/zero");
        CHECK(zero.status == 1);
        CHECK(zero.err == "nkclaims: error: /dev/zero: is a device, not a regular file\n");
    }
}

TEST_CASE("cli: several --manifest, each for the files of its folder", "[cli]") {
    TempDir tmp;
    const std::string text = "The NIS said 1,500 soldiers were sent.";
    const auto a = tmp.write("one/a.txt", text);
    const auto b = tmp.write("two/b.txt", text);
    const auto m1 = tmp.write("one/m.json", R"([{"file": "a.txt", "published": "2024-10-25"}])");
    const auto m2 = tmp.write("two/m.json", R"([{"file": "b.txt", "published": "2025-01-10"}])");
    const auto r = run(binary() + " extract --manifest '" + m1.string() + "' --manifest '" + m2.string() + "' '" +
                       a.string() + "' '" + b.string() + "'");
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("\"date\":\"2024-10-25\"") != std::string::npos);
    CHECK(r.out.find("\"date\":\"2025-01-10\"") != std::string::npos);
    const auto db = (tmp.path() / "m.db").string();
    CHECK(run(binary() + " ingest -q --db '" + db + "' --manifest '" + m1.string() + "' --manifest '" + m2.string() +
              "' '" + tmp.path().string() + "'")
              .status == 0);
    CHECK(run("sqlite3 '" + db + "' 'SELECT name, published FROM documents ORDER BY name'").out ==
          "a.txt|2024-10-25\nb.txt|2025-01-10\n");
}

TEST_CASE("cli: ingest says how many documents it stored without a date", "[cli]") {
    TempDir tmp;
    const auto db = (tmp.path() / "t.db").string();
    const auto a = tmp.write("a.txt", "The NIS said 1,500 soldiers were sent.");
    const auto b = tmp.write("b.txt", "The NIS said 3,000 soldiers were sent.");
    const auto r = run(binary() + " ingest --db '" + db + "' '" + a.string() + "' '" + b.string() + "'");
    CHECK(r.status == 0);
    CHECK(
        r.out.ends_with("; 2 claims\n2 documents have no date: give them one with --date or a manifest (nkclaims "
                        "docs shows which)\n"));
    SECTION("dated by --date, they are not counted") {
        const auto dated = run(binary() + " ingest --db '" + db + "' --date 2024-10-25 '" + a.string() + "'");
        CHECK(dated.out.ends_with("1 replaced, 0 unchanged; 1 claims\n"));
    }
}
