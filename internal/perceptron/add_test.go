package perceptron

import (
	"math"
	"math/rand/v2"
	"testing"
)

// addImpl is one implementation of addTo.
type addImpl struct {
	name string
	add  func(dst, src []float32)
}

// TestAddTo checks that the vector addition gives bit for bit the sums of
// scalar float32 addition, for every length around the vector widths and
// for awkward values.
func TestAddTo(t *testing.T) {
	awkward := []float32{0, float32(math.Copysign(0, -1)), 1e-45, -1e-45, 3.4e38, -3.4e38, 1, -1, 0.1, 1e7}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, c := range []struct {
		name string
		gen  func(i int) float32
	}{
		{"random", func(int) float32 { return float32(rng.NormFloat64() * 10) }},
		{"awkward", func(i int) float32 { return awkward[(i*7+3)%len(awkward)] }},
		{"tiny and huge", func(i int) float32 {
			if i%2 == 0 {
				return 1e-40
			}
			return 1e30
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			for n := 0; n <= 37; n++ {
				dst, src := make([]float32, n+3), make([]float32, n)
				for i := range dst {
					dst[i] = c.gen(i + 11)
				}
				for i := range src {
					src[i] = c.gen(i)
				}
				want := append([]float32(nil), dst...)
				addToGeneric(want, src)
				for _, impl := range addImpls {
					got := append([]float32(nil), dst...)
					impl.add(got, src)
					for i := range got {
						if math.Float32bits(got[i]) != math.Float32bits(want[i]) {
							t.Fatalf("%s, n=%d: element %d = %v, want %v", impl.name, n, i, got[i], want[i])
						}
					}
				}
			}
		})
	}
}

// TestDenseRowsScoreExactly checks that scoring with dense rows gives bit
// for bit the sums of adding every feature's cells in feature order.
func TestDenseRowsScoreExactly(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, nc := range []int{2, 3, 9, 17, 50, 102} {
		tr := NewTrainer(make([]string, nc))
		feats := make([]uint64, 30)
		for range 20000 {
			for j := range feats {
				feats[j] = Mix(uint64(j), uint64(rng.IntN(200)))
			}
			truth := rng.IntN(nc)
			tr.Update(feats, truth, tr.Predict(feats, make([]float32, nc)))
		}
		m := tr.Average(0)
		if len(m.dense) == 0 {
			t.Fatalf("%d classes: no dense row; the test does not test them", nc)
		}
		rows := make(map[uint64]int, len(m.keys))
		for r, k := range m.keys {
			rows[k] = r
		}
		got, want := make([]float32, nc), make([]float32, nc)
		for range 200 {
			for j := range feats {
				feats[j] = Mix(uint64(j), uint64(rng.IntN(220))) // some unknown
			}
			m.Scores(feats, got)
			referenceScores(m, rows, feats, want)
			for c := range got {
				if math.Float32bits(got[c]) != math.Float32bits(want[c]) {
					t.Fatalf("%d classes: score of class %d = %v, want %v", nc, c, got[c], want[c])
				}
			}
		}
	}
}

// referenceScores is Scores as a plain loop over the rows' cells; rows maps
// a feature to its row.
func referenceScores(m *Model, rows map[uint64]int, feats []uint64, scores []float32) {
	clear(scores)
	for _, f := range feats {
		if r, ok := rows[f]; ok {
			for _, c := range m.rowCells(r) {
				scores[c.class&classMask] += c.w
			}
		}
	}
}
