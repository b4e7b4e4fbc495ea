#include "nkclaims/page_meta.hpp"

#include <algorithm>

namespace nkclaims {

namespace {

// Without white space of any kind around it (trim() in document.hpp keeps line breaks).
std::string_view trim_space(std::string_view s) {
    const auto a = s.find_first_not_of(" \t\r\n");
    if (a == std::string_view::npos) return {};
    return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

}  // namespace

std::string outlet_id(std::string_view name, const Gazetteer& g) {
    const TokenStream ts = tokenize(name);
    for (std::size_t i = 0; i < ts.tokens.size(); ++i)
        if (auto m = g.sources.match(ts.tokens, i, ts.tokens.size()); m && m->value->kind == SourceKind::Outlet)
            return m->value->id;
    std::string slug;
    for (char c : name) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum)
            slug += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        else if (!slug.empty() && slug.back() != '_')
            slug += '_';
    }
    while (!slug.empty() && slug.back() == '_') slug.pop_back();
    return slug;
}

std::string outlet_of_url(std::string_view url, const Gazetteer& g) {
    auto scheme = url.find("://");
    std::string_view host = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
    host = host.substr(0, host.find_first_of("/?#:"));
    if (host.starts_with("www.")) host.remove_prefix(4);
    const auto dot = host.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return {};
    host = host.substr(0, dot);
    if (const auto inner = host.rfind('.'); inner != std::string_view::npos) host = host.substr(inner + 1);
    return outlet_id(host, g);
}

std::optional<Day> page_day(std::string_view value) {
    value = trim_space(value);
    if (value.size() >= 10)
        if (auto d = parse_iso_day(value.substr(0, 10))) return d;
    const TokenStream ts = tokenize(value);
    for (const DateMention& m : find_dates(ts.tokens, 0, ts.tokens.size(), std::nullopt))
        if (m.range.first == m.range.last) return m.range.first;
    return std::nullopt;
}

std::string strip_site_tail(std::string_view title) {
    title = trim_space(title);
    // "Title | Site": a bar always sets the site apart.
    if (const auto bar = title.rfind(" | "); bar != std::string_view::npos && bar > 0)
        return std::string(trim_space(title.substr(0, bar)));
    // "Title - Site": a dash may be the title's own, so only a short tail of capitalized words.
    for (std::string_view dash : {" - ", " \xE2\x80\x94 ", " \xE2\x80\x93 "}) {
        const auto at = title.rfind(dash);
        if (at == std::string_view::npos || at == 0) continue;
        const std::string_view tail = trim_space(title.substr(at + dash.size()));
        const auto words = std::count(tail.begin(), tail.end(), ' ') + 1;
        const bool capital =
            !tail.empty() && ((tail[0] >= 'A' && tail[0] <= 'Z') || (tail[0] >= '0' && tail[0] <= '9'));
        if (capital && words <= 4 && tail.find_first_of("?!:") == std::string_view::npos)
            return std::string(trim_space(title.substr(0, at)));
    }
    return std::string(title);
}

}  // namespace nkclaims
