package quotes_test

import (
	"context"
	"sync"
	"testing"

	"github.com/dyad-news/dyad/internal/actors"
	"github.com/dyad-news/dyad/internal/coref"
	"github.com/dyad-news/dyad/internal/depparse"
	"github.com/dyad-news/dyad/internal/doc"
	"github.com/dyad-news/dyad/internal/entities"
	"github.com/dyad-news/dyad/internal/ner"
	"github.com/dyad-news/dyad/internal/tagger"
	"github.com/dyad-news/dyad/internal/tokenize"
)

// models holds the embedded models that annotate test articles up to the
// coreference layer, loaded once.
var models struct {
	once sync.Once
	tag  *tagger.Model
	dep  *depparse.Parser
	ent  *entities.Stage
	cr   *coref.Resolver
	err  error
}

func loadModels() error {
	models.once.Do(func() {
		var err error
		if models.tag, err = tagger.Load(); err != nil {
			models.err = err
			return
		}
		if models.dep, err = depparse.Load(); err != nil {
			models.err = err
			return
		}
		nm, err := ner.Load()
		if err != nil {
			models.err = err
			return
		}
		kb, err := actors.Default()
		if err != nil {
			models.err = err
			return
		}
		models.ent = entities.New(nm, kb)
		models.cr = coref.New(kb)
	})
	return models.err
}

// annotate runs every stage before quotes on text. Without the embedded
// models (a fresh checkout before training) the test is skipped.
func annotate(tb testing.TB, text, published string) *doc.Doc {
	tb.Helper()
	if err := loadModels(); err != nil {
		tb.Skipf("the embedded models are not available (%v): train them first", err)
	}
	t := tokenize.Tokenize("test", text, tokenize.Options{})
	d := doc.New("test", text)
	d.Published = published
	d.Tokens, d.MultiWords, d.Sentences = t.Tokens, t.MultiWords, t.Sentences
	d.Mark(doc.LayerTokens, doc.LayerSentences)
	ctx := context.Background()
	if err := models.tag.Annotate(d); err != nil {
		tb.Fatal(err)
	}
	d.Mark(doc.LayerPOS, doc.LayerLemmas)
	if err := models.dep.Annotate(d); err != nil {
		tb.Fatal(err)
	}
	d.Mark(doc.LayerDeps)
	if err := models.ent.Apply(ctx, d); err != nil {
		tb.Fatal(err)
	}
	d.Mark(models.ent.Assigns()...)
	if err := models.cr.Annotate(d); err != nil {
		tb.Fatal(err)
	}
	return d
}
