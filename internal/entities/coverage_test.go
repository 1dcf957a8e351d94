package entities

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/dyad-news/dyad/internal/actors"
	"github.com/dyad-news/dyad/internal/ner"
	"github.com/dyad-news/dyad/internal/shareddata"
	"github.com/dyad-news/dyad/internal/tagger"
	"github.com/dyad-news/dyad/internal/tokenize"
)

// TestPloverActorCoverage measures how often the gold source and target
// countries of the PLOVER gold records are among the actors the entity stage
// finds in the sentence: the ceiling for event source/target accuracy.
func TestPloverActorCoverage(t *testing.T) {
	path := shareddata.Dir(t, "events", "plover-gsr-dev.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var recs []struct {
		ID     string          `json:"id"`
		Date   string          `json:"date"`
		Text   string          `json:"text"`
		Source json.RawMessage `json:"source"`
		Target json.RawMessage `json:"target"`
	}
	if err := json.Unmarshal(raw, &recs); err != nil {
		t.Fatal(err)
	}
	tm, err := tagger.Load()
	if err != nil {
		t.Fatal(err)
	}
	nm, err := ner.Load()
	if err != nil {
		t.Fatal(err)
	}
	kb, err := actors.Default()
	if err != nil {
		t.Fatal(err)
	}
	st := New(nm, kb)
	var gold, found, srcGold, srcFound int
	for _, r := range recs {
		d := tokenize.Tokenize(r.ID, r.Text, tokenize.Options{})
		d.Published = r.Date
		if err := tm.Annotate(d); err != nil {
			t.Fatal(err)
		}
		if err := st.Apply(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		have := map[string]bool{}
		for _, e := range d.Entities {
			if e.Actor != nil && e.Actor.Country != "" {
				have[e.Actor.Country] = true
			}
		}
		check := func(code string) bool {
			if len(code) < 3 {
				return false
			}
			return have[code[:3]]
		}
		for _, c := range codes(r.Source) {
			gold++
			srcGold++
			if check(c) {
				found++
				srcFound++
			}
		}
		for _, c := range codes(r.Target) {
			gold++
			if check(c) {
				found++
			}
		}
	}
	cov := float64(found) / float64(gold)
	t.Logf("PLOVER dev: gold source/target countries found among the sentence's actors: %d/%d = %.3f (sources %d/%d = %.3f)",
		found, gold, cov, srcFound, srcGold, float64(srcFound)/float64(srcGold))
	if cov < 0.85 {
		t.Errorf("actor coverage %.3f below the floor 0.85", cov)
	}
}

// codes reads a gold source or target field: a list of actor objects, or a
// string (often empty) in a few records.
func codes(raw json.RawMessage) []string {
	var list []struct {
		Code string `json:"code"`
	}
	if json.Unmarshal(raw, &list) != nil {
		return nil
	}
	var out []string
	for _, a := range list {
		if len(a.Code) >= 3 {
			out = append(out, a.Code)
		}
	}
	return out
}
