// Package coref links the mentions of one article that refer to the same
// actor: full names and surnames ("Dmitry Peskov" … "Peskov"), titled
// descriptions resolved through the actor knowledge base on the article's
// date ("the Russian president" → Vladimir Putin in 2025; "the spokesman" →
// the spokesperson named before; "the foreign secretary" with no country →
// the holder of that office at the article's dateline or home country,
// unless another country was just named), organisation aliases, and pronouns
// (he, she, they, his, …) resolved to the nearest compatible person or group.
//
// It reads the tokens, POS tags, dependencies and resolved entities of a
// doc.Doc and adds doc.Mentions and doc.Chains (LayerCoref). Quotes and
// events read a mention's chain to learn who "he" or "the ministry" is.
//
//	r := coref.New(kb)
//	if err := r.Annotate(d); err != nil { ... }
//	for _, m := range d.Mentions {
//		if m.Chain >= 0 {
//			fmt.Println(d.Text[m.Start:m.End], "→", d.Chains[m.Chain].Name)
//		}
//	}
package coref

import (
	"context"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/dyad-news/dyad/internal/actors"
	"github.com/dyad-news/dyad/internal/doc"
)

// KB is what coreference needs from the actor knowledge base.
type KB interface {
	// Describe resolves a description ("the Russian president") on a date.
	Describe(words []string, date time.Time) (actors.Actor, bool)
	// Agent returns the sector of an agent word ("spokesman" → GOV).
	Agent(words ...string) (sector string, ok bool)
	// GivenName returns the gender of a given name.
	GivenName(name string) (gender string, ok bool)
}

var _ KB = (*actors.KB)(nil)

// Resolver adds the coreference layer to documents.
type Resolver struct {
	kb KB
}

// New returns a Resolver that reads descriptions and genders from kb.
func New(kb KB) *Resolver { return &Resolver{kb: kb} }

// Requires lists the layers Annotate reads.
func (r *Resolver) Requires() []doc.Layer {
	return []doc.Layer{doc.LayerTokens, doc.LayerSentences, doc.LayerPOS, doc.LayerDeps, doc.LayerEntities, doc.LayerActors}
}

// Assigns lists the layers Annotate sets.
func (r *Resolver) Assigns() []doc.Layer { return []doc.Layer{doc.LayerCoref} }

// pronoun describes what a pronoun can refer to.
type pronoun struct {
	gender string // "m", "f"; "" for plural
	plural bool
}

var pronouns = map[string]pronoun{
	"he": {gender: "m"}, "him": {gender: "m"}, "his": {gender: "m"}, "himself": {gender: "m"},
	"she": {gender: "f"}, "her": {gender: "f"}, "hers": {gender: "f"}, "herself": {gender: "f"},
	"they": {plural: true}, "them": {plural: true}, "their": {plural: true}, "theirs": {plural: true}, "themselves": {plural: true},
}

// chainInfo is what linking needs to know about a chain while it grows.
type chainInfo struct {
	person bool   // refers to a person
	group  bool   // refers to an organisation, country or group ("they")
	gender string // "m", "f" or "" when unknown
	words  []string
	last   int // index of the chain's latest mention
}

// Annotate finds the mentions of d and links them into chains.
func (r *Resolver) Annotate(d *doc.Doc) error {
	if err := d.Require("coref", r.Requires()...); err != nil {
		return err
	}
	date, _ := time.Parse("2006-01-02", d.Published)
	if date.IsZero() {
		date = time.Now().UTC()
	}
	d.Mentions = r.mentions(d)
	d.Chains = nil
	var info []chainInfo
	quoted := quotedTokens(d)
	place, _ := d.Place() // "" for none
	for mi := range d.Mentions {
		m := &d.Mentions[mi]
		m.Chain = -1
		switch m.Kind {
		case doc.MentionName:
			m.Chain = r.linkName(d, mi, &info, date)
		case doc.MentionNominal:
			m.Chain = r.linkNominal(d, mi, &info, date, place)
		case doc.MentionPronoun:
			m.Chain = r.linkPronoun(d, mi, info, quoted)
		}
		if m.Chain >= 0 {
			c := &d.Chains[m.Chain]
			c.Mentions = append(c.Mentions, mi)
			info[m.Chain].last = mi
		}
	}
	d.Mark(doc.LayerCoref)
	return nil
}

// mentions collects named entities, definite descriptions headed by an
// agent word, and personal pronouns, in text order.
func (r *Resolver) mentions(d *doc.Doc) []doc.Mention {
	var out []doc.Mention
	inEntity := make([]int, len(d.Tokens))
	for i := range inEntity {
		inEntity[i] = -1
	}
	for ei, e := range d.Entities {
		if e.Label != "PER" && e.Label != "ORG" && e.Label != "LOC" {
			continue
		}
		for t := e.First; t < e.Last; t++ {
			inEntity[t] = ei
		}
		out = append(out, doc.Mention{First: e.First, Last: e.Last, Start: e.Start, End: e.End, Kind: doc.MentionName, Entity: ei, Chain: -1})
	}
	for i, t := range d.Tokens {
		if inEntity[i] >= 0 {
			continue
		}
		lw := strings.ToLower(t.Form)
		if _, ok := pronouns[lw]; ok && t.UPOS == "PRON" {
			out = append(out, doc.Mention{First: i, Last: i + 1, Start: t.Start, End: t.End, Kind: doc.MentionPronoun, Entity: -1, Chain: -1})
			continue
		}
		if t.UPOS != "NOUN" {
			continue
		}
		if _, ok := r.kb.Agent(lw); !ok {
			continue
		}
		// A title right before a name ("Kremlin spokesman Dmitry Peskov")
		// belongs to the name, not a mention of its own.
		if i+1 < len(d.Tokens) && inEntity[i+1] >= 0 && d.Entities[inEntity[i+1]].Label == "PER" {
			continue
		}
		first := nominalStart(d, i, inEntity)
		if first < 0 {
			continue
		}
		out = append(out, doc.Mention{First: first, Last: i + 1, Start: d.Tokens[first].Start, End: t.End, Kind: doc.MentionNominal, Entity: -1, Chain: -1})
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

// nominalStart returns the first token of the definite description headed
// by token head ("the Russian president", "Russia's foreign minister"), or
// -1 when the phrase is not definite.
func nominalStart(d *doc.Doc, head int, inEntity []int) int {
	sent := d.Sentences[d.Tokens[head].Sentence]
	i := head
	for i > sent.First {
		p := d.Tokens[i-1]
		switch {
		case p.UPOS == "DET":
			lw := strings.ToLower(p.Form)
			if lw == "the" || lw == "this" || lw == "that" {
				return i - 1
			}
			return -1 // "a minister", "some officials": not a reference to someone known
		case p.UPOS == "PART" && (p.Form == "'s" || p.Form == "’s"):
			// "Russia's president": the possessor makes it definite.
			j := i - 2
			for j > sent.First && (d.Tokens[j-1].UPOS == "PROPN" || (inEntity[j] >= 0 && inEntity[j-1] == inEntity[j])) {
				j--
			}
			if j >= sent.First {
				return j
			}
			return -1
		case p.UPOS == "ADJ" || p.UPOS == "PROPN" || p.UPOS == "NOUN" || inEntity[i-1] >= 0:
			i--
		default:
			return -1
		}
	}
	return -1
}

func (r *Resolver) words(d *doc.Doc, m doc.Mention) []string {
	ws := make([]string, 0, m.Last-m.First)
	for t := m.First; t < m.Last; t++ {
		ws = append(ws, d.Tokens[t].Form)
	}
	return ws
}

// newChain starts a chain for mention mi.
func (r *Resolver) newChain(d *doc.Doc, info *[]chainInfo, mi int, a *doc.Actor, person, group bool) int {
	m := d.Mentions[mi]
	c := doc.Chain{Actor: a}
	ci := chainInfo{person: person, group: group, words: r.words(d, m)}
	if m.Kind == doc.MentionName {
		c.Name = d.Text[m.Start:m.End]
	}
	if a != nil {
		if c.Name == "" || (a.Kind == "person" && a.Name != "") {
			c.Name = a.Name
		}
		ci.gender = a.Gender
	}
	if person && ci.gender == "" && len(ci.words) > 1 {
		ci.gender, _ = r.kb.GivenName(ci.words[0])
	}
	d.Chains = append(d.Chains, c)
	*info = append(*info, ci)
	return len(d.Chains) - 1
}

// honorifics are the courtesy titles news puts before a surname, with the
// gender they tell ("m", "f" or "" for either).
var honorifics = map[string]string{
	"Mr": "m", "Mr.": "m", "Sir": "m", "Lord": "m", "Prince": "m", "King": "m",
	"Mrs": "f", "Mrs.": "f", "Ms": "f", "Ms.": "f", "Miss": "f", "Lady": "f", "Dame": "f",
	"Baroness": "f", "Princess": "f", "Queen": "f",
	"Dr": "", "Dr.": "", "Prof": "", "Prof.": "", "Professor": "",
}

// personName drops the titles in front of a person's name ("Mr Howard",
// "President Trump", "Sen. Warren") so that it compares with other forms
// of the name, and returns the gender a courtesy title tells. A name is
// never stripped to nothing.
func (r *Resolver) personName(ws []string) (name []string, gender string) {
	for len(ws) > 1 {
		w := ws[0]
		if g, ok := honorifics[w]; ok {
			if gender == "" {
				gender = g
			}
		} else if _, ok := r.kb.Agent(strings.ToLower(strings.TrimSuffix(w, "."))); !ok || !startsUpper(w) {
			break
		}
		ws = ws[1:]
	}
	return ws, gender
}

func startsUpper(w string) bool {
	return w != "" && w[0] >= 'A' && w[0] <= 'Z'
}

func (r *Resolver) linkName(d *doc.Doc, mi int, info *[]chainInfo, date time.Time) int {
	m := d.Mentions[mi]
	e := d.Entities[m.Entity]
	ws := r.words(d, m)
	// A name the entity tagger took for a person but the knowledge base
	// knows as a place ("Africa" opening a sentence) is no person.
	person := e.Label == "PER" && (e.Actor == nil || !placeKinds[e.Actor.Kind])
	var gender string
	if person {
		ws, gender = r.personName(ws)
	}
	// Same knowledge-base actor: the same chain.
	if e.Actor != nil && e.Actor.ID != "" {
		for ci := len(d.Chains) - 1; ci >= 0; ci-- {
			if a := d.Chains[ci].Actor; a != nil && a.ID == e.Actor.ID {
				r.extendName(d, ci, info, ws, m)
				return ci
			}
		}
	}
	// Surname or full form of an earlier person ("Peskov" after "Dmitry
	// Peskov", "Dmitry Peskov" after "Peskov").
	if person {
		for ci := len(d.Chains) - 1; ci >= 0; ci-- {
			c := (*info)[ci]
			if !c.person || len(c.words) == 0 {
				continue
			}
			if (e.Actor != nil && d.Chains[ci].Actor != nil && d.Chains[ci].Actor.ID != e.Actor.ID) || !nameCompatible(c.words, ws) {
				continue
			}
			if d.Chains[ci].Actor == nil && e.Actor != nil && e.Actor.ID != "" {
				// "Clinton" first, then "Hillary Clinton": the full name
				// tells who the chain is.
				d.Chains[ci].Actor = e.Actor
				if e.Actor.Kind == "person" && e.Actor.Name != "" {
					d.Chains[ci].Name = e.Actor.Name
				}
				if e.Actor.Gender != "" {
					(*info)[ci].gender = e.Actor.Gender
				}
			}
			r.extendName(d, ci, info, ws, m)
			if (*info)[ci].gender == "" {
				(*info)[ci].gender = gender
			}
			return ci
		}
	} else {
		text := strings.ToLower(d.Text[m.Start:m.End])
		for ci := len(d.Chains) - 1; ci >= 0; ci-- {
			if !(*info)[ci].person && strings.ToLower(strings.Join((*info)[ci].words, " ")) == strings.ToLower(strings.Join(ws, " ")) || strings.EqualFold(d.Chains[ci].Name, text) {
				return ci
			}
		}
	}
	group := !person && (e.Actor == nil || e.Actor.Kind != "city")
	ci := r.newChain(d, info, mi, e.Actor, person, group)
	if person {
		c := &(*info)[ci]
		c.words = ws
		if c.gender == "" {
			c.gender = gender
		}
		if c.gender == "" && len(ws) > 1 {
			c.gender, _ = r.kb.GivenName(ws[0])
		}
	}
	return ci
}

// extendName keeps the fullest name seen for a chain.
func (r *Resolver) extendName(d *doc.Doc, ci int, info *[]chainInfo, ws []string, m doc.Mention) {
	c := &(*info)[ci]
	if len(ws) > len(c.words) {
		c.words = ws
		if d.Chains[ci].Actor == nil || d.Chains[ci].Actor.Kind != "person" {
			d.Chains[ci].Name = d.Text[m.Start:m.End]
		}
		if c.gender == "" && len(ws) > 1 {
			c.gender, _ = r.kb.GivenName(ws[0])
		}
	}
}

// nameCompatible reports whether two person names can be the same person:
// one's words are a suffix of the other's ("Peskov", "Dmitry Peskov") or
// they share first and last words.
func nameCompatible(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	short, long := a, b
	if len(short) > len(long) {
		short, long = long, short
	}
	if short[len(short)-1] != long[len(long)-1] {
		return false
	}
	if len(short) == 1 {
		return true
	}
	return short[0] == long[0] || strings.TrimSuffix(short[0], ".") == long[0][:1]
}

// linkNominal links definite description mi; place is the article's place
// (doc.Doc.Place), "" for none.
func (r *Resolver) linkNominal(d *doc.Doc, mi int, info *[]chainInfo, date time.Time, place string) int {
	m := d.Mentions[mi]
	ws := r.words(d, m)
	a, ok := r.kb.Describe(ws, date)
	if ok && a.Kind == actors.Person {
		for ci := len(d.Chains) - 1; ci >= 0; ci-- {
			if c := d.Chains[ci].Actor; c != nil && c.ID == a.ID {
				return ci
			}
		}
		da := ToDoc(a)
		return r.newChain(d, info, mi, &da, true, false)
	}
	// "the spokesman", "the minister": the person named before who holds
	// that kind of office, within the last few sentences.
	head := strings.ToLower(d.Tokens[m.Last-1].Form)
	sent := d.Tokens[m.First].Sentence
	for ci := len(d.Chains) - 1; ci >= 0; ci-- {
		c := d.Chains[ci]
		if !(*info)[ci].person || c.Actor == nil {
			continue
		}
		last := d.Mentions[(*info)[ci].last]
		if sent-d.Tokens[last.First].Sentence > 5 {
			continue
		}
		title := strings.ToLower(c.Actor.Title)
		if holdsTitle(title, ws) || (ok && a.Sector != "" && c.Actor.Sector == a.Sector && sameRole(r.kb, head, c.Actor.Title)) {
			return ci
		}
	}
	if !ok {
		// "the government" in wire copy from "MOSCOW, March 31 -" is the
		// government of the place the dateline names (or of the article's
		// home country), and "the foreign secretary" its foreign
		// secretary on the date.
		if a, ok = r.officeAt(d, m, date, place); ok {
			for ci := len(d.Chains) - 1; ci >= 0; ci-- {
				if c := d.Chains[ci].Actor; c != nil && c.ID == a.ID {
					return ci
				}
			}
			da := ToDoc(a)
			return r.newChain(d, info, mi, &da, true, false)
		}
		if a, ok = r.describeAt(d, m, date, place); !ok {
			return -1
		}
	}
	da := ToDoc(a)
	return r.newChain(d, info, mi, &da, false, true)
}

// placeKinds are the kinds of actor that are places.
var placeKinds = map[string]bool{"country": true, "region": true, "city": true}

// holdsTitle reports whether a description's words ("the prime minister")
// can name the office of a title ("Prime Minister", lower-cased): the
// title holds the description's head word, and neither has a word that
// makes it another office than the other ("Deputy Prime Minister" is not
// "the prime minister", nor "Prime Minister" "the deputy prime minister").
func holdsTitle(title string, ws []string) bool {
	var phrase []string
	for _, w := range ws {
		if lw := strings.ToLower(w); !determiners[lw] {
			phrase = append(phrase, lw)
		}
	}
	if len(phrase) == 0 {
		return false
	}
	head := phrase[len(phrase)-1]
	tws := strings.Fields(title)
	at := slices.Index(tws, head)
	if at < 0 {
		return strings.Contains(title, head) // "spokes" in "spokesperson"
	}
	for _, w := range phrase {
		if otherOffice[w] && !slices.Contains(tws, w) {
			return false
		}
	}
	// The words of the title before those it shares with the description.
	k := len(phrase) - 1
	for at > 0 && k > 0 && tws[at-1] == phrase[k-1] {
		at, k = at-1, k-1
	}
	return at == 0 || !otherOffice[tws[at-1]]
}

// determiners are the words of a description that say nothing of the
// office.
var determiners = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true, "'s": true, "’s": true}

// otherOffice are words that, before an office, make it another one.
var otherOffice = map[string]bool{
	"deputy": true, "vice": true, "assistant": true, "shadow": true, "junior": true, "former": true, "under": true,
}

// officeAt resolves mention m, an office with no country ("the foreign
// secretary", "the chancellor"), to the person who holds that office at
// the article's place on date. It does not when the sentence or the one
// before names another country, whose office the mention may well be.
func (r *Resolver) officeAt(d *doc.Doc, m doc.Mention, date time.Time, place string) (actors.Actor, bool) {
	if place == "" {
		return actors.Actor{}, false
	}
	var ws []string
	for t := m.First; t < m.Last; t++ {
		if tk := d.Tokens[t]; tk.UPOS != "DET" {
			ws = append(ws, strings.ToLower(tk.Form))
		}
	}
	if len(ws) == 0 {
		return actors.Actor{}, false
	}
	if _, ok := r.kb.Agent(ws...); !ok {
		return actors.Actor{}, false // "the Tory spokesman": not an office of the place
	}
	country := d.PlaceCountry()
	sent := d.Tokens[m.First].Sentence
	for _, e := range d.Entities {
		es := d.Tokens[e.First].Sentence
		if es > sent {
			break
		}
		if es >= sent-1 && e.Actor != nil && e.Actor.Country != "" && e.Actor.Country != "IGO" && e.Actor.Country != country {
			return actors.Actor{}, false
		}
	}
	a, ok := r.kb.Describe(append(strings.Fields(place), ws...), date)
	if !ok || a.Kind != actors.Person || a.ID == "" {
		return actors.Actor{}, false
	}
	return a, true
}

// describeAt describes mention m, headed by a noun for an institution
// (actors.Institution) and naming no country ("the government", "the
// army"), as that institution of the article's place (doc.Doc.Place: its
// dateline, else its home country).
// The actor keeps the mention's words for its name.
func (r *Resolver) describeAt(d *doc.Doc, m doc.Mention, date time.Time, place string) (actors.Actor, bool) {
	if place == "" || !actors.Institution(strings.ToLower(d.Tokens[m.Last-1].Form)) {
		return actors.Actor{}, false
	}
	var ws []string
	for t := m.First; t < m.Last; t++ {
		tk := d.Tokens[t]
		if tk.UPOS == "PROPN" {
			return actors.Actor{}, false // a name of its own: not the dateline's
		}
		if tk.UPOS != "DET" {
			ws = append(ws, tk.Form)
		}
	}
	if len(ws) == 0 {
		return actors.Actor{}, false
	}
	a, ok := r.kb.Describe(append(strings.Fields(place), ws...), date)
	if !ok || a.Kind == actors.Person || a.Sector == "" {
		return actors.Actor{}, false
	}
	a.Name = d.Text[m.Start:m.End]
	return a, true
}

// sameRole reports whether an agent word and a title name the same kind of
// office ("spokesman" and "Kremlin spokesperson").
func sameRole(kb KB, word, title string) bool {
	ws := strings.Fields(strings.ToLower(title))
	if len(ws) == 0 {
		return false
	}
	s1, ok1 := kb.Agent(word)
	s2, ok2 := kb.Agent(ws[len(ws)-1])
	return ok1 && ok2 && s1 == s2 && strings.HasPrefix(ws[len(ws)-1], word[:min(len(word), 5)])
}

// quotedTokens marks the tokens inside double quotation marks. Straight
// marks alternate; curly ones say which way they go. A paragraph break
// closes any quotation still open, as news reopens a quotation that runs
// on into the next paragraph.
func quotedTokens(d *doc.Doc) []bool {
	q := make([]bool, len(d.Tokens))
	in := false
	prevEnd := 0
	for i, t := range d.Tokens {
		if strings.Contains(d.Text[min(prevEnd, t.Start):t.Start], "\n\n") {
			in = false
		}
		prevEnd = t.End
		switch t.Form {
		case `"`, "``", "''":
			in = !in
			continue
		case "“":
			in = true
			continue
		case "”":
			in = false
			continue
		}
		q[i] = in
	}
	return q
}

// linkPronoun links pronoun mi to the chain of a compatible mention before
// it. A pronoun outside quotation marks does not look at mentions inside
// them: those are someone else's words ("..." Kennedy said. "... Prince
// William ..." He added ... — he is Kennedy).
func (r *Resolver) linkPronoun(d *doc.Doc, mi int, info []chainInfo, quoted []bool) int {
	m := d.Mentions[mi]
	p := pronouns[strings.ToLower(d.Tokens[m.First].Form)]
	sent := d.Tokens[m.First].Sentence
	compatible := func(ci int) bool {
		c := info[ci]
		if p.plural {
			return c.group
		}
		return c.person && (c.gender == "" || c.gender == p.gender)
	}
	// Walk back sentence by sentence: in the pronoun's own sentence the
	// nearest compatible subject before it, then the nearest compatible
	// mention; in earlier sentences the subject first, then the first
	// compatible mention (the most salient), up to three sentences back.
	best := -1
	for s := sent; s >= 0 && s >= sent-3 && best < 0; s-- {
		var subj, any = -1, -1
		for j := mi - 1; j >= 0; j-- {
			o := d.Mentions[j]
			os := d.Tokens[o.First].Sentence
			if os < s {
				break
			}
			if os > s || o.Chain < 0 || !compatible(o.Chain) {
				continue
			}
			if s == sent && o.End > m.Start {
				continue
			}
			if !quoted[m.First] && quoted[o.First] {
				continue
			}
			if isSubject(d, o) && (subj < 0 || s != sent) {
				subj = o.Chain
			}
			if s == sent {
				if any < 0 {
					any = o.Chain
				}
			} else {
				any = o.Chain // keeps the earliest in the sentence
			}
		}
		switch {
		case subj >= 0:
			best = subj
		case any >= 0:
			best = any
		}
	}
	return best
}

// isSubject reports whether the syntactic head of mention m is a subject.
func isSubject(d *doc.Doc, m doc.Mention) bool {
	for t := m.First; t < m.Last; t++ {
		h := d.Tokens[t].Head
		if h < m.First || h >= m.Last {
			return strings.HasPrefix(d.Tokens[t].DepRel, "nsubj")
		}
	}
	return false
}

// ToDoc converts a knowledge-base answer into the doc layer's form.
func ToDoc(a actors.Actor) doc.Actor {
	return doc.Actor{ID: a.ID, Name: a.Name, Code: a.Code, Country: a.Country, Sector: a.Sector,
		Kind: a.Kind.String(), Gender: a.Gender, Title: a.Title}
}

// Name returns "coref": the resolver is a pipeline stage.
func (r *Resolver) Name() string { return "coref" }

// Apply resolves the mentions of d (see Annotate).
func (r *Resolver) Apply(_ context.Context, d *doc.Doc) error { return r.Annotate(d) }
