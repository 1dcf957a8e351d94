package events

import (
	"sort"

	"github.com/dyad-news/dyad/internal/doc"
)

// cand is an event found in a sentence before it is written as a doc.Event.
type cand struct {
	code      string
	trig      int // trigger token
	clause    int // clause head whose modality and date apply
	src, tgt  []doc.EventActor
	srcPhrase bool   // a subject was written, even if it did not resolve
	srcTok    int    // the subject token, or -1
	inner     string // the complement's code under a frame
	neg, hyp  bool
	framed    bool // the code came from a frame or a modal recoding
}

// sentence codes the events of sentence si and appends them to out.
func (c *coder) sentence(si int, out []doc.Event) []doc.Event {
	s := c.d.Sentences[si]
	order := c.byDepth(s)
	for _, v := range order {
		if c.used[v] || !c.asserted(v) {
			continue
		}
		var (
			ev cand
			ok bool
		)
		switch {
		case c.isVerbal(v):
			ev, ok = c.verbEvent(v, 0)
		case c.d.Tokens[v].UPOS == "NOUN":
			ev, ok = c.nounEvent(v)
		}
		if !ok {
			continue
		}
		c.modality(&ev)
		if e, ok := c.finish(si, ev); ok {
			out = append(out, e)
		}
	}
	return out
}

// factMarks introduce adverbial clauses that state facts ("after Russia
// attacked", "because Iran refused").
var factMarks = map[string]bool{"as": true, "after": true, "while": true, "when": true, "because": true,
	"since": true, "although": true, "though": true, "once": true, "whereas": true}

// asserted reports whether a clause or noun is said to happen rather than
// being a purpose ("staged a protest to demand ..."), a modifier ("the
// right to fire"), a gerund topic ("a proposal for signing ...") or a
// condition ("if he gave them a veto").
func (c *coder) asserted(v int) bool {
	t := &c.d.Tokens[v]
	switch c.rel(v) {
	case "acl":
		// Relative clauses give background ("whom they had taken hostage",
		// "which was captured last week"), not the sentence's event.
		if !c.mainAcl(v) {
			return false
		}
	case "amod":
		if !c.mainAmod(v) {
			return false // "the proposed changes", "the occupied territories"
		}
	case "advcl":
		for _, k := range c.kids[v] {
			if c.rel(k) == "mark" && !factMarks[c.lemma(k)] {
				return false // "to demand ...", "before allowing ...", "until they gain ..."
			}
		}
	case "obl", "nmod", "csubj":
		if t.UPOS == "VERB" && (t.XPOS == "VBG" || c.child(v, "mark") >= 0) {
			for _, k := range c.kids[v] {
				if r := c.rel(k); r == "case" || r == "mark" {
					return false
				}
			}
		}
	}
	return !c.inCondition(v)
}

// mainAcl reports whether v, parsed as a clause modifying a noun, is
// really the main verb of a clause with that noun phrase as its subject
// ("Israeli soldiers arrested ..." misread as "soldiers [who were]
// arrested"): the noun phrase heads a clause of its own, or is a bare time
// word ("today praised ...").
func (c *coder) mainAcl(v int) bool {
	t := &c.d.Tokens[v]
	if t.DepRel != "acl" || t.Head < 0 || c.child(v, "mark") >= 0 || t.XPOS == "VBG" {
		return false
	}
	for _, k := range c.kids[v] {
		if c.d.Tokens[k].DepRel == "obl:agent" || c.rel(k) == "obl" && c.caseOf(k) == "by" {
			return false // a participle with its agent: "property seized by the army"
		}
	}
	np := c.npTop(t.Head)
	switch c.d.Tokens[np].DepRel {
	case "root", "ccomp", "parataxis", "obl:unmarked", "obl:tmod":
		return c.isNominal(np)
	}
	return false
}

// mainAmod reports whether verb v, parsed as an adjective on a noun after
// the subject ("Syrian forces shelled rebel positions" misread as "forces,
// shelled positions"), is the main verb of the sentence.
func (c *coder) mainAmod(v int) bool {
	t := &c.d.Tokens[v]
	if t.DepRel != "amod" || t.UPOS != "VERB" || (t.XPOS != "VBD" && t.XPOS != "VBN") || t.Head < v {
		return false
	}
	np := c.npTop(t.Head)
	if np == t.Head || np > v || !c.isNominal(np) {
		return false
	}
	switch c.d.Tokens[np].DepRel {
	case "root", "ccomp", "parataxis":
		return true
	}
	return false
}

// npTop climbs from a noun to the head of the noun phrase it is part of.
func (c *coder) npTop(n int) int {
	for hops := 0; hops < 8; hops++ {
		switch c.d.Tokens[n].DepRel {
		case "nmod", "conj", "compound", "flat", "appos":
			if h := c.d.Tokens[n].Head; h >= 0 && c.isNominal(h) {
				n = h
				continue
			}
		}
		return n
	}
	return n
}

// byDepth returns the tokens of sentence s, shallowest first, so that a
// frame is seen before its complement.
func (c *coder) byDepth(s doc.Sentence) []int {
	n := s.Last - s.First
	depth := make([]int, n)
	order := make([]int, n)
	for i := s.First; i < s.Last; i++ {
		dd, h := 0, c.d.Tokens[i].Head
		for h >= s.First && h < s.Last && dd < n {
			dd++
			h = c.d.Tokens[h].Head
		}
		depth[i-s.First] = dd
		order[i-s.First] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return depth[order[a]-s.First] < depth[order[b]-s.First] })
	return order
}

// verbEvent codes the clause headed by v: a frame with its complement, a
// verb rule, or a light verb taking the code of its object.
func (c *coder) verbEvent(v, depth int) (cand, bool) {
	if fr, arg, ok := c.frameOf(v); ok && depth < 2 {
		if ev, ok := c.frameEvent(v, fr, arg, depth); ok {
			return ev, true
		}
	}
	if c.d.Tokens[v].UPOS != "VERB" {
		// "willing", "ready": an intent even when what is offered is not coded.
		if m, ok := c.matchVerb(v); ok && depth == 0 {
			c.used[v] = true
			ev := cand{code: m.rule.Code, trig: v, clause: v}
			ev.src, ev.srcPhrase, ev.srcTok = c.sourceOf(v)
			ev.tgt = c.targetOf(v, m, ev.src)
			return ev, true
		}
		return cand{}, false
	}
	if ev, ok := c.obligation(v, depth); ok {
		return ev, true
	}
	if m, ok := c.matchVerb(v); ok {
		c.used[v] = true
		ev := cand{code: m.rule.Code, trig: v, clause: v}
		ev.src, ev.srcPhrase, ev.srcTok = c.sourceOf(v)
		ev.tgt = c.targetOf(v, m, ev.src)
		if ev.code[:2] == "19" && verbalAttack(c.lemma(v), ev.src, ev.tgt) {
			ev.code = "111"
		}
		return ev, true
	}
	if c.s.rules.light[c.lemma(v)] && !c.blocked(v) {
		o := c.object(v)
		if o >= 0 && !c.used[o] {
			m, ok := c.matchNoun(o)
			if !ok {
				// "launched a mediation effort": the code is in a compound.
				for _, k := range c.kids[o] {
					if c.d.Tokens[k].DepRel == "compound" && carriers[c.lemma(o)] {
						if m, ok = c.matchNoun(k); ok {
							break
						}
					}
				}
			}
			if ok {
				c.used[v], c.used[o] = true, true
				ev := cand{code: m.rule.Code, trig: m.tok, clause: v}
				ev.src, ev.srcPhrase, ev.srcTok = c.sourceOf(v)
				ev.tgt = c.nounTarget(o, ev.src)
				if len(ev.tgt) == 0 {
					ev.tgt = c.targetOf(v, match{tok: v, obj: o, prep: -1}, ev.src)
				}
				if ev.code[:2] == "19" && verbalAttack(c.lemma(m.tok), ev.src, ev.tgt) {
					ev.code = "111" // "launched an attack on the government's record"
				}
				return ev, true
			}
		}
	}
	return cand{}, false
}

// politicalSectors are the sectors of actors that attack with words.
var politicalSectors = map[string]bool{"OPP": true, "PTY": true, "LEG": true, "ELI": true, "MED": true,
	"JUD": true, "EDU": true, "NGO": true, "LAB": true, "BUS": true, "CVL": true}

// verbalAttack reports whether "attacked"/"hit" is criticism: a politician,
// party or other civilian actor attacking someone who is not an armed
// force or a place ("the Tories attacked the prime minister").
func verbalAttack(lemma string, src, tgt []doc.EventActor) bool {
	if lemma != "attack" && lemma != "hit" {
		return false
	}
	civil := false
	for _, a := range src {
		if a.Actor != nil && (a.Actor.Kind == "person" || a.Actor.Kind == "party" || politicalSectors[a.Actor.Sector]) {
			civil = true
		}
	}
	for _, a := range tgt {
		if a.Actor != nil {
			switch a.Actor.Sector {
			case "MIL", "REB", "INS", "SEP", "COP":
				return false
			}
			if a.Actor.Kind == "city" || a.Actor.Kind == "region" {
				return false
			}
		}
	}
	return civil
}

// carriers are nouns that carry the event of their compound: "a mediation
// effort", "a bombing campaign", "a rescue operation".
var carriers = map[string]bool{"effort": true, "campaign": true, "operation": true, "drive": true, "bid": true,
	"program": true, "programme": true, "mission": true, "process": true, "initiative": true, "action": true,
	"move": true, "attempt": true, "plan": true, "talk": true}

// frameEvent codes "agreed to cooperate", "urged Russia to withdraw",
// "called for a ceasefire": the complement is coded, then recoded by the
// frame's derive table.
func (c *coder) frameEvent(v int, fr Frame, arg, depth int) (cand, bool) {
	comp := c.child(v, "xcomp")
	if comp < 0 {
		comp = c.child(v, "ccomp")
	}
	if comp < 0 {
		// "threatened on Monday to break relations": an infinitive the
		// parser attached as an adverbial clause.
		for _, k := range c.kids[v] {
			if c.rel(k) == "advcl" && k > v {
				if m := c.child(k, "mark"); m >= 0 && c.lemma(m) == "to" {
					comp = k
					break
				}
			}
		}
	}
	addressee := -1
	if fr.Prep != "" && arg >= 0 {
		if comp < 0 && c.isNominal(arg) && (fr.Kind != "demand" || fr.Prep != "on") {
			comp = arg // "called for a ceasefire"
		} else {
			addressee = arg // "called on Russia to ..."
		}
	}
	if comp < 0 {
		if o := c.child(v, "obj"); o >= 0 && c.d.Tokens[o].UPOS == "NOUN" {
			comp = o // "demanded the release of ..."
		}
	}
	if comp < 0 {
		// "agreed to a ceasefire", "agreed on a truce", "pressed for talks"
		for _, k := range c.kids[v] {
			if c.rel(k) == "obl" && c.d.Tokens[k].UPOS == "NOUN" {
				if cs := c.caseOf(k); cs == "to" || cs == "on" || cs == "upon" || cs == "for" {
					if _, ok := c.matchNoun(k); ok {
						comp = k
						break
					}
				}
			}
		}
	}
	if comp < 0 || c.used[comp] {
		return cand{}, false
	}
	var inner cand
	ok := false
	switch {
	case c.isVerbal(comp):
		inner, ok = c.verbEvent(comp, depth+1)
	case c.d.Tokens[comp].UPOS == "NOUN":
		if m, found := c.matchNoun(comp); found {
			inner, ok = cand{code: m.rule.Code, trig: comp, clause: comp, srcTok: -1}, true
			inner.tgt = c.nounTarget(comp, nil)
		}
	}
	if !ok {
		return cand{}, false
	}
	c.used[v], c.used[comp], c.used[inner.trig] = true, true, true
	kind := fr.Kind
	if kind == "intent" && conflictual(inner.code) {
		kind = "threat" // "vowed to retaliate", "plans to invade"
	}
	code, _ := c.s.rules.Derive(kind, inner.code)
	ev := cand{code: code, trig: v, clause: v, framed: true, inner: inner.code}
	ev.src, ev.srcPhrase, ev.srcTok = c.sourceOf(v)
	switch fr.Kind {
	case "demand", "appeal":
		// The addressee of a demand is its target: "urged Russia to ...",
		// "demanded that Mugabe abandon ...".
		if c.d.Tokens[comp].DepRel == "ccomp" && addressee < 0 {
			if s := c.child(comp, "nsubj"); s >= 0 {
				addressee = s
			}
		}
		// "Poland was urged (by Lithuania) to ...": the passive subject.
		for _, t := range []int{addressee, c.child(v, "iobj"), c.child(v, "obj"), c.child(v, "nsubj:pass")} {
			if t >= 0 && t != comp {
				if as, _ := c.actorsOf(t); len(as) > 0 {
					ev.tgt = as
					break
				}
			}
		}
	}
	if len(ev.tgt) == 0 {
		ev.tgt = dropSame(inner.tgt, ev.src)
	}
	if len(ev.tgt) == 0 && inner.trig != comp {
		ev.tgt = c.nounTarget(inner.trig, ev.src)
	}
	if len(ev.tgt) == 0 {
		ev.tgt = c.targetOf(v, match{tok: v, obj: -1, prep: -1}, ev.src)
	}
	return ev, true
}

// reportVerbs introduce what someone says others must do.
var reportVerbs = map[string]bool{"say": true, "announce": true, "state": true, "declare": true,
	"insist": true, "conclude": true, "reiterate": true, "stress": true, "add": true, "tell": true,
	"argue": true, "write": true, "maintain": true, "believe": true, "agree": true}

// obligation codes "X said Y must return the helicopter" as X's demand to
// Y, the required act recoded by the demand table.
func (c *coder) obligation(v, depth int) (cand, bool) {
	if !reportVerbs[c.lemma(v)] {
		return cand{}, false
	}
	comp := c.child(v, "ccomp")
	if comp < 0 || c.used[comp] || c.d.Tokens[comp].UPOS != "VERB" || c.inCondition(comp) {
		return cand{}, false
	}
	must := false
	for _, k := range c.kids[comp] {
		if c.rel(k) == "aux" && (c.lemma(k) == "must" || c.lemma(k) == "should" || c.lemma(k) == "ought") {
			must = true
		}
	}
	if !must || c.negated(comp) {
		return cand{}, false
	}
	inner := "*"
	if ic, ok := c.verbEvent(comp, depth+1); ok {
		inner = ic.code
	}
	tgt, _ := c.actorsOf(c.subject(comp))
	if inner == "*" && !resolved(tgt) {
		return cand{}, false // "a move ministers say should keep taxes down"
	}
	code, _ := c.s.rules.Derive("demand", inner)
	c.used[v], c.used[comp] = true, true
	ev := cand{code: code, trig: comp, clause: v, framed: true, inner: inner}
	ev.src, ev.srcPhrase, ev.srcTok = c.sourceOf(v)
	ev.tgt = dropSame(tgt, ev.src)
	return ev, true
}

// conflictual reports whether a code is a material conflict or a threat of
// one (roots 13 to 20).
func conflictual(code string) bool {
	return code[:2] >= "13"
}

// nounEvent codes a nominal trigger that stands on its own: "Russia's
// attack on Ukraine", "the Israeli air strikes on Gaza". Both sides must be
// named, or the noun is only a topic.
func (c *coder) nounEvent(n int) (cand, bool) {
	switch c.rel(n) {
	case "obl", "nmod", "compound", "amod":
		return cand{}, false // "since Russia's invasion of Ukraine": a mention, not the news
	}
	m, ok := c.matchNoun(n)
	if !ok {
		return cand{}, false
	}
	src := c.nounSource(n)
	if len(src) == 0 {
		return cand{}, false
	}
	tgt := c.nounTarget(n, src)
	if len(tgt) == 0 {
		return cand{}, false
	}
	c.used[n] = true
	return cand{code: m.rule.Code, trig: n, clause: n, src: src, tgt: tgt, srcPhrase: true, srcTok: -1}, true
}
