package tagger

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"sort"
	"time"

	"github.com/dyad-news/dyad/internal/conllu"
	"github.com/dyad-news/dyad/internal/perceptron"
)

// DefaultDropout is TrainOptions.Dropout when it is 0; chosen on EWT dev.
const DefaultDropout = 0.6

// DefaultIterations is the number of training iterations when
// TrainOptions.Iterations is 0; it was chosen on EWT dev.
const DefaultIterations = 14

// TrainOptions controls Train.
type TrainOptions struct {
	// Iterations is the number of passes over the training data (default
	// DefaultIterations).
	Iterations int
	// Seed fixes the order in which sentences are visited; the same data and
	// seed give the same model.
	Seed int64
	// Log, when not nil, receives one line of progress per iteration.
	Log io.Writer
	// Dev, when not empty, is tagged after every iteration and its accuracy
	// logged.
	Dev []*conllu.Sentence
	// OnePass turns off the second, right-context pass.
	OnePass bool
	// Dropout is the probability with which a word seen once in training is
	// shown as an unknown word in an iteration, so that the model learns to
	// tag new words from their affixes, shape and context (default
	// DefaultDropout; negative for none).
	Dropout float64
	// Prune drops averaged weights smaller than this in absolute value
	// (default 0.01; negative keeps every weight).
	Prune float32
}

// Tag-dictionary thresholds: a word goes in the dictionary when seen at
// least dictMinCount times with one class at least dictMinShare of the time.
// Ambiguity classes are kept for words seen at least ambMinCount times, and
// list the classes seen at least ambMinShare of the time.
const (
	dictMinCount = 20
	dictMinShare = 0.995
	ambMinCount  = 3
	ambMinShare  = 0.05
)

// ErrNoData is returned by Train when the sentences hold no tagged word.
var ErrNoData = errors.New("tagger: no training data")

type trainSent struct {
	words    []string
	gold     []int
	atoms    []atoms
	ratoms   []atoms // atoms reversed, for a right-to-left first pass
	sentCase uint64
}

// Train learns a model from the ordinary words (no multiword ranges, no
// empty nodes) of sents, using their FORM, LEMMA, UPOS and XPOS columns.
func Train(ctx context.Context, sents []*conllu.Sentence, opts TrainOptions) (*Model, error) {
	if opts.Iterations <= 0 {
		opts.Iterations = DefaultIterations
	}
	if opts.Prune == 0 {
		opts.Prune = 0.01
	}
	if opts.Dropout == 0 {
		opts.Dropout = DefaultDropout
	}
	logf := func(format string, args ...any) {
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, format, args...)
		}
	}
	// Classes, sorted for a stable numbering.
	classIndex := map[string]int{}
	var names []string
	for _, s := range sents {
		for _, w := range s.Words() {
			c := w.XPOS + "|" + w.UPOS
			if _, ok := classIndex[c]; !ok {
				classIndex[c] = 0
				names = append(names, c)
			}
		}
	}
	if len(names) == 0 {
		return nil, ErrNoData
	}
	sort.Strings(names)
	for i, c := range names {
		classIndex[c] = i
	}
	m := &Model{upos: make([]string, len(names)), xpos: make([]string, len(names)), sure: defaultSure}
	for i, c := range names {
		m.xpos[i], m.upos[i] = splitClass(c)
	}

	// Word statistics: tag dictionary and ambiguity classes.
	counts := map[string][]int{}
	lowerCounts := map[string][]int{}
	data := make([]trainSent, 0, len(sents))
	for _, s := range sents {
		ws := s.Words()
		if len(ws) == 0 {
			continue
		}
		ts := trainSent{words: make([]string, len(ws)), gold: make([]int, len(ws))}
		for i, w := range ws {
			c := classIndex[w.XPOS+"|"+w.UPOS]
			ts.words[i], ts.gold[i] = w.Form, c
			for _, p := range []struct {
				m map[string][]int
				k string
			}{{counts, w.Form}, {lowerCounts, lowerASCII(w.Form)}} {
				v := p.m[p.k]
				if v == nil {
					v = make([]int, len(names))
					p.m[p.k] = v
				}
				v[c]++
			}
		}
		data = append(data, ts)
	}
	m.fixed = map[string]int32{}
	m.amb = map[string]uint64{}
	for w, v := range counts {
		total, best := 0, 0
		for c, n := range v {
			total += n
			if n > v[best] {
				best = c
			}
		}
		if total >= dictMinCount && float64(v[best]) >= dictMinShare*float64(total) {
			m.fixed[w] = int32(best)
		}
		if h := ambHash(v, total); h != 0 {
			m.amb[w] = h
		}
	}
	for w, v := range lowerCounts {
		if _, ok := m.amb[w]; ok {
			continue
		}
		total := 0
		for _, n := range v {
			total += n
		}
		if h := ambHash(v, total); h != 0 {
			m.amb[w] = h
		}
	}
	m.buildLexicon()
	m.lem = trainLemmatizer(sents)

	m.reverse = !opts.OnePass
	// Atoms do not depend on the weights: compute them once.
	st := &state{scores: make([]float32, len(names))}
	for i := range data {
		ts := &data[i]
		n := len(ts.words)
		ts.atoms = make([]atoms, n+4)
		ts.atoms[0], ts.atoms[1] = padStart, padStart
		ts.atoms[n+2], ts.atoms[n+3] = padEnd, padEnd
		for j, w := range ts.words {
			// Leave-one-out ambiguity classes: the word's own occurrence is
			// not counted, so that a word seen once in training looks as it
			// will in new text (unknown) rather than perfectly predictive.
			e := looAmb(counts[w], ts.gold[j])
			l := uint64(0)
			if lw := lowerASCII(w); lw != w {
				if v, ok := counts[lw]; ok {
					l = looAmb(v, -1)
				} else {
					l = looAmb(lowerCounts[lw], ts.gold[j])
				}
				if e == 0 {
					e = l
				}
			}
			wordAtoms(&ts.atoms[j+2], w, e, l)
		}
		ts.sentCase = sentenceCase(ts.atoms)
		if m.reverse {
			ts.ratoms = reverseAtoms(nil, ts.atoms)
		}
	}

	// Words seen once, for dropout.
	type rare struct {
		sent, pos   int
		word, lower uint64
	}
	var rares []rare
	if opts.Dropout > 0 {
		for si := range data {
			for i, w := range data[si].words {
				if v := counts[w]; v != nil && sum(v) == 1 {
					a := &data[si].atoms[i+2]
					rares = append(rares, rare{si, i, a.word, a.lower})
				}
			}
		}
	}
	t1 := perceptron.NewTrainer(names)
	var t2 *perceptron.Trainer
	if !opts.OnePass {
		t2 = perceptron.NewTrainer(names)
	}
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(uint64(opts.Seed), 0x7a99e5))
	var feats []uint64
	var pred1, pred2 []int
	for it := 1; it <= opts.Iterations; it++ {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, r := range rares {
			ts := &data[r.sent]
			word, lower := r.word, r.lower
			if rng.Float64() < opts.Dropout {
				word, lower = unknownWord, unknownWord
			}
			ts.atoms[r.pos+2].word, ts.atoms[r.pos+2].lower = word, lower
			if ts.ratoms != nil {
				j := len(ts.words) + 1 - r.pos
				ts.ratoms[j].word, ts.ratoms[j].lower = word, lower
			}
		}
		right, seen := 0, 0
		for k, si := range order {
			if k%512 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			ts := &data[si]
			n := len(ts.words)
			pred1, pred2 = resize(pred1, n), resize(pred2, n)
			first := ts.atoms
			if m.reverse {
				first = ts.ratoms
			}
			for i := range n {
				w := ts.words[i]
				gold := ts.gold[i]
				if m.reverse {
					w, gold = ts.words[n-1-i], ts.gold[n-1-i]
				}
				if c, ok := m.fixed[w]; ok {
					pred1[i] = int(c)
					continue
				}
				feats = features(feats[:0], first, pred1, nil, i, ts.sentCase)
				g := t1.Predict(feats, st.scores)
				t1.Update(feats, gold, g)
				pred1[i] = g
			}
			if m.reverse {
				slices.Reverse(pred1)
			}
			final := pred1
			if t2 != nil {
				for i, w := range ts.words {
					if c, ok := m.fixed[w]; ok {
						pred2[i] = int(c)
						continue
					}
					feats = features(feats[:0], ts.atoms, pred2, pred1, i, ts.sentCase)
					g := t2.Predict(feats, st.scores)
					t2.Update(feats, ts.gold[i], g)
					pred2[i] = g
				}
				final = pred2
			}
			for i, g := range final {
				seen++
				if g == ts.gold[i] {
					right++
				}
			}
		}
		line := fmt.Sprintf("iteration %d: train %.2f%%, %d features, %.1fs", it, 100*float64(right)/float64(seen), t1.Features(), time.Since(start).Seconds())
		if len(opts.Dev) > 0 {
			m.first = t1.Average(opts.Prune)
			if t2 != nil {
				m.second = t2.Average(opts.Prune)
			}
			sc := Evaluate(m, opts.Dev)
			line += fmt.Sprintf("; dev UPOS %.2f XPOS %.2f lemma %.2f", sc.UPOS, sc.XPOS, sc.Lemma)
		}
		logf("%s\n", line)
	}
	m.first = t1.Average(opts.Prune)
	m.second = nil
	if t2 != nil {
		m.second = t2.Average(opts.Prune)
	}
	return m, nil
}

// ambHash returns the hash of the classes a word was seen with, or 0 when it
// was seen too rarely to say.
func ambHash(v []int, total int) uint64 {
	if total < ambMinCount {
		return 0
	}
	h := uint64(fAmb)
	for c, n := range v {
		if n > 0 && float64(n) >= ambMinShare*float64(total) {
			h = perceptron.Mix(h, uint64(c+1))
		}
	}
	return h
}

// Scores are accuracies in percent over all ordinary words.
type Scores struct {
	UPOS, XPOS, Lemma float64
	Words             int
}

// Evaluate tags and lemmatises the ordinary words of sents and compares them
// with the gold columns. As in the CoNLL 2018 evaluation, a gold lemma "_"
// counts as right.
func Evaluate(m *Model, sents []*conllu.Sentence) Scores {
	var sc Scores
	var words, upos, xpos []string
	var u, x, l int
	for _, s := range sents {
		ws := s.Words()
		n := len(ws)
		words, upos, xpos = resize(words, n), resize(upos, n), resize(xpos, n)
		for i, w := range ws {
			words[i] = w.Form
		}
		m.Tag(words, upos, xpos)
		for i, w := range ws {
			sc.Words++
			if upos[i] == w.UPOS {
				u++
			}
			if xpos[i] == w.XPOS {
				x++
			}
			if w.Lemma == "_" || m.Lemma(w.Form, upos[i], xpos[i]) == w.Lemma {
				l++
			}
		}
	}
	if sc.Words > 0 {
		f := 100 / float64(sc.Words)
		sc.UPOS, sc.XPOS, sc.Lemma = f*float64(u), f*float64(x), f*float64(l)
	}
	return sc
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func sortLemmaKeys(k []lemmaKey) {
	slices.SortFunc(k, func(a, b lemmaKey) int {
		return cmp.Or(cmp.Compare(a.form, b.form), cmp.Compare(a.xpos, b.xpos))
	})
}

func sortRuleKeys(k []ruleKey) {
	slices.SortFunc(k, func(a, b ruleKey) int {
		return cmp.Or(cmp.Compare(a.xpos, b.xpos), cmp.Compare(a.suffix, b.suffix))
	})
}

// looAmb is ambHash of v with one occurrence of class gold removed (none
// when gold is -1).
func looAmb(v []int, gold int) uint64 {
	if v == nil {
		return 0
	}
	total := 0
	for _, n := range v {
		total += n
	}
	if gold >= 0 {
		v[gold]--
		total--
	}
	h := ambHash(v, total)
	if gold >= 0 {
		v[gold]++
	}
	return h
}

// unknownWord stands for a word's identity when dropout hides it.
const unknownWord = 0x756e6b

func sum(v []int) int {
	n := 0
	for _, x := range v {
		n += x
	}
	return n
}
