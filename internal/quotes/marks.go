package quotes

import (
	"unicode"
	"unicode/utf8"

	"github.com/dyad-news/dyad/internal/doc"
)

// markKind says which way a quotation mark faces.
type markKind uint8

const (
	markOpen markKind = iota + 1
	markClose
	markEither // a straight mark whose direction the context does not settle
)

// mark is one quotation mark in the text.
type mark struct {
	doc.Span
	kind   markKind
	single bool // ‘ ’
}

// pair is one stretch of text between quotation marks. Close is a
// zero-length span at the paragraph end when the closing mark is missing.
type pair struct {
	Open, Close doc.Span
	Para        int  // index of the paragraph holding the opening mark
	Cont        bool // continues the previous pair over a paragraph break
	Unclosed    bool // no closing mark before the paragraph end
}

// Inner returns the text between the marks.
func (p pair) Inner() doc.Span { return doc.Span{Start: p.Open.End, End: p.Close.Start} }

// Outer returns the quotation with its marks.
func (p pair) Outer() doc.Span { return doc.Span{Start: p.Open.Start, End: p.Close.End} }

// paragraph is a line of text: news paragraphs are separated by line breaks.
type paragraph struct{ Start, End int }

// paragraphs splits text at line breaks, dropping empty lines.
func paragraphs(text string) []paragraph {
	var out []paragraph
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			s, e := start, i
			for s < e && (text[s] == ' ' || text[s] == '\t' || text[s] == '\r') {
				s++
			}
			for e > s && (text[e-1] == ' ' || text[e-1] == '\t' || text[e-1] == '\r') {
				e--
			}
			if e > s {
				out = append(out, paragraph{s, e})
			}
			start = i + 1
		}
	}
	return out
}

// doubleMarks returns the double quotation marks of text[start:end]: curly
// and guillemets by their shape, straight ones (" and ”) by context.
func doubleMarks(text string, start, end int, out []mark) []mark {
	for i := start; i < end; {
		c := text[i]
		switch {
		case c == '"':
			out = append(out, mark{Span: doc.Span{Start: i, End: i + 1}, kind: straightKind(text, i, i+1, start, end)})
			i++
			continue
		case c == '\'' && i+1 < end && text[i+1] == '\'':
			out = append(out, mark{Span: doc.Span{Start: i, End: i + 2}, kind: straightKind(text, i, i+2, start, end)})
			i += 2
			continue
		case c == '\'':
			// A straight single quotation mark: opening before a word after
			// a space, closing after a word before a space or punctuation.
			// "don't" is neither; "voters' " closes only an open one.
			before, after := ' ', ' '
			if i > start {
				before = lastRune(text[:i])
			}
			if i+1 < end {
				after = firstRune(text[i+1:])
			}
			if isSpaceOrOpen(before) && unicode.IsLetter(after) {
				out = append(out, mark{Span: doc.Span{Start: i, End: i + 1}, kind: markOpen, single: true})
			} else if !unicode.IsSpace(before) && !isWordStart(after) {
				out = append(out, mark{Span: doc.Span{Start: i, End: i + 1}, kind: markClose, single: true})
			}
			i++
			continue
		case c < utf8.RuneSelf:
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '“', '„', '«':
			k := markOpen
			if r == '“' && i > start && !isSpaceOrOpen(lastRune(text[:i])) && (i+n == end || unicode.IsSpace(firstRune(text[i+n:]))) {
				k = markClose // a typo: ""It's unusual,“ said ..."
			}
			out = append(out, mark{Span: doc.Span{Start: i, End: i + n}, kind: k})
		case '”', '»':
			k := markClose
			if r == '”' && (i == start || unicode.IsSpace(lastRune(text[:i]))) && i+n < end && isWordStart(firstRune(text[i+n:])) {
				k = markOpen
			}
			out = append(out, mark{Span: doc.Span{Start: i, End: i + n}, kind: k})
		case '‘':
			// Opens a single quotation before a word: "‘We are going’".
			if (i == start || isSpaceOrOpen(lastRune(text[:i]))) && i+n < end && isWordStart(firstRune(text[i+n:])) {
				out = append(out, mark{Span: doc.Span{Start: i, End: i + n}, kind: markOpen, single: true})
			}
		case '’':
			// Closes one after a word and before a space or punctuation;
			// "don’t" and "Clinton’s" are apostrophes.
			if i > start && !unicode.IsSpace(lastRune(text[:i])) && (i+n == end || !isWordStart(firstRune(text[i+n:]))) {
				out = append(out, mark{Span: doc.Span{Start: i, End: i + n}, kind: markClose, single: true})
			}
		}
		i += n
	}
	return out
}

// straightKind decides whether the straight mark text[s:e] opens or closes.
func straightKind(text string, s, e, pstart, pend int) markKind {
	before, after := ' ', ' '
	if s > pstart {
		before, _ = utf8.DecodeLastRuneInString(text[:s])
	}
	if e < pend {
		after, _ = utf8.DecodeRuneInString(text[e:])
	}
	opens := (unicode.IsSpace(before) || isOpenPunct(before)) && !unicode.IsSpace(after)
	closes := !unicode.IsSpace(before) && !isOpenPunct(before) && (unicode.IsSpace(after) || unicode.IsPunct(after))
	switch {
	case opens && !closes:
		return markOpen
	case closes && !opens:
		return markClose
	}
	return markEither
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isSpaceOrOpen(r rune) bool { return unicode.IsSpace(r) || isOpenPunct(r) }

func isWordStart(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isOpenPunct(r rune) bool {
	switch r {
	case '(', '[', '{', '—', '–', '-', ':', '/', '“', '‘':
		return true
	}
	return false
}

// pairs finds the quotations of text. A paragraph that ends inside a
// quotation is closed at its end; when the next paragraph opens with a
// quotation mark, that quotation continues the unclosed one (the news
// convention for quotes that run over several paragraphs).
func pairs(text string, paras []paragraph) []pair {
	var out []pair
	var marks []mark
	prevUnclosed := false
	for pi, p := range paras {
		marks = doubleMarks(text, p.Start, p.End, marks[:0])
		var stack []int // indices into marks of the open quotations
		first := len(out)
		for mi, m := range marks {
			if m.single && m.kind == markClose {
				// A closing single mark closes only an open single
				// quotation; otherwise it is an apostrophe.
				if len(stack) > 0 && marks[stack[len(stack)-1]].single {
					o := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					out = append(out, pair{Open: marks[o].Span, Close: m.Span, Para: pi})
				}
				continue
			}
			if !m.single {
				// A double mark ends any single quotation left open.
				for len(stack) > 0 && marks[stack[len(stack)-1]].single {
					stack = stack[:len(stack)-1]
				}
			}
			switch {
			case len(stack) == 0:
				if m.kind != markClose {
					stack = append(stack, mi)
				}
			case m.single:
				stack = append(stack, mi)
			case m.kind == markOpen && marks[stack[len(stack)-1]].kind == markOpen && text[m.Start] != '"' && text[m.Start] != '\'':
				// A curly quotation inside a curly quotation; an outer
				// quotation that stays open is closed at the paragraph end.
				stack = append(stack, mi)
			case m.kind == markOpen && text[m.Start] == text[marks[stack[len(stack)-1]].Start]:
				// Straight marks do not nest: the open one lost its
				// closing mark.
				stack[len(stack)-1] = mi
			default:
				o := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				out = append(out, pair{Open: marks[o].Span, Close: m.Span, Para: pi})
			}
		}
		// A single quotation left open is an apostrophe ("'90s"), not a
		// quotation running on.
		dbl := stack[:0]
		for _, k := range stack {
			if !marks[k].single {
				dbl = append(dbl, k)
			}
		}
		stack = dbl
		if len(stack) > 0 {
			out = append(out, pair{Open: marks[stack[0]].Span, Close: doc.Span{Start: p.End, End: p.End}, Para: pi, Unclosed: true})
		}
		if prevUnclosed && len(out) > first {
			// The earliest-opening pair of this paragraph.
			f := first
			for k := first + 1; k < len(out); k++ {
				if out[k].Open.Start < out[f].Open.Start {
					f = k
				}
			}
			if out[f].Open.Start == p.Start {
				out[f].Cont = true
			}
		}
		prevUnclosed = len(stack) > 0
		sortPairs(out[first:])
	}
	// Drop empty quotations ("" or a mark at a paragraph end) and
	// quotations inside quotations: they are part of the outer content.
	kept := out[:0]
	for _, q := range out {
		if q.Inner().Len() == 0 || !hasLetter(text[q.Open.End:q.Close.Start]) {
			continue
		}
		if n := len(kept); n > 0 && kept[n-1].Outer().Contains(q.Outer()) {
			continue
		}
		kept = append(kept, q)
	}
	return kept
}

// sortPairs orders pairs by their opening mark.
func sortPairs(ps []pair) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && ps[j].Open.Start < ps[j-1].Open.Start; j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
