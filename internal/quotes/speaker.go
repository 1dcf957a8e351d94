package quotes

import (
	"strings"

	"github.com/dyad-news/dyad/internal/doc"
)

// subject returns the speaker token of reporting verb v: its nominal
// subject, or that of the verb it hangs from ("He stood up and said",
// "Trump tweeted, saying"), or the noun a participle modifies ("a
// statement saying"); -1 when there is none.
func (f *finder) subject(v int) int {
	d := f.d
	if d.Tokens[v].XPOS == "VBG" && v > 0 && d.Tokens[v-1].Form == "," {
		return f.mainSubject(v)
	}
	for depth := 0; depth < 3 && v >= 0; depth++ {
		best := -1 // the subject nearest the verb, should the parse give two
		for _, k := range f.t.kids[v] {
			switch d.Tokens[k].DepRel {
			case "nsubj":
				if d.Tokens[k].UPOS == "PRON" && strings.EqualFold(d.Tokens[k].Form, "it") && f.t.rel(v) != "root" && depth == 0 {
					continue
				}
				if best < 0 || int(k) < v {
					best = int(k)
				}
			case "nsubj:pass":
				if d.Tokens[v].Lemma == "quote" || d.Tokens[v].Lemma == "report" && depth > 0 {
					return int(k)
				}
			case "obl:agent", "obl":
				// "it was announced by the ministry"
				if f.hasCase(int(k), "by") && f.child(v, "nsubj:pass") >= 0 {
					return int(k)
				}
			}
		}
		if best >= 0 {
			return best
		}
		if depth == 0 {
			if k := f.nominalBefore(v); k >= 0 {
				return k
			}
		}
		switch f.t.rel(v) {
		case "conj", "xcomp", "advcl":
			v = d.Tokens[v].Head
		case "acl":
			h := d.Tokens[v].Head
			if h >= 0 && isNominal(d.Tokens[h].UPOS) {
				return h
			}
			return -1
		default:
			return -1
		}
	}
	return -1
}

// nominalBefore returns the noun or pronoun right before verb v, past
// auxiliaries and adverbs ("Clinton has also said"), when the parse gave
// the verb no subject.
func (f *finder) nominalBefore(v int) int {
	d := f.d
	s := d.Sentences[d.Tokens[v].Sentence]
	for k := v - 1; k >= s.First && k >= v-6; k-- {
		tk := d.Tokens[k]
		switch tk.UPOS {
		case "AUX", "ADV", "PART":
			if capitalised(tk.Form) && !auxiliaries[strings.ToLower(tk.Form)] {
				return k // a name the tagger took for a verb: "Sanders says"
			}
			continue
		case "PUNCT":
			if d.Tokens[k].Form != "," {
				return -1
			}
			if k-2 >= s.First && d.Tokens[k-1].UPOS == "ADV" && d.Tokens[k-2].Form == "," {
				k -= 2 // "The two lawmakers, however, argue"
				continue
			}
			// "Florida delegate John Archer, in a T-shirt ..., said": the
			// subject opens the clause.
			return f.clauseSubject(v)
		case "PROPN", "NOUN", "PRON", "NUM", "SYM":
			if strings.EqualFold(d.Tokens[k].Form, "it") || d.Tokens[k].XPOS == "WDT" || timeWords[strings.ToLower(d.Tokens[k].Lemma)] {
				return -1
			}
			return k // also "47% say", "Six in 10 say"
		case "VERB":
			if d.Tokens[k].XPOS == "VBN" && k > s.First && d.Tokens[k-1].UPOS == "DET" {
				return k // "those surveyed say"
			}
		}
		return -1
	}
	return -1
}

// clauseSubject returns the first noun phrase of v's sentence that is not
// inside a prepositional phrase: the subject of a clause whose subject the
// parse missed.
func (f *finder) clauseSubject(v int) int {
	d := f.d
	s := d.Sentences[d.Tokens[v].Sentence]
	for k := s.First; k < v; k++ {
		tk := d.Tokens[k]
		if !isNominal(tk.UPOS) || f.t.inQuote[k] >= 0 || timeWords[strings.ToLower(tk.Lemma)] {
			continue
		}
		switch f.t.rel(k) {
		case "obl", "nmod", "obj", "iobj":
			continue
		}
		if f.hasCase(k, "in") || f.hasCase(k, "on") || f.hasCase(k, "at") {
			continue
		}
		// The head of a name or noun run.
		for k+1 < v && (d.Tokens[k+1].UPOS == "PROPN" || d.Tokens[k+1].UPOS == "NOUN") {
			k++
		}
		return k
	}
	return -1
}

// mainSubject returns the subject of the clause a participle hangs from:
// "Several Democrats cautioned against ..., saying ...".
func (f *finder) mainSubject(v int) int {
	d := f.d
	for h, n := d.Tokens[v].Head, 0; h >= 0 && n < 6; h, n = d.Tokens[h].Head, n+1 {
		if s := f.child(h, "nsubj"); s >= 0 && s < v {
			return s
		}
	}
	return f.clauseSubject(v)
}

func (f *finder) child(i int, rel string) int { return f.t.child(i, rel) }

// hasCase reports whether token i has a case marker with the given form.
func (f *finder) hasCase(i int, form string) bool {
	for _, k := range f.t.kids[i] {
		if f.d.Tokens[k].DepRel == "case" && strings.EqualFold(f.d.Tokens[k].Form, form) {
			return true
		}
	}
	return false
}

// nounSpeaker returns who made a reporting noun's statement: the
// possessor ("Trump's remarks"), a by/from phrase ("a statement from the
// ministry"), or the subject of the verb that has the noun as its object
// ("the ministry issued a statement").
func (f *finder) nounSpeaker(n int) int {
	d := f.d
	for _, k := range f.t.kids[n] {
		switch d.Tokens[k].DepRel {
		case "nmod:poss":
			return int(k)
		case "nmod":
			if f.hasCase(int(k), "by") || f.hasCase(int(k), "from") || f.hasCase(int(k), "of") && d.Tokens[k].UPOS == "PROPN" {
				return int(k)
			}
		}
	}
	if h := d.Tokens[n].Head; h >= 0 && (f.t.rel(n) == "obj" || f.t.rel(n) == "obl") && d.Tokens[h].UPOS == "VERB" {
		if s := f.child(h, "nsubj"); s >= 0 {
			return s
		}
	}
	return -1
}

// setSpeaker fills the speaker of c from token s: the coreference mention
// covering it, or the noun phrase it heads, and whom it resolves to.
// antecedent returns the head of the noun phrase that relative pronoun r
// refers to, or -1: the head of its relative clause, or, when the parse
// hung the clause on a verb, the noun phrase right before the pronoun (for
// "who" after a comma, also when the parse did not see a relative clause:
// "denied by Jack Straw, who accused ...").
func (f *finder) antecedent(r int) int {
	d := f.d
	v := d.Tokens[r].Head
	if v < 0 {
		return -1
	}
	if !strings.HasSuffix(d.Tokens[v].DepRel, "relcl") {
		if r == 0 || d.Tokens[r-1].Form != "," || !strings.EqualFold(d.Tokens[r].Form, "who") {
			return -1
		}
	} else if h := d.Tokens[v].Head; h >= 0 && isNominal(d.Tokens[h].UPOS) {
		return h
	}
	k := r - 1
	for k >= 0 && f.t.isPunct(k) {
		k--
	}
	if k < 0 || !isNominal(d.Tokens[k].UPOS) {
		return -1
	}
	// "the Farmers Union of Wessex": up from "Wessex" to "Union".
	for hops := 0; hops < 3; hops++ {
		h := d.Tokens[k].Head
		rel := f.t.rel(k)
		if h < 0 || h >= k || !isNominal(d.Tokens[h].UPOS) || (rel != "nmod" && rel != "flat" && rel != "compound") {
			break
		}
		k = h
	}
	return k
}

func (f *finder) setSpeaker(c *cand, s int) {
	if s < 0 {
		return
	}
	d, t := f.d, f.t
	// A relative pronoun speaks for the phrase its clause modifies: "the
	// association, which believes ...", "Charles Clarke, who said ...".
	// The pronoun stays the speaker's mention; the name and actor are the
	// antecedent's.
	if lw := strings.ToLower(d.Tokens[s].Form); d.Tokens[s].UPOS == "PRON" && (lw == "who" || lw == "which" || lw == "that") {
		if a := f.antecedent(s); a >= 0 {
			defer func(r int) { c.Speaker = d.Tokens[r].Span() }(s)
			s = a
		}
	}
	lo, hi := t.npSpan(s)
	// A title the parse made a second subject ("Secretary | Tom Baker").
	for lo > 0 && d.Tokens[lo-1].UPOS == "PROPN" && d.Tokens[lo-1].Head == d.Tokens[s].Head && d.Tokens[lo-1].DepRel == d.Tokens[s].DepRel {
		lo--
	}
	if mi := t.mention[s]; mi >= 0 {
		m := d.Mentions[mi]
		c.Speaker = doc.Span{Start: m.Start, End: m.End}
		// The whole noun phrase around the mention: "the Kremlin",
		// "the pro-Kremlin newspaper Moskovsky Komsomolets".
		if np := t.span(lo, hi); np.Contains(c.Speaker) && hi-lo < 8 {
			c.Speaker = np
		}
		f.resolveMention(c, int(mi))
		if c.Name != "" || m.Kind == doc.MentionPronoun {
			return
		}
	}
	if c.Speaker.Len() == 0 {
		c.Speaker = t.span(lo, hi)
	}
	// A mention inside the phrase or in an apposition ("the head of the
	// agency, John Smith,") names the speaker.
	// Words of the quotation itself are left out: the parse may hang the
	// content of a headline on its speaker ("Pence: Flowers Won't Be at
	// Debate").
	said := func(k int) bool { return c.Span.Contains(d.Tokens[k].Span()) }
	best := -1
	for k := lo; k <= hi; k++ {
		if mi := t.mention[k]; mi >= 0 && !said(k) && (best < 0 || d.Mentions[mi].Kind < d.Mentions[best].Kind) {
			best = int(mi)
		}
	}
	if best < 0 {
		// An apposition inside the quotation is part of what was said
		// ("Pence: Flowers Won't Be at Debate", parsed with "Debate" an
		// apposition of "Pence").
		if a := t.child(s, "appos"); a >= 0 && !said(a) {
			if mi := t.mention[a]; mi >= 0 {
				best = int(mi)
			}
		}
	}
	if best >= 0 {
		f.resolveMention(c, best)
		if c.Name != "" {
			return
		}
	}
	// A proper name the entity tagger missed.
	var b strings.Builder
	for k := lo; k <= hi; k++ {
		if d.Tokens[k].UPOS == "PROPN" && !said(k) {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(d.Text[d.Tokens[k].Start:d.Tokens[k].End])
		}
	}
	if b.Len() == 0 {
		// A name tagged as a verb or a noun ("Sanders says", "Pence: ...").
		if tk := d.Tokens[s]; (tk.UPOS == "AUX" || tk.UPOS == "VERB" || tk.UPOS == "NOUN") && capitalised(tk.Form) {
			b.WriteString(tk.Form)
		}
	}
	c.Name = b.String()
	// A name the entity tagger missed here may be found elsewhere in the
	// article ("Pence: ..." above "Gov. Mike Pence said"): the person
	// chain whose name ends with the same word gives who it is.
	if ci := f.personChain(c.Name); ci >= 0 {
		ch := f.d.Chains[ci]
		c.Chain, c.Name, c.Actor = ci, ch.Name, ch.Actor
	}
}

// personChain returns the one chain with a person's actor whose name ends
// with the last word of name, or -1 when there is none or more than one.
func (f *finder) personChain(name string) int {
	ws := strings.Fields(name)
	if len(ws) == 0 {
		return -1
	}
	last := ws[len(ws)-1]
	found := -1
	for ci, ch := range f.d.Chains {
		if ch.Actor == nil || ch.Actor.Kind != "person" {
			continue
		}
		cw := strings.Fields(ch.Name)
		if len(cw) == 0 || cw[len(cw)-1] != last {
			continue
		}
		if found >= 0 && f.d.Chains[found].Actor.ID != ch.Actor.ID {
			return -1 // two people of that name
		}
		found = ci
	}
	return found
}

// resolveMention sets the chain, name and actor of c from mention mi.
func (f *finder) resolveMention(c *cand, mi int) {
	d := f.d
	m := d.Mentions[mi]
	if m.Chain >= 0 && m.Chain < len(d.Chains) {
		ch := d.Chains[m.Chain]
		c.Chain, c.Name, c.Actor = m.Chain, ch.Name, ch.Actor
		return
	}
	if m.Entity >= 0 && m.Entity < len(d.Entities) {
		e := d.Entities[m.Entity]
		c.Name, c.Actor = d.Text[e.Start:e.End], e.Actor
		if e.Actor != nil && e.Actor.Name != "" {
			c.Name = e.Actor.Name
		}
	}
}

// setAddressee records whom reporting verb v addresses: the object of
// "tell" ("told reporters") or a to-phrase ("said to reporters").
func (f *finder) setAddressee(c *cand, v int) {
	d := f.d
	for _, k := range f.t.kids[v] {
		kk := int(k)
		r := d.Tokens[kk].DepRel
		ok := false
		switch {
		case (r == "obj" || r == "iobj") && d.Tokens[v].Lemma == "tell":
			ok = true
		case (r == "obl" || r == "iobj") && f.hasCase(kk, "to"):
			ok = true
		}
		if ok && isNominal(d.Tokens[kk].UPOS) && f.t.inQuote[kk] < 0 {
			lo, hi := f.t.npSpan(kk)
			// Leave the case marker out of "to reporters".
			for lo < hi && d.Tokens[lo].DepRel == "case" {
				lo++
			}
			c.To = f.t.span(lo, hi)
			return
		}
	}
}

// timeWords are nouns of time that come before a verb without being its
// subject ("last week said").
var timeWords = map[string]bool{
	"week": true, "month": true, "year": true, "day": true, "time": true, "morning": true,
	"night": true, "evening": true, "afternoon": true, "weekend": true, "today": true,
	"yesterday": true, "monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "tonight": true,
}

// auxiliaries are the forms an auxiliary verb takes.
var auxiliaries = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true,
	"am": true, "has": true, "have": true, "had": true, "do": true, "does": true, "did": true,
	"will": true, "would": true, "can": true, "could": true, "may": true, "might": true,
	"must": true, "shall": true, "should": true, "also": true, "not": true, "never": true,
	"now": true, "then": true, "still": true, "just": true, "only": true, "later": true,
}

// capitalised reports whether a word starts with a capital ASCII letter.
func capitalised(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }
