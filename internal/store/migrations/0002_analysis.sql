-- 0002: what the analysis found in each article: entities with their
-- actors, quotes with their speakers, and coded events. Rows are replaced
-- whole, per article, when an article is analysed again (PutAnalysis).
-- Offsets are Unicode code points into articles.text, as in dyad extract's
-- records. record holds the contract's JSON of the quote or event, so that
-- exports need no re-analysis.
CREATE TABLE analyses (
    article_id  TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    analyzed_at TEXT NOT NULL,            -- RFC 3339, UTC
    error       TEXT NOT NULL DEFAULT ''  -- why the analysis failed, '' when it did not
);

CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    type       TEXT NOT NULL,             -- PER, ORG, LOC, NORP
    actor_id   TEXT NOT NULL DEFAULT '',  -- knowledge-base id, '' when unresolved
    name       TEXT NOT NULL DEFAULT '',
    code       TEXT NOT NULL DEFAULT '',  -- CAMEO actor code on the article's date
    country    TEXT NOT NULL DEFAULT '',
    sector     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX entities_article ON entities (article_id);
CREATE INDEX entities_code ON entities (code);
CREATE INDEX entities_actor ON entities (actor_id);
CREATE INDEX entities_name ON entities (name COLLATE NOCASE);
CREATE INDEX entities_country ON entities (country);

CREATE TABLE quotes (
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,          -- position in the article's quotes
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    kind         TEXT NOT NULL,             -- direct, indirect, mixed
    speaker_text TEXT NOT NULL DEFAULT '',  -- the mention: "he", "Peskov"
    speaker_name TEXT NOT NULL DEFAULT '',  -- who it resolves to
    speaker_code TEXT NOT NULL DEFAULT '',
    record       TEXT NOT NULL,             -- the quote's JSON record
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX quotes_speaker_name ON quotes (speaker_name COLLATE NOCASE);
CREATE INDEX quotes_speaker_code ON quotes (speaker_code);

CREATE TABLE events (
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    cameo        TEXT NOT NULL,
    root         TEXT NOT NULL,              -- first two digits of cameo
    plover       TEXT NOT NULL DEFAULT '',
    quad         INTEGER NOT NULL DEFAULT 0,
    goldstein    REAL NOT NULL DEFAULT 0,
    source_codes TEXT NOT NULL DEFAULT '',   -- space-separated actor codes
    target_codes TEXT NOT NULL DEFAULT '',
    date         TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD
    negated      INTEGER NOT NULL DEFAULT 0,
    hypothetical INTEGER NOT NULL DEFAULT 0,
    record       TEXT NOT NULL,              -- the event's JSON record
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX events_root ON events (root);
CREATE INDEX events_date ON events (date);
