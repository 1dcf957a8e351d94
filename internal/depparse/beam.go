package depparse

// Beam search over the arc-hybrid transitions. Every parse of n words takes
// exactly 2n transitions (each word is shifted once and attached once), so
// the items of a beam always have made the same number of moves and their
// scores, sums of transition scores, compare directly. A forced move (the
// only legal one) adds nothing to the score, as in greedy decoding, which
// does not score it either; training does the same (see trainBeam).

// WithBeam returns a parser that shares p's weights and decodes with a beam
// of width k: Parse, Annotate and Evaluate then keep the k best transition
// sequences instead of one. k of 0 or less gives back greedy decoding; a
// beam of width 1 makes the same choices as greedy decoding (ties broken
// alike), only more slowly. Models trained with TrainOptions.Beam are meant
// to be decoded with the same width.
func (p *Parser) WithBeam(k int) *Parser {
	q := &Parser{labels: p.labels, root: p.root, m: p.m, t: p.t, lex: p.lex, absent: p.absent}
	if k > 0 {
		q.beam = k
	}
	return q
}

// Beam returns the width of the beam that Parse decodes with, 0 for greedy
// decoding.
func (p *Parser) Beam() int { return p.beam }

// beamItem is one configuration in the beam with the score of the
// transitions that led to it.
type beamItem struct {
	st    state
	score int64
}

// candidate is a move from beam item item with class class (see system.go),
// reaching score.
type candidate[S int64 | float64] struct {
	score S
	item  int32
	class int32
}

// beamScratch is the per-call working memory of a beam parse.
type beamScratch struct {
	atoms     sentAtoms
	cur, next []beamItem
	f, idx    []uint64
	scores    []int32
	// bufScores[b] is the summed score of the buffer-only features when
	// the buffer starts at b (all items share them), valid when bufOK[b].
	bufScores [][]int32
	bufOK     []bool
	top       []candidate[int64]
}

func (p *Parser) getBeamScratch() *beamScratch {
	if s, ok := p.beamPool.Get().(*beamScratch); ok {
		return s
	}
	return &beamScratch{
		f:      make([]uint64, numFeatures),
		idx:    make([]uint64, numFeatures),
		scores: make([]int32, scoreLen),
	}
}

// copyFrom makes s a copy of o that shares no memory with it.
func (s *state) copyFrom(o *state) {
	s.n = o.n
	s.b = o.b
	s.stack = append(s.stack[:0], o.stack...)
	s.head = append(s.head[:0], o.head...)
	s.label = append(s.label[:0], o.label...)
	s.l1 = append(s.l1[:0], o.l1...)
	s.l2 = append(s.l2[:0], o.l2...)
	s.r1 = append(s.r1[:0], o.r1...)
	s.r2 = append(s.r2[:0], o.r2...)
	s.nl = append(s.nl[:0], o.nl...)
	s.nr = append(s.nr[:0], o.nr...)
	s.ls = append(s.ls[:0], o.ls...)
	s.rs = append(s.rs[:0], o.rs...)
}

// forced returns the class of the only legal move of st when the scores
// cannot change the choice (empty stack: shift; one word left on the stack
// and the buffer at the root: its arc to the root), as run does.
func (p *Parser) forced(st *state) (int, bool) {
	k := len(st.stack)
	if k == 0 {
		return 0, true
	}
	if k == 1 && int(st.b) == st.n && p.root >= 0 {
		return 1 + p.root, true
	}
	return 0, false
}

// legalClasses calls fn with every legal class of st, in the order in which
// best considers them, so that the first class of highest score is best's
// choice.
func (p *Parser) legalClasses(st *state, fn func(c int)) {
	shift, left, right := st.legal()
	nl := len(p.labels)
	if shift {
		fn(0)
	}
	if left {
		if int(st.b) == st.n && p.root >= 0 {
			fn(1 + p.root)
		} else {
			for l := 0; l < nl; l++ {
				if l != p.root {
					fn(1 + l)
				}
			}
		}
	}
	if right {
		for l := 0; l < nl; l++ {
			if l != p.root {
				fn(1 + nl + l)
			}
		}
	}
}

// pushTop adds c to top, which holds at most k candidates sorted by
// descending score; among equal scores the earlier candidate stays first.
func pushTop[S int64 | float64](top []candidate[S], k int, c candidate[S]) []candidate[S] {
	n := len(top)
	if n == k {
		if c.score <= top[n-1].score {
			return top
		}
		n--
		top = top[:n]
	}
	i := n
	for i > 0 && top[i-1].score < c.score {
		i--
	}
	top = append(top, candidate[S]{})
	copy(top[i+1:], top[i:n])
	top[i] = c
	return top
}

// parseBeam fills heads and rels like Parse, with a beam of width p.beam.
func (p *Parser) parseBeam(words, upos, xpos []string, heads []int, rels []string) {
	sc := p.getBeamScratch()
	defer p.beamPool.Put(sc)
	st := p.searchBeam(sc, words, upos, xpos)
	n := len(words)
	for i := 0; i < n; i++ {
		h := int(st.head[i])
		if h == n || h < 0 {
			heads[i] = -1
		} else {
			heads[i] = h
		}
		rels[i] = p.labels[st.label[i]]
	}
}

// searchBeam runs the beam search and returns the best final configuration.
func (p *Parser) searchBeam(sc *beamScratch, words, upos, xpos []string) *state {
	k := p.beam
	n := len(words)
	sc.atoms.set(words, upos, xpos, p.lex)
	if cap(sc.cur) < k {
		sc.cur = make([]beamItem, k)
		sc.next = make([]beamItem, k)
		sc.top = make([]candidate[int64], 0, k+1)
	}
	for len(sc.bufScores) < n+1 {
		sc.bufScores = append(sc.bufScores, make([]int32, scoreLen))
	}
	sc.bufOK = grow8bool(sc.bufOK, n+1)
	cur, next := sc.cur[:1], sc.next[:k]
	cur[0].st.reset(n)
	cur[0].score = 0
	for !cur[0].st.terminal() {
		top := sc.top[:0]
		for i := range cur {
			it := &cur[i]
			if c, ok := p.forced(&it.st); ok {
				top = pushTop(top, k, candidate[int64]{score: it.score, item: int32(i), class: int32(c)})
				continue
			}
			scores := p.scoreBeamState(sc, &it.st)
			p.legalClasses(&it.st, func(c int) {
				top = pushTop(top, k, candidate[int64]{score: it.score + int64(scores[c]), item: int32(i), class: int32(c)})
			})
		}
		for j, c := range top {
			nx := &next[j]
			nx.st.copyFrom(&cur[c.item].st)
			m, l := p.decode(int(c.class))
			nx.st.apply(m, uint8(l))
			nx.score = c.score
		}
		sc.top = top
		cur, next = next[:len(top)], cur[:k]
	}
	// Keep the buffers for the next call whichever way they were swapped.
	sc.cur, sc.next = cur[:k], next[:k]
	return &cur[0].st
}

func grow8bool(x []bool, n int) []bool {
	if cap(x) < n {
		x = make([]bool, n)
	}
	x = x[:n]
	clear(x)
	return x
}

// scoreBeamState returns the scores of every class in configuration st,
// scoring the buffer-only features once per buffer position for the whole
// beam and the features of absent children from their precomputed sums (as
// scoreState does for one configuration).
func (p *Parser) scoreBeamState(sc *beamScratch, st *state) []int32 {
	absent := extract(&sc.atoms, st, sc.f)
	buf := sc.bufScores[st.b]
	if !sc.bufOK[st.b] {
		sc.bufOK[st.b] = true
		clear(buf)
		p.t.score(sc.f[numStackFeatures:], sc.idx, buf)
	}
	copy(sc.scores, buf)
	nf := numStackFeatures
	if absent != 0 {
		nf = numPlainFeatures
		for c := 0; c < numChildren; c++ {
			if absent&(1<<c) == 0 {
				copy(sc.f[nf:nf+3], sc.f[numPlainFeatures+3*c:])
				nf += 3
			}
		}
		for c, v := range p.absent[absent] {
			sc.scores[c] += v
		}
	}
	p.t.score(sc.f[:nf], sc.idx, sc.scores)
	return sc.scores
}
