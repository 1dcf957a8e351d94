package quotes

import (
	"sort"
	"strings"

	"github.com/dyad-news/dyad/internal/doc"
)

// group is one direct quotation: one pair of marks, or several when the
// quotation runs over paragraph breaks.
type group struct {
	parts []pair
}

func (g group) open() doc.Span  { return g.parts[0].Open }
func (g group) close() doc.Span { return g.parts[len(g.parts)-1].Close }
func (g group) inner() doc.Span { return doc.Span{Start: g.open().End, End: g.close().Start} }
func (g group) outer() doc.Span { return doc.Span{Start: g.open().Start, End: g.close().End} }

// cand is a quotation being built.
type cand struct {
	doc.Quote
	para   int
	direct bool // from quotation marks
	cueTok int  // token index of the cue, or -1
	grp    int  // index of the direct group, or -1
	noCue  bool // a direct quotation with no cue of its own
	drop   bool
	outer  doc.Span
}

// finder holds the state of one document's search.
type finder struct {
	t      *tree
	d      *doc.Doc
	paras  []paragraph
	groups []group
	cands  []cand
	used   map[int]bool // cue tokens already taken
}

func find(t *tree) []doc.Quote {
	f := &finder{t: t, d: t.d, paras: paragraphs(t.d.Text), used: map[int]bool{}}
	f.groupPairs(pairs(f.d.Text, f.paras))
	for gi := range f.groups {
		f.direct(gi)
	}
	f.indirect()
	sort.SliceStable(f.cands, func(a, b int) bool { return f.cands[a].Start < f.cands[b].Start })
	f.continueSpeakers()
	f.joinSplit()
	out := make([]doc.Quote, 0, len(f.cands))
	for _, c := range f.cands {
		if c.drop || c.Span.Len() <= 0 {
			continue
		}
		out = append(out, c.Quote)
	}
	return out
}

// groupPairs joins pairs continued over paragraph breaks and marks the
// tokens inside each group.
func (f *finder) groupPairs(ps []pair) {
	for _, p := range ps {
		if p.Cont && len(f.groups) > 0 {
			g := &f.groups[len(f.groups)-1]
			if last := g.parts[len(g.parts)-1]; last.Unclosed && last.Para == p.Para-1 {
				g.parts = append(g.parts, p)
				continue
			}
		}
		f.groups = append(f.groups, group{parts: []pair{p}})
	}
	for gi, g := range f.groups {
		o := g.outer()
		for k := f.firstTokAt(o.Start); k < len(f.d.Tokens) && f.d.Tokens[k].Start < o.End; k++ {
			f.t.inQuote[k] = int32(gi)
		}
	}
}

// firstTokAt returns the first token starting at or after byte off.
func (f *finder) firstTokAt(off int) int {
	return sort.Search(len(f.d.Tokens), func(i int) bool { return f.d.Tokens[i].Start >= off })
}

// lastTokBefore returns the last token ending at or before byte off, or -1.
func (f *finder) lastTokBefore(off int) int {
	return sort.Search(len(f.d.Tokens), func(i int) bool { return f.d.Tokens[i].End > off }) - 1
}

// paraOf returns the index of the paragraph holding byte off.
func (f *finder) paraOf(off int) int {
	i := sort.Search(len(f.paras), func(i int) bool { return f.paras[i].End > off })
	if i >= len(f.paras) {
		return len(f.paras) - 1
	}
	return i
}

// reporting returns the lemma and class of token i when it is a reporting
// verb.
func (f *finder) reporting(i int) (string, verbClass, bool) {
	tk := f.d.Tokens[i]
	if tk.UPOS != "VERB" && !(tk.UPOS == "NOUN" && (tk.Form == "says" || tk.Form == "said")) {
		return "", 0, false
	}
	l, c, ok := verbLemma(tk.Form, tk.Lemma)
	if !ok {
		return "", 0, false
	}
	if r := tk.DepRel; r == "amod" || r == "compound" {
		return "", 0, false // "pledged delegates"
	}
	if strings.EqualFold(tk.Form, "pledged") && i+1 < len(f.d.Tokens) && strings.EqualFold(f.d.Tokens[i+1].Form, "delegates") {
		return "", 0, false // "pledged delegates" tagged as a verb
	}
	if strings.EqualFold(tk.Form, "states") && !(i+1 < len(f.d.Tokens) && strings.EqualFold(f.d.Tokens[i+1].Form, "that")) {
		return "", 0, false // "two dozen states open balloting"
	}
	if i > 0 && f.d.Tokens[i-1].End == tk.Start && strings.HasSuffix(f.d.Tokens[i-1].Form, "-") || i > 1 && f.d.Tokens[i-1].Form == "-" && f.d.Tokens[i-1].End == tk.Start {
		return "", 0, false // "so-called", "self-described"
	}
	if l == "point" && f.t.child(i, "compound:prt") < 0 && !(i+1 < len(f.d.Tokens) && f.d.Tokens[i+1].Form == "out") {
		return "", 0, false
	}
	return l, c, true
}

// cueSpan returns the cue of reporting verb v: the verb with its particle
// ("pointed out").
func (f *finder) cueSpan(v int) doc.Span {
	s := f.d.Tokens[v].Span()
	if p := f.t.child(v, "compound:prt"); p == v+1 {
		s.End = f.d.Tokens[p].End
	}
	return s
}

// wordCount counts the non-punctuation tokens in [lo, hi).
func (f *finder) wordCount(lo, hi int) int {
	n := 0
	for k := lo; k < hi; k++ {
		if !f.t.isPunct(k) {
			n++
		}
	}
	return n
}

// direct attributes direct group gi.
func (f *finder) direct(gi int) {
	g := f.groups[gi]
	d := f.d
	in := g.inner()
	ti0 := f.firstTokAt(in.Start)
	ti1 := f.lastTokBefore(in.End)
	if ti0 >= len(d.Tokens) || ti1 < ti0 {
		return
	}
	c := cand{Quote: doc.Quote{Span: trimSpace(d.Text, in), Kind: "direct", Chain: -1}, para: g.parts[0].Para,
		direct: true, cueTok: -1, grp: gi, outer: g.outer()}
	c.Sentence = d.Tokens[ti0].Sentence
	words := f.wordCount(ti0, ti1+1)
	// Tokens before the opening mark in its sentence.
	openTok := f.firstTokAt(g.open().Start)
	sent := d.Sentences[d.Tokens[ti0].Sentence]
	if openTok < len(d.Tokens) && d.Tokens[openTok].Sentence != d.Tokens[ti0].Sentence && openTok < ti0 {
		sent = d.Sentences[d.Tokens[openTok].Sentence]
	}
	before := f.wordCount(sent.First, min(openTok, len(d.Tokens)))
	// The last word before the opening mark.
	prev := openTok - 1
	for prev >= sent.First && (d.Tokens[prev].Start >= g.open().Start) {
		prev--
	}
	colon := prev >= sent.First && d.Tokens[prev].Form == ":"
	for prev >= sent.First && f.t.isPunct(prev) {
		prev--
	}
	introduced := false // "X said: "...", "X said "..."
	viaThat := false    // "X said that "...""
	if prev >= sent.First {
		if _, cls, ok := f.reporting(prev); ok && cls&speech != 0 {
			introduced = true
		} else if lw := strings.ToLower(d.Tokens[prev].Form); lw == "that" && prev > sent.First {
			viaThat = true
		}
	}
	if f.splitContinuation(g) {
		// The second part of a split quotation, unless it has a cue of
		// its own (""...," he added.").
		if !f.after(&c, g, ti1) {
			c.noCue = true
		}
		if c.cueTok >= 0 {
			f.used[c.cueTok] = true
		}
		f.cands = append(f.cands, c)
		return
	}
	switch {
	case before == 0:
		// The quotation opens its sentence: the cue follows
		// (""...," Peskov said") or ended the sentence before
		// ("Peskov said:").
		if f.after(&c, g, ti1) || f.colonBefore(&c, openTok) || f.prevSentence(&c, openTok) || f.dashLine(&c, g) {
			break
		}
		c.noCue = true
	case viaThat && f.embedded(&c, g, ti0, ti1, words):
		// A partial quotation: the reported clause is the content.
	case colon && prev >= sent.First && titleNouns[strings.ToLower(d.Tokens[prev].Form)]:
		return // "under the headline: "Harry the Nazi."": a title, not speech
	case colon || introduced || viaThat:
		if f.verbBefore(&c, sent.First, openTok, true) {
			if introduced {
				f.runOn(&c, g, ti1)
			}
			break
		}
		if colon && f.headline(&c, sent.First, prev) {
			break
		}
		if f.after(&c, g, ti1) {
			break
		}
		c.noCue = true
	default:
		// Words before the quotation: a partial quotation inside reported
		// speech, a quoted phrase pinned on someone, or a scare quote.
		if f.embedded(&c, g, ti0, ti1, words) {
			break
		}
		if words >= 4 && !f.looksLikeTitle(ti0, ti1) && f.after(&c, g, ti1) {
			// "the plan was "dead on arrival," Smith said": the content
			// starts with the sentence.
			lo, _, _ := f.t.trim(sent.First, ti0)
			if lo < ti0 {
				c.Span.Start = d.Tokens[lo].Start
				c.Kind = "mixed"
			}
			break
		}
		if f.headlineMixed(&c, g, ti0) {
			break
		}
		if prev >= sent.First && d.Tokens[prev+1].Form == "," && words >= 3 && f.verbBefore(&c, sent.First, openTok, false) {
			break // "Sanders asks at Western High School, "Any questions?""
		}
		return // a title, a name or a scare quote: not speech
	}
	if c.cueTok >= 0 {
		f.used[c.cueTok] = true
	}
	f.cands = append(f.cands, c)
}

// runOn extends a quotation introduced by its verb ("Sanders says "the
// wind is at our backs" despite his loss") to the end of the reported
// clause when the sentence goes on after the closing mark.
func (f *finder) runOn(c *cand, g group, ti1 int) {
	d := f.d
	k := f.firstTokAt(g.close().End)
	if k >= len(d.Tokens) || d.Tokens[k].Sentence != d.Tokens[ti1].Sentence || f.t.isPunct(k) || f.t.inQuote[k] >= 0 {
		return
	}
	if _, _, ok := f.reporting(k); ok || k+1 < len(d.Tokens) && isNominal(d.Tokens[k].UPOS) && func() bool { _, _, ok := f.reporting(k + 1); return ok }() {
		return // a cue of its own after the quotation
	}
	e := f.clauseEnd(k)
	if e <= k || f.wordCount(k, e+1) < 2 {
		return
	}
	c.Span.End = d.Tokens[e].End
	c.Kind = "mixed"
}

// splitContinuation reports whether group g is the second part of a split
// quotation: the quotation before it, in the same paragraph, has its cue
// between the two (""First part," Peskov said. "Second part."").
func (f *finder) splitContinuation(g group) bool {
	if len(f.cands) == 0 {
		return false
	}
	p := f.cands[len(f.cands)-1]
	if !p.direct || p.cueTok < 0 || p.grp < 0 {
		return false
	}
	pg := f.groups[p.grp]
	if pg.parts[len(pg.parts)-1].Para != g.parts[0].Para {
		return false
	}
	cue := f.d.Tokens[p.cueTok].Start
	if cue < pg.close().End || cue >= g.open().Start {
		return false
	}
	return f.wordCount(f.firstTokAt(pg.close().End), f.firstTokAt(g.open().Start)) <= maxSplitWords
}

// maxSplitWords bounds the words between the parts of a split quotation.
const maxSplitWords = 20

// after looks for the cue after the closing mark: ""...," Peskov said",
// ""...," said Peskov", ""...", he told reporters".
func (f *finder) after(c *cand, g group, ti1 int) bool {
	d := f.d
	k := f.firstTokAt(g.close().End)
	if k >= len(d.Tokens) {
		return false
	}
	sentIdx := d.Tokens[min(ti1, len(d.Tokens)-1)].Sentence
	stop := len(d.Tokens)
	if nextOpen := f.nextGroupStart(g); nextOpen >= 0 {
		stop = f.firstTokAt(nextOpen)
	}
	para := f.paraOf(g.close().Start)
	// A quotation that ends its sentence with a full stop (""We are
	// ready." Peskov said.") takes a cue after it only in the tight frame
	// where the cue ends the sentence: "Mr Howard acknowledged the
	// apology" after it is a sentence of its own.
	fullStop := false
	if e := f.lastTokBefore(g.close().Start); e >= 0 && e < len(d.Tokens) && d.Tokens[e].Form == "." {
		fullStop = true
	}
	seen := 0
	for i := k; i < stop && seen < 12; i++ {
		tk := d.Tokens[i]
		if tk.Sentence != sentIdx && tk.Sentence != d.Tokens[k].Sentence {
			break
		}
		if f.paraOf(tk.Start) != para {
			break
		}
		if tk.Form == "." || tk.Form == "!" || tk.Form == "?" || tk.Form == ";" {
			break
		}
		if _, cls, ok := f.reporting(i); ok && cls&(speech|label) != 0 && !f.used[i] {
			if fullStop && (i+1 >= len(d.Tokens) || (d.Tokens[i+1].Form != "." && d.Tokens[i+1].Form != ",")) {
				return false
			}
			s := f.subject(i)
			if s < 0 || (s < k || s > i+8) {
				s = f.nearNominal(k, i)
			}
			c.Cue = f.cueSpan(i)
			c.cueTok = i
			c.Sentence = tk.Sentence
			f.setSpeaker(c, s)
			f.setAddressee(c, i)
			return true
		}
		if !f.t.isPunct(i) {
			seen++
		}
	}
	return f.anyVerbAfter(c, k, stop)
}

// anyVerbAfter accepts any verb as the cue in the tight frame
// ""...," Hannity pressed." / ""...," she laughed.": a short noun phrase and
// a verb that ends the sentence.
func (f *finder) anyVerbAfter(c *cand, k, stop int) bool {
	d := f.d
	for k < stop && f.t.isPunct(k) {
		k++
	}
	subj := -1
	for i := k; i < stop && i < k+5; i++ {
		tk := d.Tokens[i]
		switch tk.UPOS {
		case "PROPN", "NOUN", "PRON":
			subj = i
			continue
		case "DET", "ADJ":
			continue
		case "VERB":
			if subj < 0 || tk.XPOS != "VBD" && tk.XPOS != "VBZ" && tk.XPOS != "VBN" {
				return false
			}
			end := i + 1
			for end < len(d.Tokens) && d.Tokens[end].Sentence == tk.Sentence && (d.Tokens[end].UPOS == "ADV" || d.Tokens[end].UPOS == "ADP") && end < i+3 {
				end++
			}
			if end < len(d.Tokens) && d.Tokens[end].Sentence == tk.Sentence && !f.t.isPunct(end) {
				return false
			}
			c.Cue = tk.Span()
			c.cueTok = i
			c.Sentence = tk.Sentence
			f.setSpeaker(c, subj)
			return true
		}
		return false
	}
	return false
}

// nextGroupStart returns the opening of the direct group after g, or -1.
func (f *finder) nextGroupStart(g group) int {
	end := g.close().End
	i := sort.Search(len(f.groups), func(i int) bool { return f.groups[i].open().Start >= end })
	if i < len(f.groups) {
		return f.groups[i].open().Start
	}
	return -1
}

// nearNominal finds the speaker between the closing mark and the verb
// (""...," the minister said") or right after the verb (""...," said
// the minister").
func (f *finder) nearNominal(from, verb int) int {
	d := f.d
	for i := verb - 1; i >= from; i-- {
		if isNominal(d.Tokens[i].UPOS) {
			return i
		}
	}
	s := d.Tokens[verb].Sentence
	for i := verb + 1; i < len(d.Tokens) && i <= verb+6 && d.Tokens[i].Sentence == s; i++ {
		tk := d.Tokens[i]
		if tk.Form == "," || tk.Form == "." {
			break
		}
		if isNominal(tk.UPOS) || capitalised(tk.Form) && tk.UPOS != "DET" {
			// The head of the phrase: the last noun of a run; a
			// capitalised word is a name whatever its tag ("said Cuban").
			for i+1 < len(d.Tokens) && (d.Tokens[i+1].UPOS == "PROPN" || d.Tokens[i+1].UPOS == "NOUN") && d.Tokens[i+1].Sentence == s {
				i++
			}
			return i
		}
	}
	return -1
}

func isNominal(upos string) bool { return upos == "PROPN" || upos == "NOUN" || upos == "PRON" }

// verbBefore looks for the cue before the opening mark in the same
// sentence: "Peskov said: "...", "He told reporters "...", "Peskov said
// that "...". With near, the verb must be within a few words of the mark.
func (f *finder) verbBefore(c *cand, first, openTok int, near bool) bool {
	limit := first
	if near && openTok-8 > first && f.d.Tokens[openTok-1].Form != ":" {
		limit = openTok - 8
	}
	for i := openTok - 1; i >= limit; i-- {
		if _, cls, ok := f.reporting(i); ok && cls&(speech|label|inContext) != 0 && !f.used[i] {
			c.Cue = f.cueSpan(i)
			c.cueTok = i
			c.Sentence = f.d.Tokens[i].Sentence
			f.setSpeaker(c, f.subject(i))
			f.setAddressee(c, i)
			return true
		}
	}
	// "The ministry's statement: "...""
	for i := openTok - 1; i >= openTok-3 && i >= first && near; i-- {
		if l := nounLemma(f.d.Tokens[i].Form, f.d.Tokens[i].Lemma); l != "" && f.d.Tokens[i].UPOS == "NOUN" {
			c.Cue = f.d.Tokens[i].Span()
			c.cueTok = i
			c.Sentence = f.d.Tokens[i].Sentence
			f.setSpeaker(c, f.nounSpeaker(i))
			return true
		}
	}
	return false
}

// prevSentence takes the cue of a quotation that opens a sentence from
// the end of the sentence before, when that one ends with a speaker and a
// verb: "Iowa State's Dianne Bystrom agreed. "..."" or "the party said in
// a statement. "..."".
func (f *finder) prevSentence(c *cand, openTok int) bool {
	d := f.d
	p := openTok - 1
	for p >= 0 && f.t.isPunct(p) {
		p--
	}
	if p < 0 || f.t.inQuote[p] >= 0 || f.paraOf(d.Tokens[p].Start) < c.para-1 {
		return false
	}
	s := d.Sentences[d.Tokens[p].Sentence]
	for i := p; i >= s.First && i > p-6; i-- {
		tk := d.Tokens[i]
		if tk.UPOS != "VERB" || f.used[i] || f.t.inQuote[i] >= 0 {
			continue
		}
		_, _, rep := f.reporting(i)
		if !rep && tk.XPOS != "VBD" && tk.XPOS != "VBZ" {
			return false
		}
		sp := f.subject(i)
		if sp < 0 || !rep && i-sp > 4 {
			return false
		}
		c.Cue = tk.Span()
		c.cueTok = i
		c.Sentence = tk.Sentence
		f.setSpeaker(c, sp)
		f.setAddressee(c, i)
		return true
	}
	return false
}

// dashLine takes the speaker of a quotation from the line after it that
// names who said it: ""Great speech."" ¶ "-President Obama, tweeting ...".
func (f *finder) dashLine(c *cand, g group) bool {
	p := g.parts[len(g.parts)-1].Para + 1
	if p >= len(f.paras) {
		return false
	}
	k := f.firstTokAt(f.paras[p].Start)
	if k+1 >= len(f.d.Tokens) {
		return false
	}
	switch f.d.Tokens[k].Form {
	case "-", "—", "–", "--":
	default:
		return false
	}
	s := -1
	for i := k + 1; i < len(f.d.Tokens) && i <= k+6 && f.d.Tokens[i].Start < f.paras[p].End; i++ {
		if f.d.Tokens[i].UPOS == "PROPN" {
			s = i
		} else if s >= 0 {
			break
		}
	}
	if s < 0 {
		return false
	}
	c.Cue = f.d.Tokens[k].Span()
	c.cueTok = k
	f.setSpeaker(c, s)
	return true
}

// colonBefore handles a quotation that opens a sentence right after a
// sentence ending in a colon: "Peskov said:" ¶ ""...""
func (f *finder) colonBefore(c *cand, openTok int) bool {
	p := openTok - 1
	if p < 0 || f.d.Tokens[p].Form != ":" {
		return false
	}
	s := f.d.Sentences[f.d.Tokens[p].Sentence]
	if f.verbBefore(c, s.First, p+1, true) {
		return true
	}
	return f.headline(c, s.First, p-1)
}

// headline handles "Kremlin: "We continue..."": a short noun phrase, a
// colon and a quotation.
func (f *finder) headline(c *cand, first, last int) bool {
	if last < first || last-first > 5 {
		return false
	}
	head := -1
	for i := first; i <= last; i++ {
		switch f.d.Tokens[i].UPOS {
		case "VERB", "AUX", "ADP", "SCONJ", "NUM":
			return false
		case "PROPN", "NOUN":
			head = i
		}
	}
	if head < 0 {
		return false
	}
	colon := f.d.Tokens[last+1]
	c.Cue = colon.Span()
	c.cueTok = last + 1
	f.setSpeaker(c, head)
	return true
}

// headlineMixed handles a headline that quotes its speaker in part:
// "Elizabeth Warren: Trump Is a 'Proven Failure' in Business". The whole
// line after the colon is the content.
func (f *finder) headlineMixed(c *cand, g group, ti0 int) bool {
	d := f.d
	p := f.paras[c.para]
	first := f.firstTokAt(p.Start)
	last := f.lastTokBefore(p.End)
	if last-first > 40 {
		return false
	}
	colon := -1
	for k := first; k < ti0 && k <= first+6; k++ {
		if d.Tokens[k].Form == ":" {
			colon = k
			break
		}
	}
	if colon <= first {
		return false
	}
	lo, hi, ok := f.t.trim(colon+1, last)
	if !ok {
		return false
	}
	// The content first, so that the speaker is not looked for in it.
	span := c.Span
	c.Span = doc.Span{Start: d.Tokens[lo].Start, End: max(d.Tokens[hi].End, g.close().End)}
	if !f.headline(c, first, colon-1) {
		c.Span = span
		return false
	}
	c.Kind = "mixed"
	return true
}

// embedded attributes a quotation with words before it in its sentence:
// a reporting verb that governs it makes a partial quotation
// (mixed, with the reported clause as content) or a quoted label
// (a fragment).
func (f *finder) embedded(c *cand, g group, ti0, ti1, words int) bool {
	d := f.d
	// The token of the quotation whose head lies outside it.
	qh := -1
	for i := ti0; i <= ti1; i++ {
		h := d.Tokens[i].Head
		if h < ti0 || h > ti1 {
			qh = i
			break
		}
	}
	if qh < 0 {
		return false
	}
	s := d.Tokens[qh].Sentence
	child := qh
	for h, n := d.Tokens[qh].Head, 0; h >= 0 && n < 10 && d.Tokens[h].Sentence == s; h, n = d.Tokens[h].Head, n+1 {
		if f.t.inQuote[h] >= 0 && int(f.t.inQuote[h]) != c.grp {
			return false
		}
		_, cls, ok := f.reporting(h)
		if !ok && d.Tokens[h].UPOS == "NOUN" && nounLemma(d.Tokens[h].Form, d.Tokens[h].Lemma) != "" && h < ti0 {
			// "his description of the plan as "..."", "the claim that "...""
			c.Cue = d.Tokens[h].Span()
			c.cueTok = h
			f.setSpeaker(c, f.nounSpeaker(h))
			if c.Speaker.Len() == 0 {
				return false
			}
			f.embeddedContent(c, g, h, child, ti0, words)
			return true
		}
		if ok && h < ti0 && !f.used[h] {
			if cls&label == 0 && f.looksLikeTitle(ti0, ti1) {
				return false
			}
			sp := f.subject(h)
			if sp < 0 {
				return false
			}
			c.Cue = f.cueSpan(h)
			c.cueTok = h
			c.Sentence = s
			f.setSpeaker(c, sp)
			f.setAddressee(c, h)
			f.embeddedContent(c, g, h, child, ti0, words)
			return true
		}
		child = h
	}
	return false
}

// embeddedContent sets the content of a partial quotation governed by
// cue token v through its child on the path to the quotation: the words
// after the verb up to the end of the quotation or of the reported clause
// ("said America's view now "largely coincides with our vision"",
// "trashing him as "disrespectful"").
func (f *finder) embeddedContent(c *cand, g group, v, child, ti0, words int) {
	d := f.d
	lo := f.afterVerb(v)
	_, hi := f.t.subtree(child)
	if last := f.d.Sentences[d.Tokens[v].Sentence].Last - 1; hi > last {
		hi = last
	}
	if lo > ti0 {
		lo = ti0
	}
	for k := lo; k < ti0; k++ {
		if strings.EqualFold(d.Tokens[k].Form, "that") {
			lo = k // "said on Tuesday that ...", "told customers at a diner that ..."
			break
		}
		if u := d.Tokens[k].UPOS; u == "VERB" || u == "AUX" {
			break
		}
	}
	if f.isAside(v) {
		// "Vice President Joe Biden, Rubio said, had been in the Senate
		// for "a thousand years"": the whole sentence is reported.
		lo = f.d.Sentences[d.Tokens[v].Sentence].First
	}
	// Reported speech runs to the end of its clause, past further quoted
	// pieces ("said he's "looking forward to it" because "these are
	// matches you play for"", "called the remarks a "new low" and a
	// "bizarre attempt"").
	hi = max(f.clauseEnd(lo), f.lastTokBefore(g.close().End))
	lo, hi, ok := f.t.trim(lo, hi)
	if !ok {
		return
	}
	span := doc.Span{Start: min(d.Tokens[lo].Start, g.open().Start), End: max(d.Tokens[hi].End, g.close().End)}
	if span.Start < g.open().Start || span.End > g.close().End {
		c.Kind = "mixed"
		c.Span = span
	}
	c.Fragment = words <= 4
}

// isAside reports whether reporting verb v and its subject sit between
// commas inside the clause they report: "X, Rubio said, had been ...".
func (f *finder) isAside(v int) bool {
	d := f.d
	if v+1 >= len(d.Tokens) || d.Tokens[v+1].Form != "," {
		return false
	}
	s := d.Sentences[d.Tokens[v].Sentence]
	for k := v - 1; k > s.First && k >= v-5; k-- {
		if d.Tokens[k].Form == "," {
			return k-s.First >= 2
		}
		if !isNominal(d.Tokens[k].UPOS) && d.Tokens[k].UPOS != "DET" && d.Tokens[k].UPOS != "ADJ" && d.Tokens[k].UPOS != "ADV" && d.Tokens[k].UPOS != "AUX" {
			return false
		}
	}
	return false
}

// afterVerb returns the first token of what reporting verb v reports:
// the token after it, past its particle, punctuation and the addressee
// of "tell".
func (f *finder) afterVerb(v int) int {
	d := f.d
	k := v + 1
	if p := f.t.child(v, "compound:prt"); p == k {
		k++
	}
	for k < len(d.Tokens) && f.t.isPunct(k) && !f.t.isQuoteMark(k) {
		k++
	}
	if k < len(d.Tokens) && d.Tokens[v].Lemma == "tell" {
		if o := f.t.child(v, "obj"); o >= k && f.t.inQuote[o] < 0 {
			if _, hi := f.t.npSpan(o); hi+1 < len(d.Tokens) {
				k = hi + 1
			}
		}
	}
	return k
}

// looksLikeTitle reports whether the quoted words ti0..ti1 look like the
// title of a show, a book or a law rather than words someone said: every
// word capitalised ("This Week with George Stephanopoulos", "Made in the
// U.S.A.").
func (f *finder) looksLikeTitle(ti0, ti1 int) bool {
	caps, words := 0, 0
	for i := ti0; i <= ti1; i++ {
		tk := f.d.Tokens[i]
		if f.t.isPunct(i) {
			continue
		}
		words++
		r := f.d.Text[tk.Start]
		if r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			caps++
		} else if len(tk.Form) > 3 {
			return false
		}
	}
	return words > 0 && words <= 8 && caps*2 > words
}

// trimSpace narrows s to exclude white space at either end.
func trimSpace(text string, s doc.Span) doc.Span {
	for s.Start < s.End && (text[s.Start] == ' ' || text[s.Start] == '\n' || text[s.Start] == '\t') {
		s.Start++
	}
	for s.End > s.Start && (text[s.End-1] == ' ' || text[s.End-1] == '\n' || text[s.End-1] == '\t') {
		s.End--
	}
	return s
}
