package timex

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// inventedSentences stand in for news text when the BBC corpus is absent.
var inventedSentences = []string{
	"The foreign minister said on Monday that talks would resume next week in Geneva.",
	"Exports fell 3% in the third quarter compared with a year earlier, the statistics office said.",
	"Protesters gathered outside parliament at 3:30 p.m. and stayed until midnight.",
	"The company, founded in the 1990s, has cut 2,000 jobs over the past three years.",
	"A ceasefire agreed on March 31, 2025 collapsed two days later.",
	"Officials meet every Monday to review the figures, which are published daily.",
	"Nothing in this sentence is a time expression, although it is quite long.",
	"Voters go to the polls in May, months after the government fell last autumn.",
}

// benchSentences returns up to n sentences from the BBC corpus, or the
// invented ones when it is absent.
func benchSentences(b *testing.B, n int) ([]string, string) {
	dir := filepath.Join(dataDir, "raw-news", "bbc")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if len(files) == 0 {
		return inventedSentences, "invented"
	}
	var out []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, para := range strings.Split(string(data), "\n") {
			for _, s := range strings.SplitAfter(para, ". ") {
				if s = strings.TrimSpace(s); s != "" {
					out = append(out, s)
				}
			}
		}
		if len(out) >= n {
			return out[:n], "bbc"
		}
	}
	return out, "bbc"
}

// BenchmarkFind reports sentences per second over BBC sentences (or invented
// ones when ../shared/data is absent), one Find call per sentence.
func BenchmarkFind(b *testing.B) {
	sents, src := benchSentences(b, 20000)
	ref := time.Date(2005, 3, 31, 0, 0, 0, 0, time.UTC)
	b.Logf("%d %s sentences", len(sents), src)
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, s := range sents {
			Find(s, ref, Unknown)
		}
		n += len(sents)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}
