// The JSON codecs: a Claim (CONTRACT.md) through nlohmann with to_json() and claim_from_json(),
// and append_json(), which prints the same bytes without a tree for the millions of claims that
// `extract` and `claims` write; a stored document; a conflict, corroboration and revision.
#include "nkclaims/claim_json.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>

#include "json_writer.hpp"
#include "nkclaims/format.hpp"

namespace nkclaims {
using namespace std::string_view_literals;
namespace {
using json_writer::number_or_null;
using json_writer::Write;

std::optional<double> read_number(const nlohmann::json& j) {
    if (j.is_null()) return std::nullopt;
    return j.get<double>();
}

// The display names a claim's JSON adds beside its ids: none without `names`, or when they
// hold no name at all (the contract's bytes stay as they were).
struct ClaimNames {
    std::string_view location, source, via;
    bool any = false;

    ClaimNames(const Claim& c, const DisplayNames* names) {
        if (!names || names->empty()) return;
        any = true;
        if (!c.location.empty()) location = names->place_full(c.location);
        if (!c.source.empty()) source = names->source_full(c.source);
        if (!c.via.empty()) via = names->source_full(c.via);
    }
    std::size_t size() const { return location.size() + source.size() + via.size() + (any ? 64 : 0); }
};

// A file name is the only text of a claim that may hold bytes that are not UTF-8: documents are
// validated when read, and names and places come from our data.
bool bad_doc(const Claim& c) {
    return std::any_of(c.doc.begin(), c.doc.end(), [](char ch) { return static_cast<unsigned char>(ch) >= 0x80; }) &&
           !valid_utf8(c.doc);
}

// At least as many bytes as claim_json() writes, from the sizes of the strings alone: an
// escape is at most six bytes ("\u001f") for one, as is U+FFFD for a bad byte; keys, punctuation, names, numbers and
// dates are under 512.
std::size_t claim_json_bound(const Claim& c, const ClaimNames& names) {
    std::size_t strings = c.doc.size() + c.actor.size() + c.location.size() + c.quote.size() + c.rule.cue.size() +
                          c.source.size() + c.as_written.size() + c.via.size() + names.size();
    for (const Reason& r : c.reasons) strings += r.value.size() + r.words.size() + r.more.size() + 96;
    return 6 * strings + 512;
}

// `,"reasons":[...]`, each reason's keys sorted as nlohmann::json prints them.
void reasons_json(Write& out, const std::vector<Reason>& reasons) {
    out.raw(",\"reasons\":["sv);
    for (std::size_t i = 0; i < reasons.size(); ++i) {
        const Reason& r = reasons[i];
        out.raw(i == 0 ? "{"sv : ",{"sv);
        out.keyed("\"field\":"sv, to_string(field_of(r.because)));
        out.keyed(",\"more\":"sv, r.more);
        out.keyed(",\"rule\":"sv, to_string(r.because));
        out.keyed(",\"value\":"sv, r.value);
        out.keyed(",\"words\":"sv, r.words);
        out.raw("}"sv);
    }
    out.raw("]"sv);
}

// `,"reasons":[...]` under --explain, then `,"rule":"figure:noun"` (those keys sort together).
void rule_json(Write& out, const Claim& c) {
    if (!c.reasons.empty()) reasons_json(out, c.reasons);
    if (c.rule.cue.empty() && !c.rule.restated) {  // the common case, without building the name
        out.raw(",\"rule\":\""sv);
        out.raw(to_string(c.rule.id));
        out.raw("\""sv);
    } else {
        out.keyed(",\"rule\":"sv, to_string(c.rule));
    }
}

// The claim's JSON, keys in the order nlohmann::json prints them (sorted), so that
// append_json() and to_json().dump() give the same bytes.
void claim_json(Write& out, const Claim& c, const ClaimNames& names) {
    const bool figure = c.kind == ClaimKind::Figure;
    const bool bad = bad_doc(c);
    out.raw("{"sv);
    if (!figure && c.about) {
        out.raw("\"about\":"sv);
        out.name_or_null(c.about);
        out.raw(","sv);
    }
    if (figure) {
        out.raw("\"actor\":"sv);
        out.string_or_null(c.actor);
        out.raw(c.approx ? ",\"approx\":true,"sv : ",\"approx\":false,"sv);
    }
    out.raw("\"date\":"sv);
    out.date(c.date);
    out.raw(",\"doc\":"sv);
    out.string(bad ? replace_invalid_utf8(c.doc) : c.doc);
    out.raw(",\"event_date\":"sv);
    out.date(c.event_date);
    if (figure && c.hypothetical) out.raw(",\"hypothetical\":true"sv);
    if (figure) out.raw(c.increment ? ",\"increment\":true"sv : ",\"increment\":false"sv);
    if (bad) out.raw(",\"invalid_utf8\":[\"doc\"]"sv);
    out.raw(",\"kind\":"sv);
    out.string(to_string(c.kind));
    out.raw(",\"location\":"sv);
    out.string_or_null(c.location);
    out.optional(",\"location_name\":"sv, names.location);
    if (figure) {
        out.raw(",\"metric\":"sv);
        out.name_or_null(c.metric);
        out.raw(",\"phase\":"sv);
        out.name_or_null(c.phase);
    }
    out.keyed(",\"quote\":"sv, c.quote);
    out.raw(",\"quote_span\":"sv);
    out.span(c.quote_span);
    rule_json(out, c);
    out.raw(",\"source\":"sv);
    out.string_or_null(c.source);
    out.optional(",\"source_name\":"sv, names.source);
    out.raw(",\"span\":"sv);
    out.span(c.span);
    if (!figure) {
        out.raw(",\"stance\":"sv);
        out.name_or_null(c.stance);
    }
    out.keyed(",\"text\":"sv, c.as_written);
    if (figure) {
        out.raw(",\"value\":{\"high\":"sv);
        out.number(c.value.high);
        out.raw(",\"low\":"sv);
        out.number(c.value.low);
        out.raw("}"sv);
    }
    out.raw(",\"via\":"sv);
    out.string_or_null(c.via);
    out.optional(",\"via_name\":"sv, names.via);
    out.raw("}"sv);
}

}  // namespace

nlohmann::json to_json(const Claim& c, const DisplayNames* names) {
    using nlohmann::json;
    auto opt = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
    json j;
    j["kind"] = to_string(c.kind);
    j["doc"] = c.doc;
    if (bad_doc(c)) {
        j["doc"] = replace_invalid_utf8(c.doc);
        j["invalid_utf8"] = {"doc"};
    }
    const ClaimNames named(c, names);
    if (!named.location.empty()) j["location_name"] = named.location;
    if (!named.source.empty()) j["source_name"] = named.source;
    if (!named.via.empty()) j["via_name"] = named.via;
    j["span"] = {c.span.begin, c.span.end};
    if (c.kind == ClaimKind::Figure) {
        j["text"] = c.as_written;
        j["value"] = {{"low", number_or_null(c.value.low)}, {"high", number_or_null(c.value.high)}};
        j["approx"] = c.approx;
        j["increment"] = c.increment;
        if (c.hypothetical) j["hypothetical"] = true;  // absent means false: most figures are claims
        j["metric"] = c.metric ? json(to_string(*c.metric)) : json(nullptr);
        j["phase"] = c.phase ? json(to_string(*c.phase)) : json(nullptr);
        j["actor"] = opt(c.actor);
    } else {
        j["stance"] = c.stance ? json(to_string(*c.stance)) : json(nullptr);
        if (c.about) j["about"] = to_string(*c.about);  // absent: the text does not say
        j["text"] = c.as_written;
    }
    j["source"] = opt(c.source);
    j["via"] = opt(c.via);
    j["location"] = opt(c.location);
    j["date"] = c.date ? json(c.date->iso()) : json(nullptr);
    j["event_date"] = c.event_date ? json(c.event_date->iso()) : json(nullptr);
    j["quote"] = c.quote;
    j["quote_span"] = {c.quote_span.begin, c.quote_span.end};
    j["rule"] = to_string(c.rule);
    for (const Reason& r : c.reasons)
        j["reasons"].push_back({{"field", to_string(field_of(r.because))},
                                {"rule", to_string(r.because)},
                                {"value", r.value},
                                {"words", r.words},
                                {"more", r.more}});
    return j;
}

void append_json(std::string& out, const Claim& c, const DisplayNames* names) {
    // Written to a buffer with room for it, then appended once: some forty appends to `out`
    // each checked its capacity and ended the string again.
    const ClaimNames named(c, names);
    const std::size_t bound = claim_json_bound(c, named);
    char stack[4096];
    std::string heap;  // for a claim with a quote of some hundreds of words
    if (bound > sizeof stack) heap.resize(bound);
    Write write{heap.empty() ? stack : heap.data()};
    char* const begin = write.at;
    claim_json(write, c, named);
    out.append(begin, static_cast<std::size_t>(write.at - begin));
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
        c.hypothetical = j.value("hypothetical", false);
        if (auto m = str("metric"); !m.empty()) c.metric = parse_metric(m);
        if (auto p = str("phase"); !p.empty()) c.phase = parse_phase(p);
        c.actor = str("actor");
    } else {
        if (auto s = str("stance"); !s.empty()) c.stance = parse_stance(s);
        if (auto a = str("about"); !a.empty()) c.about = parse_about(a);
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
    c.rule = parse_rule(str("rule")).value_or(RuleRef{});
    return c;
}

namespace {

// A string of outside text for a tree: valid UTF-8, with the key noted in `bad` when it was not.
std::string checked(const std::string& s, const char* key, nlohmann::json& bad) {
    if (valid_utf8(s)) return s;
    bad.push_back(key);
    return replace_invalid_utf8(s);
}

void append_claims(std::string& out, const std::vector<const Claim*>& claims, const DisplayNames* names) {
    out += '[';
    for (std::size_t i = 0; i < claims.size(); ++i) {
        if (i) out += ',';
        append_json(out, *claims[i], names);
    }
    out += ']';
}

std::string json_string(std::string_view s) {
    return nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

nlohmann::json to_json(const StoredDocument& d) {
    nlohmann::json bad = nlohmann::json::array();
    nlohmann::json j{{"name", checked(d.name, "name", bad)},
                     {"path", checked(d.path, "path", bad)},
                     {"hash", d.hash},
                     {"title", checked(d.meta.title, "title", bad)},
                     {"outlet", d.meta.outlet},
                     {"kind", d.meta.kind ? to_string(*d.meta.kind) : ""},
                     {"published", d.meta.published ? iso_day(*d.meta.published) : ""},
                     {"recorded", d.meta.recorded ? iso_day(*d.meta.recorded) : ""},
                     {"bytes", d.bytes},
                     {"claims", d.claims}};
    if (!bad.empty()) j["invalid_utf8"] = bad;
    return j;
}

StoredDocument document_from_json(const nlohmann::json& d, std::size_t claims) {
    StoredDocument sd;
    sd.path = d.at("path").get<std::string>();
    sd.name = d.at("name").get<std::string>();
    sd.hash = d.at("hash").get<std::string>();
    sd.meta.title = d.value("title", "");
    sd.meta.outlet = d.value("outlet", "");
    sd.meta.kind = parse_doc_kind(d.value("kind", ""));
    sd.meta.published = parse_iso_day(d.value("published", ""));
    sd.meta.recorded = parse_iso_day(d.value("recorded", ""));
    sd.bytes = d.value("bytes", std::size_t{0});
    sd.claims = claims;
    return sd;
}

void append_json(std::string& out, const Conflict& c, const DisplayNames* names) {
    out += fmt::format("{{\"gap_days\":{},\"kind\":{},", c.gap_days, json_string(to_string(c.kind)));
    if (c.fresh) out += *c.fresh ? "\"new\":true," : "\"new\":false,";  // against --baseline
    out += fmt::format("\"rank\":{},\"reason\":{},\"reports\":{},\"severity\":{},\"topic\":{},\"claims\":",
                       nlohmann::json(c.rank).dump(), json_string(c.reason), nlohmann::json(c.reports).dump(),
                       nlohmann::json(std::round(c.severity * 1000) / 1000).dump(), json_string(c.topic));
    append_claims(out, c.claims, names);
    out += ",\"relays\":[";  // each side's mentions in every document and outlet
    for (std::size_t i = 0; i < c.relays.size(); ++i) {
        if (i) out += ',';
        append_claims(out, c.relays[i], names);
    }
    out += "]}";
}

void append_json(std::string& out, const Corroboration& c, const DisplayNames* names) {
    out += "{\"claims\":";
    append_claims(out, c.claims, names);
    out += fmt::format(",\"count\":{},\"origins\":{},\"topic\":{}}}", c.count, c.origins(),
                       json_string(topic_of(*c.claims.front())));
}

void append_json(std::string& out, const Revision& r, const DisplayNames* names) {
    out += "{\"claims\":";
    append_claims(out, r.claims, names);
    out +=
        fmt::format(",\"source\":{},\"topic\":{}}}", json_string(r.source), json_string(topic_of(*r.claims.front())));
}

}  // namespace nkclaims
