package coref

import (
	"strings"
	"testing"
	"time"

	"github.com/dyad-news/dyad/internal/actors"
	"github.com/dyad-news/dyad/internal/doc"
)

// fakeKB is a knowledge base made of functions, for tests.
type fakeKB struct {
	describe func(words []string, date time.Time) (actors.Actor, bool)
	agents   map[string]string
	given    map[string]string
}

func (f fakeKB) Describe(words []string, date time.Time) (actors.Actor, bool) {
	if f.describe == nil {
		return actors.Actor{}, false
	}
	return f.describe(words, date)
}

func (f fakeKB) Agent(words ...string) (string, bool) {
	s, ok := f.agents[strings.ToLower(strings.Join(words, " "))]
	return s, ok
}

func (f fakeKB) GivenName(name string) (string, bool) {
	g, ok := f.given[name]
	return g, ok
}

var _ KB = fakeKB{}

// build makes an annotated doc from sentences written as
// "form/UPOS/deprel" words; "[PER" … "]" marks an entity, and "=id" after the
// label gives it a knowledge-base actor of that id ("[PER=putin Putin/PROPN ]").
func build(t *testing.T, published string, actorsByID map[string]doc.Actor, sents ...string) *doc.Doc {
	t.Helper()
	d := doc.New("t", "")
	var text strings.Builder
	for si, s := range sents {
		first := len(d.Tokens)
		start := text.Len()
		entStart, label, id := -1, "", ""
		for _, w := range strings.Fields(s) {
			if strings.HasPrefix(w, "[") {
				entStart, label = len(d.Tokens), w[1:]
				if i := strings.IndexByte(label, '='); i >= 0 {
					label, id = label[:i], label[i+1:]
				}
				continue
			}
			if w == "]" {
				e := doc.Entity{First: entStart, Last: len(d.Tokens), Start: d.Tokens[entStart].Start, End: d.Tokens[len(d.Tokens)-1].End, Label: label}
				if id != "" {
					a := actorsByID[id]
					e.Actor = &a
				}
				d.Entities = append(d.Entities, e)
				entStart, id = -1, ""
				continue
			}
			parts := strings.Split(w, "/")
			for len(parts) < 3 {
				parts = append(parts, "")
			}
			if text.Len() > 0 {
				text.WriteByte(' ')
			}
			tok := doc.Token{Start: text.Len(), Form: parts[0], UPOS: parts[1], DepRel: parts[2], Head: -1, Sentence: si, SpaceAfter: true}
			text.WriteString(parts[0])
			tok.End = text.Len()
			d.Tokens = append(d.Tokens, tok)
		}
		d.Sentences = append(d.Sentences, doc.Sentence{First: first, Last: len(d.Tokens), Start: start, End: text.Len()})
	}
	d.Text = text.String()
	d.Published = published
	d.Mark(doc.LayerTokens, doc.LayerSentences, doc.LayerPOS, doc.LayerDeps, doc.LayerEntities, doc.LayerActors)
	return d
}

// resolved renders each mention as "text→chain name".
func resolved(d *doc.Doc) string {
	var out []string
	for _, m := range d.Mentions {
		name := "?"
		if m.Chain >= 0 {
			name = d.Chains[m.Chain].Name
		}
		out = append(out, d.Text[m.Start:m.End]+"→"+name)
	}
	return strings.Join(out, "; ")
}

func TestAnnotate(t *testing.T) {
	people := map[string]doc.Actor{
		"putin":  {ID: "vladimir-putin", Name: "Vladimir Putin", Code: "RUSGOV", Country: "RUS", Sector: "GOV", Kind: "person", Gender: "m", Title: "President"},
		"peskov": {ID: "dmitry-peskov", Name: "Dmitry Peskov", Code: "RUSGOV", Country: "RUS", Sector: "GOV", Kind: "person", Gender: "m", Title: "Kremlin spokesman"},
		"nato":   {ID: "nato", Name: "NATO", Code: "IGONAT", Country: "IGO", Kind: "igo"},
		"kyiv":   {ID: "kyiv-ukr", Name: "Kyiv", Code: "UKR", Country: "UKR", Kind: "city"},
	}
	kb := fakeKB{
		agents: map[string]string{"president": "GOV", "spokesman": "GOV", "minister": "GOV", "government": "GOV"},
		given:  map[string]string{"Maria": "f", "John": "m"},
		describe: func(words []string, date time.Time) (actors.Actor, bool) {
			if strings.Join(words, " ") == "the Russian president" && date.Year() >= 2012 {
				return actors.Actor{ID: "vladimir-putin", Name: "Vladimir Putin", Code: "RUSGOV", Kind: actors.Person, Gender: "m", Title: "President"}, true
			}
			if strings.Join(words, " ") == "Kyiv government" {
				return actors.Actor{Name: "Kyiv government", Code: "UKRGOV", Country: "UKR", Sector: "GOV", Kind: actors.Agent}, true
			}
			return actors.Actor{}, false
		},
	}
	tests := []struct {
		name  string
		date  string
		sents []string
		want  string
	}{
		{"surname after full name", "2025-03-31", []string{
			"[PER Maria/PROPN/nsubj Smirnova/PROPN ] said/VERB/root ./PUNCT",
			"[PER Smirnova/PROPN/nsubj ] left/VERB ./PUNCT",
		}, "Maria Smirnova→Maria Smirnova; Smirnova→Maria Smirnova"},
		{"pronoun to the subject of the previous sentence", "2025-03-31", []string{
			"[PER=peskov Peskov/PROPN/nsubj ] met/VERB [PER John/PROPN/obj Doe/PROPN ] ./PUNCT",
			"He/PRON/nsubj said/VERB talks/NOUN continue/VERB ./PUNCT",
		}, "Peskov→Dmitry Peskov; John Doe→John Doe; He→Dmitry Peskov"},
		{"gender picks the compatible person", "2025-03-31", []string{
			"[PER Maria/PROPN/nsubj Lopez/PROPN ] met/VERB [PER John/PROPN/obj Doe/PROPN ] ./PUNCT",
			"He/PRON/nsubj left/VERB early/ADV ./PUNCT",
		}, "Maria Lopez→Maria Lopez; John Doe→John Doe; He→John Doe"},
		{"description resolved on the date", "2025-03-31", []string{
			"[PER=putin Putin/PROPN/nsubj ] spoke/VERB ./PUNCT",
			"the/DET Russian/ADJ president/NOUN/nsubj said/VERB ./PUNCT",
		}, "Putin→Vladimir Putin; the Russian president→Vladimir Putin"},
		{"bare title links to the holder named before", "2025-03-31", []string{
			"[PER=peskov Peskov/PROPN/nsubj ] spoke/VERB ./PUNCT",
			"the/DET spokesman/NOUN/nsubj added/VERB ./PUNCT",
		}, "Peskov→Dmitry Peskov; the spokesman→Dmitry Peskov"},
		{"indefinite description is no mention", "2025-03-31", []string{
			"a/DET minister/NOUN/nsubj said/VERB ./PUNCT",
		}, ""},
		{"they to an organisation", "2025-03-31", []string{
			"[ORG=nato NATO/PROPN/nsubj ] met/VERB ./PUNCT",
			"They/PRON/nsubj agreed/VERB ./PUNCT",
		}, "NATO→NATO; They→NATO"},
		{"a place the tagger took for a person is no antecedent of he", "2025-03-31", []string{
			"[PER=peskov Peskov/PROPN/nsubj ] spoke/VERB ./PUNCT",
			"[PER=kyiv Kyiv/PROPN/nsubj ] waited/VERB ./PUNCT",
			"He/PRON/nsubj left/VERB ./PUNCT",
		}, "Peskov→Dmitry Peskov; Kyiv→Kyiv; He→Dmitry Peskov"},
		{"courtesy title before the surname", "2025-03-31", []string{
			"[PER Michael/PROPN/nsubj Howard/PROPN ] spoke/VERB ./PUNCT",
			"[PER Mr/PROPN/nsubj Howard/PROPN ] left/VERB ./PUNCT",
		}, "Michael Howard→Michael Howard; Mr Howard→Michael Howard"},
		{"job title before the name", "2025-03-31", []string{
			"[PER John/PROPN/nsubj Doe/PROPN ] spoke/VERB ./PUNCT",
			"[PER President/PROPN/nsubj Doe/PROPN ] left/VERB ./PUNCT",
		}, "John Doe→John Doe; President Doe→John Doe"},
		{"courtesy title tells the gender", "2025-03-31", []string{
			"[PER Mrs/PROPN/nsubj Lopez/PROPN ] met/VERB [PER Sam/PROPN/obj Doe/PROPN ] ./PUNCT",
			"She/PRON/nsubj left/VERB early/ADV ./PUNCT",
		}, "Mrs Lopez→Mrs Lopez; Sam Doe→Sam Doe; She→Mrs Lopez"},
		{"different first names stay apart", "2025-03-31", []string{
			"[PER Ed/PROPN/nsubj Miliband/PROPN ] spoke/VERB ./PUNCT",
			"[PER David/PROPN/nsubj Miliband/PROPN ] left/VERB ./PUNCT",
		}, "Ed Miliband→Ed Miliband; David Miliband→David Miliband"},
		{"pronoun outside a quotation skips names inside it", "2025-03-31", []string{
			"[PER John/PROPN/nsubj Doe/PROPN ] spoke/VERB ./PUNCT",
			"\"/PUNCT [PER Prince/PROPN/nsubj William/PROPN ] is/AUX kind/ADJ ./PUNCT \"/PUNCT",
			"He/PRON/nsubj added/VERB more/ADJ ./PUNCT",
		}, "John Doe→John Doe; Prince William→Prince William; He→John Doe"},
		{"pronoun inside a quotation may look outside", "2025-03-31", []string{
			"[PER John/PROPN/nsubj Doe/PROPN ] spoke/VERB ./PUNCT",
			"\"/PUNCT He/PRON/nsubj is/AUX kind/ADJ ./PUNCT \"/PUNCT",
		}, "John Doe→John Doe; He→John Doe"},
		{"the government of the dateline's place", "2025-03-31", []string{
			"[LOC=kyiv KYIV/PROPN ] ,/PUNCT March/PROPN 30/NUM -/PUNCT the/DET government/NOUN/nsubj said/VERB ./PUNCT",
		}, "KYIV→KYIV; the government→the government"},
		{"no dateline, no country for the government", "2025-03-31", []string{
			"In/ADP [LOC=kyiv Kyiv/PROPN ] ,/PUNCT the/DET government/NOUN/nsubj said/VERB ./PUNCT",
		}, "Kyiv→Kyiv; the government→?"},
		{"pronoun with nobody before", "2025-03-31", []string{
			"He/PRON/nsubj said/VERB ./PUNCT",
		}, "He→?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := build(t, tt.date, people, tt.sents...)
			if err := New(kb).Annotate(d); err != nil {
				t.Fatal(err)
			}
			if got := resolved(d); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			if !d.Has(doc.LayerCoref) {
				t.Error("LayerCoref not marked")
			}
		})
	}
}

func TestAnnotateRequiresLayers(t *testing.T) {
	d := doc.New("x", "He said.")
	if err := New(fakeKB{}).Annotate(d); err == nil {
		t.Fatal("Annotate on an untokenised doc: want an error")
	}
}

// TestDatelineInstitution gives "the government" of wire copy the country
// of its dateline, and leaves office holders ("the president") alone.
func TestDatelineInstitution(t *testing.T) {
	kyiv := doc.Actor{ID: "kyiv-ukr", Name: "Kyiv", Code: "UKR", Country: "UKR", Kind: "city"}
	kb := fakeKB{
		agents: map[string]string{"government": "GOV", "president": "GOV"},
		describe: func(words []string, date time.Time) (actors.Actor, bool) {
			switch strings.Join(words, " ") {
			case "Kyiv government":
				return actors.Actor{Name: "Kyiv government", Code: "UKRGOV", Country: "UKR", Sector: "GOV", Kind: actors.Agent}, true
			case "Kyiv president":
				return actors.Actor{Name: "Kyiv president", Code: "UKRGOV", Country: "UKR", Sector: "GOV", Kind: actors.Agent}, true
			}
			return actors.Actor{}, false
		},
	}
	d := build(t, "2025-03-31", map[string]doc.Actor{"kyiv": kyiv},
		"[LOC=kyiv KYIV/PROPN ] ,/PUNCT March/PROPN 30/NUM -/PUNCT the/DET government/NOUN/nsubj said/VERB the/DET president/NOUN/obj left/VERB ./PUNCT")
	if err := New(kb).Annotate(d); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, m := range d.Mentions {
		code := "-"
		if m.Chain >= 0 && d.Chains[m.Chain].Actor != nil {
			code = d.Chains[m.Chain].Actor.Code
		}
		got[d.Text[m.Start:m.End]] = code
	}
	if got["the government"] != "UKRGOV" || got["the president"] != "-" {
		t.Errorf("mentions resolved to %v, want the government UKRGOV and the president unresolved", got)
	}
}

// TestLaterFullName gives a chain begun by a bare surname the actor of the
// full name that follows ("Clinton" … "Hillary Clinton").
func TestLaterFullName(t *testing.T) {
	putin := doc.Actor{ID: "vladimir-putin", Name: "Vladimir Putin", Code: "RUSGOV", Country: "RUS", Sector: "GOV", Kind: "person", Gender: "m"}
	d := build(t, "2025-03-31", map[string]doc.Actor{"putin": putin},
		"[PER Putin/PROPN/nsubj ] spoke/VERB ./PUNCT",
		"[PER=putin Vladimir/PROPN/nsubj Putin/PROPN ] left/VERB ./PUNCT",
		"He/PRON/nsubj smiled/VERB ./PUNCT")
	if err := New(fakeKB{}).Annotate(d); err != nil {
		t.Fatal(err)
	}
	for _, m := range d.Mentions {
		if m.Chain < 0 || d.Chains[m.Chain].Actor == nil || d.Chains[m.Chain].Actor.Code != "RUSGOV" {
			t.Errorf("%q: chain %d without the actor RUSGOV", d.Text[m.Start:m.End], m.Chain)
		}
	}
}

func TestHoldsTitle(t *testing.T) {
	tests := []struct {
		title string
		desc  string
		want  bool
	}{
		{"prime minister", "the prime minister", true},
		{"prime minister", "the minister", true},
		{"deputy prime minister", "the prime minister", false},
		{"deputy prime minister", "the deputy prime minister", true},
		{"deputy prime minister", "the minister", true},
		{"prime minister", "the deputy prime minister", false},
		{"foreign minister", "the minister", true},
		{"foreign minister", "the foreign minister", true},
		{"president", "the Russian president", true},
		{"vice president", "the president", false},
		{"president", "the vice president", false},
		{"kremlin spokesperson", "the spokes", true},
		{"foreign secretary", "the home secretary", true}, // the head word decides; the country's offices are the knowledge base's business
		{"chancellor", "the minister", false},
		{"shadow chancellor", "the chancellor", false},
		{"chancellor", "", false},
	}
	for _, tc := range tests {
		if got := holdsTitle(tc.title, strings.Fields(tc.desc)); got != tc.want {
			t.Errorf("holdsTitle(%q, %q) = %v, want %v", tc.title, tc.desc, got, tc.want)
		}
	}
}

// TestOfficeAtHome resolves an office with no country ("the foreign
// secretary") to its holder in the article's home country, unless the
// sentence or the one before names another country, or the description
// has words that are no office ("the Tory spokesman").
func TestOfficeAtHome(t *testing.T) {
	uk := &doc.Actor{ID: "GBR", Name: "United Kingdom", Code: "GBR", Country: "GBR", Kind: "country"}
	iran := doc.Actor{ID: "IRN", Name: "Iran", Code: "IRN", Country: "IRN", Kind: "country"}
	kb := fakeKB{
		agents: map[string]string{"secretary": "GOV", "foreign secretary": "GOV", "spokesman": "GOV"},
		describe: func(words []string, date time.Time) (actors.Actor, bool) {
			switch strings.Join(words, " ") {
			case "United Kingdom foreign secretary":
				return actors.Actor{ID: "jack-straw", Name: "Jack Straw", Code: "GBRGOV", Country: "GBR", Sector: "GOV", Kind: actors.Person}, true
			case "United Kingdom tory spokesman":
				return actors.Actor{Name: "United Kingdom tory spokesman", Code: "GBRGOV", Country: "GBR", Sector: "GOV", Kind: actors.Agent}, true
			}
			return actors.Actor{}, false
		},
	}
	tests := []struct {
		name  string
		sents []string
		want  string
	}{
		{"home office", []string{"Talks/NOUN ended/VERB ./PUNCT", "The/DET foreign/ADJ secretary/NOUN/nsubj left/VERB ./PUNCT"},
			"The foreign secretary→Jack Straw"},
		{"another country before", []string{"[LOC=iran Iran/PROPN ] talks/NOUN ended/VERB ./PUNCT", "The/DET foreign/ADJ secretary/NOUN/nsubj left/VERB ./PUNCT"},
			"Iran→Iran; The foreign secretary→?"},
		{"no office", []string{"The/DET Tory/PROPN spokesman/NOUN/nsubj left/VERB ./PUNCT"},
			"The Tory spokesman→?"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := build(t, "2005-03-01", map[string]doc.Actor{"iran": iran}, tc.sents...)
			d.Home = uk
			if err := New(kb).Annotate(d); err != nil {
				t.Fatal(err)
			}
			if got := resolved(d); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}
