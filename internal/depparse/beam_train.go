package depparse

import (
	"context"
	"fmt"
	"math/rand/v2"
)

// Global training for beam decoding: a structured perceptron over whole
// transition sequences (Zhang & Clark 2008; Zhang & Nivre 2011). Each
// training sentence is decoded with the beam under the current weights
// while the gold sequence of the static oracle is scored alongside. When
// the gold sequence does not come out best, the weights move towards the
// gold prefix and away from the best prefix in the beam, at the step where
// the best prefix outscores the gold one most (max-violation, Huang, Fayong
// & Guo 2012) or where gold first falls out of the beam (early update,
// Collins & Roark 2004). Weights are averaged over sentences.

// Update strategies of TrainOptions.Update.
const (
	// UpdateMaxViolation updates at the step where the best prefix in the
	// beam outscores the gold prefix most.
	UpdateMaxViolation = "max-violation"
	// UpdateEarly updates at the step where the gold prefix falls out of
	// the beam.
	UpdateEarly = "early"
)

// staticOracle returns the class of the canonical gold move in st: attach
// s0 to b0 or to s1 when that is its gold head and all its gold dependents
// are attached (pending[s0] == 0), shift otherwise; forced moves are taken
// as Parse takes them. gh are the gold heads (n for the root), gl the gold
// labels. It reports false when no move leads to the gold tree, which only
// happens for a non-projective tree.
func (p *Parser) staticOracle(st *state, gh []int32, gl []uint8, pending []int32) (int, bool) {
	if c, ok := p.forced(st); ok {
		return c, true
	}
	shift, left, right := st.legal()
	k := len(st.stack)
	nl := len(p.labels)
	if k >= 1 {
		s0 := st.stack[k-1]
		if pending[s0] == 0 {
			if left && gh[s0] == st.b {
				return 1 + int(gl[s0]), true
			}
			if right && gh[s0] == st.stack[k-2] {
				return 1 + nl + int(gl[s0]), true
			}
		}
	}
	if shift {
		return 0, true
	}
	return 0, false
}

// goldSequence writes the static oracle's classes for one sentence into seq
// (2n of them), using st as scratch. It reports false for a tree the
// oracle cannot build.
func (p *Parser) goldSequence(g *gold, st *state, seq []int32, pending []int32) bool {
	n := len(g.gh)
	st.reset(n)
	for i := range pending[:n+1] {
		pending[i] = 0
	}
	for _, h := range g.gh {
		pending[h]++
	}
	for t := 0; t < 2*n; t++ {
		c, ok := p.staticOracle(st, g.gh, g.gl, pending)
		if !ok {
			return false
		}
		seq[t] = int32(c)
		m, l := p.decode(c)
		if m != moveShift {
			pending[st.headOf(m)]--
		}
		st.apply(m, uint8(l))
	}
	for i := 0; i < n; i++ {
		if st.head[i] != g.gh[i] {
			return false
		}
	}
	return true
}

// headOf returns the token that move m (LEFT or RIGHT) makes a head.
func (s *state) headOf(m int) int32 {
	if m == moveLeft {
		return s.b
	}
	return s.stack[len(s.stack)-2]
}

// trainItem is a beam item during training.
type trainItem struct {
	st    state
	score float64
}

// beamTrainer holds the working memory of global training.
type beamTrainer struct {
	p         *Parser // labels, root and lexicon; no weights
	tw        *trainWeights
	k         int
	early     bool
	atoms     sentAtoms
	f         []uint64
	scores    []float32
	bufScores [][]float32
	bufOK     []bool
	cur, next []trainItem
	top       []candidate[float64]
	gst, rst  state
	gseq      []int32
	pseq      []int32
	pending   []int32
	// hist[t*k+j] is the candidate that became item j at step t (its
	// item field the parent's index at step t-1).
	hist []candidate[float64]
}

// score returns the scores of every class in st under the current weights;
// the buffer-only features are scored once per buffer position.
func (bt *beamTrainer) score(st *state) []float32 {
	extract(&bt.atoms, st, bt.f)
	buf := bt.bufScores[st.b]
	if !bt.bufOK[st.b] {
		bt.bufOK[st.b] = true
		clear(buf)
		bt.tw.scoreOnly(bt.f[numStackFeatures:], buf)
	}
	copy(bt.scores, buf)
	bt.tw.scoreOnly(bt.f[:numStackFeatures], bt.scores)
	return bt.scores
}

// sentence trains on one sentence; a sentence without a gold sequence (which
// projectivised trees always have) is skipped.
func (bt *beamTrainer) sentence(g *gold) {
	p := bt.p
	n := len(g.gh)
	steps := 2 * n
	bt.gseq = growI32(bt.gseq, steps)
	bt.pseq = growI32(bt.pseq, steps)
	bt.pending = growI32(bt.pending, n+1)
	if !p.goldSequence(g, &bt.gst, bt.gseq, bt.pending) {
		return
	}
	bt.atoms.set(g.t.Words, g.t.UPOS, g.t.XPOS, p.lex)
	nc := p.numClasses()
	for len(bt.bufScores) < n+1 {
		bt.bufScores = append(bt.bufScores, make([]float32, nc))
	}
	bt.bufOK = grow8bool(bt.bufOK, n+1)
	k := bt.k
	if len(bt.hist) < steps*k {
		bt.hist = make([]candidate[float64], steps*k)
	}
	cur, next := bt.cur[:1], bt.next[:k]
	cur[0].st.reset(n)
	cur[0].score = 0
	gst := &bt.gst
	gst.reset(n)
	goldIdx := 0 // index of the gold prefix in cur, -1 once it fell out
	var goldScore, maxViol float64
	maxT := -1
	for t := 0; t < steps; t++ {
		gc := int(bt.gseq[t])
		goldInc, goldScored := 0.0, false
		top := bt.top[:0]
		for i := range cur {
			it := &cur[i]
			if c, ok := p.forced(&it.st); ok {
				top = pushTop(top, k, candidate[float64]{score: it.score, item: int32(i), class: int32(c)})
				if i == goldIdx {
					goldScored = true
				}
				continue
			}
			scores := bt.score(&it.st)
			if i == goldIdx {
				goldInc, goldScored = float64(scores[gc]), true
			}
			p.legalClasses(&it.st, func(c int) {
				top = pushTop(top, k, candidate[float64]{score: it.score + float64(scores[c]), item: int32(i), class: int32(c)})
			})
		}
		if !goldScored {
			if _, ok := p.forced(gst); !ok {
				goldInc = float64(bt.score(gst)[gc])
			}
		}
		goldScore += goldInc
		m, l := p.decode(gc)
		gst.apply(m, uint8(l))
		newGold := -1
		for j, c := range top {
			bt.hist[t*k+j] = c
			nx := &next[j]
			nx.st.copyFrom(&cur[c.item].st)
			m, l := p.decode(int(c.class))
			nx.st.apply(m, uint8(l))
			nx.score = c.score
			if goldIdx >= 0 && int(c.item) == goldIdx && int(c.class) == gc {
				newGold = j
			}
		}
		bt.top = top
		goldIdx = newGold
		if goldIdx != 0 {
			v := next[0].score - goldScore
			switch {
			case bt.early:
				// At the step where gold fell out, or at the end.
				if goldIdx < 0 || t == steps-1 {
					maxT = t
				}
			case maxT < 0 || v > maxViol:
				maxT, maxViol = t, v
			}
		}
		cur, next = next[:len(top)], cur[:k]
		if goldIdx < 0 && bt.early {
			break
		}
	}
	bt.cur, bt.next = cur[:k], next[:k]
	if goldIdx != 0 && maxT >= 0 {
		// The best prefix at step maxT, read back through the parents.
		j := 0
		for t := maxT; t >= 0; t-- {
			c := bt.hist[t*k+j]
			bt.pseq[t] = c.class
			j = int(c.item)
		}
		bt.replay(n, bt.gseq[:maxT+1], 1)
		bt.replay(n, bt.pseq[:maxT+1], -1)
	}
	bt.tw.c++
}

// replay follows the classes seq from the start of a sentence of n words and
// adds delta to the weight of each unforced move's class for the features
// of the configuration it was made in.
func (bt *beamTrainer) replay(n int, seq []int32, delta float32) {
	st := &bt.rst
	st.reset(n)
	for _, c := range seq {
		if _, ok := bt.p.forced(st); !ok {
			extract(&bt.atoms, st, bt.f)
			bt.tw.add(bt.f, c, delta)
		}
		m, l := bt.p.decode(int(c))
		st.apply(m, uint8(l))
	}
}

func growI32(x []int32, n int) []int32 {
	if cap(x) < n {
		return make([]int32, n)
	}
	return x[:n]
}

// scoreOnly adds the weights of features f to out.
func (t *trainWeights) scoreOnly(f []uint64, out []float32) {
	for _, k := range f {
		i, ok := t.index[k]
		if !ok {
			continue
		}
		for _, e := range t.rows[i] {
			out[e.cls] += e.w
		}
	}
}

// add adds delta to the weight of class cls for every feature in f.
func (t *trainWeights) add(f []uint64, cls int32, delta float32) {
	for _, k := range f {
		i, ok := t.index[k]
		if !ok {
			i = int32(len(t.rows))
			t.index[k] = i
			t.rows = append(t.rows, make([]tentry, 0, 2))
		}
		t.bump(i, cls, delta)
	}
}

// trainWeightsFrom returns training weights that start from the weights of
// model m, as if they had been there from the first step.
func trainWeightsFrom(m *model) *trainWeights {
	t := &trainWeights{index: make(map[uint64]int32, 2*len(m.keys)), c: 1}
	t.rows = make([][]tentry, len(m.keys))
	for i, k := range m.keys {
		t.index[k] = int32(i)
		row := make([]tentry, 0, m.off[i+1]-m.off[i]+1)
		for j := m.off[i]; j < m.off[i+1]; j++ {
			row = append(row, tentry{cls: int32(m.cls[j]), w: float32(m.q[j]) * m.scale})
		}
		t.rows[i] = row
	}
	return t
}

// trainBeam is Train with opt.Beam > 0: global training of p's labels and
// lexicon on data, starting from tw.
func trainBeam(ctx context.Context, p *Parser, data []gold, tw *trainWeights, opt TrainOptions) (*Parser, error) {
	switch opt.Update {
	case "", UpdateMaxViolation, UpdateEarly:
	default:
		return nil, fmt.Errorf("depparse: update %q: want %q or %q", opt.Update, UpdateMaxViolation, UpdateEarly)
	}
	k := opt.Beam
	bt := &beamTrainer{
		p: p, tw: tw, k: k, early: opt.Update == UpdateEarly,
		f:      make([]uint64, numFeatures),
		scores: make([]float32, p.numClasses()),
		cur:    make([]trainItem, k),
		next:   make([]trainItem, k),
		top:    make([]candidate[float64], 0, k+1),
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x64796164))
	return epochs(ctx, opt, len(data), rng, func(_, oi int) { bt.sentence(&data[oi]) }, func() *Parser {
		cur := newParser(p.labels, p.lex, tw.average(opt.MinWeight))
		cur.beam = k
		return cur
	})
}
