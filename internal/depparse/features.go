package depparse

import (
	"strings"
	"unicode/utf8"
)

// Feature atoms are 64-bit hashes computed once per token (word, tag,
// suffix); each feature is the hash of a template number and up to four
// atoms, built without allocating.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func finalise(z uint64) uint64 {
	z ^= z >> 30
	z *= 0xbf58476d1ce4e5b9
	z ^= z >> 27
	z *= 0x94d049bb133111eb
	z ^= z >> 31
	return z
}

// hashString hashes s under seed with FNV-1a and a splitmix finaliser.
func hashString(seed uint64, s string) uint64 {
	h := uint64(fnvOffset) ^ seed*0x9e3779b97f4a7c15
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return finalise(h)
}

// hashWord hashes the lower-cased form with every ASCII digit mapped to 0, so
// that numbers of one shape share weights.
func hashWord(s string) uint64 {
	h := uint64(fnvOffset) ^ 1*0x9e3779b97f4a7c15
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case '0' <= c && c <= '9':
			c = '0'
		}
		h ^= uint64(c)
		h *= fnvPrime
	}
	return finalise(h)
}

// hashSuffix hashes the last three characters of s, lower-cased.
func hashSuffix(s string) uint64 {
	i := len(s)
	for k := 0; k < 3 && i > 0; k++ {
		_, sz := utf8.DecodeLastRuneInString(s[:i])
		i -= sz
	}
	return hashString(3, strings.ToLower(s[i:]))
}

// Atoms for absent tokens and the root.
var (
	atomNone   = hashString(7, "<none>")
	atomRoot   = hashString(7, "<root>")
	atomNoSuff = hashString(3, "<none>")
)

// sentAtoms holds the per-token atoms of one sentence; index n is the root.
type sentAtoms struct {
	n             int
	w, p, x, u, a []uint64 // word, joint UPOS+XPOS tag, suffix, UPOS, ambiguity class
}

// set computes the atoms of a sentence. lex maps a word hash to its
// ambiguity class: the set of UPOS tags the word had in the training data,
// which does not depend on the tagger's decision in context.
func (a *sentAtoms) set(words, upos, xpos []string, lex map[uint64]uint32) {
	n := len(words)
	a.n = n
	a.w = grow64(a.w, n+1)
	a.p = grow64(a.p, n+1)
	a.x = grow64(a.x, n+1)
	a.u = grow64(a.u, n+1)
	a.a = grow64(a.a, n+1)
	for i, w := range words {
		a.w[i] = hashWord(w)
		var u, x string
		if i < len(upos) {
			u = upos[i]
		}
		if i < len(xpos) {
			x = xpos[i]
		}
		a.u[i] = hashString(5, u)
		a.p[i] = finalise(a.u[i] ^ hashString(6, x)*3)
		a.x[i] = hashSuffix(w)
		if c, ok := lex[a.w[i]]; ok {
			a.a[i] = uint64(c) + 1
		} else {
			a.a[i] = a.x[i] // unknown word: its suffix stands in
		}
	}
	a.w[n] = atomRoot
	a.p[n] = atomRoot
	a.x[n] = atomRoot
	a.u[n] = atomRoot
	a.a[n] = atomRoot
}

// mix hashes a template number with four atoms (0 for unused ones).
func mix(t, a, b, c, d uint64) uint64 {
	h := (t + 1) * 0x9e3779b97f4a7c15
	h = (h ^ a) * 0xbf58476d1ce4e5b9
	h ^= h >> 29
	h = (h ^ b) * 0x94d049bb133111eb
	h ^= h >> 31
	h = (h ^ c) * 0xbf58476d1ce4e5b9
	h ^= h >> 29
	h = (h ^ d) * 0x94d049bb133111eb
	h ^= h >> 32
	if h == 0 {
		h = 1
	}
	return h
}

func dist(a, b int32, n int) uint64 {
	if a < 0 || b < 0 {
		return 0
	}
	if int(b) == n || int(a) == n {
		return 20
	}
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 5:
		return uint64(d)
	case d <= 10:
		return 6
	case d <= 20:
		return 7
	}
	return 8
}

func capv(v uint8) uint64 {
	if v > 6 {
		return 6
	}
	return uint64(v)
}

// numFeatures is the number of hashes extract writes. The last
// numBufferFeatures of them look at the buffer only (its first three words
// and the bias), so they stay the same until the buffer moves on. Before
// them come the numChildFeatures that look at one child of s0 or n0 each
// (its word, tag and label), three per child in the order of the child*
// constants: when that child is absent they are the same three features
// whatever the configuration.
const (
	numFeatures       = 131
	numBufferFeatures = 22
	numStackFeatures  = numFeatures - numBufferFeatures
	numChildFeatures  = 3 * numChildren
	numPlainFeatures  = numStackFeatures - numChildFeatures
)

// The children whose features extract writes as a group; a bit per child
// in the mask extract returns.
const (
	childS0L1 = iota // leftmost child of s0
	childS0R1        // rightmost child of s0
	childN0L1        // leftmost child of n0
	childS0L2        // second leftmost child of s0
	childS0R2        // second rightmost child of s0
	childN0L2        // second leftmost child of n0
	numChildren
)

// extract writes the feature hashes of configuration s into f, which must
// have room for numFeatures values: first the features that look at the
// stack, then those of the children of s0 and n0, then the
// numBufferFeatures that look at the buffer only. It returns the set of
// absent children, a bit per child* constant. A
// feature's template number, hashed into it, is its place in the list
// below, whichever part of f it goes to.
func extract(a *sentAtoms, s *state, f []uint64) (absent uint8) {
	_ = f[numFeatures-1]
	n := a.n
	k := len(s.stack)
	s0, s1, s2 := int32(-1), int32(-1), int32(-1)
	if k >= 1 {
		s0 = s.stack[k-1]
	}
	if k >= 2 {
		s1 = s.stack[k-2]
	}
	if k >= 3 {
		s2 = s.stack[k-3]
	}
	n0 := s.b
	n1, n2 := n0+1, n0+2
	if int(n1) > n {
		n1 = -1
	}
	if int(n2) > n {
		n2 = -1
	}
	W := func(i int32) uint64 {
		if i < 0 {
			return atomNone
		}
		return a.w[i]
	}
	P := func(i int32) uint64 {
		if i < 0 {
			return atomNone
		}
		return a.p[i]
	}
	U := func(i int32) uint64 {
		if i < 0 {
			return atomNone
		}
		return a.u[i]
	}
	A := func(i int32) uint64 {
		if i < 0 {
			return atomNone
		}
		return a.a[i]
	}
	X := func(i int32) uint64 {
		if i < 0 {
			return atomNoSuff
		}
		return a.x[i]
	}
	child := func(c []int32, i int32) int32 {
		if i < 0 {
			return -1
		}
		return c[i]
	}
	L := func(i int32) uint64 {
		if i < 0 {
			return 0
		}
		return uint64(s.label[i]) + 1
	}
	VL := func(i int32) uint64 {
		if i < 0 {
			return 7
		}
		return capv(s.nl[i])
	}
	VR := func(i int32) uint64 {
		if i < 0 {
			return 7
		}
		return capv(s.nr[i])
	}
	SL := func(i int32) uint64 {
		if i < 0 {
			return 1 << 63
		}
		return s.ls[i]
	}
	SR := func(i int32) uint64 {
		if i < 0 {
			return 1 << 63
		}
		return s.rs[i]
	}

	s0w, s0p := W(s0), P(s0)
	s1w, s1p := W(s1), P(s1)
	s2w, s2p := W(s2), P(s2)
	n0w, n0p := W(n0), P(n0)
	n1w, n1p := W(n1), P(n1)
	n2w, n2p := W(n2), P(n2)
	s0l1, s0l2 := child(s.l1, s0), child(s.l2, s0)
	s0r1, s0r2 := child(s.r1, s0), child(s.r2, s0)
	s1l1 := child(s.l1, s1)
	s1r1, s1r2 := child(s.r1, s1), child(s.r2, s1)
	n0l1, n0l2 := child(s.l1, n0), child(s.l2, n0)
	s0l1p, s0l2p, s0r1p, s0r2p := P(s0l1), P(s0l2), P(s0r1), P(s0r2)
	s1l1p, s1r1p, s1r2p := P(s1l1), P(s1r1), P(s1r2)
	n0l1p, n0l2p := P(n0l1), P(n0l2)
	d := dist(s0, n0, n)
	d1 := dist(s1, s0, n)

	i, sf, bf := 0, 0, numStackFeatures
	put := func(a, b, c, e uint64) {
		f[sf] = mix(uint64(i), a, b, c, e)
		i++
		sf++
	}
	putB := func(a, b, c, e uint64) {
		f[bf] = mix(uint64(i), a, b, c, e)
		i++
		bf++
	}
	// putC puts feature k (0 word, 1 tag, 2 label) of child ch, which is
	// token t or -1.
	putC := func(ch, k int, t int32, a uint64) {
		f[numPlainFeatures+3*ch+k] = mix(uint64(i), a, 0, 0, 0)
		i++
		if t < 0 {
			absent |= 1 << ch
		}
	}
	// Single tokens.
	put(s0w, s0p, 0, 0)
	put(s0w, 0, 0, 0)
	put(s0p, 0, 0, 0)
	putB(n0w, n0p, 0, 0)
	putB(n0w, 0, 0, 0)
	putB(n0p, 0, 0, 0)
	putB(n1w, n1p, 0, 0)
	putB(n1w, 0, 0, 0)
	putB(n1p, 0, 0, 0)
	putB(n2w, n2p, 0, 0)
	putB(n2w, 0, 0, 0)
	putB(n2p, 0, 0, 0)
	put(s1w, s1p, 0, 0)
	put(s1w, 0, 0, 0)
	put(s1p, 0, 0, 0)
	put(s2w, s2p, 0, 0)
	put(s2p, 0, 0, 0)
	putB(X(n0), 0, 0, 0)
	putB(X(n0), n0p, 0, 0)
	put(X(s0), 0, 0, 0)
	put(X(s0), s0p, 0, 0)
	putB(X(n1), n1p, 0, 0)
	// Pairs.
	put(s0w, s0p, n0w, n0p)
	put(s0w, s0p, n0w, 0)
	put(s0w, n0w, n0p, 0)
	put(s0w, s0p, n0p, 0)
	put(s0p, n0w, n0p, 0)
	put(s0w, n0w, 0, 0)
	put(s0p, n0p, 0, 0)
	putB(n0p, n1p, 0, 0)
	putB(n0w, n1w, 0, 0)
	putB(n0w, n1p, 0, 0)
	putB(n0p, n1w, 0, 0)
	put(s1w, s1p, s0w, s0p)
	put(s1w, s1p, s0w, 0)
	put(s1w, s0w, s0p, 0)
	put(s1w, s1p, s0p, 0)
	put(s1p, s0w, s0p, 0)
	put(s1w, s0w, 0, 0)
	put(s1p, s0p, 0, 0)
	put(s1p, n0p, 0, 0)
	put(s1w, n0w, 0, 0)
	put(s1w, n0p, 0, 0)
	put(s1p, n0w, 0, 0)
	// Triples of tags.
	putB(n0p, n1p, n2p, 0)
	put(s0p, n0p, n1p, 0)
	put(s1p, s0p, n0p, 0)
	put(s0p, s0l1p, n0p, 0)
	put(s0p, s0r1p, n0p, 0)
	put(s0p, n0p, n0l1p, 0)
	put(s1p, s1r1p, s0p, 0)
	put(s1p, s1l1p, s0p, 0)
	put(s2p, s1p, s0p, 0)
	put(s1p, s0p, s0l1p, 0)
	put(s1p, s0p, s0r1p, 0)
	put(s1p, s0p, n0p, n1p)
	put(s0w, n0p, n1p, 0)
	put(s1w, s0p, n0p, 0)
	// Distance.
	put(s0w, d, 0, 0)
	put(s0p, d, 0, 0)
	put(n0w, d, 0, 0)
	put(n0p, d, 0, 0)
	put(s0w, n0w, d, 0)
	put(s0p, n0p, d, 0)
	put(s1p, s0p, d1, 0)
	put(s1w, s0w, d1, 0)
	put(s1w, s0p, d1, 0)
	put(s1p, s0w, d1, 0)
	// Valency.
	put(s0w, VR(s0), 0, 0)
	put(s0p, VR(s0), 0, 0)
	put(s0w, VL(s0), 0, 0)
	put(s0p, VL(s0), 0, 0)
	put(n0w, VL(n0), 0, 0)
	put(n0p, VL(n0), 0, 0)
	put(s1w, VR(s1), 0, 0)
	put(s1p, VR(s1), 0, 0)
	put(s1w, VL(s1), 0, 0)
	put(s1p, VL(s1), 0, 0)
	// Children.
	putC(childS0L1, 0, s0l1, W(s0l1))
	putC(childS0L1, 1, s0l1, s0l1p)
	putC(childS0L1, 2, s0l1, L(s0l1))
	putC(childS0R1, 0, s0r1, W(s0r1))
	putC(childS0R1, 1, s0r1, s0r1p)
	putC(childS0R1, 2, s0r1, L(s0r1))
	putC(childN0L1, 0, n0l1, W(n0l1))
	putC(childN0L1, 1, n0l1, n0l1p)
	putC(childN0L1, 2, n0l1, L(n0l1))
	put(W(s1r1), s1p, 0, 0)
	put(s1r1p, L(s1r1), 0, 0)
	put(s1l1p, L(s1l1), s1p, 0)
	put(s0p, L(s0l1), L(s0r1), 0)
	put(s1p, L(s1l1), L(s1r1), 0)
	// Second-order children.
	putC(childS0L2, 0, s0l2, W(s0l2))
	putC(childS0L2, 1, s0l2, s0l2p)
	putC(childS0L2, 2, s0l2, L(s0l2))
	putC(childS0R2, 0, s0r2, W(s0r2))
	putC(childS0R2, 1, s0r2, s0r2p)
	putC(childS0R2, 2, s0r2, L(s0r2))
	putC(childN0L2, 0, n0l2, W(n0l2))
	putC(childN0L2, 1, n0l2, n0l2p)
	putC(childN0L2, 2, n0l2, L(n0l2))
	put(s0p, s0l1p, s0l2p, 0)
	put(s0p, s0r1p, s0r2p, 0)
	put(n0p, n0l1p, n0l2p, 0)
	put(s1p, s1r1p, s1r2p, 0)
	// Label sets.
	put(s0w, SR(s0), 0, 0)
	put(s0p, SR(s0), 0, 0)
	put(s0w, SL(s0), 0, 0)
	put(s0p, SL(s0), 0, 0)
	put(n0w, SL(n0), 0, 0)
	put(n0p, SL(n0), 0, 0)
	put(s1w, SR(s1), 0, 0)
	put(s1p, SR(s1), 0, 0)
	put(s1p, SL(s1), 0, 0)
	put(s1p, SR(s1), s0p, 0)
	put(s0p, SL(s0), n0p, 0)
	// Coarse tags and ambiguity classes, which tagging errors disturb less.
	s0u, s1u, n0u, n1u := U(s0), U(s1), U(n0), U(n1)
	s0a, s1a, n0a, n1a := A(s0), A(s1), A(n0), A(n1)
	put(s0a, 0, 0, 0)
	putB(n0a, 0, 0, 0)
	putB(n1a, 0, 0, 0)
	put(s1a, 0, 0, 0)
	put(s0a, n0a, 0, 0)
	put(s1a, s0a, 0, 0)
	putB(n0a, n1a, 0, 0)
	put(s0u, n0u, 0, 0)
	put(s1u, s0u, 0, 0)
	putB(n0u, n1u, 0, 0)
	put(s0u, n0u, n1u, 0)
	put(s1u, s0u, n0u, 0)
	put(s0a, n0u, d, 0)
	put(s1a, s0u, d1, 0)
	// Bias.
	putB(0, 0, 0, 0)
	if sf != numPlainFeatures || bf != numFeatures || i != numFeatures {
		panic("depparse: feature count mismatch")
	}
	return absent
}
