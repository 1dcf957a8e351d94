package events

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/dyad-news/dyad/internal/actors"
	"github.com/dyad-news/dyad/internal/coref"
	"github.com/dyad-news/dyad/internal/depparse"
	"github.com/dyad-news/dyad/internal/doc"
	"github.com/dyad-news/dyad/internal/entities"
	"github.com/dyad-news/dyad/internal/ner"
	"github.com/dyad-news/dyad/internal/pipeline"
	"github.com/dyad-news/dyad/internal/tagger"
	"github.com/dyad-news/dyad/internal/tokenize"
)

// upstream is the pipeline up to coreference, loaded once for all tests.
type upstream struct {
	pipe  *pipeline.Pipeline
	kb    *actors.KB
	rules *Rules
}

var (
	upOnce sync.Once
	upVal  *upstream
	upErr  error
)

func loadUpstream(t testing.TB) *upstream {
	t.Helper()
	upOnce.Do(func() {
		upVal, upErr = newUpstream(nil)
	})
	if upErr != nil {
		t.Fatalf("loading the pipeline: %v", upErr)
	}
	return upVal
}

// newUpstream builds the stages that run before events, with kb (the
// default knowledge base when nil).
func newUpstream(kb *actors.KB) (*upstream, error) {
	tm, err := tagger.Load()
	if err != nil {
		return nil, err
	}
	pm, err := depparse.Load()
	if err != nil {
		return nil, err
	}
	nm, err := ner.Load()
	if err != nil {
		return nil, err
	}
	if kb == nil {
		if kb, err = actors.Default(); err != nil {
			return nil, err
		}
	}
	rules, err := DefaultRules()
	if err != nil {
		return nil, err
	}
	p, err := pipeline.New(
		tokenize.Stage{},
		tm,
		pm,
		entities.New(nm, kb),
		coref.New(kb),
	)
	if err != nil {
		return nil, err
	}
	return &upstream{pipe: p, kb: kb, rules: rules}, nil
}

// analyse runs the upstream stages and the event stage on text.
func (u *upstream) analyse(t testing.TB, text, published string) *doc.Doc {
	t.Helper()
	d := doc.New("t", text)
	d.Published = published
	if err := u.pipe.Run(context.Background(), d); err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	if err := New(u.rules, u.kb).Apply(context.Background(), d); err != nil {
		t.Fatalf("events: %v", err)
	}
	return d
}

// format renders an event in the canonical form the tests compare:
// "CODE SRC,SRC>TGT trigger [neg] [hyp] date".
func format(d *doc.Doc, e doc.Event) string {
	codes := func(as []doc.EventActor) string {
		var out []string
		for _, a := range as {
			if a.Actor != nil {
				out = append(out, a.Actor.Code)
			} else {
				out = append(out, "?")
			}
		}
		return strings.Join(out, ",")
	}
	s := fmt.Sprintf("%s %s>%s %s", e.CAMEO, codes(e.Source), codes(e.Target), d.Slice(e.Trigger))
	if e.Negated {
		s += " neg"
	}
	if e.Hypothetical {
		s += " hyp"
	}
	return s
}

// dump prints the parse of d, for debugging failures.
func dump(d *doc.Doc) string {
	var b strings.Builder
	for i, t := range d.Tokens {
		fmt.Fprintf(&b, "%d %s %s %s %s %d %s\n", i, t.Form, t.Lemma, t.UPOS, t.XPOS, t.Head, t.DepRel)
	}
	return b.String()
}
