package main

import (
	"context"
	"fmt"
	"log/slog"
	"sync"

	"github.com/dyad-news/dyad/internal/actors"
	"github.com/dyad-news/dyad/internal/coref"
	"github.com/dyad-news/dyad/internal/depparse"
	"github.com/dyad-news/dyad/internal/doc"
	"github.com/dyad-news/dyad/internal/entities"
	"github.com/dyad-news/dyad/internal/events"
	"github.com/dyad-news/dyad/internal/ner"
	"github.com/dyad-news/dyad/internal/pipeline"
	"github.com/dyad-news/dyad/internal/quotes"
	"github.com/dyad-news/dyad/internal/record"
	"github.com/dyad-news/dyad/internal/source"
	"github.com/dyad-news/dyad/internal/tagger"
	"github.com/dyad-news/dyad/internal/tokenize"
)

// analyzer is the whole analysis of one article, from text to record: the
// one place where the stages are put in order.
type analyzer struct {
	pipe *pipeline.Pipeline
}

var (
	analyzerOnce sync.Once
	analyzerVal  *analyzer
	analyzerErr  error
)

// loadAnalyzer loads the embedded models and knowledge base once.
func loadAnalyzer() (*analyzer, error) {
	analyzerOnce.Do(func() {
		analyzerVal, analyzerErr = newAnalyzer()
	})
	return analyzerVal, analyzerErr
}

// Every stage type says what it needs and what it adds.
var (
	_ pipeline.Stage = tokenize.Stage{}
	_ pipeline.Stage = (*tagger.Model)(nil)
	_ pipeline.Stage = (*depparse.Parser)(nil)
	_ pipeline.Stage = (*entities.Stage)(nil)
	_ pipeline.Stage = (*coref.Resolver)(nil)
	_ pipeline.Stage = (*quotes.Stage)(nil)
)

func newAnalyzer() (*analyzer, error) {
	tm, err := tagger.Load()
	if err != nil {
		return nil, fmt.Errorf("loading the tagger: %w", err)
	}
	pm, err := depparse.Load()
	if err != nil {
		return nil, fmt.Errorf("loading the parser: %w", err)
	}
	nm, err := ner.Load()
	if err != nil {
		return nil, fmt.Errorf("loading the entity tagger: %w", err)
	}
	kb, err := actors.WithUserDir(actors.UserDirs()...)
	if err != nil {
		return nil, fmt.Errorf("loading the actor knowledge base: %w", err)
	}
	evRules, err := events.DefaultRules()
	if err != nil {
		return nil, fmt.Errorf("loading the event rules: %w", err)
	}
	evStage := events.New(evRules, kb)
	p, err := pipeline.New(
		tokenize.Stage{},
		tm,
		pm,
		entities.New(nm, kb),
		coref.New(kb),
		quotes.New(),
		evStage,
	)
	if err != nil {
		return nil, err
	}
	return &analyzer{pipe: p}, nil
}

// analyze runs the pipeline on one article and returns its record.
func (a *analyzer) analyze(ctx context.Context, art source.Article, defaultDate string) (record.Article, *doc.Doc, error) {
	recs, docs, errs := a.analyzeBatch(ctx, []source.Article{art}, defaultDate)
	return recs[0], docs[0], errs[0]
}

// analyzeBatch runs the pipeline on several articles at once (see
// pipeline.RunBatch: the same records as analyze, sooner) and returns their
// records, documents and errors, by article.
func (a *analyzer) analyzeBatch(ctx context.Context, arts []source.Article, defaultDate string) ([]record.Article, []*doc.Doc, []error) {
	docs := make([]*doc.Doc, len(arts))
	for i, art := range arts {
		d := doc.New(art.ID, art.Text)
		d.Published = defaultDate
		if !art.Published.IsZero() {
			d.Published = art.Published.Format("2006-01-02")
		}
		docs[i] = d
	}
	errs := a.pipe.RunBatch(ctx, docs)
	recs := make([]record.Article, len(arts))
	for i, art := range arts {
		d := docs[i]
		if errs[i] != nil {
			recs[i] = record.New(art.ID, d.Published, art.Text)
			recs[i].Error = errs[i].Error()
			continue
		}
		r, err := record.FromDoc(d)
		if err != nil {
			// Some annotations were left out; the record is still good.
			slog.Warn("annotations left out of the record", "id", art.ID, "err", err)
		}
		r.Title, r.Source, r.URL = art.Title, art.Source, art.URL
		recs[i] = r
	}
	return recs, docs, errs
}
