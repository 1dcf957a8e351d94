package record

import "github.com/dyad-news/dyad/internal/doc"

// FromDoc builds the output record of an annotated document, converting its
// byte offsets to code points. Layers that are not set give empty lists.
func FromDoc(d *doc.Doc) Article {
	a := New(d.ID, d.Published, d.Text)
	cp := doc.NewCodePoints(d.Text)
	for _, e := range d.Entities {
		x := Entity{Start: cp.Offset(e.Start), End: cp.Offset(e.End), Text: d.Text[e.Start:e.End], Type: e.Label}
		x.Actor = actorOf(e.Actor)
		a.Entities = append(a.Entities, x)
	}
	for _, q := range d.Quotes {
		x := Quote{Start: cp.Offset(q.Start), End: cp.Offset(q.End), Text: d.Text[q.Start:q.End], Kind: q.Kind, Fragment: q.Fragment}
		x.Cue = spanOf(d, cp, q.Cue)
		x.Addressee = spanOf(d, cp, q.To)
		if q.Sentence >= 0 && q.Sentence < len(d.Sentences) {
			s := d.Sentences[q.Sentence]
			x.Sentence = &SentenceSpan{Start: cp.Offset(s.Start), End: cp.Offset(s.End)}
		}
		if q.Speaker.Len() > 0 || q.Name != "" {
			x.Speaker = &Speaker{Name: q.Name, Actor: actorOf(q.Actor)}
			if q.Speaker.Len() > 0 {
				x.Speaker.Start, x.Speaker.End, x.Speaker.Text = cp.Offset(q.Speaker.Start), cp.Offset(q.Speaker.End), d.Text[q.Speaker.Start:q.Speaker.End]
			}
		}
		a.Quotes = append(a.Quotes, x)
	}
	for _, e := range d.Events {
		x := Event{CAMEO: e.CAMEO, Plover: Plover{Event: e.Plover, Mode: e.Mode, Context: e.Context},
			Quad: e.Quad, Goldstein: e.Goldstein, Negated: e.Negated, Hypothetical: e.Hypothetical, Date: e.Date,
			Source: eventActors(d, cp, e.Source), Target: eventActors(d, cp, e.Target)}
		if t := spanOf(d, cp, e.Trigger); t != nil {
			x.Trigger = *t
		}
		if e.Sentence >= 0 && e.Sentence < len(d.Sentences) {
			s := d.Sentences[e.Sentence]
			x.Sentence = SentenceSpan{Start: cp.Offset(s.Start), End: cp.Offset(s.End)}
		}
		if e.Quote >= 0 {
			q := e.Quote
			x.Quote = &q
		}
		a.Events = append(a.Events, x)
	}
	return a
}

func eventActors(d *doc.Doc, cp *doc.CodePoints, in []doc.EventActor) []EventActor {
	out := make([]EventActor, 0, len(in))
	for _, ea := range in {
		x := EventActor{Start: cp.Offset(ea.Start), End: cp.Offset(ea.End), Text: d.Text[ea.Start:ea.End], Name: ea.Name}
		if ea.Actor != nil {
			x.Code, x.Country, x.Sector = ea.Actor.Code, ea.Actor.Country, ea.Actor.Sector
		}
		out = append(out, x)
	}
	return out
}

func spanOf(d *doc.Doc, cp *doc.CodePoints, s doc.Span) *Span {
	if s.Len() <= 0 {
		return nil
	}
	return &Span{Start: cp.Offset(s.Start), End: cp.Offset(s.End), Text: d.Text[s.Start:s.End]}
}

func actorOf(a *doc.Actor) *Actor {
	if a == nil {
		return nil
	}
	return &Actor{ID: a.ID, Name: a.Name, Code: a.Code, Country: a.Country, Sector: a.Sector}
}
