// Package entities finds the named entities of a document and resolves each
// one to an actor of the knowledge base on the document's date: "Trump" is
// USAGOV in March 2025 but not in 2016, "the Kremlin" is RUSGOV, and a person
// the knowledge base does not know still gets a country and sector from the
// title in front of the name ("Hungarian foreign minister Jan Novak" →
// HUNGOV).
//
// It adds doc.Entities (LayerEntities) with Entity.Actor set (LayerActors).
//
//	st := entities.New(nerModel, kb)
//	err := st.Apply(ctx, d)
package entities

import (
	"context"
	"sort"
	"strings"
	"time"

	"github.com/dyad-news/dyad/internal/actors"
	"github.com/dyad-news/dyad/internal/coref"
	"github.com/dyad-news/dyad/internal/doc"
	"github.com/dyad-news/dyad/internal/ner"
)

// Recognizer finds entity mentions (token ranges with labels) in a document.
type Recognizer interface {
	Entities(d *doc.Doc) ([]ner.Entity, error)
}

// KB is what resolution needs from the actor knowledge base.
type KB interface {
	// ResolveIn resolves a name on a date, preferring among namesakes
	// the one with a role in country (the article's).
	ResolveIn(name string, date time.Time, country string) (actors.Actor, bool)
	Describe(words []string, date time.Time) (actors.Actor, bool)
	Agent(words ...string) (sector string, ok bool)
	Match(words []string) []actors.Match
}

var (
	_ Recognizer = (*ner.Model)(nil)
	_ KB         = (*actors.KB)(nil)
)

// Stage is the entity stage of the pipeline.
type Stage struct {
	rec Recognizer
	kb  KB
}

// New returns the entity stage.
func New(rec Recognizer, kb KB) *Stage { return &Stage{rec: rec, kb: kb} }

// Name returns "entities".
func (s *Stage) Name() string { return "entities" }

// Requires lists the layers the stage reads.
func (s *Stage) Requires() []doc.Layer {
	return []doc.Layer{doc.LayerTokens, doc.LayerSentences, doc.LayerPOS}
}

// Assigns lists the layers the stage sets.
func (s *Stage) Assigns() []doc.Layer { return []doc.Layer{doc.LayerEntities, doc.LayerActors} }

// Apply sets d.Entities and resolves their actors.
func (s *Stage) Apply(ctx context.Context, d *doc.Doc) error {
	found, err := s.rec.Entities(d)
	if err != nil {
		return err
	}
	date := Date(d)
	person := make([]bool, len(d.Tokens)) // tokens in the tagger's PER entities
	for _, e := range found {
		for t := e.Start; t < e.End && t < len(person); t++ {
			person[t] = e.Label == "PER"
		}
	}
	ents := make([]doc.Entity, 0, len(found))
	for _, e := range found {
		if e.Start >= e.End || e.End > len(d.Tokens) {
			continue
		}
		x := doc.Entity{First: e.Start, Last: e.End, Start: d.Tokens[e.Start].Start, End: d.Tokens[e.End-1].End, Label: e.Label}
		if a, ok := s.resolve(d, x, date, person); ok {
			x.Actor = &a
		}
		ents = append(ents, x)
	}
	d.Entities = s.addGazetteer(d, ents, date)
	return nil
}

// addGazetteer adds the knowledge-base mentions that the tagger does not
// label but that events and quotes need: country adjectives and demonyms
// ("Hungarian officials" → NORP HUN), metonyms ("the Kremlin") and
// intergovernmental organisations. The result is in text order.
func (s *Stage) addGazetteer(d *doc.Doc, ents []doc.Entity, date time.Time) []doc.Entity {
	covered := make([]bool, len(d.Tokens))
	for _, e := range ents {
		for t := e.First; t < e.Last; t++ {
			covered[t] = true
		}
	}
	added := false
	var words []string
	for _, sent := range d.Sentences {
		words = words[:0]
		for t := sent.First; t < sent.Last; t++ {
			words = append(words, d.Tokens[t].Form)
		}
		for _, m := range s.kb.Match(words) {
			first, last := sent.First+m.Start, sent.First+m.End
			label := ""
			switch {
			case m.Kind == actors.Country && (m.Via == actors.ViaAdjective || m.Via == actors.ViaDemonym):
				label = "NORP"
			case m.Kind == actors.Metonym || m.Kind == actors.IGO:
				label = "ORG"
			default:
				continue
			}
			overlap := false
			for t := first; t < last; t++ {
				overlap = overlap || covered[t]
			}
			if overlap {
				continue
			}
			a := coref.ToDoc(m.Entry.Actor(date))
			ents = append(ents, doc.Entity{First: first, Last: last, Start: d.Tokens[first].Start, End: d.Tokens[last-1].End, Label: label, Actor: &a})
			added = true
		}
	}
	if added {
		sort.Slice(ents, func(i, j int) bool { return ents[i].Start < ents[j].Start })
	}
	return ents
}

// Date returns the publication date of d, or today when d has none.
func Date(d *doc.Doc) time.Time {
	if t, err := time.Parse("2006-01-02", d.Published); err == nil {
		return t
	}
	return time.Now().UTC()
}

// resolve finds the actor of entity e; person marks the tokens of the
// people the tagger found.
func (s *Stage) resolve(d *doc.Doc, e doc.Entity, date time.Time, person []bool) (doc.Actor, bool) {
	name := d.Text[e.Start:e.End]
	a, ok := s.kb.ResolveIn(name, date, d.PlaceCountry())
	if ok && (e.Label != "PER" || a.Kind == actors.Person) {
		return coref.ToDoc(a), true
	}
	if e.Label != "PER" {
		return doc.Actor{}, false
	}
	// An unknown person with a title in front ("Russian foreign minister
	// Ivan Petrov"): the title gives country and sector.
	title := titleBefore(d, e.First, s.kb, person)
	if len(title) == 0 {
		return doc.Actor{}, false
	}
	words := append(title, strings.Fields(name)...)
	a, ok = s.kb.Describe(words, date)
	if !ok || a.Code == "" {
		return doc.Actor{}, false
	}
	// The title gives the role ("Russian foreign minister Ivan Petrov");
	// the knowledge base's holder of that role is someone else unless the
	// surnames agree.
	if a.Kind != actors.Person || lastWord(a.Name) != lastWord(name) {
		a.Name = name
		a.ID = ""
		a.Kind = actors.Person
	}
	return coref.ToDoc(a), true
}

// lastWord returns the last word of s.
func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// titleBefore returns the words of the title right before token first
// ("Russian foreign minister", "Kremlin spokesman"), or nil. person marks
// the tokens of named people (nil for none): a title does not name one. A former
// office ("former Kremlin spokesman") is no title: it says nothing of whom
// the person speaks for today.
func titleBefore(d *doc.Doc, first int, kb KB, person []bool) []string {
	sent := d.Sentences[d.Tokens[first].Sentence]
	i := first
	for i > sent.First && first-i < 5 {
		p := d.Tokens[i-1]
		if p.UPOS != "ADJ" && p.UPOS != "PROPN" && p.UPOS != "NOUN" {
			break
		}
		i--
	}
	hasAgent := false
	words := make([]string, 0, first-i)
	for t := i; t < first; t++ {
		if t < len(person) && person[t] {
			return nil // "Trump critic Mark Cuban": a person named is no title
		}
		lw := strings.ToLower(d.Tokens[t].Form)
		if lw == "former" || lw == "ex" || strings.HasPrefix(lw, "ex-") {
			return nil
		}
		words = append(words, d.Tokens[t].Form)
		if _, ok := kb.Agent(lw); ok {
			hasAgent = true
		}
	}
	if !hasAgent {
		return nil
	}
	return words
}
