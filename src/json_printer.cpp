// The JSON printer: CONTRACT.md's claims, conflicts as score.py reads them, documents, and
// assessments, from the codecs of claim_json.hpp. Large listings are streamed an entry at a time.
#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "nkclaims/claim_json.hpp"
#include "nkclaims/printers.hpp"

namespace nkclaims {
namespace {

std::string dump(const nlohmann::json& j, int indent = -1) {
    return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

// A whole number as one, as the claims print it.
nlohmann::json number(const std::optional<double>& v) {
    if (!v) return nullptr;
    if (*v == std::trunc(*v) && std::fabs(*v) < 9e18) return static_cast<long long>(*v);
    return *v;
}

template <class T>
void list(std::ostream& out, const std::vector<T>& entries, const char* sep, const DisplayNames* names) {
    std::string buf;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        buf = i ? std::string(",") + sep : std::string();
        append_json(buf, entries[i], names);
        out << buf;
    }
}

class JsonPrinter final : public Printer {
public:
    JsonPrinter(std::ostream& out, const TableStyle& style, bool lines)
        : out_(out), names_(style.names), lines_(lines) {}

    void claims(const std::vector<Claim>& claims) override {
        if (lines_) {
            ClaimStream stream(out_, Format::Jsonl, names_);
            for (const Claim& c : claims) stream.write(c);
            return;
        }
        nlohmann::json j = nlohmann::json::array();
        for (const Claim& c : claims) j.push_back(to_json(c, names_));
        out_ << dump(nlohmann::json{{"claims", j}}, 1) << '\n';
    }

    void conflicts(const ConflictReport& r) override {
        out_ << '{';
        write_conflict_members(out_, r, lines_ ? "" : "\n", names_);
        out_ << "}\n";
    }

    void documents(const std::vector<StoredDocument>& docs) override {
        nlohmann::json j = nlohmann::json::array();
        for (const auto& d : docs) j.push_back(to_json(d));
        out_ << dump(nlohmann::json{{"documents", j}}, 1) << '\n';
    }

    void assessments(const std::vector<Estimate>& rows) override {
        if (!lines_) out_ << "{\"assessments\":[\n";
        std::string buf;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            buf = i && !lines_ ? ",\n" : "";
            assessment(buf, rows[i]);
            out_ << buf << (lines_ ? "\n" : "");
        }
        if (!lines_) out_ << "]}\n";
    }

private:
    // What the assessment is, then its claims, first one first.
    void assessment(std::string& buf, const Estimate& a) {
        const Claim& c = a.first();
        nlohmann::json head{{"actor", c.actor.empty() ? nlohmann::json() : nlohmann::json(c.actor)},
                            {"approx", c.approx},
                            {"date", c.date->iso()},
                            {"increment", c.increment},
                            {"metric", to_string(*c.metric)},
                            {"phase", c.phase ? nlohmann::json(to_string(*c.phase)) : nlohmann::json()},
                            {"relayed_by", relays_of(a)},
                            {"source", c.source},
                            {"value", {{"low", number(c.value.low)}, {"high", number(c.value.high)}}}};
        if (names_ && !names_->empty()) head["source_name"] = names_->source(c.source).full;
        std::string h = dump(head);
        h.pop_back();  // reopen the object: the claims follow
        buf += h + ",\"claims\":[";
        for (std::size_t i = 0; i < a.claims.size(); ++i) {
            if (i) buf += ',';
            append_json(buf, *a.claims[i], names_);
        }
        buf += "]}";
    }

    std::ostream& out_;
    const DisplayNames* names_;
    bool lines_;
};

}  // namespace

void write_conflict_members(std::ostream& out, const ConflictReport& r, const char* sep, const DisplayNames* names) {
    out << "\"conflicts\":[" << sep;
    list(out, r.conflicts, sep, names);
    out << "]," << sep << "\"corroborations\":[" << sep;
    list(out, r.corroborations, sep, names);
    out << "]," << sep;
    if (!r.explanations.empty()) out << "\"explanations\":" << dump(r.explanations) << "," << sep;
    out << "\"revisions\":[" << sep;
    list(out, r.revisions, sep, names);
    out << ']';
}

std::unique_ptr<Printer> json_printer(std::ostream& out, const TableStyle& style, bool lines) {
    return std::make_unique<JsonPrinter>(out, style, lines);
}

}  // namespace nkclaims
