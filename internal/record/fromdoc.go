package record

import (
	"errors"
	"fmt"

	"github.com/dyad-news/dyad/internal/doc"
)

// SpanError reports an annotation whose span lies outside the text or ends
// before it starts: a bug in the stage that made it. FromDoc leaves such an
// annotation out and reports it.
type SpanError struct {
	DocID string
	Layer string // "entity", "quote", "event", ...
	Index int    // position in its layer
	Span  doc.Span
}

func (e *SpanError) Error() string {
	return fmt.Sprintf("%s: %s %d has an invalid span [%d, %d); left out", e.DocID, e.Layer, e.Index, e.Span.Start, e.Span.End)
}

// converter turns byte spans of one document into code-point spans.
type converter struct {
	d    *doc.Doc
	cp   *doc.CodePoints
	errs []error
}

// ok reports whether s is a valid span of the text, and records the error
// when it is not.
func (c *converter) ok(layer string, i int, s doc.Span) bool {
	if s.Start < 0 || s.End < s.Start || s.End > len(c.d.Text) {
		c.errs = append(c.errs, &SpanError{DocID: c.d.ID, Layer: layer, Index: i, Span: s})
		return false
	}
	return true
}

// span converts s, or returns nil when it is empty or invalid.
func (c *converter) span(layer string, i int, s doc.Span) *Span {
	if s.Len() == 0 || !c.ok(layer, i, s) {
		return nil
	}
	return &Span{Start: c.cp.Offset(s.Start), End: c.cp.Offset(s.End), Text: c.d.Text[s.Start:s.End]}
}

// sentence converts the span of sentence i, or returns nil.
func (c *converter) sentence(i int) *SentenceSpan {
	if i < 0 || i >= len(c.d.Sentences) {
		return nil
	}
	s := c.d.Sentences[i]
	return &SentenceSpan{Start: c.cp.Offset(s.Start), End: c.cp.Offset(s.End)}
}

// chainActors maps the index of each entity the knowledge base did not
// resolve to the actor of its coreference chain ("Dr Fox" after "Liam
// Fox"), when the chain has one.
func chainActors(d *doc.Doc) map[int]*doc.Actor {
	out := map[int]*doc.Actor{}
	for _, m := range d.Mentions {
		if m.Entity < 0 || m.Entity >= len(d.Entities) || m.Chain < 0 || m.Chain >= len(d.Chains) {
			continue
		}
		if a := d.Chains[m.Chain].Actor; a != nil && a.Code != "" {
			out[m.Entity] = a
		}
	}
	return out
}

// FromDoc builds the output record of an annotated document, converting its
// byte offsets to code points. Layers that are not set give empty lists. An
// annotation with an invalid span is left out and reported in the returned
// error (a joined list of *SpanError); the record is usable either way.
func FromDoc(d *doc.Doc) (Article, error) {
	a := New(d.ID, d.Published, d.Text)
	c := &converter{d: d, cp: doc.NewCodePoints(d.Text)}
	viaChain := chainActors(d)
	for i, e := range d.Entities {
		sp := c.span("entity", i, doc.Span{Start: e.Start, End: e.End})
		if sp == nil {
			continue
		}
		act := e.Actor
		if act == nil || act.Code == "" {
			if ca := viaChain[i]; ca != nil {
				act = ca
			}
		}
		a.Entities = append(a.Entities, Entity{Start: sp.Start, End: sp.End, Text: sp.Text, Type: e.Label, Actor: actorOf(act)})
	}
	for i, q := range d.Quotes {
		sp := c.span("quote", i, q.Span)
		if sp == nil {
			continue
		}
		x := Quote{Start: sp.Start, End: sp.End, Text: sp.Text, Kind: q.Kind, Fragment: q.Fragment,
			Cue: c.span("quote cue", i, q.Cue), Addressee: c.span("quote addressee", i, q.To), Sentence: c.sentence(q.Sentence)}
		if q.Speaker.Len() > 0 || q.Name != "" {
			x.Speaker = &Speaker{Name: q.Name, Actor: actorOf(q.Actor)}
			if s := c.span("quote speaker", i, q.Speaker); s != nil {
				x.Speaker.Start, x.Speaker.End, x.Speaker.Text = s.Start, s.End, s.Text
			}
		}
		a.Quotes = append(a.Quotes, x)
	}
	for i, e := range d.Events {
		x := Event{CAMEO: e.CAMEO, Plover: Plover{Event: e.Plover, Mode: e.Mode, Context: e.Context},
			Quad: e.Quad, Goldstein: e.Goldstein, Negated: e.Negated, Hypothetical: e.Hypothetical, Date: e.Date,
			Source: c.eventActors(i, e.Source), Target: c.eventActors(i, e.Target)}
		if t := c.span("event trigger", i, e.Trigger); t != nil {
			x.Trigger = *t
		}
		if s := c.sentence(e.Sentence); s != nil {
			x.Sentence = *s
		}
		if e.Quote >= 0 {
			q := e.Quote
			x.Quote = &q
		}
		a.Events = append(a.Events, x)
	}
	return a, errors.Join(c.errs...)
}

func (c *converter) eventActors(i int, in []doc.EventActor) []EventActor {
	out := make([]EventActor, 0, len(in))
	for _, ea := range in {
		sp := c.span("event actor", i, ea.Span)
		if sp == nil {
			continue
		}
		x := EventActor{Start: sp.Start, End: sp.End, Text: sp.Text, Name: ea.Name}
		if ea.Actor != nil {
			x.Code, x.Country, x.Sector = ea.Actor.Code, ea.Actor.Country, ea.Actor.Sector
		}
		out = append(out, x)
	}
	return out
}

func actorOf(a *doc.Actor) *Actor {
	if a == nil {
		return nil
	}
	return &Actor{ID: a.ID, Name: a.Name, Code: a.Code, Country: a.Country, Sector: a.Sector}
}
