package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// ingestSharedData returns the path of ../shared/data seen from the module root,
// skipping the test when it is absent.
func ingestSharedData(tb testing.TB, rel string) string {
	tb.Helper()
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..") // cmd/dyad -> module root
	p := filepath.Join(root, "..", "shared", "data", rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared data %s not found (%v); it lives beside the repository as ../shared/data", rel, err)
	}
	return p
}

// BenchmarkIngest runs `dyad ingest` on the BBC News folder (2,225 text
// files) into a fresh database and reports articles per second, counting
// every article read (new and duplicate).
func BenchmarkIngest(b *testing.B) {
	bbc := ingestSharedData(b, "raw-news/bbc")
	articles := 0
	for b.Loop() {
		b.StopTimer()
		db := filepath.Join(b.TempDir(), "bench.db")
		var stdout, stderr bytes.Buffer
		b.StartTimer()
		code := Run(context.Background(), []string{"--db", db, "ingest", "--json", bbc}, strings.NewReader(""), &stdout, &stderr)
		b.StopTimer()
		if code != 0 {
			b.Fatalf("exit %d: %s", code, stderr.String())
		}
		articles += countIngested(b, stdout.Bytes())
		b.StartTimer()
	}
	b.ReportMetric(float64(articles)/b.Elapsed().Seconds(), "articles/s")
}
