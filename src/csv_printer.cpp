// The CSV printer (RFC 4180, CRLF, formula-safe): one row per claim, per claim of a conflict,
// per assessment. Ids as stored; with display names, name columns beside them.
#include <fmt/format.h>

#include <cmath>

#include "nkclaims/printers.hpp"

namespace nkclaims {

std::string csv_field(std::string_view s) {
    std::string v(s);
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
        v.insert(v.begin(), '\'');
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string q = "\"";
    for (char c : v) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + "\"";
}

namespace {

std::string number(const std::optional<double>& v) {
    if (!v) return "";
    if (*v == std::trunc(*v) && std::fabs(*v) < 9e18) return fmt::format("{}", static_cast<long long>(*v));
    return fmt::format("{}", *v);
}

template <class E>
std::string name_of(const std::optional<E>& e) {
    return e ? std::string(to_string(*e)) : std::string();
}

std::string row(const std::vector<std::string>& fields) {
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i) line += (i ? "," : "") + csv_field(fields[i]);
    return line;
}

}  // namespace

std::string csv_claim_header(const DisplayNames* names) {
    return std::string(
               "doc,span_begin,span_end,kind,text,value_low,value_high,approx,increment,metric,phase,actor,"
               "stance,source,via,location,date,event_date,rule,quote") +
           (names ? ",source_name,via_name,location_name" : "");
}

std::string csv_claim_row(const Claim& c, const DisplayNames* names) {
    std::vector<std::string> f{c.doc,
                               std::to_string(c.span.begin),
                               std::to_string(c.span.end),
                               std::string(to_string(c.kind)),
                               c.as_written,
                               number(c.value.low),
                               number(c.value.high),
                               c.approx ? "true" : "false",
                               c.increment ? "true" : "false",
                               name_of(c.metric),
                               name_of(c.phase),
                               c.actor,
                               name_of(c.stance),
                               c.source,
                               c.via,
                               c.location,
                               c.date ? c.date->iso() : "",
                               c.event_date ? c.event_date->iso() : "",
                               to_string(c.rule),
                               c.quote};
    if (names) {
        f.push_back(c.source.empty() ? "" : names->source(c.source).full);
        f.push_back(c.via.empty() ? "" : names->source(c.via).full);
        f.push_back(c.location.empty() ? "" : names->place(c.location).full);
    }
    return row(f);
}

namespace {

class CsvPrinter final : public Printer {
public:
    CsvPrinter(std::ostream& out, const TableStyle& style) : out_(out), names_(style.names) {}

    void claims(const std::vector<Claim>& claims) override {
        ClaimStream stream(out_, Format::Csv, names_);
        for (const Claim& c : claims) stream.write(c);
    }

    void conflicts(const ConflictReport& r) override {
        // The conflict's columns are named apart from the claim's ("kind" is the claim's).
        out_ << "conflict,conflict_kind,topic,rank,severity,gap_days,new,side,reports," << csv_claim_header(names_)
             << "\r\n";
        for (std::size_t i = 0; i < r.conflicts.size(); ++i) {
            const Conflict& c = r.conflicts[i];
            for (std::size_t k = 0; k < c.claims.size(); ++k)
                out_ << fmt::format("{},{},{},{},{:.3f},{},{},{},{},", i + 1, to_string(c.kind), csv_field(c.topic),
                                    c.rank, c.severity, c.gap_days, c.fresh ? (*c.fresh ? "yes" : "no") : "", k + 1,
                                    k < c.reports.size() ? c.reports[k] : 1)
                     << csv_claim_row(*c.claims[k], names_) << "\r\n";
        }
    }

    void documents(const std::vector<StoredDocument>& docs) override {
        out_ << "name,path,hash,title,outlet,kind,published,recorded,bytes,claims\r\n";
        for (const auto& d : docs)
            out_ << row({d.name, d.path, d.hash, d.meta.title, d.meta.outlet, name_of(d.meta.kind),
                         d.meta.published ? iso_day(*d.meta.published) : "",
                         d.meta.recorded ? iso_day(*d.meta.recorded) : "", std::to_string(d.bytes),
                         std::to_string(d.claims)})
                 << "\r\n";
    }

    // An assessment is its first claim, with the count of claims folded into it and who relayed it.
    void assessments(const std::vector<Estimate>& rows) override {
        out_ << "assessment,claims,relayed_by," << csv_claim_header(names_) << "\r\n";
        for (std::size_t i = 0; i < rows.size(); ++i) {
            std::string relays;
            for (const auto& via : relays_of(rows[i])) relays += (relays.empty() ? "" : ";") + via;
            out_ << fmt::format("{},{},{},", i + 1, rows[i].claims.size(), csv_field(relays))
                 << csv_claim_row(rows[i].first(), names_) << "\r\n";
        }
    }

private:
    std::ostream& out_;
    const DisplayNames* names_;
};

}  // namespace

std::unique_ptr<Printer> csv_printer(std::ostream& out, const TableStyle& style) {
    return std::make_unique<CsvPrinter>(out, style);
}

}  // namespace nkclaims
