#include "nkclaims/tokens.hpp"

#include <catch2/catch.hpp>

using namespace nkclaims;

namespace {
std::vector<std::string> norms(std::string_view text) {
    std::vector<std::string> out;
    for (const Token& t : tokenize(text).tokens) out.emplace_back(t.norm);
    return out;
}
}  // namespace

TEST_CASE("tokenize", "[tokens]") {
    SECTION("words, numbers and punctuation keep their byte offsets") {
        const auto ts = tokenize("Sent 30,000 troops.");
        REQUIRE(ts.tokens.size() == 4);
        CHECK(ts.tokens[1].kind == TokenKind::Number);
        CHECK(ts.tokens[1].span == Span{5, 11});
        CHECK(ts.tokens[3].is("."));
    }
    SECTION("a base offset shifts every span") {
        const auto ts = tokenize("troops", 100);
        CHECK(ts.tokens[0].span == Span{100, 106});
    }
    SECTION("curly apostrophes and quotes fold to ASCII, possessives split") {
        CHECK(norms("Russia\u2019s \u201C10,000\u201D") ==
              std::vector<std::string>{"russia", "'s", "\"", "10,000", "\""});
    }
    SECTION("en and em dashes fold to a hyphen; a range is three tokens") {
        CHECK(norms("25,000\u201330,000") == std::vector<std::string>{"25,000", "-", "30,000"});
    }
    SECTION("hyphenated words stay whole; model names are codes") {
        const auto ts = tokenize("mine-clearers KN-23 Il-76");
        CHECK(ts.tokens[0].kind == TokenKind::Word);
        CHECK(ts.tokens[0].norm == "mine-clearers");
        CHECK(ts.tokens[1].kind == TokenKind::Code);
        CHECK(ts.tokens[2].kind == TokenKind::Code);
    }
    SECTION("multipliers and ordinals stay on the number; a glued word splits off") {
        CHECK(norms("1.5K 8th 2025Seoul") == std::vector<std::string>{"1.5k", "8th", "2025", "seoul"});
    }
    SECTION("a sentence-final period is not a decimal point") {
        CHECK(norms("sent 1,500.") == std::vector<std::string>{"sent", "1,500", "."});
    }
    SECTION("line starts are marked") {
        const auto ts = tokenize("a b\nc");
        CHECK_FALSE(ts.tokens[1].line_start);
        CHECK(ts.tokens[2].line_start);
    }
    SECTION("short texts survive a move (views point into a stable arena)") {
        TokenStream a = tokenize("sent troops");
        TokenStream b = std::move(a);
        CHECK(b.tokens[1].norm == "troops");
    }
    SECTION("phrases from data files tokenize like text") {
        CHECK(phrase_tokens("South Korea's spy agency") ==
              std::vector<std::string>{"south", "korea", "'s", "spy", "agency"});
    }
}
