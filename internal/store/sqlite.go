package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dyad-news/dyad/internal/source"

	"modernc.org/sqlite" // the "sqlite" database/sql driver
	sqlite3 "modernc.org/sqlite/lib"
)

// SQLite is the embedded article store: one database file in WAL mode, safe
// for one writer and many readers, also across processes.
type SQLite struct {
	db   *sql.DB
	path string
}

// OpenOptions changes how Open opens a database.
type OpenOptions struct {
	// MustExist makes Open fail with ErrNoDatabase rather than create a new
	// database; read-only commands set it.
	MustExist bool
}

// Open opens (creating it unless opts.MustExist) the SQLite database at path
// and brings its schema up to date with the embedded migrations.
func Open(ctx context.Context, path string, opts OpenOptions) (*SQLite, error) {
	if path == "" {
		return nil, errors.New("open database: empty path")
	}
	if strings.ContainsRune(path, '?') {
		return nil, fmt.Errorf("open database %s: the path must not contain '?'", path)
	}
	if opts.MustExist {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%w at %s (run dyad ingest first, or give --db)", ErrNoDatabase, path)
		}
	}
	// BEGIN IMMEDIATE: a write transaction takes the lock when it starts, so
	// that two writers wait for each other (busy_timeout) rather than fail
	// on lock upgrade. synchronous=NORMAL in WAL mode keeps the database
	// consistent on a crash; only the last transactions may be lost. A 32 MB
	// page cache keeps the full-text index merges of a large ingest in memory;
	// 8 KiB pages (fixed when the file is created) mean fewer page writes.
	dsn := path + "?_busy_timeout=10000&_journal_mode=WAL&_synchronous=NORMAL&_foreign_keys=1&_txlock=immediate&_pragma=cache_size(-32768)&_pragma=page_size(8192)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	ms, err := Migrations()
	if err != nil {
		db.Close()
		return nil, err
	}
	if _, err := Migrate(ctx, db, ms); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return &SQLite{db: db, path: path}, nil
}

// Close closes the database.
func (s *SQLite) Close() error { return s.db.Close() }

// DB returns the underlying database, for stages that add their own tables
// through a migration and query them directly.
func (s *SQLite) DB() *sql.DB { return s.db }

// Path returns the database file name.
func (s *SQLite) Path() string { return s.path }

// CheckIntegrity runs SQLite's integrity check and FTS5's check that the
// full-text index matches the articles, and returns an error describing the
// first problem found.
func (s *SQLite) CheckIntegrity(ctx context.Context) error {
	var res string
	if err := s.db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res); err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	if res != "ok" {
		return fmt.Errorf("integrity check: %s", res)
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		return fmt.Errorf("full-text index check: %w", err)
	}
	return nil
}

// SchemaVersion returns the number of the last migration applied.
func (s *SQLite) SchemaVersion(ctx context.Context) (int, error) { return schemaVersion(ctx, s.db) }

const insertArticle = `INSERT OR IGNORE INTO articles
    (id, url, source, title, authors, published, language, origin, format, ingested_at, chars, text)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// indexArticle adds an article to the full-text index; see the comment in
// migrations/0001_articles.sql for why this is not a trigger.
const indexArticle = `INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)`

// PutArticles stores, in one transaction, the articles whose ID is not stored
// yet, and returns how many it added. An article without ID or text makes it
// return an *ArticleError before anything is written.
func (s *SQLite) PutArticles(ctx context.Context, articles []source.Article) (int, error) {
	for _, a := range articles {
		switch {
		case a.ID == "":
			return 0, &ArticleError{Origin: a.Origin, Err: fmt.Errorf("%w: no id", ErrInvalidArticle)}
		case a.Text == "":
			return 0, &ArticleError{Origin: a.Origin, Err: fmt.Errorf("%w: no text", ErrInvalidArticle)}
		}
	}
	if len(articles) == 0 {
		return 0, nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("store articles: %w", err)
	}
	defer tx.Rollback()
	insert, err := tx.PrepareContext(ctx, insertArticle)
	if err != nil {
		return 0, fmt.Errorf("store articles: %w", err)
	}
	defer insert.Close()
	index, err := tx.PrepareContext(ctx, indexArticle)
	if err != nil {
		return 0, fmt.Errorf("store articles: %w", err)
	}
	defer index.Close()
	now := time.Now().UTC().Format(time.RFC3339)
	added := 0
	for _, a := range articles {
		authors := "[]"
		if len(a.Authors) > 0 {
			b, err := json.Marshal(a.Authors)
			if err != nil {
				return 0, err
			}
			authors = string(b)
		}
		res, err := insert.ExecContext(ctx, a.ID, a.URL, a.Source, a.Title, authors,
			formatPublished(a.Published, a.HasTime), a.Language, a.Origin, a.Format, now, utf8.RuneCountInString(a.Text), a.Text)
		if err != nil {
			return 0, fmt.Errorf("store article %s (%s): %w", a.ID, a.Origin, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return 0, err
		}
		if n == 0 {
			continue // already stored
		}
		seq, err := res.LastInsertId()
		if err != nil {
			return 0, err
		}
		if _, err := index.ExecContext(ctx, seq, a.Title, a.Text); err != nil {
			return 0, fmt.Errorf("index article %s (%s): %w", a.ID, a.Origin, err)
		}
		added++
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("store articles: %w", err)
	}
	return added, nil
}

// formatPublished is the stored form of a publication time: RFC 3339 with
// the input's zone when the time of day is known, the date alone when not,
// "" when unknown.
func formatPublished(t time.Time, hasTime bool) string {
	switch {
	case t.IsZero():
		return ""
	case hasTime:
		return t.Format(time.RFC3339)
	default:
		return t.Format(time.DateOnly)
	}
}

// parsePublished reverses formatPublished.
func parsePublished(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, true
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, false
	}
	return time.Time{}, false
}

// where renders f as SQL conditions on the articles table aliased a.
func (f Filter) where() (string, []any) {
	var conds []string
	var args []any
	if f.Source != "" {
		conds = append(conds, "a.source = ? COLLATE NOCASE")
		args = append(args, f.Source)
	}
	if !f.Since.IsZero() {
		conds = append(conds, "substr(a.published, 1, 10) >= ?")
		args = append(args, f.Since.Format(time.DateOnly))
	}
	if !f.Until.IsZero() {
		conds = append(conds, "a.published <> '' AND substr(a.published, 1, 10) <= ?")
		args = append(args, f.Until.Format(time.DateOnly))
	}
	if f.Actor != "" {
		conds = append(conds, `EXISTS (SELECT 1 FROM entities e WHERE e.article_id = a.id AND
			(e.code LIKE ? ESCAPE '\' OR e.actor_id = ? COLLATE NOCASE OR e.name = ? COLLATE NOCASE))`)
		args = append(args, likePrefix(strings.ToUpper(f.Actor)), f.Actor, f.Actor)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return strings.Join(conds, " AND "), args
}

func (f Filter) limit() string {
	if f.Limit > 0 {
		return " LIMIT " + strconv.Itoa(f.Limit)
	}
	return ""
}

const articleColumns = `a.id, a.url, a.source, a.title, a.authors, a.published, a.language, a.origin, a.format, a.ingested_at, a.chars`

func scanArticle(sc interface{ Scan(...any) error }, withText bool) (StoredArticle, error) {
	var a StoredArticle
	var authors, published, ingested string
	dest := []any{&a.ID, &a.URL, &a.Source, &a.Title, &authors, &published, &a.Language, &a.Origin, &a.Format, &ingested, &a.Chars}
	if withText {
		dest = append(dest, &a.Text)
	}
	if err := sc.Scan(dest...); err != nil {
		return a, err
	}
	if authors != "" && authors != "[]" {
		if err := json.Unmarshal([]byte(authors), &a.Authors); err != nil {
			return a, fmt.Errorf("article %s: authors: %w", a.ID, err)
		}
	}
	a.Published, a.HasTime = parsePublished(published)
	a.IngestedAt, _ = time.Parse(time.RFC3339, ingested)
	return a, nil
}

// Get returns the article with this id or, failing that, the only article
// whose id starts with it.
func (s *SQLite) Get(ctx context.Context, id string) (StoredArticle, error) {
	if id == "" {
		return StoredArticle{}, &LookupError{ID: id, Err: ErrNotFound}
	}
	q := `SELECT ` + articleColumns + `, a.text FROM articles a WHERE a.id = ?`
	a, err := scanArticle(s.db.QueryRowContext(ctx, q, id), true)
	if err == nil {
		return a, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return a, err
	}
	// A prefix: the ids in [id, id+U+10FFFF) start with id.
	rows, err := s.db.QueryContext(ctx, `SELECT `+articleColumns+`, a.text FROM articles a
        WHERE a.id >= ? AND a.id < ? ORDER BY a.id LIMIT 2`, id, id+"\U0010FFFF")
	if err != nil {
		return StoredArticle{}, err
	}
	defer rows.Close()
	var found []StoredArticle
	for rows.Next() {
		a, err := scanArticle(rows, true)
		if err != nil {
			return StoredArticle{}, err
		}
		found = append(found, a)
	}
	if err := rows.Err(); err != nil {
		return StoredArticle{}, err
	}
	switch len(found) {
	case 0:
		return StoredArticle{}, &LookupError{ID: id, Err: ErrNotFound}
	case 1:
		return found[0], nil
	default:
		return StoredArticle{}, &LookupError{ID: id, Matches: len(found), Err: ErrAmbiguous}
	}
}

// List returns the articles that pass f, newest first (undated last), without
// their Text.
func (s *SQLite) List(ctx context.Context, f Filter) ([]StoredArticle, error) {
	q := `SELECT ` + articleColumns + ` FROM articles a`
	cond, args := f.where()
	if cond != "" {
		q += " WHERE " + cond
	}
	q += ` ORDER BY a.published = '', a.published DESC, a.seq DESC` + f.limit()
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []StoredArticle
	for rows.Next() {
		a, err := scanArticle(rows, false)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Each calls fn with every article that passes f, with its Text, in the order
// they were stored.
func (s *SQLite) Each(ctx context.Context, f Filter, fn func(StoredArticle) error) error {
	q := `SELECT ` + articleColumns + `, a.text FROM articles a`
	cond, args := f.where()
	if cond != "" {
		q += " WHERE " + cond
	}
	q += ` ORDER BY a.seq` + f.limit()
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanArticle(rows, true)
		if err != nil {
			return err
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Search returns the articles that match q.Text, best first: the rank of
// articles_fts, BM25 with title matches weighing ten times text matches (see
// migrations/0001_articles.sql).
func (s *SQLite) Search(ctx context.Context, q Query) ([]Hit, error) {
	if strings.TrimSpace(q.Text) == "" {
		return nil, &QueryError{Query: q.Text, Reason: "empty query"}
	}
	words := q.SnippetWords
	if words <= 0 {
		words = 24
	}
	if words > 64 {
		words = 64 // FTS5's maximum
	}
	sqlText := `SELECT a.id, a.source, a.url, a.language, a.published,
            highlight(articles_fts, 0, ?, ?),
            snippet(articles_fts, 1, ?, ?, '…', ?),
            articles_fts.rank
        FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
        WHERE articles_fts MATCH ?`
	args := []any{q.Mark[0], q.Mark[1], q.Mark[0], q.Mark[1], words, q.Text}
	if cond, fargs := q.Filter.where(); cond != "" {
		sqlText += " AND " + cond
		args = append(args, fargs...)
	}
	sqlText += ` ORDER BY articles_fts.rank` + q.Filter.limit()
	rows, err := s.db.QueryContext(ctx, sqlText, args...)
	if err != nil {
		return nil, queryError(q.Text, err)
	}
	defer rows.Close()
	var hits []Hit
	for rows.Next() {
		var h Hit
		var published string
		if err := rows.Scan(&h.ID, &h.Source, &h.URL, &h.Language, &published, &h.Title, &h.Snippet, &h.Score); err != nil {
			return nil, queryError(q.Text, err)
		}
		h.Score = -h.Score // SQLite's bm25 is lower for better matches
		h.Published, h.HasTime = parsePublished(published)
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, queryError(q.Text, err)
	}
	return hits, nil
}

// queryError turns SQLite's complaint about an FTS5 query into a *QueryError
// with the reason alone; other errors pass through.
func queryError(query string, err error) error {
	msg := sqliteResultCode.ReplaceAllString(err.Error(), "") // e.g. " (1)"
	var reason string
	switch {
	case strings.Contains(msg, "fts5:"):
		reason = strings.TrimSpace(msg[strings.Index(msg, "fts5:")+len("fts5:"):])
		reason = strings.Replace(reason, `syntax error near ""`, "syntax error at the end", 1)
		if strings.HasPrefix(reason, "syntax error") {
			reason += `; use words, "phrases", AND, OR, NOT, ( ) and prefix*, and put words with punctuation in quotes`
		}
	case strings.Contains(msg, "no such column"):
		col := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(msg[strings.Index(msg, "no such column")+len("no such column"):]), ":"))
		reason = "unknown column " + quote(col) + ` before ":" or "-" (the columns are title and text; put words with punctuation in quotes, e.g. "al-Assad")`
	case strings.Contains(msg, "unterminated string"), strings.Contains(msg, "unrecognized token"):
		reason = `unterminated phrase (a closing " is missing)`
	case isSQLiteError(err, sqlite3.SQLITE_ERROR):
		// The SQL is fixed, so a plain SQL error comes from the query text
		// (an FTS5 special query such as "*", a bad NEAR group, ...).
		reason = strings.TrimSpace(strings.TrimPrefix(msg, "SQL logic error:"))
		reason = strings.TrimSuffix(reason, ":")
		if reason == "" {
			reason = "not understood"
		}
		reason += `; use words, "phrases", AND, OR, NOT, ( ) and prefix*`
	default:
		return fmt.Errorf("search %s: %w", quote(query), err)
	}
	return &QueryError{Query: query, Reason: reason}
}

// isSQLiteError tells whether err is a SQLite error with this primary
// result code.
func isSQLiteError(err error, code int) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == code
}

var sqliteResultCode = regexp.MustCompile(`\s*\(\d+\)$`)

// Stats counts what the database holds.
func (s *SQLite) Stats(ctx context.Context) (Stats, error) {
	st := Stats{Path: s.path, Sources: []Count{}, Languages: []Count{}}
	var earliest, latest, last sql.NullString
	// Separate queries so that each can use an index rather than read the
	// whole table.
	for _, q := range []struct {
		sql  string
		dest []any
	}{
		{`SELECT count(*), coalesce(sum(chars), 0), max(ingested_at) FROM articles`, []any{&st.Articles, &st.TextChars, &last}},
		{`SELECT count(*) FROM articles WHERE published = ''`, []any{&st.Undated}},
		{`SELECT min(substr(published, 1, 10)) FROM articles WHERE substr(published, 1, 10) > ''`, []any{&earliest}},
		{`SELECT max(substr(published, 1, 10)) FROM articles`, []any{&latest}},
	} {
		if err := s.db.QueryRowContext(ctx, q.sql).Scan(q.dest...); err != nil {
			return st, fmt.Errorf("stats: %w", err)
		}
	}
	st.Earliest, st.Latest, st.LastIngest = earliest.String, latest.String, last.String
	var err error
	if st.Sources, err = s.counts(ctx, "source COLLATE NOCASE"); err != nil {
		return st, err
	}
	if st.Languages, err = s.counts(ctx, "language"); err != nil {
		return st, err
	}
	if st.Schema, err = s.SchemaVersion(ctx); err != nil {
		return st, err
	}
	for _, p := range []string{s.path, s.path + "-wal"} {
		if fi, err := os.Stat(p); err == nil {
			st.DiskBytes += fi.Size()
		}
	}
	return st, nil
}

// counts groups the articles by an indexed column expression (a constant,
// never user input).
func (s *SQLite) counts(ctx context.Context, column string) ([]Count, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+column+` AS v, count(*) AS n FROM articles GROUP BY v ORDER BY n DESC, v`)
	if err != nil {
		return nil, fmt.Errorf("stats by %s: %w", column, err)
	}
	defer rows.Close()
	out := []Count{}
	for rows.Next() {
		var c Count
		if err := rows.Scan(&c.Value, &c.Articles); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func quote(s string) string { return strconv.Quote(s) }
