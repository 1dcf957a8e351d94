package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dyad-news/dyad/internal/source"
	"github.com/google/go-cmp/cmp"
)

// fixtures are invented articles.
var fixtures = []source.Article{
	{ID: "a1f0", Source: "Daily Harbour", Title: "Ministers resume peace talks in Valdora",
		Text:      "Negotiators from Valdora and Ostmark met again on Monday. The peace talks had stalled in March over border checkpoints.",
		Published: time.Date(2025, 3, 31, 9, 30, 0, 0, time.FixedZone("", 3*3600)), HasTime: true,
		Authors: []string{"Ana Ruiz", "Tom Black"}, Language: "en", URL: "https://harbour.example/peace", Origin: "a.txt", Format: "text"},
	{ID: "a1f1", Source: "Daily Harbour", Title: "Harbour strike ends",
		Text:      "Dock workers voted to end the strike after the port authority negotiated a new wage deal. Peace returned to the quays.",
		Published: time.Date(2025, 4, 2, 0, 0, 0, 0, time.UTC), HasTime: false, Language: "en", Origin: "b.txt", Format: "text"},
	{ID: "b200", Source: "Ostmark Post", Title: "Border checkpoints reopen",
		Text:      "The government of Ostmark reopened three checkpoints. Officials said the talks in Valdora would continue.",
		Published: time.Date(2025, 4, 10, 12, 0, 0, 0, time.UTC), HasTime: true, Language: "en", Origin: "c.jsonl:1", Format: "jsonl"},
	{ID: "c300", Source: "Le Quotidien", Title: "Les pourparlers reprennent",
		Text:     "Les négociateurs se sont retrouvés lundi à Valdora pour reprendre les pourparlers.",
		Language: "fr", Origin: "c.jsonl:2", Format: "jsonl"},
}

func openTemp(t testing.TB) *SQLite {
	t.Helper()
	st, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"), OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func openWithFixtures(t *testing.T) *SQLite {
	t.Helper()
	st := openTemp(t)
	if _, err := st.PutArticles(context.Background(), fixtures); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestMigrationsFromEmptyAndAgain(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	ms, err := Migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 || ms[0].Name != "0001_articles.sql" {
		t.Fatalf("embedded migrations = %v, want 0001_articles.sql first", ms)
	}
	st, err := Open(ctx, path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	v, err := st.SchemaVersion(ctx)
	if err != nil || v != len(ms) {
		t.Fatalf("schema version = %d, %v; want %d", v, err, len(ms))
	}
	n, err := Migrate(ctx, st.DB(), ms)
	if err != nil || n != 0 {
		t.Fatalf("second Migrate applied %d, %v; want 0, nil", n, err)
	}
	var rows int
	if err := st.DB().QueryRowContext(ctx, `SELECT count(*) FROM schema_version`).Scan(&rows); err != nil || rows != len(ms) {
		t.Fatalf("schema_version rows = %d, %v; want %d", rows, err, len(ms))
	}
	var mode string
	if err := st.DB().QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	st.Close()
	// Reopening an up-to-date database changes nothing.
	st, err = Open(ctx, path, OpenOptions{MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if v, _ := st.SchemaVersion(ctx); v != len(ms) {
		t.Errorf("schema version after reopen = %d, want %d", v, len(ms))
	}
}

func TestParseMigrations(t *testing.T) {
	tests := []struct {
		name    string
		files   []string
		wantErr string // substring; "" for success
	}{
		{"ordered", []string{"0001_a.sql", "0002_b.sql"}, ""},
		{"empty folder", nil, ""},
		{"gap", []string{"0001_a.sql", "0003_c.sql"}, "number 3 where 2 was expected"},
		{"repeat", []string{"0001_a.sql", "0001_b.sql"}, "number 1 where 2 was expected"},
		{"starts at two", []string{"0002_b.sql"}, "number 2 where 1 was expected"},
		{"bad name", []string{"0001_a.sql", "2_b.sql"}, "name must be"},
		{"upper case", []string{"0001_Articles.sql"}, "name must be"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for _, f := range tt.files {
				fsys[f] = &fstest.MapFile{Data: []byte("SELECT 1;")}
			}
			ms, err := ParseMigrations(fsys)
			if tt.wantErr == "" {
				if err != nil || len(ms) != len(tt.files) {
					t.Fatalf("got %d migrations, %v; want %d, nil", len(ms), err, len(tt.files))
				}
				return
			}
			var me *MigrationError
			if !errors.As(err, &me) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error = %v, want a *MigrationError containing %q", err, tt.wantErr)
			}
		})
	}
}

// A migration that fails leaves nothing of itself behind and the version
// where it was; a later run with the file fixed applies it.
func TestMigrateFailedMigrationRollsBack(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	base, _ := Migrations()
	next := len(base) + 1
	bad := append(base[:len(base):len(base)], Migration{Version: next, Name: fmt.Sprintf("%04d_broken.sql", next),
		SQL: "CREATE TABLE half (x INTEGER); CREATE TABLE oops (;"})
	if _, err := Migrate(ctx, st.DB(), bad); err == nil {
		t.Fatal("Migrate with a broken file: no error")
	}
	if v, _ := st.SchemaVersion(ctx); v != len(base) {
		t.Errorf("version after failed migration = %d, want %d", v, len(base))
	}
	var n int
	st.DB().QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE name = 'half'`).Scan(&n)
	if n != 0 {
		t.Error("table from the failed migration exists")
	}
	fixed := append(base[:len(base):len(base)], Migration{Version: next, Name: fmt.Sprintf("%04d_fixed.sql", next),
		SQL: "CREATE TABLE half (x INTEGER);"})
	if applied, err := Migrate(ctx, st.DB(), fixed); err != nil || applied != 1 {
		t.Fatalf("Migrate fixed = %d, %v; want 1, nil", applied, err)
	}
}

func TestOpenSchemaTooNew(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "new.db")
	st, err := Open(ctx, path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().ExecContext(ctx, `INSERT INTO schema_version VALUES (999, '0999_future.sql', '')`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if _, err := Open(ctx, path, OpenOptions{}); !errors.Is(err, ErrSchemaTooNew) {
		t.Fatalf("Open = %v, want ErrSchemaTooNew", err)
	}
}

func TestOpenMustExist(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing.db")
	if _, err := Open(context.Background(), path, OpenOptions{MustExist: true}); !errors.Is(err, ErrNoDatabase) {
		t.Fatalf("Open = %v, want ErrNoDatabase", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Error("Open with MustExist created the file")
	}
}

func TestPutArticlesDuplicates(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	tests := []struct {
		name  string
		batch []source.Article
		added int
		total int
	}{
		{"first", fixtures[:2], 2, 2},
		{"same again", fixtures[:2], 0, 2},
		{"one new, one old", fixtures[1:3], 1, 3},
		{"duplicate inside the batch", []source.Article{fixtures[3], fixtures[3]}, 1, 4},
		{"empty batch", nil, 0, 4},
	}
	for _, tt := range tests {
		added, err := st.PutArticles(ctx, tt.batch)
		if err != nil || added != tt.added {
			t.Errorf("%s: added %d, %v; want %d", tt.name, added, err, tt.added)
		}
		s, err := st.Stats(ctx)
		if err != nil || s.Articles != tt.total {
			t.Errorf("%s: %d articles, %v; want %d", tt.name, s.Articles, err, tt.total)
		}
	}
}

func TestPutArticlesInvalid(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	batch := []source.Article{fixtures[0], {Text: "no id", Origin: "x.txt"}}
	if _, err := st.PutArticles(ctx, batch); !errors.Is(err, ErrInvalidArticle) || !strings.Contains(err.Error(), "x.txt") {
		t.Fatalf("error = %v, want ErrInvalidArticle naming x.txt", err)
	}
	if s, _ := st.Stats(ctx); s.Articles != 0 {
		t.Errorf("a rejected batch stored %d articles", s.Articles)
	}
}

func TestGetRoundTrip(t *testing.T) {
	st := openWithFixtures(t)
	for _, want := range fixtures {
		got, err := st.Get(context.Background(), want.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.IngestedAt.IsZero() || got.Chars != len([]rune(want.Text)) {
			t.Errorf("%s: IngestedAt %v, Chars %d", want.ID, got.IngestedAt, got.Chars)
		}
		// Times compare by instant and zone offset.
		if !got.Published.Equal(want.Published) || got.Published.Format(time.RFC3339) != want.Published.Format(time.RFC3339) {
			t.Errorf("%s: published %v, want %v", want.ID, got.Published, want.Published)
		}
		got.Published, want.Published = time.Time{}, time.Time{}
		if diff := cmp.Diff(want, got.Article); diff != "" {
			t.Errorf("%s: stored article differs (-want +got):\n%s", want.ID, diff)
		}
	}
}

func TestGetPrefix(t *testing.T) {
	st := openWithFixtures(t)
	tests := []struct {
		id      string
		want    string
		wantErr error
	}{
		{"b200", "b200", nil},
		{"b2", "b200", nil},
		{"c", "c300", nil},
		{"a1f", "", ErrAmbiguous},
		{"a1f0", "a1f0", nil},
		{"zz", "", ErrNotFound},
		{"", "", ErrNotFound},
	}
	for _, tt := range tests {
		got, err := st.Get(context.Background(), tt.id)
		if !errors.Is(err, tt.wantErr) || got.ID != tt.want {
			t.Errorf("Get(%q) = %q, %v; want %q, %v", tt.id, got.ID, err, tt.want, tt.wantErr)
		}
	}
}

func TestSearch(t *testing.T) {
	st := openWithFixtures(t)
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	tests := []struct {
		name   string
		q      Query
		want   []string // ids, best first when ranked
		ranked bool     // the order of want is the expected ranking
	}{
		{"word in title ranks first", Query{Text: "checkpoints"}, []string{"b200", "a1f0"}, true},
		{"no stemming", Query{Text: "negotiate"}, nil, false},
		{"phrase", Query{Text: `"peace talks"`}, []string{"a1f0"}, false},
		{"AND", Query{Text: "talks AND Ostmark"}, []string{"a1f0", "b200"}, false},
		{"OR", Query{Text: "strike OR pourparlers"}, []string{"a1f1", "c300"}, false},
		{"NOT", Query{Text: "Valdora NOT checkpoints"}, []string{"c300"}, false},
		{"prefix", Query{Text: "negotiat*"}, []string{"a1f0", "a1f1"}, false},
		{"case and diacritics folded", Query{Text: "NEGOCIATEURS"}, []string{"c300"}, false},
		{"column filter", Query{Text: "title:peace"}, []string{"a1f0"}, false},
		{"source filter", Query{Text: "talks", Filter: Filter{Source: "ostmark post"}}, []string{"b200"}, false},
		{"since", Query{Text: "Valdora", Filter: Filter{Since: day("2025-04-01")}}, []string{"b200"}, false},
		{"until counts the zone's own date", Query{Text: "Valdora", Filter: Filter{Until: day("2025-03-31")}}, []string{"a1f0"}, false},
		{"limit keeps the best", Query{Text: "Valdora", Filter: Filter{Limit: 1}}, []string{"a1f0"}, true},
		{"no match", Query{Text: "volcano"}, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits, err := st.Search(context.Background(), tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range hits {
				got = append(got, h.ID)
			}
			if !tt.ranked {
				slices.Sort(got)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
			for i := 1; i < len(hits); i++ {
				if hits[i].Score > hits[i-1].Score {
					t.Errorf("hit %d scores %v above hit %d (%v)", i, hits[i].Score, i-1, hits[i-1].Score)
				}
			}
		})
	}
}

func TestSearchMarks(t *testing.T) {
	st := openWithFixtures(t)
	hits, err := st.Search(context.Background(), Query{Text: "checkpoints", Mark: [2]string{"[", "]"}, SnippetWords: 6})
	if err != nil || len(hits) == 0 {
		t.Fatalf("hits %v, %v", hits, err)
	}
	h := hits[0]
	if h.Title != "Border [checkpoints] reopen" {
		t.Errorf("title = %q", h.Title)
	}
	if !strings.Contains(h.Snippet, "[checkpoints]") || !strings.Contains(h.Snippet, "…") {
		t.Errorf("snippet = %q, want the marked word and an ellipsis", h.Snippet)
	}
	if h.Source != "Ostmark Post" || !h.HasTime || h.Published.Year() != 2025 {
		t.Errorf("metadata = %+v", h)
	}
}

func TestSearchBadQuery(t *testing.T) {
	st := openWithFixtures(t)
	tests := []struct {
		query string
		want  string // in the reason
	}{
		{`"peace talks`, "unterminated"},
		{`peace AND`, "syntax error"},
		{`(peace`, "syntax error"},
		{`AND OR`, "syntax error"},
		{`al-Assad`, "put words with punctuation in quotes"},
		{`author:ruiz`, "unknown column"},
		{`   `, "empty query"},
	}
	for _, tt := range tests {
		_, err := st.Search(context.Background(), Query{Text: tt.query})
		var qe *QueryError
		if !errors.As(err, &qe) || !errors.Is(err, ErrBadQuery) {
			t.Errorf("Search(%q) error = %v, want a *QueryError", tt.query, err)
			continue
		}
		msg := err.Error()
		if !strings.Contains(qe.Reason, tt.want) || strings.Contains(msg, "\n") || strings.Contains(msg, "SQL logic error") {
			t.Errorf("Search(%q) error = %q, want one line with %q and no SQLite dump", tt.query, msg, tt.want)
		}
	}
}

func TestListAndEach(t *testing.T) {
	ctx := context.Background()
	st := openWithFixtures(t)
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	tests := []struct {
		name     string
		f        Filter
		list     []string // newest first, undated last
		eachSeen []string // storage order
	}{
		{"all", Filter{}, []string{"b200", "a1f1", "a1f0", "c300"}, []string{"a1f0", "a1f1", "b200", "c300"}},
		{"source", Filter{Source: "DAILY HARBOUR"}, []string{"a1f1", "a1f0"}, []string{"a1f0", "a1f1"}},
		{"since until", Filter{Since: day("2025-04-01"), Until: day("2025-04-05")}, []string{"a1f1"}, []string{"a1f1"}},
		{"limit", Filter{Limit: 2}, []string{"b200", "a1f1"}, []string{"a1f0", "a1f1"}},
	}
	for _, tt := range tests {
		list, err := st.List(ctx, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, a := range list {
			got = append(got, a.ID)
			if a.Text != "" || a.Chars == 0 {
				t.Errorf("%s: List gave %s with Text %q, Chars %d; want no text and its length", tt.name, a.ID, a.Text, a.Chars)
			}
		}
		if diff := cmp.Diff(tt.list, got); diff != "" {
			t.Errorf("%s: List (-want +got):\n%s", tt.name, diff)
		}
		got = nil
		err = st.Each(ctx, tt.f, func(a StoredArticle) error {
			if a.Text == "" {
				t.Errorf("%s: Each gave %s without text", tt.name, a.ID)
			}
			got = append(got, a.ID)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.eachSeen, got); diff != "" {
			t.Errorf("%s: Each (-want +got):\n%s", tt.name, diff)
		}
	}
	stop := errors.New("stop")
	n := 0
	if err := st.Each(ctx, Filter{}, func(StoredArticle) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
		t.Errorf("Each did not stop at fn's error: %v after %d calls", err, n)
	}
}

func TestStats(t *testing.T) {
	st := openWithFixtures(t)
	s, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ms, err := Migrations()
	if err != nil {
		t.Fatal(err)
	}
	want := Stats{
		Articles:  4,
		Sources:   []Count{{"Daily Harbour", 2}, {"Le Quotidien", 1}, {"Ostmark Post", 1}},
		Languages: []Count{{"en", 3}, {"fr", 1}},
		Earliest:  "2025-03-31",
		Latest:    "2025-04-10",
		Undated:   1,
		Schema:    ms[len(ms)-1].Version,
		Path:      st.Path(),
	}
	for _, a := range fixtures {
		want.TextChars += int64(len([]rune(a.Text)))
	}
	if s.DiskBytes <= 0 || s.LastIngest == "" {
		t.Errorf("DiskBytes %d, LastIngest %q", s.DiskBytes, s.LastIngest)
	}
	s.DiskBytes, s.LastIngest = 0, ""
	if diff := cmp.Diff(want, s); diff != "" {
		t.Errorf("stats (-want +got):\n%s", diff)
	}
}

func TestPublishedForms(t *testing.T) {
	tests := []struct {
		t       time.Time
		hasTime bool
		want    string
	}{
		{time.Time{}, false, ""},
		{time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC), false, "2025-03-31"},
		{time.Date(2025, 3, 31, 23, 15, 0, 0, time.FixedZone("", -5*3600)), true, "2025-03-31T23:15:00-05:00"},
		{time.Date(2025, 3, 31, 8, 0, 0, 0, time.UTC), true, "2025-03-31T08:00:00Z"},
	}
	for _, tt := range tests {
		got := formatPublished(tt.t, tt.hasTime)
		if got != tt.want {
			t.Errorf("formatPublished(%v, %v) = %q, want %q", tt.t, tt.hasTime, got, tt.want)
		}
		back, hasTime := parsePublished(got)
		if !back.Equal(tt.t) || hasTime != tt.hasTime {
			t.Errorf("parsePublished(%q) = %v, %v", got, back, hasTime)
		}
	}
}

// generated makes n distinct invented articles of about 2 KB, the size of a
// typical news story.
func generated(n int) []source.Article {
	words := strings.Fields("the minister said talks with the delegation would continue next week while " +
		"officials in the capital denied reports of a new agreement on trade tariffs border security and energy prices")
	out := make([]source.Article, n)
	var b strings.Builder
	for i := range out {
		b.Reset()
		for j := 0; b.Len() < 2000; j++ {
			b.WriteString(words[(i*7+j*13)%len(words)])
			if j%17 == 16 {
				b.WriteString(". ")
			} else {
				b.WriteByte(' ')
			}
		}
		// Rarer words: each article has five of a thousand, as names and
		// places are spread over a real collection.
		for k := range 5 {
			fmt.Fprintf(&b, "kw%03d ", (i*31+k*197)%1000)
		}
		fmt.Fprintf(&b, "Story %d.", i)
		out[i] = source.Article{ID: fmt.Sprintf("%016x", i*2654435761), Title: fmt.Sprintf("Report number %d on talks", i),
			Source: "Generated Wire", Text: b.String(), Language: "en", Format: "jsonl",
			Published: time.Date(2025, 1, 1+i%300, 0, 0, 0, 0, time.UTC), Origin: fmt.Sprintf("gen.jsonl:%d", i+1)}
	}
	return out
}

// BenchmarkPutArticles stores batches of 500 generated articles (about 2 KB
// each) into a fresh database and reports articles per second.
func BenchmarkPutArticles(b *testing.B) {
	const n = 5000
	articles := generated(n)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		st, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"), OpenOptions{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for i := 0; i < n; i += 500 {
			if _, err := st.PutArticles(ctx, articles[i:min(i+500, n)]); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// Whatever the user types, Search answers with results or a *QueryError,
// never with another error.
func FuzzSearchQuery(f *testing.F) {
	for _, q := range []string{`peace`, `"peace talks"`, `a AND`, `(b OR c) NOT d`, `pre*`, `title:x`, `x:y`, `"`, `*`, `NEAR(a b, 2)`, `^start`, `a - b`, `'`, `{title text}: a`} {
		f.Add(q)
	}
	st := openTemp(f)
	if _, err := st.PutArticles(context.Background(), fixtures); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		_, err := st.Search(context.Background(), Query{Text: q, Filter: Filter{Limit: 5}})
		var qe *QueryError
		if err != nil && !errors.As(err, &qe) {
			t.Fatalf("Search(%q) = %v, want results or a *QueryError", q, err)
		}
	})
}

// BenchmarkSearch runs a mix of queries (a word in every article, rare words,
// a prefix, a phrase, a date filter) over 5,000 generated articles, ten
// results with snippets each, and reports queries per second.
func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	st := openTemp(b)
	articles := generated(5000)
	for i := 0; i < len(articles); i += 500 {
		if _, err := st.PutArticles(ctx, articles[i:i+500]); err != nil {
			b.Fatal(err)
		}
	}
	queries := []Query{
		{Text: "minister"}, // in every article: the worst case
		{Text: "kw123"},
		{Text: "kw123 OR kw456"},
		{Text: "kw12* AND minister"},
		{Text: `"minister said"`},
		{Text: "kw777 NOT kw778", Filter: Filter{Since: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)}},
	}
	for i := range queries {
		queries[i].Mark = [2]string{"[", "]"}
		if queries[i].Limit == 0 {
			queries[i].Limit = 10
		}
	}
	n := 0
	for b.Loop() {
		if _, err := st.Search(ctx, queries[n%len(queries)]); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "queries/s")
}
