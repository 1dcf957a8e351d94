// Package tagger assigns parts of speech (universal UPOS and Penn Treebank
// XPOS) and lemmas to words.
//
// The tagger is a two-pass greedy averaged perceptron (see package
// perceptron) that predicts a combined "XPOS|UPOS" class per word: a
// right-to-left pass, then a left-to-right pass that also sees the first
// pass's tags of the word and the next two words; the second pass scores
// again only the words the first pass was unsure of. Frequent unambiguous
// words are looked up in a tag dictionary. The lemmatiser is a (form, XPOS) table
// learned from the treebank with suffix rewrite rules for unseen words. The
// model ships inside the binary (model/tagger.bin.gz) and is trained on UD
// English EWT by `dyad train tagger`.
//
//	m, err := tagger.Load()
//	if err != nil { ... }
//	words := []string{"The", "cats", "sat", "."}
//	upos, xpos := make([]string, 4), make([]string, 4)
//	m.Tag(words, upos, xpos)
//	fmt.Println(upos[1], xpos[1], m.Lemma(words[1], upos[1], xpos[1])) // NOUN NNS cat
package tagger

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dyad-news/dyad/internal/doc"
	"github.com/dyad-news/dyad/internal/perceptron"
)

// Model tags and lemmatises words. It is safe for concurrent use.
type Model struct {
	first  *perceptron.Model // left-to-right pass
	second *perceptron.Model // second pass with right-context tags; nil for one pass
	// reverse says that the first pass runs right to left (when there is a
	// second pass).
	reverse bool
	// sure is the first-pass score margin above which the second pass
	// keeps the first pass's tag without scoring the word again.
	sure  float32
	upos  []string          // UPOS of each class
	xpos  []string          // XPOS of each class
	fixed map[string]int32  // frequent unambiguous words → class
	amb   map[string]uint64 // word → hash of the classes it was seen with
	// lex holds fixed and amb again in one map, so that tagging looks a
	// word up once (see buildLexicon).
	lex  map[string]lexEntry
	lem  *lemmatizer
	pool sync.Pool // *state
}

// lexEntry is what the tagger knows of a word: its ambiguity class hash
// (0 when unknown) and its tag dictionary class (-1 when none).
type lexEntry struct {
	amb   uint64
	fixed int32
}

// buildLexicon fills lex from fixed and amb; call it once they are complete.
func (m *Model) buildLexicon() {
	m.lex = make(map[string]lexEntry, len(m.amb)+len(m.fixed))
	for w, h := range m.amb {
		m.lex[w] = lexEntry{amb: h, fixed: -1}
	}
	for w, c := range m.fixed {
		e, ok := m.lex[w]
		if !ok {
			e = lexEntry{fixed: -1}
		}
		e.fixed = c
		m.lex[w] = e
	}
}

// state is the scratch space of one Tag call.
type state struct {
	atoms  []atoms
	ratoms []atoms
	feats  []uint64
	scores []float32
	tags   []int
	right  []int
	margin []float32 // first-pass score margin of each word
	fixed  []int32   // tag dictionary class of each word, or -1
	buf    []byte
	// sentCase is the sentence's capitalisation (see sentenceCase).
	sentCase uint64
}

func (m *Model) getState() *state {
	if st, ok := m.pool.Get().(*state); ok {
		return st
	}
	return &state{scores: make([]float32, len(m.upos)), feats: make([]uint64, 0, 64)}
}

// lookup returns the ambiguity class hashes of w and of its lower case (0
// when unknown or when w has no upper case) and w's tag dictionary class
// (-1 when none).
func (m *Model) lookup(st *state, w string) (exact, lower uint64, fixed int32) {
	e, ok := m.lex[w]
	if !ok {
		e.fixed = -1
	}
	exact, fixed = e.amb, e.fixed
	st.buf = st.buf[:0]
	changed := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
			changed = true
		}
		st.buf = append(st.buf, c)
	}
	if changed {
		lower = m.lex[string(st.buf)].amb
		if exact == 0 {
			exact = lower
		}
	}
	return exact, lower, fixed
}

// classes predicts the class of every word into st.tags.
func (m *Model) classes(st *state, words []string) {
	n := len(words)
	st.atoms = resize(st.atoms, n+4)
	st.atoms[0], st.atoms[1] = padStart, padStart
	st.atoms[n+2], st.atoms[n+3] = padEnd, padEnd
	st.fixed = resize(st.fixed, n)
	for i, w := range words {
		e, l, f := m.lookup(st, w)
		wordAtoms(&st.atoms[i+2], w, e, l)
		st.fixed[i] = f
	}
	st.sentCase = sentenceCase(st.atoms)
	st.tags = resize(st.tags, n)
	if m.second == nil {
		m.pass(st.tags, words, st.atoms, m.first, nil, false, st)
		return
	}
	st.right = resize(st.right, n)
	if m.reverse {
		st.ratoms = reverseAtoms(st.ratoms, st.atoms)
		m.pass(st.tags, words, st.ratoms, m.first, nil, true, st)
		for i := range n {
			st.right[i] = st.tags[n-1-i]
		}
	} else {
		m.pass(st.right, words, st.atoms, m.first, nil, false, st)
	}
	m.pass(st.tags, words, st.atoms, m.second, st.right, false, st)
}

// pass tags one sentence into out, left to right over a (the atoms of the
// sentence, reversed when reversed is set: then out is in reversed order
// too). right holds the first pass's tags for a second pass.
func (m *Model) pass(out []int, words []string, a []atoms, pm *perceptron.Model, right []int, reversed bool, st *state) {
	n := len(words)
	first := right == nil
	if first {
		st.margin = resize(st.margin, n)
	}
	for i := range n {
		j := i // index of the word in the sentence
		if reversed {
			j = n - 1 - i
		}
		if c := st.fixed[j]; c >= 0 {
			out[i] = int(c)
			if first {
				st.margin[j] = inf
			}
			continue
		}
		if !first && st.margin[j] >= m.sure {
			// The first pass is sure of this word: keep its tag.
			out[i] = right[i]
			continue
		}
		st.feats = features(st.feats[:0], a, out, right, i, st.sentCase)
		pm.Scores(st.feats, st.scores)
		best, second := top2(st.scores)
		out[i] = best
		if first {
			st.margin[j] = st.scores[best] - second
		}
	}
}

const inf = float32(1e30)

// defaultSure is the first-pass margin above which a word is not scored
// again by the second pass; chosen on EWT dev for speed at no cost in
// accuracy.
var defaultSure = float32(10)

// top2 returns the index of the best score (ties to the lower index) and
// the second-best score.
func top2(scores []float32) (int, float32) {
	best, second := 0, -inf
	for i := 1; i < len(scores); i++ {
		switch s := scores[i]; {
		case s > scores[best]:
			second = scores[best]
			best = i
		case s > second:
			second = s
		}
	}
	return best, second
}

// reverseAtoms returns src in reverse order, in dst's storage.
func reverseAtoms(dst, src []atoms) []atoms {
	n := len(src)
	dst = resize(dst, n)
	for i := range src {
		dst[n-1-i] = src[i]
	}
	return dst
}

func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/2)
	}
	return s[:n]
}

// Tag sets upos[i] and xpos[i] for each words[i]; the three slices must have
// the same length. It does not allocate once its scratch space has grown to
// the sentence length.
func (m *Model) Tag(words []string, upos, xpos []string) {
	if len(words) == 0 {
		return
	}
	st := m.getState()
	m.classes(st, words)
	for i, c := range st.tags[:len(words)] {
		upos[i], xpos[i] = m.upos[c], m.xpos[c]
	}
	m.pool.Put(st)
}

// Lemma returns the lemma of word given its tags: lower case except for
// proper nouns (XPOS NNP, NNPS), as in UD English EWT. upos is accepted for
// symmetry with Tag; the lemma depends on word and xpos.
func (m *Model) Lemma(word, upos, xpos string) string {
	return m.lem.lemma(word, xpos)
}

// Annotate tags and lemmatises every sentence of d. It needs the tokens and
// sentences layers and marks the POS and lemmas layers.
func (m *Model) Annotate(d *doc.Doc) error {
	if err := d.Require("tagger", doc.LayerTokens, doc.LayerSentences); err != nil {
		return err
	}
	var words, upos, xpos []string
	for si, s := range d.Sentences {
		if s.First < 0 || s.Last > len(d.Tokens) || s.First > s.Last {
			return fmt.Errorf("tagger: document %q: sentence %d has token range [%d, %d) outside %d tokens", d.ID, si, s.First, s.Last, len(d.Tokens))
		}
		n := s.Len()
		words, upos, xpos = resize(words, n), resize(upos, n), resize(xpos, n)
		for i := range n {
			words[i] = d.Tokens[s.First+i].Form
		}
		m.Tag(words, upos, xpos)
		for i := range n {
			t := &d.Tokens[s.First+i]
			t.UPOS, t.XPOS = upos[i], xpos[i]
			t.Lemma = m.Lemma(t.Form, t.UPOS, t.XPOS)
		}
	}
	d.Mark(doc.LayerPOS, doc.LayerLemmas)
	return nil
}

// Info describes a model's size.
type Info struct {
	Classes, Features, Weights, TagDict, Lemmas, Rules int
	TwoPass                                            bool
}

// Info returns the model's size.
func (m *Model) Info() Info {
	in := Info{Classes: len(m.upos), TagDict: len(m.fixed), Lemmas: m.lem.nForms, Rules: m.lem.nRules, TwoPass: m.second != nil}
	for _, pm := range []*perceptron.Model{m.first, m.second} {
		if pm != nil {
			in.Features += pm.Features()
			in.Weights += pm.Weights()
		}
	}
	return in
}

//go:embed model/tagger.bin.gz
var embedded []byte

var (
	loadOnce  sync.Once
	loadModel *Model
	loadErr   error
)

// Load returns the model embedded in the binary. It is read once; later
// calls return the same *Model.
func Load() (*Model, error) {
	loadOnce.Do(func() {
		loadModel, loadErr = Read(bytes.NewReader(embedded))
		if loadErr != nil {
			loadErr = fmt.Errorf("embedded tagger model: %w", loadErr)
		}
	})
	return loadModel, loadErr
}

const fileMagic = "dyad-tagger-1\n"

// ErrFormat is wrapped by the errors Read returns for a stream that is not a
// tagger model.
var ErrFormat = errors.New("bad tagger model")

// FormatError reports what part of a tagger model could not be read.
type FormatError struct {
	What string
	Err  error
}

func (e *FormatError) Error() string {
	return fmt.Sprintf("tagger model: reading %s: %v", e.What, e.Err)
}

// Unwrap returns ErrFormat and the underlying error.
func (e *FormatError) Unwrap() []error { return []error{ErrFormat, e.Err} }

// Save writes m, gzip-compressed.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	enc := encoder{w: bw}
	enc.str(fileMagic)
	enc.uv(uint64(len(m.upos)))
	for i := range m.upos {
		enc.str(m.xpos[i])
		enc.str(m.upos[i])
	}
	if m.second != nil {
		enc.uv(2)
	} else {
		enc.uv(1)
	}
	if m.reverse {
		enc.uv(1)
	} else {
		enc.uv(0)
	}
	bw.Flush()
	if err := m.first.Save(zw); err != nil {
		return err
	}
	if m.second != nil {
		if err := m.second.Save(zw); err != nil {
			return err
		}
	}
	enc.uv(uint64(len(m.fixed)))
	for _, w := range sortedKeys(m.fixed) {
		enc.str(w)
		enc.uv(uint64(m.fixed[w]))
	}
	enc.uv(uint64(len(m.amb)))
	for _, w := range sortedKeys(m.amb) {
		enc.str(w)
		enc.u64(m.amb[w])
	}
	keys := m.lem.formKeys()
	enc.uv(uint64(len(keys)))
	for _, k := range keys {
		enc.str(k.form)
		enc.str(k.xpos)
		enc.str(m.lem.byTag[k.xpos].forms[k.form])
	}
	rk := m.lem.ruleKeys()
	enc.uv(uint64(len(rk)))
	for _, k := range rk {
		r := m.lem.byTag[k.xpos].rules[k.suffix]
		enc.str(k.xpos)
		enc.str(k.suffix)
		enc.uv(uint64(r.strip))
		enc.str(r.add)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Read reads a model written by Save.
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, &FormatError{"gzip header", err}
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	d := decoder{r: br}
	if s := d.str("header"); s != fileMagic && d.err == nil {
		return nil, &FormatError{"header", errors.New("not a dyad tagger model")}
	}
	nc := d.count("class count", 1<<12)
	m := &Model{upos: make([]string, nc), xpos: make([]string, nc)}
	for i := 0; i < nc && d.err == nil; i++ {
		m.xpos[i] = d.str("class")
		m.upos[i] = d.str("class")
	}
	passes := d.count("pass count", 2)
	m.reverse = d.count("pass direction", 1) == 1
	if d.err != nil {
		return nil, d.err
	}
	if passes < 1 {
		return nil, &FormatError{"pass count", errors.New("no pass")}
	}
	for p := 0; p < passes; p++ {
		pm, err := perceptron.Read(br)
		if err != nil {
			return nil, &FormatError{"weights", err}
		}
		if len(pm.Classes) != nc {
			return nil, &FormatError{"weights", fmt.Errorf("%d classes, want %d", len(pm.Classes), nc)}
		}
		if p == 0 {
			m.first = pm
		} else {
			m.second = pm
		}
	}
	n := d.count("tag dictionary", 1<<24)
	m.fixed = make(map[string]int32, n)
	for i := 0; i < n && d.err == nil; i++ {
		w := d.str("tag dictionary")
		c := d.count("tag dictionary class", nc-1)
		m.fixed[w] = int32(c)
	}
	n = d.count("ambiguity classes", 1<<24)
	m.amb = make(map[string]uint64, n)
	for i := 0; i < n && d.err == nil; i++ {
		w := d.str("ambiguity classes")
		m.amb[w] = d.u64("ambiguity classes")
	}
	n = d.count("lemma table", 1<<24)
	m.lem = newLemmatizer()
	for i := 0; i < n && d.err == nil; i++ {
		f := d.str("lemma table")
		x := d.str("lemma table")
		m.lem.setForm(f, x, d.str("lemma table"))
	}
	n = d.count("lemma rules", 1<<24)
	for i := 0; i < n && d.err == nil; i++ {
		x := d.str("lemma rules")
		s := d.str("lemma rules")
		strip := d.count("lemma rules", 1<<10)
		m.lem.setRule(x, s, rule{strip, d.str("lemma rules")})
	}
	if d.err != nil {
		return nil, d.err
	}
	m.buildLexicon()
	m.sure = defaultSure
	return m, nil
}

type encoder struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
}

func (e *encoder) uv(x uint64) { e.w.Write(e.buf[:binary.PutUvarint(e.buf[:], x)]) }
func (e *encoder) u64(x uint64) {
	binary.LittleEndian.PutUint64(e.buf[:8], x)
	e.w.Write(e.buf[:8])
}
func (e *encoder) str(s string) { e.uv(uint64(len(s))); e.w.WriteString(s) }

// decoder reads the fields Save writes, keeping the first error.
type decoder struct {
	r   *bufio.Reader
	err error
}

func (d *decoder) fail(what string, err error) {
	if d.err == nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		d.err = &FormatError{what, err}
	}
}

func (d *decoder) count(what string, max int) int {
	if d.err != nil {
		return 0
	}
	x, err := binary.ReadUvarint(d.r)
	if err != nil {
		d.fail(what, err)
		return 0
	}
	if x > uint64(max) {
		d.fail(what, fmt.Errorf("%d is more than %d", x, max))
		return 0
	}
	return int(x)
}

func (d *decoder) u64(what string) uint64 {
	if d.err != nil {
		return 0
	}
	var b [8]byte
	if _, err := io.ReadFull(d.r, b[:]); err != nil {
		d.fail(what, err)
		return 0
	}
	return binary.LittleEndian.Uint64(b[:])
}

func (d *decoder) str(what string) string {
	n := d.count(what, 1<<16)
	if d.err != nil {
		return ""
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(d.r, b); err != nil {
		d.fail(what, err)
		return ""
	}
	if !utf8.Valid(b) {
		d.fail(what, fmt.Errorf("invalid UTF-8 %q", b))
		return ""
	}
	return string(b)
}

// splitClass splits "XPOS|UPOS".
func splitClass(c string) (xpos, upos string) {
	i := strings.LastIndexByte(c, '|')
	return c[:i], c[i+1:]
}
