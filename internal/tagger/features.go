package tagger

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-news/dyad/internal/perceptron"
)

// Feature templates. The numbers are part of the model file: append new
// templates, never renumber.
const (
	fBias uint64 = iota + 1
	fWord
	fLower
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fPre1
	fPre2
	fPre3
	fPre4
	fShape
	fFlags
	fLowerM1
	fLowerM2
	fLowerP1
	fLowerP2
	fSuf3M1
	fSuf3P1
	fShapeM1
	fShapeP1
	fTagM1
	fTagM2
	fTagM1M2
	fTagM1Lower
	fLowerLowerP1
	fLowerM1Lower
	fAmb
	fAmbP1
	fAmbP2
	fTagM1AmbP1
	fAmbAmbP1
	fLowerP1P2
	fTagM1Suf3
	fTagP1 // right-context tags from the first pass
	fTagP2
	fTagP1P2
	fTagM1P1
	fTagP1Lower
	fSuf5
	fLongShape
	fTagM1Shape
	fPre5
	fLowerAmb
	fSentCase
	fSentCaseLower
	fTagP0
	fTagP0P1
	fTagM1P0
	fTagP0Suf3
)

var (
	preTemplates = [5]uint64{fPre1, fPre2, fPre3, fPre4, fPre5}
	sufTemplates = [5]uint64{fSuf1, fSuf2, fSuf3, fSuf4, fSuf5}
)

// atoms are the hashes of one word that features are built from; they are
// computed once per word and per sentence.
type atoms struct {
	word, lower, shape, longShape, flags, amb, lowerAmb uint64
	pre, suf                                            [5]uint64
}

const (
	flagHyphen = 1 << iota
	flagDigit
	flagAllDigit
	flagFirstUpper
	flagAllUpper
	flagInnerUpper
	flagNoLetter
	flagURL
	flagEmail
	flagPeriod
)

var (
	padStart = atoms{word: 0x5a17, lower: 0x5a17, shape: 0x5a17, longShape: 0x5a17, amb: 0x5a17}
	padEnd   = atoms{word: 0xe4d, lower: 0xe4d, shape: 0xe4d, longShape: 0xe4d, amb: 0xe4d}
)

// wordAtoms fills a for word w; amb is the word's ambiguity class hash (0
// when unknown).
// lowerAmb that of its lower case (0 when the word has no upper case).
func wordAtoms(a *atoms, w string, amb, lowerAmb uint64) {
	a.lowerAmb = lowerAmb
	a.word = perceptron.String(fWord, w)
	a.lower = perceptron.Lower(fLower, w)
	a.amb = amb
	// Prefixes and suffixes of the lower-cased word, by runes.
	n := utf8.RuneCountInString(w)
	for k := 1; k <= 5; k++ {
		if k > n {
			a.pre[k-1], a.suf[k-1] = 0, 0
			continue
		}
		a.pre[k-1] = perceptron.Lower(uint64(k), prefixRunes(w, k))
		a.suf[k-1] = perceptron.Lower(uint64(k)+16, suffixRunes(w, k))
	}
	// Shape: X for upper case, x for lower, d for digit, other characters
	// as they are; the short shape collapses runs, the long one keeps up to
	// four of a kind.
	const seed = 0xcbf29ce484222325
	hs, hl := uint64(seed), uint64(seed)
	var prev rune = -1
	run := 0
	flags := uint64(0)
	letters, uppers, digits := 0, 0, 0
	i := 0
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
			digits++
		default:
			c = r
			switch r {
			case '-':
				flags |= flagHyphen
			case '.':
				flags |= flagPeriod
			case '@':
				flags |= flagEmail
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
	if digits > 0 {
		flags |= flagDigit
		if digits == i {
			flags |= flagAllDigit
		}
	}
	if letters > 1 && uppers == letters {
		flags |= flagAllUpper
	}
	if letters == 0 {
		flags |= flagNoLetter
	}
	if strings.Contains(w, "://") || strings.HasPrefix(w, "www.") || hasWebSuffix(w) {
		flags |= flagURL
	}
	a.shape = perceptron.Mix(fShape, hs)
	a.longShape = perceptron.Mix(fLongShape, hl)
	a.flags = flags
}

func hasWebSuffix(w string) bool {
	for _, s := range [...]string{".com", ".org", ".net", ".htm", ".html", ".edu", ".gov"} {
		if len(w) > len(s) && strings.EqualFold(w[len(w)-len(s):], s) {
			return true
		}
	}
	return false
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

// tagAtom turns a predicted class (or -1 for "none") into a hash input.
func tagAtom(c int) uint64 { return uint64(c + 2) }

// features appends the features of position i to out. a holds the atoms of
// the sentence with two pads on each side (word i is a[i+2]); tags holds the
// classes already predicted for positions < i; right, when not nil, holds the
// first-pass classes of every position.
func features(out []uint64, a []atoms, tags []int, right []int, i int, sentCase uint64) []uint64 {
	mix := perceptron.Mix
	w := &a[i+2]
	m1, m2, p1, p2 := &a[i+1], &a[i], &a[i+3], &a[i+4]
	t1, t2 := -1, -1
	if i >= 1 {
		t1 = tags[i-1]
	}
	if i >= 2 {
		t2 = tags[i-2]
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
		mix(fSuf3M1, m1.suf[2]),
		mix(fSuf3P1, p1.suf[2]),
		mix(fShapeM1, m1.shape),
		mix(fShapeP1, p1.shape),
		mix(fTagM1, tagAtom(t1)),
		mix(fTagM2, tagAtom(t2)),
		perceptron.Mix3(fTagM1M2, tagAtom(t1), tagAtom(t2)),
		perceptron.Mix3(fTagM1Lower, tagAtom(t1), w.lower),
		perceptron.Mix3(fLowerLowerP1, w.lower, p1.lower),
		perceptron.Mix3(fLowerM1Lower, m1.lower, w.lower),
		perceptron.Mix3(fLowerP1P2, p1.lower, p2.lower),
		perceptron.Mix3(fTagM1Suf3, tagAtom(t1), w.suf[2]),
		perceptron.Mix3(fTagM1Shape, tagAtom(t1), w.shape),
		mix(fAmb, w.amb),
		mix(fAmbP1, p1.amb),
		mix(fAmbP2, p2.amb),
		perceptron.Mix3(fTagM1AmbP1, tagAtom(t1), p1.amb),
		perceptron.Mix3(fAmbAmbP1, w.amb, p1.amb),
		perceptron.Mix3(fSentCase, sentCase, w.shape),
		perceptron.Mix3(fSentCaseLower, sentCase, w.lower),
	)
	if w.lowerAmb != 0 {
		out = append(out, perceptron.Mix3(fLowerAmb, w.lowerAmb, w.amb))
	}
	for k := 0; k < 5; k++ {
		if w.pre[k] != 0 {
			out = append(out, mix(preTemplates[k], w.pre[k]))
		}
		if w.suf[k] != 0 {
			out = append(out, mix(sufTemplates[k], w.suf[k]))
		}
	}
	if right != nil {
		r1, r2 := -1, -1
		if i+1 < len(right) {
			r1 = right[i+1]
		}
		if i+2 < len(right) {
			r2 = right[i+2]
		}
		out = append(out,
			mix(fTagP1, tagAtom(r1)),
			mix(fTagP2, tagAtom(r2)),
			perceptron.Mix3(fTagP1P2, tagAtom(r1), tagAtom(r2)),
			perceptron.Mix3(fTagM1P1, tagAtom(t1), tagAtom(r1)),
			perceptron.Mix3(fTagP1Lower, tagAtom(r1), w.lower),
			mix(fTagP0, tagAtom(right[i])),
			perceptron.Mix3(fTagP0P1, tagAtom(right[i]), tagAtom(r1)),
			perceptron.Mix3(fTagM1P0, tagAtom(t1), tagAtom(right[i])),
			perceptron.Mix3(fTagP0Suf3, tagAtom(right[i]), w.suf[2]),
		)
	}
	return out
}

// sentenceCase sums up the capitalisation of a sentence: 1 when most words
// with letters start with a capital (a title or headline), 2 when they are
// all upper case, 0 otherwise.
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
		if f&flagAllUpper != 0 {
			caps++
		}
	}
	switch {
	case words >= 3 && caps*10 >= words*8:
		return 2
	case words >= 3 && upper*10 >= words*6:
		return 1
	}
	return 0
}
