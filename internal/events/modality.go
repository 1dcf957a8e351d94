package events

import (
	"github.com/dyad-news/dyad/internal/doc"
	"github.com/dyad-news/dyad/internal/timex"
	"strconv"
	"strings"
	"time"
)

// hypotheticalAux are the auxiliaries that put an event in the future or in
// a possible world ("will impose", "would send", "could attack").
var hypotheticalAux = map[string]bool{"will": true, "would": true, "could": true, "may": true,
	"might": true, "shall": true, "should": true, "wo": true, "'ll": true}

var negWords = map[string]bool{"not": true, "never": true, "n't": true, "no": true, "neither": true, "nor": true}

// conditionalMarks open a condition ("if", "unless").
var conditionalMarks = map[string]bool{"if": true, "unless": true, "whether": true, "provided": true, "lest": true}

// negated reports whether the clause or noun v is denied: "did not attack",
// "never met", "no talks were held", "failed to agree".
func (c *coder) negated(v int) bool {
	for _, k := range c.kids[v] {
		switch c.rel(k) {
		case "advmod", "neg", "det", "aux", "cc":
			if negWords[c.lemma(k)] {
				return true
			}
		case "obj", "nsubj":
			// "imposed no sanctions", "no talks were held"
			if c.d.Tokens[k].DepRel == "nsubj:pass" || c.rel(k) == "obj" {
				if d := c.child(k, "det"); d >= 0 && c.lemma(d) == "no" {
					return true
				}
			}
		}
	}
	if h := c.d.Tokens[v].Head; h >= 0 {
		switch c.rel(v) {
		case "xcomp", "ccomp":
			// "failed to agree", "denied attacking the convoy", "denied
			// that its troops had fired".
			if l := c.lemma(h); l == "fail" || l == "deny" {
				return true
			}
		}
	}
	return false
}

// modal reports whether clause v carries a future or modal auxiliary.
func (c *coder) modal(v int) bool {
	for _, k := range c.kids[v] {
		if c.rel(k) == "aux" && hypotheticalAux[c.lemma(k)] {
			return true
		}
	}
	return false
}

// isCondition reports whether clause v is a condition: "if Russia attacks",
// "unless it withdraws", "should Putin refuse".
func (c *coder) isCondition(v int) bool {
	r := c.rel(v)
	if r != "advcl" && r != "ccomp" && r != "conj" && r != "parataxis" {
		return false
	}
	subj := c.child(v, "nsubj")
	for _, k := range c.kids[v] {
		switch c.rel(k) {
		case "mark":
			if r == "advcl" && conditionalMarks[c.lemma(k)] {
				return true
			}
		case "aux":
			// Inversion: "should Putin refuse", "had Russia agreed".
			if l := c.lemma(k); (l == "should" || l == "have" || l == "be") && subj >= 0 && k < subj {
				return true
			}
		}
	}
	return false
}

// inCondition reports whether v lies inside a conditional clause.
func (c *coder) inCondition(v int) bool {
	for hops := 0; v >= 0 && hops < 5; hops++ {
		if c.isCondition(v) {
			return true
		}
		switch c.rel(v) {
		case "xcomp", "conj", "ccomp", "advcl", "obj", "obl", "nmod", "nsubj":
			v = c.d.Tokens[v].Head
		default:
			return false
		}
	}
	return false
}

// hasCondition reports whether clause v depends on a condition:
// "would impose tariffs ... should Putin refuse".
func (c *coder) hasCondition(v int) bool {
	for _, k := range c.kids[v] {
		if c.isCondition(k) {
			return true
		}
	}
	return false
}

// unassertedHeads are verbs whose infinitive complement is no act that
// happened: "needs to withdraw", "has to leave", "would like to meet",
// "expects to sign".
var unassertedHeads = map[string]bool{"need": true, "have": true, "like": true, "wish": true,
	"expect": true, "ought": true, "deserve": true}

// refusals are verbs whose denial is a rejection (12).
var refusals = map[string]bool{"accept": true, "allow": true, "permit": true, "recognize": true,
	"recognise": true, "tolerate": true, "admit": true}

// modality sets the negation and hypothetical marks of an event and recodes
// modal events: a future or conditional act of cooperation is an intent
// (03), one of conflict a threat (13).
func (c *coder) modality(ev *cand) {
	v := ev.clause
	ev.neg = c.negated(v) || (ev.trig != v && c.negated(ev.trig))
	if ev.framed && ev.neg && (c.lemma(v) == "rule" || c.lemma(v) == "exclude") && ev.inner != "" {
		// "did not rule out military action" is a veiled threat.
		kind := "intent"
		if conflictual(ev.inner) {
			kind = "threat"
		}
		ev.code, _ = c.s.rules.Derive(kind, ev.inner)
		ev.neg, ev.hyp = false, true
	}
	if ev.neg && !ev.framed && refusals[c.lemma(ev.trig)] && ev.code[:2] >= "03" && ev.code[:2] <= "08" {
		// "will not accept the plan", "did not allow the convoy": a refusal.
		ev.code, _ = c.s.rules.Derive("refuse", ev.code)
		ev.neg = false
		if !c.inCondition(v) {
			return
		}
	}
	if h := c.d.Tokens[v].Head; h >= 0 && c.rel(v) == "xcomp" && unassertedHeads[c.lemma(h)] {
		// "need to attack", "does not have to withdraw": an obligation or
		// a wish, not an act; denied with its verb.
		ev.hyp = true
		ev.neg = ev.neg || c.negated(h)
	}
	cond := c.inCondition(v)
	if cond {
		ev.hyp = true
	}
	if !cond && !ev.framed && (c.modal(v) || c.hasCondition(v)) {
		ev.hyp = true
		root := ev.code[:2]
		switch {
		case root >= "04" && root <= "08":
			ev.code, _ = c.s.rules.Derive("intent", ev.code)
		case conflictual(ev.code) && root != "13":
			ev.code, _ = c.s.rules.Derive("threat", ev.code)
		}
	}
	if r := ev.code[:2]; r == "03" || r == "13" {
		ev.hyp = true
	}
}

// findTimes indexes the time expressions of the document by token.
func (c *coder) findTimes() {
	if c.times != nil {
		return
	}
	ref := published(c.d)
	c.times = timex.Find(c.d.Text, ref, timex.Unknown)
	if c.times == nil {
		c.times = []timex.Expr{}
	}
	c.timeTok = make([]int, len(c.times))
	for i, e := range c.times {
		c.timeTok[i] = c.d.TokenAt(e.Start)
	}
}

// temporalRels are the relations by which a time expression modifies a
// clause ("on Monday", "yesterday", "last week", "in 2022").
var temporalRels = map[string]bool{"obl": true, "obl:tmod": true, "obl:unmarked": true, "obl:npmod": true,
	"nmod:tmod": true, "advmod": true, "nmod": true, "nmod:unmarked": true}

// dateOf returns the day of the time expression that modifies the clause
// of token v or one of the clauses above it (the nearest wins), or "".
// Expressions inside arguments ("next Sunday's elections") do not date the
// event.
func (c *coder) dateOf(si, v int) string {
	c.findTimes()
	s := c.d.Sentences[si]
	var path [32]int
	n := 0
	for t := v; t >= s.First && t < s.Last && n < len(path); t = c.d.Tokens[t].Head {
		path[n] = t
		n++
	}
	best, bestPos := "", 2*n+2
	for i, e := range c.times {
		tok := c.timeTok[i]
		if tok < s.First || tok >= s.Last {
			continue
		}
		day, _, ok := e.Day()
		if !ok {
			continue
		}
		// The word of the expression whose head lies outside it.
		h := tok
		for hops := 0; hops < 8; hops++ {
			p := c.d.Tokens[h].Head
			if p < 0 || c.d.Tokens[p].Start < e.Start || c.d.Tokens[p].End > e.End {
				break
			}
			h = p
		}
		head := c.d.Tokens[h].Head
		if head < 0 || !temporalRels[c.d.Tokens[h].DepRel] {
			continue
		}
		found := false
		for j := 0; j < n; j++ {
			if path[j] == head && j < bestPos {
				best, bestPos, found = day.Format("2006-01-02"), j, true
			}
		}
		// A prepositional date that the parser hung on an argument of the
		// verb ("attacked Ukraine on 24 February 2022", with "February"
		// under "Ukraine") still dates the verb; it ranks after any date
		// attached to the clause itself.
		if !found && dateMarker(c, h) {
			for hops, t := 0, head; hops < 2 && t >= 0; hops, t = hops+1, c.d.Tokens[t].Head {
				if p := c.d.Tokens[t].Head; p == v && n+hops < bestPos {
					best, bestPos = day.Format("2006-01-02"), n+hops
					break
				}
			}
		}
	}
	return best
}

// dateMarker reports whether the time expression headed by token h is
// introduced by a temporal preposition ("on Monday", "in 2022").
// timeUnits are the days a unit of a lapse counts ("a day after", "two
// weeks before"); units shorter than a day count none.
var timeUnits = map[string]int{"minute": 0, "hour": 0, "day": 1, "week": 7, "month": 30, "year": 365}

// smallNumbers are the counts news writes in words.
var smallNumbers = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": -1, "few": -1}

// relativeDate dates clause v of sentence si when it is an "after" or
// "before" clause of a dated clause: "Russia struck Kyiv on Monday, a day
// after Ukraine attacked a bridge" puts the attack on Sunday (lapse true),
// "hours after" on the same day. Without a lapse, or with a vague one
// ("several days after"), it returns the other clause's date, the nearest
// known, and lapse false; "" when v is no such clause. The lapse is read
// from the words before "after" ("two weeks after"), which parsers attach
// in many ways.
func (c *coder) relativeDate(si, v int) (date string, lapse bool) {
	if r := c.rel(v); r != "advcl" && r != "conj" {
		return "", false
	}
	sign, mark := 0, -1
	for _, k := range c.kids[v] {
		if c.rel(k) == "mark" && k < v {
			switch c.lemma(k) {
			case "after":
				sign, mark = -1, k
			case "before":
				sign, mark = 1, k
			}
		}
	}
	h := c.d.Tokens[v].Head
	if sign == 0 || h < 0 {
		return "", false
	}
	base := c.dateOf(si, h)
	day, err := time.Parse("2006-01-02", base)
	if err != nil || mark < 1 {
		return base, false
	}
	unit, ok := timeUnits[strings.TrimSuffix(strings.ToLower(c.d.Tokens[mark-1].Form), "s")]
	if !ok {
		return base, false
	}
	n := 1
	if first := c.d.Sentences[si].First; mark-2 >= first {
		w := strings.ToLower(c.d.Tokens[mark-2].Form)
		if x, ok := smallNumbers[w]; ok {
			n = x
		} else if x, err := strconv.Atoi(w); err == nil {
			n = x
		}
	}
	if n < 0 {
		return base, false
	}
	return day.AddDate(0, 0, sign*n*unit).Format("2006-01-02"), true
}

func dateMarker(c *coder, h int) bool {
	for _, k := range c.kids[h] {
		if c.d.Tokens[k].DepRel == "case" {
			switch strings.ToLower(c.d.Tokens[k].Form) {
			case "on", "in", "during", "since", "until", "by":
				return true
			}
		}
	}
	return false
}

// quoteOf returns the index of the quote whose content holds span sp, or -1.
func (c *coder) quoteOf(sp doc.Span) int {
	if !c.d.Has(doc.LayerQuotes) {
		return -1
	}
	for i, q := range c.d.Quotes {
		if q.Span.Len() > 0 && q.Span.Contains(sp) {
			return i
		}
	}
	return -1
}

// location returns the place of clause v or of its doer ("in Serbia",
// "throughout Indonesia", "students in Jakarta") as an actor.
func (c *coder) location(v, subj int) []doc.EventActor {
	var cands []int
	for _, k := range c.kids[v] {
		if c.rel(k) == "obl" {
			cands = append(cands, k)
			for _, k2 := range c.kids[k] {
				if c.rel(k2) == "nmod" {
					cands = append(cands, k2)
				}
			}
		}
	}
	if subj >= 0 {
		for _, k := range c.kids[subj] {
			if c.rel(k) == "nmod" {
				cands = append(cands, k)
			}
		}
	}
	for _, k := range cands {
		switch c.caseOf(k) {
		case "in", "at", "throughout", "across", "outside", "near":
			if as, _ := c.actorsOf(k); len(as) > 0 {
				return as
			}
		}
	}
	return nil
}

// validSpans drops actors whose span is empty or outside the text, so that
// no stage's mistake reaches the records.
func (c *coder) validSpans(as []doc.EventActor) []doc.EventActor {
	out := as[:0:0]
	for _, a := range as {
		if a.Start >= 0 && a.Start < a.End && a.End <= len(c.d.Text) {
			out = append(out, a)
		}
	}
	return out
}

var firstPerson = map[string]bool{"i": true, "we": true, "us": true, "me": true}

// finish turns a candidate into a doc.Event, or reports false when it has
// no actor at all.
func (c *coder) finish(si int, ev cand) (doc.Event, bool) {
	ev.src, ev.tgt = c.validSpans(ev.src), c.validSpans(ev.tgt)
	trig := c.d.Tokens[ev.trig].Span()
	q := c.quoteOf(trig)
	if q >= 0 && !resolved(ev.src) {
		qt := c.d.Quotes[q]
		// "We will not accept this," the minister said: the speaker acts.
		if qt.Actor != nil && qt.Actor.Code != "" && qt.Speaker.Len() > 0 && (!ev.srcPhrase || ev.srcTok >= 0 && firstPerson[c.lemma(ev.srcTok)]) {
			ev.src = []doc.EventActor{{Span: qt.Speaker, Name: qt.Name, Actor: qt.Actor}}
			ev.srcPhrase = true
		}
	}
	if ev.code[:2] == "14" && !resolved(ev.src) {
		// Protesters nobody names are coded by where they protest.
		if loc := c.location(ev.clause, ev.srcTok); len(loc) > 0 {
			if ev.src = loc; len(ev.tgt) == 0 {
				ev.tgt = loc
			}
		}
	}
	if len(ev.src) == 0 && (len(ev.tgt) == 0 || ev.srcPhrase) {
		// No doer, or a doer that is a thing ("the report examines ...").
		return doc.Event{}, false
	}
	if !resolved(ev.src) && !resolved(ev.tgt) && ev.code[:2] <= "02" {
		return doc.Event{}, false // a statement by nobody known says little
	}
	code, ok := c.s.rules.Code(ev.code)
	if !ok {
		return doc.Event{}, false
	}
	date, lapse := c.relativeDate(si, ev.clause)
	if !lapse {
		if d := c.dateOf(si, ev.trig); d != "" {
			date = d
		} else if d := c.dateOf(si, ev.clause); d != "" && ev.clause != ev.trig {
			date = d
		}
	}
	if date == "" {
		date = c.d.Published
	}
	return doc.Event{
		CAMEO: code.Code, Plover: code.Plover, Mode: code.Mode, Context: code.Context,
		Quad: code.Quad, Goldstein: code.Goldstein,
		Source: ev.src, Target: ev.tgt,
		Trigger: trig, Sentence: si,
		Negated: ev.neg, Hypothetical: ev.hyp,
		Date: date, Quote: q,
	}, true
}
