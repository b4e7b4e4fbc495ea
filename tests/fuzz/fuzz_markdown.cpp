// libFuzzer: a Markdown file with or without front matter (fuzz_markup.hpp says what is checked).
#include "fuzz_markup.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    nkclaims::fuzz::check_markup("fuzz.md", data, size, "&\\*_`~[]()<>!# \t\n\r");
    return 0;
}
