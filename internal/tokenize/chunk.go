package tokenize

import (
	"strings"
	"unicode/utf8"

	"github.com/dyad-news/dyad/internal/doc"
)

// chunk splits the whitespace-free text[s:e] into words.
func (t *tokenizer) chunk(s, e int) {
	t.chunkFrom, t.chunkEnd = s, e
	i := s
	for i < e {
		r, n := t.runeAt(i)
		if isWordRune(r) {
			if j := t.urlEnd(i, e); j > i {
				t.emit(i, j, kWord)
				i = j
				continue
			}
			j := t.wordEnd(i, e)
			t.wordGroup(i, j)
			i = j
			continue
		}
		i = t.punct(i, e, r, n)
	}
}

// hasPrefixFold reports whether s starts with the lower-case ASCII prefix p,
// ignoring case.
func hasPrefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
}

// urlEnd returns the end of the URL or e-mail address that starts at i, or
// i when there is none. Trailing punctuation is left out.
func (t *tokenizer) urlEnd(i, e int) int {
	rest := t.text[i:e]
	minLen := 0
	switch {
	case hasPrefixFold(rest, "http://"):
		minLen = 8
	case hasPrefixFold(rest, "https://"):
		minLen = 9
	case hasPrefixFold(rest, "ftp://"):
		minLen = 7
	case hasPrefixFold(rest, "www."):
		minLen = 6
	}
	if minLen == 0 {
		if i < t.noEmailUntil {
			return i
		}
		n, scanned := emailLen(rest)
		if n == 0 {
			// Every start before i+scanned fails the same way: remember it
			// so that chunks like "a+a+a+..." stay linear.
			t.noEmailUntil = i + scanned
		}
		return i + n
	}
	k := 0
	for k < len(rest) {
		c := rest[k]
		if c == '<' || c == '>' || c == '"' || c >= utf8.RuneSelf && !isWordRune(t.runeAtNoErr(i+k)) {
			break
		}
		k++
	}
	for k > 0 {
		c := rest[k-1]
		if strings.IndexByte(".,;:!?'\")]}*", c) < 0 {
			break
		}
		if c == ')' && strings.IndexByte(rest[:k], '(') >= 0 {
			break
		}
		k--
	}
	if k < minLen {
		return i
	}
	return i + k
}

// runeAtNoErr decodes the rune at i.
func (t *tokenizer) runeAtNoErr(i int) rune {
	r, _ := t.runeAt(i)
	return r
}

// emailLen returns the length of the e-mail address at the start of s, or
// 0 and how far it looked.
func emailLen(s string) (int, int) {
	at := -1
	for k := 0; k < len(s); k++ {
		c := s[k]
		if c == '@' {
			at = k
			break
		}
		if c >= utf8.RuneSelf || !(asciiWord[c] || c == '.' || c == '-' || c == '+') {
			return 0, k
		}
	}
	if at <= 0 {
		return 0, len(s)
	}
	k, dot := at+1, false
	for k < len(s) {
		c := s[k]
		if c < utf8.RuneSelf && (asciiWord[c] || c == '-') {
			k++
			continue
		}
		if c == '.' && k > at+1 && k+1 < len(s) && s[k+1] < utf8.RuneSelf && asciiWord[s[k+1]] {
			dot = true
			k++
			continue
		}
		break
	}
	if !dot && k == at+1 {
		return 0, at
	}
	return k, k
}

// wordEnd returns the end of the word group that starts at the word rune at
// i: word runes joined by word-internal punctuation ("U.S.", "3.5",
// "14,000", "3:30", "O'Brien", "well-known", "AT&T"), plus the final period
// of an abbreviation.
func (t *tokenizer) wordEnd(i, e int) int {
	j := i
	var prev rune
	for j < e {
		r, n := t.runeAt(j)
		if isWordRune(r) {
			prev = r
			j += n
			continue
		}
		if j+n >= e {
			if r == '.' && t.abbrevAt(i, j+n) && !t.periodEnds(i, j+n) {
				return j + n
			}
			return j
		}
		r2, _ := t.runeAt(j + n)
		next := isWordRune(r2)
		switch r {
		case '.':
			if next {
				break
			}
			if t.abbrevAt(i, j+n) && (r2 == '.' && t.dotsAfter(j+n) == 1 || r2 != '.' && !t.periodEnds(i, j+n)) {
				return j + n // "Inc.." is "Inc." and "."
			}
			return j
		case ',', ':':
			if !isDigitRune(prev) || !isDigitRune(r2) {
				return j
			}
		case '\'', '’', '`':
			if !isLetterRune(r2) {
				return j
			}
		case '-':
			if !next {
				return j
			}
		case '&':
			if !isLetterRune(prev) || !isLetterRune(r2) {
				return j
			}
		case '/':
			if !isDigitRune(prev) || !isDigitRune(r2) {
				return j
			}
		default:
			return j
		}
		prev = r
		j += n
	}
	return j
}

func isDigitRune(r rune) bool { return '0' <= r && r <= '9' }

// abbrevAt reports whether text[i:j], which ends in a period, is an
// abbreviation that keeps its period.
func (t *tokenizer) abbrevAt(i, j int) bool {
	w := t.text[i:j]
	if k := strings.LastIndexByte(w, '-'); k >= 0 {
		w = w[k+1:]
	}
	if len(w) < 2 {
		return false
	}
	if isListedAbbrev(w) {
		return true
	}
	body := w[:len(w)-1]
	switch body {
	case "No", "no", "Nos", "nos", "Nr", "nr", "Art", "art", "Vol", "vol", "p", "pp":
		// "No. 5", but "the answer is no."
		return t.digitFollows(j)
	case "I":
		return false
	}
	if r, n := utf8.DecodeRuneInString(body); n == len(body) {
		return isLetterRune(r)
	}
	// Dotted acronyms: "U.S", "p.m", "a.k.a", "Ph.D".
	if strings.IndexByte(body, '.') < 0 {
		return false
	}
	seg := 0
	for k := 0; k < len(body); k++ {
		c := body[k]
		switch {
		case c == '.':
			if seg == 0 {
				return false
			}
			seg = 0
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			seg++
			if seg > 2 {
				return false
			}
		default:
			return false
		}
	}
	return seg > 0
}

// dotsAfter returns the number of periods from j on.
func (t *tokenizer) dotsAfter(j int) int {
	n := 0
	for j+n < len(t.text) && t.text[j+n] == '.' {
		n++
	}
	return n
}

// periodEnds reports whether the period of the abbreviation text[i:j] (j is
// just after the period) also ends the sentence, in which case EWT writes
// the period as a word of its own ("... etc." → "etc" "."). It looks past
// closing quotes and brackets at the next word: a sentence ends at the end
// of the text, at a line break that ends sentences, or before a word that
// usually starts sentences; never after a title or an initial that can
// precede a name.
func (t *tokenizer) periodEnds(i, j int) bool {
	text := t.text
	k := j
	for k < len(text) {
		r, n := t.runeAt(k)
		if !strings.ContainsRune(")]}\"'”’»", r) {
			break
		}
		k += n
	}
	breaks, ws := 0, k
	for k < len(text) {
		r, n := t.runeAt(k)
		if !isSpace(r) {
			break
		}
		switch {
		case r == '\n', r == '\u2028', r == '\u0085', r == '\r' && (k+1 >= len(text) || text[k+1] != '\n'):
			breaks++
		case r == '\u2029':
			breaks += 2
		}
		k += n
	}
	if k >= len(text) || breaks >= 2 || breaks == 1 && t.opts.Lines == LinesEnd {
		return true
	}
	if k == ws {
		return false // "U.S.-led", "etc.),"
	}
	if w := text[i:j]; abbrevExact[w] || len(w) == 2 {
		return false // "Mr. Smith", "J. K. Rowling"
	}
	for k < len(text) {
		r, n := t.runeAt(k)
		if !strings.ContainsRune("([{\"'“‘«", r) {
			break
		}
		k += n
	}
	m := k
	for m < len(text) {
		r, n := t.runeAt(m)
		if !isWordRune(r) {
			break
		}
		m += n
	}
	return sentenceStarters[text[k:m]]
}

// digitFollows reports whether the next non-space character after j is a
// digit.
func (t *tokenizer) digitFollows(j int) bool {
	for j < len(t.text) && (t.text[j] == ' ' || t.text[j] == '\t') {
		j++
	}
	return j < len(t.text) && isDigit(t.text[j])
}

// wordGroup splits a word group at the hyphens that UD English splits.
func (t *tokenizer) wordGroup(i, j int) {
	w := t.text[i:j]
	if strings.IndexByte(w, '/') >= 0 && !slashDate(w) {
		start := i
		for k := i; k < j; k++ {
			if t.text[k] == '/' {
				t.wordGroup(start, k)
				t.emit(k, k+1, kPunct)
				start = k + 1
			}
		}
		t.wordGroup(start, j)
		return
	}
	if strings.IndexByte(w, '-') < 0 {
		t.word(i, j)
		return
	}
	if numericHyphenated(w) {
		t.emit(i, j, kNumber)
		return
	}
	start, seg := i, i
	for k := i; k < j; k++ {
		if t.text[k] != '-' {
			continue
		}
		if isHyphenPrefix(t.text[seg:k]) {
			seg = k + 1
			continue
		}
		t.word(start, k)
		t.emit(k, k+1, kPunct)
		start, seg = k+1, k+1
	}
	t.word(start, j)
}

// slashDate reports whether w is a date such as "08/16/2000" (or "9/11"),
// which EWT keeps whole, unlike fractions and ranges ("1/2", "19/20").
func slashDate(w string) bool {
	slashes := 0
	for k := 0; k < len(w); k++ {
		switch {
		case w[k] == '/':
			slashes++
		case !isDigit(w[k]):
			return false
		}
	}
	return slashes == 2 || w == "9/11"
}

// numericHyphenated reports whether w is a phone number, ZIP code or date
// written with hyphens ("713-853-3989", "345-9945", "11-20-2000"), which
// EWT keeps whole, unlike ranges ("10-20").
func numericHyphenated(w string) bool {
	groups, n, first := 1, 0, 0
	for k := 0; k < len(w); k++ {
		c := w[k]
		switch {
		case c == '-':
			if groups == 1 {
				first = n
			}
			groups++
			n = 0
		case isDigit(c):
			n++
		default:
			return false
		}
	}
	if groups >= 3 {
		return true
	}
	return groups == 2 && n == 4 && (first == 1 || first == 3 || first == 5)
}

// word emits one piece of a word group, splitting clitics ("don't",
// "Russia's", "dont") into multiword tokens and units off numbers ("5pm").
func (t *tokenizer) word(a, b int) {
	if a >= b {
		return
	}
	w := t.text[a:b]
	if k, size := lastApostrophe(w); k > 0 {
		var buf [2]byte
		suf, ok := lowerASCII(w[k+size:], buf[:])
		if ok {
			switch string(suf) {
			case "s", "m", "re", "ve", "ll", "d":
				if suf[0] == 's' && isDigit(w[k-1]) {
					break // "the 70's"
				}
				t.emitMulti(a, b, k, len(w)-k)
				return
			case "t":
				if k >= 2 && (w[k-1] == 'n' || w[k-1] == 'N') {
					t.emitMulti(a, b, k-1, len(w)-k+1)
					return
				}
			}
		}
	}
	if lens := contractionParts(w); lens != nil {
		t.emitMulti(a, b, lens...)
		return
	}
	if isDigit(w[0]) {
		if k := unitSplit(w); k > 0 {
			t.emit(a, a+k, kNumber)
			t.emit(a+k, b, kWord)
			return
		}
		t.emit(a, b, kNumber)
		return
	}
	if w[len(w)-1] == '.' {
		t.emit(a, b, kAbbrev)
		return
	}
	t.emit(a, b, kWord)
}

// lastApostrophe returns the byte offset and size of the last apostrophe
// (' ’ `) in w, or -1.
func lastApostrophe(w string) (int, int) {
	for k := len(w) - 1; k >= 0; k-- {
		switch w[k] {
		case '\'', '`':
			return k, 1
		case 0x99:
			if k >= 2 && w[k-2] == 0xe2 && w[k-1] == 0x80 {
				return k - 2, 3
			}
		}
	}
	return -1, 0
}

// units are the unit words that EWT splits off a number written together
// with it ("$170m", "5pm", "65k").
var units = map[string]bool{
	"m": true, "k": true, "b": true, "M": true, "K": true, "B": true, "x": true,
	"bn": true, "mn": true, "mln": true, "bln": true, "tn": true,
	"am": true, "pm": true, "AM": true, "PM": true,
	"mm": true, "cm": true, "km": true, "kg": true, "mg": true, "g": true,
	"lb": true, "lbs": true, "oz": true, "ft": true, "mph": true, "kph": true,
	"Hz": true, "kHz": true, "MHz": true, "GHz": true,
	"KB": true, "MB": true, "GB": true, "TB": true, "kb": true, "mb": true, "gb": true,
	"ml": true, "hrs": true, "hr": true, "min": true, "mins": true, "sec": true, "secs": true,
	"yrs": true, "yr": true, "kW": true, "MW": true, "GW": true, "kWh": true, "MWh": true,
	"hh": true,
}

// unitSplit returns the length of the number in w when the rest of w is a
// unit, else 0.
func unitSplit(w string) int {
	k := 0
	for k < len(w) && (isDigit(w[k]) || w[k] == '.' || w[k] == ',' || w[k] == ':') {
		k++
	}
	if k == 0 || k == len(w) || !isDigit(w[k-1]) {
		return 0
	}
	if units[w[k:]] {
		return k
	}
	return 0
}

// emoticons that are kept whole.
var emoticons = []string{
	":-)", ":-(", ":-D", ":-P", ":-p", ":-/", ":-O", ":-o", ":'(", ":-|",
	";-)", ";-(", ":)", ":(", ":D", ":P", ":p", ":/", ":O", ":o", ":]", ":[",
	":|", ":*", ";)", ";D", ";P", "=)", "=(", "=D", "<3", "^_^", "^^", "-_-",
}

// emoticonEnd returns the end of the emoticon at i, or i.
func (t *tokenizer) emoticonEnd(i, e int) int {
	rest := t.text[i:e]
	for _, em := range emoticons {
		if strings.HasPrefix(rest, em) {
			j := i + len(em)
			if j < e && isWordRune(t.runeAtNoErr(j)) {
				continue
			}
			return j
		}
	}
	return i
}

// punct emits the punctuation or symbol token at i and returns its end.
func (t *tokenizer) punct(i, e int, r rune, n int) int {
	switch r {
	case ':', ';', '=', '<', '^', '-':
		if j := t.emoticonEnd(i, e); j > i {
			t.emit(i, j, kPunct)
			return j
		}
	}
	j := i + n
	switch r {
	case '@', '#':
		if j < e {
			r2 := t.runeAtNoErr(j)
			if r == '@' && isWordRune(r2) || r == '#' && isLetterRune(r2) {
				for j < e {
					r2, n2 := t.runeAt(j)
					if r2 == '.' && r == '@' && j+1 < e && isWordRune(t.runeAtNoErr(j+1)) {
						j++ // "@example.com"
						continue
					}
					if !isWordRune(r2) {
						break
					}
					j += n2
				}
				t.emit(i, j, kWord)
				return j
			}
		}
		t.emit(i, j, kPunct)
	case '+':
		if i == t.chunkFrom && j < e && isDigit(t.text[j]) { // "+44"
			j = t.wordEnd(j, e)
			t.emit(i, j, kNumber)
			break
		}
		for j < e && t.text[j] == '+' {
			j++
		}
		t.emit(i, j, kPunct)
	case '.', '!', '?':
		for j < e && (t.text[j] == '.' || t.text[j] == '!' || t.text[j] == '?') {
			j++
		}
		t.emit(i, j, kFinal)
	case '…':
		for j+len("…") <= e && t.text[j:j+len("…")] == "…" {
			j += len("…")
		}
		t.emit(i, j, kFinal)
	case '"':
		t.quote(i, j, &t.dqOpen)
	case '\'', '`':
		if j < e && t.text[j] == t.text[i] { // '' and `` are quotes
			j++
			t.quote(i, j, &t.dqOpen)
			break
		}
		if t.possessive(i, j) {
			break
		}
		t.quote(i, j, &t.sqOpen)
	case '’':
		if t.curlyOpen {
			t.curlyOpen = false // ‘the Beatles’ closes a quote
		} else if t.possessive(i, j) {
			break
		}
		t.emit(i, j, kCloseQuote)
	case '‘':
		t.curlyOpen = true
		t.emit(i, j, kOpenQuote)
	case '“', '«', '‹', '„':
		t.emit(i, j, kOpenQuote)
	case '”', '»', '›':
		t.emit(i, j, kCloseQuote)
	case '(', '[', '{':
		t.emit(i, j, kOpenBracket)
	case ')', ']', '}':
		t.emit(i, j, kCloseBracket)
	case '-', '*', '=', '~', '<', '>', '^', '|', '/', '\\', '$':
		for j < e && t.text[j] == byte(r) {
			j++
		}
		t.emit(i, j, kPunct)
	default:
		t.emit(i, j, kPunct)
	}
	return j
}

// quote emits the straight quotation mark text[i:j], deciding from the
// surrounding spaces whether it opens or closes a quote; open tracks
// whether a quote of this kind is open.
func (t *tokenizer) quote(i, j int, open *bool) {
	spaceBefore := i == t.chunkFrom
	spaceAfter := j == t.chunkEnd
	var opening bool
	switch {
	case spaceBefore && !spaceAfter:
		opening = true
	case !spaceBefore && spaceAfter:
		opening = false
	case !spaceBefore && !spaceAfter:
		p, _ := t.runeBefore(t.chunkFrom, i)
		opening = !(isWordRune(p) || strings.ContainsRune(".,;:!?)]}%…", p))
	default:
		opening = !*open
	}
	*open = opening
	if opening {
		t.emit(i, j, kOpenQuote)
	} else {
		t.emit(i, j, kCloseQuote)
	}
}

// possessive attaches the apostrophe text[i:j] to the preceding word ending
// in s ("the Beatles' songs" → "Beatles" "'") as a multiword token, as EWT
// does, unless a single quote is open (then it closes the quote).
func (t *tokenizer) possessive(i, j int) bool {
	if t.sqOpen || i == t.chunkFrom {
		return false
	}
	if j < t.chunkEnd {
		r := t.runeAtNoErr(j)
		if isWordRune(r) {
			return false
		}
	}
	d := t.d
	p := len(d.Tokens) - 1
	if p < 0 || d.Tokens[p].End != i || t.kinds[p] != kWord {
		return false
	}
	if m := len(d.MultiWords); m > 0 && d.MultiWords[m-1].Last == p {
		return false
	}
	if c := t.text[i-1]; c != 's' && c != 'S' {
		return false
	}
	d.Tokens[p].SpaceAfter = false
	d.Tokens = append(d.Tokens, doc.Token{Start: i, End: j, Form: t.text[i:j], SpaceAfter: t.spaceAt(j), Head: -1})
	t.kinds = append(t.kinds, kWord)
	d.MultiWords = append(d.MultiWords, doc.MultiWord{First: p, Last: p + 1, Start: d.Tokens[p].Start, End: j})
	return true
}
