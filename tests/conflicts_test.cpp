#include "nkclaims/conflicts.hpp"

#include <catch2/catch.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "helpers.hpp"
#include "nkclaims/claim_facts.hpp"

using namespace nkclaims;

namespace {
// A figure as the extractor would give it.
Claim fig(std::string source, double low, std::optional<double> high, std::string date, Phase phase = Phase::Deployed,
          Metric metric = Metric::Troops, bool approx = false, std::string doc = "") {
    static std::size_t at = 0;
    Claim c;
    c.kind = ClaimKind::Figure;
    c.doc = doc.empty() ? source + ".txt" : doc;
    c.span = {at, at + 5};
    at += 10;
    c.value = {low, high};
    c.approx = approx;
    c.metric = metric;
    c.phase = phase;
    c.actor = "north_korea";
    c.source = std::move(source);
    c.date = parse_iso_range(date);
    return c;
}
Claim denial(std::string source, std::string date, std::string location = "") {
    Claim c;
    c.kind = ClaimKind::Stance;
    c.stance = Stance::Denies;
    c.doc = source + "-stance.txt";
    c.source = std::move(source);
    c.location = std::move(location);
    c.date = parse_iso_range(date);
    return c;
}
// The report and the claims it points at, kept together.
struct Found : ConflictReport {
    std::vector<Claim> claims;
};
Found find(std::vector<Claim> claims, ConflictOptions o = {}) {
    Found f;
    f.claims = std::move(claims);
    static_cast<ConflictReport&>(f) = find_conflicts(f.claims, test::gazetteer(), o);
    return f;  // moving the vector keeps its buffer: the pointers stay valid
}
}  // namespace

TEST_CASE("conflicts: values as intervals", "[conflicts]") {
    SECTION("1,500 and at least 3,000 at the same time conflict") {
        auto r = find({fig("nis", 1500, 1500, "2024-10-18"), fig("us_gov", 3000, std::nullopt, "2024-10-23")});
        REQUIRE(r.conflicts.size() == 1);
        CHECK(r.conflicts[0].kind == ConflictKind::Disagreement);
        CHECK(r.conflicts[0].gap_days == 5);
    }
    SECTION("at least 3,000 and 10,000 agree") {
        CHECK(find({fig("us_gov", 3000, std::nullopt, "2024-10-23"), fig("nis", 10000, 10000, "2024-10-25")})
                  .conflicts.empty());
    }
    SECTION("about 10,000 and 11,000 agree within the tolerance; about 12,000 and 10,000 do not") {
        CHECK(find({fig("a", 10000, 10000, "2024-11-01", Phase::Deployed, Metric::Troops, true),
                    fig("b", 11000, 11000, "2024-11-02")})
                  .conflicts.empty());
        CHECK(find({fig("a", 12000, 12000, "2024-10-22", Phase::Planned, Metric::Troops, true),
                    fig("b", 10000, 10000, "2024-10-20", Phase::Planned)})
                  .conflicts.size() == 1);
    }
    SECTION("--min-gap widens the tolerance") {
        ConflictOptions o;
        o.tolerance = 0.25;
        CHECK(find({fig("a", 12000, 12000, "2024-10-22", Phase::Planned, Metric::Troops, true),
                    fig("b", 10000, 10000, "2024-10-20", Phase::Planned)},
                   o)
                  .conflicts.empty());
    }
    SECTION("ranges overlap or not") {
        CHECK(find({fig("a", 25000, 30000, "2025-07-02", Phase::Planned),
                    fig("b", 30000, 30000, "2025-07-08", Phase::Planned)})
                  .conflicts.empty());
        CHECK(find({fig("a", 25000, 30000, "2025-07-02", Phase::Planned),
                    fig("b", 10000, 20000, "2025-07-02", Phase::Planned)})
                  .conflicts.size() == 1);
    }
}

TEST_CASE("conflicts: only claims about the same thing", "[conflicts]") {
    SECTION("different metrics: a mixed group is not its parts") {
        CHECK(find({fig("a", 6000, 6000, "2025-06-20", Phase::Planned, Metric::Personnel),
                    fig("b", 1000, 1000, "2025-06-20", Phase::Planned, Metric::Engineers)})
                  .conflicts.empty());
    }
    SECTION("different phases: planned is not deployed") {
        CHECK(find({fig("a", 12000, 12000, "2024-10-22", Phase::Planned), fig("b", 1500, 1500, "2024-10-22")})
                  .conflicts.empty());
    }
    SECTION("different actors") {
        auto r = fig("a", 110000, 110000, "2025-07-02");
        r.actor = "russia";
        CHECK(find({r, fig("b", 11000, 11000, "2025-07-02")}).conflicts.empty());
    }
    SECTION("places that do not overlap; places that do") {
        auto kursk = fig("a", 6000, 6000, "2024-11-01");
        kursk.location = "kursk";
        auto far_east = fig("b", 8000, 8000, "2024-11-01");
        far_east.location = "russia_far_east";
        CHECK(find({kursk, far_east}).conflicts.empty());
        far_east.location = "russia";
        CHECK(find({kursk, far_east}).conflicts.size() == 1);
    }
    SECTION("too far apart in time; --window brings them together") {
        std::vector<Claim> c{fig("a", 12000, 12000, "2024-10-01", Phase::Planned),
                             fig("b", 30000, 30000, "2024-12-01", Phase::Planned)};
        CHECK(find(c).conflicts.empty());
        ConflictOptions o;
        o.window_days = 90;
        CHECK(find(c, o).conflicts.size() == 1);
    }
    SECTION("a deployed increment adds to what came before") {
        auto more = fig("a", 3000, 3000, "2025-02-01");
        more.increment = true;
        CHECK(find({more, fig("b", 11000, 11000, "2025-02-03")}).conflicts.empty());
    }
    SECTION("troops sent: a count below half of another at the same time is a batch or a part of it") {
        CHECK(find({fig("a", 12000, 12000, "2025-02-27"), fig("b", 1000, 3000, "2025-02-27")}).conflicts.empty());
        CHECK(find({fig("a", 1500, 1500, "2024-10-22"), fig("b", 3000, std::nullopt, "2024-10-23")}).conflicts.size() ==
              1);
    }
    SECTION("a count whose phase is unknown is compared with nothing; a loss has none to know") {
        auto struck = fig("a", 3, 3, "2025-03-24", Phase::Deployed, Metric::Equipment);
        auto sent = fig("b", 220, 220, "2025-03-27", Phase::Deployed, Metric::Equipment);
        struck.phase.reset();
        sent.phase.reset();
        CHECK(find({struck, sent}).conflicts.empty());
    }
    SECTION("a planned increment is still a plan") {
        auto more = fig("a", 25000, 30000, "2025-07-02", Phase::Planned);
        more.increment = true;
        CHECK(find({more, fig("b", 10000, 20000, "2025-07-02", Phase::Planned)}).conflicts.size() == 1);
    }
}

TEST_CASE("conflicts: cumulative figures, revisions, corroboration, denials", "[conflicts]") {
    SECTION("a later, lower cumulative figure from another source conflicts; higher is an update") {
        auto r = find({fig("a", 11000, 11000, "2024-11-10"), fig("b", 7000, 7000, "2025-03-01")});
        REQUIRE(r.conflicts.size() == 1);
        CHECK(r.conflicts[0].kind == ConflictKind::LowerLater);
        CHECK(find({fig("a", 3000, 3000, "2024-10-23"), fig("b", 11000, 11000, "2025-03-01")}).conflicts.empty());
    }
    SECTION("a later troop count below half of the peak is another quantity (a batch), not a lower total") {
        CHECK(
            find({fig("us_gov", 12000, 12000, "2025-01-24"), fig("nis", 2000, 2000, "2025-09-02")}).conflicts.empty());
        CHECK(find({fig("a", 11000, 11000, "2024-11-10"), fig("b", 3000, 3000, "2025-03-01")}).conflicts.empty());
    }
    SECTION("a later lower figure conflicts once, with the highest peak it falls below") {
        auto r = find({fig("nis", 15000, 15000, "2025-04-30"), fig("us_gov", 12000, 12000, "2025-01-24"),
                       fig("nk_news", 10000, 10000, "2025-07-08")});
        REQUIRE(r.conflicts.size() == 1);
        CHECK(r.conflicts[0].claims[0]->source == "nis");
        SECTION("unless a document holding it also states a lower peak: the writer set those two side by side") {
            auto beside = fig("us_gov", 12000, 12000, "2025-01-24", Phase::Deployed, Metric::Troops, false, "b.txt");
            auto later = fig("nk_news", 10000, 10000, "2025-07-08", Phase::Deployed, Metric::Troops, false, "b.txt");
            auto s = find({fig("nis", 15000, 15000, "2025-04-30"), beside, later});
            REQUIRE(s.conflicts.size() == 1);
            CHECK(s.conflicts[0].claims[0]->source == "us_gov");
        }
    }
    SECTION("a lower figure restated by the same voice is one conflict with the peak; another voice, another") {
        // Sources that make assessments: an outlet saying the same 3,000 the next day relays one.
        CHECK(find({fig("us_gov", 11000, 11000, "2024-11-10"), fig("nis", 7000, 7000, "2025-03-01"),
                    fig("nis", 7000, 7000, "2025-03-20"), fig("nis", 7000, 7000, "2025-04-20")})
                  .conflicts.size() == 1);
        auto r = find({fig("us_gov", 11000, 11000, "2024-11-10"), fig("nis", 7000, 7000, "2025-03-01"),
                       fig("nis", 7000, 7000, "2025-03-20"), fig("nis", 7000, 7000, "2025-04-20"),
                       fig("uk_gov", 7000, 7000, "2025-04-21")});
        REQUIRE(r.conflicts.size() == 2);
        CHECK(r.conflicts[0].kind == ConflictKind::LowerLater);
        CHECK(r.conflicts[0].claims[1]->source == "nis");
        CHECK(r.conflicts[1].claims[1]->source == "uk_gov");
    }
    SECTION("one source changing its figure is a revision, not a conflict") {
        auto r = find({fig("nis", 1500, 1500, "2024-10-18", Phase::Deployed, Metric::Troops, false, "x.txt"),
                       fig("nis", 3000, 3000, "2024-10-25", Phase::Deployed, Metric::Troops, false, "y.txt")});
        REQUIRE(r.revisions.size() == 1);
        CHECK(r.revisions[0].claims[0]->value.low == 1500);
        CHECK(r.conflicts.empty());
        REQUIRE(r.revisions.size() == 1);
        CHECK(r.revisions[0].source == "nis");
        CHECK(r.revisions[0].claims.size() == 2);
    }
    SECTION("the same figure from several sources is corroborated") {
        auto r = find({fig("nis", 1500, 1500, "2024-10-18"), fig("sk_media", 1500, 1500, "2024-10-22")});
        CHECK(r.conflicts.empty());
        REQUIRE(r.corroborations.size() == 1);
        CHECK(r.corroborations[0].claims.size() == 2);
        CHECK(r.corroborations[0].count == 2);
    }
    SECTION("a corroboration restated in many documents keeps each voice's first claim and counts all") {
        const auto d = Phase::Deployed;
        const auto t = Metric::Troops;
        auto r =
            find({fig("nis", 1500, 1500, "2024-10-18", d, t, false, "1.txt"), fig("sk_media", 1500, 1500, "2024-10-22"),
                  fig("nis", 1500, 1500, "2024-10-19", d, t, false, "2.txt"),
                  fig("nis", 1500, 1500, "2024-10-20", d, t, false, "3.txt")});
        REQUIRE(r.corroborations.size() == 1);
        REQUIRE(r.corroborations[0].claims.size() == 2);
        CHECK(r.corroborations[0].claims[0]->doc == "1.txt");
        CHECK(r.corroborations[0].claims[1]->source == "sk_media");
        CHECK(r.corroborations[0].count == 4);
    }
    SECTION("a denial conflicts with the figure of another source") {
        auto r = find({fig("cnn", 30000, 30000, "2025-07-01", Phase::Planned), denial("ukraine_intel", "2025-07-08")});
        REQUIRE(r.conflicts.size() == 1);
        CHECK(r.conflicts[0].kind == ConflictKind::Denial);
        CHECK(r.conflicts[0].claims[1]->kind == ClaimKind::Stance);
    }
    SECTION("a denial meets a figure dated by a whole year around it; not one past the window") {
        auto r = find({fig("cnn", 30000, 30000, "2025", Phase::Planned), fig("nis", 11000, 11000, "2025-03-01"),
                       denial("ukraine_intel", "2025-07-08")});
        REQUIRE(r.conflicts.size() == 1);
        CHECK(r.conflicts[0].claims[0]->source == "cnn");
    }
    SECTION("the same voice denying again what it denied is one conflict; a new figure is another") {
        auto r = find({fig("cnn", 30000, 30000, "2025-07-01", Phase::Planned), denial("ukraine_intel", "2025-07-03"),
                       fig("cnn", 30000, 30000, "2025-07-05", Phase::Planned), denial("ukraine_intel", "2025-07-08")});
        CHECK(r.conflicts.size() == 1);
        auto r2 = find({fig("cnn", 30000, 30000, "2025-07-01", Phase::Planned), denial("ukraine_intel", "2025-07-02"),
                        fig("cnn", 50000, 50000, "2025-07-05", Phase::Planned), denial("ukraine_intel", "2025-07-08")});
        CHECK(r2.conflicts.size() == 2);
    }
    SECTION("a denial about a place says nothing of a figure that names none") {
        CHECK(find({fig("ukraine_gov", 10000, 10000, "2024-10-22", Phase::Planned),
                    denial("us_gov", "2024-10-23", "ukraine")})
                  .conflicts.empty());
    }
    SECTION("a denial about another place does not") {
        auto f = fig("us_gov", 3000, std::nullopt, "2024-10-23");
        f.location = "russia_far_east";
        CHECK(find({f, denial("nis", "2024-10-23", "ukraine")}).conflicts.empty());
    }
    SECTION("two voices restating one disagreement, hedged or not, in either order, is one conflict") {
        auto r = find({fig("nis", 11000, 11000, "2024-12-01"), fig("ukraine", 12000, 12000, "2024-12-03"),
                       fig("ukraine", 12000, 12000, "2024-12-05", Phase::Deployed, Metric::Troops, true),
                       fig("nis", 11000, 11000, "2024-12-08", Phase::Deployed, Metric::Troops, true)});
        REQUIRE(r.conflicts.size() == 1);
        CHECK(r.conflicts[0].reason == "nis says 11000, ukraine says 12000 (2 days apart)");
    }
    SECTION("a new figure in the disagreement, or the same one past the window, is a new conflict") {
        CHECK(find({fig("nis", 11000, 11000, "2024-12-01"), fig("ukraine", 12000, 12000, "2024-12-03"),
                    fig("nis", 10000, 10000, "2024-12-05")})
                  .conflicts.size() == 2);
        const auto planned = Phase::Planned;  // not cumulative: no "later, lower" between the two
        CHECK(
            find({fig("nis", 11000, 11000, "2024-12-01", planned), fig("ukraine", 12000, 12000, "2024-12-03", planned),
                  fig("nis", 11000, 11000, "2025-01-20", planned), fig("ukraine", 12000, 12000, "2025-01-21", planned)})
                .conflicts.size() == 2);
    }
    SECTION("the same claims give the same order") {
        std::vector<Claim> c{fig("a", 600, 600, "2025-01-01"), fig("b", 1000, 1000, "2025-01-01"),
                             fig("c", 800, 800, "2025-01-02")};
        auto r1 = find(c);
        std::reverse(c.begin(), c.end());
        auto r2 = find(c);
        REQUIRE(r1.conflicts.size() == r2.conflicts.size());
        for (std::size_t i = 0; i < r1.conflicts.size(); ++i) CHECK(r1.conflicts[i].reason == r2.conflicts[i].reason);
        CHECK(r1.conflicts[0].severity >= r1.conflicts.back().severity);
    }
}

TEST_CASE("conflicts: a ConflictInput packs what comparing needs", "[conflicts]") {
    ConflictInput in;
    auto a = fig("ukraine_intel", 8000, std::nullopt, "2024-10-21/2024-10-27", Phase::Deployed, Metric::Troops, true);
    a.id = 7;
    a.via = "cnn";
    a.location = "kursk";
    a.as_written = "thousands";
    auto b = fig("nis", 1500, 1500, "2024-10-18");
    b.id = 9;
    b.as_written = "1,500";
    in.add(a);
    in.add(b);
    REQUIRE(in.size() == 2);
    const ClaimFacts &x = in.facts()[0], &y = in.facts()[1];

    SECTION("strings become numbers into names(), places into places()") {
        CHECK(in.names()[x.doc] == "ukraine_intel.txt");
        CHECK(in.names()[x.source] == "ukraine_intel");
        CHECK(in.names()[x.voice] == "ukraine_intel via cnn");
        CHECK(in.names()[y.voice] == "nis");
        CHECK(in.places()[x.place] == "kursk");
        CHECK(in.places()[y.place] == "");
    }
    SECTION("values, dates and ids") {
        CHECK(x.id == 7);
        CHECK((x.has_low && !x.has_high && x.low == 8000 && x.approx));
        CHECK(x.last - x.first == 6);
        CHECK((y.has_low && y.has_high && y.low == 1500 && y.high == 1500 && !y.approx));
        CHECK(y.metric == static_cast<std::int8_t>(Metric::Troops));
        CHECK(y.stance == -1);
    }
    SECTION("only an open, hedged figure keeps its words") {
        CHECK(in.names()[x.written] == "thousands");
        CHECK(y.written == 0);
    }
}

TEST_CASE("conflicts: over a ConflictInput, only the claims shown are read back", "[conflicts]") {
    std::vector<Claim> claims{fig("nis", 1500, 1500, "2024-10-18"), fig("us_gov", 3000, std::nullopt, "2024-10-23"),
                              fig("nis", 2000, 2000, "2023-01-01", Phase::Planned)};
    ConflictInput in;
    for (std::size_t i = 0; i < claims.size(); ++i) {
        claims[i].id = static_cast<std::int64_t>(100 + i);
        claims[i].quote = "quote " + std::to_string(i);
        in.add(claims[i]);
    }
    std::vector<std::int64_t> asked;
    auto read = [&](const std::vector<std::int64_t>& ids) {
        asked = ids;
        std::vector<Claim> out;
        for (auto id : ids) out.push_back(claims[static_cast<std::size_t>(id - 100)]);
        return out;
    };
    const auto held = find_conflicts(in, test::gazetteer(), {}, read);
    const auto found = find(claims);

    SECTION("the same report as over the claims themselves") {
        REQUIRE(held.conflicts.size() == 1);
        REQUIRE(found.conflicts.size() == 1);
        CHECK(held.conflicts[0].reason == found.conflicts[0].reason);
        CHECK(held.conflicts[0].reason == "nis says 1500, us_gov says at least 3000 (5 days apart)");
    }
    SECTION("the claims in no conflict are never read; the report holds those that are") {
        CHECK(asked == std::vector<std::int64_t>{100, 101});
        REQUIRE(held.held);
        CHECK(held.conflicts[0].claims[0] == &(*held.held)[0]);
        CHECK(held.conflicts[0].claims[1]->quote == "quote 1");
    }
    SECTION("a reader that loses a claim is a bug, said so") {
        auto lossy = [](const std::vector<std::int64_t>&) { return std::vector<Claim>{}; };
        CHECK_THROWS_WITH(find_conflicts(in, test::gazetteer(), {}, lossy),
                          "the claim reader did not return every claim asked for");
    }
}

namespace {
// A loss figure (killed, wounded, casualties) of North Korea's forces.
Claim loss(std::string source, Metric metric, double value, std::string date) {
    Claim c = fig(std::move(source), value, value, std::move(date), Phase::Deployed, metric);
    c.phase.reset();
    return c;
}
Claim stance_about(std::string source, std::string date, std::optional<About> about, Stance s = Stance::Denies) {
    Claim c = denial(std::move(source), std::move(date));
    c.stance = s;
    c.about = about;
    return c;
}
}  // namespace

TEST_CASE("conflicts: killed, wounded and casualties, each with its own kind", "[conflicts]") {
    SECTION("600 killed against 4,000 killed or wounded is no conflict: not the same quantity") {
        CHECK(find({loss("nis", Metric::Killed, 600, "2025-04-30"),
                    loss("sk_military", Metric::Casualties, 4000, "2025-04-28")})
                  .conflicts.empty());
    }
    SECTION("350 casualties, months after another voice's 600 killed, are fewer than the killed alone") {
        auto r = find({loss("nis", Metric::Killed, 600, "2025-04-30"),
                       loss("north_korea_gov", Metric::Casualties, 350, "2025-09-02")});
        REQUIRE(r.conflicts.size() == 1);
        CHECK(r.conflicts[0].kind == ConflictKind::BelowPart);
        CHECK(r.conflicts[0].claims[0]->metric == Metric::Killed);
        CHECK(r.conflicts[0].claims[1]->metric == Metric::Casualties);
    }
    SECTION("killed below half of a peak still conflict: losses never shrink, down to a quarter") {
        CHECK(find({loss("western_officials", Metric::Killed, 1000, "2025-01-22"),
                    loss("yu", Metric::Killed, 400, "2025-03-06")})
                  .conflicts.size() == 1);
    }
    SECTION("casualties counted over a week before another voice's wounded are no conflict; within a week they are") {
        CHECK(find({loss("sk_gov", Metric::Casualties, 1100, "2024-12-23"),
                    loss("nis", Metric::Wounded, 2700, "2025-01-13")})
                  .conflicts.empty());
        CHECK(find({loss("us_gov", Metric::Casualties, 1200, "2025-02-28"),
                    loss("yu", Metric::Wounded, 3600, "2025-03-06")})
                  .conflicts.size() == 1);
    }
    SECTION("casualties said long before a larger killed figure are no conflict: losses grow") {
        CHECK(find({loss("us_gov", Metric::Casualties, 1200, "2025-02-28"),
                    loss("nis", Metric::Killed, 2000, "2025-09-02")})
                  .conflicts.empty());
    }
    SECTION("killed against killed: a later, lower count from another voice conflicts") {
        auto r = find({loss("western_officials", Metric::Killed, 1000, "2025-01-22"),
                       loss("nis", Metric::Killed, 600, "2025-04-30")});
        REQUIRE(r.conflicts.size() == 1);
        CHECK(r.conflicts[0].kind == ConflictKind::LowerLater);
    }
}

TEST_CASE("conflicts: a stance conflicts only with what it is about", "[conflicts]") {
    const Claim troops = fig("us_gov", 10000, 10000, "2024-11-04");
    SECTION("a denial of combat says nothing about troops deployed") {
        CHECK(find({troops, stance_about("north_korea_gov", "2024-11-05", About::Combat)}).conflicts.empty());
    }
    SECTION("a denial of the deployment does") {
        auto r = find({troops, stance_about("north_korea_gov", "2024-11-05", About::Deployment)});
        REQUIRE(r.conflicts.size() == 1);
        CHECK(r.conflicts[0].kind == ConflictKind::Denial);
    }
    SECTION("a denial of combat meets the killed") {
        auto r = find({loss("nis", Metric::Killed, 300, "2025-01-15"),
                       stance_about("north_korea_gov", "2025-01-20", About::Combat)});
        REQUIRE(r.conflicts.size() == 1);
        CHECK(r.conflicts[0].claims[0]->metric == Metric::Killed);
    }
    SECTION("a report that cannot be confirmed contradicts nothing") {
        CHECK(find({troops, stance_about("sk_gov", "2024-11-05", About::Deployment, Stance::Unconfirmed)})
                  .conflicts.empty());
    }
    SECTION("a negated denial is not a denial: the extractor gives none, so nothing conflicts") {
        auto claims = test::extract(
            "The Pentagon said on Monday that 10,000 North Korean soldiers are in Russia. Pyongyang did not deny "
            "that its soldiers were there.",
            "2024-11-05", "cnn");
        for (const Claim& c : claims) CHECK(c.stance != Stance::Denies);
        CHECK(find(claims).conflicts.empty());
    }
}

TEST_CASE("conflicts: hypotheticals are kept and never compared", "[conflicts]") {
    auto could = fig("ukraine_gov", 100000, 100000, "2024-11-20", Phase::Planned);
    could.hypothetical = true;
    CHECK(find({could, fig("nis", 10000, 10000, "2024-11-20", Phase::Planned)}).conflicts.empty());
    could.hypothetical = false;
    CHECK(find({could, fig("nis", 10000, 10000, "2024-11-20", Phase::Planned)}).conflicts.size() == 1);
}

TEST_CASE("conflicts: a source's running total is compared, not its increments", "[conflicts]") {
    auto more = fig("nis", 1500, 1500, "2024-10-23");
    more.increment = true;
    SECTION("1,500 and another 1,500 make 3,000, which agrees with at least 3,000; 1,500 alone does not") {
        CHECK(find({fig("nis", 1500, 1500, "2024-10-18"), more, fig("us_gov", 3000, std::nullopt, "2024-10-23")})
                  .conflicts.empty());
        CHECK(find({fig("nis", 1500, 1500, "2024-10-18"), fig("us_gov", 3000, std::nullopt, "2024-10-23")})
                  .conflicts.size() == 1);
    }
    SECTION("new reinforcements with no total before them are not a lower total") {
        CHECK(find({more, fig("ukraine_gov", 11000, 11000, "2024-10-25")}).conflicts.empty());
    }
}

TEST_CASE("conflicts: between assessments, each listing its relays", "[conflicts]") {
    auto via = [](std::string outlet, std::string date, std::string doc) {
        Claim c = fig("nis", 1500, 1500, std::move(date), Phase::Deployed, Metric::Troops, false, std::move(doc));
        c.via = std::move(outlet);
        return c;
    };
    auto r = find({via("ap", "2024-10-18", "1.txt"), via("yonhap", "2024-10-19", "2.txt"),
                   fig("kbs", 1500, 1500, "2024-10-20", Phase::Deployed, Metric::Troops, false, "3.txt"),
                   fig("us_gov", 3000, std::nullopt, "2024-10-23")});
    REQUIRE(r.conflicts.size() == 1);
    const Conflict& c = r.conflicts[0];
    // Each side is shown by its mention that best shows the disagreement: the origin's own words,
    // nearest in time to the other side (the relay of 19 October, four days before it).
    CHECK(c.claims[0]->doc == "2.txt");
    REQUIRE(c.reports.size() == 2);
    CHECK(c.reports[0] == 3);
    CHECK(c.reports[1] == 1);
    REQUIRE(c.relays[0].size() == 3);
    CHECK(c.relays[0][2]->source == "kbs");
    SECTION("--source matches either side or a relay, in any case") {
        for (const char* s : {"YONHAP", "kbs", "us_gov"}) {
            auto kept = r;
            keep_source(kept, s);
            CHECK(kept.conflicts.size() == 1);
        }
        keep_source(r, "cnn");
        CHECK(r.conflicts.empty());
    }
    SECTION("--doc matches a relay's document") {
        keep_document(r, "3.txt");
        CHECK(r.conflicts.size() == 1);
    }
}

TEST_CASE("conflicts: a side is shown by the mention in the document that states both", "[conflicts]") {
    auto mention = [](std::string date, std::string doc) {
        return fig("western_officials", 4000, 4000, std::move(date), Phase::Deployed, Metric::Casualties, false,
                   std::move(doc));
    };
    auto r =
        find({mention("2025-01-22", "bbc.txt"), mention("2025-01-24", "upi.txt"), mention("2025-02-05", "later.txt"),
              fig("us_gov", 1200, 1200, "2025-01-25", Phase::Deployed, Metric::Casualties, false, "upi.txt")});
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0].claims[0]->doc == "upi.txt");
    CHECK(r.conflicts[0].reports[0] == 3);
}

TEST_CASE("conflicts: --metric keeps the stances about it", "[conflicts]") {
    auto r = find(
        {fig("us_gov", 10000, 10000, "2024-11-04"), stance_about("north_korea_gov", "2024-11-05", About::Deployment),
         loss("nis", Metric::Killed, 300, "2024-11-04"), stance_about("russia_gov", "2024-11-05", About::Combat)});
    REQUIRE(r.conflicts.size() == 2);
    auto troops = r;
    keep_metric(troops, Metric::Troops);
    REQUIRE(troops.conflicts.size() == 1);
    CHECK(troops.conflicts[0].claims[1]->about == About::Deployment);
    keep_metric(r, Metric::Killed);
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0].claims[1]->about == About::Combat);
}

TEST_CASE("conflicts: the rank puts named, exact, close disagreements first", "[conflicts]") {
    auto r = find({fig("nis", 1500, 1500, "2024-10-18"), fig("us_gov", 3000, 3000, "2024-10-18"),
                   fig("experts", 20000, std::nullopt, "2025-03-01", Phase::Planned),
                   fig("ap", 5000, 5000, "2025-03-10", Phase::Planned, Metric::Troops, true)});
    REQUIRE(r.conflicts.size() == 2);
    CHECK(r.conflicts[0].claims[0]->source == "nis");
    CHECK(r.conflicts[0].rank > r.conflicts[1].rank);
    CHECK(r.conflicts[0].rank <= 100);
}

TEST_CASE("conflicts: a baseline marks what it lacks", "[conflicts]") {
    auto r = find({fig("nis", 1500, 1500, "2024-10-18"), fig("us_gov", 3000, 3000, "2024-10-18")});
    REQUIRE(r.conflicts.size() == 1);
    std::istringstream known(
        R"({"conflicts":[{"claims":[{"doc":"nis.txt","span":[)" + std::to_string(r.conflicts[0].claims[0]->span.begin) +
        R"(,0]},{"doc":"us_gov.txt","span":[)" + std::to_string(r.conflicts[0].claims[1]->span.begin) + R"(,0]}]}]})");
    CHECK(mark_new_conflicts(r.conflicts, known) == 0u);
    CHECK(r.conflicts[0].fresh == false);
    std::istringstream empty(R"({"conflicts":[]})");
    CHECK(mark_new_conflicts(r.conflicts, empty) == 1u);
    CHECK(r.conflicts[0].fresh == true);
    std::istringstream junk("not json");
    CHECK(!mark_new_conflicts(r.conflicts, junk));
}

TEST_CASE("conflicts: the seeds and dev together list what docs/conflicts.md pins", "[conflicts][shared]") {
    if (!test::have_shared()) {
        WARN("../shared is absent: the conflicts of the seeds and dev are not counted");
        return;
    }
    // docs/conflicts.md pins how many are listed: "<!-- pinned: N listed -->". More is noise
    // creeping back; fewer, a disagreement lost or a rule that improved (then update the doc).
    const std::string doc = test::slurp(std::filesystem::path(NKCLAIMS_TEST_DATA) / ".." / "docs" / "conflicts.md");
    const auto at = doc.find("<!-- pinned: ");
    REQUIRE(at != std::string::npos);
    std::size_t listed = 0;
    REQUIRE(std::sscanf(doc.c_str() + at, "<!-- pinned: %zu listed", &listed) == 1);
    const std::string shared = NKCLAIMS_SHARED;
    test::TempDir tmp;
    const std::string db = (tmp.path() / "both.db").string();
    for (const char* set : {"seeds", "dev"})
        REQUIRE(test::run(test::binary() + " ingest -q --db '" + db + "' --manifest '" + shared + "/corpus/" + set +
                          ".manifest.json' '" + shared + "/corpus/" + set + "'")
                    .status == 0);
    auto r = test::run(test::binary() + " conflicts --db '" + db + "' --format json");
    REQUIRE(r.status == 0);
    CHECK(nlohmann::json::parse(r.out)["conflicts"].size() == listed);
}

TEST_CASE("conflicts: two counts of one event are compared by the event's date, not the reports'", "[conflicts]") {
    auto lawmaker =
        test::figures(test::extract("A South Korean lawmaker said the spy agency told him that North "
                                    "Korea sent 1,500 soldiers to Russia in January.",
                                    "2025-03-05", ""));
    auto military = test::figures(test::extract(
        "South Korea's military said North Korea dispatched at least 3,000 soldiers to Russia in January.",
        "2025-03-26", ""));
    REQUIRE(lawmaker.size() == 1);
    REQUIRE(military.size() == 1);
    Claim a = lawmaker[0], b = military[0];
    a.doc = "lawmaker.txt";
    b.doc = "military.txt";
    REQUIRE(a.event_date);
    REQUIRE(b.event_date);
    CHECK(a.event_date->iso() == "2025-01");
    CHECK(b.event_date->iso() == "2025-01");

    SECTION("reported 21 days apart, both counting January: a conflict, 0 days apart") {
        auto r = find({a, b});
        REQUIRE(r.conflicts.size() == 1);
        CHECK(r.conflicts[0].kind == ConflictKind::Disagreement);
        CHECK(r.conflicts[0].gap_days == 0);
    }
    SECTION("without the events' dates, a higher figure three weeks later is an update") {
        a.event_date.reset();
        CHECK(find({a, b}).conflicts.empty());
    }
    SECTION("events further apart than the window are not compared, however close the reports") {
        b.date = a.date;
        b.event_date = parse_iso_range("2024-10");
        CHECK(find({a, b}).conflicts.empty());
    }
    SECTION("a ConflictInput keeps the event's days") {
        ConflictInput in;
        in.add(a);
        in.add(fig("nis", 1500, 1500, "2025-03-05"));
        const ClaimFacts &x = in.facts()[0], &y = in.facts()[1];
        CHECK(x.event_dated);
        CHECK(x.event_last - x.event_first == 30);
        CHECK(!y.event_dated);
    }
}

TEST_CASE("conflicts: against a denial, a side is shown by its earliest mention", "[conflicts]") {
    auto mention = [](std::string date, std::string doc) {
        return fig("us_gov", 10000, 10000, std::move(date), Phase::Deployed, Metric::Troops, false, std::move(doc));
    };
    // The denial is dated by the article that recalls it: the relay of the day before is no
    // nearer to when it was made than the briefing it answers.
    auto r = find({mention("2024-10-28", "briefing.txt"), mention("2024-11-04", "relay.txt"),
                   denial("north_korea_gov", "2024-11-05")});
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0].kind == ConflictKind::Denial);
    const Conflict& c = r.conflicts[0];
    const Claim* figure = c.claims[0]->kind == ClaimKind::Figure ? c.claims[0] : c.claims[1];
    CHECK(figure->doc == "briefing.txt");
}

TEST_CASE("conflicts: a casualties figure meets the parts its own document sets beside it", "[conflicts]") {
    auto in = [](Claim c, std::string doc) {
        c.doc = std::move(doc);
        return c;
    };
    const Claim april = in(loss("nis", Metric::Killed, 600, "2025-04-15"), "september.txt");
    const Claim peak = in(loss("nis", Metric::Killed, 2000, "2025-09-02"), "agency.txt");
    SECTION("the writer's own comparison is listed beside the one against the voice's highest") {
        auto r =
            find({april, peak, in(loss("north_korea_gov", Metric::Casualties, 350, "2025-09-02"), "september.txt")});
        REQUIRE(r.conflicts.size() == 2);
        for (const auto& c : r.conflicts) CHECK(c.kind == ConflictKind::BelowPart);
    }
    SECTION("told in another document, only the highest part is compared") {
        auto r = find({april, peak, in(loss("north_korea_gov", Metric::Casualties, 350, "2025-09-02"), "other.txt")});
        REQUIRE(r.conflicts.size() == 1);
        CHECK(r.conflicts[0].claims[0]->value.low == 2000);
    }
}

TEST_CASE("conflicts: a running total is not compared with a figure said before its increment", "[conflicts]") {
    auto more = fig("nis", 1500, 1500, "2024-10-23");
    more.increment = true;
    SECTION("1,500 the day before another 1,500: it knew only the total before") {
        CHECK(find({fig("nis", 1500, 1500, "2024-10-18"), fig("sk_media", 1500, 1500, "2024-10-22"), more})
                  .conflicts.empty());
    }
    SECTION("1,500 the day after the running total of 3,000 is a disagreement") {
        CHECK(find({fig("nis", 1500, 1500, "2024-10-18"), more, fig("sk_media", 1500, 1500, "2024-10-24")})
                  .conflicts.size() == 1);
    }
}

TEST_CASE("conflicts: a count of what happened before the peak was said is no later, lower figure", "[conflicts]") {
    Claim recalled = fig("ukraine_gov", 11000, 11000, "2025-07-02");
    const Claim peak = fig("nis", 15000, 15000, "2025-04-30");
    SECTION("11,000 said in July without saying when: a later, lower count") {
        auto r = find({peak, recalled});
        REQUIRE(r.conflicts.size() == 1);
        CHECK(r.conflicts[0].kind == ConflictKind::LowerLater);
    }
    SECTION("the 11,000 deployed last November, said in July: an earlier count") {
        recalled.event_date = parse_iso_range("2024-11");
        CHECK(find({peak, recalled}).conflicts.empty());
    }
}

TEST_CASE("conflicts: a side is shown by its most exactly dated mention", "[conflicts]") {
    auto mention = [](std::string date, std::string doc) {
        return fig("nis", 600, 600, std::move(date), Phase::Deployed, Metric::Killed, false, std::move(doc));
    };
    auto r = find({loss("western_officials", Metric::Killed, 1000, "2025-01-22"), mention("2025-04-30", "day.txt"),
                   mention("2025-04", "recalled.txt")});
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0].claims[1]->doc == "day.txt");
}
