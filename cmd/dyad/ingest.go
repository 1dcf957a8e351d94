package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dyad-news/dyad/internal/source"
	"github.com/dyad-news/dyad/internal/store"
	"github.com/spf13/cobra"
)

// ingestBatch is how many articles one write transaction stores: large
// enough that commits cost little, small enough that an interrupted ingest
// loses little work (the rerun skips what was stored).
const ingestBatch = 500

type ingestOptions struct {
	follow   bool
	maxBytes byteSize
	workers  int
	batch    int
	json     bool
	// noAnalyze skips the analysis of the stored articles.
	noAnalyze bool
	analyze   analyzeOptions
}

func newIngestCmd(g *globals) *cobra.Command {
	opts := ingestOptions{workers: runtime.GOMAXPROCS(0), batch: ingestBatch}
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Read articles from files, folders, standard input or feeds into the database",
		Long: `ingest reads articles and stores each one once in the database (--db).

A PATH is a file, a folder (read recursively, hidden files skipped), "-" for
standard input, or an http(s) URL of an RSS/Atom feed or a page. The format is
told from the content: plain text, HTML, JSON Lines
({"id","text","published","title","source","url"} per line), RSS/Atom, WARC;
any of them gzipped.

An article already stored (same id: the hash of its text, or the id its JSON
line gives) is counted as a duplicate and skipped, so running ingest again on
the same inputs adds nothing, and rerunning an interrupted ingest completes it.
Articles are written in transactions of --batch articles; an ingest stopped at
any moment leaves a consistent database.

Each input or record that cannot be read (missing, empty, binary, truncated,
malformed, larger than --max-bytes) is reported on standard error, one line
naming the file and line, and the others go on; the exit status is then 1.
The last line on standard error is the summary:

  ingested N new articles (M duplicates, K errors) in Xs (R articles/s)

Then ingest analyses every stored article that has no analysis yet (entities
and their actors, quotes, events) and stores the result, so that search
--actor, quotes and events find them; --no-analyze skips this (dyad analyze
does it later). The analysis runs at about a hundred articles per second per
core, storing alone at thousands.`,
		Example: `  dyad ingest news/
  dyad ingest --db /data/news.db archive.jsonl.gz crawl.warc.gz
  curl -s https://example.org/dump.jsonl | dyad ingest -
  dyad ingest --follow https://example.org/world/rss.xml`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runIngest(cmd.Context(), g, args, opts)
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&opts.follow, "follow", false, "for feeds: fetch each entry's page and extract its text")
	fl.Var(&opts.maxBytes, "max-bytes", "largest input read whole, e.g. 64MiB (JSON lines and WARC records: 10MiB or this if smaller; default 64MiB)")
	fl.IntVar(&opts.workers, "workers", opts.workers, "inputs read at the same time")
	fl.IntVar(&opts.batch, "batch", opts.batch, "articles per write transaction")
	fl.BoolVar(&opts.json, "json", false, "also print the summary as JSON on standard output")
	fl.BoolVar(&opts.noAnalyze, "no-analyze", false, "only store the articles; analyse them later with dyad analyze")
	opts.analyze.addFlags(cmd)
	return cmd
}

// ingestSummary is what an ingest did.
type ingestSummary struct {
	Added      int     `json:"added"`
	Duplicates int     `json:"duplicates"`
	Errors     int     `json:"errors"`
	Inputs     int     `json:"inputs"`
	Seconds    float64 `json:"seconds"`
	Rate       float64 `json:"articles_per_second"`
	Stopped    bool    `json:"interrupted,omitempty"`
}

func (s ingestSummary) String() string {
	line := fmt.Sprintf("ingested %s new articles (%s duplicates, %s errors) in %.1fs (%s articles/s)",
		thousands(int64(s.Added)), thousands(int64(s.Duplicates)), thousands(int64(s.Errors)), s.Seconds, thousands(int64(s.Rate)))
	if s.Stopped {
		line += "; interrupted: run the same command again to complete it"
	}
	return line
}

// readResult is one article or one problem from a reader.
type readResult struct {
	article source.Article
	err     error
}

func runIngest(ctx context.Context, g *globals, paths []string, opts ingestOptions) error {
	start := time.Now()
	if opts.batch < 1 {
		return fmt.Errorf("--batch must be at least 1, got %d", opts.batch)
	}
	if opts.workers < 1 {
		return fmt.Errorf("--workers must be at least 1, got %d", opts.workers)
	}
	// An ingest keeps little alive (a batch, a few inputs in flight) but
	// allocates a lot of short-lived text: collecting less often saves about
	// a tenth of its CPU time for a few more megabytes of memory.
	defer debug.SetGCPercent(debug.SetGCPercent(400))

	var sum ingestSummary
	inputs, errs := source.Expand(ctx, paths)
	sum.Inputs = len(inputs)
	prog := newIngestProgress(g.stderr, len(inputs), g.quiet)
	for _, err := range errs {
		prog.problem(err)
		sum.Errors++
	}
	g.log.Debug("ingest", "inputs", len(inputs), "unusable", len(errs), "db", g.db, "workers", opts.workers, "batch", opts.batch)
	var st *store.SQLite
	if len(inputs) > 0 {
		var err error
		if st, err = store.Open(ctx, g.db, store.OpenOptions{}); err != nil {
			return err
		}
		defer st.Close()
	}

	readCtx, stopReading := context.WithCancel(ctx)
	defer stopReading()
	results := readInputs(readCtx, inputs, source.Options{
		MaxBytes: int64(opts.maxBytes), Follow: opts.follow, Stdin: g.stdin,
	}, opts.workers)

	// The writer: this goroutine, so that one transaction runs at a time.
	// A batch already read is stored even when the context is cancelled.
	batch := make([]source.Article, 0, opts.batch)
	var writeErr error
	flush := func() {
		if len(batch) == 0 || writeErr != nil {
			return
		}
		added, err := st.PutArticles(context.WithoutCancel(ctx), batch)
		if err != nil {
			writeErr = err
			stopReading()
			return
		}
		sum.Added += added
		sum.Duplicates += len(batch) - added
		g.log.Debug("stored batch", "articles", len(batch), "new", added, "last_origin", batch[len(batch)-1].Origin)
		batch = batch[:0]
		prog.articles(sum.Added + sum.Duplicates)
	}
	for input := range results {
		for r := range input {
			switch {
			case r.err != nil && readCtx.Err() != nil && errors.Is(r.err, context.Canceled):
				// Interrupted, or stopped after a write error: said below.
			case r.err != nil:
				prog.problem(r.err)
				sum.Errors++
			case writeErr == nil:
				batch = append(batch, r.article)
				if len(batch) == opts.batch {
					flush()
				}
			}
		}
		prog.inputDone()
	}
	flush()
	prog.finish()

	sum.Seconds = time.Since(start).Seconds()
	if sum.Seconds > 0 {
		sum.Rate = float64(sum.Added+sum.Duplicates) / sum.Seconds
	}
	sum.Stopped = ctx.Err() != nil
	fmt.Fprintln(g.stderr, sum.String())
	var analysis analyzeSummary
	if st != nil && !opts.noAnalyze && writeErr == nil && ctx.Err() == nil {
		var err error
		if analysis, err = analyzeStored(ctx, g, st, opts.analyze); err != nil && ctx.Err() == nil {
			return fmt.Errorf("analysis: %w", err)
		}
		if analysis.analysed > 0 {
			fmt.Fprintln(g.stderr, analysis.String())
		}
		sum.Stopped = ctx.Err() != nil
	}
	if opts.json {
		if err := json.NewEncoder(g.stdout).Encode(sum); err != nil {
			return err
		}
	}
	switch {
	case writeErr != nil:
		return fmt.Errorf("ingest stopped: %w", writeErr)
	case sum.Stopped:
		return &exitError{code: 130, msg: "interrupted"}
	case sum.Errors > 0 || analysis.failed > 0:
		return &exitError{code: 1}
	}
	return nil
}

// readInputs reads the inputs with workers goroutines and hands the results
// back in input order: one channel per input, each closed when its input is
// read, so that articles are stored in the order given on the command line
// (and the first copy of a duplicate is the one kept) whatever the timing.
func readInputs(ctx context.Context, inputs []source.Input, opts source.Options, workers int) <-chan (<-chan readResult) {
	type job struct {
		in  source.Input
		out chan<- readResult
	}
	ordered := make(chan (<-chan readResult), workers*2)
	jobs := make(chan job)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				for a, err := range source.Read(ctx, j.in, opts) {
					j.out <- readResult{article: a, err: err}
				}
				close(j.out)
			}
		})
	}
	go func() {
		defer close(ordered)
		defer wg.Wait()
		defer close(jobs)
		for _, in := range inputs {
			// The channel is queued for the writer before its job is handed
			// out: the earliest input the writer waits for is always being
			// read, so the pipeline cannot stall. Its buffer is small: it is
			// allocated whole for every input, and a folder may hold
			// thousands.
			out := make(chan readResult, 16)
			select {
			case ordered <- out:
			case <-ctx.Done():
				return
			}
			jobs <- job{in: in, out: out}
		}
	}()
	return ordered
}

// byteSize is a flag value such as 64MiB, 10MB, 500k or 1048576.
type byteSize int64

func (b *byteSize) String() string {
	if *b == 0 {
		return ""
	}
	return strconv.FormatInt(int64(*b), 10)
}

func (b *byteSize) Type() string { return "size" }

func (b *byteSize) Set(s string) error {
	units := []struct {
		suffix string
		factor int64
	}{
		{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30},
		{"kb", 1000}, {"mb", 1000 * 1000}, {"gb", 1000 * 1000 * 1000},
		{"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30}, {"b", 1},
	}
	v := strings.ToLower(strings.TrimSpace(s))
	factor := int64(1)
	for _, u := range units {
		if strings.HasSuffix(v, u.suffix) {
			v, factor = strings.TrimSpace(strings.TrimSuffix(v, u.suffix)), u.factor
			break
		}
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n <= 0 {
		return fmt.Errorf("want a positive size such as 64MiB, 10MB or 1048576, got %q", s)
	}
	*b = byteSize(n * factor)
	return nil
}
