package depparse

import (
	"math"
	"runtime"
	"slices"

	"github.com/dyad-news/dyad/internal/hugemem"
)

// model is the canonical form of trained weights, as stored in the model
// file: the feature hashes in ascending order and, for each, a row of
// (class, weight) pairs with int16 weights that are multiplied by scale.
// Most features are non-zero for a handful of classes only, so sparse rows
// keep the model small.
type model struct {
	keys  []uint64
	off   []uint32 // row i is cls/q[off[i]:off[i+1]]
	cls   []uint8
	q     []int16
	scale float32
}

// table is the scoring form of a model: an open-addressing hash table with
// linear probing whose 16-byte slots hold a 32-bit key and up to three
// (class, weight) pairs inline, so that a feature costs one cache miss. Rows
// with more pairs continue in ovf. The few features with long rows (tag-only
// features, which nearly every configuration fires) keep their whole row
// in dense instead, where adding it is a run of plain 64-bit additions.
// The slot index comes from the low 32 bits of the feature hash and the key
// from the high 32 bits.
type table struct {
	slots []slot
	ovf   []ovfEntry
	// dense holds rows of words words each: word k packs the weights of
	// classes 2k (low half) and 2k+1 (high half), each as weight+denseBias,
	// so that the halves never carry into each other when rows are summed.
	dense []uint64
	words int
	size  uint64
}

type slot struct {
	key uint32 // 0 marks an empty slot
	w   [3]int16
	cls [3]uint8 // unused pairs have class padClass and weight 0
	// ext is 1 + the index into ovf of the rest of the row (24 bits,
	// little-endian), or denseFlag | the index of the row in dense; 0 for
	// none.
	ext [3]uint8
}

type ovfEntry struct {
	cls uint8
	w   int16 // for the first entry of a run: the run's length
}

// padClass is the class of unused inline pairs; score arrays have room for
// it so that scoring needs no branch.
const padClass = 255

// scoreLen is the length of the score arrays: every class plus padClass.
const scoreLen = 256

const (
	// denseMin is the row length from which a row is stored dense: below
	// it, adding the row's pairs one by one is cheaper than adding a whole
	// dense row.
	denseMin = 48
	// maxDenseWords bounds the words of a dense row: every class below
	// padClass.
	maxDenseWords = (padClass + 1) / 2
	denseBias     = 1 << 15
	denseFlag     = 1 << 23
	denseLow      = 1<<32 - 1
)

func (t *table) home(k uint64) uint64 { return (uint64(uint32(k)) * t.size) >> 32 }

// ext returns the overflow reference of slot s.
func (s *slot) extRef() int { return int(s.ext[0]) | int(s.ext[1])<<8 | int(s.ext[2])<<16 }

func (s *slot) setExt(e int) { s.ext = [3]uint8{uint8(e), uint8(e >> 8), uint8(e >> 16)} }

func newTable(m *model) *table {
	n := len(m.keys)
	size := uint64(2*n + 16)
	t := &table{size: size, words: (int(slices.Max(append(m.cls, 0))) + 2) / 2}
	t.slots = hugemem.Slice[slot](t, int(size))
	for i, k := range m.keys {
		key := uint32(k >> 32)
		if key == 0 {
			key = 1
		}
		j := t.home(k)
		dup := false
		for t.slots[j].key != 0 {
			if t.slots[j].key == key {
				dup = true // a 32-bit clash in one probe run: keep the first
				break
			}
			j++
			if j == size {
				j = 0
			}
		}
		if dup {
			continue
		}
		s := slot{key: key, cls: [3]uint8{padClass, padClass, padClass}}
		a, b := m.off[i], m.off[i+1]
		if b-a >= denseMin {
			s.setExt(denseFlag | len(t.dense)/t.words)
			lanes := make([]uint64, 2*t.words)
			for c := range lanes {
				lanes[c] = denseBias
			}
			for ; a < b; a++ {
				lanes[m.cls[a]] = uint64(denseBias + int(m.q[a]))
			}
			row := make([]uint64, t.words)
			for k := range row {
				row[k] = lanes[2*k] | lanes[2*k+1]<<32
			}
			t.dense = append(t.dense, row...)
			t.slots[j] = s
			continue
		}
		for r := 0; r < 3 && a < b; r++ {
			s.cls[r], s.w[r] = m.cls[a], m.q[a]
			a++
		}
		if a < b {
			s.setExt(len(t.ovf) + 1)
			t.ovf = append(t.ovf, ovfEntry{w: int16(b - a)})
			for ; a < b; a++ {
				t.ovf = append(t.ovf, ovfEntry{cls: m.cls[a], w: m.q[a]})
			}
		}
		t.slots[j] = s
	}
	return t
}

// score adds the weights of features f to out, which must have scoreLen
// entries. idx is scratch space of len(f).
//
// The lookups are memory-bound, so they run in phases whose loads do not
// depend on each other and whose branches are predictable: the processor
// then overlaps the cache misses of all features instead of waiting for one
// at a time.
func (t *table) score(f []uint64, idx []uint64, out []int32) {
	slots := t.slots
	size := t.size
	var sink uint32
	// Phase 1: touch every home slot.
	for i, k := range f {
		j := (uint64(uint32(k)) * size) >> 32
		idx[i] = j
		sink += slots[j].key
	}
	// Phase 2: find each feature's slot (usually its home slot, now cached)
	// and touch the start of its overflow run or dense row.
	ovf, dense := t.ovf, t.dense
	for i, k := range f {
		key := uint32(k >> 32)
		if key == 0 {
			key = 1
		}
		j := idx[i]
		for {
			s := &slots[j]
			if s.key == key {
				break
			}
			if s.key == 0 {
				j = size // absent
				break
			}
			j++
			if j == size {
				j = 0
			}
		}
		idx[i] = j
		if j < size {
			if e := slots[j].extRef(); e&denseFlag != 0 {
				sink += uint32(dense[(e&^denseFlag)*t.words])
			} else if e != 0 {
				sink += uint32(ovf[e-1].w)
			}
		}
	}
	// Phase 3: add the weights.
	var accBuf [maxDenseWords]uint64
	acc := accBuf[:t.words]
	var nd int32
	out = out[:scoreLen]
	for _, j := range idx[:len(f)] {
		if j >= size {
			continue
		}
		s := &slots[j]
		out[s.cls[0]] += int32(s.w[0])
		out[s.cls[1]] += int32(s.w[1])
		out[s.cls[2]] += int32(s.w[2])
		e := s.extRef()
		if e == 0 {
			continue
		}
		if e&denseFlag != 0 {
			r := (e &^ denseFlag) * len(acc)
			row := dense[r : r+len(acc)]
			for k := range acc {
				acc[k] += row[k]
			}
			nd++
			continue
		}
		n := int(ovf[e-1].w)
		for _, o := range ovf[e : e+n] {
			out[o.cls] += int32(o.w)
		}
	}
	if nd > 0 {
		bias := nd * denseBias
		for k, v := range acc {
			out[2*k] += int32(v&denseLow) - bias
			out[2*k+1] += int32(v>>32) - bias
		}
	}
	if sink == 1 {
		out[padClass]++ // keeps the touching loads from being optimised away
	}
	runtime.KeepAlive(t) // t owns the slots' memory (see hugemem)
}

// trainWeights is the mutable averaged perceptron used while training. It
// keeps for every (feature, class) the current weight w and the sum u of
// c·Δw over updates, so that the average after c steps is w - u/c
// (Daumé 2006).
type trainWeights struct {
	index map[uint64]int32
	rows  [][]tentry
	c     float64 // number of training steps so far
}

type tentry struct {
	cls int32
	w   float32
	u   float64
}

func newTrainWeights() *trainWeights {
	return &trainWeights{index: make(map[uint64]int32, 1<<20), c: 1}
}

// score adds the weights of features f to out and remembers in rows the
// row of each feature (-1 when it has none yet) for a following update.
func (t *trainWeights) score(f []uint64, rows []int32, out []float32) {
	for j, k := range f {
		i, ok := t.index[k]
		if !ok {
			rows[j] = -1
			continue
		}
		rows[j] = i
		for _, e := range t.rows[i] {
			out[e.cls] += e.w
		}
	}
}

func (t *trainWeights) bump(i int32, cls int32, delta float32) {
	r := t.rows[i]
	for j := range r {
		if r[j].cls == cls {
			r[j].w += delta
			r[j].u += t.c * float64(delta)
			return
		}
	}
	t.rows[i] = append(r, tentry{cls: cls, w: delta, u: t.c * float64(delta)})
}

// update moves the weights of f towards class good and away from bad; rows
// are the feature rows found by the score call on f.
func (t *trainWeights) update(f []uint64, rows []int32, good, bad int) {
	for j, k := range f {
		i := rows[j]
		if i < 0 {
			var ok bool
			if i, ok = t.index[k]; !ok { // f may repeat a feature
				i = int32(len(t.rows))
				t.index[k] = i
				t.rows = append(t.rows, make([]tentry, 0, 2))
			}
		}
		t.bump(i, int32(good), 1)
		t.bump(i, int32(bad), -1)
	}
}

// average returns the averaged weights, quantised to int16, dropping
// weights whose magnitude is at most minAbs and features left with none.
func (t *trainWeights) average(minAbs float64) *model {
	keys := make([]uint64, 0, len(t.index))
	for k := range t.index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var maxAbs float64
	for _, r := range t.rows {
		for _, e := range r {
			maxAbs = math.Max(maxAbs, math.Abs(float64(e.w)-e.u/t.c))
		}
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	m := &model{scale: float32(scale), off: []uint32{0}}
	kept := keys[:0]
	for _, k := range keys {
		r := t.rows[t.index[k]]
		slices.SortFunc(r, func(a, b tentry) int { return int(a.cls - b.cls) })
		n := len(m.cls)
		for _, e := range r {
			a := float64(e.w) - e.u/t.c
			q := math.Round(a / scale)
			if math.Abs(a) > minAbs && q != 0 {
				m.cls = append(m.cls, uint8(e.cls))
				m.q = append(m.q, int16(q))
			}
		}
		if len(m.cls) > n {
			kept = append(kept, k)
			m.off = append(m.off, uint32(len(m.cls)))
		}
	}
	m.keys = kept
	return m
}

// Prune returns a copy of p without the weights whose magnitude is at most
// minAbs, and without the features left with none. Most features of a
// perceptron get a handful of small updates; dropping them makes the model
// smaller and faster for a small loss of accuracy.
func (p *Parser) Prune(minAbs float64) *Parser {
	m := p.m
	minQ := minAbs / float64(m.scale)
	out := &model{scale: m.scale, off: []uint32{0}}
	for i, k := range m.keys {
		n := len(out.cls)
		for j := m.off[i]; j < m.off[i+1]; j++ {
			if q := float64(m.q[j]); q > minQ || q < -minQ {
				out.cls = append(out.cls, m.cls[j])
				out.q = append(out.q, m.q[j])
			}
		}
		if len(out.cls) > n {
			out.keys = append(out.keys, k)
			out.off = append(out.off, uint32(len(out.cls)))
		}
	}
	return newParser(p.labels, p.lex, out)
}
