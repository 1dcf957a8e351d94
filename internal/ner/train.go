package ner

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/dyad-news/dyad/internal/actors"
	"github.com/dyad-news/dyad/internal/perceptron"
)

// DefaultIterations is the number of training iterations when
// TrainOptions.Iterations is 0; it was chosen on UNER EWT dev.
const DefaultIterations = 3

// TrainOptions controls Train.
type TrainOptions struct {
	// Iterations is the number of passes over the training data (default
	// DefaultIterations).
	Iterations int
	// Seed fixes the order in which sentences are visited.
	Seed int64
	// Log, when not nil, receives one line of progress per iteration.
	Log io.Writer
	// Dev, when not empty, is labelled after every iteration and its F1
	// logged; DevUPOS holds its parts of speech.
	Dev     []Sentence
	DevUPOS [][]string
	// KB is the gazetteer; nil trains without gazetteer features.
	KB *actors.KB
	// Prune drops averaged weights smaller than this in absolute value
	// (default 0.01; negative keeps every weight).
	Prune float32
	// Runs is the number of perceptrons trained, each visiting the
	// sentences in another order (seeds Seed, Seed+1, ...), whose weights
	// are averaged into the model (default DefaultRuns).
	Runs int
	// BILOU trains classes B-, I-, L- (last word) and U- (one-word entity)
	// instead of IOB2's B- and I- (the output is IOB2 either way). It was
	// measured on 6-run models: CoNLL-2003 testa F1 +1.3, UNER EWT dev
	// F1 -0.5, so the default is IOB2.
	BILOU bool
}

// DefaultRuns is the number of training runs whose weights are averaged
// when TrainOptions.Runs is 0; averaging runs over several orders of the
// training data evens out the order's noise.
const DefaultRuns = 6

// ErrNoData is returned by Train when there is no sentence to learn from.
var ErrNoData = errors.New("ner: no training data")

// Train learns a model from labelled sentences; upos[i] holds the parts of
// speech of sents[i] (from the tagger, as at run time).
func Train(ctx context.Context, sents []Sentence, upos [][]string, opts TrainOptions) (*Model, error) {
	if len(sents) == 0 {
		return nil, ErrNoData
	}
	if len(upos) != len(sents) {
		return nil, fmt.Errorf("ner: %d sentences but %d POS sequences", len(sents), len(upos))
	}
	if opts.Iterations <= 0 {
		opts.Iterations = DefaultIterations
	}
	if opts.Runs <= 0 {
		opts.Runs = DefaultRuns
	}
	if opts.Prune == 0 {
		opts.Prune = 0.01
	}
	names := classNames(Labels, opts.BILOU)
	classOf := map[string]int{}
	for i, c := range names {
		classOf[c] = i
	}
	// Gold classes and precomputed atoms.
	gold := make([][]int, len(sents))
	atomsOf := make([][]atoms, len(sents))
	cases := make([]uint64, len(sents))
	for si, s := range sents {
		if len(s.Words) != len(s.Labels) || len(upos[si]) != len(s.Words) {
			return nil, fmt.Errorf("ner: sentence at line %d: %d words, %d labels, %d tags", s.Line, len(s.Words), len(s.Labels), len(upos[si]))
		}
		g, err := classesOf(s.Labels, classOf, opts.BILOU)
		if err != nil {
			return nil, fmt.Errorf("ner: sentence at line %d: %w", s.Line, err)
		}
		gold[si] = g
		atomsOf[si], _, _ = prepare(nil, s.Words, upos[si], opts.KB)
		cases[si] = sentenceCase(atomsOf[si])
	}

	m := newModel(perceptron.NewTrainer(names).Average(-1), opts.KB, opts.KB != nil) // class tables for valid()
	// keys collects every feature that took part in an update: the
	// features any run can have a weight for.
	keys := map[uint64]struct{}{}
	runs := make([]*perceptron.Model, opts.Runs)
	for r := range opts.Runs {
		tr, err := trainRun(ctx, m, gold, atomsOf, cases, opts, uint64(opts.Seed)+uint64(r), keys)
		if err != nil {
			return nil, err
		}
		runs[r] = tr.Average(-1)
	}
	m.pm = mergeRuns(names, runs, keys, opts.Prune)
	return m, nil
}

// trainRun trains one structured averaged perceptron, visiting the
// sentences in the order that seed fixes: each sentence is decoded with
// Viterbi under the current weights, and where the best sequence differs
// from the gold one, the features of the gold classes are rewarded and
// those of the predicted classes penalised. m supplies the class tables
// (its weights are replaced by the run's after every iteration when
// opts.Dev is set).
func trainRun(ctx context.Context, m *Model, gold [][]int, atomsOf [][]atoms, cases []uint64, opts TrainOptions, seed uint64, keys map[uint64]struct{}) (*perceptron.Trainer, error) {
	t := perceptron.NewTrainer(m.pm.Classes)
	order := make([]int, len(gold))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, 0x4e52))
	var lt lattice
	var feats, gfeats []uint64
	var pred []int
	// add updates t and notes the features that took part in an update.
	add := func(fs []uint64, c int, d float32) {
		for _, f := range fs {
			keys[f] = struct{}{}
		}
		t.Add(fs, c, d)
	}
	// update labels sentence si into out and moves the weights towards
	// its gold classes.
	update := func(si int, out []int) {
		a, g := atomsOf[si], gold[si]
		m.viterbi(t, &lt, a, len(g), cases[si], out)
		for i := range g {
			gp, yp := -1, -1
			if i > 0 {
				gp, yp = g[i-1], out[i-1]
			}
			if g[i] != out[i] {
				feats = staticFeatures(feats[:0], a, i, cases[si])
				add(feats, g[i], 1)
				add(feats, out[i], -1)
			}
			if g[i] != out[i] || gp != yp {
				gfeats = pairFeatures(gfeats[:0], a, i, gp)
				feats = pairFeatures(feats[:0], a, i, yp)
				add(gfeats, g[i], 1)
				add(feats, out[i], -1)
			}
		}
		t.Tick()
	}
	for it := 1; it <= opts.Iterations; it++ {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, seen := 0, 0
		for k, si := range order {
			if k%512 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			pred = resize(pred, len(gold[si]))
			update(si, pred)
			for i, g := range pred {
				seen++
				if g == gold[si][i] {
					right++
				}
			}
		}
		line := fmt.Sprintf("seed %d iteration %d: train %.2f%%, %d features, %.1fs", seed, it, 100*float64(right)/float64(seen), t.Features(), time.Since(start).Seconds())
		if len(opts.Dev) > 0 {
			m.pm = t.Average(opts.Prune)
			sc := Evaluate(m, opts.Dev, opts.DevUPOS)
			line += fmt.Sprintf("; dev P %.2f R %.2f F1 %.2f", sc.Precision, sc.Recall, sc.F1)
		}
		if opts.Log != nil {
			fmt.Fprintln(opts.Log, line)
		}
	}
	return t, nil
}

// mergeRuns returns the mean of the runs' weights, leaving out weights
// smaller than prune in absolute value; keys holds every feature a run may
// have a weight for.
func mergeRuns(classes []string, runs []*perceptron.Model, keys map[uint64]struct{}, prune float32) *perceptron.Model {
	if len(runs) == 1 {
		return runs[0].Pruned(prune)
	}
	sorted := make([]uint64, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	slices.Sort(sorted) // the model file must not depend on map order
	t := perceptron.NewTrainer(classes)
	one := make([]uint64, 1)
	scores := make([]float32, len(classes))
	sum := make([]float32, len(classes))
	for _, k := range sorted {
		one[0] = k
		clear(sum)
		for _, r := range runs {
			r.Scores(one, scores)
			for c, w := range scores {
				sum[c] += w
			}
		}
		for c, w := range sum {
			if w != 0 {
				// The trainer has seen no example, so Average keeps
				// exactly the weights added here.
				t.Add(one, c, w/float32(len(runs)))
			}
		}
	}
	return t.Average(prune)
}

// classesOf converts IOB2 labels to class indices, IOB2 or BILOU ones.
func classesOf(labels []string, classOf map[string]int, bilou bool) ([]int, error) {
	out := make([]int, len(labels))
	for _, e := range Spans(labels) {
		b, ok := classOf["B-"+e.Label]
		if !ok {
			return nil, fmt.Errorf("unknown entity type %q", e.Label)
		}
		out[e.Start] = b
		for i := e.Start + 1; i < e.End; i++ {
			out[i] = classOf["I-"+e.Label]
		}
		if bilou && e.End-e.Start == 1 {
			out[e.Start] = classOf["U-"+e.Label]
		} else if bilou {
			out[e.End-1] = classOf["L-"+e.Label]
		}
	}
	return out, nil
}

// Scores are exact-match entity precision, recall and F1 in percent.
type Scores struct {
	Precision, Recall, F1  float64
	Gold, Predicted, Right int
}

// Evaluate labels sents (upos[i] holds the parts of speech of sents[i]) and
// scores the entities against their gold labels. The sentences are
// labelled as one document (see TagDocument), as `dyad ner` labels
// input without -DOCSTART- lines.
func Evaluate(m *Model, sents []Sentence, upos [][]string) Scores {
	var sc Scores
	words, labels := make([][]string, len(sents)), make([][]string, len(sents))
	for si, s := range sents {
		words[si], labels[si] = s.Words, make([]string, len(s.Words))
	}
	m.TagDocument(words, upos, labels)
	for si, s := range sents {
		g, p := Spans(s.Labels), Spans(labels[si])
		sc.Gold += len(g)
		sc.Predicted += len(p)
		set := map[Entity]bool{}
		for _, e := range g {
			set[e] = true
		}
		for _, e := range p {
			if set[e] {
				sc.Right++
			}
		}
	}
	if sc.Predicted > 0 {
		sc.Precision = 100 * float64(sc.Right) / float64(sc.Predicted)
	}
	if sc.Gold > 0 {
		sc.Recall = 100 * float64(sc.Right) / float64(sc.Gold)
	}
	if sc.Precision+sc.Recall > 0 {
		sc.F1 = 2 * sc.Precision * sc.Recall / (sc.Precision + sc.Recall)
	}
	return sc
}
