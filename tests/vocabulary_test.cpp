#include "nkclaims/vocabulary.hpp"

#include <catch2/catch.hpp>
#include <fstream>

#include "helpers.hpp"
#include "nkclaims/error.hpp"

using namespace nkclaims;
using nkclaims::test::TempDir;

TEST_CASE("vocabulary: a phrase may belong to several classes", "[vocabulary]") {
    Vocabulary v;
    v.add("if", WordClass::HardBoundary);
    v.add("if", WordClass::Conditional);
    v.add("in all", WordClass::InAll);
    const auto ts = tokenize("if in all");
    CHECK(v.is(WordClass::HardBoundary, ts.tokens, 0, 3));
    CHECK(v.is(WordClass::Conditional, ts.tokens, 0, 3));
    CHECK_FALSE(v.is(WordClass::Pronoun, ts.tokens, 0, 3));
    CHECK(v.match(WordClass::InAll, ts.tokens, 1, 3) == std::optional<std::size_t>(2));
    CHECK_FALSE(v.match(WordClass::InAll, ts.tokens, 1, 2));  // the phrase may not run past `end`
}

TEST_CASE("vocabulary: class names round-trip", "[vocabulary]") {
    for (std::size_t i = 0; i < kWordClasses; ++i) {
        const auto c = static_cast<WordClass>(i);
        CHECK(parse_word_class(name_of(c)) == c);
    }
    CHECK_FALSE(parse_word_class("no_such_class"));
}

TEST_CASE("vocabulary: the registry lists every data file, and each opens with a comment", "[vocabulary]") {
    const std::filesystem::path dir = NKCLAIMS_TEST_DATA;
    std::size_t listed = 0;
    for (const DataFile& f : data_files()) {
        INFO(f.name);
        std::ifstream in(dir / f.name);
        std::string first;
        REQUIRE(std::getline(in, first));
        CHECK(first.starts_with("#"));
        ++listed;
    }
    CHECK(listed >= 19);
}

TEST_CASE("vocabulary: an unknown word class names file and line", "[vocabulary]") {
    TempDir tmp;
    std::filesystem::copy(NKCLAIMS_TEST_DATA, tmp.path() / "data", std::filesystem::copy_options::recursive);
    tmp.write("data/pronouns.tsv", "# pronouns\nthey\tpronoun\nhe\tpronown\n");
    try {
        Gazetteer::load(tmp.path() / "data");
        FAIL("no error");
    } catch (const ConfigError& e) {
        CHECK(e.message() == (tmp.path() / "data" / "pronouns.tsv").string() + ":3: unknown word class 'pronown'");
    }
}
