package tokenize

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-news/dyad/internal/shareddata"
)

// loadBBC returns the texts of the BBC news articles in shared/data, or
// skips the benchmark when they are absent.
func loadBBC(b *testing.B) []string {
	dir := shareddata.Dir(b, "raw-news/bbc")
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Skipf("no BBC texts under %s", dir)
	}
	texts := make([]string, 0, len(files))
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
	}
	return texts
}

// BenchmarkTokenize tokenises and sentence-splits the BBC articles
// (paragraph mode) and reports tokens per second. Run it on one core:
//
//	go test ./internal/tokenize -run '^$' -bench Tokenize -cpu 1
func BenchmarkTokenize(b *testing.B) {
	texts := loadBBC(b)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	benchTokens(b, texts, Options{})
}

// benchTokens tokenises texts b.N times and reports tokens per second of
// wall-clock time and of CPU time (the machine may be shared).
func benchTokens(b *testing.B, texts []string, opts Options) {
	b.ResetTimer()
	cpu0 := cpuTime()
	tokens := 0
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			tokens += len(Tokenize("bbc", t, opts).Tokens)
		}
	}
	cpu := cpuTime() - cpu0
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
	if cpu > 0 {
		b.ReportMetric(float64(tokens)/cpu.Seconds(), "tokens/cpu-s")
	}
}

// BenchmarkTokenizeLines is BenchmarkTokenize with one sentence per line.
func BenchmarkTokenizeLines(b *testing.B) {
	benchTokens(b, loadBBC(b), Options{LineBreaksEndSentences: true})
}
