package depparse

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestTableScore checks the scoring table against a plain sum over the
// model's rows, for rows of every storage form: inline only, inline plus
// overflow, and dense (long rows, with weights at both ends of the int16
// range so that a carry between the packed halves would show).
func TestTableScore(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const nc = 103
	m := &model{scale: 1, off: []uint32{0}}
	seen := map[uint64]bool{}
	for len(m.keys) < 3000 {
		k := rng.Uint64()
		if seen[k] || uint32(k>>32) == 0 {
			continue
		}
		seen[k] = true
		m.keys = append(m.keys, k)
	}
	slices.Sort(m.keys)
	for i := range m.keys {
		var n int
		switch i % 4 {
		case 0:
			n = 1 + rng.IntN(3) // inline
		case 1:
			n = 4 + rng.IntN(denseMin-4) // overflow
		default:
			n = denseMin + rng.IntN(nc-denseMin+1) // dense
		}
		for _, c := range rng.Perm(nc)[:n] {
			m.cls = append(m.cls, uint8(c))
			w := int16(rng.IntN(65535) - 32767)
			if i%8 == 2 {
				w = [2]int16{32767, -32767}[c%2]
			}
			m.q = append(m.q, w)
		}
		m.off = append(m.off, uint32(len(m.cls)))
	}
	// Rows are sorted by class in real models; sorting here too.
	for i := range m.keys {
		a, b := m.off[i], m.off[i+1]
		idx := make([]int, b-a)
		for j := range idx {
			idx[j] = int(a) + j
		}
		slices.SortFunc(idx, func(x, y int) int { return int(m.cls[x]) - int(m.cls[y]) })
		cls := make([]uint8, len(idx))
		q := make([]int16, len(idx))
		for j, x := range idx {
			cls[j], q[j] = m.cls[x], m.q[x]
		}
		copy(m.cls[a:b], cls)
		copy(m.q[a:b], q)
	}
	tab := newTable(m)
	if len(tab.dense) == 0 || len(tab.ovf) == 0 {
		t.Fatalf("test model has %d dense words and %d overflow entries, want both", len(tab.dense), len(tab.ovf))
	}
	rowOf := map[uint64]int{}
	for i, k := range m.keys {
		rowOf[k] = i
	}
	for trial := 0; trial < 200; trial++ {
		f := make([]uint64, 1+rng.IntN(150))
		for j := range f {
			if rng.IntN(5) == 0 {
				f[j] = rng.Uint64() // absent
			} else {
				f[j] = m.keys[rng.IntN(len(m.keys))]
			}
		}
		want := make([]int32, scoreLen)
		for _, k := range f {
			if i, ok := rowOf[k]; ok {
				for j := m.off[i]; j < m.off[i+1]; j++ {
					want[m.cls[j]] += int32(m.q[j])
				}
			}
		}
		got := make([]int32, scoreLen)
		tab.score(f, make([]uint64, len(f)), got)
		if !slices.Equal(got[:nc], want[:nc]) {
			t.Fatalf("trial %d: score differs from the plain sum:\n got %v\nwant %v", trial, got[:nc], want[:nc])
		}
	}
}

// TestBufferCache checks that the scores run computes for each
// configuration (with the buffer-only scores kept between transitions and
// the ready sums of absent children's features) equal those of scoring
// every feature, and that the parses agree, forced moves included.
func TestBufferCache(t *testing.T) {
	p, trees := trainTiny(t)
	nc := p.numClasses()
	for _, tr := range trees {
		sc := p.getScratch()
		p.run(sc, tr.Words, tr.UPOS, tr.XPOS)
		got := append([]int32(nil), sc.st.head...)
		gotL := append([]uint8(nil), sc.st.label...)

		// The same parse, scoring all features every time.
		sc.atoms.set(tr.Words, tr.UPOS, tr.XPOS, p.lex)
		st := &sc.st
		st.reset(len(tr.Words))
		b := int32(-1)
		full := make([]int32, scoreLen)
		for !st.terminal() {
			if len(st.stack) > 0 {
				p.scoreState(sc, &b)
				extract(&sc.atoms, st, sc.f)
				clear(full)
				p.t.score(sc.f, sc.idx, full)
				if !slices.Equal(full[:nc], sc.scores[:nc]) {
					t.Fatalf("%v: scores differ at stack %v buffer %d:\n got %v\nwant %v", tr.Words, st.stack, st.b, sc.scores[:nc], full[:nc])
				}
			}
			extract(&sc.atoms, st, sc.f)
			clear(full)
			p.t.score(sc.f, sc.idx, full)
			move, l := best(p, st, full, nil)
			st.apply(move, uint8(l))
		}
		if !slices.Equal(got, st.head) || !slices.Equal(gotL, st.label) {
			t.Errorf("%v: run gave heads %v labels %v, full scoring %v %v", tr.Words, got, gotL, st.head, st.label)
		}
	}
}
