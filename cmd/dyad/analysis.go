package main

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

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
	kb   *actors.KB
}

// articleDefaults are what an analysis assumes of articles that do not say.
type articleDefaults struct {
	date string     // publication date, YYYY-MM-DD
	home *doc.Actor // country of the institutions an article names no country for; nil for none
}

// isCountryCode reports whether s has the form of a country code: three
// letters.
func isCountryCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for _, r := range s {
		if !('A' <= r && r <= 'Z' || 'a' <= r && r <= 'z') {
			return false
		}
	}
	return true
}

// homeCountry returns the country of a --country option: a CAMEO/ISO-3
// country code of the knowledge base ("GBR"), or nil for "".
func (a *analyzer) homeCountry(code string) (*doc.Actor, error) {
	if code == "" {
		return nil, nil
	}
	e := a.kb.Entry(strings.ToUpper(code))
	if e == nil || e.Kind != actors.Country {
		return nil, fmt.Errorf("--country %q: not a country code of the actor knowledge base (say GBR, USA, RUS; dyad dict resolve NAME shows a country's code)", code)
	}
	ha := coref.ToDoc(e.Actor(time.Now()))
	return &ha, nil
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
		tokenize.Stage{Options: tokenize.Options{Lines: tokenize.LinesAuto}},
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
	return &analyzer{pipe: p, kb: kb}, nil
}

// analyze runs the pipeline on one article and returns its record.
func (a *analyzer) analyze(ctx context.Context, art source.Article, def articleDefaults) (record.Article, *doc.Doc, error) {
	recs, docs, errs := a.analyzeBatch(ctx, []source.Article{art}, def)
	return recs[0], docs[0], errs[0]
}

// analyzeBatch runs the pipeline on several articles at once (see
// pipeline.RunBatch: the same records as analyze, sooner) and returns their
// records, documents and errors, by article.
func (a *analyzer) analyzeBatch(ctx context.Context, arts []source.Article, def articleDefaults) ([]record.Article, []*doc.Doc, []error) {
	docs := make([]*doc.Doc, len(arts))
	for i, art := range arts {
		d := doc.New(art.ID, art.Text)
		d.Published = def.date
		d.Home = def.home
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
