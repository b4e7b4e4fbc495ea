// libFuzzer: a saved web page (fuzz_markup.hpp says what is checked).
#include "fuzz_markup.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    nkclaims::fuzz::check_markup("fuzz.html", data, size, "&<> \t\n\r\f");
    return 0;
}
