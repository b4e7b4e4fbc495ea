#include "nkclaims/store.hpp"

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "nkclaims/conflicts.hpp"
#include "nkclaims/error.hpp"
#include "nkclaims/ingest.hpp"

using namespace nkclaims;
using nkclaims::test::TempDir;

namespace {
StoredDocument stored(const Document& d, const std::string& path, std::size_t n) {
    return {path, d.name, content_hash(d.bytes), d.meta, d.bytes.size(), n};
}
}  // namespace

TEST_CASE("store", "[store]") {
    Store s(":memory:");
    auto d =
        test::doc("The NIS said 1,500 soldiers were sent. The White House said 3,000 troops arrived.", "2024-10-25");
    auto claims = Extractor(test::gazetteer()).extract(d);
    REQUIRE(claims.size() == 2);

    SECTION("claims come back with every field") {
        CHECK(s.put(stored(d, "/a/test.txt", 2), claims) == PutResult::Added);
        auto back = s.claims({});
        REQUIRE(back.size() == 2);
        CHECK(back[0].source == "nis");
        CHECK(back[0].span == claims[0].span);
        CHECK(back[0].value == claims[0].value);
        CHECK(back[0].date->iso() == "2024-10-25");
        CHECK(back[1].quote == claims[1].quote);
        CHECK(back[1].rule.id == RuleId::FigureNoun);
    }
    SECTION("CONTRACT.md version 2's fields come back: killed and wounded, hypothetical, about") {
        claims[0].metric = Metric::Killed;
        claims[0].hypothetical = true;
        claims[1].metric = Metric::Wounded;
        Claim stance = claims[1];
        stance.kind = ClaimKind::Stance;
        stance.span = {0, 3};
        stance.stance = Stance::Denies;
        stance.about = About::Combat;
        claims.insert(claims.begin(), stance);
        s.put(stored(d, "/a/test.txt", 3), claims);
        for (const bool slim : {false, true}) {
            ClaimFilter f;
            f.slim = slim;
            auto back = s.claims(f);
            REQUIRE(back.size() == 3);
            CHECK(back[0].about == About::Combat);
            CHECK(back[1].metric == Metric::Killed);
            CHECK(back[1].hypothetical);
            CHECK(back[2].metric == Metric::Wounded);
            CHECK_FALSE(back[2].hypothetical);
            CHECK_FALSE(back[2].about);
        }
    }
    SECTION("the same content again changes nothing; new content replaces the claims") {
        s.put(stored(d, "/a/test.txt", 2), claims);
        CHECK(s.unchanged("/a/test.txt", content_hash(d.bytes)));
        CHECK(s.put(stored(d, "/a/test.txt", 2), claims) == PutResult::Unchanged);
        auto d2 = test::doc("The NIS said 2,000 soldiers were sent.", "2024-10-25");
        auto c2 = Extractor(test::gazetteer()).extract(d2);
        CHECK(s.put(stored(d2, "/a/test.txt", 1), c2) == PutResult::Replaced);
        REQUIRE(s.claims({}).size() == 1);
        CHECK(s.documents().size() == 1);
    }
    SECTION("filters are bound parameters: quotes and semicolons are harmless") {
        s.put(stored(d, "/a/test.txt", 2), claims);
        ClaimFilter f;
        f.source = "nis'; DROP TABLE claims; --";
        CHECK(s.claims(f).empty());
        CHECK(s.claims({}).size() == 2);
        f.source = "nis";
        CHECK(s.claims(f).size() == 1);
        ClaimFilter m;
        m.metric = Metric::Troops;
        m.since = parse_iso_day("2024-10-26");
        CHECK(s.claims(m).empty());
    }
    SECTION("counts") {
        s.put(stored(d, "/a/test.txt", 2), claims);
        CHECK(s.claim_count() == 2);
        CHECK(s.document_count() == 1);
    }
}

TEST_CASE("store: bad databases", "[store]") {
    TempDir tmp;
    SECTION("a file that is not a database") {
        auto p = tmp.write("x.db", std::string(4096, 'x'));
        CHECK_THROWS_AS(Store(p.string()), StoreError);
    }
    SECTION("a database from a newer nkclaims") {
        const auto p = (tmp.path() / "new.db").string();
        REQUIRE(test::run("sqlite3 '" + p + "' 'PRAGMA user_version = 99;'").status == 0);
        try {
            Store s(p);
            FAIL("opened");
        } catch (const StoreError& e) {
            CHECK(e.message() ==
                  p + fmt::format(": database schema version 99 is newer than this nkclaims ({})", kSchemaVersion));
        }
    }
    SECTION("a database of something else") {
        const auto p = (tmp.path() / "other.db").string();
        REQUIRE(test::run("sqlite3 '" + p + "' 'CREATE TABLE t(x);'").status == 0);
        CHECK_THROWS_WITH(Store(p), "not an nkclaims database (it holds other tables)");
    }
}

namespace {
std::string indexes(const std::string& db) {
    return test::run("sqlite3 '" + db +
                     "' \"SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE " +
                     "type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name)\"")
        .out;
}
}  // namespace

TEST_CASE("store: the indexes are the ones its queries walk, and no more", "[store]") {
    // Each index on claims costs every inserted claim a random B-tree write.
    TempDir tmp;
    const auto p = (tmp.path() / "new.db").string();
    { Store s(p); }
    CHECK(indexes(p) == "claims_by_doc conflict_claims_by_claim documents_by_name\n");
    CHECK(test::run("sqlite3 '" + p + "' 'PRAGMA page_size;'").out == "65536\n");
    // A listing: documents by name from their index alone, each one's claims as a range of ids.
    const std::string plan =
        test::run("sqlite3 '" + p +
                  "' \"EXPLAIN QUERY PLAN SELECT c.id, d.name FROM documents d INDEXED BY documents_by_name " +
                  "CROSS JOIN claims c ON c.id BETWEEN d.first_claim AND d.last_claim WHERE +c.metric = 'troops' " +
                  "ORDER BY d.name, d.id, c.id\"")
            .out;
    CHECK(plan.find("SCAN d USING COVERING INDEX documents_by_name") != std::string::npos);
    CHECK(plan.find("SEARCH c USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)") != std::string::npos);
    CHECK(plan.find("TEMP B-TREE") == std::string::npos);
}

TEST_CASE("store: a document's claims are one run of ids, in order of position", "[store]") {
    TempDir tmp;
    const auto p = (tmp.path() / "runs.db").string();
    auto runs = [&] {
        return test::run("sqlite3 '" + p + "' 'SELECT name, first_claim, last_claim FROM documents ORDER BY id;'").out;
    };
    Store s(p);
    auto b =
        test::doc("The NIS said 1,500 soldiers were sent. The White House said 3,000 troops arrived.", "2024-10-25");
    b.name = "b.txt";
    auto b_claims = Extractor(test::gazetteer()).extract(b);
    REQUIRE(b_claims.size() == 2);
    auto a = test::doc("The NIS said 2,000 soldiers were sent.", "2024-10-25");
    a.name = "a.txt";
    const auto a_claims = Extractor(test::gazetteer()).extract(a);
    std::swap(b_claims[0], b_claims[1]);  // handed over out of order
    s.put(stored(b, "/r/b.txt", 2), b_claims);
    s.put(stored(a, "/r/a.txt", 1), a_claims);
    CHECK(runs() == "b.txt|1|2\na.txt|3|3\n");

    SECTION("listed by document name, each document's claims by position") {
        const auto listed = s.claims({});
        REQUIRE(listed.size() == 3);
        CHECK(listed[0].doc == "a.txt");
        CHECK(listed[1].doc == "b.txt");
        CHECK(listed[1].value.low == 1500);
        CHECK(listed[1].id == 1);
        CHECK(listed[2].value.low == 3000);
    }
    SECTION("a replaced document gets a new run; a document without claims has none") {
        auto b2 = test::doc("Nobody counted anything.", "2024-10-25");
        b2.name = "b.txt";
        CHECK(s.put(stored(b2, "/r/b.txt", 0), {}) == PutResult::Replaced);
        CHECK(runs() == "a.txt|3|3\nb.txt||\n");
        const auto listed = s.claims({});
        REQUIRE(listed.size() == 1);
        CHECK(listed[0].doc == "a.txt");
        ClaimFilter only_b;
        only_b.doc = "b.txt";
        CHECK(s.claims(only_b).empty());
    }
}

TEST_CASE("store: migrations", "[store]") {
    TempDir tmp;
    const auto p = (tmp.path() / "old.db").string();
    REQUIRE(test::run("sqlite3 '" + p + "' \".read " + std::string(NKCLAIMS_TEST_DIR) + "/fixtures/schema_v1.sql\"")
                .status == 0);
    {
        Store s(p);
        auto claims = s.claims({});
        REQUIRE(claims.size() == 2);
        CHECK(claims[0].source == "nis");
        CHECK(claims[1].value.low == 3000);
    }
    SECTION("the file is at the current version, with a backup of the old one") {
        CHECK(test::run("sqlite3 '" + p + "' 'PRAGMA user_version;'").out == fmt::format("{}\n", kSchemaVersion));
        CHECK(test::run("sqlite3 '" + p + "' 'SELECT name, first_claim, last_claim FROM documents;'").out ==
              "a.txt|1|2\n");
        CHECK(indexes(p) == "claims_by_doc conflict_claims_by_claim documents_by_name\n");
        CHECK(std::filesystem::exists(p + ".v1.backup"));
        CHECK(test::run("sqlite3 '" + p + ".v1.backup' 'PRAGMA user_version;'").out == "1\n");
    }
    SECTION("the old data is in the new views") {
        CHECK(test::run("sqlite3 '" + p + "' 'SELECT claim_id, doc, source FROM v_claims ORDER BY claim_id;'").out ==
              "1|a.txt|nis\n2|a.txt|us_gov\n");
    }
    SECTION("opening again migrates nothing") {
        Store again(p);
        CHECK(again.claims({}).size() == 2);
    }
}

TEST_CASE("store: slim reads and reads by id", "[store]") {
    Store s(":memory:");
    auto d =
        test::doc("The NIS said 1,500 soldiers were sent. The White House said 3,000 troops arrived.", "2024-10-25");
    d.name = "slim.txt";
    const auto claims = Extractor(test::gazetteer()).extract(d);
    s.put(stored(d, "/a/slim.txt", 2), claims);
    const auto whole = s.claims({});
    REQUIRE(whole.size() == 2);

    SECTION("a slim read has what comparing needs, and no quote") {
        ClaimFilter f;
        f.slim = true;
        std::vector<Claim> slim;
        s.for_each_claim(f, [&](const Claim& c) { slim.push_back(c); });
        REQUIRE(slim.size() == 2);
        CHECK(slim[0].doc == "slim.txt");
        CHECK(slim[0].source == "nis");
        CHECK(slim[0].value == whole[0].value);
        CHECK(slim[0].date == whole[0].date);
        CHECK(slim[0].quote.empty());
    }
    SECTION("a slim read has the event's date: two counts of one event are compared by it") {
        auto d2 =
            test::doc("The military said North Korea dispatched 3,000 soldiers to Russia in January.", "2025-03-26");
        d2.name = "event.txt";
        s.put(stored(d2, "/a/event.txt", 3), Extractor(test::gazetteer()).extract(d2));
        ClaimFilter f;
        f.slim = true;
        f.doc = "event.txt";
        std::vector<Claim> slim;
        s.for_each_claim(f, [&](const Claim& c) { slim.push_back(c); });
        REQUIRE(slim.size() == 1);
        REQUIRE(slim[0].event_date);
        CHECK(slim[0].event_date->iso() == "2025-01");
    }
    SECTION("claims by id come whole, in the order asked") {
        auto back = s.claims_by_id({whole[1].id, whole[0].id});
        REQUIRE(back.size() == 2);
        CHECK(back[0].id == whole[1].id);
        CHECK(back[0].quote == whole[1].quote);
        CHECK(back[0].doc == "slim.txt");
        CHECK(back[1].source == "nis");
    }
    SECTION("an id not stored is an error naming it") {
        CHECK_THROWS_WITH(s.claims_by_id({whole[0].id, 999}),
                          "claim 999 is gone: the database changed while it was read");
    }
    SECTION("conflicts of the store, read slim, are those of its claims read whole") {
        auto d2 =
            test::doc("The White House said on Wednesday that at least 3,000 soldiers had arrived.", "2024-10-25");
        d2.name = "other.txt";
        s.put(stored(d2, "/a/other.txt", 1), Extractor(test::gazetteer()).extract(d2));
        const auto all = s.claims({});
        const auto expected = find_conflicts(all, test::gazetteer(), {});
        const auto got = conflicts_in(s, {}, test::gazetteer(), {});
        REQUIRE(!expected.conflicts.empty());
        REQUIRE(got.conflicts.size() == expected.conflicts.size());
        for (std::size_t i = 0; i < got.conflicts.size(); ++i) {
            CHECK(got.conflicts[i].reason == expected.conflicts[i].reason);
            CHECK(got.conflicts[i].claims[0]->quote == expected.conflicts[i].claims[0]->quote);
        }
    }
}

TEST_CASE("store: v_conflicts shows the stored conflicts", "[store]") {
    TempDir tmp;
    const auto p = (tmp.path() / "c.db").string();
    {
        Store s(p);
        auto d = test::doc(
            "The NIS said last week that 1,500 soldiers were sent. On Wednesday, the White House said at least "
            "3,000 soldiers had arrived.",
            "2024-10-25");
        s.put(stored(d, "/c/test.txt", 2), Extractor(test::gazetteer()).extract(d));
        const auto stored_claims = s.claims({});
        auto r = find_conflicts(stored_claims, test::gazetteer(), {});
        REQUIRE(r.conflicts.size() == 1);
        s.put_conflicts(r.conflicts);
        s.put_conflicts(r.conflicts);  // replaces, never adds
    }
    CHECK(test::run("sqlite3 '" + p +
                    "' 'SELECT conflict, position, source, value_low FROM v_conflicts ORDER BY position;'")
              .out == "1|0|nis|1500.0\n1|1|us_gov|3000.0\n");
}

TEST_CASE("store: v_latest holds each source's latest figure", "[store]") {
    TempDir tmp;
    const auto p = (tmp.path() / "l.db").string();
    {
        Store s(p);
        auto first = test::extract("The NIS said 1,500 North Korean soldiers were sent.", "2024-10-18");
        auto later = test::extract("The NIS said 3,000 North Korean soldiers were sent.", "2024-10-30");
        REQUIRE(first.size() == 1);
        REQUIRE(later.size() == 1);
        first[0].doc = "a.txt";
        later[0].doc = "b.txt";
        s.put({"/a.txt", "a.txt", "h1", {}, 10, 1}, first);
        s.put({"/b.txt", "b.txt", "h2", {}, 10, 1}, later);
    }
    CHECK(test::run("sqlite3 '" + p + "' 'SELECT source, metric, phase, value_low, date, doc FROM v_latest;'").out ==
          "nis|troops|deployed|3000.0|2024-10-30|b.txt\n");
}

namespace {
// The bytes of a file and its modification time: what "left as it was" means.
std::string fingerprint(const std::string& p) {
    const auto t = std::filesystem::last_write_time(p).time_since_epoch().count();
    return std::to_string(t) + ":" + test::slurp(p);
}
}  // namespace

TEST_CASE("store: a read-only store never creates, migrates or writes", "[store]") {
    TempDir tmp;
    SECTION("no database: an error saying so, and no file made") {
        const auto p = (tmp.path() / "typo.db").string();
        try {
            Store s(p, Access::ReadOnly);
            FAIL("opened");
        } catch (const StoreError& e) {
            CHECK(e.message() == p + ": no nkclaims database here (create one with nkclaims ingest)");
        }
        CHECK_FALSE(std::filesystem::exists(p));
        CHECK_FALSE(std::filesystem::exists(p + "-wal"));
    }
    SECTION("an empty file is no database either, and stays empty") {
        const auto p = tmp.write("empty.db", "").string();
        CHECK_THROWS_WITH(Store(p, Access::ReadOnly), "no nkclaims database here (create one with nkclaims ingest)");
        CHECK(std::filesystem::file_size(p) == 0);
    }
    SECTION("a database is read, byte for byte unchanged, and refuses writes") {
        const auto p = (tmp.path() / "r.db").string();
        auto d = test::doc("The NIS said 1,500 soldiers were sent.", "2024-10-25");
        {
            Store w(p);
            w.put(stored(d, "/r/test.txt", 1), Extractor(test::gazetteer()).extract(d));
        }
        const auto before = fingerprint(p);
        {
            Store r(p, Access::ReadOnly);
            CHECK(r.claims({}).size() == 1);
            CHECK(r.documents().size() == 1);
            CHECK_THROWS_AS(r.put(stored(d, "/r/other.txt", 1), {}), StoreError);
        }
        CHECK(fingerprint(p) == before);
    }
    SECTION("an older schema is not migrated: the error says how") {
        const auto p = (tmp.path() / "old.db").string();
        REQUIRE(test::run("sqlite3 '" + p + "' \".read " + std::string(NKCLAIMS_TEST_DIR) + "/fixtures/schema_v1.sql\"")
                    .status == 0);
        const auto before = fingerprint(p);
        CHECK_THROWS_WITH(Store(p, Access::ReadOnly),
                          fmt::format("database schema version 1 is older than this nkclaims ({}): the next nkclaims "
                                      "ingest into it migrates it (keeping a backup)",
                                      kSchemaVersion));
        CHECK(fingerprint(p) == before);
        CHECK_FALSE(std::filesystem::exists(p + ".v1.backup"));
    }
}

TEST_CASE("store: a database refused is left byte for byte as it was", "[store]") {
    TempDir tmp;
    // Each in rollback-journal mode: switching it to WAL would rewrite its header.
    const auto other = (tmp.path() / "other.db").string();
    REQUIRE(test::run("sqlite3 '" + other + "' 'CREATE TABLE t(x); INSERT INTO t VALUES (1);'").status == 0);
    const auto newer = (tmp.path() / "newer.db").string();
    REQUIRE(test::run("sqlite3 '" + newer + "' 'CREATE TABLE t(x); PRAGMA user_version = 99;'").status == 0);
    for (const auto& p : {other, newer}) {
        const auto before = fingerprint(p);
        for (const Access access : {Access::ReadWrite, Access::ReadOnly}) {
            CHECK_THROWS_AS(Store(p, access), StoreError);
            CHECK(fingerprint(p) == before);
        }
        CHECK(test::run("sqlite3 '" + p + "' 'PRAGMA journal_mode;'").out == "delete\n");
    }
}

TEST_CASE("store: a snapshot reads one state while another connection replaces documents", "[store]") {
    TempDir tmp;
    const auto p = (tmp.path() / "s.db").string();
    Store writer(p);
    auto d = test::doc("The NIS said 1,500 soldiers were sent.", "2024-10-25");
    writer.put(stored(d, "/s/test.txt", 1), Extractor(test::gazetteer()).extract(d));
    const Store reader(p, Access::ReadOnly);
    const Store::Snapshot snapshot(reader);
    const auto listed = reader.claims({});
    REQUIRE(listed.size() == 1);
    auto d2 = test::doc("The NIS said 2,000 soldiers were sent.", "2024-10-25");
    REQUIRE(writer.put(stored(d2, "/s/test.txt", 1), Extractor(test::gazetteer()).extract(d2)) == PutResult::Replaced);
    // The claim listed is gone from the file, not from the snapshot.
    const auto back = reader.claims_by_id({listed[0].id});
    CHECK(back[0].value.low == 1500);
}
