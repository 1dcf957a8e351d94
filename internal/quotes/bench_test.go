package quotes_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-news/dyad/internal/doc"
	"github.com/dyad-news/dyad/internal/quotes"
)

// BenchmarkQuotes measures the quotation stage alone on documents
// annotated up to coreference beforehand.
func BenchmarkQuotes(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	var docs []*doc.Doc
	bytes := 0
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, annotate(b, string(t), "2025-03-30"))
		bytes += len(t)
	}
	if len(docs) == 0 {
		b.Fatal("no test articles in testdata")
	}
	st := quotes.New()
	ctx := context.Background()
	b.SetBytes(int64(bytes))
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			if err := st.Apply(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "docs/s")
}
