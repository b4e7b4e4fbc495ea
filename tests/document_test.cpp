#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "helpers.hpp"
#include "nkclaims/error.hpp"
#include "nkclaims/numeric_words.hpp"

using namespace nkclaims;
using nkclaims::test::TempDir;

namespace {
std::vector<std::string> sentences(const Document& d) {
    std::vector<std::string> out;
    for (const Sentence& s : d.sentences) out.push_back(d.sentence_text(s));
    return out;
}
std::string error_of(const std::string& bytes) {
    try {
        check_text("f.txt", bytes);
    } catch (const InputError& e) {
        return e.message();
    }
    return "";
}
}  // namespace

TEST_CASE("bad bytes are refused with the file and the problem", "[document]") {
    SECTION("empty") { CHECK(error_of("") == "f.txt: empty file"); }
    SECTION("binary") { CHECK(error_of(std::string("ab\0cd", 5)) == "f.txt: binary file (NUL byte at offset 2)"); }
    SECTION("not UTF-8, with the offset") {
        CHECK(error_of("ok \xC3\x28") == "f.txt: not UTF-8 text (invalid byte at offset 3)");
    }
    SECTION("overlong and surrogate forms") {
        CHECK(error_of("\xC0\xAF") != "");
        CHECK(error_of("\xED\xA0\x80") != "");
    }
    SECTION("UTF-16 with a byte-order mark") {
        CHECK(error_of("\xFF\xFEh\0i\0") == "f.txt: UTF-16 text (byte-order mark); convert it to UTF-8");
    }
    SECTION("valid UTF-8 passes") { CHECK(error_of("Ussuriysk \u2013 \u201Cquoted\u201D") == ""); }
}

TEST_CASE("reading files and folders", "[document]") {
    TempDir tmp;
    SECTION("a missing file") {
        CHECK_THROWS_WITH(read_document(tmp.path() / "nope.txt", test::gazetteer()), "no such file");
    }
    SECTION("a folder lists its text files recursively, sorted") {
        tmp.write("b.txt", "x");
        tmp.write("sub/a.txt", "x");
        tmp.write("c.vtt", "x");
        tmp.write("skip.pdf", "x");
        std::vector<std::filesystem::path> files;
        for_each_input(tmp.path(), [&](const std::filesystem::path& f) { files.push_back(f); });
        REQUIRE(files.size() == 3);
        CHECK(files[0].filename() == "b.txt");
        CHECK(files[1].filename() == "c.vtt");
        CHECK(files[2].filename() == "a.txt");
    }
    SECTION("a folder without text files") {
        tmp.write("x.pdf", "x");
        CHECK_THROWS_WITH(for_each_input(tmp.path(), [](const std::filesystem::path&) {}),
                          "no text files (*.txt, *.vtt, *.srt, *.md, *.html, *.htm) in folder");
    }
    SECTION("a UTF-8 byte-order mark is skipped and offsets stay in the original bytes") {
        auto d = parse_document("bom.txt", "\xEF\xBB\xBFThey sent 3,000 troops.", test::gazetteer());
        CHECK(d.tokens.tokens[0].span.begin == 3);
    }
}

TEST_CASE("sentences", "[document]") {
    SECTION("a line broken mid-sentence is one sentence, spans in the original bytes") {
        auto d = test::doc("Kim ordered to send 6,000 military\nengineers to Kursk. Next one.");
        REQUIRE(sentences(d).size() == 2);
        CHECK(sentences(d)[0] == "Kim ordered to send 6,000 military engineers to Kursk.");
        CHECK(d.sentences[0].span == Span{0, 54});
    }
    SECTION("abbreviations do not end sentences") {
        auto d = test::doc("The U.S. said so on Sept. 2 and Gen. Smith agreed. Then more.");
        CHECK(sentences(d).size() == 2);
    }
    SECTION("a blank line ends a sentence without punctuation") {
        CHECK(sentences(test::doc("Physical Address\n\nA headline here")).size() == 2);
    }
    SECTION("ads and site furniture are boilerplate") {
        auto d = test::doc("Join us on Korea Pro and become a member today. Seoul said 3,000 troops left.");
        REQUIRE(d.sentences.size() == 2);
        CHECK(d.sentences[0].boilerplate);
        CHECK_FALSE(d.sentences[1].boilerplate);
    }
    SECTION("speaker labels and timestamps are not text; the label is kept") {
        auto d = test::doc("[00:01:02] KIRBY: We assess 3,000 troops are there.\nQ: How many?\n");
        REQUIRE(d.sentences.size() == 2);
        CHECK(d.sentences[0].speaker == "KIRBY");
        CHECK(sentences(d)[0] == "We assess 3,000 troops are there.");
        CHECK(d.sentences[1].speaker == "Q");
    }
    SECTION("WebVTT cues: headers and timings are skipped") {
        auto d = test::doc(
            "WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\nOfficials said 3,000 troops\n\n2\n00:00:04.000 --> "
            "00:00:06.000\narrived.\n");
        REQUIRE_FALSE(d.sentences.empty());
        CHECK(sentences(d)[0].find("-->") == std::string::npos);
    }
}

namespace {
// A copy of data/ whose header_lines.tsv has `extra` appended, with its words in use until
// the end of the scope (the words of data/ again after it).
struct HeaderKeysWith {
    TempDir tmp;
    std::filesystem::path dir;
    explicit HeaderKeysWith(const std::string& extra) {
        std::filesystem::copy(NKCLAIMS_TEST_DATA, tmp.path() / "data", std::filesystem::copy_options::recursive);
        std::ofstream(tmp.path() / "data" / "header_lines.tsv", std::ios::app) << extra;
        dir = tmp.path() / "data";
    }
    ~HeaderKeysWith() { use_numeric_words(NKCLAIMS_TEST_DATA); }
};
}  // namespace

TEST_CASE("the keys of header lines are data (header_lines.tsv)", "[document]") {
    // A line broken mid-sentence is joined to the next one, unless it is a header line.
    const std::string text = "A title\nAired: March 25, 2025\nhello there. The week was long.\n";
    const auto joined = [](const Document& d) {
        for (const std::string& s : sentences(d))
            if (s.find("Aired") != std::string::npos && s.find("hello") != std::string::npos) return true;
        return false;
    };
    SECTION("a key the file does not have leaves its line as text") {
        const auto d = parse_document("p.txt", text, test::gazetteer());
        CHECK(d.meta.kind == DocKind::Article);
        CHECK(joined(d));
    }
    SECTION("a key added to the file makes a header line: its day, a transcript, a line of its own") {
        const HeaderKeysWith keys("=Aired:\tepisode_date\n");
        const auto d = parse_document("p.txt", text, Gazetteer::load(keys.dir));
        CHECK(d.meta.kind == DocKind::Transcript);
        REQUIRE(d.meta.published);
        CHECK(iso_day(*d.meta.published) == "2025-03-25");
        CHECK_FALSE(joined(d));
    }
    SECTION("an unknown role names the file and line") {
        const HeaderKeysWith keys("Aired:\tbroadcast\n");
        try {
            Gazetteer::load(keys.dir);
            FAIL("no error");
        } catch (const ConfigError& e) {
            CHECK_THAT(e.message(), Catch::StartsWith((keys.dir / "header_lines.tsv").string() + ":") &&
                                        Catch::Contains(": unknown role 'broadcast'"));
        }
    }
}

TEST_CASE("what a document says about itself", "[document]") {
    SECTION("a podcast header: outlet, title, episode date, recording date") {
        auto d = parse_document(
            "p.txt",
            "North Korea News Podcast by NK News - Troops and more\n"
            "Episode Date: March 25, 2025Summary here.\nTranscript\n"
            "Hello and welcome. This episode was recorded on Monday, the 24th of March\n2025 in the studio.\n",
            test::gazetteer());
        CHECK(d.meta.outlet == "nk_news");
        CHECK(d.meta.title == "Troops and more");
        CHECK(d.meta.kind == DocKind::Transcript);
        CHECK(iso_day(*d.meta.published) == "2025-03-25");
        CHECK(iso_day(*d.meta.recorded) == "2025-03-24");
        CHECK(iso_day(*d.reference_date()) == "2025-03-24");
    }
    SECTION("an article: its first line is the title, a 'Source:' line its outlet, no date") {
        auto d = parse_document("a.txt", "A headline\nBody text here.\nSource: CNN", test::gazetteer());
        CHECK(d.meta.title == "A headline");
        CHECK(d.meta.outlet == "cnn");
        CHECK(d.meta.kind == DocKind::Article);
        CHECK_FALSE(d.reference_date());
    }
    SECTION("what the manifest says wins") {
        DocumentMeta m;
        m.outlet = "nk_news";
        DocumentMeta over;
        over.outlet = "cnn";
        over.published = parse_iso_day("2024-10-25");
        m.merge(over);
        CHECK(m.outlet == "cnn");
        CHECK(m.published);
    }
}

TEST_CASE("an article's own date: the first byline or dateline near the top", "[document]") {
    const auto published = [](const std::string& text) {
        auto d = parse_document("a.txt", text, test::gazetteer());
        return d.meta.published ? iso_day(*d.meta.published) : std::string("none");
    };
    SECTION("a byline with a time, over a photo caption's date in the body") {
        CHECK(published("Seoul weighs its options\n\nby A Reporter and the desk March 3, 2025 6:10 PM 3 min read\n"
                        "A photo taken on Sept. 13, 2023 shows the leaders.\nThe ministry said so.\n") == "2025-03-03");
    }
    SECTION("'Published', 'Updated:' and a line that is only a date") {
        CHECK(published("A headline\nJane Roe Published December 2, 2024 | 10:01 PM\nBody.\n") == "2024-12-02");
        CHECK(published("A headline\nUpdated: 4 March 2025\nBody text follows here.\n") == "2025-03-04");
        CHECK(published("June 30, 2024\nThank you, Madam President.\n") == "2024-06-30");
    }
    SECTION("numeric forms: ISO with a time, day first with dots") {
        CHECK(published("Headline\n2024-10-23 14:05\nBody.\n") == "2024-10-23");
        CHECK(published("Headline\n23.10.2024\nBody.\n") == "2024-10-23");
    }
    SECTION("a wire dateline without a year takes the year the text writes") {
        CHECK(published("SEOUL, Nov 13 (Wire) - The ministry said troops arrived in October 2024.\n") == "2024-11-13");
        // on a long first line, a day before the latest day reported is next year's
        CHECK(published("SEOUL, Jan. 4 (Wire) - Officials from both allied governments met on December 20, 2024. " +
                        std::string(200, 'x') + "\n") == "2025-01-04");
    }
    SECTION("near misses: a date deep in a long body line, a dateline in a text with no year") {
        CHECK(published("Headline\n" + std::string(250, 'x') + " and the troops left Kursk on October 3, 2024.\n") ==
              "none");
        CHECK(published("SEOUL, Nov 13 (Wire) - The ministry said troops arrived.\n") == "none");
        CHECK(published("Headline\nThe talks ran from early June to late July.\n") == "none");
    }
}

TEST_CASE("an article's title: the first real headline, never site furniture", "[document]") {
    const auto title = [](const std::string& text) {
        return parse_document("a.txt", text, test::gazetteer()).meta.title;
    };
    CHECK(title("Skip to content\nAdvertisement\nTroops reach the front, officials say\nBody.\n") ==
          "Troops reach the front, officials say");
    CHECK(title("Sign up for our daily newsletter\nWe use cookies to improve the site\nA real headline\nBody.\n") ==
          "A real headline");
    CHECK(title("Physical Address\n12 Main Street\n") == "12 Main Street");
    CHECK(title("By A Reporter\nOctober 30, 2024\nStatement on the deployment\nText.\n") ==
          "Statement on the deployment");
    CHECK(title("Byelection results are in\nText.\n") == "Byelection results are in");
}

TEST_CASE("dev documents without a manifest: every one that writes its date is dated, rightly", "[document][seeds]") {
    if (!test::have_shared()) {
        WARN("../shared is absent: skipped");
        return;
    }
    const std::filesystem::path shared = NKCLAIMS_SHARED;
    const auto manifest = nlohmann::json::parse(std::ifstream(shared / "corpus" / "dev.manifest.json"));
    std::size_t dated = 0, same = 0;
    for (const auto& entry : manifest) {
        const auto file = shared / "corpus" / entry["file"].get<std::string>();
        const Document d = read_document(file, test::gazetteer());
        const auto day = d.reference_date();
        if (!day) continue;
        ++dated;
        INFO(file.filename().string());
        const std::string want = entry.value("recorded", nlohmann::json()).is_string()
                                     ? entry["recorded"].get<std::string>()
                                     : entry["published"].get<std::string>();
        CHECK(iso_day(*day) == want);
        same += iso_day(*day) == want;
    }
    // 9 of the 24 write their day near the top; 14 write no year anywhere (a dateline without
    // one, a weekday, a bare month): no rule can date those from their text.
    CHECK(dated >= 9);
    CHECK(same == dated);
}

TEST_CASE("document: a transcript is known by what is spoken in it, without a manifest", "[document]") {
    const auto kind = [](const std::string& text) {
        return parse_document("t.txt", text, test::gazetteer()).meta.kind;
    };
    SECTION("a statement delivered at a meeting") {
        CHECK(kind("Remarks by the Ambassador at a Security Council briefing\n\nThank you, Mr. President.\n"
                   "We believe 9,000 soldiers were sent.\n") == DocKind::Transcript);
        CHECK(kind("October 3, 2025\nThank you, Madam President. The war goes on.\n") == DocKind::Transcript);
    }
    SECTION("a broadcast's speaker cues and a video's timestamps") {
        CHECK(kind("[Anchor]\nThe spy agency briefed lawmakers today.\n") == DocKind::Transcript);
        CHECK(kind("00:00 We believe 10,000 soldiers are there.\n00:06 Some have moved west.\n") ==
              DocKind::Transcript);
        CHECK(kind("KIRBY: They are in Russia.\nREPORTER: How many?\nKIRBY: About 3,000.\n") == DocKind::Transcript);
    }
    SECTION("an article that quotes a speech or names a time once stays an article") {
        CHECK(kind("Seoul says more troops left\n\nThe envoy began: \"Thank you, Mr. President.\" He went on.\n") ==
              DocKind::Article);
        CHECK(kind("Troops moved at 10:30 on Monday, officials said.\nKIRBY: None of that is true.\n") ==
              DocKind::Article);
    }
}
