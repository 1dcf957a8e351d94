package tokenize

import (
	_ "embed"
	"strings"
)

// The word lists are plain text so that a reviewer can see where each entry
// comes from; they are parsed once at package initialisation.

//go:embed data/abbreviations.txt
var abbreviationsTxt string

//go:embed data/contractions.txt
var contractionsTxt string

//go:embed data/hyphen-prefixes.txt
var hyphenPrefixesTxt string

//go:embed data/sentence-starters.txt
var sentenceStartersTxt string

var (
	// abbrevExact holds case-sensitive abbreviations ("Mr.", "Sept.").
	abbrevExact = map[string]bool{}
	// abbrevFold holds lower-case abbreviations matched case-insensitively.
	abbrevFold = map[string]bool{}
	// abbrevUpper holds the upper-case forms of abbrevExact ("CORP.").
	abbrevUpper = map[string]bool{}
	// contractions maps a lower-case token to the byte lengths of its words.
	contractions = map[string][]int{}
	// hyphenPrefixes holds lower-case prefixes that keep their hyphen.
	hyphenPrefixes = map[string]bool{}
	// sentenceStarters holds capitalised words that usually start a sentence.
	sentenceStarters = map[string]bool{}
	// badDataLines collects malformed lines of the embedded lists; a test
	// requires it to be empty.
	badDataLines []string
)

func init() {
	for _, line := range dataLines(abbreviationsTxt) {
		if strings.HasPrefix(line, "=") {
			abbrevExact[line[1:]] = true
			abbrevUpper[strings.ToUpper(line[1:])] = true
		} else {
			abbrevFold[strings.ToLower(line)] = true
		}
	}
	for _, line := range dataLines(contractionsTxt) {
		f := strings.Fields(line)
		if len(f) < 3 || strings.Join(f[1:], "") != f[0] {
			badDataLines = append(badDataLines, "data/contractions.txt: "+line)
			continue
		}
		lens := make([]int, len(f)-1)
		for i, w := range f[1:] {
			lens[i] = len(w)
		}
		contractions[f[0]] = lens
	}
	for _, line := range dataLines(sentenceStartersTxt) {
		for _, w := range strings.Fields(line) {
			sentenceStarters[w] = true
		}
	}
	for _, line := range dataLines(hyphenPrefixesTxt) {
		hyphenPrefixes[line] = true
	}
}

// dataLines returns the non-empty lines of an embedded list without
// comments.
func dataLines(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line != "" {
			out = append(out, line)
		}
	}
	return out
}

// lowerASCII writes the ASCII lower case of s into buf and returns it, or
// false when s does not fit or is not ASCII. Map lookups with
// string(buf[:n]) do not allocate.
func lowerASCII(s string, buf []byte) ([]byte, bool) {
	if len(s) > len(buf) {
		return nil, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return nil, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(s)], true
}

// isListedAbbrev reports whether w (with its final period) is a listed
// abbreviation.
func isListedAbbrev(w string) bool {
	if abbrevExact[w] {
		return true
	}
	if len(w) <= 8 && abbrevUpper[w] {
		return true // "LTD.", "PVT."
	}
	var buf [32]byte
	l, ok := lowerASCII(w, buf[:])
	return ok && abbrevFold[string(l)]
}

// isHyphenPrefix reports whether w is a prefix that keeps its hyphen.
func isHyphenPrefix(w string) bool {
	var buf [16]byte
	l, ok := lowerASCII(w, buf[:])
	return ok && hyphenPrefixes[string(l)]
}

// contractionParts returns the byte lengths of the words of an
// apostrophe-less contraction such as "dont", or nil.
func contractionParts(w string) []int {
	if len(w) < 2 || len(w) > 8 {
		return nil
	}
	var buf [8]byte
	l, ok := lowerASCII(w, buf[:])
	if !ok {
		return nil
	}
	if w == "IM" { // instant messaging, not "I'm"
		return nil
	}
	return contractions[string(l)]
}
