// Package events codes political events: from each sentence of a parsed,
// actor-resolved document, who did what to whom and when, with a CAMEO code,
// its PLOVER category, QuadClass and Goldstein score, and the evidence
// (trigger and sentence spans, the quote it was reported in).
//
// Triggers are found by lemma and dependency patterns read from a rules file
// (data/verbs.txt, documented in data/README.md): verbs and their
// nominalisations, light verbs ("held talks with", "imposed sanctions on")
// and frames whose complement is the event ("agreed to cooperate" → 0311,
// "threatened to impose sanctions" → 1312, "refused to release" → 1243,
// "called for a ceasefire" → 107). Sources and targets are lists, so "the
// UK, France and Ukraine" stays three actors; each is resolved through the
// entities, the coreference chains and the knowledge base's descriptions
// ("Hungarian officials" → HUNGOV). Modality is kept: negated events ("did
// not attack") and hypothetical ones (conditions, threats, intentions,
// "would impose ... should Putin refuse") are marked, and modal conflict
// events become threats. Each event is dated by the time expression of its
// clause, resolved against the publication date; an event in an "after" or
// "before" clause by the lapse from the clause it depends on ("on Monday, a
// day after Ukraine attacked" is Sunday); else by the publication date.
//
//	rules, err := events.DefaultRules()
//	st := events.New(rules, kb)
//	if err := st.Apply(ctx, d); err != nil { ... }
//	for _, e := range d.Events {
//		fmt.Println(e.CAMEO, e.Plover, d.Slice(e.Trigger), e.Date)
//	}
package events

import (
	"context"
	"strings"
	"time"

	"github.com/dyad-news/dyad/internal/actors"
	"github.com/dyad-news/dyad/internal/doc"
	"github.com/dyad-news/dyad/internal/timex"
)

// KB is what the event coder needs from the actor knowledge base.
type KB interface {
	// Describe resolves a noun phrase ("Hungarian officials") on a date.
	Describe(words []string, date time.Time) (actors.Actor, bool)
	// Agent returns the sector of an agent word ("rebels" → REB).
	Agent(words ...string) (sector string, ok bool)
}

var _ KB = (*actors.KB)(nil)

// Stage is the event-coding stage of the pipeline.
type Stage struct {
	rules *Rules
	kb    KB
}

// New returns the event stage coding with rules and resolving actor phrases
// through kb.
func New(rules *Rules, kb KB) *Stage { return &Stage{rules: rules, kb: kb} }

// Name returns "events".
func (s *Stage) Name() string { return "events" }

// Requires lists the layers the stage reads. Quotes are used when present.
func (s *Stage) Requires() []doc.Layer {
	return []doc.Layer{doc.LayerTokens, doc.LayerSentences, doc.LayerPOS, doc.LayerLemmas, doc.LayerDeps,
		doc.LayerEntities, doc.LayerActors, doc.LayerCoref}
}

// Assigns lists the layers the stage sets.
func (s *Stage) Assigns() []doc.Layer { return []doc.Layer{doc.LayerEvents} }

// Apply codes the events of d and sets d.Events.
func (s *Stage) Apply(ctx context.Context, d *doc.Doc) error {
	if err := d.Require(s.Name(), s.Requires()...); err != nil {
		return err
	}
	evs := s.Code(ctx, d)
	d.Events = evs
	d.Mark(doc.LayerEvents)
	return nil
}

// Code returns the events of d without changing d.
func (s *Stage) Code(ctx context.Context, d *doc.Doc) []doc.Event {
	c := newCoder(s, d)
	var out []doc.Event
	for si := range d.Sentences {
		if si%64 == 0 && ctx.Err() != nil {
			break
		}
		out = c.sentence(si, out)
	}
	return c.dropSportsViolence(out)
}

// violentRoots are the CAMEO roots of force (coerce, assault, fight, mass
// violence) that sports reports use for games: "Wales beat France",
// "stormed to victory", "battled past Davenport".
var violentRoots = map[string]bool{"17": true, "18": true, "19": true, "20": true}

// dropSportsViolence removes the events of force from a sports report (at
// least 4 sports words, 1% of its words) and from any sentence with two
// sports words or a score ("2-1") in it. The sports words are the "sport"
// lines of the rules file.
func (c *coder) dropSportsViolence(evs []doc.Event) []doc.Event {
	if len(c.s.rules.sport) == 0 || len(evs) == 0 {
		return evs
	}
	perSentence := make([]int, len(c.d.Sentences))
	total, words := 0, 0
	for _, t := range c.d.Tokens {
		if t.UPOS == "PUNCT" {
			continue
		}
		words++
		if c.s.rules.sport[strings.ToLower(t.Form)] || isScore(t.Form) {
			total++
			if t.Sentence >= 0 && t.Sentence < len(perSentence) {
				perSentence[t.Sentence]++
			}
		}
	}
	sportsDoc := total >= 4 && total*100 >= words
	kept := evs[:0]
	for _, e := range evs {
		sporty := sportsDoc || e.Sentence >= 0 && e.Sentence < len(perSentence) && perSentence[e.Sentence] >= 2
		if sporty && len(e.CAMEO) >= 2 && violentRoots[e.CAMEO[:2]] {
			continue
		}
		kept = append(kept, e)
	}
	return kept
}

// isScore reports whether w reads as a score or result: two numbers of at
// most three digits joined by a hyphen ("2-1", "45-6").
func isScore(w string) bool {
	a, b, ok := strings.Cut(w, "-")
	if !ok || len(a) == 0 || len(b) == 0 || len(a) > 3 || len(b) > 3 {
		return false
	}
	for _, r := range a + b {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// published returns the document date, or the zero time.
func published(d *doc.Doc) time.Time {
	t, err := time.Parse("2006-01-02", d.Published)
	if err != nil {
		return time.Time{}
	}
	return t
}

// coder holds the per-document indexes used while coding.
type coder struct {
	s    *Stage
	d    *doc.Doc
	date time.Time
	// place is the name of the article's place (doc.Doc.Place), if any.
	place    string
	hasPlace bool
	kids     [][]int // children of each token
	entityOf []int   // token → index into d.Entities, or -1
	mention  []int   // token → index into d.Mentions, or -1
	times    []timex.Expr
	timeTok  []int // token of each time expression's first word
	used     []bool
	lem      []string
	cache    map[string]*doc.Actor
}

func newCoder(s *Stage, d *doc.Doc) *coder {
	n := len(d.Tokens)
	c := &coder{s: s, d: d, date: published(d), kids: make([][]int, n), entityOf: make([]int, n),
		mention: make([]int, n), used: make([]bool, n), cache: map[string]*doc.Actor{}}
	c.lem = make([]string, n)
	for i, t := range d.Tokens {
		c.lem[i] = c.computeLemma(i)
		c.entityOf[i], c.mention[i] = -1, -1
		if t.Head >= 0 && t.Head < n {
			c.kids[t.Head] = append(c.kids[t.Head], i)
		}
	}
	for ei, e := range d.Entities {
		for t := e.First; t < e.Last && t < n; t++ {
			c.entityOf[t] = ei
		}
	}
	for mi, m := range d.Mentions {
		for t := m.First; t < m.Last && t < n; t++ {
			if c.mention[t] < 0 {
				c.mention[t] = mi
			}
		}
	}
	if c.date.IsZero() {
		c.date = time.Now().UTC()
	}
	c.place, c.hasPlace = d.Place()
	return c
}

// lemma returns the lower-case lemma of token i.
func (c *coder) lemma(i int) string { return c.lem[i] }

// computeLemma returns the lower-case lemma of token i, or the rule lemma
// its form is an inflection of when the tagger's lemma is unknown to the
// rules.
func (c *coder) computeLemma(i int) string {
	t := &c.d.Tokens[i]
	l := t.Lemma
	if l == "" {
		l = t.Form
	}
	if hasUpper(l) {
		l = strings.ToLower(l)
	}
	rs := c.s.rules
	if _, ok := rs.verbs[l]; ok {
		return l
	}
	if _, ok := rs.nouns[l]; ok {
		return l
	}
	if _, ok := rs.frames[l]; ok {
		return l
	}
	if f, ok := rs.forms[strings.ToLower(t.Form)]; ok {
		return f
	}
	return l
}

func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// rel returns the universal part of token i's relation ("obl:tmod" → "obl").
func (c *coder) rel(i int) string {
	r := c.d.Tokens[i].DepRel
	if j := strings.IndexByte(r, ':'); j >= 0 {
		return r[:j]
	}
	return r
}

// child returns the first child of i with relation rel (full or universal).
func (c *coder) child(i int, rel string) int {
	for _, k := range c.kids[i] {
		if c.d.Tokens[k].DepRel == rel {
			return k
		}
	}
	if strings.IndexByte(rel, ':') < 0 {
		for _, k := range c.kids[i] {
			if c.rel(k) == rel {
				return k
			}
		}
	}
	return -1
}

// caseOf returns the lemma of the preposition introducing token i, or "".
func (c *coder) caseOf(i int) string {
	for _, k := range c.kids[i] {
		if r := c.d.Tokens[k].DepRel; r == "case" || r == "mark" && c.d.Tokens[k].UPOS == "ADP" {
			return c.lemma(k)
		}
	}
	return ""
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}
