// Package pipeline runs dyad's analysis stages over a document in a checked
// order. Each stage says which layers it requires and which it assigns; New
// refuses an order in which a stage would run before the layers it needs,
// with an error that names the stage to add or move.
//
//	p, err := pipeline.New(tokenizeStage, tagStage, parseStage)
//	d := doc.New("a1", text)
//	err = p.Run(ctx, d)
//
// RunBatch runs the same stages over several documents at once, which is
// faster (see its doc comment).
package pipeline

import (
	"context"
	"fmt"

	"github.com/dyad-news/dyad/internal/doc"
)

// Stage is one analysis step that adds its layers to a document.
type Stage interface {
	// Name identifies the stage in errors and logs.
	Name() string
	// Requires lists the layers that must be set before Apply runs.
	Requires() []doc.Layer
	// Assigns lists the layers Apply sets.
	Assigns() []doc.Layer
	// Apply adds the stage's layers to d.
	Apply(ctx context.Context, d *doc.Doc) error
}

// Func adapts a function to a Stage.
type Func struct {
	StageName string
	Needs     []doc.Layer
	Sets      []doc.Layer
	Fn        func(ctx context.Context, d *doc.Doc) error
}

var _ Stage = Func{}

// Name returns f.StageName.
func (f Func) Name() string { return f.StageName }

// Requires returns f.Needs.
func (f Func) Requires() []doc.Layer { return f.Needs }

// Assigns returns f.Sets.
func (f Func) Assigns() []doc.Layer { return f.Sets }

// Apply calls f.Fn.
func (f Func) Apply(ctx context.Context, d *doc.Doc) error { return f.Fn(ctx, d) }

// Pipeline is an ordered, checked list of stages.
type Pipeline struct {
	stages []Stage
}

// OrderError says that a stage would run before a layer it requires is set.
type OrderError struct {
	Stage   string
	Layer   doc.Layer
	Missing bool   // no stage assigns the layer at all
	Later   string // the stage that assigns it, when it comes later
}

func (e *OrderError) Error() string {
	if e.Missing {
		return fmt.Sprintf("pipeline: stage %s requires layer %q but no stage assigns it: add the stage that does before %s", e.Stage, e.Layer, e.Stage)
	}
	return fmt.Sprintf("pipeline: stage %s requires layer %q, which stage %s assigns later: move %s before %s", e.Stage, e.Layer, e.Later, e.Later, e.Stage)
}

// New checks the order of stages and returns the pipeline, or an *OrderError.
func New(stages ...Stage) (*Pipeline, error) {
	have := map[doc.Layer]bool{}
	for i, s := range stages {
		for _, l := range s.Requires() {
			if have[l] {
				continue
			}
			e := &OrderError{Stage: s.Name(), Layer: l, Missing: true}
			for _, later := range stages[i+1:] {
				for _, a := range later.Assigns() {
					if a == l {
						e.Missing, e.Later = false, later.Name()
					}
				}
			}
			return nil, e
		}
		for _, l := range s.Assigns() {
			have[l] = true
		}
	}
	return &Pipeline{stages: stages}, nil
}

// Stages returns the stages in order.
func (p *Pipeline) Stages() []Stage { return p.stages }

// StageError wraps the error of one stage with the stage and document.
type StageError struct {
	Stage string
	DocID string
	Err   error
}

func (e *StageError) Error() string {
	return fmt.Sprintf("%s: stage %s: %v", e.DocID, e.Stage, e.Err)
}

// Unwrap returns the stage's error.
func (e *StageError) Unwrap() error { return e.Err }

// RunBatch applies every stage to each of docs, stage by stage: the first
// stage to every document, then the second, and so on. Each document gets
// exactly what Run would give it, but a stage's model stays in the
// processor caches while it reads several documents, which makes a batch of
// ten or more noticeably cheaper than as many calls to Run. errs[i] is
// Run's error for docs[i]; a document whose stage fails is left out of the
// later stages, the others go on.
func (p *Pipeline) RunBatch(ctx context.Context, docs []*doc.Doc) (errs []error) {
	errs = make([]error, len(docs))
	for _, s := range p.stages {
		ctxErr := ctx.Err()
		for i, d := range docs {
			switch {
			case errs[i] != nil:
			case ctxErr != nil:
				errs[i] = ctxErr
			default:
				errs[i] = runStage(ctx, s, d)
			}
		}
	}
	return errs
}

// Run applies every stage to d in order. A panic inside a stage is recovered
// and returned as a *StageError so that one bad document never aborts a
// batch.
func (p *Pipeline) Run(ctx context.Context, d *doc.Doc) (err error) {
	for _, s := range p.stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := runStage(ctx, s, d); err != nil {
			return err
		}
	}
	return nil
}

func runStage(ctx context.Context, s Stage, d *doc.Doc) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &StageError{Stage: s.Name(), DocID: d.ID, Err: fmt.Errorf("internal error: %v", r)}
		}
	}()
	if err := d.Require(s.Name(), s.Requires()...); err != nil {
		return &StageError{Stage: s.Name(), DocID: d.ID, Err: err}
	}
	if err := s.Apply(ctx, d); err != nil {
		return &StageError{Stage: s.Name(), DocID: d.ID, Err: err}
	}
	d.Mark(s.Assigns()...)
	return nil
}
