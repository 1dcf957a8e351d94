package quotes

import (
	"strings"

	"github.com/dyad-news/dyad/internal/doc"
)

// indirect finds reported speech: reporting verbs with a complement
// ("Peskov clarified that no talks were scheduled", "Talks will continue,
// Peskov said"), reporting nouns with a that-clause ("the ministry's
// statement that ..."), and "according to X".
func (f *finder) indirect() {
	d, t := f.d, f.t
	for v := range d.Tokens {
		if t.inQuote[v] >= 0 {
			continue
		}
		tk := d.Tokens[v]
		if strings.EqualFold(tk.Form, "according") && v+1 < len(d.Tokens) && strings.EqualFold(d.Tokens[v+1].Form, "to") {
			f.accordingTo(v)
			continue
		}
		if tk.UPOS == "NOUN" {
			f.reportingNoun(v)
			continue
		}
		_, cls, ok := f.reporting(v)
		if !ok || v > 0 && strings.EqualFold(d.Tokens[v-1].Form, "that") && v+1 < len(d.Tokens) && d.Tokens[v+1].Form == "," {
			continue // "That said, ..."
		}
		if f.passive(v) {
			continue // "when voters were asked who ...": the asker is not named
		}
		lo, hi, s := -1, -1, -1
		aside := false // "CLAUSE, he says, CLAUSE": the speaker sits inside
		if l, h, ok := f.callFor(v); ok {
			// "Trump called for a boycott", "called on Congress to act"
			lo, hi = l, h
		} else if l, h, ok := f.asReported(v); ok && cls&speech != 0 {
			// "As The Hill reported, Trump was also accused ..."
			lo, hi = l, h
		} else if l, h, sp, ok := f.postposed(v); ok && cls&speech != 0 {
			// "Talks will continue, Peskov said." / "..., said Peskov."
			lo, hi, s = l, h, sp
			aside = sp >= l && sp <= h
		} else if l, h, ok := f.thatClause(v); ok && cls&(speech|inContext) != 0 {
			lo, hi = l, h
		} else if c := t.child(v, "ccomp"); c >= 0 && c > v && cls&(speech|inContext) != 0 {
			lo, hi = t.subtree(c)
			if lo <= f.afterVerb(v)+1 {
				hi = f.clauseEnd(lo)
			}
		} else if x := t.child(v, "xcomp"); x >= 0 && x > v && cls&xcompContent != 0 && d.Tokens[x].UPOS == "VERB" {
			// "urged Congress to act", "asking him to probe claims ..."
			lo, hi = t.subtree(x)
			if d.Tokens[v].Lemma != "tell" {
				lo = min(lo, f.afterVerb(v))
			}
			hi = max(hi, f.clauseEnd(lo))
		} else if l, h, ok := f.toClause(v); ok && cls&xcompContent != 0 {
			// "urged the senator to apologize" when the parse missed it
			lo, hi = l, h
		} else if l, h, ok := f.bareClause(v); ok && cls&speech != 0 {
			// "Mr. Hecht said smugglers dig tunnels ..."
			lo, hi = l, h
		} else if o := t.child(v, "obj"); o >= 0 && o > v && cls&objContent != 0 && d.Tokens[o].UPOS == "NOUN" && !timeWords[strings.ToLower(d.Tokens[o].Lemma)] {
			lo, hi = t.subtree(o)
		}
		if lo < 0 || hi < lo {
			continue
		}
		var ok2 bool
		if lo, hi, ok2 = t.trim(lo, hi); !ok2 || f.wordCount(lo, hi+1) < 2 {
			continue
		}
		if s < 0 {
			s = f.subject(v)
		}
		if s < 0 || t.inQuote[s] >= 0 && !f.inSameQuote(s, v) || s >= lo && s <= hi && !aside {
			continue
		}
		c := cand{Quote: doc.Quote{Span: t.span(lo, hi), Kind: "indirect", Chain: -1, Sentence: tk.Sentence},
			para: f.paraOf(tk.Start), cueTok: v, grp: -1}
		c.Cue = f.cueSpan(v)
		f.setSpeaker(&c, s)
		f.setAddressee(&c, v)
		f.addIndirect(c)
	}
}

// reportsNext reports whether a new reporting clause starts at token k:
// a subject and a finite reporting verb before the next comma.
func (f *finder) reportsNext(k int) bool {
	d := f.d
	s := d.Sentences[d.Tokens[k].Sentence]
	for j := k + 1; j < s.Last && j <= k+8; j++ {
		tk := d.Tokens[j]
		if tk.Form == "," || f.t.inQuote[j] >= 0 {
			return false
		}
		if _, _, ok := f.reporting(j); ok && (tk.XPOS == "VBD" || tk.XPOS == "VBZ" || tk.XPOS == "VBP") {
			return isNominal(d.Tokens[j-1].UPOS) || d.Tokens[j-1].UPOS == "NUM"
		}
	}
	return false
}

// postposed recognises a reporting verb placed after what it reports:
// "CLAUSE, NP said [to X]." or "CLAUSE, said NP." at the end of a
// sentence, and "CLAUSE, NP said, CLAUSE." inside one. It returns the
// content and the speaker token, relying on word order rather than the
// parse.
func (f *finder) postposed(v int) (lo, hi, speaker int, ok bool) {
	d := f.d
	s := d.Sentences[d.Tokens[v].Sentence]
	// The comma before the speaker (or right before an inverted verb).
	comma := -1
	for k := v - 1; k >= s.First && k >= v-12; k-- {
		tk := d.Tokens[k]
		if tk.Form == "," {
			comma = k
			break
		}
		if tk.UPOS == "VERB" || tk.UPOS == "SCONJ" || f.t.isPunct(k) || f.t.inQuote[k] >= 0 {
			return 0, 0, 0, false
		}
	}
	if comma < 0 || comma-s.First < 3 || f.t.inQuote[comma-1] >= 0 {
		return 0, 0, 0, false
	}
	if x := d.Tokens[v].XPOS; x == "VBG" || x == "VB" || x == "VBN" && (v == 0 || d.Tokens[v-1].UPOS == "AUX") {
		// "..., saying ..." reports the subject of the clause before.
		return 0, 0, 0, false
	}
	inverted := comma == v-1
	if inverted {
		speaker = -1
		for k := v + 1; k < s.Last && k <= v+4; k++ {
			if u := d.Tokens[k].UPOS; u == "PROPN" || u == "NOUN" {
				speaker = k
				for speaker+1 < s.Last && (d.Tokens[speaker+1].UPOS == "PROPN" || d.Tokens[speaker+1].UPOS == "NOUN") {
					speaker++
				}
				break
			}
		}
		// "..., said Dan Gerstein, a consultant." — not "Aftergood, who
		// heads a project, said he thought ...".
		if speaker < 0 || speaker+1 < s.Last && !f.t.isPunct(speaker+1) {
			return 0, 0, 0, false
		}
		if ns := f.child(v, "nsubj"); ns >= 0 && ns < comma {
			return 0, 0, 0, false
		}
	} else {
		speaker = -1
		for k := v - 1; k > comma; k-- {
			if isNominal(d.Tokens[k].UPOS) {
				speaker = k
				break
			}
		}
		// After the verb: an addressee and a time, then the end or a
		// comma that resumes the clause.
		for k := v + 1; k < s.Last; k++ {
			tk := d.Tokens[k]
			if tk.Form == "," && k+1 < s.Last && !f.t.isPunct(k+1) {
				if _, _, rep := f.reporting(k + 1); rep && d.Tokens[k+1].XPOS == "VBG" {
					break // "CLAUSE, Manafort said, adding that ..."
				}
				if f.hasFiniteVerb(s.First, comma) || d.Tokens[k+1].UPOS == "CCONJ" {
					break // "Clinton won, the AP declared on Thursday, two days after ..."
				}
				// "In his state, Christie said, offenders are sent ..."
				lo, hi, ok = f.t.trim(s.First, f.clauseEnd(k+1))
				return lo, hi, speaker, ok && speaker >= 0
			}
			fin := tk.XPOS == "VBD" || tk.XPOS == "VBZ" || tk.XPOS == "VBP" || tk.XPOS == "MD"
			if (tk.UPOS == "VERB" || tk.UPOS == "AUX") && fin || tk.UPOS == "SCONJ" && k == v+1 || strings.EqualFold(tk.Form, "that") || k > v+12 {
				return 0, 0, 0, false
			}
		}
	}
	if speaker < 0 || relativePronoun(d.Tokens[speaker].Form) {
		// "... Jack Straw, who accused ...": the clause before the comma
		// is no report of the pronoun's.
		return 0, 0, 0, false
	}
	lo, hi, ok = f.t.trim(s.First, comma-1)
	if !ok || f.wordCount(lo, hi+1) < 3 || f.t.inQuote[lo] >= 0 || f.t.inQuote[hi] >= 0 {
		return 0, 0, 0, false
	}
	hasVerb := false
	for k := lo; k <= hi; k++ {
		if u := d.Tokens[k].UPOS; u == "VERB" || u == "AUX" {
			hasVerb = true
			break
		}
	}
	return lo, hi, speaker, hasVerb
}

// relativePronoun reports whether w is a relative pronoun that can be a
// subject ("who", "which", "that").
func relativePronoun(w string) bool {
	switch strings.ToLower(w) {
	case "who", "which", "that":
		return true
	}
	return false
}

// callFor finds what "call for", "call on" and "ask for" report: the
// words after the preposition to the end of the clause.
func (f *finder) callFor(v int) (int, int, bool) {
	d := f.d
	l := d.Tokens[v].Lemma
	if l != "call" && l != "ask" || v+2 >= len(d.Tokens) {
		return 0, 0, false
	}
	p := strings.ToLower(d.Tokens[v+1].Form)
	if !(p == "for" || l == "call" && p == "on") || d.Tokens[v+2].Sentence != d.Tokens[v].Sentence || f.t.inQuote[v+2] >= 0 {
		return 0, 0, false
	}
	return v + 2, f.clauseEnd(v + 2), true
}

// hasFiniteVerb reports whether tokens [lo, hi) hold a finite verb.
func (f *finder) hasFiniteVerb(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if t := f.d.Tokens[k]; t.UPOS == "VERB" && (t.XPOS == "VBD" || t.XPOS == "VBZ" || t.XPOS == "VBP") {
			return true
		}
	}
	return false
}

// passive reports whether reporting verb v is a passive participle
// ("was asked", "when asked"), whose subject is not the speaker.
func (f *finder) passive(v int) bool {
	d := f.d
	if d.Tokens[v].XPOS != "VBN" {
		return false
	}
	if f.child(v, "nsubj:pass") >= 0 || f.child(v, "aux:pass") >= 0 {
		return true
	}
	if v > 0 {
		switch strings.ToLower(d.Tokens[v-1].Form) {
		case "when", "if", "was", "were", "been", "being", "be", "is", "are":
			return true
		}
	}
	return false
}

// hasVerb reports whether tokens [lo, hi) hold a verb or auxiliary.
func (f *finder) hasVerb(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if u := f.d.Tokens[k].UPOS; u == "VERB" || u == "AUX" {
			return true
		}
	}
	return false
}

// toClause finds "VERB [someone] to DO ..." by word order: "urged the
// Vermont senator to apologize", "asked the network to donate". The
// content runs from after the verb to the end of the clause.
func (f *finder) toClause(v int) (int, int, bool) {
	d := f.d
	s := d.Sentences[d.Tokens[v].Sentence]
	for k := v + 1; k < s.Last-1 && k <= v+8; k++ {
		tk := d.Tokens[k]
		if f.t.inQuote[k] >= 0 || tk.UPOS == "VERB" || tk.UPOS == "AUX" || tk.Form == "," && k > v+1 {
			return 0, 0, false
		}
		if strings.EqualFold(tk.Form, "to") && d.Tokens[k+1].UPOS == "VERB" {
			lo := v + 1
			if d.Tokens[v].Lemma == "tell" {
				lo = k
			}
			return lo, f.clauseEnd(k + 1), true
		}
		if d.Tokens[v].Lemma == "ask" && k > v+1 {
			switch strings.ToLower(tk.Form) {
			case "if", "whether", "why", "how", "what", "who", "when", "where", "which":
				return k, f.clauseEnd(k), true // "asked Holder whether ..."
			}
		}
	}
	return 0, 0, false
}

// asReported finds "As X reported, CLAUSE." and "As reported by X,
// CLAUSE.": the clause after the comma is the content.
func (f *finder) asReported(v int) (int, int, bool) {
	d := f.d
	s := d.Sentences[d.Tokens[v].Sentence]
	if !strings.EqualFold(d.Tokens[s.First].Form, "as") || v-s.First > 8 {
		return 0, 0, false
	}
	for k := v + 1; k < s.Last-1 && k <= v+8; k++ {
		if d.Tokens[k].Form == "," {
			lo, hi, ok := f.t.trim(k+1, f.clauseEnd(k+1))
			return lo, hi, ok && f.hasVerb(lo, hi+1)
		}
	}
	return 0, 0, false
}

// bareClause finds a clause reported without "that" when the parse missed
// it: "said smugglers dig tunnels". Only "say"-like verbs qualify, and
// the words after the verb must hold a verb.
func (f *finder) bareClause(v int) (int, int, bool) {
	d := f.d
	switch d.Tokens[v].Lemma {
	case "say", "add", "claim", "argue", "insist", "warn", "note", "state", "write", "predict", "suggest", "believe":
	case "tell":
		if f.used[v] {
			return 0, 0, false // ""...," Pence told Chuck Todd during an interview"
		}
	default:
		return 0, 0, false
	}
	k := f.afterVerb(v)
	s := d.Sentences[d.Tokens[v].Sentence]
	// Past adverbials of the verb: "said in a statement Thursday night
	// they pulled ...".
	for moved := true; moved && k < s.Last-1; {
		moved = false
		for _, c := range f.t.kids[v] {
			if int(c) < k {
				continue
			}
			if lo, hi := f.t.subtree(int(c)); lo == k && (f.t.rel(int(c)) == "obl" || f.t.rel(int(c)) == "advmod") && hi < s.Last-1 {
				k, moved = hi+1, true
			}
		}
	}
	if k >= s.Last-1 || d.Tokens[k-1].Form == "," && (d.Tokens[k].XPOS == "VBG" || f.used[v]) {
		return 0, 0, false // "..." he said, not finishing his joke
	}
	if lw := strings.ToLower(d.Tokens[k].Form); lw == "a" || lw == "an" {
		return 0, 0, false // "writes a weekly column"
	}
	switch strings.ToLower(d.Tokens[k].Form) {
	case "to", "in", "on", "at", "of", "so", "it", "this", "for", "with", "about", "by", "from", "during", "after", "before", "yes", "no":
		return 0, 0, false
	}
	if d.Tokens[k].UPOS == "ADP" || f.t.inQuote[k] >= 0 {
		return 0, 0, false
	}
	// A finite verb soon after the start, with no conjunction before it:
	// the words after the verb are a clause, not an object.
	hi := f.clauseEnd(k)
	for j := k + 1; j <= hi && j <= k+12; j++ {
		tk := d.Tokens[j]
		if tk.UPOS == "VERB" || tk.UPOS == "AUX" {
			return k, hi, true
		}
	}
	return 0, 0, false
}

// thatClause finds "that" right after reporting verb v (past an
// addressee or a short adverbial: "told reporters that", "said on Monday
// that") and returns the clause it opens, up to the end of the sentence or
// a following reporting participle (", adding that").
func (f *finder) thatClause(v int) (int, int, bool) {
	d := f.d
	s := d.Sentences[d.Tokens[v].Sentence]
	k := f.afterVerb(v)
	for n := 0; k < s.Last && n < 8; k, n = k+1, n+1 {
		tk := d.Tokens[k]
		if strings.EqualFold(tk.Form, "that") {
			break
		}
		if tk.UPOS == "VERB" || tk.UPOS == "AUX" || tk.UPOS == "PUNCT" && tk.Form != "," || f.t.inQuote[k] >= 0 {
			return 0, 0, false
		}
	}
	if k >= s.Last || !strings.EqualFold(d.Tokens[k].Form, "that") || k+1 >= s.Last {
		return 0, 0, false
	}
	// "that" must open a clause, not be a determiner ("said that plan").
	if nx := d.Tokens[k+1]; nx.UPOS == "NOUN" && k+2 < s.Last && (d.Tokens[k+2].UPOS == "VERB" || d.Tokens[k+2].UPOS == "AUX") && d.Tokens[k].UPOS == "DET" {
		return 0, 0, false
	}
	return k, f.clauseEnd(k + 1), true
}

// clauseEnd returns the last token of the reported clause starting at
// token k: the sentence end, or the token before where the report stops —
// a semicolon, colon or dash; a comma before a participle (", adding
// that", ", appearing to"), a parenthetical cue (", he said,"), a new
// clause with a pronoun subject (", he appears"), a non-restrictive
// relative clause (", who"); or a conjunction before a new predicate
// (" and suspected", ", but insists", ", and he railed").
func (f *finder) clauseEnd(k int) int {
	d := f.d
	s := d.Sentences[d.Tokens[k].Sentence]
	finite := func(t doc.Token) bool {
		return t.XPOS == "VBD" || t.XPOS == "VBZ" || t.XPOS == "VBP" || t.XPOS == "MD"
	}
	// Is the report itself inside a subordinate clause ("While Ramos said
	// that ..., he appears")? Then a comma and a new subject end it.
	subordinate := false
	for j := s.First; j < k; j++ {
		if d.Tokens[j].UPOS == "SCONJ" && !strings.EqualFold(d.Tokens[j].Form, "that") {
			subordinate = true
			break
		}
	}
	for j := k + 1; j < s.Last-1; j++ {
		tk := d.Tokens[j]
		if tk.Form == ";" || tk.Form == ":" || tk.Form == "—" || tk.Form == "–" || tk.Form == "--" || f.t.inQuote[j] >= 0 && f.t.inQuote[k] < 0 && j > k+2 && f.t.isQuoteMark(j) && d.Tokens[j-1].Form == "," {
			return j - 1
		}
		if j <= k {
			continue
		}
		n1 := d.Tokens[j+1]
		if tk.Form == "," {
			lw := strings.ToLower(n1.Form)
			switch {
			case (n1.XPOS == "VBG" || n1.UPOS == "VERB" && (n1.XPOS == "VBD" || n1.XPOS == "VBZ")) && lw != "including":
				return j - 1 // ", adding ...", "X, trashing him as "...", warned ..."
			case lw == "who" || lw == "which" || lw == "whose" || lw == "according" || lw == "compared":
				return j - 1
			case (lw == "a" || lw == "an") && j+2 < s.Last && d.Tokens[j+2].UPOS != "VERB":
				return j - 1 // ", a theoretical force": an apposition closing the sentence
			case n1.UPOS == "SCONJ" && lw != "that":
				return j - 1 // ", while 22 percent said ..."
			case f.reportsNext(j + 1):
				return j - 1 // ", 27 percent of those polled said ..."
			case n1.UPOS == "ADV" && j+2 < s.Last && d.Tokens[j+2].Form == "," && j > k+2:
				return j - 1 // ", however,"
			case j+2 < s.Last && (isNominal(n1.UPOS) || lw == "there"):
				n2 := d.Tokens[j+2]
				if _, _, ok := f.reporting(j + 2); ok && n2.XPOS != "VBG" {
					return j - 1 // "..., he said, ..."
				}
				if n1.UPOS == "PRON" && (finite(n2) || n2.UPOS == "AUX") && lw != "it" && subordinate {
					return j - 1 // "While Ramos said X, he appears ..."
				}
			}
		}
		if tk.UPOS == "CCONJ" && j+2 < s.Last && (f.hasVerb(k, j) || n1.UPOS == "VERB" && n1.Head >= 0 && n1.Head < k) {
			n2 := d.Tokens[j+2]
			if finite(n1) && (n1.UPOS == "VERB" || n1.XPOS == "MD") || n1.UPOS == "VERB" && n1.Head >= 0 && n1.Head < k || (n1.UPOS == "PRON" && n1.DepRel == "nsubj" || n1.UPOS == "PROPN") && (finite(n2) || n2.UPOS == "AUX") {
				hi := j - 1
				if d.Tokens[hi].Form == "," {
					hi--
				}
				return hi
			}
		}
	}
	return s.Last - 1
}

func (f *finder) inSameQuote(a, b int) bool { return f.t.inQuote[a] == f.t.inQuote[b] }

// addIndirect adds c unless it repeats a quotation already found: a
// reported clause that is mostly a direct quotation is that quotation.
func (f *finder) addIndirect(c cand) {
	for i := range f.cands {
		o := &f.cands[i]
		ov := overlap(o.Span, c.Span)
		if ov == 0 {
			ov = overlap(o.outer, c.Span)
		}
		if ov*2 >= min(o.Span.Len(), c.Span.Len()) && ov > 0 {
			if o.direct && o.Kind == "direct" && c.Span.Contains(o.outer) && o.outer.Len()*10 < c.Span.Len()*6 && c.Speaker.Len() > 0 {
				// A partial quotation inside the reported clause ("said Fox
				// executives were calling "every 15 minutes""): the clause
				// is the content.
				o.Span, o.Kind, o.Cue, o.cueTok = c.Span, "mixed", c.Cue, c.cueTok
				o.Speaker, o.Chain, o.Name, o.Actor, o.To = c.Speaker, c.Chain, c.Name, c.Actor, c.To
				o.noCue = false
				return
			}
			if o.direct && o.Speaker.Len() == 0 && c.Speaker.Len() > 0 {
				o.Speaker, o.Chain, o.Name, o.Actor, o.Cue, o.To = c.Speaker, c.Chain, c.Name, c.Actor, c.Cue, c.To
				o.noCue = false
			}
			return
		}
	}
	f.cands = append(f.cands, c)
}

func overlap(a, b doc.Span) int {
	s, e := max(a.Start, b.Start), min(a.End, b.End)
	if e > s {
		return e - s
	}
	return 0
}

// accordingTo handles "according to X": X is the speaker, the rest of the
// sentence the content.
func (f *finder) accordingTo(v int) {
	d, t := f.d, f.t
	sent := d.Sentences[d.Tokens[v].Sentence]
	x := d.Tokens[v].Head
	if x <= v+1 || x >= sent.Last || !isNominal(d.Tokens[x].UPOS) {
		x = -1
		for k := v + 2; k < sent.Last && k < v+8; k++ {
			if isNominal(d.Tokens[k].UPOS) {
				x = k
				for x+1 < sent.Last && isNominal(d.Tokens[x+1].UPOS) && d.Tokens[x+1].UPOS != "PRON" {
					x++
				}
				break
			}
		}
	}
	if x < 0 {
		return
	}
	_, xhi := t.subtree(x)
	if xhi >= sent.Last || xhi < x {
		xhi = x
	}
	// Do not run over the end of the phrase into the clause.
	for k := x + 1; k <= xhi; k++ {
		if d.Tokens[k].Form == "," {
			xhi = k - 1
			break
		}
	}
	plo, phi, pok := t.trim(sent.First, v-1)
	slo, shi, sok := t.trim(xhi+1, sent.Last-1)
	pw, sw := 0, 0
	if pok {
		pw = f.wordCount(plo, phi+1)
	}
	if sok {
		sw = f.wordCount(slo, shi+1)
	}
	var lo, hi int
	switch {
	case pw >= 3 && sw < 3:
		lo, hi = plo, phi
	case sw >= 3 && pw < 3:
		lo, hi = slo, shi
	case pw >= 3 && sw >= 3:
		lo, hi = plo, shi
	default:
		return
	}
	if d.Tokens[lo].XPOS == "VBG" {
		return // "According to Jack Kelly, writing for ...:"
	}
	c := cand{Quote: doc.Quote{Span: t.span(lo, hi), Kind: "indirect", Chain: -1, Sentence: d.Tokens[v].Sentence},
		para: f.paraOf(d.Tokens[v].Start), cueTok: v, grp: -1}
	c.Cue = doc.Span{Start: d.Tokens[v].Start, End: d.Tokens[v+1].End}
	f.setSpeaker(&c, x)
	if t.inQuote[lo] >= 0 || t.inQuote[hi] >= 0 {
		// "according to X" after a quotation: the quotation is the content.
		g := f.groups[max(t.inQuote[lo], t.inQuote[hi])]
		for i := range f.cands {
			o := &f.cands[i]
			if o.grp >= 0 && f.groups[o.grp].outer() == g.outer() && o.Speaker.Len() == 0 {
				o.Speaker, o.Chain, o.Name, o.Actor, o.Cue = c.Speaker, c.Chain, c.Name, c.Actor, c.Cue
				o.noCue = false
				return
			}
		}
	}
	f.addIndirect(c)
}

// reportingNoun handles a reporting noun with a that-clause: "Trump's
// claim that the election was rigged".
func (f *finder) reportingNoun(n int) {
	d, t := f.d, f.t
	if nounLemma(d.Tokens[n].Form, d.Tokens[n].Lemma) == "" {
		return
	}
	cl := -1
	for _, k := range t.kids[n] {
		kk := int(k)
		if kk < n || (t.rel(kk) != "acl" && t.rel(kk) != "ccomp") {
			continue
		}
		for _, m := range t.kids[kk] {
			if d.Tokens[m].DepRel == "mark" && strings.EqualFold(d.Tokens[m].Form, "that") && int(m) == n+1 {
				cl = kk
			}
		}
	}
	lo, hi := -1, -1
	switch {
	case cl >= 0:
		lo, hi = t.subtree(cl)
	case n+2 < len(d.Tokens) && strings.EqualFold(d.Tokens[n+1].Form, "that") && d.Tokens[n+1].UPOS == "SCONJ":
		lo, hi = n+1, f.clauseEnd(n+1) // the parse missed the clause
	case n+2 < len(d.Tokens) && strings.EqualFold(d.Tokens[n+1].Form, "to") && d.Tokens[n+2].UPOS == "VERB" && promiseNouns[nounLemma(d.Tokens[n].Form, d.Tokens[n].Lemma)]:
		lo, hi = n+1, f.clauseEnd(n+1) // "his promise to build a wall"
	default:
		return
	}
	s := f.nounSpeaker(n)
	if s < 0 {
		return
	}
	if sent := d.Sentences[d.Tokens[n].Sentence]; !f.hasFiniteVerb(sent.First, n) {
		// The noun opens the sentence ("The commission's statement that
		// the tariffs broke trade rules was welcomed"): the clause runs to
		// the main verb, the second verb after "that".
		hi = sent.Last - 1
		seen := false
		for k := lo + 1; k < sent.Last; k++ {
			tk := d.Tokens[k]
			fin := tk.XPOS == "VBD" || tk.XPOS == "VBZ" || tk.XPOS == "VBP" || tk.XPOS == "MD"
			if fin && seen && d.Tokens[k-1].UPOS != "PRON" && d.Tokens[k-1].UPOS != "CCONJ" {
				hi = k - 1
				break
			}
			seen = seen || fin
		}
	}
	lo, hi, ok := t.trim(lo, hi)
	if !ok || f.wordCount(lo, hi+1) < 3 {
		return
	}
	c := cand{Quote: doc.Quote{Span: t.span(lo, hi), Kind: "indirect", Chain: -1, Sentence: d.Tokens[n].Sentence},
		para: f.paraOf(d.Tokens[n].Start), cueTok: n, grp: -1}
	c.Cue = d.Tokens[n].Span()
	f.setSpeaker(&c, s)
	f.addIndirect(c)
}

// promiseNouns report what someone will do: "his promise to build a
// wall".
var promiseNouns = map[string]bool{
	"promise": true, "pledge": true, "vow": true, "threat": true, "call": true, "demand": true, "proposal": true,
}

// continueSpeakers gives a direct quotation without a cue the speaker of
// the quotation before it when it opens its paragraph or sentence right
// after it (a quote-only paragraph continues the previous speaker), and a
// pronoun speaker that coreference left unresolved the latest named
// speaker.
func (f *finder) continueSpeakers() {
	last := -1 // index of the latest candidate with a speaker
	for i := range f.cands {
		c := &f.cands[i]
		if c.direct && c.Speaker.Len() == 0 {
			// No cue of its own, or a cue without a subject ("Adding, "..."").
			if last >= 0 && c.para-f.cands[last].para <= 1 {
				p := &f.cands[last]
				c.Speaker, c.Chain, c.Name, c.Actor = p.Speaker, p.Chain, p.Name, p.Actor
			} else {
				c.drop = true
				continue
			}
		}
		if c.Name == "" && c.Speaker.Len() > 0 && last >= 0 && isPronounSpan(f.d.Text[c.Speaker.Start:c.Speaker.End]) && c.para-f.cands[last].para <= 3 {
			p := &f.cands[last]
			if p.Name != "" && compatible(f.d.Text[c.Speaker.Start:c.Speaker.End], p) {
				c.Chain, c.Name, c.Actor = p.Chain, p.Name, p.Actor
			}
		}
		if c.Speaker.Len() > 0 {
			last = i
		}
	}
}

func isPronounSpan(s string) bool { return speakerPronouns[strings.ToLower(s)] }

// compatible reports whether a pronoun can stand for the speaker of p.
func compatible(pron string, p *cand) bool {
	lw := strings.ToLower(pron)
	if p.Actor == nil {
		return lw == "he" || lw == "she"
	}
	switch lw {
	case "he":
		return p.Actor.Kind == "person" && p.Actor.Gender != "f"
	case "she":
		return p.Actor.Kind == "person" && p.Actor.Gender != "m"
	case "they", "it", "we":
		return p.Actor.Kind != "person"
	}
	return false
}

// joinSplit joins the parts of a split quotation (""First part," Peskov
// said. "Second part."): a quotation without a cue of its own that
// follows an attributed quotation in the same paragraph continues it.
func (f *finder) joinSplit() {
	prev := -1
	for i := range f.cands {
		c := &f.cands[i]
		if c.drop || !c.direct {
			continue
		}
		if prev >= 0 && c.noCue && c.Kind == "direct" {
			p := &f.cands[prev]
			pg, cg := f.groups[p.grp], f.groups[c.grp]
			if pg.parts[len(pg.parts)-1].Para == c.para && p.Speaker.Len() > 0 && p.End <= c.Start &&
				f.wordCount(f.firstTokAt(pg.close().End), f.firstTokAt(cg.open().Start)) <= maxSplitWords {
				p.Span.End = c.Span.End
				c.drop = true
				continue
			}
		}
		prev = i
	}
}
