#include "store_rows.hpp"

#include <fmt/format.h>

#include <array>
#include <utility>

namespace nkclaims::store_rows {
namespace {

// A column of a result row. Columns are read through their values: sqlite3_column_text() and
// its kind each check the statement and the connection's error state again. The values are
// "unprotected", which only matters to a connection shared between threads, and ours never is.
struct Cell {
    sqlite3_value* v;
    std::string_view text() const {
        const auto* t = reinterpret_cast<const char*>(sqlite3_value_text(v));
        return t ? std::string_view(t, static_cast<std::size_t>(sqlite3_value_bytes(v))) : std::string_view{};
    }
    std::size_t size() const { return static_cast<std::size_t>(sqlite3_value_int64(v)); }
    bool flag() const { return sqlite3_value_int(v) != 0; }
    std::optional<double> number() const {
        if (sqlite3_value_type(v) == SQLITE_NULL) return std::nullopt;
        return sqlite3_value_double(v);
    }
};

// Binds one parameter after another, NULL for an empty text or a missing number.
struct Binder {
    SQLite::Statement& st;
    int i = 1;
    void text(std::string_view s) {
        if (s.empty())
            st.bind(i++);
        else
            st.bind(i++, std::string(s));
    }
    template <class E>
    void name(const std::optional<E>& e) {
        text(e ? to_string(*e) : std::string_view{});
    }
    void number(const std::optional<double>& v) {
        if (v)
            st.bind(i++, *v);
        else
            st.bind(i++);
    }
    void integer(std::int64_t v) { st.bind(i++, v); }
    void size(std::size_t v) { integer(static_cast<std::int64_t>(v)); }
    void flag(bool b) { st.bind(i++, b ? 1 : 0); }
};

// Which reads give a column: every read (Slim, what comparing needs), whole reads, or none
// (a column kept for the indexes and views of people who open the file in sqlite3).
enum class ReadBy { Slim, Whole, None };

// One column of the claims table and the field of a Claim it holds.
struct ClaimColumn {
    std::string_view name;
    ReadBy read_by;
    void (*bind)(Binder&, const Claim&);
    void (*read)(Cell, Claim&);
};

std::string iso_or_empty(const std::optional<DateRange>& d) { return d ? d->iso() : std::string{}; }

// The one place that says which column holds which field. Slim columns come first, in the order
// a slim read selects them; a new field of Claim gets a line here and a migration in store.cpp.
constexpr ClaimColumn kClaimColumns[] = {
    {"kind", ReadBy::Slim, [](Binder& b, const Claim& c) { b.text(to_string(c.kind)); },
     [](Cell v, Claim& c) { c.kind = parse_kind(v.text()).value_or(ClaimKind::Figure); }},
    {"span_begin", ReadBy::Slim, [](Binder& b, const Claim& c) { b.size(c.span.begin); },
     [](Cell v, Claim& c) { c.span.begin = v.size(); }},
    {"text", ReadBy::Slim, [](Binder& b, const Claim& c) { b.st.bind(b.i++, c.as_written); },
     [](Cell v, Claim& c) { c.as_written = v.text(); }},
    {"value_low", ReadBy::Slim, [](Binder& b, const Claim& c) { b.number(c.value.low); },
     [](Cell v, Claim& c) { c.value.low = v.number(); }},
    {"value_high", ReadBy::Slim, [](Binder& b, const Claim& c) { b.number(c.value.high); },
     [](Cell v, Claim& c) { c.value.high = v.number(); }},
    {"approx", ReadBy::Slim, [](Binder& b, const Claim& c) { b.flag(c.approx); },
     [](Cell v, Claim& c) { c.approx = v.flag(); }},
    {"increment", ReadBy::Slim, [](Binder& b, const Claim& c) { b.flag(c.increment); },
     [](Cell v, Claim& c) { c.increment = v.flag(); }},
    {"hypothetical", ReadBy::Slim, [](Binder& b, const Claim& c) { b.flag(c.hypothetical); },
     [](Cell v, Claim& c) { c.hypothetical = v.flag(); }},
    {"metric", ReadBy::Slim, [](Binder& b, const Claim& c) { b.name(c.metric); },
     [](Cell v, Claim& c) { c.metric = parse_metric(v.text()); }},
    {"phase", ReadBy::Slim, [](Binder& b, const Claim& c) { b.name(c.phase); },
     [](Cell v, Claim& c) { c.phase = parse_phase(v.text()); }},
    {"actor", ReadBy::Slim, [](Binder& b, const Claim& c) { b.text(c.actor); },
     [](Cell v, Claim& c) { c.actor = v.text(); }},
    {"stance", ReadBy::Slim, [](Binder& b, const Claim& c) { b.name(c.stance); },
     [](Cell v, Claim& c) { c.stance = parse_stance(v.text()); }},
    {"about", ReadBy::Slim, [](Binder& b, const Claim& c) { b.name(c.about); },
     [](Cell v, Claim& c) { c.about = parse_about(v.text()); }},
    {"source", ReadBy::Slim, [](Binder& b, const Claim& c) { b.text(c.source); },
     [](Cell v, Claim& c) { c.source = v.text(); }},
    {"via", ReadBy::Slim, [](Binder& b, const Claim& c) { b.text(c.via); }, [](Cell v, Claim& c) { c.via = v.text(); }},
    {"location", ReadBy::Slim, [](Binder& b, const Claim& c) { b.text(c.location); },
     [](Cell v, Claim& c) { c.location = v.text(); }},
    {"date", ReadBy::Slim, [](Binder& b, const Claim& c) { b.text(iso_or_empty(c.date)); },
     [](Cell v, Claim& c) { c.date = parse_iso_range(v.text()); }},
    // Comparing pairs two counts of one event by it, however far apart they were reported.
    {"event_date", ReadBy::Slim, [](Binder& b, const Claim& c) { b.text(iso_or_empty(c.event_date)); },
     [](Cell v, Claim& c) {
         const auto event = v.text();
         c.event_date = event.empty() ? std::nullopt : parse_iso_range(event);
     }},
    {"span_end", ReadBy::Whole, [](Binder& b, const Claim& c) { b.size(c.span.end); },
     [](Cell v, Claim& c) { c.span.end = v.size(); }},
    {"quote", ReadBy::Whole, [](Binder& b, const Claim& c) { b.st.bind(b.i++, c.quote); },
     [](Cell v, Claim& c) { c.quote = v.text(); }},
    {"quote_begin", ReadBy::Whole, [](Binder& b, const Claim& c) { b.size(c.quote_span.begin); },
     [](Cell v, Claim& c) { c.quote_span.begin = v.size(); }},
    {"quote_end", ReadBy::Whole, [](Binder& b, const Claim& c) { b.size(c.quote_span.end); },
     [](Cell v, Claim& c) { c.quote_span.end = v.size(); }},
    {"rule", ReadBy::Whole, [](Binder& b, const Claim& c) { b.st.bind(b.i++, to_string(c.rule)); },
     [](Cell v, Claim& c) { c.rule = parse_rule(v.text()).value_or(RuleRef{}); }},
    {"date_first", ReadBy::None, [](Binder& b, const Claim& c) { b.text(c.date ? iso_day(c.date->first) : ""); },
     nullptr},
    {"date_last", ReadBy::None, [](Binder& b, const Claim& c) { b.text(c.date ? iso_day(c.date->last) : ""); },
     nullptr},
};
constexpr std::size_t kColumnCount = std::size(kClaimColumns);

constexpr std::size_t count_read_by(ReadBy r) {
    std::size_t n = 0;
    for (const auto& col : kClaimColumns) n += col.read_by == r ? 1 : 0;
    return n;
}
constexpr std::size_t kSlimColumns = count_read_by(ReadBy::Slim);
constexpr std::size_t kReadColumns = kSlimColumns + count_read_by(ReadBy::Whole);

// Slim columns first, then whole ones, then the unread: the order select_claims() relies on.
constexpr bool columns_in_read_order() {
    for (std::size_t i = 0; i < kColumnCount; ++i) {
        const auto want = i < kSlimColumns ? ReadBy::Slim : i < kReadColumns ? ReadBy::Whole : ReadBy::None;
        if (kClaimColumns[i].read_by != want) return false;
    }
    return true;
}
static_assert(columns_in_read_order(), "kClaimColumns: slim columns, then whole ones, then unread ones");

// Reads columns [First, First + N) of the table from result columns starting at `at`; the
// indexes are constants, so each call is the column's own code, inlined.
template <std::size_t First, std::size_t... I>
void read_columns(sqlite3_stmt* st, int at, Claim& c, std::index_sequence<I...>) {
    (kClaimColumns[First + I].read(Cell{sqlite3_column_value(st, at + static_cast<int>(I))}, c), ...);
}

}  // namespace

const std::string& insert_claim_sql() {
    static const std::string sql = [] {
        std::string names = "doc_id", marks = "?";
        for (const auto& col : kClaimColumns) {
            names += fmt::format(", {}", col.name);
            marks += ",?";
        }
        return fmt::format("INSERT INTO claims({}) VALUES ({})", names, marks);
    }();
    return sql;
}

void bind_claim(SQLite::Statement& st, std::int64_t doc_id, const Claim& c) {
    Binder b{st};
    b.integer(doc_id);
    for (const auto& col : kClaimColumns) col.bind(b, c);
}

std::string select_claims(Columns columns, DocColumn doc) {
    std::string sql = doc == DocColumn::Name ? "SELECT c.id, d.name" : "SELECT c.id, c.doc_id";
    const std::size_t n = columns == Columns::Slim ? kSlimColumns : kReadColumns;
    for (std::size_t i = 0; i < n; ++i) sql += fmt::format(", c.{}", kClaimColumns[i].name);
    return sql + " ";
}

std::string claims_query(const ClaimFilter& f) {
    // A slim read scans the claims table in storage order: no join, no index, no sort. A whole
    // one walks documents by name and reads each one's run of claims in id order, which is the
    // order of their positions (schema version 4: the run holds the document's claims and no
    // others, so c.doc_id need not be read again). The filters on claims are written +c.x so
    // that SQLite never builds an index of its own for one.
    std::string sql = f.slim ? select_claims(Columns::Slim, DocColumn::Id) + "FROM claims c WHERE 1=1"
                             : select_claims(Columns::Whole, DocColumn::Name) +
                                   "FROM documents d INDEXED BY documents_by_name CROSS JOIN claims c "
                                   "ON c.id BETWEEN d.first_claim AND d.last_claim WHERE 1=1";
    if (f.metric) sql += " AND +c.metric = :metric";
    if (f.phase) sql += " AND +c.phase = :phase";
    if (!f.source.empty()) sql += " AND +c.source = :source";
    if (!f.doc.empty())
        sql += f.slim ? " AND c.doc_id IN (SELECT id FROM documents WHERE name = :doc)" : " AND d.name = :doc";
    if (f.since) sql += " AND +c.date_last >= :since";
    if (f.until) sql += " AND +c.date_first <= :until";
    if (!f.slim) sql += " ORDER BY d.name, d.id, c.id";
    return sql;
}

ClaimRows::ClaimRows(SQLite::Database& db, const std::string& sql, Columns columns, DocColumn doc)
    : db_(db), slim_(columns == Columns::Slim), docs_by_id_(doc == DocColumn::Id) {
    // A read passes over each page once or twice: 1 MB of cache stays in the processor's own
    // caches and is quick to fill, where the writer's 16 MB cost a page fault for each 4 KB.
    cache_pages_ = db.execAndGet("PRAGMA cache_size").getInt();
    db.exec("PRAGMA cache_size = -1024");
    check(sqlite3_prepare_v2(db.getHandle(), sql.c_str(), -1, &st_, nullptr));
    if (docs_by_id_) doc_names();
}

ClaimRows::ClaimRows(SQLite::Database& db, const ClaimFilter& f)
    : ClaimRows(db, claims_query(f), f.slim ? Columns::Slim : Columns::Whole,
                f.slim ? DocColumn::Id : DocColumn::Name) {
    if (f.metric) bind(":metric", to_string(*f.metric));
    if (f.phase) bind(":phase", to_string(*f.phase));
    if (!f.source.empty()) bind(":source", f.source);
    if (!f.doc.empty()) bind(":doc", f.doc);
    if (f.since) bind(":since", iso_day(*f.since));
    if (f.until) bind(":until", iso_day(*f.until));
}

ClaimRows::~ClaimRows() {
    sqlite3_finalize(st_);
    sqlite3_exec(db_.getHandle(), fmt::format("PRAGMA cache_size = {}", cache_pages_).c_str(), nullptr, nullptr,
                 nullptr);
}

bool ClaimRows::next(Claim& c) {
    const int rc = sqlite3_step(st_);
    if (rc == SQLITE_DONE) return false;
    if (rc != SQLITE_ROW) check(rc);
    c.id = sqlite3_column_int64(st_, 0);
    c.doc = docs_by_id_ ? doc_name(1) : Cell{sqlite3_column_value(st_, 1)}.text();
    read_columns<0>(st_, 2, c, std::make_index_sequence<kSlimColumns>{});
    if (slim_) {  // Columns::Slim ends here
        c.span.end = c.span.begin;
        return true;
    }
    read_columns<kSlimColumns>(st_, 2 + static_cast<int>(kSlimColumns), c,
                               std::make_index_sequence<kReadColumns - kSlimColumns>{});
    return true;
}

void ClaimRows::rewind(std::int64_t id) {
    check(sqlite3_reset(st_));
    check(sqlite3_bind_int64(st_, sqlite3_bind_parameter_index(st_, ":id"), id));
}

std::string_view ClaimRows::doc_name(int i) const {
    const auto doc = static_cast<std::size_t>(sqlite3_column_int64(st_, i));
    return doc < names_.size() ? std::string_view(names_[doc]) : std::string_view{};
}

void ClaimRows::doc_names() {
    sqlite3_stmt* st = nullptr;
    check(sqlite3_prepare_v2(db_.getHandle(), "SELECT id, name FROM documents", -1, &st, nullptr));
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const auto id = static_cast<std::size_t>(sqlite3_column_int64(st, 0));
        if (id >= names_.size()) names_.resize(id + 1);
        names_[id] = reinterpret_cast<const char*>(sqlite3_column_text(st, 1));
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) check(rc);
}

void ClaimRows::check(int rc) const {
    if (rc != SQLITE_OK) throw SQLite::Exception(db_.getHandle(), rc);
}

void ClaimRows::bind(const char* name, std::string_view value) {
    check(sqlite3_bind_text(st_, sqlite3_bind_parameter_index(st_, name), value.data(), static_cast<int>(value.size()),
                            SQLITE_TRANSIENT));
}

}  // namespace nkclaims::store_rows
