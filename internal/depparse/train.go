package depparse

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/dyad-news/dyad/internal/conllu"
)

// Tree is one training or evaluation sentence: words with their tags and,
// for training, gold heads (0-based, -1 for the root) and relations.
type Tree struct {
	Words, UPOS, XPOS []string
	Heads             []int
	Rels              []string
}

// ErrNoTrainingData is returned by Train when no usable sentence is given.
var ErrNoTrainingData = errors.New("depparse: no usable training sentence")

// ErrBadTree is wrapped by every *TreeError.
var ErrBadTree = errors.New("depparse: unusable tree")

// TreeError says that a sentence cannot be used, and where it came from.
type TreeError struct {
	File string // CoNLL-U file, "" when unknown
	Line int    // line of the offending word, 0 when unknown
	What string
}

func (e *TreeError) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.What)
}

// Unwrap returns ErrBadTree.
func (e *TreeError) Unwrap() error { return ErrBadTree }

// FromCoNLLU converts a CoNLL-U sentence to a Tree, keeping ordinary words
// only (range lines and empty nodes are skipped) and the basic HEAD/DEPREL.
// A head that is missing, out of range or the word itself gives a
// *TreeError (without a file name: the caller knows it).
func FromCoNLLU(s *conllu.Sentence) (Tree, error) {
	ws := s.Words()
	t := Tree{
		Words: make([]string, len(ws)), UPOS: make([]string, len(ws)), XPOS: make([]string, len(ws)),
		Heads: make([]int, len(ws)), Rels: make([]string, len(ws)),
	}
	for i, w := range ws {
		t.Words[i], t.UPOS[i], t.XPOS[i], t.Rels[i] = w.Form, w.UPOS, w.XPOS, w.DepRel
		if w.Head < 0 || w.Head > len(ws) || w.Head == i+1 {
			return t, &TreeError{Line: w.Line, What: fmt.Sprintf("word %s has head %d", w.ID, w.Head)}
		}
		t.Heads[i] = w.Head - 1
	}
	return t, nil
}

// TrainOptions controls Train.
type TrainOptions struct {
	// Iterations over the training data (default 15).
	Iterations int
	// Seed of the shuffling and exploration (default 1).
	Seed uint64
	// Explore is the probability of following the model's own (possibly
	// wrong) transition after the first iteration, so that the model learns to
	// recover from its mistakes (default 0.9; negative disables).
	Explore float64
	// MinWeight drops averaged weights whose magnitude is at most this
	// (default 0.05).
	MinWeight float64
	// Dev, when not empty, is parsed after each iteration; the model of the
	// iteration with the best dev LAS is returned.
	Dev []Tree
	// Progress, when not nil, is called after each iteration with the dev
	// scores (zero without Dev).
	Progress func(iter int, s Score)
	// Beam, when above 0, trains the model for beam decoding of this width
	// instead of greedy decoding: a structured perceptron over whole
	// transition sequences with the static oracle's gold sequence (Explore
	// is then not used). The returned parser decodes with this beam (see
	// WithBeam).
	Beam int
	// Update is how beam training updates: UpdateMaxViolation (default) or
	// UpdateEarly.
	Update string
	// Init, when not nil, gives the weights training starts from, and the
	// relations and word lexicon, which training then keeps (say, the
	// greedy model, so that beam training converges in fewer iterations).
	// Every relation of the training trees must be one of Init's.
	Init *Parser
}

// Score is attachment accuracy in percent over all words, punctuation
// included; LAS compares the universal part of the relation (before ":"),
// as the CoNLL 2018 evaluation does.
type Score struct {
	Words    int
	UAS, LAS float64
}

// Train trains a parser on trees. Non-projective trees are made projective by
// lifting arcs (Nivre & Nilsson 2005 without label encoding). Training is
// deterministic for a given Seed.
func Train(ctx context.Context, trees []Tree, opt TrainOptions) (*Parser, error) {
	if opt.Iterations <= 0 {
		opt.Iterations = 15
	}
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	if opt.Explore == 0 {
		opt.Explore = 0.9
	}
	if opt.MinWeight == 0 {
		opt.MinWeight = 0.05
	}
	// Label set, in order of first appearance after sorting for determinism.
	seen := map[string]bool{}
	var labels []string
	for _, t := range trees {
		for _, r := range t.Rels {
			if !seen[r] {
				seen[r] = true
				labels = append(labels, r)
			}
		}
	}
	slices.Sort(labels)
	if len(labels) > maxLabels {
		return nil, fmt.Errorf("depparse: %d relations, at most %d supported", len(labels), maxLabels)
	}
	if !seen["root"] {
		labels = append(labels, "root")
		slices.Sort(labels)
	}
	if opt.Init != nil {
		for _, l := range labels {
			if !slices.Contains(opt.Init.labels, l) {
				return nil, fmt.Errorf("depparse: relation %q is not one of the initial model's", l)
			}
		}
		labels = opt.Init.labels
	}
	lid := map[string]int{}
	for i, l := range labels {
		lid[l] = i
	}
	var data []gold
	for _, t := range trees {
		n := len(t.Words)
		if n == 0 || len(t.Heads) != n || len(t.Rels) != n || !isTree(t.Heads) {
			continue
		}
		heads := projectivise(t.Heads)
		g := gold{t: t, gh: make([]int32, n), gl: make([]uint8, n)}
		for i, h := range heads {
			if h < 0 {
				h = n
			}
			g.gh[i] = int32(h)
			g.gl[i] = uint8(lid[t.Rels[i]])
		}
		data = append(data, g)
	}
	if len(data) == 0 {
		return nil, ErrNoTrainingData
	}
	lex := buildLexicon(data)
	tw := newTrainWeights()
	if opt.Init != nil {
		lex = opt.Init.lex
		tw = trainWeightsFrom(opt.Init.m)
	}
	p := newParser(labels, lex, nil)
	if opt.Beam > 0 {
		return trainBeam(ctx, p, data, tw, opt)
	}
	nl := len(labels)
	nc := p.numClasses()
	rng := rand.New(rand.NewPCG(opt.Seed, 0x64796164))
	sc := &scratch{f: make([]uint64, numFeatures)}
	scores := make([]float32, nc)
	rows := make([]int32, numFeatures)
	cost := make([]int, nc)
	allowed := make([]bool, nc)
	return epochs(ctx, opt, len(data), rng, func(it, oi int) {
		g := &data[oi]
		sc.atoms.set(g.t.Words, g.t.UPOS, g.t.XPOS, lex)
		st := &sc.st
		st.reset(len(g.t.Words))
		for !st.terminal() {
			extract(&sc.atoms, st, sc.f)
			clear(scores)
			tw.score(sc.f, rows, scores)
			pm, pl := best(p, st, scores, nil)
			pred := classOf(pm, pl, nl)
			// Costs of every legal class.
			cs, cl, cr, lg, rg := st.costs(g.gh)
			minC := -1
			for c := range cost {
				m, l := p.decode(c)
				v := -1
				switch m {
				case moveShift:
					v = cs
				case moveLeft:
					v = cl
					if v >= 0 && lg && uint8(l) != g.gl[st.stack[len(st.stack)-1]] {
						v++
					}
				case moveRight:
					v = cr
					if v >= 0 && rg && uint8(l) != g.gl[st.stack[len(st.stack)-1]] {
						v++
					}
				}
				cost[c] = v
				if v >= 0 && (minC < 0 || v < minC) {
					minC = v
				}
			}
			for c := range allowed {
				allowed[c] = cost[c] == minC
			}
			gm, gl := best(p, st, scores, allowed)
			goodC := classOf(gm, gl, nl)
			if cost[pred] != minC {
				tw.update(sc.f, rows, goodC, pred)
			}
			tw.c++
			if it > 1 && opt.Explore > 0 && rng.Float64() < opt.Explore {
				st.apply(pm, uint8(pl))
			} else {
				st.apply(gm, uint8(gl))
			}
		}
	}, func() *Parser { return newParser(labels, lex, tw.average(opt.MinWeight)) })
}

// epochs runs opt.Iterations passes over n training items, in an order
// rng shuffles before each pass, calling visit(it, i) for item i in pass
// it, and snapshot after each pass for the model as it then is. It
// returns the model of the pass with the best dev LAS (of the last pass
// without opt.Dev), calling opt.Progress after each pass.
func epochs(ctx context.Context, opt TrainOptions, n int, rng *rand.Rand, visit func(it, i int), snapshot func() *Parser) (*Parser, error) {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	var bestP *Parser
	bestLAS := -1.0
	for it := 1; it <= opt.Iterations; it++ {
		rng.Shuffle(n, func(i, j int) { order[i], order[j] = order[j], order[i] })
		for k, oi := range order {
			if k%256 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			visit(it, oi)
		}
		cur := snapshot()
		var s Score
		if len(opt.Dev) > 0 {
			s = cur.Evaluate(opt.Dev)
		}
		if opt.Progress != nil {
			opt.Progress(it, s)
		}
		if len(opt.Dev) == 0 || s.LAS > bestLAS {
			bestP, bestLAS = cur, s.LAS
		}
	}
	return bestP, nil
}

// gold is a training tree with its projectivised heads (n for the root) and
// label ids.
type gold struct {
	t  Tree
	gh []int32
	gl []uint8
}

// buildLexicon maps every word seen at least twice to the set of UPOS tags
// it was seen with (bit i for the i-th tag in sorted order).
func buildLexicon(data []gold) map[uint64]uint32 {
	var tags []string
	seen := map[string]bool{}
	for _, g := range data {
		for _, u := range g.t.UPOS {
			if !seen[u] {
				seen[u] = true
				tags = append(tags, u)
			}
		}
	}
	slices.Sort(tags)
	bit := map[string]uint32{}
	for i, u := range tags {
		bit[u] = 1 << (i % 32)
	}
	classes := map[uint64]uint32{}
	count := map[uint64]int{}
	for _, g := range data {
		for i, w := range g.t.Words {
			h := hashWord(w)
			count[h]++
			if i < len(g.t.UPOS) {
				classes[h] |= bit[g.t.UPOS[i]]
			}
		}
	}
	lex := map[uint64]uint32{}
	for h, c := range classes {
		if count[h] >= 2 {
			lex[h] = c
		}
	}
	return lex
}

func classOf(move, label, nl int) int {
	switch move {
	case moveLeft:
		return 1 + label
	case moveRight:
		return 1 + nl + label
	}
	return 0
}

// Evaluate parses trees with their own tags and scores the result against
// their heads and relations.
func (p *Parser) Evaluate(trees []Tree) Score {
	var s Score
	var ua, la int
	for _, t := range trees {
		n := len(t.Words)
		heads := make([]int, n)
		rels := make([]string, n)
		p.Parse(t.Words, t.UPOS, t.XPOS, heads, rels)
		for i := 0; i < n; i++ {
			s.Words++
			if heads[i] == t.Heads[i] {
				ua++
				if universal(rels[i]) == universal(t.Rels[i]) {
					la++
				}
			}
		}
	}
	if s.Words > 0 {
		s.UAS = 100 * float64(ua) / float64(s.Words)
		s.LAS = 100 * float64(la) / float64(s.Words)
	}
	return s
}

func universal(r string) string {
	if i := strings.IndexByte(r, ':'); i >= 0 {
		return r[:i]
	}
	return r
}

// isTree reports whether heads (0-based, -1 for the root) form a tree with
// exactly one root.
func isTree(heads []int) bool {
	n := len(heads)
	roots := 0
	for _, h := range heads {
		if h < -1 || h >= n {
			return false
		}
		if h == -1 {
			roots++
		}
	}
	if roots != 1 {
		return false
	}
	// Every word must reach the root without a cycle.
	state := make([]uint8, n) // 0 unknown, 1 visiting, 2 reaches root
	for i := range heads {
		var path []int
		j := i
		for j >= 0 && state[j] == 0 {
			state[j] = 1
			path = append(path, j)
			j = heads[j]
		}
		if j >= 0 && state[j] == 1 {
			return false
		}
		for _, k := range path {
			state[k] = 2
		}
	}
	return true
}

// projectivise returns a copy of heads in which every non-projective arc has
// been lifted to the head's head until the tree is projective. The shortest
// offending arc is lifted first.
func projectivise(heads []int) []int {
	h := append([]int(nil), heads...)
	n := len(h)
	dominates := func(a, b int) bool { // a is an ancestor of b (a may be -1)
		for b != -1 {
			if b == a {
				return true
			}
			b = h[b]
		}
		return a == -1
	}
	for guard := 0; guard < n*n+1; guard++ {
		best, bestLen := -1, n+2
		for d := 0; d < n; d++ {
			hd := h[d]
			if hd < 0 {
				continue
			}
			lo, hi := min(hd, d), max(hd, d)
			if hi-lo >= bestLen {
				continue
			}
			for k := lo + 1; k < hi; k++ {
				if !dominates(hd, k) {
					best, bestLen = d, hi-lo
					break
				}
			}
		}
		if best < 0 {
			return h
		}
		h[best] = h[h[best]]
	}
	return h
}
