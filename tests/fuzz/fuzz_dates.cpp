// libFuzzer: the date resolver on any text, against a fixed reference date.
#include <cstdint>
#include <string_view>

#include "nkclaims/dates.hpp"
#include "nkclaims/document.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        nkclaims::check_text("fuzz", text);
    } catch (...) {
        return 0;
    }
    const auto ts = nkclaims::tokenize(text);
    for (const auto& m : nkclaims::find_dates(ts.tokens, 0, ts.tokens.size(), nkclaims::parse_iso_day("2025-07-02"))) {
        if (m.last > ts.tokens.size() || m.first >= m.last || m.range.last < m.range.first) __builtin_trap();
        if (!nkclaims::parse_iso_range(m.range.iso())) __builtin_trap();  // what we print, we read back
    }
    return 0;
}
