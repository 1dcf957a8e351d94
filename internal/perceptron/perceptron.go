// Package perceptron is the averaged multiclass perceptron shared by dyad's
// statistical stages (tagger, named-entity tagger, parser).
//
// Features are uint64 hashes (see String, Lower and Mix); classes are small
// integers. A Trainer learns sparse weights online; Average turns it into a
// compact, read-only Model whose rows hold only the classes a feature has a
// weight for, which keeps both the file and the scoring loop small.
//
//	t := perceptron.NewTrainer([]string{"NOUN", "VERB"})
//	feats := []uint64{perceptron.String(1, "dog"), perceptron.String(2, "-og")}
//	scores := make([]float32, 2)
//	for epoch := 0; epoch < 5; epoch++ {
//		guess := t.Predict(feats, scores)
//		t.Update(feats, 0, guess)
//	}
//	m := t.Average(0)
//	fmt.Println(m.Classes[m.Predict(feats, scores)]) // NOUN
package perceptron

import (
	"math"
	"runtime"

	"github.com/dyad-news/dyad/internal/hugemem"
)

// entry is one (class, weight) cell of a Trainer row. u accumulates
// step×delta, step being the number of examples finished before the update,
// so that the average over all examples is w − u/steps (Daumé's trick)
// without touching every weight at every step.
type entry struct {
	class uint16
	w     float32
	u     float64
}

// Trainer learns averaged perceptron weights. It is not safe for concurrent
// use.
type Trainer struct {
	// Classes names the classes; class i is Classes[i].
	Classes []string
	index   map[uint64]int32
	keys    []uint64
	rows    [][]entry
	step    float64 // examples finished
}

// NewTrainer returns a Trainer for the given classes (at most MaxClasses).
func NewTrainer(classes []string) *Trainer {
	return &Trainer{Classes: append([]string(nil), classes...), index: map[uint64]int32{}}
}

// Scores sets scores[c] to the current (not averaged) score of class c for
// the features. len(scores) must be len(t.Classes).
func (t *Trainer) Scores(feats []uint64, scores []float32) {
	clear(scores)
	for _, f := range feats {
		r, ok := t.index[f]
		if !ok {
			continue
		}
		for _, e := range t.rows[r] {
			scores[e.class] += e.w
		}
	}
}

// Predict returns the best class under the current weights; ties go to the
// lower class index. scores is scratch space of len(t.Classes).
func (t *Trainer) Predict(feats []uint64, scores []float32) int {
	t.Scores(feats, scores)
	return Argmax(scores)
}

// Add adds delta to the weight of class for every feature.
func (t *Trainer) Add(feats []uint64, class int, delta float32) {
	for _, f := range feats {
		r, ok := t.index[f]
		if !ok {
			r = int32(len(t.rows))
			t.index[f] = r
			t.keys = append(t.keys, f)
			t.rows = append(t.rows, nil)
		}
		row := t.rows[r]
		found := false
		for i := range row {
			if int(row[i].class) == class {
				row[i].w += delta
				row[i].u += t.step * float64(delta)
				found = true
				break
			}
		}
		if !found {
			t.rows[r] = append(row, entry{class: uint16(class), w: delta, u: t.step * float64(delta)})
		}
	}
}

// Tick ends one training example: it advances the averaging clock.
func (t *Trainer) Tick() { t.step++ }

// Update is the perceptron rule for one example: when guess differs from
// truth it moves the weights towards truth and away from guess; either way it
// advances the averaging clock.
func (t *Trainer) Update(feats []uint64, truth, guess int) {
	if truth != guess {
		t.Add(feats, truth, 1)
		t.Add(feats, guess, -1)
	}
	t.Tick()
}

// Features returns the number of features that have a row.
func (t *Trainer) Features() int { return len(t.rows) }

// Average returns the averaged weights as a Model, leaving out weights whose
// absolute value is below prune and features left with no weight.
func (t *Trainer) Average(prune float32) *Model {
	m := &Model{Classes: append([]string(nil), t.Classes...)}
	var rowKeys []uint64
	var starts []uint32
	for r, row := range t.rows {
		n := 0
		start := uint32(len(m.cells))
		for _, e := range row {
			avg := e.w
			if t.step > 0 {
				avg = float32(float64(e.w) - e.u/t.step)
			}
			if avg == 0 || float32(math.Abs(float64(avg))) < prune {
				continue
			}
			m.cells = append(m.cells, cell{class: e.class, w: avg})
			n++
		}
		if n > 0 {
			m.cells[len(m.cells)-1].class |= lastCell
			rowKeys = append(rowKeys, t.keys[r])
			starts = append(starts, start)
		}
	}
	m.buildTable(rowKeys, starts)
	return m
}

// Argmax returns the index of the largest score; ties go to the lower index.
func Argmax(scores []float32) int {
	best := 0
	for i := 1; i < len(scores); i++ {
		if scores[i] > scores[best] {
			best = i
		}
	}
	return best
}

// Model is a read-only averaged perceptron: a hash table from feature to a
// sparse row of (class, weight) cells. It is safe for concurrent use.
//
// Scoring is bound by memory latency, so a feature costs two cache misses at
// most: one for its 8-byte table slot and one for its row (classes and
// weights together). The rows of frequent features hold a weight for most
// classes; adding them one cell at a time is most of the scoring work, so
// rows that fill a third of the classes or more are also kept as dense
// vectors, added with vector instructions where there are some.
type Model struct {
	// Classes names the classes; class i is Classes[i].
	Classes []string

	slots []slot // open addressing; row == 0 marks an empty slot
	mask  uint64
	cells []cell
	// dense holds the dense rows, len(Classes) weights each (zero for the
	// classes a row has no weight for); a slot whose row has denseRow set
	// points into it.
	dense []float32
	// keys and starts give the feature and first cell of each row, in
	// row order (for Save and Pruned; scoring does not touch them).
	keys   []uint64
	starts []uint32
}

// slot holds the high 32 bits of a feature hash (the low bits choose the
// slot, so the two together check 32+log2(len(slots)) bits) and either
// 1 + the index of the row's first cell or denseRow | the index of its
// dense vector.
type slot struct {
	fp  uint32
	row uint32
}

// denseRow marks a slot whose row is a dense vector. Read accepts fewer than
// 1<<31 cells, so the bit is free.
const denseRow = 1 << 31

// cell is one weight; lastCell in class marks the last cell of a row.
type cell struct {
	class uint16
	w     float32
}

const (
	lastCell  = 1 << 15
	classMask = lastCell - 1
	// MaxClasses is the number of classes a Model can have.
	MaxClasses = lastCell
)

// buildTable indexes rows: row r has key keys[r] and cells
// [starts[r], starts[r+1]) (the last row ends at len(m.cells)); the last
// cell of each row must carry lastCell.
func (m *Model) buildTable(keys []uint64, starts []uint32) {
	size := 16
	for size < 2*len(keys) {
		size <<= 1
	}
	m.slots = hugemem.Slice[slot](m, size)
	m.mask = uint64(size - 1)
	m.keys, m.starts = keys, starts[:len(keys)]
	nc := len(m.Classes)
	// A dense row is added with about one instruction per four classes, a
	// sparse one with several per cell; past a third of the classes the
	// dense row is both faster and at most about twice the memory.
	denseMin := max(2, (nc+2)/3)
	nDense := 0
	for r := range keys {
		if m.denseOK(r, denseMin) {
			nDense++
		}
	}
	m.dense = hugemem.Slice[float32](m, nDense*nc)
	d := uint32(0)
	for r, k := range keys {
		row := starts[r] + 1
		if m.denseOK(r, denseMin) {
			vec := m.dense[int(d)*nc : int(d+1)*nc]
			for _, c := range m.rowCells(r) {
				vec[c.class&classMask] = c.w
			}
			row = denseRow | d
			d++
		}
		i := k & m.mask
		for m.slots[i].row != 0 {
			i = (i + 1) & m.mask
		}
		m.slots[i] = slot{fp: uint32(k >> 32), row: row}
	}
}

// denseOK reports whether row r has at least min cells, every one of a
// class of the model and none twice, so that a dense vector adds exactly
// what its cells add.
func (m *Model) denseOK(r, min int) bool {
	cells := m.rowCells(r)
	if len(cells) < min || len(cells) > len(m.Classes) {
		return false
	}
	var seen [MaxClasses / 64]uint64
	for _, c := range cells {
		k := int(c.class & classMask)
		if k >= len(m.Classes) || seen[k/64]&(1<<(k%64)) != 0 || c.w == 0 {
			return false
		}
		seen[k/64] |= 1 << (k % 64)
	}
	return true
}

// rowCells returns the cells of row r.
func (m *Model) rowCells(r int) []cell {
	end := uint32(len(m.cells))
	if r+1 < len(m.starts) {
		end = m.starts[r+1]
	}
	return m.cells[m.starts[r]:end]
}

// Features returns the number of features with at least one weight.
func (m *Model) Features() int { return len(m.keys) }

// Weights returns the number of stored (feature, class) weights.
func (m *Model) Weights() int { return len(m.cells) }

// Scores sets scores[c] to the score of class c for the features.
// len(scores) must be len(m.Classes).
func (m *Model) Scores(feats []uint64, scores []float32) {
	clear(scores)
	nc := len(m.Classes)
	scores = scores[:nc]
	slots, mask, cells, dense := m.slots, m.mask, m.cells, m.dense
	// Scoring is bound by cache misses on the slots and rows of a large
	// table. Touch every feature's home slot and then the start of its row
	// first, in loops whose loads do not depend on each other, so that the
	// misses overlap instead of coming one after another; the scoring loop
	// below then finds them cached.
	var sink uint32
	for _, f := range feats {
		sink += slots[f&mask].row
	}
	for _, f := range feats {
		// Dense rows belong to frequent features and are cached already.
		if s := slots[f&mask]; s.row-1 < denseRow-1 && s.fp == uint32(f>>32) {
			sink += uint32(cells[s.row-1].class)
		}
	}
	if sink == 1 {
		scores[0] += 0 // keeps the touching loads from being optimised away
	}
	for _, f := range feats {
		i, fp := f&mask, uint32(f>>32)
		for {
			s := slots[i]
			if s.row == 0 {
				break
			}
			if s.fp == fp {
				if s.row&denseRow != 0 {
					// Adding 0 for the classes the row has no weight for
					// leaves every score exactly as the cells would.
					d := int(s.row&^denseRow) * nc
					addTo(scores, dense[d:d+nc])
					break
				}
				for j := s.row - 1; ; j++ {
					c := cells[j]
					scores[c.class&classMask] += c.w
					if c.class&lastCell != 0 {
						break
					}
				}
				break
			}
			i = (i + 1) & mask
		}
	}
	runtime.KeepAlive(m) // m owns the table's memory (see hugemem)
}

// Predict returns the best class; ties go to the lower class index. scores
// is scratch space of len(m.Classes).
func (m *Model) Predict(feats []uint64, scores []float32) int {
	m.Scores(feats, scores)
	return Argmax(scores)
}

// Pruned returns a copy of m without the weights whose absolute value is
// below min, and without the features left with no weight: a smaller,
// faster model that scores almost the same.
func (m *Model) Pruned(min float32) *Model {
	out := &Model{Classes: m.Classes}
	var keys []uint64
	var starts []uint32
	for r, k := range m.keys {
		start := uint32(len(out.cells))
		for _, c := range m.rowCells(r) {
			if c.w >= min || c.w <= -min {
				out.cells = append(out.cells, cell{class: c.class &^ lastCell, w: c.w})
			}
		}
		if uint32(len(out.cells)) > start {
			out.cells[len(out.cells)-1].class |= lastCell
			keys = append(keys, k)
			starts = append(starts, start)
		}
	}
	out.buildTable(keys, starts)
	return out
}
