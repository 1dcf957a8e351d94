package record

import (
	"encoding/json"
	"errors"
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
	a, err := FromDoc(d)
	if err != nil {
		t.Fatal(err)
	}
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

func TestFromDocInvalidSpan(t *testing.T) {
	d := doc.New("a2", "Short text.")
	d.Entities = []doc.Entity{{Start: 0, End: 5, Label: "ORG"}, {Start: 8, End: 3, Label: "PER"}, {Start: 6, End: 99, Label: "LOC"}}
	d.Events = []doc.Event{{CAMEO: "010", Source: []doc.EventActor{{Span: doc.Span{Start: 9, End: 2}}}, Quote: -1}}
	a, err := FromDoc(d)
	var se *SpanError
	if !errors.As(err, &se) {
		t.Fatalf("FromDoc error = %v, want a *SpanError", err)
	}
	if len(a.Entities) != 1 || a.Entities[0].Text != "Short" {
		t.Errorf("entities = %+v, want only the valid one", a.Entities)
	}
	if len(a.Events) != 1 || len(a.Events[0].Source) != 0 {
		t.Errorf("events = %+v, want the event without its invalid actor", a.Events)
	}
}

// TestFromDocChainActor checks that an entity the knowledge base did not
// resolve takes the actor of its coreference chain.
func TestFromDocChainActor(t *testing.T) {
	text := "Liam Fox spoke. Dr Fox left. Ann Lee stayed."
	d := doc.New("a3", text)
	fox := &doc.Actor{ID: "liam-fox", Name: "Liam Fox", Code: "GBRELI", Country: "GBR", Sector: "ELI"}
	at := func(s string) (int, int) { i := strings.Index(text, s); return i, i + len(s) }
	s1, e1 := at("Liam Fox")
	s2, e2 := at("Dr Fox")
	s3, e3 := at("Ann Lee")
	d.Entities = []doc.Entity{{Start: s1, End: e1, Label: "PER", Actor: fox}, {Start: s2, End: e2, Label: "PER"}, {Start: s3, End: e3, Label: "PER"}}
	d.Chains = []doc.Chain{{Name: "Liam Fox", Actor: fox}, {Name: "Ann Lee"}}
	d.Mentions = []doc.Mention{{Start: s1, End: e1, Entity: 0, Chain: 0}, {Start: s2, End: e2, Entity: 1, Chain: 0}, {Start: s3, End: e3, Entity: 2, Chain: 1}}
	a, err := FromDoc(d)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range a.Entities {
		code := ""
		if e.Actor != nil {
			code = e.Actor.Code
		}
		got = append(got, e.Text+"="+code)
	}
	if want := "Liam Fox=GBRELI Dr Fox=GBRELI Ann Lee="; strings.Join(got, " ") != want {
		t.Errorf("entities %q, want %q", strings.Join(got, " "), want)
	}
}
