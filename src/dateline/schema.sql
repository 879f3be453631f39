-- dateline's DuckDB store: one row per document and per extracted item, keyed by document id.
-- Spans are [start, end) character offsets into documents.text.
-- No table has a primary key. DuckDB keeps a key's index in memory, and it grows with every
-- row (about 1.3 KB a report over the item tables), where a long run's memory must stay flat.
-- store.py keeps what the keys would: a text is stored once (content_hash), a document id names
-- one text, and item ids are unique within their document; a report that breaks either becomes
-- a reject row.
CREATE TABLE IF NOT EXISTS documents (
    doc_id      VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,   -- sha256 of the text: the same report is never stored twice
    url         VARCHAR,
    outlet      VARCHAR,
    title       VARCHAR,
    published   DATE,
    language    VARCHAR,
    text        VARCHAR NOT NULL,
    report      JSON NOT NULL        -- the full dateline/1 output
);
CREATE TABLE IF NOT EXISTS places (
    doc_id VARCHAR, id VARCHAR, text VARCHAR, start_char INTEGER, end_char INTEGER, name VARCHAR,
    geonameid BIGINT, lat DOUBLE, lon DOUBLE, country_code VARCHAR, admin1 VARCHAR,
    feature_code VARCHAR, confidence DOUBLE, reason VARCHAR
);
CREATE TABLE IF NOT EXISTS times (
    doc_id VARCHAR, id VARCHAR, text VARCHAR, start_char INTEGER, end_char INTEGER, type VARCHAR,
    value VARCHAR, precision VARCHAR, part_of_day VARCHAR
);
CREATE TABLE IF NOT EXISTS actors (
    doc_id VARCHAR, id VARCHAR, text VARCHAR, start_char INTEGER, end_char INTEGER, name VARCHAR,
    country_code VARCHAR, sector VARCHAR, kind VARCHAR, variant_of VARCHAR
);
CREATE TABLE IF NOT EXISTS events (
    doc_id VARCHAR, id VARCHAR, trigger VARCHAR, start_char INTEGER, end_char INTEGER,
    event_type VARCHAR, sub_event_type VARCHAR, plover_type VARCHAR, mode VARCHAR, status VARCHAR,
    date_value VARCHAR, date_precision VARCHAR, date_inherited BOOLEAN, place_id VARCHAR,
    actor1_id VARCHAR, actor2_id VARCHAR, fatalities INTEGER, injured INTEGER, damage VARCHAR,
    evidence_start INTEGER, evidence_end INTEGER
);
CREATE TABLE IF NOT EXISTS claims (
    doc_id VARCHAR, id VARCHAR, source VARCHAR, source_actor_id VARCHAR, cue VARCHAR,
    stance VARCHAR, content VARCHAR, content_start INTEGER, content_end INTEGER,
    event_ids VARCHAR[]
);
CREATE TABLE IF NOT EXISTS flags (
    doc_id VARCHAR, kind VARCHAR, message VARCHAR, spans INTEGER[][]
);
CREATE TABLE IF NOT EXISTS rejects (
    source VARCHAR, line INTEGER, reason VARCHAR, rejected_at TIMESTAMP DEFAULT current_timestamp
);
