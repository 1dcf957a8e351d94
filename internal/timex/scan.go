package timex

import (
	"unicode"
	"unicode/utf8"
)

// tokKind tells what a scanned token is made of.
type tokKind uint8

const (
	kWord  tokKind = iota + 1 // starts with a letter: "March", "Q3", "P3Y"
	kNum                      // starts with a digit: "31", "2025-03-31", "3:30", "1990s", "31st"
	kPunct                    // any other single character
)

// tok is one scanned token; s and e are byte offsets into the text.
type tok struct {
	s, e int
	k    tokKind
	low  string // lower-cased form
	cap  bool   // the first letter is upper case
	nl   bool   // a line break separates it from the previous token
}

// scanTokens splits text into words, numbers and punctuation in one pass
// without regular expressions. A number keeps inner ":/.-," when a digit
// follows ("3:30", "3/31/2025", "2025-03-31") and trailing letters ("1990s",
// "31st", "3pm").
func scanTokens(text string, buf []tok) []tok {
	toks := buf[:0]
	// One lower-cased copy of the text (ASCII letters only, so byte offsets
	// stay the same) gives every token its lower-case form without an
	// allocation per word; the lexicon is ASCII.
	lower := lowerASCII(text)
	nl := false
	for i := 0; i < len(text); {
		c := text[i]
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v' {
			if c == '\n' {
				nl = true
			}
			i++
			continue
		}
		start := i
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				i += size
				continue
			}
		}
		switch {
		case c >= '0' && c <= '9':
			i++
			for i < len(text) {
				d := text[i]
				if isDigit(d) || isASCIILetter(d) {
					i++
					continue
				}
				if (d == ':' || d == '/' || d == '.' || d == '-' || d == ',') && i+1 < len(text) && isDigit(text[i+1]) {
					if d == '-' && i-start == 4 && yearRangeEnd(text, i+1) {
						break // "1990-1995" is two years, not one token
					}
					i += 2
					continue
				}
				break
			}
			toks = append(toks, tok{s: start, e: i, k: kNum, low: lower[start:i], nl: nl})
		case isLetterRune(r):
			i += size
			for i < len(text) {
				d := text[i]
				if d < utf8.RuneSelf {
					if isASCIILetter(d) || isDigit(d) {
						i++
						continue
					}
					break
				}
				r2, sz := utf8.DecodeRuneInString(text[i:])
				if !isLetterRune(r2) {
					break
				}
				i += sz
			}
			toks = append(toks, tok{s: start, e: i, k: kWord, low: lower[start:i], cap: unicode.IsUpper(r), nl: nl})
		default:
			i += size
			p := text[start:i]
			if r == '\u2019' || r == '\u2018' || r == '`' {
				p = "'"
			} else if r == '\u2013' || r == '\u2014' {
				p = "-"
			}
			toks = append(toks, tok{s: start, e: i, k: kPunct, low: p, nl: nl})
		}
		nl = false
	}
	return toks
}

func isDigit(c byte) bool       { return c >= '0' && c <= '9' }
func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

func isLetterRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIILetter(byte(r))
	}
	return unicode.IsLetter(r)
}

// lowerASCII lower-cases ASCII letters, allocating only when needed.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// yearRangeEnd reports whether text[k:] starts with exactly four digits,
// the second year of a range like "1990-1995".
func yearRangeEnd(text string, k int) bool {
	n := 0
	for k+n < len(text) && isDigit(text[k+n]) {
		n++
	}
	return n == 4 && (k+n == len(text) || !isASCIILetter(text[k+n]))
}
