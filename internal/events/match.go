package events

// match is a rule that fits a trigger token.
type match struct {
	rule *Rule
	tok  int // the trigger token
	obj  int // the object (or passive subject) token, or -1
	prep int // the argument introduced by the rule's preposition, or -1
}

// object returns the direct object of verb v, or its passive subject.
func (c *coder) object(v int) int {
	if o := c.child(v, "obj"); o >= 0 {
		return o
	}
	if c.mainAmod(v) {
		return c.d.Tokens[v].Head
	}
	return c.child(v, "nsubj:pass")
}

// findPrep reports whether particle or preposition p depends on v, and the
// argument it introduces (-1 for a bare particle).
func (c *coder) findPrep(v int, p string) (arg int, ok bool) {
	for _, k := range c.kids[v] {
		switch c.rel(k) {
		case "obl", "nmod", "obj", "iobj", "xcomp", "advcl", "ccomp":
			if c.caseOf(k) == p {
				return k, true
			}
		case "compound", "advmod", "case", "mark":
			if c.lemma(k) == p {
				return -1, true
			}
		}
		// A particle parsed as an adverbial word ("back down", "step down").
		if c.d.Tokens[k].Form == p && (c.d.Tokens[k].UPOS == "ADP" || c.d.Tokens[k].UPOS == "ADV" || c.d.Tokens[k].UPOS == "PART") {
			return -1, true
		}
	}
	return -1, false
}

// hasMod reports whether a modifier of one of the tokens has one of the
// lemmas.
func (c *coder) hasMod(lemmas []string, toks ...int) bool {
	for _, t := range toks {
		if t < 0 {
			continue
		}
		for _, k := range c.kids[t] {
			switch c.rel(k) {
			case "amod", "compound", "advmod", "obl", "nmod", "obj", "xcomp", "flat":
				if contains(lemmas, c.lemma(k)) {
					return true
				}
			}
		}
	}
	return false
}

// matchVerb returns the most specific verb rule that fits token v.
func (c *coder) matchVerb(v int) (match, bool) {
	rules := c.s.rules.verbs[c.lemma(v)]
	if len(rules) == 0 {
		return match{}, false
	}
	obj := c.object(v)
	var best match
	bestScore := -1
	for _, r := range rules {
		m := match{rule: r, tok: v, obj: obj, prep: -1}
		if r.Prep != "" {
			arg, ok := c.findPrep(v, r.Prep)
			if !ok {
				continue
			}
			m.prep = arg
		}
		if len(r.Obj) > 0 && !c.objIs(r.Obj, obj) && !c.objIs(r.Obj, m.prep) && !(contains(r.Obj, "*") && c.child(v, "ccomp") >= 0) {
			continue
		}
		if len(r.Mod) > 0 && !c.hasMod(r.Mod, v, obj, m.prep) {
			continue
		}
		if s := r.specificity(); s > bestScore {
			best, bestScore = m, s
		}
	}
	if bestScore >= 0 && best.rule.Code == NoEvent {
		return match{}, false
	}
	return best, bestScore >= 0
}

// blocked reports whether a "---" rule says verb v is no event here.
func (c *coder) blocked(v int) bool {
	for _, r := range c.s.rules.verbs[c.lemma(v)] {
		if r.Code != NoEvent {
			continue
		}
		obj := c.object(v)
		if len(r.Obj) > 0 && !c.objIs(r.Obj, obj) && !(contains(r.Obj, "*") && c.child(v, "ccomp") >= 0) {
			continue
		}
		if r.Prep != "" {
			if _, ok := c.findPrep(v, r.Prep); !ok {
				continue
			}
		}
		return true
	}
	return false
}

// objIs reports whether object o has one of the lemmas, looking through
// quantities and coordination ("tons of food aid", "photographs and other
// intelligence").
func (c *coder) objIs(lemmas []string, o int) bool {
	if o < 0 {
		return false
	}
	if contains(lemmas, c.lemma(o)) || contains(lemmas, "*") {
		return true
	}
	for _, k := range c.kids[o] {
		switch c.d.Tokens[k].DepRel {
		case "conj", "appos":
			if contains(lemmas, c.lemma(k)) {
				return true
			}
		case "nmod", "compound":
			if (c.d.Tokens[k].DepRel == "compound" || c.caseOf(k) == "of") && contains(lemmas, c.lemma(k)) {
				return true
			}
		}
	}
	return false
}

// matchNoun returns the most specific noun rule that fits token n.
func (c *coder) matchNoun(n int) (match, bool) {
	rules := c.s.rules.nouns[c.lemma(n)]
	if len(rules) == 0 {
		return match{}, false
	}
	var best match
	bestScore := -1
	for _, r := range rules {
		m := match{rule: r, tok: n, obj: -1, prep: -1}
		if r.Prep != "" {
			arg, ok := c.findPrep(n, r.Prep)
			if !ok {
				continue
			}
			m.prep = arg
		}
		if len(r.Obj) > 0 {
			ok := false
			for _, k := range c.kids[n] {
				if c.rel(k) == "nmod" && contains(r.Obj, c.lemma(k)) {
					ok, m.obj = true, k
				}
			}
			if !ok {
				continue
			}
		}
		if len(r.Mod) > 0 && !c.hasMod(r.Mod, n) {
			continue
		}
		if s := r.specificity(); s > bestScore {
			best, bestScore = m, s
		}
	}
	if bestScore >= 0 && best.rule.Code == NoEvent {
		return match{}, false
	}
	return best, bestScore >= 0
}

// frameOf returns the frame of verb v, if its lemma and preposition fit one.
func (c *coder) frameOf(v int) (Frame, int, bool) {
	for _, fr := range c.s.rules.frames[c.lemma(v)] {
		if fr.Prep == "" {
			return fr, -1, true
		}
		if arg, ok := c.findPrep(v, fr.Prep); ok {
			return fr, arg, true
		}
	}
	return Frame{}, -1, false
}

// isNominal reports whether token i can head a noun phrase.
func (c *coder) isNominal(i int) bool {
	switch c.d.Tokens[i].UPOS {
	case "NOUN", "PROPN", "PRON", "NUM":
		return true
	}
	return false
}

// isVerbal reports whether token i can head a clause event.
func (c *coder) isVerbal(i int) bool {
	u := c.d.Tokens[i].UPOS
	return u == "VERB" || (u == "ADJ" && len(c.s.rules.frames[c.lemma(i)]) > 0)
}
