package main

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/dyad-news/dyad/internal/record"
	"github.com/dyad-news/dyad/internal/source"
	"github.com/dyad-news/dyad/internal/store"
)

func newAnalyzeCmd(g *globals) *cobra.Command {
	var opts analyzeOptions
	c := &cobra.Command{
		Use:   "analyze",
		Short: "Analyse stored articles: entities, quotes and events into the database",
		Long: `analyze runs dyad's analysis (entities and their actors, quotes, events) on
the stored articles that have none yet, and stores what it finds, so that
search --actor, quotes and events can use it. ingest does this itself unless
it is given --no-analyze; run analyze after such an ingest, or with --all
after upgrading dyad to analyse everything again with the new models.

An article without a publication date is analysed as of --date (default:
today). An article whose analysis fails is reported and recorded as failed;
the others go on.`,
		Example: `  dyad ingest --no-analyze archive/ && dyad analyze
  dyad analyze --all --date 2025-01-01`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := store.Open(cmd.Context(), g.db, store.OpenOptions{MustExist: true})
			if err != nil {
				return err
			}
			defer st.Close()
			if opts.all {
				if err := st.ForgetAnalyses(cmd.Context()); err != nil {
					return err
				}
			}
			sum, err := analyzeStored(cmd.Context(), g, st, opts)
			if err != nil {
				return err
			}
			if sum.analysed == 0 {
				fmt.Fprintln(g.stderr, "no articles to analyse: every stored article has an analysis (--all analyses them again)")
				return nil
			}
			fmt.Fprintln(g.stderr, sum)
			if sum.failed > 0 {
				return &exitError{code: 1}
			}
			return nil
		},
	}
	opts.addFlags(c)
	c.Flags().BoolVar(&opts.all, "all", false, "analyse every stored article again, not only new ones")
	return c
}

// analyzeOptions control the analysis of stored articles.
type analyzeOptions struct {
	date    string // publication date for undated articles
	country string // country code for institutions an article names no country for
	workers int
	all     bool
}

func (o *analyzeOptions) addFlags(c *cobra.Command) {
	c.Flags().StringVar(&o.date, "date", "", "publication date (YYYY-MM-DD) for undated articles (default today)")
	c.Flags().StringVar(&o.country, "country", "", "country code (GBR, USA, ...) of the institutions an article names no country for")
	c.Flags().IntVar(&o.workers, "analyze-workers", runtime.GOMAXPROCS(0), "articles analysed in parallel")
}

// analyzeSummary is what an analysis run did.
type analyzeSummary struct {
	analysed, failed, entities, quotes, events int
	seconds                                    float64
}

func (s analyzeSummary) String() string {
	rate := 0.0
	if s.seconds > 0 {
		rate = float64(s.analysed) / s.seconds
	}
	return fmt.Sprintf("analysed %s articles (%s failed): %s entities, %s quotes, %s events in %.1fs (%.0f articles/s)",
		thousands(int64(s.analysed)), thousands(int64(s.failed)), thousands(int64(s.entities)),
		thousands(int64(s.quotes)), thousands(int64(s.events)), s.seconds, rate)
}

// analyzeBatch is how many articles are analysed between two writes.
const analyzeBatch = 256

// analyzeStored analyses every stored article without an analysis, in
// batches: read a batch, analyse it on opts.workers goroutines, store it in
// one transaction. An interrupted run keeps the batches already stored.
func analyzeStored(ctx context.Context, g *globals, st *store.SQLite, opts analyzeOptions) (analyzeSummary, error) {
	start := time.Now()
	var sum analyzeSummary
	if opts.date != "" {
		if _, err := time.Parse("2006-01-02", opts.date); err != nil {
			return sum, fmt.Errorf("--date %q: want YYYY-MM-DD", opts.date)
		}
	} else {
		opts.date = time.Now().UTC().Format("2006-01-02")
	}
	if opts.country != "" && !isCountryCode(opts.country) {
		return sum, fmt.Errorf("--country %q: want a three-letter country code such as GBR", opts.country)
	}
	total, err := st.CountUnanalyzed(ctx)
	if err != nil || total == 0 {
		return sum, err
	}
	an, err := loadAnalyzer()
	if err != nil {
		return sum, err
	}
	home, err := an.homeCountry(opts.country)
	if err != nil {
		return sum, err
	}
	def := articleDefaults{date: opts.date, home: home}
	workers := max(opts.workers, 1)
	var bar *progressbar.ProgressBar
	if !g.quiet && isTerminalWriter(g.stderr) {
		bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(g.stderr),
			progressbar.OptionSetDescription("analysing"), progressbar.OptionSetItsString("articles"),
			progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetPredictTime(true),
			progressbar.OptionSetElapsedTime(true), progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
	}
	for ctx.Err() == nil {
		arts, err := st.Unanalyzed(ctx, store.Filter{Limit: analyzeBatch})
		if err != nil {
			return sum, err
		}
		if len(arts) == 0 {
			break
		}
		recs := make([]record.Article, len(arts))
		var wg sync.WaitGroup
		var mu sync.Mutex
		next := 0
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				// Each worker takes up to extractBatch articles at a time
				// and runs the pipeline over them stage by stage (see
				// analyzeBatch).
				batch := make([]source.Article, 0, extractBatch)
				for {
					mu.Lock()
					i := next
					next += extractBatch
					mu.Unlock()
					if i >= len(arts) || ctx.Err() != nil {
						return
					}
					batch = batch[:0]
					for _, a := range arts[i:min(i+extractBatch, len(arts))] {
						batch = append(batch, a.Article)
					}
					rs, _, errs := an.analyzeBatch(ctx, batch, def)
					for k, err := range errs {
						if err != nil {
							if bar != nil {
								bar.Clear()
							}
							fmt.Fprintf(g.stderr, "dyad: analysing %s (%s): %v\n", arts[i+k].ID, arts[i+k].Origin, err)
						}
						recs[i+k] = rs[k]
					}
				}
			}()
		}
		wg.Wait()
		if ctx.Err() != nil {
			break
		}
		if err := st.PutAnalysis(context.WithoutCancel(ctx), recs); err != nil {
			return sum, fmt.Errorf("storing the analysis: %w", err)
		}
		for _, r := range recs {
			sum.analysed++
			if r.Error != "" {
				sum.failed++
			}
			sum.entities += len(r.Entities)
			sum.quotes += len(r.Quotes)
			sum.events += len(r.Events)
		}
		if bar != nil {
			bar.Add(len(recs))
		}
	}
	if bar != nil {
		bar.Finish()
	}
	sum.seconds = time.Since(start).Seconds()
	return sum, ctx.Err()
}
