-- 0001: articles and their full-text index.
--
-- articles keeps one row per distinct article id (the stable hash id from
-- internal/source, or the id given by a JSON Lines input). seq, the integer
-- row key, is also the key of the full-text index, an external-content FTS5
-- table: the text is stored once, in articles. Later stages (entities,
-- quotes, events) refer to articles.id.
--
-- Keeping articles_fts in step: the code that inserts an article inserts its
-- index row in the same transaction (store.SQLite.PutArticles). It is not an
-- AFTER INSERT trigger because a trigger makes every INSERT a statement
-- transaction, and FTS5 flushes its pending index to disk at each one: one
-- index segment per article and an ingest several times slower. Deletes and
-- updates, rare, go through the triggers below.
CREATE TABLE articles (
    seq         INTEGER PRIMARY KEY, -- insertion order; the key of articles_fts
    id          TEXT NOT NULL UNIQUE,
    url         TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL DEFAULT '',
    authors     TEXT NOT NULL DEFAULT '[]', -- JSON array of names
    published   TEXT NOT NULL DEFAULT '',   -- RFC 3339 with the input's zone, or YYYY-MM-DD, or ''
    language    TEXT NOT NULL DEFAULT '',
    origin      TEXT NOT NULL DEFAULT '',
    format      TEXT NOT NULL DEFAULT '',
    ingested_at TEXT NOT NULL,              -- RFC 3339, UTC
    chars       INTEGER NOT NULL,           -- length of text in code points
    text        TEXT NOT NULL               -- last, so that reading the other columns never walks its overflow pages
);

-- The publication date in the article's own zone: what --since/--until and
-- the date range in stats compare against.
CREATE INDEX articles_published_day ON articles (substr(published, 1, 10));
CREATE INDEX articles_source ON articles (source COLLATE NOCASE);
CREATE INDEX articles_language ON articles (language);

-- No stemming, so that prefix queries behave as typed (with porter,
-- "negotiat*" would miss "negotiations"); diacritics are folded so that
-- "negociateurs" finds "négociateurs".
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title,
    text,
    content = 'articles',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Let a write transaction gather up to 8 MiB of index entries in memory
-- (default 1 MiB) before it writes them out: fewer, larger index segments
-- and less merging during an ingest.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 8388608);

-- The rank column: BM25 with a word in the title weighing ten times a word
-- in the text. ORDER BY rank lets FTS5 sort the matches itself, so that
-- snippets are only made for the rows returned.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0)');

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
