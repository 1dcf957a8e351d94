package source

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// fuzzReader runs one reader on data and checks what it yields: valid
// articles (see checkArticle) and *Error values, no panic.
func fuzzReader(t *testing.T, read func(r *reader)) {
	opts := Options{MaxBytes: 1 << 20}
	r := &reader{ctx: context.Background(), in: Input{Path: "fuzz", Size: -1}, opts: &opts, origin: "fuzz"}
	r.yield = func(a Article, err error) bool {
		if err != nil {
			var se *Error
			if !errors.As(err, &se) {
				t.Errorf("error %v is not a *Error", err)
			}
			return true
		}
		checkArticle(t, a)
		return true
	}
	read(r)
}

// addSeeds adds the fixtures matching pattern to the corpus.
func addSeeds(f *testing.F, pattern string, extra ...[]byte) {
	m, _ := filepath.Glob(pattern)
	for _, p := range m {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	for _, e := range extra {
		f.Add(e)
	}
}

func FuzzReadText(f *testing.F) {
	addSeeds(f, "testdata/text/*.txt", []byte("Title\n\nBody.\r\n"), []byte("\xff\xfeH\x00"), []byte("a\x00b"), []byte("caf\xe9"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzReader(t, func(r *reader) { r.readText(data) })
	})
}

func FuzzReadHTML(f *testing.F) {
	addSeeds(f, "testdata/html/*.html", []byte("<p>x<br><br>y</p>"), []byte("<div>a<br><br>b<ul><li>c</li></ul>d<br><br></div>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzReader(t, func(r *reader) { r.readHTML(data, "https://example.org/a", "") })
	})
}

func FuzzReadJSONL(f *testing.F) {
	addSeeds(f, "testdata/jsonl/*.jsonl", []byte(`{"text":"a","id":1e999}`), []byte("{\"text\":\"\\u0000\"}\n{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzReader(t, func(r *reader) { r.readJSONL(bufio.NewReader(bytes.NewReader(data))) })
	})
}

func FuzzReadFeed(f *testing.F) {
	addSeeds(f, "testdata/feed/*.xml")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzReader(t, func(r *reader) { r.readFeed(data) })
	})
}

func FuzzReadWARC(f *testing.F) {
	page, _ := os.ReadFile("testdata/html/harbour.html")
	rec := warcRecord("response", "https://example.org/", "2024-01-01T00:00:00Z", "application/http; msgtype=response",
		httpResponse("200 OK", "text/html", "", page))
	f.Add(rec)
	f.Add(gzipMembers(rec, rec))
	f.Add(warcRecord("response", "https://example.org/", "2024-01-01T00:00:00Z", "", httpResponse("200 OK", "", "Transfer-Encoding: chunked\r\n", []byte("5\r\n<p>hi\r\n0\r\n\r\n"))))
	f.Fuzz(func(t *testing.T, data []byte) {
		// Through Read, so that gzip members are undone as for a file.
		opts := Options{MaxBytes: 1 << 20, Stdin: bytes.NewReader(data)}
		for a, err := range Read(context.Background(), Input{Path: "-", Size: -1}, opts) {
			if err != nil {
				var se *Error
				if !errors.As(err, &se) {
					t.Errorf("error %v is not a *Error", err)
				}
				continue
			}
			checkArticle(t, a)
		}
	})
}
