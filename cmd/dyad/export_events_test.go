package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/dyad-news/dyad/internal/record"
	"github.com/dyad-news/dyad/internal/store"
)

// twoEvents is an invented compound event (two sources) and an undated one.
var twoEvents = eventsFunc(func(context.Context, store.EventFilter) ([]store.EventRow, error) {
	return []store.EventRow{
		{ArticleID: "a1", URL: "https://news.example/a1", Sentence: "Britain and France agreed to work with Ukraine.",
			Event: record.Event{CAMEO: "036", Plover: record.Plover{Event: "CONSULT"}, Quad: 1, Goldstein: 4, Date: "2025-03-30",
				Source: []record.EventActor{{Text: "Britain", Name: "United Kingdom", Code: "GBRGOV", Country: "GBR", Sector: "GOV"},
					{Text: "France", Name: "France", Code: "FRA", Country: "FRA"}},
				Target:  []record.EventActor{{Text: "Ukraine", Name: "Ukraine", Code: "UKR", Country: "UKR"}},
				Trigger: record.Span{Text: "agreed"}, Sentence: record.SentenceSpan{Start: 0, End: 48}}},
		{ArticleID: "a2", Event: record.Event{CAMEO: "010", Source: []record.EventActor{{Code: "USA"}}}},
	}, nil
})

func TestExportGDELT(t *testing.T) {
	var b bytes.Buffer
	if err := exportGDELT(context.Background(), twoEvents, store.EventFilter{}, &b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("got %d lines, want a header and one row per source (the undated event is skipped):\n%s", len(lines), b.String())
	}
	for i, l := range lines {
		if n := len(strings.Split(l, "\t")); n != 61 {
			t.Errorf("line %d has %d columns, want 61", i+1, n)
		}
	}
	row := strings.Split(lines[1], "\t")
	col := func(name string) string {
		for i, c := range gdeltColumns {
			if c == name {
				return row[i]
			}
		}
		t.Fatalf("no column %s", name)
		return ""
	}
	for name, want := range map[string]string{"Day": "20250330", "Actor1Code": "GBRGOV", "Actor1Name": "UNITED KINGDOM",
		"Actor1CountryCode": "GBR", "Actor1Type1Code": "GOV", "Actor2Code": "UKR", "EventCode": "036", "EventRootCode": "03",
		"QuadClass": "1", "GoldsteinScale": "4.0", "IsRootEvent": "1", "SOURCEURL": "https://news.example/a1"} {
		if got := col(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
}

func TestExportPLOVER(t *testing.T) {
	var b bytes.Buffer
	if err := exportPLOVER(context.Background(), twoEvents, store.EventFilter{}, &b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d lines, want 2", len(lines))
	}
	var e ploverEvent
	if err := json.Unmarshal([]byte(lines[0]), &e); err != nil {
		t.Fatal(err)
	}
	if e.Event != "CONSULT" || len(e.Source) != 2 || e.Source[0].Code != "GBRGOV" || e.EventText != "agreed" || e.Text == "" {
		t.Errorf("PLOVER record = %+v", e)
	}
}
