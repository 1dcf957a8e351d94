package depparse

// The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta 2011)
// with the artificial root token placed at the end of the buffer (Ballesteros
// & Nivre 2013). For a sentence of n words the tokens are 0..n-1 and the
// root is n.
//
//	SHIFT     move the buffer front b0 onto the stack (b0 must not be the root)
//	LEFT(l)   make b0 the head of the stack top s0 with label l; pop s0
//	RIGHT(l)  make s1 the head of s0 with label l; pop s0
//
// LEFT onto the root is allowed only when s0 is the last stack item, so every
// parse ends as a tree with exactly one root word.
//
// Classes number the labelled transitions: 0 is SHIFT, 1..L are LEFT(label
// 0..L-1), L+1..2L are RIGHT(label 0..L-1).

const (
	moveShift = iota
	moveLeft
	moveRight
)

// state is a parser configuration plus the per-token bookkeeping the
// features read (children, valencies, label sets). It is reused across
// sentences to avoid allocation.
type state struct {
	n     int
	stack []int32
	b     int32
	head  []int32 // -1 while unattached; n for the root
	label []uint8
	// Leftmost, second leftmost, rightmost, second rightmost children; -1 when none.
	l1, l2, r1, r2 []int32
	nl, nr         []uint8  // number of left and right children (capped)
	ls, rs         []uint64 // label sets of left and right children
}

func (s *state) reset(n int) {
	s.n = n
	s.stack = s.stack[:0]
	s.b = 0
	m := n + 1
	s.head = grow32(s.head, m, -1)
	s.l1 = grow32(s.l1, m, -1)
	s.l2 = grow32(s.l2, m, -1)
	s.r1 = grow32(s.r1, m, -1)
	s.r2 = grow32(s.r2, m, -1)
	s.label = grow8(s.label, m)
	s.nl = grow8(s.nl, m)
	s.nr = grow8(s.nr, m)
	s.ls = grow64(s.ls, m)
	s.rs = grow64(s.rs, m)
}

func grow32(x []int32, n int, v int32) []int32 {
	if cap(x) < n {
		x = make([]int32, n)
	}
	x = x[:n]
	for i := range x {
		x[i] = v
	}
	return x
}

func grow8(x []uint8, n int) []uint8 {
	if cap(x) < n {
		x = make([]uint8, n)
	}
	x = x[:n]
	clear(x)
	return x
}

func grow64(x []uint64, n int) []uint64 {
	if cap(x) < n {
		x = make([]uint64, n)
	}
	x = x[:n]
	clear(x)
	return x
}

func (s *state) terminal() bool { return len(s.stack) == 0 && int(s.b) == s.n }

// legal reports which unlabelled moves are allowed.
func (s *state) legal() (shift, left, right bool) {
	k := len(s.stack)
	shift = int(s.b) < s.n
	left = k >= 1 && (int(s.b) < s.n || k == 1)
	right = k >= 2
	return
}

func (s *state) attach(h, d int32, l uint8) {
	s.head[d] = h
	s.label[d] = l
	bit := uint64(1) << (l & 63)
	if d < h {
		if s.l1[h] == -1 || d < s.l1[h] {
			s.l2[h] = s.l1[h]
			s.l1[h] = d
		} else if s.l2[h] == -1 || d < s.l2[h] {
			s.l2[h] = d
		}
		if s.nl[h] < 255 {
			s.nl[h]++
		}
		s.ls[h] |= bit
	} else {
		if s.r1[h] == -1 || d > s.r1[h] {
			s.r2[h] = s.r1[h]
			s.r1[h] = d
		} else if s.r2[h] == -1 || d > s.r2[h] {
			s.r2[h] = d
		}
		if s.nr[h] < 255 {
			s.nr[h]++
		}
		s.rs[h] |= bit
	}
}

// apply performs the unlabelled move with label l.
func (s *state) apply(move int, l uint8) {
	k := len(s.stack)
	switch move {
	case moveShift:
		s.stack = append(s.stack, s.b)
		s.b++
	case moveLeft:
		s.attach(s.b, s.stack[k-1], l)
		s.stack = s.stack[:k-1]
	case moveRight:
		s.attach(s.stack[k-2], s.stack[k-1], l)
		s.stack = s.stack[:k-1]
	}
}

// costs computes the dynamic-oracle cost of each unlabelled move under the
// gold heads gh (n for the root): the number of gold arcs that are reachable
// before the move and not after it. labelOK says whether the move would
// attach s0 to its gold head, so the caller can add one for a wrong label.
// Illegal moves get a cost of -1.
func (s *state) costs(gh []int32) (cs, cl, cr int, leftGold, rightGold bool) {
	shift, left, right := s.legal()
	cs, cl, cr = -1, -1, -1
	k := len(s.stack)
	b := s.b
	n := int32(s.n)
	if shift {
		c := 0
		for i := 0; i < k; i++ {
			d := s.stack[i]
			if gh[d] == b {
				c++
			}
			if i < k-1 && gh[b] == d {
				c++
			}
		}
		cs = c
	}
	if left || right {
		s0 := s.stack[k-1]
		deps := 0
		for d := b; d < n; d++ {
			if gh[d] == s0 {
				deps++
			}
		}
		h := gh[s0]
		if left {
			c := deps
			if h != b && ((k >= 2 && h == s.stack[k-2]) || h > b) {
				c++
			}
			cl = c
			leftGold = h == b
		}
		if right {
			c := deps
			if h >= b {
				c++
			}
			cr = c
			rightGold = h == s.stack[k-2]
		}
	}
	return
}
