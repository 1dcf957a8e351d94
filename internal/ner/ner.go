// Package ner finds mentions of people (PER), organisations (ORG) and
// locations (LOC, countries and cities included) in tokenised sentences.
//
// The model is a greedy averaged perceptron (package perceptron) over IOB2
// classes, constrained to valid label sequences, with word, shape, affix,
// part-of-speech and label-history features and gazetteer features from
// dyad's actor knowledge base (package actors): the knowledge base is what
// carries a model trained on web text (Universal NER over UD English EWT)
// over to news. The weights are the mean of several perceptrons trained
// on different orders of the data. After the model, a deterministic
// knowledge-base layer (kbfix.go) labels the names the knowledge base
// knows unambiguously (people with two words or more, countries, regions,
// cities, organisations) and two- or three-word capitalised runs that start
// with a known given name. Output labels are IOB2.
//
//	m, err := ner.Load()
//	if err != nil { ... }
//	words := []string{"Dmitry", "Peskov", "spoke", "in", "Moscow", "."}
//	upos := []string{"PROPN", "PROPN", "VERB", "ADP", "PROPN", "PUNCT"}
//	fmt.Println(m.Tag(words, upos)) // [B-PER I-PER O O B-LOC O]
package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/dyad-news/dyad/internal/actors"
	"github.com/dyad-news/dyad/internal/doc"
	"github.com/dyad-news/dyad/internal/perceptron"
	"github.com/dyad-news/dyad/internal/tagger"
)

// Model labels named entities. It is safe for concurrent use.
type Model struct {
	pm *perceptron.Model
	// Per class: its prefix ('O', 'B', 'I') and entity type.
	prefix []byte
	typ    []string
	kb     *actors.KB // gazetteer; nil for none
	// gazetteer is false for a model trained without gazetteer features.
	gazetteer bool
	// classOf maps a class name to its index.
	classOf map[string]int
	// kbFix enables the knowledge-base post-correction (see correct).
	kbFix bool
	pool  sync.Pool
}

type state struct {
	atoms  []atoms
	feats  []uint64
	scores []float32
	labels []int
	// matches are the exact gazetteer matches of the sentence.
	matches []actors.Match
}

// classNames returns the classes for types: "O", then B- and I- of each
// type.
func classNames(types []string) []string {
	out := []string{"O"}
	for _, t := range types {
		out = append(out, "B-"+t, "I-"+t)
	}
	return out
}

func newModel(pm *perceptron.Model, kb *actors.KB, gaz bool) *Model {
	m := &Model{pm: pm, kb: kb, gazetteer: gaz, classOf: map[string]int{}, kbFix: true}
	for i, c := range pm.Classes {
		m.classOf[c] = i
		if c == "O" {
			m.prefix, m.typ = append(m.prefix, 'O'), append(m.typ, "")
			continue
		}
		m.prefix, m.typ = append(m.prefix, c[0]), append(m.typ, c[2:])
	}
	return m
}

// valid reports whether class c may follow class prev (-1 at the start of
// a sentence): an I- class only continues an entity of its type.
func (m *Model) valid(prev, c int) bool {
	if m.prefix[c] != 'I' {
		return true
	}
	return prev >= 0 && m.prefix[prev] != 'O' && m.typ[prev] == m.typ[c]
}

// best returns the highest-scoring class that may follow prev.
func (m *Model) best(scores []float32, prev int) int {
	best := -1
	for c, s := range scores {
		if !m.valid(prev, c) {
			continue
		}
		if best < 0 || s > scores[best] {
			best = c
		}
	}
	return best
}

func (m *Model) getState() *state {
	if st, ok := m.pool.Get().(*state); ok {
		return st
	}
	return &state{scores: make([]float32, len(m.prefix)), feats: make([]uint64, 0, 64)}
}

// prepare computes the atoms of a sentence.
func prepare(a []atoms, words, upos []string, kb *actors.KB) ([]atoms, []actors.Match) {
	n := len(words)
	a = resize(a, n+4)
	a[0], a[1], a[n+2], a[n+3] = padStart, padStart, padEnd, padEnd
	for i, w := range words {
		p := ""
		if i < len(upos) {
			p = upos[i]
		}
		wordAtoms(&a[i+2], w, p)
	}
	capRuns(a)
	var ms []actors.Match
	if kb != nil {
		ms = kb.Match(words)
		gazetteer(a, ms)
		upper := make([]string, n)
		for i, w := range words {
			upper[i] = strings.ToUpper(w)
		}
		folded(a, kb.Match(upper))
	}
	return a, ms
}

// TagInto sets labels[i] to the IOB2 label of words[i] (B-PER, I-ORG, O,
// ...); upos holds the words' universal parts of speech. The slices must
// have the same length.
func (m *Model) TagInto(words, upos, labels []string) {
	if len(words) == 0 {
		return
	}
	st := m.getState()
	var kb *actors.KB
	if m.gazetteer {
		kb = m.kb
	}
	st.atoms, st.matches = prepare(st.atoms, words, upos, kb)
	sc := sentenceCase(st.atoms)
	n := len(words)
	st.labels = resize(st.labels, n)
	m.pass(st, sc)
	if m.kbFix && kb != nil {
		m.correctNames(words, st.labels, st.atoms, st.matches, sc)
		m.correct(words, st.labels, st.matches)
	}
	for i, c := range st.labels[:n] {
		labels[i] = m.pm.Classes[c]
	}
	m.pool.Put(st)
}

// pass labels the sentence in st.atoms greedily, left to right, into
// st.labels.
func (m *Model) pass(st *state, sentCase uint64) {
	n := len(st.labels)
	prev := -1
	for i := range n {
		st.feats = features(st.feats[:0], st.atoms, st.labels, i, sentCase)
		m.pm.Scores(st.feats, st.scores)
		c := m.best(st.scores, prev)
		st.labels[i] = c
		prev = c
	}
}

// Tag returns the IOB2 labels of words; upos holds their universal parts
// of speech (from package tagger).
func (m *Model) Tag(words, upos []string) []string {
	out := make([]string, len(words))
	m.TagInto(words, upos, out)
	return out
}

// Entities returns the entity mentions of d, with token indices into
// d.Tokens. It uses the tokens' UPOS when d has the POS layer and tags the
// words itself otherwise. d must have tokens and sentences.
func (m *Model) Entities(d *doc.Doc) ([]Entity, error) {
	if err := d.Require("ner", doc.LayerTokens, doc.LayerSentences); err != nil {
		return nil, err
	}
	var tm *tagger.Model
	if !d.Has(doc.LayerPOS) {
		var err error
		if tm, err = tagger.Load(); err != nil {
			return nil, fmt.Errorf("ner: %w", err)
		}
	}
	var out []Entity
	var words, upos, xpos, labels []string
	for si, s := range d.Sentences {
		if s.First < 0 || s.Last > len(d.Tokens) || s.First > s.Last {
			return nil, fmt.Errorf("ner: document %q: sentence %d has token range [%d, %d) outside %d tokens", d.ID, si, s.First, s.Last, len(d.Tokens))
		}
		n := s.Len()
		words, upos, labels = resize(words, n), resize(upos, n), resize(labels, n)
		for i := range n {
			words[i] = d.Tokens[s.First+i].Form
			upos[i] = d.Tokens[s.First+i].UPOS
		}
		if tm != nil {
			xpos = resize(xpos, n)
			tm.Tag(words, upos, xpos)
		}
		m.TagInto(words, upos, labels)
		for _, e := range Spans(labels) {
			out = append(out, Entity{Start: s.First + e.Start, End: s.First + e.End, Label: e.Label})
		}
	}
	return out, nil
}

// Annotate returns the entity mentions of d (see Entities) and marks d's
// entities layer. doc.Doc has no field for entities: the caller keeps the
// returned mentions.
func (m *Model) Annotate(d *doc.Doc) ([]Entity, error) {
	ents, err := m.Entities(d)
	if err != nil {
		return nil, err
	}
	d.Mark(doc.LayerEntities)
	return ents, nil
}

func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/2)
	}
	return s[:n]
}

//go:embed model/ner.bin.gz
var embedded []byte

var (
	loadOnce sync.Once
	loaded   *Model
	loadErr  error
)

// Load returns the model embedded in the binary, with the default actor
// knowledge base (actors.Default) as its gazetteer. It is read once.
func Load() (*Model, error) {
	loadOnce.Do(func() {
		kb, err := actors.Default()
		if err != nil {
			loadErr = fmt.Errorf("ner: gazetteer: %w", err)
			return
		}
		loaded, loadErr = Read(bytes.NewReader(embedded), kb)
		if loadErr != nil {
			loadErr = fmt.Errorf("embedded ner model: %w", loadErr)
		}
	})
	return loaded, loadErr
}

const fileMagic = "dyad-ner-1\n"

// ErrFormat is wrapped by the errors Read returns for a stream that is not
// an NER model.
var ErrFormat = errors.New("bad ner model")

// FormatError reports what part of an NER model could not be read.
type FormatError struct {
	What string
	Err  error
}

func (e *FormatError) Error() string { return fmt.Sprintf("ner model: reading %s: %v", e.What, e.Err) }

// Unwrap returns ErrFormat and the underlying error.
func (e *FormatError) Unwrap() []error { return []error{ErrFormat, e.Err} }

// Save writes m, gzip-compressed.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	flag := byte(0)
	if m.gazetteer {
		flag = 1
	}
	if _, err := zw.Write(append([]byte(fileMagic), flag)); err != nil {
		return err
	}
	if err := m.pm.Save(zw); err != nil {
		return err
	}
	return zw.Close()
}

// Read reads a model written by Save; kb is the gazetteer (nil for none,
// which costs accuracy when the model was trained with one).
func Read(r io.Reader, kb *actors.KB) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, &FormatError{"gzip header", err}
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(fileMagic)+1)
	if _, err := io.ReadFull(br, head); err != nil {
		return nil, &FormatError{"header", err}
	}
	if string(head[:len(fileMagic)]) != fileMagic {
		return nil, &FormatError{"header", errors.New("not a dyad ner model")}
	}
	pm, err := perceptron.Read(br)
	if err != nil {
		return nil, &FormatError{"weights", err}
	}
	for _, c := range pm.Classes {
		if c != "O" && (len(c) < 3 || c[1] != '-' || c[0] != 'B' && c[0] != 'I') {
			return nil, &FormatError{"classes", fmt.Errorf("class %q is not IOB2", c)}
		}
	}
	return newModel(pm, kb, head[len(fileMagic)] == 1), nil
}
