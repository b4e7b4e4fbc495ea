// libFuzzer: the number parser at every token of any text.
#include <cstdint>
#include <string_view>

#include "nkclaims/document.hpp"
#include "nkclaims/numbers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        nkclaims::check_text("fuzz", text);
    } catch (...) {
        return 0;
    }
    const auto ts = nkclaims::tokenize(text);
    for (std::size_t i = 0; i < ts.tokens.size(); ++i) {
        auto q = nkclaims::parse_quantity(ts.tokens, i, ts.tokens.size());
        if (q &&
            (q->last > ts.tokens.size() || q->num_first < i || q->num_last > q->last || q->num_first >= q->num_last))
            __builtin_trap();
    }
    return 0;
}
