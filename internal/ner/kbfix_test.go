package ner

import (
	"context"
	"strings"
	"testing"

	"github.com/dyad-news/dyad/internal/actors"
	"github.com/dyad-news/dyad/internal/perceptron"
)

// TestCorrect checks the knowledge-base post-correction on invented
// sentences: the model's labels go in, the corrected labels come out.
func TestCorrect(t *testing.T) {
	kb, err := actors.Default()
	if err != nil {
		t.Fatal(err)
	}
	m := newModel(perceptron.NewTrainer(classNames(Labels, false)).Average(-1), kb, true)
	for _, c := range []struct {
		name, words, model, want string
	}{
		{"person and city the model missed", "He met Vladimir Putin in Moscow", "O O O O O O", "O O B-PER I-PER O B-LOC"},
		{"split entity joined", "He met Vladimir Putin in Moscow", "O O B-PER B-PER O B-LOC", "O O B-PER I-PER O B-LOC"},
		{"wrong type fixed", "NATO and Reuters reported", "B-LOC O B-PER O", "B-ORG O B-ORG O"},
		{"article left out", "the United Nations said", "O O O O", "O B-ORG I-ORG O"},
		{"longer model entity kept", "Moscow State University", "B-ORG I-ORG I-ORG", "B-ORG I-ORG I-ORG"},
		{"adjective is no entity", "a Russian plane", "O O O", "O O O"},
		{"metonym left to the model", "the Kremlin said", "O O O", "O O O"},
		{"institution metonym the model missed", "the Federal Reserve and the FBI said", "O O O O O O O", "O B-ORG I-ORG O O B-ORG O"},
		{"institution metonym in a longer name left alone", "the Fed Cup final", "O O O O", "O O O O"},
		{"metonym typed as a person", "Kremlin spokesman Dmitry Peskov", "B-PER O B-PER I-PER", "B-ORG O B-PER I-PER"},
		{"lower case left to the model", "he met vladimir putin", "O O O O", "O O O O"},
		{"given name and surname", "Abigail Smith spoke", "B-LOC O O", "B-PER I-PER O"},
		{"given name alone", "Abigail spoke", "O O", "O O"},
		{"long capitalised run", "Abigail Smith Memorial Trust Fund", "O O O O O", "O O O O O"},
		{"headline in capitals", "ABIGAIL SMITH SPEAKS", "O O O", "O O O"},
		{"given name before a city", "Abigail Moscow", "O B-LOC", "O B-LOC"},
		{"lower-case country", "she flew to mexico", "O O O O", "O O O B-LOC"},
		{"lower-case region after the", "in the florida keys", "O O O O", "O O B-LOC O"},
		{"short lower-case places left alone", "nice to see us", "O O O O", "O O O O"},
		{"lower-case place the model typed kept", "in mexico", "O B-ORG", "O B-ORG"},
		{"courtesy title before a surname", "Mr Kennedy visited Leeds", "B-LOC I-LOC O B-LOC", "O B-PER O B-LOC"},
		{"courtesy title the model missed", "said Dr Ayo Bello today", "O O O O O", "O O B-PER I-PER O"},
		{"courtesy title in a longer entity kept", "Lady Margaret Hall College", "B-ORG I-ORG I-ORG I-ORG", "B-ORG I-ORG I-ORG I-ORG"},
	} {
		t.Run(c.name, func(t *testing.T) {
			words := strings.Fields(c.words)
			labels := make([]int, len(words))
			for i, l := range strings.Fields(c.model) {
				labels[i] = m.classOf[l]
			}
			a, ms, fms := prepare(nil, words, make([]string, len(words)), kb)
			m.correctNames(words, labels, a, ms, sentenceCase(a))
			m.correct(words, labels, ms)
			m.correctLower(words, labels, fms)
			m.correctHonorifics(words, labels, sentenceCase(a))
			got := make([]string, len(labels))
			for i, l := range labels {
				got[i] = m.pm.Classes[l]
			}
			if strings.Join(got, " ") != c.want {
				t.Errorf("%q labelled %q: corrected to %q, want %q", c.words, c.model, strings.Join(got, " "), c.want)
			}
		})
	}
}

// TestRunsAveraged checks that a model trained with several runs holds the
// mean of the weights of the runs trained alone.
func TestRunsAveraged(t *testing.T) {
	s, upos := tinyCorpus(t)
	train := func(seed int64, runs int) *Model {
		m, err := Train(context.Background(), s, upos, TrainOptions{Iterations: 2, Seed: seed, Runs: runs, Prune: -1})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	a, b, both := train(7, 1), train(8, 1), train(7, 2)
	n := len(both.pm.Classes)
	sa, sb, sm := make([]float32, n), make([]float32, n), make([]float32, n)
	atoms, _, _ := prepare(nil, s[0].Words, upos[0], nil)
	gold, err := classesOf(s[0].Labels, both.classOf, both.bilou)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for i := range s[0].Words {
		prev := -1
		if i > 0 {
			prev = gold[i-1]
		}
		for _, f := range pairFeatures(staticFeatures(nil, atoms, i, sentenceCase(atoms)), atoms, i, prev) {
			one := []uint64{f}
			a.pm.Scores(one, sa)
			b.pm.Scores(one, sb)
			both.pm.Scores(one, sm)
			for c := range sm {
				if d := sm[c] - (sa[c]+sb[c])/2; d > 1e-5 || d < -1e-5 {
					t.Fatalf("word %d feature %x class %s: merged weight %g, want the mean of %g and %g", i, f, both.pm.Classes[c], sm[c], sa[c], sb[c])
				}
				if sa[c] != 0 {
					checked++
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no feature of the first sentence has a weight")
	}
}
