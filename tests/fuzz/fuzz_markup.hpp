// What the web page and Markdown fuzz targets check: any bytes are refused with an InputError or
// read, every claim's span and quote span lie within the original file, and a figure written
// without markup or references in the file reads as the same bytes in the text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "nkclaims/document.hpp"
#include "nkclaims/error.hpp"
#include "nkclaims/extractor.hpp"

namespace nkclaims::fuzz {

inline const Gazetteer& gazetteer() {
    static const auto g = Gazetteer::load(NKCLAIMS_FUZZ_DATA);
    return g;
}

inline void check_markup(const char* name, const std::uint8_t* data, std::size_t size, std::string_view markup) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    try {
        const Document d = parse_document(name, bytes, gazetteer());
        for (const auto& s : d.sentences)
            if (s.span.end > d.bytes.size() || s.span.begin > s.span.end) __builtin_trap();
        for (const Claim& c : Extractor(gazetteer()).extract(d)) {
            for (Span s : {c.span, c.quote_span})
                if (s.end > size || s.begin > s.end) __builtin_trap();
            const std::string_view original = std::string_view(bytes).substr(c.span.begin, c.span.end - c.span.begin);
            const bool plain = original.find_first_of(markup) == std::string_view::npos &&
                               c.as_written.find_first_of(" \t\n\r") == std::string::npos;
            if (plain && original != c.as_written) __builtin_trap();
        }
    } catch (const InputError&) {
    }
}

}  // namespace nkclaims::fuzz
