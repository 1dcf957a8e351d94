package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-news/dyad/internal/store"
)

// TestIngestSurvivesKill builds dyad, starts an ingest of many generated
// articles, kills it with SIGKILL part way (twice: in the first run and in
// the rerun), and checks after each kill that the database is intact and
// the full-text index matches the articles, and that a last run stores
// exactly every article once.
func TestIngestSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("builds dyad and ingests 10,000 articles; skipped with -short")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go tool is not on PATH")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "dyad")
	build := exec.Command(goTool, "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	const n = 10000
	input := filepath.Join(dir, "many.jsonl")
	writeCrashTestJSONL(t, input, n)
	db := filepath.Join(dir, "crash.db")

	killed := 0
	for run := 1; run <= 2; run++ {
		before := countStoredArticles(t, db)
		cmd := exec.Command(bin, "--db", db, "--quiet", "ingest", "--batch", "200", input)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill once some batches beyond what was there are committed.
		deadline := time.Now().Add(60 * time.Second)
		for countStoredArticles(t, db) < before+1000 && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		cmd.Process.Kill() // SIGKILL: no chance to clean up
		cmd.Wait()
		after := countStoredArticles(t, db)
		t.Logf("run %d: killed with %d articles stored (%d before)", run, after, before)
		if after <= before || after >= n {
			t.Fatalf("run %d: %d articles after the kill, want between %d and %d: the kill did not land mid-way", run, after, before, n)
		}
		killed++
		checkStoreIntegrity(t, db)
	}

	cmd := exec.Command(bin, "--db", db, "--quiet", "ingest", "--json", input)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("final ingest: %v\n%s", err, stderr.String())
	}
	var sum ingestSummary
	if err := json.Unmarshal(out, &sum); err != nil {
		t.Fatal(err)
	}
	if got := countStoredArticles(t, db); got != n || sum.Added+sum.Duplicates != n || sum.Errors != 0 {
		t.Fatalf("after %d kills and a full run: %d articles, summary %+v; want %d", killed, got, sum, n)
	}
	checkStoreIntegrity(t, db)

	// Each article is found by its own word, once.
	st, err := store.Open(context.Background(), db, store.OpenOptions{MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, i := range []int{0, 777, n / 2, n - 1} {
		hits, err := st.Search(context.Background(), store.Query{Text: crashTestWord(i)})
		if err != nil || len(hits) != 1 || hits[0].ID != fmt.Sprintf("gen-%05d", i) {
			t.Errorf("search %s: %v, %v; want gen-%05d alone", crashTestWord(i), hits, err, i)
		}
	}
}

// crashTestWord is a word that only article i contains.
func crashTestWord(i int) string {
	const letters = "bcdfghjklmnpqrstvwxz"
	var b strings.Builder
	b.WriteString("zq")
	for k := 0; k < 4; k++ {
		b.WriteByte(letters[i%len(letters)])
		i /= len(letters)
	}
	return b.String()
}

// writeCrashTestJSONL writes n invented articles of about 1 KB as JSON Lines.
func writeCrashTestJSONL(t *testing.T, path string, n int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	body := strings.Repeat("The committee met again to discuss the harbour budget and the new railway timetable. ", 11)
	for i := range n {
		rec := map[string]string{
			"id":        fmt.Sprintf("gen-%05d", i),
			"title":     fmt.Sprintf("Committee report %d", i),
			"text":      fmt.Sprintf("%s Item %s closes report %d.", body, crashTestWord(i), i),
			"published": time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%365).Format(time.DateOnly),
			"source":    "Generated Gazette",
		}
		if err := enc.Encode(rec); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// countStoredArticles reads the article count of db as another process would,
// 0 while the database or its table does not exist yet.
func countStoredArticles(t *testing.T, db string) int {
	t.Helper()
	if _, err := os.Stat(db); err != nil {
		return 0
	}
	conn, err := sql.Open("sqlite", db+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var c int
	if err := conn.QueryRow(`SELECT count(*) FROM articles`).Scan(&c); err != nil {
		return 0
	}
	return c
}

func checkStoreIntegrity(t *testing.T, db string) {
	t.Helper()
	st, err := store.Open(context.Background(), db, store.OpenOptions{MustExist: true})
	if err != nil {
		t.Fatalf("open after kill: %v", err)
	}
	defer st.Close()
	if err := st.CheckIntegrity(context.Background()); err != nil {
		t.Fatal(err)
	}
}
