// Package store keeps articles (and, as later stages add them, their
// entities, quotes and events) in a database behind small interfaces. SQLite
// (pure Go, one file, WAL mode) is the embedded default; a PostgreSQL store
// can implement the same interfaces for a server.
//
// Typical use:
//
//	st, err := store.Open(ctx, "dyad.db", store.OpenOptions{})
//	if err != nil { ... }
//	defer st.Close()
//	added, err := st.PutArticles(ctx, articles) // one transaction; known ids are skipped
//	hits, err := st.Search(ctx, store.Query{Text: `"peace talks" AND Kremlin`, Filter: store.Filter{Limit: 10}})
//
// Search takes SQLite FTS5 query syntax: words (case and diacritics
// ignored), "phrases", AND, OR, NOT, parentheses, prefix*, and title: or
// text: before a word to search one field; an invalid query returns a
// *QueryError whose message is one line.
//
// # Schema and migrations
//
// The SQLite schema is the series of numbered files in migrations/
// (0001_articles.sql, ...), embedded in the binary and applied by Open in
// order, each in its own transaction with its row in schema_version, so a
// database is always at a whole version and Open on an up-to-date database
// changes nothing. A stage that needs tables (entities, quotes, events, ...)
// adds the next file, e.g. migrations/0002_quotes.sql, whose tables refer to
// articles(id); its methods go on *SQLite in a file of their own
// (quotes.go) behind a small interface declared here beside ArticleStore,
// with a var _ check. A released file is never edited: a change is a new
// file. ParseMigrations checks names and numbering, so the tests of this
// package catch two stages taking the same number.
//
// # Crash safety
//
// Every write is a transaction (PutArticles: one per batch), WAL with
// synchronous=NORMAL keeps the file consistent when the process is killed
// at any moment (cmd/dyad's TestIngestSurvivesKill checks it), and
// INSERT OR IGNORE on the article id makes a rerun add only what is missing.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/dyad-news/dyad/internal/source"
)

// ArticleStore is what the article commands need from a database.
type ArticleStore interface {
	// PutArticles stores the articles whose ID is not stored yet, in one
	// transaction, and returns how many it added; the others are duplicates.
	PutArticles(ctx context.Context, articles []source.Article) (added int, err error)
	// Get returns the article with this ID, or with the one ID that starts
	// with it. The error wraps ErrNotFound or ErrAmbiguous.
	Get(ctx context.Context, idOrPrefix string) (StoredArticle, error)
	// Search returns the best matches of q, best first.
	Search(ctx context.Context, q Query) ([]Hit, error)
	// List returns articles that pass f, newest first, without their Text.
	List(ctx context.Context, f Filter) ([]StoredArticle, error)
	// Each calls fn with every article that passes f, with its Text, in the
	// order they were stored, and stops at the first error fn returns.
	Each(ctx context.Context, f Filter, fn func(StoredArticle) error) error
	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)
	// Close releases the database.
	Close() error
}

var _ ArticleStore = (*SQLite)(nil)

// StoredArticle is an article as stored: the article as read plus what the
// store adds.
type StoredArticle struct {
	source.Article
	// Chars is the length of Text in code points (set even when List leaves
	// Text out).
	Chars      int
	IngestedAt time.Time
}

// Filter selects articles. Zero fields select everything.
type Filter struct {
	Source string    // outlet name, compared without case
	Since  time.Time // first publication date included (its calendar date)
	Until  time.Time // last publication date included (its calendar date)
	// Actor keeps articles with an entity of this actor: a CAMEO code or its
	// prefix ("RUSGOV", "RUS"), a knowledge-base id ("vladimir-putin") or a
	// name ("Vladimir Putin"), compared without case.
	Actor string
	Limit int // at most this many results; 0 is no limit
}

// Query is a full-text search.
type Query struct {
	// Text is an FTS5 query: words, "phrases", AND, OR, NOT, ( ), prefix*.
	Text string
	Filter
	// Mark surrounds the matched words in Hit.Title and Hit.Snippet, e.g.
	// [2]string{"\x1b[1m", "\x1b[0m"} on a terminal; none when empty.
	Mark [2]string
	// SnippetWords is the length of Hit.Snippet in words (default 24).
	SnippetWords int
}

// Hit is one search result.
type Hit struct {
	ID        string
	Title     string // with the matched words marked
	Source    string
	URL       string
	Language  string
	Published time.Time
	HasTime   bool
	// Snippet is the passage of the text that best matches, with the matched
	// words marked and "…" where it was cut.
	Snippet string
	// Score is the relevance (BM25, title words weigh more); higher is better.
	Score float64
}

// Count is a number of articles with one value of a field.
type Count struct {
	Value    string `json:"value"`
	Articles int    `json:"articles"`
}

// Stats describes what a store holds.
type Stats struct {
	Articles   int     `json:"articles"`
	Sources    []Count `json:"sources"`   // most articles first
	Languages  []Count `json:"languages"` // most articles first
	Earliest   string  `json:"earliest"`  // first publication date, YYYY-MM-DD, "" when none
	Latest     string  `json:"latest"`    // last publication date
	Undated    int     `json:"undated"`   // articles without a publication date
	TextChars  int64   `json:"text_chars"`
	DiskBytes  int64   `json:"disk_bytes"` // database files on disk
	Schema     int     `json:"schema_version"`
	Path       string  `json:"path"`
	LastIngest string  `json:"last_ingest"` // RFC 3339, "" when empty
}

// ErrNotFound is wrapped by Get's error when no article matches.
var ErrNotFound = errors.New("no such article")

// ErrAmbiguous is wrapped by Get's error when an ID prefix matches several
// articles.
var ErrAmbiguous = errors.New("ambiguous article id prefix")

// ErrNoDatabase is wrapped by Open's error when OpenOptions.MustExist is set
// and there is no database at the path.
var ErrNoDatabase = errors.New("no database")

// ErrBadQuery is wrapped by *QueryError.
var ErrBadQuery = errors.New("invalid search query")

// QueryError is an invalid search query, with the reason in plain words.
type QueryError struct {
	Query  string
	Reason string
}

func (e *QueryError) Error() string {
	return "invalid search query " + quote(e.Query) + ": " + e.Reason
}

func (e *QueryError) Unwrap() error { return ErrBadQuery }

// LookupError is a failed Get.
type LookupError struct {
	ID      string
	Matches int // articles whose id starts with ID (0 or ≥ 2)
	Err     error
}

func (e *LookupError) Error() string {
	if errors.Is(e.Err, ErrAmbiguous) {
		return "article id " + quote(e.ID) + " is ambiguous: it starts more than one id; give more characters"
	}
	return "no article with id " + quote(e.ID)
}

func (e *LookupError) Unwrap() error { return e.Err }

// ArticleError is an article that cannot be stored (no ID, no text).
type ArticleError struct {
	Origin string
	Err    error
}

func (e *ArticleError) Error() string { return e.Origin + ": " + e.Err.Error() }

func (e *ArticleError) Unwrap() error { return e.Err }

// ErrInvalidArticle is wrapped by *ArticleError.
var ErrInvalidArticle = errors.New("invalid article")
