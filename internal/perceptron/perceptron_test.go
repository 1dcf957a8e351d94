package perceptron

import (
	"bytes"
	"errors"
	"fmt"
	"testing"
)

func TestHashes(t *testing.T) {
	for _, c := range []struct {
		name string
		a, b uint64
		same bool
	}{
		{"same string", String(1, "dog"), String(1, "dog"), true},
		{"seed matters", String(1, "dog"), String(2, "dog"), false},
		{"case matters", String(1, "Dog"), String(1, "dog"), false},
		{"Lower folds ASCII", Lower(1, "DoG"), String(1, "dog"), true},
		{"Lower keeps others", Lower(1, "É"), String(1, "É"), true},
		{"empty vs seed", String(1, ""), String(2, ""), false},
		{"Mix order matters", Mix(1, 2), Mix(2, 1), false},
		{"Mix3", Mix3(1, 2, 3), Mix(Mix(1, 2), 3), true},
	} {
		t.Run(c.name, func(t *testing.T) {
			if (c.a == c.b) != c.same {
				t.Errorf("%x vs %x: same = %v, want %v", c.a, c.b, c.a == c.b, c.same)
			}
		})
	}
	// Known value: the hash is part of every model file and must not change.
	if got := String(1, "dog"); got != goldenDog {
		t.Errorf("String(1, \"dog\") = %#x, want %#x: changing the hash breaks every model", got, goldenDog)
	}
}

const goldenDog = 0x772d7ff909f28cde

// xorData is a small problem a linear model can learn with conjunction
// features: the class is 1 when exactly one of two flags is set.
func xorData() (feats [][]uint64, gold []int) {
	for a := 0; a < 2; a++ {
		for b := 0; b < 2; b++ {
			feats = append(feats, []uint64{1, Mix(10, uint64(a)), Mix(20, uint64(b)), Mix3(30, uint64(a), uint64(b))})
			gold = append(gold, a^b)
		}
	}
	return feats, gold
}

func train(t *testing.T) *Model {
	t.Helper()
	feats, gold := xorData()
	tr := NewTrainer([]string{"same", "different"})
	scores := make([]float32, 2)
	for range 10 {
		for i, f := range feats {
			tr.Update(f, gold[i], tr.Predict(f, scores))
		}
	}
	return tr.Average(0)
}

func TestLearns(t *testing.T) {
	m := train(t)
	feats, gold := xorData()
	scores := make([]float32, 2)
	for i, f := range feats {
		if got := m.Predict(f, scores); got != gold[i] {
			t.Errorf("example %d: predicted %s, want %s", i, m.Classes[got], m.Classes[gold[i]])
		}
	}
	if m.Features() == 0 || m.Weights() < m.Features() {
		t.Errorf("model has %d features and %d weights", m.Features(), m.Weights())
	}
	// Unknown features score zero.
	m.Scores([]uint64{12345}, scores)
	if scores[0] != 0 || scores[1] != 0 {
		t.Errorf("unknown feature scores %v", scores)
	}
}

func TestAveraging(t *testing.T) {
	// One update at step 1 then 3 quiet steps: the weight is 1 throughout,
	// its average 1. An update at the last of 4 steps averages to 1/4.
	tr := NewTrainer([]string{"a", "b"})
	tr.Add([]uint64{7}, 1, 1)
	for range 4 {
		tr.Tick()
	}
	tr.Add([]uint64{8}, 1, 1)
	tr.Tick()
	m := tr.Average(0)
	s := make([]float32, 2)
	m.Scores([]uint64{7}, s)
	if s[1] != 1 {
		t.Errorf("average of a weight set at the first step = %v, want 1", s[1])
	}
	m.Scores([]uint64{8}, s)
	if s[1] != 0.2 {
		t.Errorf("average of a weight set at the last of 5 steps = %v, want 0.2", s[1])
	}
	if got := tr.Average(0.5).Features(); got != 1 {
		t.Errorf("pruning below 0.5 keeps %d features, want 1", got)
	}
}

func TestSaveRead(t *testing.T) {
	m := train(t)
	var b bytes.Buffer
	if err := m.Save(&b); err != nil {
		t.Fatal(err)
	}
	data := b.Bytes()
	r, err := Read(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var b2 bytes.Buffer
	if err := r.Save(&b2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, b2.Bytes()) {
		t.Error("Save(Read(Save(m))) differs from Save(m)")
	}
	for _, c := range []struct {
		name string
		in   []byte
	}{
		{"empty", nil},
		{"bad magic", []byte("hello world, this is not a model")},
		{"truncated", data[:len(data)-3]},
		{"header only", data[:len(magic)]},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read(bytes.NewReader(c.in))
			var fe *FormatError
			if !errors.Is(err, ErrFormat) || !errors.As(err, &fe) {
				t.Errorf("Read = %v, want a *FormatError wrapping ErrFormat", err)
			}
		})
	}
}

func ExampleTrainer() {
	t := NewTrainer([]string{"NOUN", "VERB"})
	dog := []uint64{String(1, "dog"), String(2, "og")}
	run := []uint64{String(1, "run"), String(2, "un")}
	scores := make([]float32, 2)
	for range 3 {
		t.Update(dog, 0, t.Predict(dog, scores))
		t.Update(run, 1, t.Predict(run, scores))
	}
	m := t.Average(0)
	fmt.Println(m.Classes[m.Predict(dog, scores)], m.Classes[m.Predict(run, scores)])
	// Output: NOUN VERB
}

// BenchmarkScores scores 40 features over 50 classes. In "sparse" every
// feature has a weight for one class; in "dense" for 30 of them, as the
// frequent features of the tagger have.
func BenchmarkScores(b *testing.B) {
	for _, bc := range []struct {
		name    string
		classes int // classes each feature gets a weight for
	}{{"sparse", 1}, {"dense", 30}} {
		b.Run(bc.name, func(b *testing.B) {
			tr := NewTrainer(make([]string, 50))
			feats := make([]uint64, 40)
			for i := range 100000 {
				for j := range feats {
					feats[j] = Mix(uint64(j), uint64(i%5000))
				}
				for c := range bc.classes {
					tr.Add(feats, (i+c)%50, float32(c%3)-0.5)
				}
				tr.Tick()
			}
			m := tr.Average(0)
			scores := make([]float32, 50)
			for j := range feats {
				feats[j] = Mix(uint64(j), 77)
			}
			for b.Loop() {
				m.Scores(feats, scores)
			}
		})
	}
}
