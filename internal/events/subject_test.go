package events

import (
	"context"
	"strings"
	"testing"

	"github.com/dyad-news/dyad/internal/doc"
)

// TestSubjects codes sentences whose parse the test writes by hand: the
// parser sometimes splits a long subject into two nsubj of one verb, and
// the known actor among them must be the source; or it leaves a verb
// without subject, and the noun right before it must be.
func TestSubjects(t *testing.T) {
	u := loadUpstream(t)
	st := New(u.rules, u.kb)
	zwe := doc.Actor{ID: "ZWE", Name: "Zimbabwe", Code: "ZWE", Country: "ZWE", Kind: "country"}
	mugabe := doc.Actor{ID: "robert-mugabe", Name: "Robert Mugabe", Code: "ZWEGOV", Country: "ZWE", Sector: "GOV", Kind: "person"}
	twn := doc.Actor{ID: "TWN", Name: "Taiwan", Code: "TWN", Country: "TWN", Kind: "country"}
	gbr := doc.Actor{ID: "GBR", Name: "United Kingdom", Code: "GBR", Country: "GBR", Kind: "country"}
	tests := []struct {
		name string
		// word/UPOS/lemma/head(1-based, 0 root)/deprel
		words    string
		entities map[[2]int]*doc.Actor // token range → actor
		trigger  string
		source   string
	}{
		{"named person after a split-off adjective",
			"Zimbabwean/PROPN/Zimbabwean/6/nsubj Prime/ADJ/prime/3/amod Minister/PROPN/Minister/4/nmod Robert/PROPN/Robert/6/nsubj Mugabe/PROPN/Mugabe/4/flat accused/VERB/accuse/0/root Britain/PROPN/Britain/6/obj ./PUNCT/./6/punct",
			map[[2]int]*doc.Actor{{0, 1}: &zwe, {3, 5}: &mugabe, {6, 7}: &gbr}, "accused", "ZWEGOV"},
		{"first subject kept when the later one is no actor",
			"Taiwan/PROPN/Taiwan/5/nsubj 's/PART/'s/1/case Foreign/ADJ/foreign/4/amod Minister/PROPN/Minister/5/nsubj visited/VERB/visit/0/root Britain/PROPN/Britain/5/obj ./PUNCT/./5/punct",
			map[[2]int]*doc.Actor{{0, 1}: &twn, {5, 6}: &gbr}, "visited", "TWN"},
		{"noun right before a verb the parse left without subject",
			"Farmers/NOUN/farmer/2/nsubj protested/VERB/protest/0/root after/ADP/after/5/case Mugabe/PROPN/Mugabe/2/obl threatened/VERB/threaten/2/ccomp Britain/PROPN/Britain/5/obj ./PUNCT/./2/punct",
			map[[2]int]*doc.Actor{{3, 4}: &mugabe, {5, 6}: &gbr}, "threatened", "ZWEGOV"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := handParsed(t, tc.words, tc.entities)
			if err := st.Apply(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			ev := -1
			for i, e := range d.Events {
				if d.Slice(e.Trigger) == tc.trigger {
					ev = i
				}
			}
			if ev < 0 {
				t.Fatalf("no event triggered by %q: %+v", tc.trigger, d.Events)
			}
			var src []string
			for _, a := range d.Events[ev].Source {
				if a.Actor != nil {
					src = append(src, a.Actor.Code)
				}
			}
			if strings.Join(src, " ") != tc.source {
				t.Errorf("source %q, want %q", src, tc.source)
			}
		})
	}
}

// handParsed builds a one-sentence doc from word/UPOS/lemma/head/deprel
// specs, with named entities carrying the given actors.
func handParsed(t *testing.T, spec string, ents map[[2]int]*doc.Actor) *doc.Doc {
	t.Helper()
	var text strings.Builder
	var toks []doc.Token
	for i, w := range strings.Fields(spec) {
		f := strings.Split(w, "/")
		if len(f) != 5 {
			t.Fatalf("bad word spec %q", w)
		}
		if i > 0 && f[1] != "PUNCT" && f[1] != "PART" {
			text.WriteByte(' ')
		}
		head := 0
		for _, c := range f[3] {
			head = head*10 + int(c-'0')
		}
		tk := doc.Token{Start: text.Len(), Form: f[0], UPOS: f[1], Lemma: f[2], Head: head - 1, DepRel: f[4]}
		if tk.UPOS == "VERB" {
			tk.XPOS = "VBD"
		}
		text.WriteString(f[0])
		tk.End = text.Len()
		toks = append(toks, tk)
	}
	d := doc.New("t", text.String())
	d.Published = "1985-05-01"
	d.Tokens = toks
	d.Sentences = []doc.Sentence{{First: 0, Last: len(toks), Start: 0, End: text.Len()}}
	for r, a := range ents {
		label := "LOC"
		if a.Kind == "person" {
			label = "PER"
		}
		d.Entities = append(d.Entities, doc.Entity{First: r[0], Last: r[1], Start: toks[r[0]].Start, End: toks[r[1]-1].End, Label: label, Actor: a})
	}
	sortEntities(d.Entities)
	d.Mark(doc.LayerTokens, doc.LayerSentences, doc.LayerPOS, doc.LayerLemmas, doc.LayerDeps, doc.LayerEntities, doc.LayerActors, doc.LayerCoref)
	return d
}

func sortEntities(es []doc.Entity) {
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && es[j].First < es[j-1].First; j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
}

// TestActorThroughCoreference resolves an actor phrase whose head is a
// title ("Mr" with "Brown" hung on it) through the coreference chain of the
// name inside it.
func TestActorThroughCoreference(t *testing.T) {
	u := loadUpstream(t)
	st := New(u.rules, u.kb)
	brown := doc.Actor{ID: "gordon-brown", Name: "Gordon Brown", Code: "GBRGOV", Country: "GBR", Sector: "GOV", Kind: "person"}
	d := handParsed(t, "Mr/PROPN/Mr/3/nsubj Brown/PROPN/Brown/1/flat criticised/VERB/criticise/0/root France/PROPN/France/3/obj ./PUNCT/./3/punct",
		map[[2]int]*doc.Actor{{3, 4}: {ID: "FRA", Name: "France", Code: "FRA", Country: "FRA", Kind: "country"}})
	d.Entities = append([]doc.Entity{{First: 1, Last: 2, Start: d.Tokens[1].Start, End: d.Tokens[1].End, Label: "PER"}}, d.Entities...)
	d.Chains = []doc.Chain{{Name: "Gordon Brown", Actor: &brown}}
	d.Mentions = []doc.Mention{{First: 1, Last: 2, Start: d.Tokens[1].Start, End: d.Tokens[1].End, Kind: doc.MentionName, Entity: 0, Chain: 0}}
	if err := st.Apply(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 || len(d.Events[0].Source) != 1 || d.Events[0].Source[0].Actor == nil || d.Events[0].Source[0].Actor.Code != "GBRGOV" {
		t.Fatalf("events %+v, want one with source GBRGOV", d.Events)
	}
}

// TestDatelineActors codes "police" and "the army" of a wire story with the
// country of its dateline, and leaves a story without one alone.
func TestDatelineActors(t *testing.T) {
	u := loadUpstream(t)
	tests := []struct {
		name, text string
		want       []string // trigger=source code
	}{
		{"dateline", "KYIV, March 30 (Dyad Wire) - Police arrested twelve protesters outside the parliament on Sunday, and the army denied any role.",
			[]string{"arrested=UKRCOP", "denied=UKRMIL"}},
		{"no dateline", "Police arrested twelve protesters outside the parliament in Kyiv on Sunday.",
			[]string{"arrested="}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := u.analyse(t, tc.text, "2025-03-31")
			var got []string
			for _, e := range d.Events {
				code := ""
				if len(e.Source) > 0 && e.Source[0].Actor != nil {
					code = e.Source[0].Actor.Code
				}
				got = append(got, d.Slice(e.Trigger)+"="+code)
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("events %q, want %q", got, tc.want)
			}
		})
	}
}

// TestUnknownPersonActor leaves a person the knowledge base does not know
// unresolved rather than taking a name that only describes them.
func TestUnknownPersonActor(t *testing.T) {
	u := loadUpstream(t)
	d := u.analyse(t, "Russia invited the Trump critic Mark Cuban to the talks.", "2016-09-25")
	for _, e := range d.Events {
		for _, a := range e.Target {
			if a.Actor != nil && a.Actor.Code != "" {
				t.Errorf("target %q coded %s, want no code", d.Slice(a.Span), a.Actor.Code)
			}
		}
	}
	if len(d.Events) == 0 {
		t.Error("no event coded")
	}
}
