package source

import "time"

// Article is one news article as read from a source, before any analysis.
// Text keeps paragraph breaks as "\n\n"; every later offset points into it.
type Article struct {
	// ID is stable: the hex SHA-256 prefix of the normalised text (see ID), or
	// the id given by the input (JSON Lines) when it has one.
	ID        string
	URL       string
	Source    string // outlet or site name, e.g. "BBC News"
	Title     string
	Authors   []string
	Published time.Time // zero when unknown; keeps the zone when the input gives one
	// HasTime is false when the input gave only a date (no time of day).
	HasTime  bool
	Language string // ISO 639-1 code when detected ("en"), "" when unknown
	Text     string
	// Origin says where the article was read from: a file path with a line
	// or record number ("feed.jsonl:12", "crawl.warc.gz#340"), or a URL.
	Origin string
	// Format is the reader that produced the article: "text", "html",
	// "jsonl", "feed", "warc".
	Format string
}
