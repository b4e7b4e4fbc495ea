// libFuzzer: the whole extractor on any bytes. Every claim's span and quote lie within the file.
#include <cstdint>
#include <string>

#include "nkclaims/document.hpp"
#include "nkclaims/error.hpp"
#include "nkclaims/extractor.hpp"

static const nkclaims::Gazetteer& gazetteer() {
    static const auto g = nkclaims::Gazetteer::load(NKCLAIMS_FUZZ_DATA);
    return g;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    try {
        auto d = nkclaims::parse_document("fuzz.txt", bytes, gazetteer());
        d.meta.published = nkclaims::parse_iso_day("2025-07-02");
        for (const auto& c : nkclaims::Extractor(gazetteer()).extract(d, nkclaims::Explain::Yes)) {
            if (c.span.end > size || c.span.begin >= c.span.end || c.quote_span.end > size) __builtin_trap();
            if (c.kind == nkclaims::ClaimKind::Figure && !c.value.low && !c.value.high) __builtin_trap();
        }
    } catch (const nkclaims::InputError&) {
    }
    return 0;
}
