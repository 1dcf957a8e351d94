package main

// Helpers shared by the article commands (ingest, search, show, list, stats,
// export): opening the store, the filter flags, terminal detection and the
// JSON form of a stored article.

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dyad-news/dyad/internal/store"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// openStoreForReading opens the database for a command that only reads it,
// failing with a hint when there is none yet.
func openStoreForReading(ctx context.Context, g *globals) (*store.SQLite, error) {
	return store.Open(ctx, g.db, store.OpenOptions{MustExist: true})
}

// filterFlags are the --source, --actor, --since, --until and --limit flags
// of the commands that select articles.
type filterFlags struct {
	source, actor, since, until string
	limit                       int
}

func (f *filterFlags) register(cmd *cobra.Command, defaultLimit int) {
	fl := cmd.Flags()
	fl.StringVar(&f.source, "source", "", "only articles from this outlet (case ignored)")
	fl.StringVar(&f.since, "since", "", "only articles published on or after this date (YYYY-MM-DD)")
	fl.StringVar(&f.until, "until", "", "only articles published on or before this date (YYYY-MM-DD)")
	fl.StringVar(&f.actor, "actor", "", "only articles mentioning this actor: a CAMEO code or prefix (RUSGOV, RUS), an id or a name")
	limitHelp := "at most this many articles (0: all)"
	fl.IntVarP(&f.limit, "limit", "n", defaultLimit, limitHelp)
}

// filter checks the flags and turns them into a store.Filter.
func (f *filterFlags) filter() (store.Filter, error) {
	out := store.Filter{Source: f.source, Actor: f.actor, Limit: f.limit}
	if f.limit < 0 {
		return out, fmt.Errorf("--limit must be 0 or more, got %d", f.limit)
	}
	var err error
	if out.Since, err = parseDayFlag("since", f.since); err != nil {
		return out, err
	}
	if out.Until, err = parseDayFlag("until", f.until); err != nil {
		return out, err
	}
	if !out.Since.IsZero() && !out.Until.IsZero() && out.Until.Before(out.Since) {
		return out, fmt.Errorf("--until %s is before --since %s", f.until, f.since)
	}
	return out, nil
}

func parseDayFlag(name, v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return time.Time{}, fmt.Errorf("--%s: want a date as YYYY-MM-DD, got %q", name, v)
	}
	return t, nil
}

// isTerminalWriter tells whether w is a terminal (not a pipe or a file).
func isTerminalWriter(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// colorWanted tells whether to colour output written to w: on a terminal,
// unless NO_COLOR is set (https://no-color.org).
func colorWanted(w io.Writer) bool {
	return isTerminalWriter(w) && os.Getenv("NO_COLOR") == ""
}

// articleJSON is a stored article in the JSON output of list, show and
// search. Text is left out by list.
type articleJSON struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Source     string   `json:"source"`
	URL        string   `json:"url"`
	Published  string   `json:"published"` // RFC 3339, or YYYY-MM-DD when the time is unknown, "" when undated
	Authors    []string `json:"authors"`
	Language   string   `json:"language"`
	Origin     string   `json:"origin"`
	Format     string   `json:"format"`
	IngestedAt string   `json:"ingested_at"`
	Chars      int      `json:"chars"`
	Text       string   `json:"text,omitempty"`
}

func toArticleJSON(a store.StoredArticle) articleJSON {
	authors := a.Authors
	if authors == nil {
		authors = []string{}
	}
	return articleJSON{
		ID: a.ID, Title: a.Title, Source: a.Source, URL: a.URL,
		Published: publishedString(a.Published, a.HasTime), Authors: authors,
		Language: a.Language, Origin: a.Origin, Format: a.Format,
		IngestedAt: a.IngestedAt.Format(time.RFC3339), Chars: a.Chars, Text: a.Text,
	}
}

// publishedString is the publication time as stored: RFC 3339 with the zone
// when the time of day is known, the date alone when not.
func publishedString(t time.Time, hasTime bool) string {
	switch {
	case t.IsZero():
		return ""
	case hasTime:
		return t.Format(time.RFC3339)
	default:
		return t.Format(time.DateOnly)
	}
}

// publishedDay is the publication date for tables, "-" when unknown.
func publishedDay(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format(time.DateOnly)
}

// oneLine collapses white space (paragraph breaks included) to single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// clip shortens s to at most n characters, ending with "…" when cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// thousands writes n with thousands separators: 12,345.
func thousands(n int64) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// humanBytes writes a size as 1.2 MB.
func humanBytes(n int64) string {
	const unit = 1000
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %cB", float64(n)/float64(div), "kMGTPE"[exp])
}

// writeJSONLines writes one JSON object per row, converted by conv, with
// HTML characters left as they are.
func writeJSONLines[T any](w io.Writer, rows []T, conv func(T) any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range rows {
		if err := enc.Encode(conv(r)); err != nil {
			return err
		}
	}
	return nil
}

// openInput opens the FILE argument of a command that reads one input: a
// file, or standard input for "-" or no argument. It returns the reader,
// the name to use in messages and a function that closes the file.
func openInput(g *globals, args []string) (r io.Reader, name string, closeFn func(), err error) {
	if len(args) == 0 || args[0] == "-" {
		return g.stdin, "<stdin>", func() {}, nil
	}
	f, err := os.Open(args[0])
	if err != nil {
		return nil, "", nil, err
	}
	return f, args[0], func() { f.Close() }, nil
}
