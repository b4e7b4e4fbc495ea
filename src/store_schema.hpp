// The store's schema, private to the store: the tables of version 1 and the migrations from
// each version to the next (docs/schema.md describes every table, view and index).
#pragma once

namespace nkclaims::store_schema {

inline constexpr const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS documents (
    id            INTEGER PRIMARY KEY,
    path          TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    hash          TEXT NOT NULL,
    title         TEXT,
    outlet        TEXT,
    kind          TEXT,
    published     TEXT,
    recorded      TEXT,
    bytes         INTEGER NOT NULL,
    ingested_at   TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS claims (
    id            INTEGER PRIMARY KEY,
    doc_id        INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,
    span_begin    INTEGER NOT NULL,
    span_end      INTEGER NOT NULL,
    text          TEXT NOT NULL,
    value_low     REAL,
    value_high    REAL,
    approx        INTEGER NOT NULL DEFAULT 0,
    increment     INTEGER NOT NULL DEFAULT 0,
    metric        TEXT,
    phase         TEXT,
    actor         TEXT,
    stance        TEXT,
    source        TEXT,
    via           TEXT,
    location      TEXT,
    date          TEXT,
    date_first    TEXT,
    date_last     TEXT,
    event_date    TEXT,
    quote         TEXT NOT NULL,
    quote_begin   INTEGER NOT NULL,
    quote_end     INTEGER NOT NULL,
    rule          TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_by_doc ON claims(doc_id, span_begin);
CREATE INDEX IF NOT EXISTS claims_by_metric ON claims(metric, phase, actor, date_first);
CREATE INDEX IF NOT EXISTS claims_by_source ON claims(source);
CREATE INDEX IF NOT EXISTS claims_by_date ON claims(date_first);
CREATE VIEW IF NOT EXISTS v_claims AS
    SELECT d.name AS doc, c.kind, c.text, c.value_low, c.value_high, c.approx, c.increment, c.metric,
           c.phase, c.actor, c.stance, c.source, c.via, c.location, c.date, c.event_date, c.quote,
           c.span_begin, c.span_end, c.rule, d.title, d.outlet, d.path
    FROM claims c JOIN documents d ON d.id = c.doc_id;
)SQL";

// kMigrations[v] takes a database from version v + 1 to v + 2. A new database is made at
// version 1 and migrated like any other, so every path is the same path.
inline constexpr const char* kMigrations[] = {
    R"SQL(
CREATE TABLE conflicts (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL,
    topic     TEXT NOT NULL,
    reason    TEXT NOT NULL,
    severity  REAL NOT NULL,
    gap_days  INTEGER NOT NULL
);
CREATE TABLE conflict_claims (
    conflict_id INTEGER NOT NULL REFERENCES conflicts(id) ON DELETE CASCADE,
    claim_id    INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    PRIMARY KEY (conflict_id, position)
);
CREATE INDEX conflict_claims_by_claim ON conflict_claims(claim_id);
DROP VIEW v_claims;
CREATE VIEW v_claims AS
    SELECT c.id AS claim_id, d.name AS doc, c.kind, c.text, c.value_low, c.value_high, c.approx, c.increment,
           c.metric, c.phase, c.actor, c.stance, c.source, c.via, c.location, c.date, c.event_date, c.quote,
           c.span_begin, c.span_end, c.rule, d.title, d.outlet, d.path
    FROM claims c JOIN documents d ON d.id = c.doc_id;
CREATE VIEW v_conflicts AS
    SELECT k.id AS conflict, k.kind AS conflict_kind, k.topic, k.reason, k.severity, k.gap_days, cc.position, v.*
    FROM conflicts k JOIN conflict_claims cc ON cc.conflict_id = k.id JOIN v_claims v ON v.claim_id = cc.claim_id;
)SQL",
    // Version 3: claims are listed document by document in name order, straight from the
    // indexes, instead of sorting half a million rows with their quotes; the metric in
    // claims_by_doc skips the rows of other metrics without reading them. No query of ours
    // used claims(metric, ...), claims(source) or claims(date_first) after that, and each cost
    // every inserted claim a random B-tree write (100 MB took 6.9 s to ingest with them, 2.7 s
    // without).
    R"SQL(
CREATE INDEX documents_by_name ON documents(name);
DROP INDEX claims_by_doc;
CREATE INDEX claims_by_doc ON claims(doc_id, span_begin, metric);
DROP INDEX IF EXISTS claims_by_source;
DROP INDEX IF EXISTS claims_by_date;
DROP INDEX IF EXISTS claims_by_metric;
)SQL",
    // Version 4: a document's claims are one run of ids, in the order of their positions, and
    // its row holds the run. A listing walks documents by name (documents_by_name covers all it
    // reads of them) and reads each run as a range of the claims table, instead of seeking the
    // table once for each entry of an index: the 460,000 troop claims of a million are read in
    // 0.23 s instead of 0.30 s. claims_by_doc is left with what deleting a document needs.
    R"SQL(
ALTER TABLE documents ADD COLUMN first_claim INTEGER;
ALTER TABLE documents ADD COLUMN last_claim INTEGER;
UPDATE documents SET first_claim = (SELECT min(id) FROM claims WHERE doc_id = documents.id),
                     last_claim = (SELECT max(id) FROM claims WHERE doc_id = documents.id);
DROP INDEX documents_by_name;
CREATE INDEX documents_by_name ON documents(name, id, first_claim, last_claim);
DROP INDEX claims_by_doc;
CREATE INDEX claims_by_doc ON claims(doc_id);
)SQL",
    // Version 5: CONTRACT.md version 2. Figures may be hypothetical ("if he sent 60,000"), kept
    // but never compared; stances say what they are about. `killed` and `wounded` are new metric
    // names in the existing column.
    R"SQL(
ALTER TABLE claims ADD COLUMN hypothetical INTEGER NOT NULL DEFAULT 0;
ALTER TABLE claims ADD COLUMN about TEXT;
DROP VIEW v_conflicts;
DROP VIEW v_claims;
CREATE VIEW v_claims AS
    SELECT c.id AS claim_id, d.name AS doc, c.kind, c.text, c.value_low, c.value_high, c.approx, c.increment,
           c.hypothetical, c.metric, c.phase, c.actor, c.stance, c.about, c.source, c.via, c.location, c.date,
           c.event_date, c.quote, c.span_begin, c.span_end, c.rule, d.title, d.outlet, d.path
    FROM claims c JOIN documents d ON d.id = c.doc_id;
CREATE VIEW v_conflicts AS
    SELECT k.id AS conflict, k.kind AS conflict_kind, k.topic, k.reason, k.severity, k.gap_days, cc.position, v.*
    FROM conflicts k JOIN conflict_claims cc ON cc.conflict_id = k.id JOIN v_claims v ON v.claim_id = cc.claim_id;
)SQL",
    // Version 6: v_latest, for people who open the database in sqlite3: the latest dated figure
    // of each source for each (actor, metric, phase), as `nkclaims latest` shows it. Hypothetical
    // figures are no one's assessment.
    R"SQL(
CREATE VIEW v_latest AS
    SELECT claim_id, actor, metric, phase, source, via, value_low, value_high, approx, increment, date, doc, text,
           quote, title, outlet
    FROM (SELECT v.*, row_number() OVER (PARTITION BY v.actor, v.metric, v.phase, v.source
                                         ORDER BY c.date_first DESC, c.date_last DESC, v.doc DESC,
                                                  v.span_begin DESC) AS newest
          FROM v_claims v JOIN claims c ON c.id = v.claim_id
          WHERE v.kind = 'figure' AND v.metric IS NOT NULL AND v.source IS NOT NULL AND c.date_first IS NOT NULL
                AND v.hypothetical = 0)
    WHERE newest = 1;
)SQL",
};

}  // namespace nkclaims::store_schema
