package events

import (
	"sort"
	"strings"

	"github.com/dyad-news/dyad/internal/actors"
	"github.com/dyad-news/dyad/internal/coref"
	"github.com/dyad-news/dyad/internal/doc"
)

// targetPreps are the prepositions that introduce the target of a verb
// ("met with", "fired on", "sent to"); "for", "of" and "in" introduce
// topics, reasons and places instead.
var targetPreps = map[string]bool{"to": true, "with": true, "against": true, "on": true, "at": true,
	"toward": true, "towards": true, "into": true, "upon": true, "over": true, "from": true, "onto": true, "between": true}

// locativeCase are the prepositions that place a thing somewhere.
var locativeCase = map[string]bool{"in": true, "at": true, "near": true, "outside": true, "inside": true,
	"across": true, "throughout": true, "around": true}

// objectControl verbs pass their object, not their subject, to an infinitive
// ("urged Iran to stop": Iran stops).
var objectControl = map[string]bool{"urge": true, "ask": true, "call": true, "tell": true, "force": true,
	"persuade": true, "order": true, "invite": true, "encourage": true, "press": true, "allow": true,
	"help": true, "request": true, "pressure": true, "compel": true, "convince": true}

var relPronouns = map[string]bool{"who": true, "which": true, "that": true, "whom": true}

// passiveDoer reports whether the passive subject of verb v is its doer: so
// it is for the adjectival passives of intent and refusal frames ("is
// prepared to", "is committed to", "is opposed to"), not for requests,
// demands and threats, whose passive subject is their target ("was asked
// to", "was urged to", "was warned").
func (c *coder) passiveDoer(v int) bool {
	for _, f := range c.s.rules.frames[c.lemma(v)] {
		if f.Kind == "intent" || f.Kind == "refuse" {
			return true
		}
	}
	return false
}

// subject returns the token that is the subject (the doer) of verb v,
// climbing through control, coordination and participles; passive verbs
// give their "by" agent. It returns -1 when there is none.
func (c *coder) subject(v int) int {
	for hops := 0; v >= 0 && hops < 6; hops++ {
		if s := c.nsubj(v); s >= 0 && c.d.Tokens[s].DepRel != "nsubj:pass" {
			return c.quantified(c.relHead(s))
		}
		if hops == 0 {
			if k := c.bareSubject(v); k >= 0 {
				return c.quantified(c.relHead(k))
			}
		}
		if sp := c.child(v, "nsubj:pass"); sp >= 0 {
			for _, k := range c.kids[v] {
				if c.d.Tokens[k].DepRel == "obl:agent" || (c.rel(k) == "obl" && c.caseOf(k) == "by") {
					return c.relHead(k)
				}
			}
			if c.passiveDoer(v) {
				return c.quantified(c.relHead(sp)) // "he is prepared to ...", "is committed to ..."
			}
			return -1 // "he was asked to ...": the asker is not named
		}
		h := c.d.Tokens[v].Head
		if h < 0 {
			return -1
		}
		switch c.d.Tokens[v].DepRel {
		case "xcomp":
			if objectControl[c.lemma(h)] {
				if o := c.child(h, "obj"); o >= 0 {
					return o
				}
				if o := c.child(h, "iobj"); o >= 0 {
					return o
				}
			}
		case "conj", "advcl", "ccomp", "parataxis":
			if c.d.Tokens[v].DepRel == "ccomp" && c.d.Tokens[v].UPOS == "VERB" {
				return -1 // a reported clause has its own subject
			}
		case "amod":
			if c.mainAmod(v) {
				return c.npTop(h)
			}
			return -1
		case "acl":
			if c.mainAcl(v) {
				return c.npTop(h) // the subject, misread as the verb's head
			}
			return h // "troops firing on protesters"
		default:
			return -1
		}
		v = h
	}
	return -1
}

// bareSubject returns the noun right before finite verb v when the parse
// gave v no subject at all and hung that noun elsewhere ("a day after the
// US president threatened ...", with "president" made a modifier of
// "day"), or -1. Adverbs and time words between them are skipped.
func (c *coder) bareSubject(v int) int {
	tk := c.d.Tokens[v]
	if tk.UPOS != "VERB" || (tk.XPOS != "VBD" && tk.XPOS != "VBZ" && tk.XPOS != "VBP") {
		return -1
	}
	for _, k := range c.kids[v] {
		switch c.rel(k) {
		case "nsubj", "csubj", "expl":
			return -1
		}
	}
	k := v - 1
	for k >= 0 && (c.d.Tokens[k].UPOS == "ADV" || timeNouns[strings.ToLower(c.d.Tokens[k].Form)]) {
		k--
	}
	if k < 0 || c.d.Tokens[k].Sentence != tk.Sentence {
		return -1
	}
	if u := c.d.Tokens[k].UPOS; u != "NOUN" && u != "PROPN" {
		return -1
	}
	if c.d.Tokens[k].Head == v || timeNouns[strings.ToLower(c.d.Tokens[k].Form)] {
		return -1 // already the verb's object or modifier
	}
	return k
}

// timeNouns are nouns that say when, not who.
var timeNouns = map[string]bool{"today": true, "yesterday": true, "tonight": true, "tomorrow": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true}

// nsubj returns the active subject of verb v, or -1. A verb has one
// subject, but the parser now and then splits a long subject into two
// ("Zimbabwean | Prime Minister Robert Mugabe accused"): then a later one
// that is a known actor's name is the head of the real subject, and the
// first one is kept otherwise ("Taiwan's | Vice Foreign Minister visited").
func (c *coder) nsubj(v int) int {
	s := c.child(v, "nsubj")
	if s < 0 || s > v {
		return s
	}
	for _, k := range c.kids[v] {
		if k > s && k < v && c.d.Tokens[k].DepRel == "nsubj" {
			if ei := c.entityOf[k]; ei >= 0 && c.d.Entities[ei].Actor != nil && c.d.Entities[ei].Actor.Code != "" {
				s = k
			}
		}
	}
	return s
}

// quantities head phrases whose real head follows "of": "tens of thousands
// of students", "a group of deputies", "hundreds of protesters".
var quantities = map[string]bool{"ten": true, "tens": true, "hundred": true, "hundreds": true, "thousand": true,
	"thousands": true, "dozen": true, "dozens": true, "million": true, "millions": true, "group": true,
	"number": true, "crowd": true, "band": true, "batch": true, "patch": true, "contingent": true,
	"team": true, "delegation": true, "unit": true, "lot": true, "some": true, "many": true, "most": true,
	"several": true, "all": true, "part": true, "section": true, "member": true, "majority": true}

// quantified replaces a quantity by what it counts.
func (c *coder) quantified(s int) int {
	for hops := 0; hops < 3; hops++ {
		if c.d.Tokens[s].UPOS != "NUM" && !quantities[c.lemma(s)] {
			return s
		}
		next := -1
		for _, k := range c.kids[s] {
			if c.rel(k) == "nmod" && c.caseOf(k) == "of" {
				next = k
				break
			}
		}
		if next < 0 {
			return s
		}
		s = next
	}
	return s
}

// relHead replaces a relative pronoun by the noun its clause modifies.
func (c *coder) relHead(s int) int {
	if !relPronouns[c.lemma(s)] {
		return s
	}
	v := c.d.Tokens[s].Head
	if v >= 0 && c.d.Tokens[v].DepRel == "acl:relcl" {
		return c.d.Tokens[v].Head
	}
	return s
}

// sourceOf resolves the subject of v. phrase is true when v has a subject,
// even one that resolved to no actor.
func (c *coder) sourceOf(v int) (src []doc.EventActor, phrase bool, tok int) {
	s := c.subject(v)
	if s < 0 {
		return nil, false, -1
	}
	as, _ := c.actorsOf(s)
	if len(as) == 0 && c.d.Tokens[s].UPOS == "PRON" && c.d.Tokens[v].DepRel == "ccomp" {
		// "Switzerland said it had expelled ...": an unresolved pronoun in a
		// reported clause is most often the reporter.
		if r := c.subject(c.d.Tokens[v].Head); r >= 0 {
			as, _ = c.actorsOf(r)
		}
	}
	if len(as) == 0 {
		// "The talks between Russia and Ukraine ...": look inside.
		as = c.inside(s)
	}
	if len(as) == 0 && c.agentLike(s) {
		// An actor the knowledge base does not know is still the doer.
		toks := c.phrase(s)
		sp := doc.Span{Start: c.d.Tokens[toks[0]].Start, End: c.d.Tokens[toks[len(toks)-1]].End}
		as = []doc.EventActor{{Span: sp, Name: c.d.Slice(sp)}}
	}
	return as, true, s
}

// agentLike reports whether s can name a doer the knowledge base does not
// know: a proper name, an agent word ("students", "rebels"), an unresolved
// pronoun, or an event noun ("the explosion killed ...").
func (c *coder) agentLike(s int) bool {
	switch c.d.Tokens[s].UPOS {
	case "PROPN":
		return true
	case "PRON":
		// A personal pronoun coreference could not resolve still names a
		// doer; "this", "which" or "everyone" do not.
		return personal[c.lemma(s)]
	case "NOUN":
		for _, r := range c.s.rules.nouns[c.lemma(s)] {
			if r.Code >= "18" && r.Code != NoEvent {
				return true // "a roadside bombing killed ...": the violence is the doer
			}
		}
		if f := c.d.Tokens[s].Form; f != "" && f[0] >= 'A' && f[0] <= 'Z' && s > c.d.Sentences[c.d.Tokens[s].Sentence].First {
			return true // a title or name the tagger took for a noun
		}
		_, ok := c.s.kb.Agent(c.lemma(s))
		if !ok {
			_, ok = c.s.kb.Agent(strings.ToLower(c.d.Tokens[s].Form))
		}
		return ok
	}
	return false
}

var personal = map[string]bool{"he": true, "she": true, "they": true, "it": true, "him": true, "her": true, "them": true}

// resolved reports whether some actor of as has a code.
func resolved(as []doc.EventActor) bool {
	for _, a := range as {
		if a.Actor != nil {
			return true
		}
	}
	return false
}

// targetOf returns the target of verb v coded by match m.
func (c *coder) targetOf(v int, m match, src []doc.EventActor) []doc.EventActor {
	var cands []int
	if m.prep >= 0 && c.isNominal(m.prep) {
		cands = append(cands, m.prep)
	}
	if m.rule != nil && m.rule.Target != "" {
		for _, k := range c.kids[v] {
			if c.rel(k) == "obl" && c.caseOf(k) == m.rule.Target {
				cands = append(cands, k)
			}
		}
	}
	if k := c.child(v, "iobj"); k >= 0 {
		cands = append(cands, k)
	}
	if k := c.object(v); k >= 0 && k != c.child(v, "nsubj:pass") {
		cands = append(cands, k)
	}
	if c.subject(v) != c.child(v, "nsubj:pass") {
		if k := c.child(v, "nsubj:pass"); k >= 0 {
			cands = append(cands, k)
		}
	}
	for _, k := range c.kids[v] {
		if c.rel(k) == "obl" && c.d.Tokens[k].DepRel != "obl:agent" && targetPreps[c.caseOf(k)] {
			cands = append(cands, k)
		}
	}
	if c.object(v) < 0 {
		// A name right after a transitive verb that the parser took for a
		// modifier ("praised Poland" with Poland as advmod) is its object.
		for _, k := range c.kids[v] {
			if k == v+1 && c.d.Tokens[k].UPOS == "PROPN" && c.caseOf(k) == "" {
				switch c.d.Tokens[k].DepRel {
				case "advmod", "dep", "obl:npmod", "obl:unmarked", "compound", "nmod:unmarked":
					cands = append(cands, k)
				}
			}
		}
	}
	for _, k := range cands {
		if as, _ := c.actorsOf(k); len(as) > 0 {
			if as = dropSame(as, src); len(as) > 0 {
				return as
			}
		}
		if c.d.Tokens[k].UPOS == "NOUN" {
			if as := dropSame(c.inside(k), src); len(as) > 0 {
				return as
			}
		}
	}
	return nil
}

// inside looks for an actor inside a noun phrase that is not one itself:
// "the invasion of Kuwait by Iraq", "talks between Israel and Syria",
// "Russia's claims".
func (c *coder) inside(n int) []doc.EventActor {
	for _, k := range c.kids[n] {
		switch c.d.Tokens[k].DepRel {
		case "nmod:poss":
			if as, _ := c.actorsOf(k); len(as) > 0 {
				return as
			}
		case "nmod", "amod", "compound":
			if cs := c.caseOf(k); cs == "" || cs == "of" || cs == "by" || cs == "between" || cs == "with" || targetPreps[cs] {
				if as, _ := c.actorsOf(k); len(as) > 0 {
					return as
				}
			}
		}
	}
	return nil
}

// nounSource returns the doer of a nominal event: a possessor ("Russia's
// attack"), a "by" phrase, or a national adjective ("the Israeli raid").
func (c *coder) nounSource(n int) []doc.EventActor {
	for _, k := range c.kids[n] {
		r := c.d.Tokens[k].DepRel
		if r == "nmod:poss" || (c.rel(k) == "nmod" && c.caseOf(k) == "by") || r == "amod" || (r == "compound" && c.d.Tokens[k].UPOS == "PROPN") {
			if as, _ := c.actorsOf(k); len(as) > 0 {
				return as
			}
		}
	}
	return nil
}

// nounTarget returns the target of a nominal event: "the attack on Kyiv",
// "sanctions against Iran", "talks with Hamas".
func (c *coder) nounTarget(n int, src []doc.EventActor) []doc.EventActor {
	for _, k := range c.kids[n] {
		if c.rel(k) != "nmod" {
			continue
		}
		if cs := c.caseOf(k); targetPreps[cs] || cs == "of" {
			as, _ := c.actorsOf(k)
			if len(as) == 0 && c.d.Tokens[k].UPOS == "NOUN" {
				as = c.inside(k) // "a suspension of air links with Serbia"
			}
			if as = dropSame(as, src); len(as) > 0 {
				return as
			}
		}
	}
	return nil
}

// dropSame removes from as the actors mentioned by the same span as one in
// src.
func dropSame(as, src []doc.EventActor) []doc.EventActor {
	if len(src) == 0 {
		return as
	}
	out := as[:0:0]
	for _, a := range as {
		same := false
		for _, s := range src {
			if s.Span == a.Span {
				same = true
			}
		}
		if !same {
			out = append(out, a)
		}
	}
	return out
}

// holdsMainVerb reports whether noun n carries the sentence's verb, which
// the parser took for a participle modifying it ("Russian troops attacked
// Ukrainian positions" parsed as troops, conj "attacked positions"): such a
// conjunct is the object, not a member of the subject.
func (c *coder) holdsMainVerb(n int) bool {
	for _, k := range c.kids[n] {
		if c.d.Tokens[k].DepRel == "amod" && c.mainAmod(k) {
			return true
		}
	}
	return false
}

// actorsOf resolves the noun phrase headed by h, split into its conjuncts
// ("the UK, France and Ukraine" → three actors; "Hungarian and Romanian
// officials" → HUNGOV, ROUGOV). phrase is false when h heads nothing.
func (c *coder) actorsOf(h int) (out []doc.EventActor, phrase bool) {
	if h < 0 {
		return nil, false
	}
	parts := []int{h}
	for i := 0; i < len(parts) && i < 12; i++ {
		for _, k := range c.kids[parts[i]] {
			switch c.d.Tokens[k].DepRel {
			case "conj":
				if c.isNominal(k) && !c.holdsMainVerb(k) {
					parts = append(parts, k)
				}
			case "appos":
				// "the UK, France and Ukraine" parsed as UK, appos France,
				// conj Ukraine: an apposition that opens a list is a member.
				if c.child(k, "conj") >= 0 && c.isNominal(k) {
					parts = append(parts, k)
				}
			}
		}
	}
	for _, p := range parts {
		toks := c.phrase(p)
		// Coordinated national adjectives share one head noun.
		var adjConj []int
		for _, k := range c.kids[p] {
			if c.d.Tokens[k].DepRel == "amod" {
				for _, k2 := range c.kids[k] {
					if c.d.Tokens[k2].DepRel == "conj" {
						adjConj = append(adjConj, k, k2)
					}
				}
			}
		}
		if len(adjConj) > 0 {
			for _, a := range adjConj {
				// The phrase with only this adjective: "Senior Romanian officials".
				var ws []string
				for _, t := range toks {
					if t == adjConj[0] {
						ws = append(ws, c.d.Tokens[a].Form)
						continue
					}
					if contains3(adjConj, t) || c.d.Tokens[t].UPOS == "CCONJ" || c.d.Tokens[t].UPOS == "PUNCT" {
						continue
					}
					ws = append(ws, c.d.Tokens[t].Form)
				}
				if act, ok := c.describe(ws); ok {
					sp := doc.Span{Start: min(c.d.Tokens[a].Start, c.d.Tokens[p].Start), End: max(c.d.Tokens[a].End, c.d.Tokens[p].End)}
					out = appendActor(out, doc.EventActor{Span: sp, Name: act.Name, Actor: act})
				}
			}
			continue
		}
		if ea, ok := c.resolve(p, toks); ok {
			out = appendActor(out, ea)
		}
	}
	return out, true
}

func contains3(l []int, x int) bool {
	for _, y := range l {
		if y == x {
			return true
		}
	}
	return false
}

func appendActor(out []doc.EventActor, a doc.EventActor) []doc.EventActor {
	for _, b := range out {
		if b.Span == a.Span {
			return out
		}
	}
	return append(out, a)
}

// phrase returns the tokens of the noun phrase headed by p, without its
// conjuncts, clauses and appositions, in text order.
func (c *coder) phrase(p int) []int {
	toks := []int{p}
	for i := 0; i < len(toks) && len(toks) < 16; i++ {
		for _, k := range c.kids[toks[i]] {
			switch c.d.Tokens[k].DepRel {
			case "det", "amod", "compound", "flat", "flat:name", "nmod:poss", "nummod", "fixed", "case", "compound:prt", "punct":
				if c.d.Tokens[k].DepRel == "case" && toks[i] == p {
					continue // the preposition in front of the phrase
				}
				if c.d.Tokens[k].DepRel == "punct" && c.d.Tokens[k].Form != "-" {
					continue
				}
				if c.d.Tokens[k].DepRel == "amod" && c.mainAmod(k) {
					continue // the sentence's verb, misread as a participle
				}
				toks = append(toks, k)
			case "nmod":
				if cs := c.caseOf(k); (cs == "of" || cs == "in" || cs == "from") && toks[i] == p {
					toks = append(toks, k)
				}
			}
		}
	}
	sort.Ints(toks)
	return toks
}

// resolve finds the actor of the phrase headed by p: its named entity, its
// coreference chain, or the knowledge base's reading of the whole phrase.
func (c *coder) resolve(p int, toks []int) (doc.EventActor, bool) {
	span := doc.Span{Start: c.d.Tokens[toks[0]].Start, End: c.d.Tokens[toks[len(toks)-1]].End}
	if ei := c.entityOf[p]; ei >= 0 && c.d.Entities[ei].Actor != nil && c.d.Entities[ei].Actor.Code != "" {
		e := c.d.Entities[ei]
		// A bare country or organisation name is the actor; a national
		// adjective before an agent noun is not ("Hungarian officials").
		return doc.EventActor{Span: doc.Span{Start: e.Start, End: e.End}, Name: e.Actor.Name, Actor: e.Actor}, true
	}
	if mi := c.mention[p]; mi >= 0 {
		m := c.d.Mentions[mi]
		if m.Chain >= 0 && m.Chain < len(c.d.Chains) {
			if ch := c.d.Chains[m.Chain]; ch.Actor != nil && ch.Actor.Code != "" {
				return doc.EventActor{Span: doc.Span{Start: m.Start, End: m.End}, Name: ch.Name, Actor: ch.Actor}, true
			}
		}
	}
	if c.d.Tokens[p].UPOS == "PRON" {
		return doc.EventActor{}, false
	}
	if ei := c.entityOf[p]; ei >= 0 && c.d.Entities[ei].Label == "PER" {
		// A person the knowledge base does not know ("Trump critic Mark
		// Cuban"): the names around the head only describe them.
		return doc.EventActor{}, false
	}
	ws := make([]string, 0, len(toks))
	for _, t := range toks {
		ws = append(ws, c.d.Tokens[t].Form)
	}
	if a, ok := c.describe(ws); ok {
		return doc.EventActor{Span: span, Name: a.Name, Actor: a}, true
	}
	if a, ok := c.describeAtDateline(p, toks); ok {
		return doc.EventActor{Span: span, Name: a.Name, Actor: a}, true
	}
	for _, t := range toks {
		if locativeCase[c.caseOf(t)] {
			continue // "the museum in Kyiv": a thing at a place is not the place
		}
		if ei := c.entityOf[t]; ei >= 0 && t != p && c.d.Entities[ei].Actor != nil && c.d.Entities[ei].Actor.Code != "" {
			e := c.d.Entities[ei]
			return doc.EventActor{Span: doc.Span{Start: e.Start, End: e.End}, Name: e.Actor.Name, Actor: e.Actor}, true
		}
		// A name in the phrase that coreference resolved ("Mr Brown"
		// with "Mr" for head and "Brown" linked to Gordon Brown).
		if mi := c.mention[t]; mi >= 0 && t != p && c.d.Mentions[mi].Kind == doc.MentionName {
			m := c.d.Mentions[mi]
			if m.Chain >= 0 && m.Chain < len(c.d.Chains) {
				if ch := c.d.Chains[m.Chain]; ch.Actor != nil && ch.Actor.Code != "" {
					return doc.EventActor{Span: span, Name: ch.Name, Actor: ch.Actor}, true
				}
			}
		}
	}
	return doc.EventActor{}, false
}

// describeAtDateline reads a phrase headed by a noun for an institution
// (actors.Institution: "police", "the army", "officials") that names no
// country as that institution of the article's place: the place its
// dateline names ("KYIV (Reuters) -"), else its home country. The actor keeps
// the phrase's words for its name.
func (c *coder) describeAtDateline(p int, toks []int) (*doc.Actor, bool) {
	// The head may be a capitalised common noun the tagger took for a
	// name ("- Police arrested ..."), but no named entity.
	if u := c.d.Tokens[p].UPOS; u != "NOUN" && u != "PROPN" || !c.hasPlace || !actors.Institution(strings.ToLower(c.d.Tokens[p].Form)) {
		return nil, false
	}
	if toks[len(toks)-1] != p {
		return nil, false // "the governments of the rich countries" say whose they are
	}
	var ws []string
	for _, t := range toks {
		if c.entityOf[t] >= 0 {
			return nil, false // a name of its own: not the dateline's
		}
		switch c.d.Tokens[t].UPOS {
		case "DET", "NUM":
		default:
			ws = append(ws, c.d.Tokens[t].Form)
		}
	}
	if len(ws) == 0 {
		return nil, false
	}
	a, ok := c.describe(append(strings.Fields(c.place), ws...))
	if !ok || a.Kind == "person" || a.Sector == "" {
		return nil, false
	}
	named := *a
	named.Name = c.d.Text[c.d.Tokens[toks[0]].Start:c.d.Tokens[toks[len(toks)-1]].End]
	return &named, true
}

// describe asks the knowledge base about a phrase, once per phrase.
func (c *coder) describe(ws []string) (*doc.Actor, bool) {
	key := joinKey(ws)
	if a, ok := c.cache[key]; ok {
		return a, a != nil
	}
	a, ok := c.s.kb.Describe(ws, c.date)
	if !ok || a.Code == "" {
		c.cache[key] = nil
		return nil, false
	}
	da := coref.ToDoc(a)
	c.cache[key] = &da
	return &da, true
}

func joinKey(ws []string) string {
	n := 0
	for _, w := range ws {
		n += len(w) + 1
	}
	b := make([]byte, 0, n)
	for _, w := range ws {
		b = append(b, w...)
		b = append(b, ' ')
	}
	return string(b)
}
