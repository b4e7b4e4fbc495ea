// Every input a fuzzer ever found (tests/fuzz/regressions), run through the checks of the fuzz
// targets, in the ordinary test suite.
#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "nkclaims/error.hpp"

using namespace nkclaims;

TEST_CASE("fuzz regressions hold the fuzz targets' invariants", "[fuzz]") {
    std::size_t n = 0;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(NKCLAIMS_TEST_DIR) + "/fuzz/regressions")) {
        const std::string bytes = test::slurp(entry.path());
        INFO(entry.path().filename().string());
        ++n;
        try {
            check_text("fuzz", bytes);
        } catch (const InputError&) {
            continue;
        }
        const auto ts = tokenize(bytes);
        for (const auto& m : find_dates(ts.tokens, 0, ts.tokens.size(), parse_iso_day("2025-07-02"))) {
            CHECK(m.range.first <= m.range.last);
            CHECK(parse_iso_range(m.range.iso()));
        }
        for (std::size_t i = 0; i < ts.tokens.size(); ++i)
            if (auto q = parse_quantity(ts.tokens, i, ts.tokens.size())) CHECK(q->last <= ts.tokens.size());
        auto d = parse_document("fuzz.txt", bytes, test::gazetteer());
        d.meta.published = parse_iso_day("2025-07-02");
        for (const Claim& c : Extractor(test::gazetteer()).extract(d, Explain::Yes)) {
            CHECK(c.span.end <= bytes.size());
            if (c.date) CHECK(c.date->first <= c.date->last);
        }
    }
    CHECK(n >= 1);
}
