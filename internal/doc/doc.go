// Package doc defines the container that every dyad stage annotates: the
// original text of one article and the layers that stages add to it.
//
// The tokeniser creates a Doc from text; each later stage (tagger, parser,
// entities, coreference, quotes, events) adds its own layer and touches
// nothing else. Every annotation points into Doc.Text by byte offsets, so a
// record can always be traced back to, and highlighted in, the original text.
// Conversion to the Unicode code-point offsets of the JSON contract happens
// once, when records are written (see Doc.CodePointOffset).
//
//	d := tokenize.Tokenize("a1", "Peskov said talks continue.", tokenize.Options{})
//	for _, t := range d.Tokens {
//		fmt.Println(t.Form, d.Text[t.Start:t.End])
//	}
package doc

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Layer names one kind of annotation on a Doc. Stages declare the layers they
// require and the layers they assign, so a pipeline can refuse a wrong order
// before it runs.
type Layer string

// The layers that dyad's stages add, in pipeline order.
const (
	LayerTokens    Layer = "tokens"    // Doc.Tokens, Doc.MultiWords
	LayerSentences Layer = "sentences" // Doc.Sentences
	LayerPOS       Layer = "pos"       // Token.UPOS, Token.XPOS
	LayerLemmas    Layer = "lemmas"    // Token.Lemma
	LayerDeps      Layer = "deps"      // Token.Head, Token.DepRel
	LayerEntities  Layer = "entities"  // Doc.Entities
	LayerActors    Layer = "actors"    // Entity.Actor
	LayerCoref     Layer = "coref"     // Doc.Mentions, Doc.Chains
	LayerTimes     Layer = "times"     // Doc.Times
	LayerQuotes    Layer = "quotes"    // Doc.Quotes
	LayerEvents    Layer = "events"    // Doc.Events
)

// Span is a half-open byte range [Start, End) into Doc.Text.
type Span struct {
	Start, End int
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies entirely inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Token is one syntactic word. Start and End are byte offsets of the word in
// Doc.Text; Form is the word as the models see it, which equals the text
// slice except for the parts of a multiword token ("cannot" → "can" "not",
// "won't" → "wo" "n't") and for normalised characters.
type Token struct {
	Start, End int
	Form       string
	// SpaceAfter is false when no whitespace follows the token in the text.
	SpaceAfter bool
	// Sentence is the index into Doc.Sentences of the sentence holding the token.
	Sentence int

	UPOS  string // universal part of speech (LayerPOS)
	XPOS  string // Penn Treebank tag (LayerPOS)
	Lemma string // (LayerLemmas)
	// Head is the index into Doc.Tokens of the syntactic head, or -1 for the
	// root of the sentence (LayerDeps).
	Head   int
	DepRel string // universal dependency relation, e.g. "nsubj", "obl:tmod"
}

// Span returns the token's byte span.
func (t Token) Span() Span { return Span{t.Start, t.End} }

// MultiWord groups the words First..Last (inclusive indices into Doc.Tokens)
// that form one orthographic token, such as "don't" → "do" "n't". Start and
// End cover the whole orthographic token.
type MultiWord struct {
	First, Last int
	Start, End  int
}

// Sentence is a range of tokens [First, Last) plus its byte span.
type Sentence struct {
	First, Last int
	Start, End  int
	// Paragraph is the 0-based index of the paragraph the sentence starts in.
	Paragraph int
}

// Len returns the number of tokens in the sentence.
func (s Sentence) Len() int { return s.Last - s.First }

// Actor is who a mention stands for, as the actor knowledge base answered
// on the document's date.
type Actor struct {
	ID      string // knowledge-base id, e.g. "vladimir-putin", "RUS"
	Name    string // canonical name, e.g. "Vladimir Putin"
	Code    string // CAMEO actor code on the date, e.g. "RUSGOV"
	Country string // CAMEO country code, the first three letters of Code
	Sector  string // CAMEO sector, e.g. "GOV", "MIL"; "" for a whole country
	Kind    string // "person", "country", "igo", "org", "media", "party", "city", "group", "agent"
	Gender  string // "m", "f" or "" (people)
	Title   string // role title on the date, e.g. "President"
}

// Entity is one named-entity mention: the words [First, Last) of Doc.Tokens
// and their byte span.
type Entity struct {
	First, Last int
	Start, End  int
	Label       string // PER, ORG, LOC, NORP, MISC
	Actor       *Actor // nil when the mention is not in the knowledge base
}

// MentionKind tells how a mention refers.
type MentionKind int

// The kinds of mention the coreference layer links.
const (
	MentionName    MentionKind = iota // "Dmitry Peskov", "Peskov", "the Kremlin"
	MentionNominal                    // "the Russian president", "the spokesman"
	MentionPronoun                    // "he", "she", "they", "his"
)

// Mention is a referring expression linked by coreference: words
// [First, Last) of Doc.Tokens with their byte span. Chain indexes
// Doc.Chains, or is -1 when the mention is unresolved.
type Mention struct {
	First, Last int
	Start, End  int
	Kind        MentionKind
	Entity      int // index into Doc.Entities, or -1
	Chain       int
}

// Chain is a set of mentions that refer to the same actor.
type Chain struct {
	Mentions []int  // indices into Doc.Mentions, in text order
	Name     string // the fullest name in the chain ("Dmitry Peskov")
	Actor    *Actor // nil when the chain resolves to nothing in the knowledge base
}

// Quote is one attribution: what was said (the content span), how it is
// reported, the cue ("said", "according to") and who said it. A zero-length
// Span means "none".
type Quote struct {
	Span            // the content: inside the quotation marks, or the reported clause
	Kind     string // "direct", "indirect" or "mixed"
	Fragment bool   // a single word or short phrase in quotation marks ("trashing him as "disrespectful"")
	Cue      Span   // the reporting verb or phrase
	Speaker  Span   // the mention of the speaker in the text ("Peskov", "he", "the ministry")
	Chain    int    // index into Doc.Chains of the speaker, or -1
	Name     string // who the speaker resolves to ("Dmitry Peskov"); "" when unresolved
	Actor    *Actor // the speaker's actor, nil when unknown
	To       Span   // the addressee when stated ("reporters", "the BBC")
	Sentence int    // index into Doc.Sentences of the sentence holding the cue (or the content)
}

// EventActor is one source or target of an event: the mention in the text
// and the actor it resolves to.
type EventActor struct {
	Span
	Name  string // who the mention resolves to ("Donald Trump", "Russia")
	Actor *Actor // nil when no actor code could be given
}

// Event is one coded event: who did what to whom, when, with the evidence.
type Event struct {
	CAMEO     string // CAMEO event code, 2 to 4 digits
	Plover    string // PLOVER event type, e.g. "THREATEN"
	Mode      string // PLOVER mode, e.g. "" or "Sanction"
	Context   string // PLOVER context
	Quad      int    // QuadClass: 1 verbal cooperation … 4 material conflict
	Goldstein float64
	Source    []EventActor
	Target    []EventActor
	Trigger   Span
	Sentence  int // index into Doc.Sentences
	Negated   bool
	// Hypothetical marks events the text says might happen: threats,
	// conditions, proposals, intentions.
	Hypothetical bool
	Date         string // YYYY-MM-DD the event is dated to
	Quote        int    // index into Doc.Quotes of the quote the event was found in, or -1
}

// Doc is the text of one article and its annotation layers.
type Doc struct {
	ID        string
	Text      string
	Published string // YYYY-MM-DD, or "" when unknown
	// Home is the country the article's institutions ("the government",
	// "police") belong to when it names none: the outlet's country, given
	// by whoever runs the analysis. Nil when unknown.
	Home *Actor

	Tokens     []Token
	MultiWords []MultiWord
	Sentences  []Sentence
	Entities   []Entity  // LayerEntities; Entity.Actor with LayerActors
	Mentions   []Mention // LayerCoref
	Chains     []Chain   // LayerCoref
	Quotes     []Quote   // LayerQuotes
	Events     []Event   // LayerEvents

	layers map[Layer]bool
}

// New returns a Doc with the given text and no layers.
func New(id, text string) *Doc {
	return &Doc{ID: id, Text: text, layers: map[Layer]bool{}}
}

// Has reports whether layer l has been set.
func (d *Doc) Has(l Layer) bool { return d.layers[l] }

// Mark records that layer l has been set. Stages call it after writing their
// layer.
func (d *Doc) Mark(l ...Layer) {
	if d.layers == nil {
		d.layers = map[Layer]bool{}
	}
	for _, x := range l {
		d.layers[x] = true
	}
}

// Layers returns the names of the layers that are set, sorted.
func (d *Doc) Layers() []Layer {
	out := make([]Layer, 0, len(d.layers))
	for l := range d.layers {
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// MissingLayerError says that a stage needs a layer that is not set yet.
type MissingLayerError struct {
	Stage string
	Layer Layer
}

func (e *MissingLayerError) Error() string {
	return fmt.Sprintf("stage %s needs the %q layer: run the stage that assigns it first", e.Stage, e.Layer)
}

// Require returns a *MissingLayerError when any of the layers is missing.
func (d *Doc) Require(stage string, layers ...Layer) error {
	for _, l := range layers {
		if !d.Has(l) {
			return &MissingLayerError{Stage: stage, Layer: l}
		}
	}
	return nil
}

// SentenceTokens returns the tokens of sentence i.
func (d *Doc) SentenceTokens(i int) []Token {
	s := d.Sentences[i]
	return d.Tokens[s.First:s.Last]
}

// Slice returns the text covered by s.
func (d *Doc) Slice(s Span) string { return d.Text[s.Start:s.End] }

// TokenAt returns the index of the token containing byte offset off, or -1.
func (d *Doc) TokenAt(off int) int {
	i := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].End > off })
	if i < len(d.Tokens) && d.Tokens[i].Start <= off {
		return i
	}
	return -1
}

// Words returns the forms of the tokens in sentence i.
func (d *Doc) Words(i int) []string {
	toks := d.SentenceTokens(i)
	out := make([]string, len(toks))
	for j, t := range toks {
		out[j] = t.Form
	}
	return out
}

// CodePoints converts byte offsets into Doc.Text to Unicode code-point
// offsets, as the JSON contract requires. Build it once per document and
// reuse it: each lookup is O(log n).
type CodePoints struct {
	// multibyte holds the byte offsets at which a multi-byte rune starts,
	// with the number of extra bytes seen up to and including it.
	at    []int
	extra []int
}

// NewCodePoints indexes text for byte→code point conversion.
func NewCodePoints(text string) *CodePoints {
	c := &CodePoints{}
	extra := 0
	for i, r := range text {
		if r >= utf8.RuneSelf || (r == utf8.RuneError) {
			n := utf8.RuneLen(r)
			if r == utf8.RuneError {
				_, n = utf8.DecodeRuneInString(text[i:])
			}
			if n > 1 {
				extra += n - 1
				c.at = append(c.at, i)
				c.extra = append(c.extra, extra)
			}
		}
	}
	return c
}

// Offset returns the code-point offset of byte offset b.
func (c *CodePoints) Offset(b int) int {
	// Number of multibyte runes starting strictly before b.
	i := sort.SearchInts(c.at, b)
	if i == 0 {
		return b
	}
	return b - c.extra[i-1]
}

// String renders the tokens of d in a compact CoNLL-U-like form used by
// golden tests: one token per line, sentence breaks as blank lines.
func (d *Doc) String() string {
	var b strings.Builder
	for si := range d.Sentences {
		if si > 0 {
			b.WriteByte('\n')
		}
		s := d.Sentences[si]
		for i := s.First; i < s.Last; i++ {
			t := d.Tokens[i]
			head := 0
			if t.Head >= 0 {
				head = t.Head - s.First + 1
			}
			fmt.Fprintf(&b, "%d\t%s\t%s\t%s\t%s\t%d\t%s\t%d:%d\n",
				i-s.First+1, t.Form, or(t.Lemma), or(t.UPOS), or(t.XPOS), head, or(t.DepRel), t.Start, t.End)
		}
	}
	return b.String()
}

func or(s string) string {
	if s == "" {
		return "_"
	}
	return s
}
