#include "nkclaims/claim.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <nlohmann/json.hpp>

namespace nkclaims {
namespace {

template <class E, std::size_t N>
std::optional<E> find_name(const std::array<std::string_view, N>& names, std::string_view s) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == s) return static_cast<E>(i);
    return std::nullopt;
}

constexpr std::array<std::string_view, 2> kKinds{"figure", "stance"};
constexpr std::array<std::string_view, 9> kMetrics{"troops",   "engineers", "workers", "personnel", "casualties",
                                                   "missiles", "shells",    "strikes", "equipment"};
constexpr std::array<std::string_view, 5> kPhases{"deployed", "planned", "total", "supplied", "destroyed"};
constexpr std::array<std::string_view, 3> kStances{"denies", "unconfirmed", "confirms"};

nlohmann::json number_or_null(const std::optional<double>& v) {
    if (!v) return nullptr;
    const double x = *v;
    if (x == static_cast<double>(static_cast<long long>(x))) return static_cast<long long>(x);
    return x;
}

std::optional<double> read_number(const nlohmann::json& j) {
    if (j.is_null()) return std::nullopt;
    return j.get<double>();
}

}  // namespace

bool is_people(Metric m) {
    return m == Metric::Troops || m == Metric::Engineers || m == Metric::Workers || m == Metric::Personnel;
}

bool is_materiel(Metric m) { return m == Metric::Missiles || m == Metric::Shells || m == Metric::Equipment; }

std::string voice_of(const Claim& c) { return c.via.empty() ? c.source : c.source + " via " + c.via; }

std::string_view to_string(ClaimKind k) { return kKinds[static_cast<std::size_t>(k)]; }
std::string_view to_string(Metric m) { return kMetrics[static_cast<std::size_t>(m)]; }
std::string_view to_string(Phase p) { return kPhases[static_cast<std::size_t>(p)]; }
std::string_view to_string(Stance s) { return kStances[static_cast<std::size_t>(s)]; }
std::optional<Metric> parse_metric(std::string_view s) { return find_name<Metric>(kMetrics, s); }
std::optional<Phase> parse_phase(std::string_view s) { return find_name<Phase>(kPhases, s); }
std::optional<Stance> parse_stance(std::string_view s) { return find_name<Stance>(kStances, s); }
std::optional<ClaimKind> parse_kind(std::string_view s) { return find_name<ClaimKind>(kKinds, s); }

nlohmann::json to_json(const Claim& c) {
    using nlohmann::json;
    auto opt = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
    json j;
    j["kind"] = to_string(c.kind);
    j["doc"] = c.doc;
    j["span"] = {c.span.begin, c.span.end};
    if (c.kind == ClaimKind::Figure) {
        j["text"] = c.as_written;
        j["value"] = {{"low", number_or_null(c.value.low)}, {"high", number_or_null(c.value.high)}};
        j["approx"] = c.approx;
        j["increment"] = c.increment;
        j["metric"] = c.metric ? json(to_string(*c.metric)) : json(nullptr);
        j["phase"] = c.phase ? json(to_string(*c.phase)) : json(nullptr);
        j["actor"] = opt(c.actor);
    } else {
        j["stance"] = c.stance ? json(to_string(*c.stance)) : json(nullptr);
        j["text"] = c.as_written;
    }
    j["source"] = opt(c.source);
    j["via"] = opt(c.via);
    j["location"] = opt(c.location);
    j["date"] = c.date ? json(c.date->iso()) : json(nullptr);
    j["event_date"] = c.event_date ? json(c.event_date->iso()) : json(nullptr);
    j["quote"] = c.quote;
    j["quote_span"] = {c.quote_span.begin, c.quote_span.end};
    j["rule"] = c.rule;
    return j;
}

namespace {

bool needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

void json_string(std::string& out, std::string_view s) {
    out += '"';
    // Runs of plain characters are appended whole: quotes are sentences, escapes are rare.
    while (!s.empty()) {
        std::size_t plain = 0;
        while (plain < s.size() && !needs_escape(static_cast<unsigned char>(s[plain]))) ++plain;
        out.append(s.data(), plain);
        if (plain == s.size()) break;
        const auto c = static_cast<unsigned char>(s[plain]);
        s.remove_prefix(plain + 1);
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                out += fmt::format("\\u{:04x}", c);
        }
    }
    out += '"';
}

void append_integer(std::string& out, long long v) {
    char buf[24];
    const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
    out.append(buf, end);
}

// ,"key":[begin,end]
void append_span(std::string& out, std::string_view key, Span s) {
    out += ",\"";
    out += key;
    out += "\":[";
    append_integer(out, static_cast<long long>(s.begin));
    out += ',';
    append_integer(out, static_cast<long long>(s.end));
    out += ']';
}

void json_opt(std::string& out, std::string_view s) {
    if (s.empty())
        out += "null";
    else
        json_string(out, s);
}

void json_number(std::string& out, const std::optional<double>& v) {
    if (v && *v == static_cast<double>(static_cast<long long>(*v)))
        return append_integer(out, static_cast<long long>(*v));
    out += number_or_null(v).dump();  // null, or a fraction as nlohmann prints it
}

}  // namespace

// Keys in the order nlohmann::json prints them (sorted), so both paths give the same bytes.
void append_json(std::string& out, const Claim& c) {
    const bool figure = c.kind == ClaimKind::Figure;
    out += '{';
    if (figure) {
        out += "\"actor\":";
        json_opt(out, c.actor);
        out += c.approx ? ",\"approx\":true," : ",\"approx\":false,";
    }
    out += "\"date\":";
    json_opt(out, c.date ? c.date->iso() : std::string{});
    out += ",\"doc\":";
    json_string(out, c.doc);
    out += ",\"event_date\":";
    json_opt(out, c.event_date ? c.event_date->iso() : std::string{});
    if (figure) out += c.increment ? ",\"increment\":true" : ",\"increment\":false";
    out += ",\"kind\":";
    json_string(out, to_string(c.kind));
    out += ",\"location\":";
    json_opt(out, c.location);
    if (figure) {
        out += ",\"metric\":";
        json_opt(out, c.metric ? to_string(*c.metric) : "");
        out += ",\"phase\":";
        json_opt(out, c.phase ? to_string(*c.phase) : "");
    }
    out += ",\"quote\":";
    json_string(out, c.quote);
    append_span(out, "quote_span", c.quote_span);
    out += ",\"rule\":";
    json_string(out, c.rule);
    out += ",\"source\":";
    json_opt(out, c.source);
    append_span(out, "span", c.span);
    if (!figure) {
        out += ",\"stance\":";
        json_opt(out, c.stance ? to_string(*c.stance) : "");
    }
    out += ",\"text\":";
    json_string(out, c.as_written);
    if (figure) {
        out += ",\"value\":{\"high\":";
        json_number(out, c.value.high);
        out += ",\"low\":";
        json_number(out, c.value.low);
        out += '}';
    }
    out += ",\"via\":";
    json_opt(out, c.via);
    out += '}';
}

Claim claim_from_json(const nlohmann::json& j) {
    Claim c;
    auto str = [&](const char* key) {
        return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string{};
    };
    const auto kind = parse_kind(j.at("kind").get<std::string>());
    if (!kind) throw nlohmann::json::other_error::create(501, "unknown kind", &j);
    c.kind = *kind;
    c.doc = j.at("doc").get<std::string>();
    c.span = {j.at("span").at(0).get<std::size_t>(), j.at("span").at(1).get<std::size_t>()};
    c.as_written = str("text");
    if (c.kind == ClaimKind::Figure) {
        c.value = {read_number(j.at("value").at("low")), read_number(j.at("value").at("high"))};
        c.approx = j.value("approx", false);
        c.increment = j.value("increment", false);
        if (auto m = str("metric"); !m.empty()) c.metric = parse_metric(m);
        if (auto p = str("phase"); !p.empty()) c.phase = parse_phase(p);
        c.actor = str("actor");
    } else if (auto s = str("stance"); !s.empty()) {
        c.stance = parse_stance(s);
    }
    c.source = str("source");
    c.via = str("via");
    c.location = str("location");
    if (auto d = str("date"); !d.empty()) {
        c.date = parse_iso_range(d);
        if (!c.date) throw nlohmann::json::other_error::create(501, "bad date: " + d, &j);
    }
    if (auto e = str("event_date"); !e.empty()) c.event_date = parse_iso_range(e);
    c.quote = str("quote");
    if (j.contains("quote_span"))
        c.quote_span = {j["quote_span"].at(0).get<std::size_t>(), j["quote_span"].at(1).get<std::size_t>()};
    c.rule = str("rule");
    return c;
}

}  // namespace nkclaims
