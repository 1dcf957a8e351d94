package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAnalysisEndToEnd ingests the example articles (invented), which
// analyses them, and reads the analysis back through the commands that use
// it: list --actor, quotes, events and the event exports.
func TestAnalysisEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every model: skipped with -short")
	}
	db := filepath.Join(t.TempDir(), "analysis.db")
	examples, err := filepath.Abs(filepath.Join("..", "..", "examples"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(examples); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runArticleCmd(t, "", "--db", db, "ingest", "--date", "2025-03-31", examples)
	if code != 0 || !strings.Contains(stderr, "analysed 4 articles (0 failed)") {
		t.Fatalf("ingest examples: exit %d\n%s", code, stderr)
	}

	// The Kremlin article mentions the Russian government; the summit page
	// (Armenia and Azerbaijan) does not.
	code, stdout, stderr := runArticleCmd(t, "", "--db", db, "list", "--json", "--actor", "RUSGOV")
	arts := decodeJSONLines(t, stdout)
	if code != 0 || len(arts) == 0 {
		t.Fatalf("list --actor RUSGOV: exit %d, %d articles\n%s", code, len(arts), stderr)
	}
	for _, a := range arts {
		if strings.Contains(a["title"].(string), "border dispute") {
			t.Errorf("list --actor RUSGOV lists the Armenia-Azerbaijan article")
		}
	}
	code, stdout, _ = runArticleCmd(t, "", "--db", db, "list", "--json", "--actor", "dmitry peskov")
	if n := len(decodeJSONLines(t, stdout)); code != 0 || n != 1 {
		t.Errorf("list --actor 'dmitry peskov': exit %d, %d articles, want 1", code, n)
	}

	// Peskov's direct quote, resolved and coded.
	code, stdout, stderr = runArticleCmd(t, "", "--db", db, "quotes", "--json", "--speaker", "Peskov")
	qs := decodeJSONLines(t, stdout)
	if code != 0 || len(qs) == 0 {
		t.Fatalf("quotes --speaker Peskov: exit %d, none\n%s", code, stderr)
	}
	found := false
	for _, q := range qs {
		quote := q["quote"].(map[string]any)
		if strings.Contains(quote["text"].(string), "We continue working with the American side") {
			found = true
			sp := quote["speaker"].(map[string]any)
			if sp["name"] != "Dmitry Peskov" {
				t.Errorf("speaker name = %v, want Dmitry Peskov", sp["name"])
			}
			if q["context"] == "" {
				t.Error("quote without context sentence")
			}
		}
	}
	if !found {
		t.Errorf("Peskov's quote not listed: %v", qs)
	}

	// Events exist, can be filtered, and export in both formats.
	code, stdout, stderr = runArticleCmd(t, "", "--db", db, "events", "--json", "--limit", "0")
	evs := decodeJSONLines(t, stdout)
	if code != 0 || len(evs) == 0 {
		t.Fatalf("events: exit %d, none\n%s", code, stderr)
	}
	code, stdout, _ = runArticleCmd(t, "", "--db", db, "events", "--json", "--source", "ZZZ")
	if code != 0 || len(decodeJSONLines(t, stdout)) != 0 {
		t.Errorf("events --source ZZZ: exit %d, want none", code)
	}
	code, stdout, _ = runArticleCmd(t, "", "--db", db, "export", "--format", "gdelt")
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if code != 0 || len(lines) < 2 || len(strings.Split(lines[1], "\t")) != 61 {
		t.Errorf("export --format gdelt: exit %d, %d lines", code, len(lines))
	}
	code, stdout, _ = runArticleCmd(t, "", "--db", db, "export", "--format", "plover")
	if n := len(decodeJSONLines(t, stdout)); code != 0 || n != len(evs) {
		t.Errorf("export --format plover: exit %d, %d events, want %d", code, n, len(evs))
	}
	code, _, stderr = runArticleCmd(t, "", "--db", db, "export", "--format", "xml")
	if code == 0 || !strings.Contains(stderr, "want articles, gdelt or plover") {
		t.Errorf("export --format xml: exit %d, %q", code, stderr)
	}

	// A second analysis run finds nothing new; --all redoes everything.
	code, _, stderr = runArticleCmd(t, "", "--db", db, "analyze")
	if code != 0 || !strings.Contains(stderr, "no articles to analyse") {
		t.Errorf("analyze with nothing new: exit %d, %q", code, stderr)
	}
	code, _, stderr = runArticleCmd(t, "", "--db", db, "analyze", "--all")
	if code != 0 || !strings.Contains(stderr, "analysed 4 articles") {
		t.Errorf("analyze --all: exit %d, %q", code, stderr)
	}
}

// TestExtractCountry checks --country: institutions an article names no
// country for are that country's, a dateline wins over it, and a bad code
// is refused with a clear message.
func TestExtractCountry(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every model: skipped with -short")
	}
	sources := func(stdout string) []string {
		var out []string
		for _, r := range decodeJSONLines(t, stdout) {
			for _, e := range r["events"].([]any) {
				for _, a := range e.(map[string]any)["source"].([]any) {
					a := a.(map[string]any)
					out = append(out, a["text"].(string)+"="+a["code"].(string))
				}
			}
		}
		return out
	}
	const plain = `{"id":"a","published":"2025-03-31","text":"Police arrested two men outside the stadium on Saturday."}`
	const wire = `{"id":"b","published":"2025-03-31","text":"KYIV, March 30 (Dyad Wire) - Police arrested two men outside the stadium on Saturday."}`
	tests := []struct {
		name, input string
		args        []string
		want        string
	}{
		{"no country", plain, nil, "Police="},
		{"country", plain, []string{"--country", "GBR"}, "Police=GBRCOP"},
		{"dateline first", wire, []string{"--country", "gbr"}, "Police=UKRCOP"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runArticleCmd(t, tc.input, append([]string{"extract"}, tc.args...)...)
			if code != 0 {
				t.Fatalf("exit %d\n%s", code, stderr)
			}
			if got := strings.Join(sources(stdout), " "); got != tc.want {
				t.Errorf("event sources %q, want %q", got, tc.want)
			}
		})
	}
	for _, bad := range []string{"XX", "ZZZ"} {
		code, _, stderr := runArticleCmd(t, plain, "extract", "--country", bad)
		if code == 0 || !strings.Contains(stderr, "--country") {
			t.Errorf("--country %s: exit %d, stderr %q; want an error about --country", bad, code, stderr)
		}
	}
}

// TestExtractLineBreaks checks that extract reads a line without a full stop
// (a headline) as a sentence of its own when the article has one paragraph
// per line, and reads hard-wrapped text across its line breaks.
func TestExtractLineBreaks(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every model: skipped with -short")
	}
	tests := []struct {
		name, text string
		want       string // the sentence of the only event
	}{
		{"headline line", "Two men held in London\nPolice arrested two men outside parliament on Saturday.\nThe two were released later.\nNo charges were brought.",
			"Police arrested two men outside parliament on Saturday."},
		{"wrapped lines", "Protesters gathered on Saturday, and in the evening police\narrested two men outside the\nparliament after a scuffle.\nthe men were released later\nwithout charge.",
			"Protesters gathered on Saturday, and in the evening police\narrested two men outside the\nparliament after a scuffle."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in, err := json.Marshal(map[string]string{"id": "a", "published": "2025-03-31", "text": tc.text})
			if err != nil {
				t.Fatal(err)
			}
			code, stdout, stderr := runArticleCmd(t, string(in), "extract", "--country", "GBR")
			if code != 0 {
				t.Fatalf("exit %d\n%s", code, stderr)
			}
			var got []string
			for _, r := range decodeJSONLines(t, stdout) {
				for _, e := range r["events"].([]any) {
					s := e.(map[string]any)["sentence"].(map[string]any)
					runes := []rune(tc.text)
					got = append(got, string(runes[int(s["start"].(float64)):int(s["end"].(float64))]))
				}
			}
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("event sentences %q, want [%q]", got, tc.want)
			}
		})
	}
}
