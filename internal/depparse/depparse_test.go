package depparse

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-news/dyad/internal/conllu"
	"github.com/dyad-news/dyad/internal/doc"
)

func readTrees(t testing.TB, path string) []Tree {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := conllu.ReadAll(f, path)
	if err != nil {
		t.Fatal(err)
	}
	var out []Tree
	for _, s := range sents {
		tr, err := FromCoNLLU(s)
		if err != nil {
			t.Fatalf("%s:%v", path, err)
		}
		if len(tr.Words) > 0 {
			out = append(out, tr)
		}
	}
	return out
}

func trainTiny(t testing.TB) (*Parser, []Tree) {
	t.Helper()
	trees := readTrees(t, "testdata/tiny.conllu")
	p, err := Train(context.Background(), trees, TrainOptions{Iterations: 20, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	return p, trees
}

// TestTinyTreebank trains on a handful of invented sentences and checks that
// parsing them back gives their trees.
func TestTinyTreebank(t *testing.T) {
	p, trees := trainTiny(t)
	for _, tr := range trees {
		t.Run(strings.Join(tr.Words, "_"), func(t *testing.T) {
			heads := make([]int, len(tr.Words))
			rels := make([]string, len(tr.Words))
			p.Parse(tr.Words, tr.UPOS, tr.XPOS, heads, rels)
			for i := range tr.Words {
				if heads[i] != tr.Heads[i] || rels[i] != tr.Rels[i] {
					t.Errorf("word %d %q: got head %d %s, want %d %s", i+1, tr.Words[i], heads[i], rels[i], tr.Heads[i], tr.Rels[i])
				}
			}
		})
	}
	if s := p.Evaluate(trees); s.LAS != 100 {
		t.Errorf("Evaluate on the training trees: %+v, want LAS 100", s)
	}
}

// TestSaveRead checks that a saved model reads back and parses the same.
func TestSaveRead(t *testing.T) {
	p, trees := trainTiny(t)
	var buf bytes.Buffer
	if err := p.Save(&buf); err != nil {
		t.Fatal(err)
	}
	q, err := Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if q.Features() == 0 || q.Features() > p.Features() {
		t.Errorf("read %d features, saved %d", q.Features(), p.Features())
	}
	if got, want := strings.Join(q.Labels(), " "), strings.Join(p.Labels(), " "); got != want {
		t.Errorf("labels %q, want %q", got, want)
	}
	if s := q.Evaluate(trees); s.LAS != 100 {
		t.Errorf("read model on the training trees: %+v, want LAS 100", s)
	}
	var again bytes.Buffer
	if err := q.Save(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Errorf("saving a read model gives different bytes (%d vs %d)", again.Len(), buf.Len())
	}
}

func TestReadErrors(t *testing.T) {
	p, _ := trainTiny(t)
	var buf bytes.Buffer
	if err := p.Save(&buf); err != nil {
		t.Fatal(err)
	}
	full := buf.Bytes()
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not gzip", []byte("hello")},
		{"truncated", full[:len(full)/2]},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Read(bytes.NewReader(tc.data)); err == nil {
				t.Fatal("no error")
			} else if !strings.Contains(err.Error(), "model") && !strings.Contains(err.Error(), "EOF") {
				t.Errorf("error %q does not say what is wrong", err)
			}
		})
	}
}

// TestTrainDeterministic trains twice with one seed and compares the files.
func TestTrainDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	p1, _ := trainTiny(t)
	p2, _ := trainTiny(t)
	if err := p1.Save(&a); err != nil {
		t.Fatal(err)
	}
	if err := p2.Save(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two trainings with the same seed differ")
	}
}

// TestOracle follows the dynamic oracle's zero-cost transitions from the
// start and checks that it rebuilds each projective gold tree, and that every
// move it rejects has a positive cost.
func TestOracle(t *testing.T) {
	tests := []struct {
		name  string
		heads []int
	}{
		{"chain", []int{1, 2, -1}},
		{"flat", []int{-1, 0, 0, 0}},
		{"root last", []int{3, 3, 3, -1}},
		{"mixed", []int{1, 5, 3, 1, 5, -1, 5}},
		{"single", []int{-1}},
		{"nested", []int{2, 2, 4, 4, -1, 6, 4}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n := len(tc.heads)
			gh := make([]int32, n)
			for i, h := range tc.heads {
				if h < 0 {
					h = n
				}
				gh[i] = int32(h)
			}
			var st state
			st.reset(n)
			for steps := 0; !st.terminal(); steps++ {
				if steps > 2*n+1 {
					t.Fatal("too many steps")
				}
				cs, cl, cr, _, _ := st.costs(gh)
				switch {
				case cl == 0:
					st.apply(moveLeft, 0)
				case cr == 0:
					st.apply(moveRight, 0)
				case cs == 0:
					st.apply(moveShift, 0)
				default:
					t.Fatalf("no zero-cost move at stack %v buffer %d (costs %d %d %d)", st.stack, st.b, cs, cl, cr)
				}
			}
			for i := 0; i < n; i++ {
				if st.head[i] != gh[i] {
					t.Errorf("word %d: head %d, want %d", i, st.head[i], gh[i])
				}
			}
		})
	}
}

func TestProjectivise(t *testing.T) {
	tests := []struct {
		name     string
		in, want []int
	}{
		{"projective", []int{1, -1, 1}, []int{1, -1, 1}},
		// Word 3 hangs from word 0 across word 1's subtree head at 2.
		{"crossing", []int{2, 3, -1, 0}, []int{2, 0, -1, 2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if !isTree(tc.in) {
				t.Fatal("input is not a tree")
			}
			got := projectivise(tc.in)
			if !isTree(got) {
				t.Fatalf("result %v is not a tree", got)
			}
			if !equalInts(got, tc.want) {
				t.Errorf("projectivise(%v) = %v, want %v", tc.in, got, tc.want)
			}
			if !equalInts(projectivise(got), got) {
				t.Errorf("result %v is not projective", got)
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestIsTree(t *testing.T) {
	tests := []struct {
		name  string
		heads []int
		want  bool
	}{
		{"tree", []int{1, -1}, true},
		{"two roots", []int{-1, -1}, false},
		{"no root", []int{1, 0}, false},
		{"cycle", []int{-1, 2, 1}, false},
		{"out of range", []int{-1, 5}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := isTree(tc.heads); got != tc.want {
				t.Errorf("isTree(%v) = %v", tc.heads, got)
			}
		})
	}
}

// TestRobust parses awkward input with the tiny model, greedily and with
// beams, and checks that every result is a tree with one root, quickly.
func TestRobust(t *testing.T) {
	p, _ := trainTiny(t)
	long := make([]string, 5000)
	for i := range long {
		long[i] = []string{"the", "cat", "sat", ",", "and", "rain", "fell", "."}[i%8]
	}
	tests := []struct {
		name             string
		beams            []int // 0: greedy
		words, upos, xps []string
	}{
		{"empty", []int{0, 4}, nil, nil, nil},
		{"one word", []int{0, 4}, []string{"Hi"}, []string{"INTJ"}, []string{"UH"}},
		{"control characters", []int{0, 4}, []string{"\x00", "a\x07b", "\u200b", "\xff\xfe"}, []string{"X", "X", "X", "X"}, []string{"", "", "", ""}},
		{"missing tags", []int{0, 8}, []string{"Rain", "fell", "."}, nil, nil},
		{"two words, wide beam", []int{64}, []string{"Rain", "fell"}, nil, nil},
		{"5000 words", []int{0}, long, nil, nil},
		{"2000 words", []int{8}, long[:2000], nil, nil},
	}
	for _, tc := range tests {
		for _, k := range tc.beams {
			t.Run(fmt.Sprintf("%s, beam %d", tc.name, k), func(t *testing.T) {
				n := len(tc.words)
				heads := make([]int, n)
				rels := make([]string, n)
				start := time.Now()
				p.WithBeam(k).Parse(tc.words, tc.upos, tc.xps, heads, rels)
				if d := time.Since(start); d > 5*time.Second {
					t.Errorf("took %v", d)
				}
				if n == 0 {
					return
				}
				if !isTree(heads) {
					t.Errorf("not a tree: %v", heads[:min(n, 20)])
				}
				for i, r := range rels {
					if r == "" || (r == "root") != (heads[i] == -1) {
						t.Errorf("word %d: head %d relation %q", i, heads[i], r)
					}
				}
			})
		}
	}
}

func TestAnnotate(t *testing.T) {
	p, _ := trainTiny(t)
	d := doc.New("t", "Rain fell. Anna reads old books.")
	words := []struct {
		form, upos, xpos string
		start, end       int
	}{
		{"Rain", "NOUN", "NN", 0, 4}, {"fell", "VERB", "VBD", 5, 9}, {".", "PUNCT", ".", 9, 10},
		{"Anna", "PROPN", "NNP", 11, 15}, {"reads", "VERB", "VBZ", 16, 21}, {"old", "ADJ", "JJ", 22, 25},
		{"books", "NOUN", "NNS", 26, 31}, {".", "PUNCT", ".", 31, 32},
	}
	for i, w := range words {
		s := 0
		if i >= 3 {
			s = 1
		}
		d.Tokens = append(d.Tokens, doc.Token{Start: w.start, End: w.end, Form: w.form, Sentence: s, Head: -1})
	}
	d.Sentences = []doc.Sentence{{First: 0, Last: 3, Start: 0, End: 10}, {First: 3, Last: 8, Start: 11, End: 32}}
	d.Mark(doc.LayerTokens, doc.LayerSentences)
	if err := p.Annotate(d); err == nil {
		t.Fatal("Annotate without the POS layer: no error")
	}
	for i, w := range words {
		d.Tokens[i].UPOS, d.Tokens[i].XPOS = w.upos, w.xpos
	}
	d.Mark(doc.LayerPOS)
	if err := p.Annotate(d); err != nil {
		t.Fatal(err)
	}
	if !d.Has(doc.LayerDeps) {
		t.Error("LayerDeps not marked")
	}
	want := []struct {
		head int
		rel  string
	}{{1, "nsubj"}, {-1, "root"}, {1, "punct"}, {4, "nsubj"}, {-1, "root"}, {6, "amod"}, {4, "obj"}, {4, "punct"}}
	for i, w := range want {
		if tk := d.Tokens[i]; tk.Head != w.head || tk.DepRel != w.rel {
			t.Errorf("token %d %q: head %d %s, want %d %s", i, tk.Form, tk.Head, tk.DepRel, w.head, w.rel)
		}
	}
}

// dataDir returns ../shared/data relative to the module root, or skips.
func dataDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "data", "ud-ewt")
	if _, err := os.Stat(filepath.Join(dir, "en_ewt-ud-dev.conllu")); err != nil {
		t.Skipf("UD English EWT not found at %s (../shared/data from the repository root): %v", dir, err)
	}
	return dir
}

func TestPrune(t *testing.T) {
	p, trees := trainTiny(t)
	tests := []struct {
		name   string
		minAbs float64
		same   bool
	}{
		{"zero keeps everything", 0, true},
		{"large drops features", 5, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q := p.Prune(tc.minAbs)
			if same := q.Features() == p.Features(); same != tc.same {
				t.Errorf("Prune(%g): %d features of %d", tc.minAbs, q.Features(), p.Features())
			}
			if tc.same {
				if s := q.Evaluate(trees); s.LAS != 100 {
					t.Errorf("Prune(0) changed the parses: %+v", s)
				}
			}
		})
	}
}

func TestFromCoNLLUErrors(t *testing.T) {
	tests := []struct {
		name, in string
	}{
		{"head out of range", "1\tRain\t_\tNOUN\tNN\t_\t5\tnsubj\t_\t_\n"},
		{"missing head", "1\tRain\t_\tNOUN\tNN\t_\t_\t_\t_\t_\n"},
		{"self loop", "1\tRain\t_\tNOUN\tNN\t_\t1\tnsubj\t_\t_\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sents, err := conllu.ReadAll(strings.NewReader("# c\n"+tc.in+"\n"), "x.conllu")
			if err != nil {
				t.Fatal(err)
			}
			_, err = FromCoNLLU(sents[0])
			var te *TreeError
			if !errors.As(err, &te) || !errors.Is(err, ErrBadTree) || te.Line != 2 {
				t.Errorf("got %v, want a *TreeError at line 2", err)
			}
		})
	}
}

// TestConcurrentParse parses from several goroutines at once, greedily and
// with a beam; run with -race.
func TestConcurrentParse(t *testing.T) {
	greedy, trees := trainTiny(t)
	for _, k := range []int{0, 4} {
		p := greedy.WithBeam(k)
		want := p.Evaluate(trees)
		done := make(chan Score)
		for g := 0; g < 4; g++ {
			go func() {
				var s Score
				for i := 0; i < 20; i++ {
					s = p.Evaluate(trees)
				}
				done <- s
			}()
		}
		for g := 0; g < 4; g++ {
			if s := <-done; s != want {
				t.Errorf("beam %d: concurrent parse scored %+v, want %+v", k, s, want)
			}
		}
	}
}
