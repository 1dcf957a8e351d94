package depparse

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// TestBeamWidthOneIsGreedy checks that a beam of width 1 makes the greedy
// parser's choices with the same weights, on the embedded model and on a
// model trained on the tiny treebank.
func TestBeamWidthOneIsGreedy(t *testing.T) {
	embedded, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tiny, trees := trainTiny(t)
	long := make([]string, 300)
	for i := range long {
		long[i] = []string{"The", "minister", "said", "on", "Monday", "that", "talks", "would", "resume", ",", "and", "they", "did", "."}[i%14]
	}
	sentences := []struct {
		name             string
		words, upos, xps []string
	}{
		{"one word", []string{"Hi"}, []string{"INTJ"}, []string{"UH"}},
		{"missing tags", []string{"Rain", "fell", "."}, nil, nil},
		{"quote", strings.Fields(`" We will keep working with the United States , " Peskov told reporters .`),
			strings.Fields("PUNCT PRON AUX VERB VERB ADP DET PROPN PROPN PUNCT PUNCT PROPN VERB NOUN PUNCT"),
			strings.Fields("`` PRP MD VB VBG IN DT NNP NNP , '' NNP VBD NNS .")},
		{"300 words", long, nil, nil},
	}
	for _, tr := range trees {
		sentences = append(sentences, struct {
			name             string
			words, upos, xps []string
		}{strings.Join(tr.Words, "_"), tr.Words, tr.UPOS, tr.XPOS})
	}
	models := []struct {
		name string
		p    *Parser
	}{
		{"embedded", embedded},
		{"tiny", tiny},
	}
	for _, m := range models {
		beam := m.p.WithBeam(1)
		if beam.Beam() != 1 || m.p.Beam() != 0 {
			t.Fatalf("%s: Beam() %d and %d, want 1 and 0", m.name, beam.Beam(), m.p.Beam())
		}
		for _, s := range sentences {
			t.Run(m.name+"/"+s.name, func(t *testing.T) {
				n := len(s.words)
				gh, gr := make([]int, n), make([]string, n)
				bh, br := make([]int, n), make([]string, n)
				m.p.Parse(s.words, s.upos, s.xps, gh, gr)
				beam.Parse(s.words, s.upos, s.xps, bh, br)
				if !slices.Equal(gh, bh) || !slices.Equal(gr, br) {
					t.Errorf("greedy %v %v\nbeam 1 %v %v", gh, gr, bh, br)
				}
			})
		}
	}
}

// TestBeamTrainTiny trains for beam decoding on the tiny treebank and checks
// that parsing it back with the beam gives its trees.
func TestBeamTrainTiny(t *testing.T) {
	trees := readTrees(t, "testdata/tiny.conllu")
	greedy, _ := trainTiny(t)
	tests := []struct {
		name   string
		beam   int
		update string
		init   *Parser
	}{
		{"width 1, max-violation", 1, "", nil},
		{"width 4, max-violation", 4, UpdateMaxViolation, nil},
		{"width 4, early update", 4, UpdateEarly, nil},
		{"width 8, from the greedy model", 8, UpdateMaxViolation, greedy},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Train(context.Background(), trees, TrainOptions{Iterations: 20, Seed: 3, Beam: tc.beam, Update: tc.update, Init: tc.init})
			if err != nil {
				t.Fatal(err)
			}
			if p.Beam() != tc.beam {
				t.Errorf("trained parser decodes with beam %d, want %d", p.Beam(), tc.beam)
			}
			if s := p.Evaluate(trees); s.LAS != 100 {
				t.Errorf("Evaluate on the training trees: %+v, want LAS 100", s)
			}
		})
	}
}

// TestBeamTrainErrors checks the options that beam training refuses.
func TestBeamTrainErrors(t *testing.T) {
	trees := readTrees(t, "testdata/tiny.conllu")
	other, err := Train(context.Background(), []Tree{{
		Words: []string{"Go", "!"}, UPOS: []string{"VERB", "PUNCT"}, XPOS: []string{"VB", "."},
		Heads: []int{-1, 0}, Rels: []string{"root", "punct"},
	}}, TrainOptions{Iterations: 1})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		opt  TrainOptions
		want string
	}{
		{"unknown update", TrainOptions{Iterations: 1, Beam: 2, Update: "late"}, "update"},
		{"relations missing from the initial model", TrainOptions{Iterations: 1, Beam: 2, Init: other}, "relation"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Train(context.Background(), trees, tc.opt)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error about %q", err, tc.want)
			}
		})
	}
}

// TestStaticOracle checks that the gold sequence rebuilds every projective
// tree with its labels in 2n moves, and that a non-projective tree has none.
func TestStaticOracle(t *testing.T) {
	p := newParser([]string{"a", "b", "root"}, nil, nil)
	tests := []struct {
		name  string
		heads []int
		ok    bool
	}{
		{"chain", []int{1, 2, -1}, true},
		{"flat", []int{-1, 0, 0, 0}, true},
		{"root last", []int{3, 3, 3, -1}, true},
		{"mixed", []int{1, 5, 3, 1, 5, -1, 5}, true},
		{"single", []int{-1}, true},
		{"nested", []int{2, 2, 4, 4, -1, 6, 4}, true},
		{"crossing", []int{2, -1, 1, 0}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n := len(tc.heads)
			g := gold{gh: make([]int32, n), gl: make([]uint8, n)}
			for i, h := range tc.heads {
				g.gl[i] = uint8(i % 2)
				if h < 0 {
					h = n
					g.gl[i] = 2
				}
				g.gh[i] = int32(h)
			}
			var st state
			seq := make([]int32, 2*n)
			ok := p.goldSequence(&g, &st, seq, make([]int32, n+1))
			if ok != tc.ok {
				t.Fatalf("goldSequence: %v, want %v", ok, tc.ok)
			}
			if !ok {
				return
			}
			st.reset(n)
			for _, c := range seq {
				m, l := p.decode(int(c))
				st.apply(m, uint8(l))
			}
			if !st.terminal() {
				t.Fatalf("not finished after %d moves", len(seq))
			}
			for i := 0; i < n; i++ {
				if st.head[i] != g.gh[i] || st.label[i] != g.gl[i] {
					t.Errorf("word %d: head %d label %d, want %d %d", i, st.head[i], st.label[i], g.gh[i], g.gl[i])
				}
			}
		})
	}
}
