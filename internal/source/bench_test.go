package source

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// cpuSeconds is the user and system CPU time of the process so far. On a
// shared machine wall-clock rates understate speed; with GOMAXPROCS=1,
// items per CPU second is the per-core figure.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// BenchmarkReadText reads the BBC News text files (2,225 articles) and
// reports articles per second.
func BenchmarkReadText(b *testing.B) {
	dir := bbcDir(b)
	ins, errs := Expand(context.Background(), []string{dir})
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	var bytes int64
	for _, in := range ins {
		bytes += in.Size
	}
	b.SetBytes(bytes)
	n := 0
	cpu0 := cpuSeconds()
	for b.Loop() {
		for _, in := range ins {
			for _, err := range Read(context.Background(), in, Options{}) {
				if err != nil {
					b.Fatal(err)
				}
				n++
			}
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(n)/(cpuSeconds()-cpu0), "articles/cpu-s")
}

// benchPages builds synthetic news pages: BBC texts when the data is there
// (invented paragraphs otherwise) wrapped in navigation, ads, a sidebar,
// comments, a footer and scripts.
func benchPages(b *testing.B, want int) [][]byte {
	var texts []string
	dir := filepath.Join(moduleRoot(b), "..", "shared", "data", "raw-news", "bbc")
	paths, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	sort.Strings(paths)
	for i := 0; i < len(paths) && len(texts) < want; i += max(1, len(paths)/want) {
		if data, err := os.ReadFile(paths[i]); err == nil {
			texts = append(texts, string(data))
		}
	}
	if len(texts) == 0 {
		b.Logf("BBC data not found under %s: using invented paragraphs", dir)
		for i := range want {
			texts = append(texts, "Council votes on new budget\n\n"+strings.Repeat(
				"The council voted on Tuesday to approve the budget for next year, after a long debate about the cost of road repairs. ", 3+i%5)+
				"\n\n"+strings.Repeat("Opposition members said the plan would raise local taxes for most families in the district. ", 4))
		}
	}
	pages := make([][]byte, len(texts))
	for i, t := range texts {
		title, body := splitTitle(normalizeText(t))
		pages[i] = newsPage(i, title, strings.Split(body, "\n\n"))
	}
	return pages
}

// BenchmarkReadHTML extracts the main text of synthetic news pages and
// reports pages per second. Run with GOMAXPROCS=1 for a per-core figure.
func BenchmarkReadHTML(b *testing.B) {
	for _, bc := range []struct {
		name string
		opts Options
	}{
		{"default", Options{}},
		{"fallback", Options{HTMLFallback: true}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			pages := benchPages(b, 200)
			var size int64
			for _, p := range pages {
				size += int64(len(p))
			}
			b.SetBytes(size / int64(len(pages)))
			opts := bc.opts
			r := &reader{ctx: context.Background(), opts: &opts, origin: "bench"}
			words := 0
			r.yield = func(a Article, err error) bool {
				if err != nil {
					b.Fatal(err)
				}
				words += len(strings.Fields(a.Text))
				return true
			}
			n := 0
			cpu0 := cpuSeconds()
			for b.Loop() {
				r.readHTML(pages[n%len(pages)], "https://news.example/story", "text/html; charset=utf-8")
				n++
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pages/s")
			b.ReportMetric(float64(n)/(cpuSeconds()-cpu0), "pages/cpu-s")
			b.ReportMetric(float64(words)/float64(n), "words/page")
		})
	}
}
