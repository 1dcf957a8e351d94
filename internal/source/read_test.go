package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestReadText(t *testing.T) {
	tests := []struct {
		name      string
		data      string
		wantTitle string
		wantText  string
	}{
		{
			name:      "title line and paragraphs",
			data:      "Rain floods the valley\n\nHeavy rain flooded the valley on Monday.\n\nRoads were closed for hours.\n",
			wantTitle: "Rain floods the valley",
			wantText:  "Heavy rain flooded the valley on Monday.\n\nRoads were closed for hours.",
		},
		{
			name:     "first line is a sentence",
			data:     "Heavy rain flooded the valley.\n\nRoads were closed for hours on Monday and Tuesday.",
			wantText: "Heavy rain flooded the valley.\n\nRoads were closed for hours on Monday and Tuesday.",
		},
		{
			name:      "ellipsis title",
			data:      "Rivals of the new phone...\n\nThe new phone is cheap, but how does it compare with its rivals?",
			wantTitle: "Rivals of the new phone...",
			wantText:  "The new phone is cheap, but how does it compare with its rivals?",
		},
		{
			name:     "BOM CRLF and blank runs",
			data:     "\ufeffOne line.\r\n\r\n\r\n\r\nTwo  lines\r\nin a paragraph.  \r\n",
			wantText: "One line.\n\nTwo  lines\nin a paragraph.",
		},
		{
			name:     "lone CR and control characters",
			data:     "First\rsecond\x07 line\x1b, with enough words around the two control characters to stay below the share of binary content.",
			wantText: "First\nsecond line, with enough words around the two control characters to stay below the share of binary content.",
		},
		{
			name:     "few invalid bytes repaired",
			data:     "The caf\xe9 owners met the mayor on Tuesday to discuss the new rules for tables on the pavement, which start in January next year.",
			wantText: "The caf\uFFFD owners met the mayor on Tuesday to discuss the new rules for tables on the pavement, which start in January next year.",
		},
		{
			name:     "UTF-16 with BOM",
			data:     "\xff\xfeH\x00i\x00 \x00t\x00h\x00e\x00r\x00e\x00.\x00",
			wantText: "Hi there.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, errs := collect(t, writeTemp(t, "a.txt", []byte(tt.data)), Options{})
			if len(errs) > 0 || len(arts) != 1 {
				t.Fatalf("got %d articles, errors %v", len(arts), errs)
			}
			a := arts[0]
			if a.Title != tt.wantTitle {
				t.Errorf("Title = %q, want %q", a.Title, tt.wantTitle)
			}
			if a.Text != tt.wantText {
				t.Errorf("Text = %q, want %q", a.Text, tt.wantText)
			}
			if a.Format != "text" || a.ID != ID(a.Text) || !strings.HasSuffix(a.Origin, "a.txt") {
				t.Errorf("Format %q ID %q Origin %q", a.Format, a.ID, a.Origin)
			}
		})
	}
}

func TestReadTextFixtures(t *testing.T) {
	arts, errs := collect(t, Input{Path: "testdata/text/strike.txt", Size: -1}, Options{})
	if len(errs) > 0 || len(arts) != 1 {
		t.Fatalf("got %d articles, errors %v", len(arts), errs)
	}
	a := arts[0]
	if a.Title != "Rail strike halts trains across the north" || a.Language != "en" {
		t.Errorf("Title %q Language %q", a.Title, a.Language)
	}
	if n := strings.Count(a.Text, "\n\n"); n != 2 {
		t.Errorf("Text has %d paragraph breaks, want 2:\n%s", n, a.Text)
	}
}

func TestReadJSONL(t *testing.T) {
	arts, errs := collect(t, Input{Path: "testdata/jsonl/news.jsonl", Size: -1}, Options{})
	cest := time.FixedZone("", 2*3600)
	want := []Article{
		{ID: "a1", URL: "https://post.example/bridge", Source: "Velden Post", Title: "New bridge opens",
			Published: time.Date(2024, 5, 4, 0, 0, 0, 0, time.UTC), Language: "en",
			Text:   "The mayor of Velden opened a new bridge over the river Aar on Saturday.\n\nThe bridge took four years to build.",
			Origin: "testdata/jsonl/news.jsonl:1", Format: "jsonl"},
		{ID: "2", Title: "Water talks in Geneva", Published: time.Date(2024, 5, 7, 14, 30, 0, 0, cest), HasTime: true, Language: "en",
			Text:   "Ministers from five countries met in Geneva on Tuesday to discuss water rights on the Lomo river.",
			Origin: "testdata/jsonl/news.jsonl:2", Format: "jsonl"},
		{ID: ID("A record with only text: the port of Saltvik reported record cargo volumes for April."),
			Authors: []string{"Lea Moss"}, Language: "en",
			Text:   "A record with only text: the port of Saltvik reported record cargo volumes for April.",
			Origin: "testdata/jsonl/news.jsonl:6", Format: "jsonl"},
	}
	timeEq := cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) && a.Format(time.RFC3339) == b.Format(time.RFC3339) })
	if diff := cmp.Diff(want, arts, timeEq); diff != "" {
		t.Errorf("articles (-want +got):\n%s", diff)
	}
	wantErrs := []struct {
		line int
		err  error
		text string
	}{
		{3, ErrMalformed, "testdata/jsonl/news.jsonl:3: malformed JSON: "},
		{4, ErrMalformed, `testdata/jsonl/news.jsonl:4: malformed JSON: no "text" field`},
		{7, ErrMalformed, `testdata/jsonl/news.jsonl:7: malformed: "published"`},
	}
	if len(errs) != len(wantErrs) {
		t.Fatalf("got errors %v, want %d", errs, len(wantErrs))
	}
	for i, w := range wantErrs {
		var se *Error
		if !errors.As(errs[i], &se) || se.Line != w.line || !errors.Is(errs[i], w.err) || !strings.HasPrefix(errs[i].Error(), w.text) {
			t.Errorf("error %d = %v, want line %d, %v, prefix %q", i, errs[i], w.line, w.err, w.text)
		}
	}
}

func TestReadFeed(t *testing.T) {
	tests := []struct {
		path       string
		wantTitles []string
		wantErrs   int
	}{
		{"testdata/feed/rss.xml", []string{"Governor signs flood defence bill", "Senate committee delays vote on school funding"}, 1},
		{"testdata/feed/atom.xml", []string{"Port authority names new director", "Dredging work starts at the north quay"}, 0},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			arts, errs := collect(t, Input{Path: tt.path, Size: -1}, Options{})
			var titles []string
			for _, a := range arts {
				titles = append(titles, a.Title)
				if a.Format != "feed" || a.URL == "" || a.Source == "" || a.Published.IsZero() || a.Text == "" {
					t.Errorf("incomplete article %+v", a)
				}
				if strings.Contains(a.Text, "<") || strings.Contains(a.Text, "alert(") {
					t.Errorf("markup or script left in text: %q", a.Text)
				}
			}
			if diff := cmp.Diff(tt.wantTitles, titles); diff != "" {
				t.Errorf("titles (-want +got):\n%s", diff)
			}
			if len(errs) != tt.wantErrs {
				t.Errorf("errors %v, want %d", errs, tt.wantErrs)
			}
			for _, err := range errs {
				var se *Error
				if !errors.As(err, &se) || se.Record == 0 || !errors.Is(err, ErrEmpty) {
					t.Errorf("error %v: want an empty entry with its record number", err)
				}
			}
		})
	}
	// The zone of the feed's dates is kept.
	arts, _ := collect(t, Input{Path: "testdata/feed/rss.xml", Size: -1}, Options{})
	if got := arts[0].Published.Format(time.RFC3339); got != "2024-06-10T16:45:00-05:00" {
		t.Errorf("Published = %s, want 2024-06-10T16:45:00-05:00", got)
	}
	if got := arts[0].Text; got != "Governor Alma Reyes signed the flood defence bill on Monday, releasing 80 million dollars for levees along the Cedar river.\n\n\"This is the most important thing we will do this year,\" Reyes said at the signing." {
		t.Errorf("Text = %q", got)
	}
}

// feedServer serves a feed whose entries link to pages on the same server;
// /missing answers 404.
func feedServer(t *testing.T) *httptest.Server {
	t.Helper()
	page, err := os.ReadFile("testdata/html/harbour.html")
	if err != nil {
		t.Fatal(err)
	}
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Feed</title>
<item><title>Ferry link approved</title><link>%[1]s/story</link><pubDate>Thu, 14 Mar 2024 09:30:00 +0100</pubDate><description>Short teaser.</description></item>
<item><title>Gone story</title><link>%[1]s/missing</link><pubDate>Thu, 14 Mar 2024 10:00:00 +0100</pubDate><description>Teaser of a story that is gone.</description></item>
</channel></rss>`, srv.URL)
		case "/story":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestReadFeedURL(t *testing.T) {
	srv := feedServer(t)
	in := Input{Path: srv.URL + "/feed", Size: -1}

	arts, errs := collect(t, in, Options{HTTPClient: srv.Client()})
	if len(errs) != 0 || len(arts) != 2 || arts[0].Text != "Short teaser." || arts[0].Source != "Test Feed" {
		t.Fatalf("without Follow: %d articles %+v, errors %v", len(arts), arts, errs)
	}

	var got []string
	for a, err := range Read(context.Background(), in, Options{HTTPClient: srv.Client(), Follow: true}) {
		if err != nil {
			if !errors.Is(err, ErrFetch) || !strings.Contains(err.Error(), "#2") || !strings.Contains(err.Error(), "404") {
				t.Errorf("error %v: want a fetch error of entry #2 with its status", err)
			}
			got = append(got, "error")
			continue
		}
		got = append(got, a.Title+": "+strings.SplitN(a.Text, "\n", 2)[0])
	}
	want := []string{
		"Ferry link approved: The harbour council of Port Wenlow voted on Wednesday to approve a new passenger ferry between the old town and the island of Tarrick, ending three years of argument over the route.",
		"error",
		"Gone story: Teaser of a story that is gone.",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("with Follow (-want +got):\n%s", diff)
	}
}

func TestReadURLErrors(t *testing.T) {
	srv := feedServer(t)
	for _, tt := range []struct {
		name string
		path string
		opts Options
		want error
	}{
		{"404", srv.URL + "/nothing", Options{}, ErrFetch},
		{"too large", srv.URL + "/story", Options{MaxBytes: 100}, ErrTooLarge},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.HTTPClient = srv.Client()
			arts, errs := collect(t, Input{Path: tt.path, Size: -1}, tt.opts)
			if len(arts) != 0 || len(errs) != 1 || !errors.Is(errs[0], tt.want) {
				t.Fatalf("got %d articles, errors %v; want one %v", len(arts), errs, tt.want)
			}
		})
	}
	// A page URL (not a feed) is read as HTML.
	arts, errs := collect(t, Input{Path: srv.URL + "/story", Size: -1}, Options{HTTPClient: srv.Client()})
	if len(errs) != 0 || len(arts) != 1 || arts[0].Format != "html" || arts[0].URL != srv.URL+"/story" {
		t.Fatalf("page URL: %+v %v", arts, errs)
	}
}

func TestReadWARC(t *testing.T) {
	page1, _ := os.ReadFile("testdata/html/harbour.html")
	page2, _ := os.ReadFile("testdata/html/budget_jsonld.html")
	var chunked bytes.Buffer
	for rest := page2; len(rest) > 0; {
		n := min(len(rest), 700)
		fmt.Fprintf(&chunked, "%x\r\n%s\r\n", n, rest[:n])
		rest = rest[n:]
	}
	chunked.WriteString("0\r\n\r\n")
	gzBody := gzipMembers(page1)
	nodate := []byte(strings.Replace(strings.Replace(string(page1), "2024-03-14T09:30:00+01:00", "", -1), "14 March 2024", "", -1))
	records := [][]byte{
		warcRecord("warcinfo", "", "2024-03-15T00:00:00Z", "application/warc-fields", []byte("software: test\r\n")),
		warcRecord("request", "https://gazette.example/a", "2024-03-15T00:00:01Z", "application/http; msgtype=request", []byte("GET /a HTTP/1.1\r\nHost: gazette.example\r\n\r\n")),
		warcRecord("response", "https://gazette.example/a", "2024-03-15T00:00:02Z", "application/http; msgtype=response",
			httpResponse("200 OK", "text/html; charset=utf-8", "", page1)),
		warcRecord("response", "https://gazette.example/logo.png", "2024-03-15T00:00:03Z", "application/http; msgtype=response",
			httpResponse("200 OK", "image/png", "", []byte("\x89PNG\r\n\x1a\n"))),
		warcRecord("response", "https://herald.example/b", "2024-03-15T00:00:04Z", "application/http; msgtype=response",
			httpResponse("200 OK", "text/html", "Transfer-Encoding: chunked\r\n", chunked.Bytes())),
		warcRecord("response", "https://gazette.example/c", "2024-03-15T00:00:05Z", "application/http; msgtype=response",
			httpResponse("200 OK", "text/html", "Content-Encoding: gzip\r\n", gzBody)),
		warcRecord("response", "https://gazette.example/moved", "2024-03-15T00:00:06Z", "application/http; msgtype=response",
			httpResponse("301 Moved Permanently", "text/html", "Location: /a\r\n", []byte("<a href=/a>moved</a>"))),
		warcRecord("response", "https://gazette.example/nodate", "2024-03-15T00:00:07Z", "application/http; msgtype=response",
			httpResponse("200 OK", "text/html", "", nodate)),
	}
	check := func(t *testing.T, arts []Article, errs []error) {
		t.Helper()
		if len(errs) != 0 {
			t.Errorf("errors: %v", errs)
		}
		var got []string
		for _, a := range arts {
			got = append(got, fmt.Sprintf("%s %s %s %s", a.Origin[strings.LastIndex(a.Origin, "#"):], a.URL, a.Published.Format(time.RFC3339), a.Title))
			if a.Format != "warc" || !strings.HasPrefix(a.Text, "The harbour council") && !strings.HasPrefix(a.Text, "Finance Minister") {
				t.Errorf("%s: Format %q Text %.60q", a.Origin, a.Format, a.Text)
			}
		}
		want := []string{
			"#3 https://gazette.example/a 2024-03-14T09:30:00+01:00 Harbour council approves new ferry link",
			"#5 https://herald.example/b 2025-06-02T18:05:00Z Minister defends budget cuts before key vote",
			"#6 https://gazette.example/c 2024-03-14T09:30:00+01:00 Harbour council approves new ferry link",
			"#8 https://gazette.example/nodate 2024-03-15T00:00:07Z Harbour council approves new ferry link",
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("articles (-want +got):\n%s", diff)
		}
	}
	t.Run("plain", func(t *testing.T) {
		arts, errs := collect(t, writeTemp(t, "crawl.warc", bytes.Join(records, nil)), Options{})
		check(t, arts, errs)
	})
	t.Run("gzip per record", func(t *testing.T) {
		arts, errs := collect(t, writeTemp(t, "crawl.warc.gz", gzipMembers(records...)), Options{})
		check(t, arts, errs)
	})
	t.Run("truncated gzip", func(t *testing.T) {
		data := gzipMembers(records...)
		cut := len(data) - len(gzipMembers(records[len(records)-1]))/2
		arts, errs := collect(t, writeTemp(t, "crawl.warc.gz", data[:cut]), Options{})
		if len(arts) != 3 {
			t.Errorf("got %d articles before the cut, want 3", len(arts))
		}
		var se *Error
		if len(errs) != 1 || !errors.Is(errs[0], ErrTruncated) || !errors.As(errs[0], &se) || se.Record != 8 {
			t.Errorf("errors %v, want one truncation at record 8", errs)
		}
	})
	t.Run("record too large", func(t *testing.T) {
		arts, errs := collect(t, writeTemp(t, "crawl.warc", bytes.Join(records, nil)), Options{MaxRecordBytes: 2500})
		if len(arts) != 1 || len(errs) != 3 {
			t.Fatalf("got %d articles and errors %v; want 1 and 3", len(arts), errs)
		}
		for _, err := range errs {
			if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "2500 bytes") {
				t.Errorf("error %v: want ErrTooLarge naming the limit", err)
			}
		}
	})
}

func TestReadBadInput(t *testing.T) {
	var bigText []byte
	for i := range 300 { // varied words, so that gzip cannot shrink them to nothing
		bigText = fmt.Appendf(bigText, "word%d and %x, ", i*7919%1000, i*104729)
	}
	jsonl := []byte("{\"text\":\"fine\"}\n{\"text\": oops}\n{\"text\":\"also fine\"}\n")
	warcTrunc := warcRecord("response", "https://x.example/", "2024-01-01T00:00:00Z", "application/http; msgtype=response",
		httpResponse("200 OK", "text/html", "", []byte("<html><body><p>Some text.</p></body></html>")))
	tests := []struct {
		name     string
		file     string
		data     []byte
		opts     Options
		wantArts int
		want     []error
		wantMsg  string
	}{
		{"empty file", "a.txt", nil, Options{}, 0, []error{ErrEmpty}, ""},
		{"white space only", "a.txt", []byte(" \n\t\r\n  \n"), Options{}, 0, []error{ErrEmpty}, ""},
		{"binary", "a.bin", []byte("ELF\x00\x01\x02\x03 some bytes"), Options{}, 0, []error{ErrBinary}, "NUL byte at offset 3"},
		{"control characters", "a.txt", bytes.Repeat([]byte("ab\x01\x02\x03\x04"), 50), Options{}, 0, []error{ErrBinary}, ""},
		{"invalid UTF-8", "a.txt", []byte("Le caf\xe9 \xe9tait ferm\xe9 \xe0 cause de la gr\xe8ve."), Options{}, 0, []error{ErrInvalidUTF8}, "at byte 6"},
		{"oversized text", "a.txt", bigText, Options{MaxBytes: 1000}, 0, []error{ErrTooLarge}, "1000 bytes"},
		{"oversized JSON line", "a.jsonl", append([]byte(`{"text":"`+strings.Repeat("x", 2000)+"\"}\n"), jsonl...), Options{MaxBytes: 1000}, 2, []error{ErrTooLarge, ErrMalformed}, "a.jsonl:1: too large"},
		{"malformed JSON line", "a.jsonl", jsonl, Options{}, 2, []error{ErrMalformed}, "a.jsonl:2: malformed JSON: invalid character 'o'"},
		{"oversized after gunzip", "a.txt.gz", gzipMembers(bigText), Options{MaxBytes: 1000}, 0, []error{ErrTooLarge}, "limit of 1000 bytes"},
		{"truncated gzip", "a.txt.gz", gzipMembers(bigText)[:200], Options{}, 0, []error{ErrTruncated}, ""},
		{"gzip garbage", "a.gz", []byte("\x1f\x8b\x08\x00garbage that is not deflate"), Options{}, 0, []error{ErrMalformed}, ""},
		{"truncated WARC", "a.warc", warcTrunc[:len(warcTrunc)-30], Options{}, 0, []error{ErrTruncated}, "#1: truncated"},
		{"truncated WARC header", "a.warc", []byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Len"), Options{}, 0, []error{ErrTruncated}, ""},
		{"WARC without length", "a.warc", []byte("WARC/1.0\r\nWARC-Type: response\r\n\r\nxyz"), Options{}, 0, []error{ErrMalformed}, "Content-Length"},
		{"broken feed", "a.xml", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</ti`), Options{}, 0, []error{ErrMalformed}, ""},
		{"HTML without text", "a.html", []byte("<html><head><title>x</title></head><body><nav><a href=/>Home</a></nav></body></html>"), Options{}, 0, []error{ErrEmpty}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, errs := collect(t, writeTemp(t, tt.file, tt.data), tt.opts)
			if len(arts) != tt.wantArts {
				t.Errorf("got %d articles, want %d", len(arts), tt.wantArts)
			}
			if len(errs) != len(tt.want) {
				t.Fatalf("got errors %v, want %v", errs, tt.want)
			}
			for i, err := range errs {
				var se *Error
				if !errors.Is(err, tt.want[i]) || !errors.As(err, &se) {
					t.Errorf("error %v is not a *Error wrapping %v", err, tt.want[i])
				}
			}
			if tt.wantMsg != "" && !strings.Contains(errs[0].Error(), tt.wantMsg) {
				t.Errorf("error %q does not say %q", errs[0], tt.wantMsg)
			}
		})
	}
}

func TestReadMissingAndStdin(t *testing.T) {
	_, errs := collect(t, Input{Path: filepath.Join(t.TempDir(), "nope.txt"), Size: -1}, Options{})
	if len(errs) != 1 || !errors.Is(errs[0], os.ErrNotExist) {
		t.Errorf("missing file: %v", errs)
	}
	arts, errs := collect(t, Input{Path: "-", Size: -1}, Options{Stdin: strings.NewReader(`{"text":"From standard input."}`)})
	if len(errs) != 0 || len(arts) != 1 || arts[0].Origin != "stdin:1" {
		t.Errorf("stdin: %+v %v", arts, errs)
	}
}

func TestReadCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	n := 0
	for _, err := range Read(ctx, Input{Path: "testdata/jsonl/news.jsonl", Size: -1}, Options{}) {
		n++
		if !errors.Is(err, context.Canceled) {
			t.Errorf("got %v, want context.Canceled", err)
		}
	}
	if n != 1 {
		t.Errorf("got %d results after cancel, want 1", n)
	}
}

func TestReadStopEarly(t *testing.T) {
	n := 0
	for range Read(context.Background(), Input{Path: "testdata/jsonl/news.jsonl", Size: -1}, Options{}) {
		n++
		break
	}
	if n != 1 {
		t.Errorf("loop ran %d times", n)
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name, file, data string
		want             kind
	}{
		{"text", "a.txt", "Just words.", kindText},
		{"html by content", "a.dat", "<!DOCTYPE html><html><body><p>x</p></body></html>", kindHTML},
		{"html fragment", "a", "<p>Hello</p><p>World</p>", kindHTML},
		{"html by extension", "a.html", "Hello <b>world</b><div>x</div>", kindHTML},
		{"rss", "a.html", `<?xml version="1.0"?><rss version="2.0">`, kindFeed},
		{"atom", "a", `<feed xmlns="http://www.w3.org/2005/Atom">`, kindFeed},
		{"text with angle", "a.txt", "<unknown> and more", kindText},
		{"jsonl", "a", `{"text":"x"}`, kindJSONL},
		{"braces in a .txt", "a.txt", `{Reuters} Markets fell.`, kindText},
		{"warc", "a", "WARC/1.1\r\n", kindWARC},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sniffDocument([]byte(tt.data), tt.file, ""); got != tt.want {
				t.Errorf("sniffDocument = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestID(t *testing.T) {
	a := ID("The  mayor\nsaid \u00e9.")
	for _, same := range []string{"The mayor said \u00e9.", "  The mayor\n\n said e\u0301.\n"} {
		if got := ID(same); got != a {
			t.Errorf("ID(%q) = %s, want %s", same, got, a)
		}
	}
	if ID("The mayor said no.") == a {
		t.Error("different texts got the same id")
	}
	if len(a) != 16 {
		t.Errorf("len(ID) = %d, want 16", len(a))
	}
}

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"The minister said on Monday that the government would not change its plans for the budget.", "en"},
		{"Der Minister sagte am Montag, dass die Regierung ihre Pläne für den Haushalt nicht ändern werde.", "de"},
		{"Le ministre a déclaré lundi que le gouvernement ne changerait pas ses projets pour le budget.", "fr"},
		{"Министр финансов заявил в понедельник, что правительство не изменит свои планы по бюджету на следующий год. По его словам, расходы на школы и больницы останутся прежними.", "ru"},
		{"Министр заявил", ""},
		{"12 34 56", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := detectLanguage(tt.text); got != tt.want {
			t.Errorf("detectLanguage(%.30q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestErrorFormat(t *testing.T) {
	tests := []struct {
		err  *Error
		want string
	}{
		{&Error{Origin: "news.jsonl", Line: 12, Err: fmt.Errorf("%w JSON: bad", ErrMalformed)}, "news.jsonl:12: malformed JSON: bad"},
		{&Error{Origin: "crawl.warc.gz", Record: 3, Err: fmt.Errorf("%w: record ends early", ErrTruncated)}, "crawl.warc.gz#3: truncated: record ends early"},
		{&Error{Origin: "a.txt", Err: io.ErrUnexpectedEOF}, "a.txt: unexpected EOF"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

// checkArticle states what every article must satisfy.
func checkArticle(t testing.TB, a Article) {
	t.Helper()
	if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) || !utf8.ValidString(a.Source) {
		t.Errorf("invalid UTF-8 in %+v", a)
	}
	if strings.TrimSpace(a.Text) == "" || a.Text != strings.TrimSpace(a.Text) {
		t.Errorf("text empty or not trimmed: %q", a.Text)
	}
	if strings.Contains(a.Text, "\n\n\n") || strings.Contains(a.Text, "\r") {
		t.Errorf("text has stray line breaks: %q", a.Text)
	}
	if a.ID == "" || a.Origin == "" || a.Format == "" {
		t.Errorf("missing ID, Origin or Format: %+v", a)
	}
}
