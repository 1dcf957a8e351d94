package ner

import (
	"unicode"
	"unicode/utf8"

	"github.com/dyad-news/dyad/internal/actors"
	"github.com/dyad-news/dyad/internal/perceptron"
)

// Feature templates. The numbers are part of the model file: append new
// templates, never renumber.
const (
	fBias uint64 = iota + 1
	fWord
	fLower
	fShape
	fLongShape
	fFlags
	fPre1
	fPre2
	fPre3
	fPre4
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fLowerM1
	fLowerM2
	fLowerP1
	fLowerP2
	fShapeM1
	fShapeP1
	fShapeM2
	fShapeP2
	fPOS
	fPOSM1
	fPOSP1
	fPOSM2
	fPOSP2
	fPOSShape
	fPOSM1POS
	fPOSPOSP1
	fLabM1
	fLabM2   // unused since the greedy decoder (model format 1)
	fLabM1M2 // unused since the greedy decoder (model format 1)
	fLabM1Lower
	fLabM1Shape
	fLowerM1Lower
	fLowerLowerP1
	fGaz
	fGazM1
	fGazP1
	fGazShape
	fGazLabM1
	fGazKind
	fFirst
	fFirstShape
	fSentCase
	fSentCaseShape
	fSentCaseLower
	fWordShapeM1
	fGazM2
	fGazP2
	fGazLower
	fFold
	fFoldShape
	fFoldM1
	fFoldP1
	fRunLast
	fRunFirst
	fRunLastPos
)

var (
	preTemplates = [4]uint64{fPre1, fPre2, fPre3, fPre4}
	sufTemplates = [4]uint64{fSuf1, fSuf2, fSuf3, fSuf4}
)

// atoms are the hashes of one word that features are built from.
type atoms struct {
	word, lower, shape, longShape, flags, pos uint64
	gaz, gazKind                              uint64 // gazetteer match covering the word; 0 for none
	fold                                      uint64 // case-insensitive gazetteer match; 0 for none
	runFirst, runLast                         uint64 // lower-cased first and last words of the run of capitalised words around the word; 0 outside one
	runPos                                    uint64 // the word's position in that run: 'B', 'I', 'L', or 'U' alone
	pre, suf                                  [4]uint64
}

const (
	flagHyphen = 1 << iota
	flagDigit
	flagFirstUpper
	flagAllUpper
	flagInnerUpper
	flagNoLetter
	flagPeriod
	flagApostrophe
	// flagTrueCased marks a word of a sentence in capitals whose atoms
	// are those of its title-case form ("MOSCOW" as "Moscow").
	flagTrueCased
)

var (
	padStart = atoms{word: 0x5a17, lower: 0x5a17, shape: 0x5a17, longShape: 0x5a17, pos: 0x5a17, gaz: 0x5a17}
	padEnd   = atoms{word: 0xe4d, lower: 0xe4d, shape: 0xe4d, longShape: 0xe4d, pos: 0xe4d, gaz: 0xe4d}
)

func wordAtoms(a *atoms, w, upos string) {
	a.word = perceptron.String(fWord, w)
	a.lower = perceptron.Lower(fLower, w)
	a.pos = perceptron.String(fPOS, upos)
	a.gaz, a.gazKind, a.fold = 0, 0, 0
	a.runFirst, a.runLast, a.runPos = 0, 0, 0
	n := utf8.RuneCountInString(w)
	for k := 1; k <= 4; k++ {
		if k > n {
			a.pre[k-1], a.suf[k-1] = 0, 0
			continue
		}
		a.pre[k-1] = perceptron.Lower(uint64(k), prefixRunes(w, k))
		a.suf[k-1] = perceptron.Lower(uint64(k)+16, suffixRunes(w, k))
	}
	const seed = 0xcbf29ce484222325
	hs, hl := uint64(seed), uint64(seed)
	var prev rune = -1
	run, i := 0, 0
	flags := uint64(0)
	letters, uppers := 0, 0
	for _, r := range w {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
			uppers++
			letters++
			if i == 0 {
				flags |= flagFirstUpper
			} else {
				flags |= flagInnerUpper
			}
		case unicode.IsLetter(r):
			c = 'x'
			letters++
		case unicode.IsDigit(r):
			c = 'd'
			flags |= flagDigit
		default:
			c = r
			switch r {
			case '-':
				flags |= flagHyphen
			case '.':
				flags |= flagPeriod
			case '\'', '’':
				flags |= flagApostrophe
			}
		}
		if c == prev {
			run++
		} else {
			run = 0
			hs = (hs ^ uint64(c)) * 1099511628211
		}
		if run < 4 {
			hl = (hl ^ uint64(c)) * 1099511628211
		}
		prev = c
		i++
	}
	if letters > 1 && uppers == letters {
		flags |= flagAllUpper
	}
	if letters == 0 {
		flags |= flagNoLetter
	}
	a.shape = perceptron.Mix(fShape, hs)
	a.longShape = perceptron.Mix(fLongShape, hl)
	a.flags = flags
}

// gazetteer sets the gazetteer atoms of the words that knowledge-base
// matches cover: the kind of entry, the form matched (name, adjective, ...)
// and the word's position in the match (B, I, L, or U for one word).
func gazetteer(a []atoms, matches []actors.Match) {
	for _, m := range matches {
		for i := m.Start; i < m.End; i++ {
			pos := uint64('I')
			switch {
			case m.End-m.Start == 1:
				pos = 'U'
			case i == m.Start:
				pos = 'B'
			case i == m.End-1:
				pos = 'L'
			}
			kind := uint64(m.Kind)
			a[i+2].gaz = perceptron.Mix3(fGaz, kind<<8|uint64(m.Via), pos)
			a[i+2].gazKind = perceptron.Mix(fGazKind, kind)
		}
	}
}

// folded sets the atoms of case-insensitive gazetteer matches (matches
// over the words in capitals) for words that no exact match covers: they
// find "florida" and "nato" in web text.
func folded(a []atoms, matches []actors.Match) {
	for _, m := range matches {
		for i := m.Start; i < m.End; i++ {
			pos := uint64('I')
			switch {
			case m.End-m.Start == 1:
				pos = 'U'
			case i == m.Start:
				pos = 'B'
			case i == m.End-1:
				pos = 'L'
			}
			if a[i+2].gaz == 0 {
				a[i+2].fold = perceptron.Mix3(fFold, uint64(m.Kind), pos)
			}
		}
	}
}

// capRuns sets the run atoms of the words in runs of consecutive
// capitalised words: the run's first and last words (the last word of
// "Ashtamudi Lake" or "Rodale Books" says what kind of name it is) and the
// word's position in the run.
func capRuns(a []atoms) {
	n := len(a) - 4
	for i := 0; i < n; {
		if a[i+2].flags&flagFirstUpper == 0 {
			i++
			continue
		}
		j := i + 1
		for j < n && a[j+2].flags&flagFirstUpper != 0 {
			j++
		}
		first, last := a[i+2].lower, a[j+1].lower
		for k := i; k < j; k++ {
			pos := uint64('I')
			switch {
			case j-i == 1:
				pos = 'U'
			case k == i:
				pos = 'B'
			case k == j-1:
				pos = 'L'
			}
			a[k+2].runFirst, a[k+2].runLast, a[k+2].runPos = first, last, pos
		}
		i = j
	}
}

// sentenceCase is 2 when most words of the sentence are in capitals (a
// headline), 1 when most start with a capital (a title), 0 otherwise.
func sentenceCase(a []atoms) uint64 {
	words, upper, caps := 0, 0, 0
	for i := 2; i < len(a)-2; i++ {
		f := a[i].flags
		if f&flagNoLetter != 0 {
			continue
		}
		words++
		if f&flagFirstUpper != 0 {
			upper++
		}
		if f&(flagAllUpper|flagTrueCased) != 0 {
			caps++
		}
	}
	switch {
	case words >= 2 && caps*10 >= words*7:
		return 2
	case words >= 3 && upper*10 >= words*6:
		return 1
	}
	return 0
}

// titleCase returns w with its first letter in capitals and the others in
// lower case.
func titleCase(w string) string {
	b := make([]rune, 0, len(w))
	for i, r := range w {
		if i == 0 {
			b = append(b, unicode.ToUpper(r))
		} else {
			b = append(b, unicode.ToLower(r))
		}
	}
	return string(b)
}

func labAtom(c int) uint64 { return uint64(c + 2) }

// pairFeatures appends the features of word i that depend on the class
// prev of word i-1 (-1 at the start of the sentence).
func pairFeatures(out []uint64, a []atoms, i, prev int) []uint64 {
	mix, mix3 := perceptron.Mix, perceptron.Mix3
	w := &a[i+2]
	l := labAtom(prev)
	out = append(out,
		mix(fLabM1, l),
		mix3(fLabM1Lower, l, w.lower),
		mix3(fLabM1Shape, l, w.shape),
	)
	if w.gaz != 0 {
		out = append(out, mix3(fGazLabM1, w.gaz, l))
	}
	return out
}

// staticFeatures appends the features of word i that do not depend on
// the labels; a holds the atoms with two pads on each side.
func staticFeatures(out []uint64, a []atoms, i int, sentCase uint64) []uint64 {
	mix, mix3 := perceptron.Mix, perceptron.Mix3
	w := &a[i+2]
	m1, m2, p1, p2 := &a[i+1], &a[i], &a[i+3], &a[i+4]
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	out = append(out,
		fBias,
		w.word,
		w.lower,
		w.shape,
		w.longShape,
		mix(fFlags, w.flags),
		mix(fLowerM1, m1.lower),
		mix(fLowerM2, m2.lower),
		mix(fLowerP1, p1.lower),
		mix(fLowerP2, p2.lower),
		mix(fShapeM1, m1.shape),
		mix(fShapeP1, p1.shape),
		mix(fShapeM2, m2.shape),
		mix(fShapeP2, p2.shape),
		w.pos,
		mix(fPOSM1, m1.pos),
		mix(fPOSP1, p1.pos),
		mix(fPOSM2, m2.pos),
		mix(fPOSP2, p2.pos),
		mix3(fPOSShape, w.pos, w.shape),
		mix3(fPOSM1POS, m1.pos, w.pos),
		mix3(fPOSPOSP1, w.pos, p1.pos),
		mix3(fLowerM1Lower, m1.lower, w.lower),
		mix3(fLowerLowerP1, w.lower, p1.lower),
		mix3(fWordShapeM1, m1.lower, w.shape),
		mix3(fFirstShape, first, w.shape),
		mix3(fSentCaseShape, sentCase, w.shape),
		mix3(fSentCaseLower, sentCase, w.lower),
		mix(fGazM1, m1.gaz),
		mix(fGazP1, p1.gaz),
		mix(fGazM2, m2.gaz),
		mix(fGazP2, p2.gaz),
	)
	if w.fold != 0 {
		out = append(out, w.fold, mix3(fFoldShape, w.fold, w.shape))
	}
	if m1.fold != 0 {
		out = append(out, mix(fFoldM1, m1.fold))
	}
	if p1.fold != 0 {
		out = append(out, mix(fFoldP1, p1.fold))
	}
	if w.runPos != 0 {
		out = append(out,
			mix3(fRunLast, sentCase, w.runLast),
			mix3(fRunFirst, sentCase, w.runFirst),
			mix3(fRunLastPos, w.runPos, w.runLast),
		)
	}
	if w.gaz != 0 {
		out = append(out,
			w.gaz,
			w.gazKind,
			mix3(fGazShape, w.gaz, w.shape),
			mix3(fGazLower, w.gazKind, w.lower),
		)
	}
	for k := 0; k < 4; k++ {
		if w.pre[k] != 0 {
			out = append(out, mix(preTemplates[k], w.pre[k]))
		}
		if w.suf[k] != 0 {
			out = append(out, mix(sufTemplates[k], w.suf[k]))
		}
	}
	return out
}

func prefixRunes(s string, k int) string {
	i := 0
	for j := range s {
		if i == k {
			return s[:j]
		}
		i++
	}
	return s
}

func suffixRunes(s string, k int) string {
	j := len(s)
	for i := 0; i < k && j > 0; i++ {
		_, size := utf8.DecodeLastRuneInString(s[:j])
		j -= size
	}
	return s[j:]
}
