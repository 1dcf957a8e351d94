package ner

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/dyad-news/dyad/internal/perceptron"
)

// TestDocTagger runs the document-level surname rule over invented
// documents: each step is a sentence with the labels the model gave it and
// the labels wanted after the rule; "reset" starts a new document.
func TestDocTagger(t *testing.T) {
	type step struct{ words, model, want string }
	for _, c := range []struct {
		name  string
		steps []step
	}{
		{"surname alone after the full name", []step{
			{"Anna Berg spoke", "B-PER I-PER O", "B-PER I-PER O"},
			{"Berg left early", "O O O", "B-PER O O"},
		}},
		{"surname the model typed otherwise", []step{
			{"Anna Berg spoke", "B-PER I-PER O", "B-PER I-PER O"},
			{"Berg won", "B-LOC O", "B-PER O"},
		}},
		{"same sentence", []step{
			{"Anna Berg met Berg", "B-PER I-PER O O", "B-PER I-PER O B-PER"},
		}},
		{"next to a capitalised word", []step{
			{"Anna Berg spoke", "B-PER I-PER O", "B-PER I-PER O"},
			{"on Berg Street", "O O O", "O O O"},
		}},
		{"inside a longer entity", []step{
			{"Anna Berg spoke", "B-PER I-PER O", "B-PER I-PER O"},
			{"the Berg Institute", "O B-ORG I-ORG", "O B-ORG I-ORG"},
		}},
		{"lower case", []step{
			{"Anna Berg spoke", "B-PER I-PER O", "B-PER I-PER O"},
			{"an iceberg or a berg", "O O O O O", "O O O O O"},
		}},
		{"one letter", []step{
			{"Malcolm X spoke", "B-PER I-PER O", "B-PER I-PER O"},
			{"X marks it", "O O O", "O O O"},
		}},
		{"one-word person teaches nothing", []step{
			{"Berg spoke", "B-PER O", "B-PER O"},
			{"Berg left", "O O", "O O"},
		}},
		{"reset forgets", []step{
			{"Anna Berg spoke", "B-PER I-PER O", "B-PER I-PER O"},
			{"reset", "", ""},
			{"Berg left", "O O", "O O"},
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := (&Model{}).NewDocTagger()
			for _, s := range c.steps {
				if s.words == "reset" {
					d.Reset()
					continue
				}
				words, labels := strings.Fields(s.words), strings.Fields(s.model)
				d.consistent(words, labels)
				if got := strings.Join(labels, " "); got != s.want {
					t.Errorf("%q labelled %q: got %q, want %q", s.words, s.model, got, s.want)
				}
			}
		})
	}
}

// TestTrueCase checks that the words of a sentence in capitals get the
// atoms of their title-case forms, and other sentences keep theirs.
func TestTrueCase(t *testing.T) {
	for _, c := range []struct {
		name, words string
		trueCased   []bool
	}{
		{"headline", "MOSCOW TALKS FAIL", []bool{true, true, true}},
		{"headline with a number", "POLICE CLOSE 3 ROADS", []bool{true, true, false, true}},
		{"ordinary sentence", "Moscow talks fail", []bool{false, false, false}},
		{"one acronym", "NATO met in Brussels", []bool{false, false, false, false}},
	} {
		t.Run(c.name, func(t *testing.T) {
			words := strings.Fields(c.words)
			a, _, _ := prepare(nil, words, make([]string, len(words)), nil)
			for i, w := range words {
				var plain atoms
				form := w
				if c.trueCased[i] {
					form = titleCase(w)
				}
				wordAtoms(&plain, form, "")
				if got := a[i+2].flags&flagTrueCased != 0; got != c.trueCased[i] {
					t.Errorf("%q: true-cased %v, want %v", w, got, c.trueCased[i])
				}
				if a[i+2].word != plain.word || a[i+2].shape != plain.shape {
					t.Errorf("%q: atoms are not those of %q", w, form)
				}
			}
		})
	}
	if got := titleCase("ÉCOLE"); got != "École" {
		t.Errorf("titleCase(ÉCOLE) = %q, want École", got)
	}
}

// TestTrainBILOU trains BILOU classes on the tiny corpus: the model has
// L- and U- classes, reads back, and still writes IOB2.
func TestTrainBILOU(t *testing.T) {
	s, upos := tinyCorpus(t)
	m, err := Train(context.Background(), s, upos, TrainOptions{Iterations: 5, Seed: 3, Prune: -1, BILOU: true})
	if err != nil {
		t.Fatal(err)
	}
	if !m.bilou || len(m.pm.Classes) != 1+4*len(Labels) {
		t.Fatalf("classes %v, want O and B-, I-, L-, U- of each type", m.pm.Classes)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	r, err := Read(&buf, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ words, upos, want string }{
		{"Anna Berg visited Rome", "PROPN PROPN VERB PROPN", "B-PER I-PER O B-LOC"},
		{"Boris liked Acme Corp staff", "PROPN VERB PROPN PROPN NOUN", "B-PER O B-ORG I-ORG O"},
	} {
		got := strings.Join(r.Tag(strings.Fields(c.words), strings.Fields(c.upos)), " ")
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.words, got, c.want)
		}
	}
}

// TestValidBILOU checks the BILOU transition constraints: an entity left
// open (B-, I-) must be continued by I- or L- of its type, and a sentence
// may not end inside one.
func TestValidBILOU(t *testing.T) {
	m := newModel(perceptron.NewTrainer(classNames(Labels, true)).Average(-1), nil, false)
	c := func(name string) int { return m.classOf[name] }
	for _, tc := range []struct {
		prev, next string
		want       bool
	}{
		{"", "B-PER", true}, {"", "U-PER", true}, {"", "I-PER", false}, {"", "L-PER", false},
		{"B-PER", "I-PER", true}, {"B-PER", "L-PER", true}, {"B-PER", "O", false}, {"B-PER", "L-ORG", false},
		{"I-ORG", "L-ORG", true}, {"I-ORG", "B-ORG", false},
		{"L-LOC", "O", true}, {"L-LOC", "I-LOC", false}, {"U-LOC", "U-LOC", true}, {"O", "L-PER", false},
	} {
		prev := -1
		if tc.prev != "" {
			prev = c(tc.prev)
		}
		if got := m.valid(prev, c(tc.next)); got != tc.want {
			t.Errorf("valid(%q, %q) = %v, want %v", tc.prev, tc.next, got, tc.want)
		}
	}
	for _, tc := range []struct {
		class string
		want  bool
	}{{"O", true}, {"L-PER", true}, {"U-ORG", true}, {"B-LOC", false}, {"I-PER", false}} {
		if got := m.final(c(tc.class)); got != tc.want {
			t.Errorf("final(%q) = %v, want %v", tc.class, got, tc.want)
		}
	}
}

// TestReadOldFormat checks that a model of the greedy decoder's format is
// refused with ErrFormat.
func TestReadOldFormat(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte("dyad-ner-1\n\x01"))
	zw.Close()
	if _, err := Read(&buf, nil); !errors.Is(err, ErrFormat) {
		t.Errorf("Read(format 1) = %v, want ErrFormat", err)
	}
}
