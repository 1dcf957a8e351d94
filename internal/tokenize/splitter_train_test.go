package tokenize

import (
	"flag"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-news/dyad/internal/shareddata"

	"github.com/dyad-news/dyad/internal/conllu"
	"github.com/dyad-news/dyad/internal/doc"
)

var trainSplitter = flag.Bool("train-splitter", false, "train the sentence boundary model on the EWT train split and write data/splitter.bin")

// paragraph is the raw text of one EWT paragraph with the byte offsets at
// which its gold sentences end.
type paragraph struct {
	text string
	ends map[int]bool
}

// readParagraphs rebuilds the paragraphs of a CoNLL-U file: the "# text" of
// its sentences joined by a space, a new paragraph at "# newpar" and
// "# newdoc".
func readParagraphs(t testing.TB, path string) []paragraph {
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
	var out []paragraph
	var b strings.Builder
	ends := map[int]bool{}
	flush := func() {
		if b.Len() > 0 {
			out = append(out, paragraph{b.String(), ends})
		}
		b.Reset()
		ends = map[int]bool{}
	}
	for _, s := range sents {
		for _, c := range s.Comments {
			if strings.HasPrefix(c, "# newpar") || strings.HasPrefix(c, "# newdoc") {
				flush()
				break
			}
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s.Text())
		ends[b.Len()] = true
	}
	flush()
	return out
}

// TestTrainSplitter trains the sentence boundary model (an averaged
// perceptron) when run with -train-splitter:
//
//	go test ./internal/tokenize -run TestTrainSplitter -train-splitter
func TestTrainSplitter(t *testing.T) {
	if !*trainSplitter {
		t.Skip("run with -train-splitter to retrain data/splitter.bin")
	}
	paras := readParagraphs(t, shareddata.Dir(t, "ud-ewt/en_ewt-ud-train.conllu"))
	const bits, epochs = 16, 8
	m := &splitModel{bits: bits, weights: make([]float32, 1<<bits)}
	acc := make([]float64, 1<<bits) // for averaging: sum of c*update
	c := 1.0
	rng := rand.New(rand.NewSource(1))
	mask := uint32(1<<bits - 1)
	for epoch := 0; epoch < epochs; epoch++ {
		rng.Shuffle(len(paras), func(i, j int) { paras[i], paras[j] = paras[j], paras[i] })
		errs, n := 0, 0
		for _, p := range paras {
			tk := tokenizer{text: p.text, d: doc.New("train", p.text), model: m}
			tk.observe = func(j, start int, split bool) {
				toks := tk.d.Tokens
				gold := false
				for o := toks[j-1].End; o <= toks[j].Start; o++ {
					if p.ends[o] {
						gold = true
					}
				}
				n++
				if gold != split {
					errs++
					y := float32(-1)
					if gold {
						y = 1
					}
					for _, f := range tk.feats {
						m.weights[f&mask] += y
						acc[f&mask] += c * float64(y)
					}
				}
				c++
			}
			tk.run()
		}
		t.Logf("epoch %d: %d errors in %d decisions", epoch+1, errs, n)
	}
	for i := range m.weights {
		m.weights[i] -= float32(acc[i] / c)
	}
	if err := os.WriteFile(filepath.Join("data", "splitter.bin"), m.marshal(), 0o644); err != nil {
		t.Fatal(err)
	}
}
