#include "nkclaims/report.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "helpers.hpp"
#include "nkclaims/printers.hpp"

using namespace nkclaims;

TEST_CASE("CSV is RFC 4180 and safe in spreadsheets", "[report]") {
    SECTION("quotes, commas and line breaks are quoted") {
        CHECK(csv_field("plain") == "plain");
        CHECK(csv_field("a,b") == "\"a,b\"");
        CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
        CHECK(csv_field("two\nlines") == "\"two\nlines\"");
    }
    SECTION("formulas are neutralized") {
        CHECK(csv_field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
        CHECK(csv_field("+1") == "'+1");
        CHECK(csv_field("-1") == "'-1");
        CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
    }
}

TEST_CASE("claims in every format", "[report]") {
    auto claims = test::extract("The White House said at least 3,000 North Korean soldiers had arrived.", "2024-10-25");
    std::ostringstream out;
    SECTION("jsonl follows CONTRACT.md") {
        write_claims(out, claims, Format::Jsonl);
        auto j = nlohmann::json::parse(out.str());
        CHECK(j["kind"] == "figure");
        CHECK(j["doc"] == "test.txt");
        CHECK(j["span"] == nlohmann::json::array({30, 35}));
        CHECK(j["value"]["low"] == 3000);
        CHECK(j["value"]["high"].is_null());
        CHECK(j["metric"] == "troops");
        CHECK(j["phase"] == "deployed");
        CHECK(j["actor"] == "north_korea");
        CHECK(j["source"] == "us_gov");
        CHECK(j["location"].is_null());
        CHECK(j["date"] == "2024-10-25");
        CHECK(j["approx"] == false);
    }
    SECTION("table: a header, a row, a count") {
        write_claims(out, claims, Format::Table);
        CHECK(out.str().starts_with("DOC "));
        CHECK(out.str().find("at least 3,000") != std::string::npos);
        CHECK(out.str().ends_with("1 claims\n"));
    }
    SECTION("csv: a header and one CRLF row") {
        write_claims(out, claims, Format::Csv);
        const std::string csv = out.str();
        CHECK(csv.starts_with("doc,span_begin,span_end,kind,"));
        CHECK(std::count(csv.begin(), csv.end(), '\n') == 2);
        CHECK(csv.find("\r\n") != std::string::npos);
    }
    SECTION("a claim stream writes the bytes write_claims writes, for JSON lines and CSV") {
        auto many = test::extract(
            "The NIS said 1,500 soldiers were sent. Kyiv said 3,000 troops arrived. The White House said 500 North "
            "Korean soldiers were killed.",
            "2024-10-25");
        REQUIRE(many.size() == 3);
        for (const Format f : {Format::Jsonl, Format::Csv}) {
            std::ostringstream whole, streamed;
            write_claims(whole, many, f);
            {
                ClaimStream stream(streamed, f);
                for (const Claim& c : many) stream.write(c);
            }
            CHECK(streamed.str() == whole.str());
        }
        CHECK_FALSE(ClaimStream::supports(Format::Table));
        CHECK_FALSE(ClaimStream::supports(Format::Json));
    }
    SECTION("markdown escapes what a document says") {
        auto bad = test::extract("The NIS said <b>|3,000|</b> soldiers were sent.");
        write_claims(out, bad, Format::Markdown);
        CHECK(out.str().find("<b>") == std::string::npos);
    }
}

TEST_CASE("conflicts as JSON for score.py", "[report]") {
    auto claims = test::extract(
        "The NIS said last week that 1,500 soldiers were sent. On Wednesday, the White House said at least "
        "3,000 soldiers had arrived.",
        "2024-10-25");
    auto r = find_conflicts(claims, test::gazetteer(), {});
    std::ostringstream out;
    write_conflicts(out, r, Format::Json);
    auto j = nlohmann::json::parse(out.str());
    REQUIRE(j["conflicts"].size() == 1);
    CHECK(j["conflicts"][0]["claims"].size() == 2);
    CHECK(j["conflicts"][0]["kind"] == "disagreement");
    CHECK(j["conflicts"][0]["claims"][0]["span"].is_array());
}
