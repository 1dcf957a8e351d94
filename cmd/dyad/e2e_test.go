package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The articles below are invented for these tests.
var e2eFiles = map[string]string{
	"news/valdora.txt": `Valdora and Ostmark resume border talks

Negotiators from Valdora and Ostmark met in the lakeside town of Mirel on Monday to resume talks over the disputed border checkpoints.

"We are ready to reopen the crossings within a month," the Valdoran envoy Ana Ruiz told reporters after the meeting.

The talks had stalled in March after a dispute over customs fees.
`,
	"news/harbour.html": `<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Dock workers end the harbour strike | Daily Harbour</title>
<meta property="og:site_name" content="Daily Harbour">
<meta property="og:title" content="Dock workers end the harbour strike">
<meta property="article:published_time" content="2025-04-02T08:15:00+02:00">
</head><body>
<nav><a href="/">Home</a> <a href="/port">Port</a></nav>
<article>
<h1>Dock workers end the harbour strike</h1>
<p>Dock workers in Port Selin voted on Wednesday to end a three-week strike after the port authority offered a new wage agreement to all crane operators.</p>
<p>The union leader, Tomas Brek, said the deal raised wages by six percent and limited night shifts, and that the quays would be working normally by Friday morning.</p>
<p>Shipping companies had diverted more than forty container vessels to neighbouring harbours while the strike lasted, costing the city millions in lost fees.</p>
</article>
<footer>Copyright Daily Harbour</footer>
</body></html>
`,
	"feeds/wire.jsonl": `{"id":"wire-001","text":"The central bank of Ostmark kept its interest rate unchanged at four percent, citing steady inflation and a strong currency.","published":"2025-03-30","title":"Ostmark bank holds rates","source":"Wire Service","url":"https://wire.example/001"}
{"id":"wire-002","text":"Flooding closed the main railway line between Mirel and the capital for a second day as engineers inspected two damaged bridges.","published":"2025-04-05T17:45:00-03:00","title":"Floods close railway line","source":"Wire Service","url":"https://wire.example/002","authors":["Lea Stone"]}
{"id":"wire-003", "text": broken json
{"id":"wire-004","text":"Volunteers planted three thousand trees along the river in Mirel, the city's largest planting day since the great storm.","title":"Mirel plants trees","source":"Wire Service"}
`,
	"bad/empty.txt":  "",
	"bad/binary.txt": "\x00\x01\x02\x03 not text \x00\x00",
}

const e2eGood = 5 // valdora.txt, harbour.html, wire-001, wire-002, wire-004
const e2eBad = 3  // the broken JSON line, empty.txt, binary.txt

func writeArticleFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// runArticleCmd runs the command line in-process and returns its exit status and
// output.
func runArticleCmd(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// countIngested reads the --json summary of ingest: articles read.
func countIngested(tb testing.TB, stdout []byte) int {
	tb.Helper()
	var s ingestSummary
	if err := json.Unmarshal(stdout, &s); err != nil {
		tb.Fatalf("ingest --json summary %q: %v", stdout, err)
	}
	return s.Added + s.Duplicates
}

func parseIngestSummary(t *testing.T, stdout string) ingestSummary {
	t.Helper()
	var s ingestSummary
	if err := json.Unmarshal([]byte(stdout), &s); err != nil {
		t.Fatalf("ingest --json summary %q: %v", stdout, err)
	}
	return s
}

// decodeJSONLines decodes JSON Lines into maps.
func decodeJSONLines(t *testing.T, s string) []map[string]any {
	t.Helper()
	var out []map[string]any
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		out = append(out, m)
	}
	return out
}

func TestArticleCommandsEndToEnd(t *testing.T) {
	dir := t.TempDir()
	writeArticleFiles(t, dir, e2eFiles)
	db := filepath.Join(dir, "e2e.db")

	// Reading commands refuse a database that does not exist.
	code, _, stderr := runArticleCmd(t, "", "--db", db, "search", "talks")
	if code == 0 || !strings.Contains(stderr, "no database") || strings.Count(stderr, "\n") != 1 {
		t.Fatalf("search without a database: exit %d, stderr %q", code, stderr)
	}

	// First ingest: good articles stored, each bad input one line, status 1.
	code, stdout, stderr := runArticleCmd(t, "", "--db", db, "ingest", "--json", filepath.Join(dir, "news"), filepath.Join(dir, "feeds"), filepath.Join(dir, "bad"))
	sum := parseIngestSummary(t, stdout)
	if code != 1 || sum.Added != e2eGood || sum.Duplicates != 0 || sum.Errors != e2eBad {
		t.Fatalf("first ingest: exit %d, summary %+v; want 1, %d added, %d errors\n%s", code, sum, e2eGood, e2eBad, stderr)
	}
	for _, want := range []string{"wire.jsonl:3:", "empty.txt", "binary.txt",
		"ingested 5 new articles (0 duplicates, 3 errors) in ", "analysed 5 articles (0 failed)"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("first ingest: stderr lacks %q:\n%s", want, stderr)
		}
	}
	if lines := strings.Count(stderr, "\n"); lines != e2eBad+2 {
		t.Errorf("first ingest: %d lines on stderr, want one per error, the ingest summary and the analysis summary:\n%s", lines, stderr)
	}

	// Second ingest of the good inputs: all duplicates, status 0.
	code, stdout, stderr = runArticleCmd(t, "", "--db", db, "ingest", "--json", filepath.Join(dir, "news"), filepath.Join(dir, "feeds", "wire.jsonl"))
	sum = parseIngestSummary(t, stdout)
	if code != 1 || sum.Added != 0 || sum.Duplicates != e2eGood || sum.Errors != 1 {
		t.Errorf("second ingest: exit %d, summary %+v; want 1 (the broken line again), 0 added, %d duplicates\n%s", code, sum, e2eGood, stderr)
	}
	// Standard input.
	code, stdout, stderr = runArticleCmd(t, `{"id":"stdin-1","text":"A ferry service between Mirel and Port Selin starts in June.","source":"Wire Service","published":"2025-04-20"}`+"\n",
		"--db", db, "ingest", "--json", "-")
	if sum = parseIngestSummary(t, stdout); code != 0 || sum.Added != 1 {
		t.Fatalf("ingest -: exit %d, summary %+v\n%s", code, sum, stderr)
	}
	const total = e2eGood + 1

	// search: phrase, ranking, filters, JSON.
	code, stdout, stderr = runArticleCmd(t, "", "--db", db, "search", "--json", `"border checkpoints"`)
	hits := decodeJSONLines(t, stdout)
	if code != 0 || len(hits) != 1 || !strings.Contains(hits[0]["title"].(string), "border talks") {
		t.Fatalf("search phrase: exit %d, hits %v\n%s", code, hits, stderr)
	}
	valdoraID := hits[0]["id"].(string)
	code, stdout, _ = runArticleCmd(t, "", "--db", db, "search", "--json", "Mirel")
	var ids []string
	for _, h := range decodeJSONLines(t, stdout) {
		ids = append(ids, h["id"].(string))
	}
	if code != 0 || len(ids) != 4 || ids[0] != "wire-004" { // "Mirel" in the title ranks first
		t.Errorf("search Mirel: exit %d, ids %v; want 4 with wire-004 first", code, ids)
	}
	code, stdout, _ = runArticleCmd(t, "", "--db", db, "search", "--json", "--source", "wire service", "--since", "2025-04-01", "--until", "2025-04-10", "Mirel")
	if hits = decodeJSONLines(t, stdout); code != 0 || len(hits) != 1 || hits[0]["id"] != "wire-002" {
		t.Errorf("search with filters: exit %d, hits %v; want wire-002", code, hits)
	}
	code, stdout, _ = runArticleCmd(t, "", "--db", db, "search", "strike", "OR", "ferry")
	if code != 0 || !strings.Contains(stdout, " 1. ") || !strings.Contains(stdout, " 2. ") || strings.Contains(stdout, " 3. ") {
		t.Errorf("search text output: exit %d:\n%s", code, stdout)
	}
	code, stdout, stderr = runArticleCmd(t, "", "--db", db, "search", `"unclosed phrase`)
	if code != 1 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "invalid search query") || strings.Contains(stderr, "SQL") {
		t.Errorf("bad query: exit %d, stderr %q; want one clear line", code, stderr)
	}

	// show: a unique prefix, text and JSON.
	code, stdout, stderr = runArticleCmd(t, "", "--db", db, "show", valdoraID[:6])
	if code != 0 || !strings.Contains(stdout, "Ana Ruiz told reporters") || !strings.Contains(stdout, valdoraID) {
		t.Errorf("show prefix: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, _ = runArticleCmd(t, "", "--db", db, "show", "--json", "wire-002")
	var shown articleJSON
	if err := json.Unmarshal([]byte(stdout), &shown); err != nil || code != 0 {
		t.Fatalf("show --json: exit %d, %v", code, err)
	}
	want := articleJSON{ID: "wire-002", Title: "Floods close railway line", Source: "Wire Service", URL: "https://wire.example/002",
		Published: "2025-04-05T17:45:00-03:00", Authors: []string{"Lea Stone"}, Format: "jsonl",
		Text: "Flooding closed the main railway line between Mirel and the capital for a second day as engineers inspected two damaged bridges."}
	want.Chars, want.Language, want.Origin, want.IngestedAt = len(want.Text), shown.Language, shown.Origin, shown.IngestedAt
	if diff := cmp.Diff(want, shown); diff != "" || !strings.Contains(shown.Origin, "wire.jsonl") {
		t.Errorf("show --json (-want +got):\n%s origin %q", diff, shown.Origin)
	}
	if code, _, stderr = runArticleCmd(t, "", "--db", db, "show", "wire-"); code == 0 || !strings.Contains(stderr, "ambiguous") {
		t.Errorf("show ambiguous prefix: exit %d, %q", code, stderr)
	}
	if code, _, stderr = runArticleCmd(t, "", "--db", db, "show", "nothing-like-this"); code == 0 || !strings.Contains(stderr, "no article") {
		t.Errorf("show missing: exit %d, %q", code, stderr)
	}

	// list: newest first, filters, JSON without text.
	code, stdout, _ = runArticleCmd(t, "", "--db", db, "list", "--json", "--limit", "0")
	listed := decodeJSONLines(t, stdout)
	if code != 0 || len(listed) != total {
		t.Fatalf("list --json: exit %d, %d articles, want %d", code, len(listed), total)
	}
	if listed[0]["id"] != "stdin-1" || listed[0]["text"] != nil {
		t.Errorf("list --json: first %v; want stdin-1 (newest) without text", listed[0])
	}
	code, stdout, _ = runArticleCmd(t, "", "--db", db, "list", "--source", "Wire Service", "--until", "2025-03-31")
	if code != 0 || !strings.Contains(stdout, "wire-001") || strings.Count(stdout, "\n") != 2 {
		t.Errorf("list --until: exit %d\n%s", code, stdout)
	}
	if code, _, stderr = runArticleCmd(t, "", "--db", db, "list", "--since", "April"); code == 0 || !strings.Contains(stderr, "YYYY-MM-DD") {
		t.Errorf("list --since April: exit %d, %q", code, stderr)
	}

	// stats.
	code, stdout, _ = runArticleCmd(t, "", "--db", db, "stats", "--json")
	var stats struct {
		Articles int `json:"articles"`
		Sources  []struct {
			Value    string `json:"value"`
			Articles int    `json:"articles"`
		} `json:"sources"`
		Earliest string `json:"earliest"`
		Latest   string `json:"latest"`
		Disk     int64  `json:"disk_bytes"`
	}
	if err := json.Unmarshal([]byte(stdout), &stats); err != nil || code != 0 {
		t.Fatalf("stats --json: exit %d, %v", code, err)
	}
	if stats.Articles != total || len(stats.Sources) == 0 || stats.Sources[0].Value != "Wire Service" || stats.Sources[0].Articles != 4 ||
		stats.Earliest != "2025-03-30" || stats.Latest != "2025-04-20" || stats.Disk <= 0 {
		t.Errorf("stats --json = %+v", stats)
	}
	if code, stdout, _ = runArticleCmd(t, "", "--db", db, "stats"); code != 0 || !strings.Contains(stdout, "Wire Service") {
		t.Errorf("stats: exit %d\n%s", code, stdout)
	}

	// export, ingest the export into a new database, export again: the same.
	exported := filepath.Join(dir, "export.jsonl")
	if code, _, stderr = runArticleCmd(t, "", "--db", db, "export", "--out", exported); code != 0 {
		t.Fatalf("export: exit %d, %s", code, stderr)
	}
	first, _ := os.ReadFile(exported)
	if recs := decodeJSONLines(t, string(first)); len(recs) != total {
		t.Fatalf("export: %d lines, want %d", len(recs), total)
	}
	copyDB := filepath.Join(dir, "copy.db")
	code, stdout, stderr = runArticleCmd(t, "", "--db", copyDB, "ingest", "--json", exported)
	if sum = parseIngestSummary(t, stdout); code != 0 || sum.Added != total {
		t.Fatalf("ingest of the export: exit %d, %+v\n%s", code, sum, stderr)
	}
	code, second, _ := runArticleCmd(t, "", "--db", copyDB, "export")
	if diff := cmp.Diff(string(first), second); code != 0 || diff != "" {
		t.Errorf("export round trip: exit %d (-first +second):\n%s", code, diff)
	}
	code, stdout, _ = runArticleCmd(t, "", "--db", db, "export", "--since", "2025-04-01", "--source", "wire service")
	if recs := decodeJSONLines(t, stdout); code != 0 || len(recs) != 2 {
		t.Errorf("export with filters: %d records, want 2 (wire-002, stdin-1)", len(recs))
	}
}

// Every article command documents itself with examples.
func TestArticleCommandsHelp(t *testing.T) {
	for _, name := range []string{"ingest", "search", "show", "list", "stats", "export"} {
		code, stdout, _ := runArticleCmd(t, "", name, "--help")
		if code != 0 || !strings.Contains(stdout, "Examples:") || !strings.Contains(stdout, "dyad "+name) {
			t.Errorf("%s --help: exit %d, no examples:\n%s", name, code, stdout)
		}
		if name != "show" && name != "ingest" && name != "export" && !strings.Contains(stdout, "--json") {
			t.Errorf("%s --help lacks --json", name)
		}
	}
}

func TestByteSizeFlag(t *testing.T) {
	tests := []struct {
		in   string
		want byteSize
		ok   bool
	}{
		{"1048576", 1 << 20, true},
		{"64MiB", 64 << 20, true},
		{"10MB", 10_000_000, true},
		{"500k", 500 << 10, true},
		{"2 GiB", 2 << 30, true},
		{"0", 0, false},
		{"-5", 0, false},
		{"lots", 0, false},
	}
	for _, tt := range tests {
		var b byteSize
		err := b.Set(tt.in)
		if (err == nil) != tt.ok || (tt.ok && b != tt.want) {
			t.Errorf("Set(%q) = %d, %v; want %d, ok %v", tt.in, b, err, tt.want, tt.ok)
		}
	}
}
