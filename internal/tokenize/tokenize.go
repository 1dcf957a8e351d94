package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-news/dyad/internal/doc"
)

// Options controls tokenisation.
type Options struct {
	// LineBreaksEndSentences makes every non-empty line exactly one
	// sentence (input split into sentences beforehand); it overrides Lines.
	LineBreaksEndSentences bool
	// Lines says what a single line break means when
	// LineBreaksEndSentences is false. Blank lines always end paragraphs.
	Lines Lines
}

// Lines is the meaning of a single line break in the input.
type Lines uint8

const (
	// LinesSoft: a single line break is whitespace, and the sentence
	// splitter finds the sentences of each paragraph (prose separated by
	// blank lines, hard-wrapped or not).
	LinesSoft Lines = iota
	// LinesEnd: every line break ends a sentence, and the sentence splitter
	// also splits inside each line (one sentence or one paragraph per line,
	// headlines without a full stop).
	LinesEnd
	// LinesAuto: LinesSoft when the text looks hard-wrapped (most lines
	// end in mid-sentence and the next begins in lower case), else
	// LinesEnd.
	LinesAuto
)

// Wrapped reports whether text looks hard-wrapped: at least three line
// breaks between non-blank lines, of which at least 30% are followed by a
// line that begins in lower case and at most half follow a line that ends
// like a sentence (. ! ? or a closing quotation mark or bracket). Text with
// one sentence or one paragraph per line has few lines of either kind.
func Wrapped(text string) bool {
	n, lower, final := 0, 0, 0
	prev := ""
	for len(text) > 0 {
		line := text
		if k := strings.IndexByte(text, '\n'); k >= 0 {
			line, text = text[:k], text[k+1:]
		} else {
			text = ""
		}
		line = strings.TrimSpace(line)
		if line != "" && prev != "" {
			n++
			if r, _ := utf8.DecodeRuneInString(line); unicode.IsLower(r) {
				lower++
			}
			if r, _ := utf8.DecodeLastRuneInString(prev); strings.ContainsRune(".!?\"'”’)]…", r) {
				final++
			}
		}
		prev = line
	}
	return n >= 3 && 10*lower >= 3*n && 2*final <= n
}

// kind classifies a word for the sentence splitter.
type kind uint8

const (
	kWord         kind = iota
	kNumber            // starts with a digit
	kFinal             // run of . ! ? or an ellipsis
	kAbbrev            // word that keeps its final period ("Mr.", "U.S.")
	kOpenQuote         // quotation mark that opens a quote
	kCloseQuote        // quotation mark that closes a quote
	kOpenBracket       // ( [ {
	kCloseBracket      // ) ] }
	kPunct             // other punctuation and symbols
)

// Tokenize splits text into sentences and UD English words and returns a new
// doc.Doc with Tokens, MultiWords and Sentences set and LayerTokens and
// LayerSentences marked. Every Token.Head is -1. Sentence.Paragraph counts
// blank-line-separated paragraphs.
//
// Tokenize never fails: any byte sequence, including invalid UTF-8 (each
// invalid byte becomes a one-byte symbol token), yields a Doc whose token
// offsets are valid, increasing and non-overlapping. It runs in time linear
// in the length of text.
func Tokenize(id, text string, opts Options) *doc.Doc {
	d := doc.New(id, text)
	if opts.LineBreaksEndSentences {
		opts.Lines = LinesEnd
	} else if opts.Lines == LinesAuto {
		opts.Lines = LinesSoft
		if !Wrapped(text) {
			opts.Lines = LinesEnd
		}
	}
	t := tokenizer{text: text, opts: opts, d: d, model: splitter}
	t.run()
	d.Mark(doc.LayerTokens, doc.LayerSentences)
	return d
}

// tokenizer holds the state of one Tokenize call.
type tokenizer struct {
	text  string
	opts  Options
	d     *doc.Doc
	kinds []kind // parallel to d.Tokens

	unitFirst int  // first token of the current unit (paragraph, or line)
	para      int  // paragraph of the current unit
	newPara   bool // a blank line was seen since the last token
	dqOpen    bool // a straight double quote is open
	sqOpen    bool // a straight single quote is open
	curlyOpen bool // a curly single quote ‘ is open
	chunkEnd  int  // end of the chunk being split
	chunkFrom int  // start of the chunk being split
	// noEmailUntil: no e-mail address starts before this offset.
	noEmailUntil int

	model *splitModel // sentence boundary model, or nil for rules only
	feats []uint32    // reused feature buffer
	rule  []bool      // reused rule decisions
	wh    []uint32    // reused word hashes of a unit's tokens
	sh    []byte      // reused shapes of a unit's tokens
	// observe, when set, sees every boundary decision (used in training).
	observe func(j, start int, split bool)
}

// run scans the text for whitespace-separated chunks, line breaks and blank
// lines.
func (t *tokenizer) run() {
	text := t.text
	t.d.Tokens = make([]doc.Token, 0, len(text)/4+8)
	t.kinds = make([]kind, 0, cap(t.d.Tokens))
	breaks := 0 // line breaks since the last chunk
	i := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\n' || c == '\r':
				if c == '\r' && i+1 < len(text) && text[i+1] == '\n' {
					i++
				}
				i++
				breaks++
				t.lineBreak(breaks)
				continue
			case asciiSpace[c]:
				i++
				continue
			}
		} else {
			r, n := utf8.DecodeRuneInString(text[i:])
			if isSpace(r) {
				i += n
				switch r {
				case '\u2028', '\u0085':
					breaks++
					t.lineBreak(breaks)
				case '\u2029':
					breaks += 2
					t.lineBreak(breaks)
				}
				continue
			}
		}
		j := i + 1
		for j < len(text) {
			c := text[j]
			if c < utf8.RuneSelf {
				if asciiSpace[c] || c == '\n' || c == '\r' {
					break
				}
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[j:])
			if isSpace(r) {
				break
			}
			j += n
		}
		if t.newPara {
			t.newPara = false
			if len(t.d.Sentences) > 0 || len(t.d.Tokens) > 0 {
				t.para++
			}
		}
		t.chunk(i, j)
		breaks = 0
		i = j
	}
	t.endUnit()
}

// lineBreak handles the breaks-th consecutive line break.
func (t *tokenizer) lineBreak(breaks int) {
	if t.opts.Lines == LinesEnd || breaks >= 2 {
		t.endUnit()
	}
	if breaks >= 2 {
		t.newPara = true
	}
}

// endUnit splits the tokens of the finished unit into sentences.
func (t *tokenizer) endUnit() {
	n := len(t.d.Tokens)
	if n == t.unitFirst {
		return
	}
	if t.opts.LineBreaksEndSentences {
		t.addSentence(t.unitFirst, n)
	} else {
		t.splitSentences(t.unitFirst, n)
	}
	t.unitFirst = n
	t.dqOpen, t.sqOpen, t.curlyOpen = false, false, false
}

// addSentence records the sentence of tokens [first, last).
func (t *tokenizer) addSentence(first, last int) {
	d := t.d
	si := len(d.Sentences)
	start, end := d.Tokens[first].Start, d.Tokens[last-1].End
	for i := first; i < last; i++ {
		d.Tokens[i].Sentence = si
	}
	d.Sentences = append(d.Sentences, doc.Sentence{First: first, Last: last, Start: start, End: end, Paragraph: t.para})
}

// emit appends the word text[start:end].
func (t *tokenizer) emit(start, end int, k kind) {
	t.d.Tokens = append(t.d.Tokens, doc.Token{
		Start: start, End: end, Form: t.text[start:end],
		SpaceAfter: t.spaceAt(end), Head: -1,
	})
	t.kinds = append(t.kinds, k)
}

// emitMulti appends the orthographic token text[start:end] as the words
// whose byte lengths are lens (they add up to end-start).
func (t *tokenizer) emitMulti(start, end int, lens ...int) {
	first := len(t.d.Tokens)
	p := start
	for i, n := range lens {
		q := p + n
		if i == len(lens)-1 {
			q = end
		}
		t.d.Tokens = append(t.d.Tokens, doc.Token{Start: p, End: q, Form: t.text[p:q], Head: -1})
		t.kinds = append(t.kinds, kWord)
		p = q
	}
	last := len(t.d.Tokens) - 1
	t.d.Tokens[last].SpaceAfter = t.spaceAt(end)
	t.d.MultiWords = append(t.d.MultiWords, doc.MultiWord{First: first, Last: last, Start: start, End: end})
}

// spaceAt reports whether whitespace (or the end of the text) follows at
// byte offset i. The end of the text counts as space so that the last token
// is not glued to anything.
func (t *tokenizer) spaceAt(i int) bool {
	if i >= len(t.text) {
		return true
	}
	c := t.text[i]
	if c < utf8.RuneSelf {
		return asciiSpace[c] || c == '\n' || c == '\r'
	}
	r, _ := utf8.DecodeRuneInString(t.text[i:])
	return isSpace(r)
}

// asciiSpace marks the ASCII characters that are whitespace (line breaks are
// handled separately). U+001C..U+001F are included because Python's \s (and
// so the evaluator) treats them as whitespace.
var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\t': true, '\v': true, '\f': true, 0x1c: true, 0x1d: true, 0x1e: true, 0x1f: true}

// isSpace reports whether r is whitespace in the sense of Python's
// str.isspace, which the evaluator uses to align texts.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSpace[r] || r == '\n' || r == '\r'
	}
	switch r {
	case '\u0085', '\u00a0', '\u1680', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000':
		return true
	}
	return '\u2000' <= r && r <= '\u200a'
}

// isWordRune reports whether r belongs inside a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	if r == utf8.RuneError {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '\u200d'
}

var asciiWord = func() (w [utf8.RuneSelf]bool) {
	for c := '0'; c <= '9'; c++ {
		w[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		w[c] = true
		w[c-'a'+'A'] = true
	}
	w['_'] = true
	return w
}()

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isUpperRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

func isLetterRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

// runeAt decodes the rune at byte offset i; invalid bytes decode as
// (utf8.RuneError, 1).
func (t *tokenizer) runeAt(i int) (rune, int) {
	c := t.text[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(t.text[i:])
}

// runeBefore decodes the rune that ends at byte offset i (i > lo), not
// looking before lo.
func (t *tokenizer) runeBefore(lo, i int) (rune, int) {
	c := t.text[i-1]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(t.text[lo:i])
}
