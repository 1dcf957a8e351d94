// Package quotes finds who said what in a document: direct quotations in
// quotation marks, reported (indirect) speech, partial quotations inside
// reported speech and quoted words pinned on someone, each with its cue
// ("said", "according to", a headline colon), its speaker as it is
// mentioned in the text ("Peskov", "he", "the Kremlin") and whom the
// speaker resolves to through the coreference layer (Dmitry Peskov, RUSGOV).
//
// It reads tokens, tags, lemmas, dependencies and coreference and adds
// doc.Quotes (LayerQuotes):
//
//	st := quotes.New()
//	if err := st.Apply(ctx, d); err != nil { ... }
//	for _, q := range d.Quotes {
//		fmt.Printf("%s %q — %s (%s)\n", q.Kind, d.Slice(q.Span), d.Slice(q.Speaker), q.Name)
//	}
//
// Direct quotations come from pairing quotation marks over the whole text
// (straight marks by context, curly ones by direction, a quotation left open
// at a paragraph end continued by the next paragraph's opening mark); their
// cue and speaker from the words around the marks and the parse. Reported
// speech comes from the parse: a reporting verb with a complement clause, a
// reporting noun with a that-clause, "according to X". A quotation without a
// cue that opens a paragraph continues the previous speaker.
package quotes

import (
	"context"
	"sync"

	"github.com/dyad-news/dyad/internal/doc"
)

// Stage is the quotation stage of the pipeline. It is safe for concurrent
// use.
type Stage struct {
	pool sync.Pool
}

// New returns the quotation stage.
func New() *Stage {
	return &Stage{pool: sync.Pool{New: func() any { return new(tree) }}}
}

// Name returns "quotes".
func (s *Stage) Name() string { return "quotes" }

// Requires lists the layers the stage reads.
func (s *Stage) Requires() []doc.Layer {
	return []doc.Layer{doc.LayerTokens, doc.LayerSentences, doc.LayerPOS, doc.LayerLemmas, doc.LayerDeps, doc.LayerCoref}
}

// Assigns lists the layers the stage sets.
func (s *Stage) Assigns() []doc.Layer { return []doc.Layer{doc.LayerQuotes} }

// Apply sets d.Quotes.
func (s *Stage) Apply(ctx context.Context, d *doc.Doc) error {
	if err := d.Require(s.Name(), s.Requires()...); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	t := s.pool.Get().(*tree)
	defer s.pool.Put(t)
	t.reset(d)
	d.Quotes = find(t)
	d.Mark(doc.LayerQuotes)
	return nil
}
