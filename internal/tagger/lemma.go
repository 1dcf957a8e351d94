package tagger

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dyad-news/dyad/internal/conllu"
)

// The lemmatiser looks a word up in a (form, XPOS) → lemma table learned from
// the treebank; failing that it tries the lower-cased form, then a list of
// irregular verbs, then the longest learned suffix rewrite rule for the tag
// ("-ies"/NNS → "-y"). As in EWT, lemmas are lower case except for proper
// nouns, which keep their case ("Iraqis"/NNPS → "Iraqi").

type lemmaKey struct{ form, xpos string }

type ruleKey struct{ xpos, suffix string }

// rule rewrites a word by removing its last strip bytes and appending add.
type rule struct {
	strip int
	add   string
}

// lemmatizer holds the (form, XPOS) → lemma table and the (XPOS, suffix)
// → rule table, split by XPOS so that a lookup hashes one string instead of
// a pair.
type lemmatizer struct {
	byTag          map[string]*tagLemmas
	nForms, nRules int
}

// tagLemmas are the lemma table and suffix rules of one XPOS.
type tagLemmas struct {
	forms map[string]string
	rules map[string]rule
}

func newLemmatizer() *lemmatizer { return &lemmatizer{byTag: map[string]*tagLemmas{}} }

func (l *lemmatizer) tag(xpos string) *tagLemmas {
	tl, ok := l.byTag[xpos]
	if !ok {
		tl = &tagLemmas{forms: map[string]string{}, rules: map[string]rule{}}
		l.byTag[xpos] = tl
	}
	return tl
}

// setForm sets the lemma of form tagged xpos.
func (l *lemmatizer) setForm(form, xpos, lemma string) {
	tl := l.tag(xpos)
	if _, ok := tl.forms[form]; !ok {
		l.nForms++
	}
	tl.forms[form] = lemma
}

// setRule sets the rule of a suffix for xpos.
func (l *lemmatizer) setRule(xpos, suffix string, r rule) {
	tl := l.tag(xpos)
	if _, ok := tl.rules[suffix]; !ok {
		l.nRules++
	}
	tl.rules[suffix] = r
}

// formKeys returns the (form, XPOS) pairs of the lemma table, sorted.
func (l *lemmatizer) formKeys() []lemmaKey {
	keys := make([]lemmaKey, 0, l.nForms)
	for x, tl := range l.byTag {
		for f := range tl.forms {
			keys = append(keys, lemmaKey{f, x})
		}
	}
	sortLemmaKeys(keys)
	return keys
}

// ruleKeys returns the (XPOS, suffix) pairs of the rules, sorted.
func (l *lemmatizer) ruleKeys() []ruleKey {
	keys := make([]ruleKey, 0, l.nRules)
	for x, tl := range l.byTag {
		for s := range tl.rules {
			keys = append(keys, ruleKey{x, s})
		}
	}
	sortRuleKeys(keys)
	return keys
}

// form returns the lemma of a form in the table; tl may be nil.
func (tl *tagLemmas) form(f string) (string, bool) {
	if tl == nil {
		return "", false
	}
	lem, ok := tl.forms[f]
	return lem, ok
}

// rule returns the rule keyed on a suffix; tl may be nil.
func (tl *tagLemmas) rule(suffix string) (rule, bool) {
	if tl == nil {
		return rule{}, false
	}
	r, ok := tl.rules[suffix]
	return r, ok
}

// maxRuleSuffix is the longest suffix (in runes) a rewrite rule is keyed on.
const maxRuleSuffix = 6

// minRuleSupport is the number of word types a suffix rule must explain.
const minRuleSupport = 2

func isProper(xpos string) bool { return xpos == "NNP" || xpos == "NNPS" }

// keepsCase reports whether lemmas of the tag keep the word's case: proper
// nouns and web addresses.
func keepsCase(xpos string) bool { return isProper(xpos) || xpos == "ADD" }

// normalForm is the form a lemma is derived from: the word itself for proper
// nouns, its lower case otherwise.
func normalForm(word, xpos string) string {
	if keepsCase(xpos) {
		return word
	}
	return lowerASCII(word)
}

// lowerASCII lower-cases s, returning s itself when it has no upper-case
// letter (so the common case does not allocate).
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
	}
	return s
}

// lemma returns the lemma of word tagged xpos.
func (l *lemmatizer) lemma(word, xpos string) string {
	if word == "" {
		return ""
	}
	tl := l.byTag[xpos]
	if lem, ok := tl.form(word); ok {
		return lem
	}
	norm := normalForm(word, xpos)
	if !keepsCase(xpos) {
		if norm != word {
			if lem, ok := tl.form(norm); ok {
				return lem
			}
		}
		if xpos == "VBD" || xpos == "VBN" {
			if base, ok := irregularVerbs[norm]; ok {
				return base
			}
			// A past form the treebank has only with the other past tag
			// ("denied"/VBD for "denied"/VBN) has the same lemma.
			other := "VBN"
			if xpos == "VBN" {
				other = "VBD"
			}
			if lem, ok := l.byTag[other].form(norm); ok {
				return lem
			}
		}
	}
	suf := lowerASCII(norm)
	n := utf8.RuneCountInString(suf)
	for k := min(n, maxRuleSuffix); k >= 0; k-- {
		if r, ok := tl.rule(suffixRunes(suf, k)); ok {
			if r.strip < len(norm) {
				return norm[:len(norm)-r.strip] + r.add
			}
			break
		}
	}
	return norm
}

// trainLemmatizer learns the lemma table and the suffix rules from the
// ordinary words of sents.
func trainLemmatizer(sents []*conllu.Sentence) *lemmatizer {
	type triple struct{ form, xpos, lemma string }
	counts := map[triple]int{}
	for _, s := range sents {
		for _, w := range s.Words() {
			if w.Lemma == "_" || w.Lemma == "" {
				continue
			}
			counts[triple{w.Form, w.XPOS, w.Lemma}]++
		}
	}
	// Most frequent lemma per (form, xpos); ties go to the smaller lemma so
	// that the result does not depend on map order.
	type best struct {
		lemma string
		n     int
	}
	pick := map[lemmaKey]best{}
	for t, n := range counts {
		k := lemmaKey{t.form, t.xpos}
		b, ok := pick[k]
		if !ok || n > b.n || n == b.n && t.lemma < b.lemma {
			pick[k] = best{t.lemma, n}
		}
	}
	table := make(map[lemmaKey]string, len(pick))
	for k, b := range pick {
		table[k] = b.lemma
	}
	// Suffix rules, counted over word types.
	type ruleCount struct {
		ruleKey
		rule
	}
	rc := map[ruleCount]int{}
	for k, lem := range table {
		norm := normalForm(k.form, k.xpos)
		p := commonPrefix(norm, lem)
		if p == 0 && len(norm) > 0 {
			continue // suppletive ("went" → "go"): not a suffix rule
		}
		r := rule{strip: len(norm) - p, add: lem[p:]}
		suf := lowerASCII(norm)
		n := utf8.RuneCountInString(suf)
		for s := 0; s <= min(n, maxRuleSuffix); s++ {
			key := suffixRunes(suf, s)
			// A rule is keyed only on suffixes longer than what it strips,
			// so that its context includes the letter before the cut
			// ("robbed" → "rob" teaches "-bbed", not "-bed").
			if len(key) <= r.strip && len(key) < len(suf) {
				continue
			}
			rc[ruleCount{ruleKey{k.xpos, key}, r}]++
		}
	}
	type cand struct {
		rule
		n int
	}
	support := map[ruleKey]int{}
	for k, n := range rc {
		support[k.ruleKey] += n
	}
	bestRule := map[ruleKey]cand{}
	keys := make([]ruleCount, 0, len(rc))
	for k := range rc {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.xpos != b.xpos {
			return a.xpos < b.xpos
		}
		if a.suffix != b.suffix {
			return a.suffix < b.suffix
		}
		if a.strip != b.strip {
			return a.strip < b.strip
		}
		return a.add < b.add
	})
	for _, k := range keys {
		n := rc[k]
		if c, ok := bestRule[k.ruleKey]; !ok || n > c.n {
			bestRule[k.ruleKey] = cand{k.rule, n}
		}
	}
	l := newLemmatizer()
	for k, lem := range table {
		l.setForm(k.form, k.xpos, lem)
	}
	for k, c := range bestRule {
		// A rule keyed on a long suffix must have been seen more than once;
		// one word type is no evidence ("Sept." → "September" must not turn
		// "Capt." into "Captember").
		if k.suffix != "" && c.n < minRuleSupport {
			continue
		}
		_ = support
		l.setRule(k.xpos, k.suffix, c.rule)
	}
	return l
}

func commonPrefix(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	// Do not split a multi-byte rune.
	for i > 0 && i < len(a) && !utf8.RuneStart(a[i]) {
		i--
	}
	return i
}
