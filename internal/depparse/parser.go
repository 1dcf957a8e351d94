package depparse

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"

	"github.com/dyad-news/dyad/internal/doc"
)

// Parser is a trained dependency parser. It is safe for concurrent use.
type Parser struct {
	labels []string
	root   int // index of the "root" label, or -1
	m      *model
	t      *table
	lex    map[uint64]uint32 // word hash → ambiguity class (bit set of UPOS)
	// absent[m] is the summed scores of the features of the children in
	// the set m when they are absent (see extract): those features are the
	// same in every configuration, so their sums are computed once.
	absent [1 << numChildren][]int32
	pool   sync.Pool
	// beam is the beam width that Parse decodes with, 0 for greedy
	// decoding (see WithBeam); beamPool holds its scratch memory.
	beam     int
	beamPool sync.Pool
}

// scratch is the per-call working memory of Parse.
type scratch struct {
	atoms  sentAtoms
	st     state
	f      []uint64
	idx    []uint64
	scores []int32
	buf    []int32 // scores of the buffer-only features
}

func newParser(labels []string, lex map[uint64]uint32, m *model) *Parser {
	p := &Parser{labels: labels, root: -1, m: m, lex: lex}
	if m != nil {
		p.t = newTable(m)
		p.sumAbsent()
	}
	for i, l := range labels {
		if l == "root" {
			p.root = i
		}
	}
	return p
}

// sumAbsent fills p.absent. The features of absent children are read off a
// configuration with one word on the stack and one in the buffer, neither
// with children.
func (p *Parser) sumAbsent() {
	var a sentAtoms
	a.set([]string{"a", "b"}, nil, nil, p.lex)
	var st state
	st.reset(2)
	st.apply(moveShift, 0)
	f := make([]uint64, numFeatures)
	idx := make([]uint64, numFeatures)
	if extract(&a, &st, f) != 1<<numChildren-1 {
		panic("depparse: children in an empty configuration")
	}
	none := f[numPlainFeatures : numPlainFeatures+numChildFeatures]
	nc := p.numClasses()
	for m := range p.absent {
		v := make([]int32, scoreLen)
		for c := 0; c < numChildren; c++ {
			if m&(1<<c) != 0 {
				p.t.score(none[3*c:3*c+3], idx, v)
			}
		}
		p.absent[m] = v[:nc]
	}
}

// Labels returns the dependency relations the parser can assign.
func (p *Parser) Labels() []string { return append([]string(nil), p.labels...) }

// Features returns the number of features with a non-zero weight.
func (p *Parser) Features() int { return len(p.m.keys) }

func (p *Parser) numClasses() int { return 1 + 2*len(p.labels) }

func (p *Parser) getScratch() *scratch {
	if s, ok := p.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{
		f:      make([]uint64, numFeatures),
		idx:    make([]uint64, numFeatures),
		scores: make([]int32, scoreLen),
		buf:    make([]int32, scoreLen),
	}
}

// Parse fills heads and rels for one sentence: heads[i] is the 0-based index
// of the head of word i, or -1 for the root word; rels[i] is its dependency
// relation. upos and xpos are the words' tags (missing entries count as
// empty). heads and rels must be at least as long as words: when they are
// not, or the sentence is empty, Parse does nothing.
func (p *Parser) Parse(words, upos, xpos []string, heads []int, rels []string) {
	if len(words) == 0 || len(heads) < len(words) || len(rels) < len(words) {
		return
	}
	if p.beam > 0 {
		p.parseBeam(words, upos, xpos, heads, rels)
		return
	}
	sc := p.getScratch()
	defer p.pool.Put(sc)
	p.run(sc, words, upos, xpos)
	n := len(words)
	for i := 0; i < n; i++ {
		h := int(sc.st.head[i])
		if h == n || h < 0 {
			heads[i] = -1
		} else {
			heads[i] = h
		}
		rels[i] = p.labels[sc.st.label[i]]
	}
}

// run parses greedily; the result is left in sc.st.
func (p *Parser) run(sc *scratch, words, upos, xpos []string) {
	sc.atoms.set(words, upos, xpos, p.lex)
	st := &sc.st
	st.reset(len(words))
	b := int32(-1)
	for !st.terminal() {
		// With the stack empty only a shift is legal, and with one word
		// left on the stack and the buffer at the root only its arc to the
		// root: the scores cannot change the choice, so none are computed.
		if k := len(st.stack); k == 0 {
			st.apply(moveShift, 0)
			continue
		} else if k == 1 && int(st.b) == st.n && p.root >= 0 {
			st.apply(moveLeft, uint8(p.root))
			continue
		}
		p.scoreState(sc, &b)
		move, l := best(p, st, sc.scores, nil)
		st.apply(move, uint8(l))
	}
}

// scoreState sets sc.scores to the scores of every class in configuration
// sc.st. b is the buffer position whose buffer-only scores sc.buf holds.
func (p *Parser) scoreState(sc *scratch, b *int32) {
	st := &sc.st
	absent := extract(&sc.atoms, st, sc.f)
	// The buffer-only features change only when the buffer moves on,
	// about every other transition: their scores are kept until then.
	if st.b != *b {
		*b = st.b
		clear(sc.buf)
		p.t.score(sc.f[numStackFeatures:], sc.idx, sc.buf)
	}
	copy(sc.scores, sc.buf)
	// The features of absent children have their sums ready; those of the
	// children present are scored with the rest.
	n := numStackFeatures
	if absent != 0 {
		// Move the features of the children present to the front of the
		// children's part of f.
		n = numPlainFeatures
		for c := 0; c < numChildren; c++ {
			if absent&(1<<c) == 0 {
				copy(sc.f[n:n+3], sc.f[numPlainFeatures+3*c:])
				n += 3
			}
		}
		for c, v := range p.absent[absent] {
			sc.scores[c] += v
		}
	}
	p.t.score(sc.f[:n], sc.idx, sc.scores)
}

// best returns the highest-scoring legal move and label. When allowed is
// not nil only classes with allowed[c] are considered.
func best[S int32 | float32](p *Parser, st *state, scores []S, allowed []bool) (move, label int) {
	shift, left, right := st.legal()
	nl := len(p.labels)
	bestC := -1
	var bestS S
	ok := func(c int) bool { return allowed == nil || allowed[c] }
	if shift && ok(0) {
		bestC, bestS = 0, scores[0]
	}
	if left {
		if int(st.b) == st.n && p.root >= 0 {
			// Onto the root: only the root relation.
			if c := 1 + p.root; ok(c) && (bestC < 0 || scores[c] > bestS) {
				bestC, bestS = c, scores[c]
			}
		} else {
			for l := 0; l < nl; l++ {
				if c := 1 + l; l != p.root && ok(c) && (bestC < 0 || scores[c] > bestS) {
					bestC, bestS = c, scores[c]
				}
			}
		}
	}
	if right {
		for l := 0; l < nl; l++ {
			if c := 1 + nl + l; l != p.root && ok(c) && (bestC < 0 || scores[c] > bestS) {
				bestC, bestS = c, scores[c]
			}
		}
	}
	return p.decode(bestC)
}

func (p *Parser) decode(c int) (move, label int) {
	nl := len(p.labels)
	switch {
	case c <= 0:
		return moveShift, 0
	case c <= nl:
		return moveLeft, c - 1
	default:
		return moveRight, c - 1 - nl
	}
}

// Annotate parses every sentence of d, setting Token.Head (an index into
// d.Tokens, -1 for the root) and Token.DepRel, and marks doc.LayerDeps. It
// needs doc.LayerPOS.
func (p *Parser) Annotate(d *doc.Doc) error {
	if err := d.Require("depparse", doc.LayerTokens, doc.LayerSentences, doc.LayerPOS); err != nil {
		return err
	}
	var words, upos, xpos, rels []string
	var heads []int
	for _, s := range d.Sentences {
		toks := d.Tokens[s.First:s.Last]
		words, upos, xpos = words[:0], upos[:0], xpos[:0]
		for _, t := range toks {
			words = append(words, t.Form)
			upos = append(upos, t.UPOS)
			xpos = append(xpos, t.XPOS)
		}
		if cap(heads) < len(toks) {
			heads = make([]int, len(toks))
			rels = make([]string, len(toks))
		}
		heads, rels = heads[:len(toks)], rels[:len(toks)]
		p.Parse(words, upos, xpos, heads, rels)
		for i := range toks {
			h := heads[i]
			if h >= 0 {
				h += s.First
			}
			toks[i].Head = h
			toks[i].DepRel = rels[i]
		}
	}
	d.Mark(doc.LayerDeps)
	return nil
}

//go:embed model/parser.bin.gz
var embedded []byte

var (
	loadOnce sync.Once
	loaded   *Parser
	loadErr  error
)

// Load returns the parser embedded in the binary, decoding it on the first
// call only.
func Load() (*Parser, error) {
	loadOnce.Do(func() {
		loaded, loadErr = Read(bytes.NewReader(embedded))
		if loadErr != nil {
			loadErr = fmt.Errorf("embedded parser model: %w", loadErr)
		}
	})
	return loaded, loadErr
}
