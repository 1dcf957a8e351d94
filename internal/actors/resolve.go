package actors

import (
	"strings"
	"time"
	"unicode"
)

// Resolve finds the entry a name refers to ("Trump", "Vladimir Putin",
// "NATO", "the Kremlin", "Moscow") and resolves it on date: a person gets
// the code and title of the role held on that day (see Entry.RoleOn), or
// the country's ELI code when the person holds no role then. When several
// people share the name, the one holding a role on the date is preferred.
// A name that is no entry is read as a description (see Describe), so
// "the Russian president" works too. Matching is case-sensitive first and
// case-insensitive second.
func (kb *KB) Resolve(name string, date time.Time) (Actor, bool) {
	return kb.ResolveIn(name, date, "")
}

// ResolveIn is Resolve for an article about a country (its dateline's or
// its outlet's, a three-letter code; "" for none): when several people
// share the name and more than one holds a role on the date, the one with
// a role in that country is preferred ("McConnell" in a Scottish article
// of 2005 is Jack McConnell, not Mitch).
func (kb *KB) ResolveIn(name string, date time.Time, country string) (Actor, bool) {
	words := strings.Fields(name)
	ws := trimDeterminers(words)
	if len(ws) == 0 {
		return Actor{}, false
	}
	hits := kb.exact.lookup(ws)
	if len(hits) == 0 {
		hits = kb.folded.lookup(lowerAll(ws))
	}
	if e := pickEntryIn(hits, date, country); e != nil {
		return e.Actor(date), true
	}
	return kb.Describe(words, date)
}

// pickEntry chooses among entries with the same name: agents and given
// names are skipped; among people, one with a role on the date first.
func pickEntry(hits []hit, date time.Time) *Entry { return pickEntryIn(hits, date, "") }

// pickEntryIn is pickEntry preferring, among people with a role on the
// date, one whose role is in country, then one whose role is a named
// office rather than "other" (Mitch McConnell, Senate leader, before Jack
// McConnell, Scotland's first minister, when nothing says which country).
func pickEntryIn(hits []hit, date time.Time, country string) *Entry {
	var first, office, dated *Entry
	for _, h := range hits {
		if h.e.Kind == Agent || h.e.Kind == GivenName {
			continue
		}
		if first == nil {
			first = h.e
		}
		if h.e.Kind == Person {
			if r, ok := h.e.RoleOn(date); ok && r.Dated() {
				if country != "" && strings.HasPrefix(r.Code, country) {
					return h.e
				}
				if office == nil && r.Role != "other" {
					office = h.e
				}
				if dated == nil {
					dated = h.e
				}
			}
		}
	}
	switch {
	case office != nil:
		return office
	case dated != nil:
		return dated
	}
	return first
}

func lowerAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = strings.ToLower(w)
	}
	return out
}

// ResolveRole returns the holder of a role in a country on a date:
// ("RUS", "head-of-state", 2025-03-31) gives Vladimir Putin. country is a
// three-letter code or a longer code prefix ("IGOUNO" for the UN Secretary
// General); role is a role key (see RoleKeys) or a title as written in the
// people files ("Chancellor", "Kremlin spokesman"), compared without case.
// When several people hold it, the latest appointed wins.
func (kb *KB) ResolveRole(country, role string, date time.Time) (Actor, bool) {
	if len(country) < 3 {
		return Actor{}, false
	}
	refs := kb.roles[country[:3]]
	byKey := roleRank(role) < len(RoleKeys)
	var best *roleRef
	// A longer code ("IGOUNO") first looks for roles with exactly that code,
	// so that the UN Secretary-General is not the head of a UN agency.
	for pass := 0; pass < 2 && best == nil; pass++ {
		if pass == 0 && len(country) == 3 {
			continue
		}
		for i := range refs {
			ref := &refs[i]
			r := ref.e.Roles[ref.i]
			if pass == 0 && r.Code != country || !strings.HasPrefix(r.Code, country) || !r.Dated() || !r.ValidOn(date) {
				continue
			}
			if byKey && r.Role != role || !byKey && !strings.EqualFold(r.Title, role) {
				continue
			}
			if best == nil || r.Start.After(best.e.Roles[best.i].Start) {
				best = ref
			}
		}
	}
	if best == nil {
		return Actor{}, false
	}
	r := best.e.Roles[best.i]
	a := Actor{ID: best.e.ID, Name: best.e.Name, Code: r.Code, Kind: best.e.Kind, Gender: best.e.Gender, Title: r.Title, Role: r.Role}
	a.Country, a.Sector = splitCode(r.Code)
	return a, true
}

// Country returns the country code of a country name, short name,
// adjective, demonym, capital, city or region ("Russia", "Russian",
// "Russians", "Moscow", "Crimea" → "RUS"/"UKR"), compared without case.
func (kb *KB) Country(word string) (code string, ok bool) {
	code, ok = kb.countryOf[strings.ToLower(strings.Join(strings.Fields(word), " "))]
	return code, ok
}

// Metonym returns the code of a place that stands for an institution:
// "the Kremlin" → RUSGOV, "the Pentagon" → USAMIL, "Downing Street" → GBRGOV.
func (kb *KB) Metonym(phrase string) (code string, ok bool) {
	ws := trimDeterminers(strings.Fields(phrase))
	for _, h := range kb.folded.lookup(lowerAll(ws)) {
		if h.e.Kind == Metonym {
			return h.e.Code, true
		}
	}
	return "", false
}

// Agent returns the sector code of an agent word or phrase, singular or
// plural, without case: "spokesperson" → GOV, "troops" → MIL, "rebels" →
// REB, "prime minister" → GOV. The words may also be given one by one.
func (kb *KB) Agent(words ...string) (sector string, ok bool) {
	ws := strings.Fields(strings.ToLower(strings.Join(words, " ")))
	for _, h := range kb.agents.lookup(ws) {
		return h.e.Sector, true
	}
	return "", false
}

// placeRank orders the places of a description: an organisation or a
// metonym names the actor more precisely than a country ("Yemen's Houthi
// rebels" are the Houthis), a country more than a region or city.
func placeRank(k Kind) int {
	switch k {
	case Country:
		return 1
	case Region, City:
		return 2
	}
	return 0
}

var indefinite = map[string]bool{"a": true, "an": true, "some": true, "any": true, "one": true, "another": true,
	"several": true, "many": true, "two": true, "three": true, "four": true, "five": true, "other": true, "few": true}

var determiners = map[string]bool{"a": true, "an": true, "the": true, "some": true, "several": true, "many": true,
	"two": true, "three": true, "four": true, "five": true, "its": true, "their": true, "his": true, "her": true,
	"one": true, "other": true, "another": true, "top": false}

func trimDeterminers(ws []string) []string {
	for len(ws) > 0 && (determiners[strings.ToLower(ws[0])] || isPunct(ws[0])) {
		ws = ws[1:]
	}
	for len(ws) > 0 && isPunct(ws[len(ws)-1]) {
		ws = ws[:len(ws)-1]
	}
	return ws
}

func isPunct(w string) bool {
	for _, r := range w {
		if strings.ContainsRune(`.,;:!?"'“”‘’()[]-–—`, r) {
			continue
		}
		return false
	}
	return w != ""
}

// Describe resolves a description made of a country (name, adjective,
// possessive, capital, metonym or organisation), agent words and perhaps a
// name: "a Hungarian official" → HUNGOV; "Ukrainian troops" → UKRMIL;
// "the Kremlin" → RUSGOV; "Russian foreign minister Sergey Lavrov" → the
// person when known, else RUSGOV with that name; "the Russian president" →
// the holder of the office on date. "former" or "ex-" before the agent gives
// the ELI sector and no holder. Only a singular description without an
// indefinite article ("the German chancellor", "Kremlin spokesman", not "a
// minister" or "ministers") is resolved to the person who holds the office. Describe reports false when the words name
// neither a known entry nor a country or organisation.
func (kb *KB) Describe(words []string, date time.Time) (Actor, bool) {
	// News writes offices without an article ("Kremlin spokesman Dmitry
	// Peskov", "NATO chief warns"): only an indefinite determiner makes a
	// description indefinite.
	definite := len(words) > 0 && !indefinite[strings.ToLower(words[0])]
	ws := make([]string, 0, len(words)+2)
	for _, w := range words {
		// Split possessives that the tokeniser left attached ("Russia's").
		for _, suf := range []string{"'s", "’s", "'", "’"} {
			if len(w) > len(suf)+1 && strings.HasSuffix(w, suf) {
				w = w[:len(w)-len(suf)]
				definite = true
				break
			}
		}
		if w == "'s" || w == "’s" {
			definite = true
			continue
		}
		if strings.HasPrefix(strings.ToLower(w), "ex-") && len(w) > 3 {
			ws = append(ws, "former", w[3:])
			continue
		}
		ws = append(ws, w)
	}
	ws = trimDeterminers(ws)
	if len(ws) == 0 {
		return Actor{}, false
	}
	matches := kb.Match(ws)
	if len(matches) == 1 && matches[0].Start == 0 && matches[0].End == len(ws) && matches[0].Kind != Agent && matches[0].Kind != GivenName {
		var hits []hit
		for _, c := range matches[0].Candidates {
			hits = append(hits, hit{e: c})
		}
		if e := pickEntry(hits, date); e != nil {
			return e.Actor(date), true
		}
	}
	var (
		place      *Entry // country, IGO, organisation, metonym, city or region
		person     *Entry
		sectors    []string
		agentRaw   []string // agent words as written
		roleKey    string
		plural     bool
		former     bool
		nameWs     []string // capitalised words that matched no entry (an unknown name)
		placeStart int      // index in ws of the place's match
	)
	covered := make([]bool, len(ws))
	for _, m := range matches {
		switch m.Kind {
		case Agent, GivenName:
			continue
		case Person:
			if person == nil {
				var hits []hit
				for _, c := range m.Candidates {
					if !kb.otherGivenName(matches, m, c, ws) {
						hits = append(hits, hit{e: c})
					}
				}
				person = pickEntry(hits, date)
				if person == nil {
					continue // "Paul Flynn" is not Michael Flynn
				}
			}
		default:
			if place == nil || placeRank(m.Kind) < placeRank(place.Kind) {
				place, placeStart = m.Entry, m.Start
			}
		}
		for i := m.Start; i < m.End; i++ {
			covered[i] = true
		}
	}
	for i := 0; i < len(ws); {
		// An unknown name is the run of capitalised words that ends the
		// description ("Hungarian foreign minister Peter Szijjarto"); any
		// other word ends a run.
		if covered[i] {
			nameWs = nil
			i++
			continue
		}
		lw := strings.ToLower(ws[i])
		if lw == "former" || lw == "ex" {
			former = true
			nameWs = nil
			i++
			continue
		}
		end, hits := kb.agents.longest(lowerAll(ws), i, false, false)
		if end > i && !anyCovered(covered, i, end) {
			e := hits[0].e
			if !containsStr(sectors, e.Sector) {
				sectors = append(sectors, e.Sector)
			}
			if roleKey == "" {
				roleKey = e.RoleKey
			}
			plural = plural || hits[0].via == ViaPlural
			agentRaw = append(agentRaw, ws[i:end]...)
			nameWs = nil
			i = end
			continue
		}
		if w := ws[i]; w != "" && isUpperStart(w) && !functionWord(lw) {
			nameWs = append(nameWs, w)
		} else {
			nameWs = nil
		}
		i++
	}
	if place == nil && person == nil {
		return Actor{}, false
	}
	if person == nil && len(sectors) == 0 && locatedThing(ws[:placeStart]) {
		// "the museum in Kyiv", "a school near Gaza": a thing somewhere is
		// no actor; "protesters in Kyiv" (an agent) would be.
		return Actor{}, false
	}
	if person != nil {
		a := person.Actor(date)
		if r, ok := person.RoleOn(date); ok && r.Dated() || len(sectors) == 0 || place == nil {
			return a, true
		}
		// The text gives a role the knowledge base does not know on this
		// date: trust the text.
		a.Code = place.Country + joinSectors(sectors, former)
		a.Country, a.Sector = splitCode(a.Code)
		a.Title, a.Role = titleCase(agentRaw), ""
		return a, true
	}
	a := Actor{ID: place.ID, Name: place.Name, Code: place.Code, Kind: place.Kind}
	isPlace := place.Kind == Country || place.Kind == City || place.Kind == Region
	if isPlace {
		a = Actor{ID: place.Country, Name: place.Country, Code: place.Country, Kind: Country}
		if c := kb.byID[place.Country]; c != nil {
			a.Name = c.Name
		}
	}
	if len(sectors) == 0 {
		a.Country, a.Sector = splitCode(a.Code)
		return a, true
	}
	if isPlace {
		a.Code = place.Country + joinSectors(sectors, former)
	}
	// A metonym or an organisation keeps its own code: "Pentagon officials"
	// are USAMIL, "UN spokesman" is IGOUNO.
	a.Country, a.Sector = splitCode(a.Code)
	if !plural {
		a.Title, a.Role = titleCase(agentRaw), roleKey
	}
	if len(nameWs) > 0 {
		a.ID, a.Name, a.Kind = "", strings.Join(nameWs, " "), Person
		return a, true
	}
	if !former && !plural && definite {
		if holder, ok := kb.holder(place, strings.Join(agentRaw, " "), roleKey, date); ok {
			return holder, true
		}
	}
	a.ID, a.Name, a.Kind = "", strings.Join(ws, " "), Agent
	return a, true
}

// otherGivenName reports whether the person match m, read as entry e, is
// preceded by a given name that none of e's names begins with: "Paul
// Flynn" and "Cherie Blair" name someone other than the entries "Michael
// Flynn" and "Tony Blair" that the surname matched. The word before is a
// given name when the knowledge base lists it as one, or, before a surname
// alone, when it is a capitalised word that no entry, agent word, title or
// function word accounts for.
func (kb *KB) otherGivenName(matches []Match, m Match, e *Entry, ws []string) bool {
	if m.Start == 0 {
		return false
	}
	i := m.Start - 1
	w := ws[i]
	given, covered := false, false
	for _, g := range matches {
		if g.Start <= i && i < g.End {
			covered = true
			given = given || g.Kind == GivenName && g.End == m.Start
		}
	}
	if !given {
		lw := strings.TrimSuffix(strings.ToLower(w), ".")
		if covered || m.End-m.Start != 1 || !isUpperStart(w) || functionWord(lw) || honorifics[lw] {
			return false
		}
		if end, _ := kb.agents.longest(lowerAll(ws), i, false, false); end > i {
			return false
		}
		for _, r := range w {
			if !unicode.IsLetter(r) {
				return false // "President-elect", "J."
			}
		}
	}
	for _, name := range append([]string{e.Name}, e.Aliases...) {
		if first, _, _ := strings.Cut(name, " "); strings.EqualFold(first, w) {
			return false
		}
	}
	return true
}

// holder finds who holds the office an agent phrase names at a place on a
// date: by title first ("Chancellor", "Kremlin spokesman", "President of
// the European Commission"), then by role key.
func (kb *KB) holder(place *Entry, agent, roleKey string, date time.Time) (Actor, bool) {
	base := place.Code
	titles := []string{agent}
	switch place.Kind {
	case Country, City, Region:
		base = place.Country
	case Metonym:
		base, titles = place.Country, []string{place.Name + " " + agent, agent}
	default:
		titles = append(titles, place.Name+" "+agent, agent+" of the "+place.Name, agent+" of "+place.Name)
		if short, ok := strings.CutSuffix(place.Name, " Party"); ok {
			titles = append(titles, short+" "+agent) // "Conservative leader"
		}
		for _, a := range place.Aliases {
			titles = append(titles, a+" "+agent)
		}
	}
	if base == "" {
		return Actor{}, false
	}
	for _, t := range titles {
		if a, ok := kb.ResolveRole(base, t, date); ok {
			return a, true
		}
	}
	if place.Kind == Party {
		// All of a country's parties share its code (GBRPTY): a role key
		// would find another party's leader.
		return Actor{}, false
	}
	var keys []string
	switch roleKey {
	case "", "minister", "official", "other":
	case "leader":
		if place.Kind == IGO || place.Kind == Organisation || place.Kind == Party {
			keys = []string{"secretary-general", "head-of-state", "head-of-government", "party-leader"}
		} else if c := kb.byID[place.Country]; c != nil && c.Leader == "head-of-government" {
			keys = []string{"head-of-government", "head-of-state"}
		} else {
			keys = []string{"head-of-state", "head-of-government"}
		}
	default:
		keys = []string{roleKey}
	}
	for _, k := range keys {
		if a, ok := kb.ResolveRole(base, k, date); ok {
			return a, true
		}
	}
	return Actor{}, false
}

func joinSectors(sectors []string, former bool) string {
	if former {
		return "ELI"
	}
	if len(sectors) > 2 {
		sectors = sectors[:2]
	}
	return strings.Join(sectors, "")
}

func anyCovered(c []bool, i, j int) bool {
	for ; i < j; i++ {
		if c[i] {
			return true
		}
	}
	return false
}

func containsStr(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

func titleCase(ws []string) string {
	out := make([]string, len(ws))
	for i, w := range ws {
		lw := strings.ToLower(w)
		if minorWords[lw] {
			out[i] = lw
		} else {
			out[i] = capitalise(lw)
		}
	}
	return strings.Join(out, " ")
}

func isUpperStart(w string) bool {
	return w != "" && capitalise(w) == w && strings.ToLower(w) != w
}

// honorifics are titles written before a surname that the agent words
// need not list ("Lord Blair", "Sheikh Hasina").
var honorifics = map[string]bool{
	"sir": true, "lord": true, "lady": true, "dame": true, "baron": true, "baroness": true,
	"king": true, "queen": true, "prince": true, "princess": true, "sheikh": true, "emir": true,
	"pope": true, "cardinal": true, "archbishop": true, "bishop": true, "imam": true,
	"ayatollah": true, "rabbi": true, "rev": true, "reverend": true, "father": true,
	"prof": true, "professor": true, "gen": true, "col": true, "capt": true, "maj": true,
	"lt": true, "sgt": true, "miss": true, "mx": true, "messrs": true, "madam": true, "mme": true,
}

func functionWord(lw string) bool {
	switch lw {
	case "of", "the", "and", "for", "in", "on", "to", "said", "says", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.":
		return true
	}
	return false
}

// locatedThing reports whether the words before a place end in a locative
// preposition after some other word ("museum in", "a school near"): the
// phrase names a thing at the place, not the place.
func locatedThing(before []string) bool {
	for i, w := range before {
		switch strings.ToLower(w) {
		case "in", "at", "near", "outside", "inside", "across", "throughout", "around":
			return i > 0
		}
	}
	return false
}
