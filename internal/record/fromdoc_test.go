package record

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/dyad-news/dyad/internal/doc"
)

func TestFromDocCodePoints(t *testing.T) {
	text := "“Zelenskyy” met Macron at the Élysée."
	d := doc.New("a1", text)
	d.Published = "2025-03-31"
	start := strings.Index(text, "Macron")
	d.Entities = []doc.Entity{{Start: start, End: start + len("Macron"), Label: "PER",
		Actor: &doc.Actor{ID: "emmanuel-macron", Name: "Emmanuel Macron", Code: "FRAGOV", Country: "FRA", Sector: "GOV"}}}
	a := FromDoc(d)
	if len(a.Entities) != 1 {
		t.Fatalf("entities = %d, want 1", len(a.Entities))
	}
	e := a.Entities[0]
	runes := []rune(text)
	if got := string(runes[e.Start:e.End]); got != "Macron" || e.Text != "Macron" {
		t.Errorf("code-point slice = %q, text = %q, want Macron", got, e.Text)
	}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"quotes":[]`, `"events":[]`, `"code":"FRAGOV"`, `"published":"2025-03-31"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON lacks %s: %s", want, b)
		}
	}
}
