// Package ner finds mentions of people (PER), organisations (ORG) and
// locations (LOC, countries and cities included) in tokenised sentences.
//
// The model is a structured averaged perceptron (package perceptron) over
// IOB2 classes (BILOU is a training option), decoded with first-order
// Viterbi under the constraint that an I- class continues an entity of its
// type. Word, shape, affix, part-of-speech, capitalised-run and gazetteer
// features score the classes of a word; features paired with the previous
// word's class score the transitions. Words of a sentence in capitals (a
// headline) are read as if in title case, which the training text has
// many more of. Gazetteer features come from dyad's actor knowledge base
// (package actors): the knowledge base is what carries a model trained on
// web text (Universal NER over UD English EWT) over to news. The weights
// are the mean of several perceptrons trained on different orders of the
// data. After the model, a deterministic knowledge-base layer (kbfix.go)
// labels the names the knowledge base knows unambiguously (people with two
// words or more, countries, regions, cities, organisations, institutions
// a seat of government does not stand for, "the Federal Reserve"; places
// written in lower case when five letters or more) and two- or three-word
// capitalised runs that start with a known given name. A DocTagger labels
// the sentences of a document in order and labels PER a surname that
// stands alone after the tagger found it in a full name. TagDocument
// labels a whole document: a DocTagger first, then two document-level
// layers. In a document about sport (sports.go), the names that stand for
// teams become ORG: places and names in results and table rows ("Somerset
// 83 and 174", "CHICAGO 71 64 .526"), next to match words ("Leicestershire
// beat Somerset"), nicknames ("the Blue Jays"), first-class cricket
// counties, and every other mention of those names except after "in" or
// "at" and in a dateline; countries stay LOC (national sides are LOC, as
// in CoNLL-2003). In any document (companies.go), a name before a legal
// form ("Cofinec S.A.", "Magna International Inc") becomes ORG, and so do
// its later mentions by the name alone ("Magna"). Model.Entities and
// TagCoNLL label by document. Output labels are IOB2.
//
//	m, err := ner.Load()
//	if err != nil { ... }
//	words := []string{"Dmitry", "Peskov", "spoke", "in", "Moscow", "."}
//	upos := []string{"PROPN", "PROPN", "VERB", "ADP", "PROPN", "PUNCT"}
//	fmt.Println(m.Tag(words, upos)) // [B-PER I-PER O O B-LOC O]
//
//	// words[i], upos[i], labels[i]: the words, parts of speech and
//	// labels (to be filled) of sentence i of one document.
//	m.TagDocument(words, upos, labels)
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
	// Per class: its prefix ('O', 'B', 'I', 'L', 'U') and entity type.
	prefix []byte
	typ    []string
	// iob2 holds the IOB2 label of each class (L- is output as I-, U-
	// as B-).
	iob2 []string
	// bilou is true when the classes are BILOU (B-, I-, L- for the
	// beginning, inside and last word of an entity, U- for one word).
	bilou bool

	kb *actors.KB // gazetteer; nil for none
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
	labels []int
	// matches are the exact gazetteer matches of the sentence.
	matches []actors.Match
	lat     lattice
}

// classNames returns the classes for types: "O", then B- and I- of each
// type, and L- and U- too when bilou is set.
func classNames(types []string, bilou bool) []string {
	out := []string{"O"}
	for _, t := range types {
		out = append(out, "B-"+t, "I-"+t)
		if bilou {
			out = append(out, "L-"+t, "U-"+t)
		}
	}
	return out
}

func newModel(pm *perceptron.Model, kb *actors.KB, gaz bool) *Model {
	m := &Model{pm: pm, kb: kb, gazetteer: gaz, classOf: map[string]int{}, kbFix: true}
	for i, c := range pm.Classes {
		m.classOf[c] = i
		if c == "O" {
			m.prefix, m.typ, m.iob2 = append(m.prefix, 'O'), append(m.typ, ""), append(m.iob2, "O")
			continue
		}
		p := c[0]
		m.bilou = m.bilou || p == 'L' || p == 'U'
		m.prefix, m.typ = append(m.prefix, p), append(m.typ, c[2:])
		switch p {
		case 'L':
			m.iob2 = append(m.iob2, "I-"+c[2:])
		case 'U':
			m.iob2 = append(m.iob2, "B-"+c[2:])
		default:
			m.iob2 = append(m.iob2, c)
		}
	}
	return m
}

// inside reports whether class c continues an entity (I- or L-).
func (m *Model) inside(c int) bool { return m.prefix[c] == 'I' || m.prefix[c] == 'L' }

// open reports whether class c leaves an entity open (B- or I- in BILOU).
func (m *Model) open(c int) bool {
	return m.bilou && (m.prefix[c] == 'B' || m.prefix[c] == 'I')
}

// valid reports whether class c may follow class prev (-1 at the start of
// a sentence): an I- (or L-) class only continues an entity of its type,
// and in BILOU an entity left open must be continued.
func (m *Model) valid(prev, c int) bool {
	prevOpen := prev >= 0 && m.open(prev)
	if !m.inside(c) {
		return !prevOpen
	}
	if m.bilou {
		return prevOpen && m.typ[prev] == m.typ[c]
	}
	return prev >= 0 && m.prefix[prev] != 'O' && m.typ[prev] == m.typ[c]
}

// final reports whether a sentence may end with class c.
func (m *Model) final(c int) bool { return !m.open(c) }

// setSpan labels words [start, end) as one entity of the type of class b
// (a B- class).
func (m *Model) setSpan(labels []int, start, end, b int) {
	t := m.typ[b]
	if m.bilou && end-start == 1 {
		labels[start] = m.classOf["U-"+t]
		return
	}
	labels[start] = b
	for i := start + 1; i < end; i++ {
		labels[i] = m.classOf["I-"+t]
	}
	if m.bilou {
		labels[end-1] = m.classOf["L-"+t]
	}
}

func (m *Model) getState() *state {
	if st, ok := m.pool.Get().(*state); ok {
		return st
	}
	return &state{}
}

// prepare computes the atoms of a sentence, and its exact and
// case-insensitive gazetteer matches.
func prepare(a []atoms, words, upos []string, kb *actors.KB) ([]atoms, []actors.Match, []actors.Match) {
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
	if sentenceCase(a) == 2 {
		// A headline in capitals: read its words as if in title case,
		// which the training data has many more of.
		for i, w := range words {
			if a[i+2].flags&flagAllUpper != 0 {
				p := ""
				if i < len(upos) {
					p = upos[i]
				}
				wordAtoms(&a[i+2], titleCase(w), p)
				a[i+2].flags |= flagTrueCased
			}
		}
	}
	capRuns(a)
	var ms, fms []actors.Match
	if kb != nil {
		ms = kb.Match(words)
		gazetteer(a, ms)
		upper := make([]string, n)
		for i, w := range words {
			upper[i] = strings.ToUpper(w)
		}
		fms = kb.Match(upper)
		folded(a, fms)
	}
	return a, ms, fms
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
	var folded []actors.Match
	st.atoms, st.matches, folded = prepare(st.atoms, words, upos, kb)
	sc := sentenceCase(st.atoms)
	n := len(words)
	st.labels = resize(st.labels, n)
	m.viterbi(m.pm, &st.lat, st.atoms, n, sc, st.labels)
	if m.kbFix && kb != nil {
		m.correctNames(words, st.labels, st.atoms, st.matches, sc)
		m.correct(words, st.labels, st.matches)
		m.correctHonorifics(words, st.labels, sc)
		m.correctLower(words, st.labels, folded)
	}
	for i, c := range st.labels[:n] {
		labels[i] = m.iob2[c]
	}
	m.pool.Put(st)
}

// Tag returns the IOB2 labels of words; upos holds their universal parts
// of speech (from package tagger).
func (m *Model) Tag(words, upos []string) []string {
	out := make([]string, len(words))
	m.TagInto(words, upos, out)
	return out
}

// Entities returns the entity mentions of d, with token indices into
// d.Tokens, labelling d as one document (TagDocument). It uses the
// tokens' UPOS when d has the POS layer and tags the words itself
// otherwise. d must have tokens and sentences.
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
	words, upos := make([][]string, len(d.Sentences)), make([][]string, len(d.Sentences))
	labels := make([][]string, len(d.Sentences))
	// One backing array each, indexed like d.Tokens.
	allWords, allUPOS, allLabels := make([]string, len(d.Tokens)), make([]string, len(d.Tokens)), make([]string, len(d.Tokens))
	var xpos []string
	for si, s := range d.Sentences {
		if s.First < 0 || s.Last > len(d.Tokens) || s.First > s.Last {
			return nil, fmt.Errorf("ner: document %q: sentence %d has token range [%d, %d) outside %d tokens", d.ID, si, s.First, s.Last, len(d.Tokens))
		}
		n := s.Len()
		words[si], upos[si], labels[si] = allWords[s.First:s.Last], allUPOS[s.First:s.Last], allLabels[s.First:s.Last]
		for i := range n {
			words[si][i] = d.Tokens[s.First+i].Form
			upos[si][i] = d.Tokens[s.First+i].UPOS
		}
		if tm != nil {
			xpos = resize(xpos, n)
			tm.Tag(words[si], upos[si], xpos)
		}
	}
	m.TagDocument(words, upos, labels)
	var out []Entity
	for si, s := range d.Sentences {
		for _, e := range Spans(labels[si]) {
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

// fileMagic starts a model file. Version 1 was the greedy decoder's,
// which this package no longer reads.
const fileMagic = "dyad-ner-2\n"

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
		flag |= 1
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
		if c != "O" && (len(c) < 3 || c[1] != '-' || !strings.ContainsRune("BILU", rune(c[0]))) {
			return nil, &FormatError{"classes", fmt.Errorf("class %q is not IOB2 or BILOU", c)}
		}
	}
	flag := head[len(fileMagic)]
	m := newModel(pm, kb, flag&1 != 0)

	return m, nil
}
