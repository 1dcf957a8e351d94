package ner

import "math"

// scorer is what decoding needs from a set of weights: the averaged
// *perceptron.Model at run time, the *perceptron.Trainer in training.
type scorer interface {
	Scores(feats []uint64, scores []float32)
}

// lattice is the scratch space of Viterbi decoding.
type lattice struct {
	feats []uint64
	emit  []float32 // emit[c]: label-independent score of class c at the current word
	pair  []float32 // pair[c]: score of the features pairing the previous class with c
	delta []float32 // delta[i*C+c]: best score of a path ending in class c at word i
	back  []int8    // back[i*C+c]: the previous class on that path (-1 at word 0)
}

var negInf = float32(math.Inf(-1))

// viterbi sets labels[:n] to the highest-scoring valid class sequence of
// the sentence whose atoms are a (two pads each side) under the weights s:
// the scores of a word's static features plus those of its features paired
// with the previous word's class (a first-order model).
func (m *Model) viterbi(s scorer, lt *lattice, a []atoms, n int, sentCase uint64, labels []int) {
	C := len(m.prefix)
	lt.emit, lt.pair = resize(lt.emit, C), resize(lt.pair, C)
	lt.delta, lt.back = resize(lt.delta, n*C), resize(lt.back, n*C)
	for i := range n {
		lt.feats = staticFeatures(lt.feats[:0], a, i, sentCase)
		s.Scores(lt.feats, lt.emit)
		delta, back := lt.delta[i*C:(i+1)*C], lt.back[i*C:(i+1)*C]
		for c := range delta {
			delta[c], back[c] = negInf, -1
		}
		if i == 0 {
			lt.feats = pairFeatures(lt.feats[:0], a, 0, -1)
			s.Scores(lt.feats, lt.pair)
			for c := range C {
				if m.valid(-1, c) {
					delta[c] = lt.emit[c] + lt.pair[c]
				}
			}
			continue
		}
		prevDelta := lt.delta[(i-1)*C : i*C]
		for p := range C {
			if prevDelta[p] == negInf {
				continue
			}
			lt.feats = pairFeatures(lt.feats[:0], a, i, p)
			s.Scores(lt.feats, lt.pair)
			for c := range C {
				if !m.valid(p, c) {
					continue
				}
				if v := prevDelta[p] + lt.pair[c] + lt.emit[c]; v > delta[c] {
					delta[c], back[c] = v, int8(p)
				}
			}
		}
	}
	last := lt.delta[(n-1)*C : n*C]
	best := 0 // O is always final
	for c := range last {
		if m.final(c) && last[c] > last[best] {
			best = c
		}
	}
	for i := n - 1; i >= 0; i-- {
		labels[i] = best
		best = int(lt.back[i*C+best])
	}
}
