// libFuzzer: the document reader on any bytes. It either refuses them with an InputError or
// reads them, and every sentence span lies within the file.
#include <cstdint>
#include <string>

#include "nkclaims/document.hpp"
#include "nkclaims/error.hpp"

static const nkclaims::Gazetteer& gazetteer() {
    static const auto g = nkclaims::Gazetteer::load(NKCLAIMS_FUZZ_DATA);
    return g;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    try {
        const auto d = nkclaims::parse_document("fuzz.txt", bytes, gazetteer());
        for (const auto& s : d.sentences)
            if (s.span.end > size || s.span.begin > s.span.end || s.tok_end > d.tokens.tokens.size()) __builtin_trap();
    } catch (const nkclaims::InputError&) {
    }
    return 0;
}
