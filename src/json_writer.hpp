// A JSON writer into a buffer sized beforehand (claim_json.cpp's append_json()): strings
// escaped with runs of plain bytes copied whole, whole numbers and dates formatted by hand.
// Internal to the JSON codecs: it never checks for room, its caller has reserved it.
#pragma once

#include <charconv>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "nkclaims/dates.hpp"
#include "nkclaims/tokens.hpp"

namespace nkclaims::json_writer {
using namespace std::string_view_literals;

// A number as nlohmann prints it: a whole number as an integer, else a double; null for none.
inline nlohmann::json number_or_null(const std::optional<double>& v) {
    if (!v) return nullptr;
    const double x = *v;
    if (x == static_cast<double>(static_cast<long long>(x))) return static_cast<long long>(x);
    return x;
}

inline bool needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

// Whether any of the eight bytes of `w` is a control character, '"' or '\\' (the classic
// SWAR tests; a byte of 0x80 or above never matches, so UTF-8 passes through).
inline bool any_escape(std::uint64_t w) {
    constexpr std::uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    auto has_zero = [&](std::uint64_t x) { return (x - ones) & ~x & highs; };
    const std::uint64_t below_space = (w - ones * 0x20) & ~w & highs;
    return (below_space | has_zero(w ^ (ones * '"')) | has_zero(w ^ (ones * '\\'))) != 0;
}

// How many bytes at the start of `s` need no escape, eight at a time: quotes are sentences and
// escapes are rare. The last word overlaps the one before it rather than being copied out
// and padded (a copy of a few bytes read back whole stalls the processor).
inline std::size_t plain_prefix(std::string_view s) {
    auto word_at = [&](std::size_t i) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        return w;
    };
    std::size_t i = 0;
    if (s.size() >= 8) {
        for (; i + 8 <= s.size(); i += 8)
            if (any_escape(word_at(i))) break;
        if (i + 8 > s.size() && !any_escape(word_at(s.size() - 8))) return s.size();
    }
    while (i < s.size() && !needs_escape(static_cast<unsigned char>(s[i]))) ++i;
    return i;
}

// How JSON writes the character `c`, which needs_escape(): "\n", or "\u001f" for a control
// character without a short form. `buf` holds the long form.
inline std::string_view escape_of(unsigned char c, char (&buf)[7]) {
    switch (c) {
        case '"':
            return "\\\""sv;
        case '\\':
            return "\\\\"sv;
        case '\b':
            return "\\b"sv;
        case '\f':
            return "\\f"sv;
        case '\n':
            return "\\n"sv;
        case '\r':
            return "\\r"sv;
        case '\t':
            return "\\t"sv;
        default:
            return {buf, static_cast<std::size_t>(fmt::format_to(buf, "\\u{:04x}", c) - buf)};
    }
}

// Where claim_json() puts its bytes: a buffer with room for claim_json_bound() of them.
struct Write {
    char* at;

    void raw(std::string_view s) {
        std::memcpy(at, s.data(), s.size());
        at += s.size();
    }
    // "text", escaped: runs of plain bytes copied whole.
    void string(std::string_view s) {
        *at++ = '"';
        char buf[7];
        while (!s.empty()) {
            const std::size_t run = plain_prefix(s);
            raw(s.substr(0, run));
            if (run == s.size()) break;
            raw(escape_of(static_cast<unsigned char>(s[run]), buf));
            s.remove_prefix(run + 1);
        }
        *at++ = '"';
    }
    // `key` and the string.
    void keyed(std::string_view key, std::string_view s) {
        raw(key);
        string(s);
    }
    // `key` and the string, when there is one.
    void optional(std::string_view key, std::string_view s) {
        if (s.empty()) return;
        raw(key);
        string(s);
    }
    void string_or_null(std::string_view s) {
        if (s.empty())
            raw("null"sv);
        else
            string(s);
    }
    template <class E>
    void name_or_null(const std::optional<E>& e) {
        string_or_null(e ? to_string(*e) : std::string_view{});
    }
    void integer(std::uint64_t v) { at = std::to_chars(at, at + 20, v).ptr; }
    // A whole number as one; null, or a fraction as nlohmann prints it.
    void number(const std::optional<double>& v) {
        if (v && *v == static_cast<double>(static_cast<long long>(*v)))
            at = std::to_chars(at, at + 20, static_cast<long long>(*v)).ptr;
        else
            raw(number_or_null(v).dump());
    }
    // [begin,end]
    void span(Span s) {
        *at++ = '[';
        integer(s.begin);
        *at++ = ',';
        integer(s.end);
        *at++ = ']';
    }
    // "2025-07-08", or null; an ISO date holds nothing to escape.
    void date(const std::optional<DateRange>& d) {
        if (!d) return raw("null"sv);
        *at++ = '"';
        at = d->write_iso(at);
        *at++ = '"';
    }
};

}  // namespace nkclaims::json_writer
