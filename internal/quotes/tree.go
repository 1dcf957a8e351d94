package quotes

import (
	"strings"

	"github.com/dyad-news/dyad/internal/doc"
)

// tree is the dependency structure of a document, indexed for the look-ups
// attribution needs: children per token, subtree extents, the mention and
// the quotation covering each token.
type tree struct {
	d       *doc.Doc
	kids    [][]int32 // children of each token, in text order
	kidBuf  []int32
	lo, hi  []int32 // first and last token of each token's subtree
	mention []int32 // index into d.Mentions covering the token, or -1
	inQuote []int32 // index of the direct group covering the token, or -1
	nTokens int
}

func (t *tree) reset(d *doc.Doc) {
	n := len(d.Tokens)
	t.d, t.nTokens = d, n
	t.kids = grow(t.kids, n)
	t.lo = growInt(t.lo, n)
	t.hi = growInt(t.hi, n)
	t.mention = growInt(t.mention, n)
	t.inQuote = growInt(t.inQuote, n)
	// Children, in text order, sliced out of one buffer.
	num := make([]int32, n+1)
	for i := range d.Tokens {
		if h := d.Tokens[i].Head; h >= 0 && h < n {
			num[h+1]++
		}
	}
	for i := 1; i <= n; i++ {
		num[i] += num[i-1]
	}
	if cap(t.kidBuf) < n {
		t.kidBuf = make([]int32, n)
	}
	buf := t.kidBuf[:n]
	fill := make([]int32, n)
	for i := range d.Tokens {
		if h := d.Tokens[i].Head; h >= 0 && h < n {
			buf[num[h]+fill[h]] = int32(i)
			fill[h]++
		}
	}
	for i := 0; i < n; i++ {
		t.kids[i] = buf[num[i]:num[i+1]]
		t.lo[i], t.hi[i] = int32(i), int32(i)
		t.mention[i], t.inQuote[i] = -1, -1
	}
	// Subtree extents: propagate each token's position up its head chain
	// (sentences are short, so this is linear in practice).
	for i := range d.Tokens {
		h, steps := d.Tokens[i].Head, 0
		for h >= 0 && h < n && steps < 64 {
			changed := false
			if int32(i) < t.lo[h] {
				t.lo[h] = int32(i)
				changed = true
			}
			if int32(i) > t.hi[h] {
				t.hi[h] = int32(i)
				changed = true
			}
			if !changed {
				break
			}
			h = d.Tokens[h].Head
			steps++
		}
	}
	for mi, m := range d.Mentions {
		for k := m.First; k < m.Last && k < n; k++ {
			if t.mention[k] < 0 {
				t.mention[k] = int32(mi)
			}
		}
	}
}

func grow(s [][]int32, n int) [][]int32 {
	if cap(s) < n {
		return make([][]int32, n)
	}
	return s[:n]
}

func growInt(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}

// child returns the first child of token i with one of the relations, or -1.
func (t *tree) child(i int, rels ...string) int {
	for _, k := range t.kids[i] {
		r := t.d.Tokens[k].DepRel
		for _, x := range rels {
			if r == x {
				return int(k)
			}
		}
	}
	return -1
}

// rel returns the relation of token i without its subtype ("acl:relcl" →
// "acl").
func (t *tree) rel(i int) string {
	r := t.d.Tokens[i].DepRel
	if k := strings.IndexByte(r, ':'); k >= 0 {
		return r[:k]
	}
	return r
}

// span returns the byte span of tokens [first, last].
func (t *tree) span(first, last int) doc.Span {
	return doc.Span{Start: t.d.Tokens[first].Start, End: t.d.Tokens[last].End}
}

// subtree returns the tokens [lo, hi] of i's subtree.
func (t *tree) subtree(i int) (int, int) { return int(t.lo[i]), int(t.hi[i]) }

// isPunct reports whether token i is punctuation.
func (t *tree) isPunct(i int) bool {
	return t.d.Tokens[i].UPOS == "PUNCT" || isPunctForm(t.d.Tokens[i].Form)
}

func isPunctForm(f string) bool {
	if f == "" {
		return true
	}
	for _, r := range f {
		switch r {
		case '.', ',', ';', ':', '!', '?', '"', '\'', '“', '”', '‘', '’', '(', ')', '-', '—', '–', '«', '»':
		default:
			return false
		}
	}
	return true
}

// trim narrows tokens [lo, hi] so that they neither start nor end with
// punctuation; ok is false when nothing is left.
func (t *tree) trim(lo, hi int) (int, int, bool) {
	for lo <= hi && t.isPunct(lo) && !t.isQuoteMark(lo) {
		lo++
	}
	for hi >= lo && t.isPunct(hi) && !t.isQuoteMark(hi) {
		hi--
	}
	return lo, hi, lo <= hi
}

func (t *tree) isQuoteMark(i int) bool {
	switch t.d.Tokens[i].Form {
	case "\"", "“", "”", "''", "``", "«", "»":
		return true
	}
	return false
}

// npSpan returns the compact noun phrase headed by token h: its subtree
// without relative clauses, appositions, conjuncts and trailing punctuation.
func (t *tree) npSpan(h int) (int, int) {
	lo, hi := h, h
	var walk func(i int, depth int)
	walk = func(i int, depth int) {
		if i < lo {
			lo = i
		}
		if i > hi {
			hi = i
		}
		if depth > 8 {
			return
		}
		for _, k := range t.kids[i] {
			switch t.rel(int(k)) {
			case "acl", "appos", "conj", "cc", "punct", "parataxis", "dep", "advcl", "ccomp", "xcomp":
				continue
			}
			walk(int(k), depth+1)
		}
	}
	walk(h, 0)
	for lo < h && (t.d.Tokens[lo].DepRel == "case" || t.d.Tokens[lo].DepRel == "mark" || t.d.Tokens[lo].DepRel == "fixed") {
		lo++
	}
	for hi > h && t.d.Tokens[hi].DepRel == "case" {
		hi-- // "the ministry's"
	}
	lo, hi, _ = t.trim(lo, hi)
	if lo > h || hi < h {
		return h, h
	}
	return lo, hi
}
