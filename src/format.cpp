#include "nkclaims/format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace nkclaims {

std::string capitalized(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

std::string id_as_words(const std::string& id) {
    if (id.find('_') == std::string::npos && id.size() <= 4) {  // afp, kbs, ytn: initials
        std::string out = id;
        for (char& c : out)
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        return out;
    }
    std::string out;
    for (std::size_t at = 0; at <= id.size();) {
        const auto end = std::min(id.find('_', at), id.size());
        if (end > at) out += (out.empty() ? "" : " ") + capitalized(id.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

DisplayName DisplayNames::find(const std::map<std::string, DisplayName, std::less<>>& m, std::string_view id) {
    if (const auto it = m.find(id); it != m.end()) return it->second;
    std::string words = id_as_words(std::string(id));  // an outlet no data file names
    return {words, words};
}

std::string_view DisplayNames::full(const std::map<std::string, DisplayName, std::less<>>& m, std::string_view id) {
    if (const auto it = m.find(id); it != m.end()) return it->second.full;
    return id;
}

DisplayNames display_names(const Gazetteer& g) {
    DisplayNames names;
    for (const auto& [id, n] : g.source_names) names.add_source(id, n);
    for (const auto& [id, n] : g.place_names) names.add_place(id, n);
    return names;
}

std::string number_words(double v) {
    const double whole = std::trunc(v);
    std::string digits = fmt::format("{:.0f}", std::fabs(whole)), out = v < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    if (v == whole) return out;
    std::string frac = fmt::format("{:.2f}", std::fabs(v - whole)).substr(1);  // ".50"
    while (frac.back() == '0') frac.pop_back();
    return frac == "." ? out : out + frac;
}

std::string value_words(const Value& v, bool approx, bool increment) {
    std::string s;
    const std::string about = approx ? "about " : "";
    if (v.low && v.high && *v.low == *v.high)
        s = about + number_words(*v.low);
    else if (v.low && v.high)
        s = about + number_words(*v.low) + "–" + number_words(*v.high);
    else if (v.low)
        s = "at least " + about + number_words(*v.low);
    else if (v.high)
        s = "up to " + about + number_words(*v.high);
    else
        return "";
    return increment ? "+" + s : s;
}

std::string value_words(const Claim& c) {
    if (c.kind == ClaimKind::Figure) return value_words(c.value, c.approx, c.increment);
    if (!c.stance) return "";
    switch (*c.stance) {
        case Stance::Denies:
            return "denies";
        case Stance::Unconfirmed:
            return "cannot confirm";
        case Stance::Confirms:
            return "confirms";
    }
    return "";
}

std::string what_words(std::optional<Metric> metric, std::optional<Phase> phase) {
    std::string what = metric ? std::string(to_string(*metric)) : std::string("stance");
    if (phase) what += fmt::format(" {}", to_string(*phase));
    return what;
}

std::string topic_words(std::string_view actor, std::optional<Metric> metric, std::optional<Phase> phase,
                        const DisplayNames& names) {
    const std::string what = what_words(metric, phase);
    return actor.empty() ? what : fmt::format("{}: {}", names.place(actor).full, what);
}

std::string topic_words(const Claim& c, const DisplayNames& names) {
    return topic_words(c.actor, c.metric, c.phase, names);
}

std::string topic_words(const Conflict& c, const DisplayNames& names) {
    for (const Claim* cl : c.claims)
        if (cl->kind == ClaimKind::Figure) return topic_words(*cl, names);
    return c.claims.empty() ? std::string() : topic_words(*c.claims.front(), names);
}

std::string voice_words(const Claim& c, const DisplayNames& names) {
    if (c.source.empty()) return "-";
    const std::string who = names.source(c.source).brief;
    return c.via.empty() ? who : who + " via " + names.source(c.via).brief;
}

std::string date_words(const std::optional<DateRange>& d) {
    if (!d) return "-";
    const std::string iso = d->iso();
    const auto slash = iso.find('/');
    return slash == std::string::npos ? iso : iso.substr(0, slash) + " to " + iso.substr(slash + 1);
}

std::string gap_words(int days) {
    if (days == 0) return "the same day";
    return fmt::format("{} day{} apart", days, days == 1 ? "" : "s");
}

std::string conflict_words(const Conflict& c) {
    std::string kind(to_string(c.kind));
    std::replace(kind.begin(), kind.end(), '_', ' ');
    return fmt::format("{}, {}", kind, gap_words(c.gap_days));
}

namespace {

// The length of the valid UTF-8 sequence at s[i], or 0 when the bytes there are not one
// (overlong forms, surrogates and code points past U+10FFFF are not).
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char c = b(0);
    if (c < 0x80) return 1;
    std::size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((b(k) & 0xC0) != 0x80) return 0;
    if ((c == 0xE0 && b(1) < 0xA0) || (c == 0xED && b(1) > 0x9F) || (c == 0xF0 && b(1) < 0x90) ||
        (c == 0xF4 && b(1) > 0x8F))
        return 0;
    return n;
}

}  // namespace

bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8_sequence(s, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::string replace_invalid_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8_sequence(s, i);
        out += n ? s.substr(i, n) : std::string_view("\xEF\xBF\xBD");
        i += n ? n : 1;
    }
    return out;
}

std::string error_line(std::string_view message) { return "nkclaims: error: " + printable(message); }

std::string printable(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8_sequence(s, i);
        const auto c = static_cast<unsigned char>(s[i]);
        const bool c1 = n == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0;  // U+0080–U+009F
        if (n == 0)
            out += "\xEF\xBF\xBD";
        else if (c < 0x20 || c == 0x7F)
            out += fmt::format("\\x{:02x}", c);
        else if (c1)
            out += fmt::format("\\u{:04x}", static_cast<unsigned char>(s[i + 1]));
        else
            out += s.substr(i, n);
        i += n ? n : 1;
    }
    return out;
}

}  // namespace nkclaims
