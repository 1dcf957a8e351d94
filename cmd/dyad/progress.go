package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
)

// ingestProgress shows how far an ingest is: a bar over the inputs (with
// rate and ETA) when there are several, a spinner with the article count
// when there is one. It draws nothing when w is not a terminal or quiet is
// set, so that logs and pipes stay clean; problems are still written, one
// line each.
type ingestProgress struct {
	w     io.Writer
	bar   *progressbar.ProgressBar // nil when quiet
	start time.Time
	last  time.Time
}

func newIngestProgress(w io.Writer, inputs int, quiet bool) *ingestProgress {
	p := &ingestProgress{w: w, start: time.Now()}
	if quiet || !isTerminalWriter(w) {
		return p
	}
	max, unit := int64(inputs), "inputs"
	if inputs <= 1 {
		// A spinner counting articles: one input may hold any number.
		max, unit = -1, "articles"
	}
	p.bar = progressbar.NewOptions64(max,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("ingesting"),
		progressbar.OptionSetItsString(unit),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSpinnerType(14),
	)
	return p
}

// inputDone counts one input as read.
func (p *ingestProgress) inputDone() {
	if p.bar != nil {
		p.bar.Add(1)
	}
}

// articles updates the article count and rate in the description, at most
// ten times a second.
func (p *ingestProgress) articles(n int) {
	if p.bar == nil {
		return
	}
	now := time.Now()
	if now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	rate := float64(n) / now.Sub(p.start).Seconds()
	p.bar.Describe(fmt.Sprintf("%s articles (%s/s)", thousands(int64(n)), thousands(int64(rate))))
	if p.bar.GetMax64() < 0 {
		p.bar.Set(n)
	}
}

// problem writes one problem on its own line, above the bar.
func (p *ingestProgress) problem(err error) {
	if p.bar != nil {
		p.bar.Clear()
	}
	fmt.Fprintln(p.w, "dyad:", strings.ReplaceAll(err.Error(), "\n", " "))
}

// finish removes the bar.
func (p *ingestProgress) finish() {
	if p.bar != nil {
		p.bar.Finish()
		p.bar.Clear()
	}
}
