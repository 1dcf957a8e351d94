package actors

import (
	"hash/maphash"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Via says which form of an entry a phrase matched.
type Via uint8

// The forms a phrase can match.
const (
	ViaName      Via = iota // the canonical name
	ViaAlias                // another name
	ViaAdjective            // a country adjective ("Russian")
	ViaDemonym              // a demonym ("Russians")
	ViaPlural               // the plural form of an agent phrase ("ministers")
)

// Match is a gazetteer match over a word sequence: words [Start,End).
type Match struct {
	Start, End int
	Entry      *Entry   // preferred entry (Candidates[0])
	Kind       Kind     // Entry.Kind
	Via        Via      // which form matched
	Candidates []*Entry // every entry with this name, preferred first (e.g. two people called "Bush")
}

type hit struct {
	e   *Entry
	via Via
}

// trie maps word sequences to hits. Its edges live in one open-addressing
// table keyed by (parent node, word): matching costs one hash of the word
// and, for the many words that start no name, one probe of a small table,
// with no allocation even when the words are folded to lower case.
type trie struct {
	hits   [][]hit  // by node; node 0 is the root
	parent []int32  // by node: the node it hangs from
	word   []string // by node: the word of its edge
	slots  []trieSlot
	mask   uint64
	seed   maphash.Seed
}

// trieSlot is one cell of the edge table: a node (0 marks an empty cell)
// and the high bits of its edge hash, checked before the node's word.
type trieSlot struct {
	node int32
	tag  uint32
}

func newTrie(size int) *trie {
	t := &trie{hits: make([][]hit, 1, size+1), parent: make([]int32, 1, size+1), word: make([]string, 1, size+1), seed: maphash.MakeSeed()}
	t.grow(size)
	return t
}

// grow sizes the edge table for n edges (at most half full) and indexes the
// nodes again.
func (t *trie) grow(n int) {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	t.slots = make([]trieSlot, size)
	t.mask = uint64(size - 1)
	for c := 1; c < len(t.word); c++ {
		h := t.hash(t.parent[c], maphash.String(t.seed, t.word[c]))
		i := h & t.mask
		for t.slots[i].node != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = trieSlot{node: int32(c), tag: uint32(h >> 32)}
	}
}

// hash combines a parent node and the hash of a word.
func (t *trie) hash(parent int32, wordHash uint64) uint64 {
	return wordHash ^ uint64(parent)*0x9e3779b97f4a7c15
}

// child returns the node under parent by the edge w.
func (t *trie) child(parent int32, w string) (int32, bool) {
	h := t.hash(parent, maphash.String(t.seed, w))
	tag := uint32(h >> 32)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s.node == 0 {
			return 0, false
		}
		if s.tag == tag && t.parent[s.node] == parent && t.word[s.node] == w {
			return s.node, true
		}
	}
}

// childBytes is child for a word held in a byte slice.
func (t *trie) childBytes(parent int32, w []byte) (int32, bool) {
	h := t.hash(parent, maphash.Bytes(t.seed, w))
	tag := uint32(h >> 32)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s.node == 0 {
			return 0, false
		}
		if s.tag == tag && t.parent[s.node] == parent && t.word[s.node] == string(w) {
			return s.node, true
		}
	}
}

// childFolded is child for the lower case of w (strings.ToLower), without
// allocating when w is ASCII. buf is scratch space.
func (t *trie) childFolded(parent int32, w string, buf *[64]byte) (int32, bool) {
	if len(w) > len(buf) {
		return t.child(parent, strings.ToLower(w))
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return t.child(parent, strings.ToLower(w))
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return t.childBytes(parent, buf[:len(w)])
}

func (t *trie) insert(words []string, h hit) {
	n := int32(0)
	for _, w := range words {
		c, ok := t.child(n, w)
		if !ok {
			c = int32(len(t.hits))
			t.hits = append(t.hits, nil)
			t.parent = append(t.parent, n)
			t.word = append(t.word, w)
			if 2*len(t.word) > len(t.slots) {
				t.grow(len(t.word))
			} else {
				hh := t.hash(n, maphash.String(t.seed, w))
				i := hh & t.mask
				for t.slots[i].node != 0 {
					i = (i + 1) & t.mask
				}
				t.slots[i] = trieSlot{node: c, tag: uint32(hh >> 32)}
			}
		}
		n = c
	}
	for _, old := range t.hits[n] {
		if old.e == h.e {
			return
		}
	}
	t.hits[n] = append(t.hits[n], h)
}

// lookup returns the hits of exactly the phrase words, or nil.
func (t *trie) lookup(words []string) []hit {
	n := int32(0)
	for _, w := range words {
		c, ok := t.child(n, w)
		if !ok {
			return nil
		}
		n = c
	}
	return t.hits[n]
}

// longest returns the end of the longest phrase starting at words[i] and
// its hits; fold lower-cases the words first (for all-caps text).
func (t *trie) longest(words []string, i int, fold bool, skipAgents bool) (int, []hit) {
	end, best := -1, []hit(nil)
	n := int32(0)
	var buf [64]byte
	for j := i; j < len(words); j++ {
		var c int32
		var ok bool
		if fold {
			c, ok = t.childFolded(n, words[j], &buf)
		} else {
			c, ok = t.child(n, words[j])
		}
		if !ok {
			break
		}
		n = c
		if hs := t.hits[n]; len(hs) > 0 && (!skipAgents || hs[0].e.Kind != Agent) {
			end, best = j+1, hs
		}
	}
	return end, best
}

// sortHits orders the hits of every node: preferred kind first, then the
// canonical name before aliases and adjectives.
func (t *trie) sortHits() {
	for _, hs := range t.hits {
		if len(hs) > 1 {
			sort.SliceStable(hs, func(i, j int) bool {
				a, b := hs[i], hs[j]
				if a.e.Kind != b.e.Kind {
					return a.e.Kind < b.e.Kind
				}
				return a.via < b.via
			})
		}
	}
}

// KB is the actor knowledge base. It is safe for concurrent use once built.
type KB struct {
	entries    []*Entry
	byID       map[string]*Entry
	exact      *trie // names as written
	folded     *trie // names lower-cased
	agents     *trie // agent phrases, lower-case
	roles      map[string][]roleRef
	givenNames map[string]string
	countryOf  map[string]string // lower-cased name/adjective/demonym/capital/region → ISO3
}

type roleRef struct {
	e *Entry
	i int // index into e.Roles
}

func newKB() *KB {
	return &KB{byID: map[string]*Entry{}, exact: newTrie(0), folded: newTrie(0), agents: newTrie(0),
		roles: map[string][]roleRef{}, givenNames: map[string]string{}, countryOf: map[string]string{}}
}

// build indexes the entries.
func (kb *KB) build(entries []*Entry) {
	kb.entries = entries
	// Size the tries once: growing their maps is most of the loading time.
	words, agentWords := 0, 0
	for _, e := range entries {
		n := len(e.Name) + len(e.Adjectives)*8 + len(e.Demonyms)*8
		for _, a := range e.Aliases {
			n += len(a)
		}
		if e.Kind == Agent {
			agentWords += n / 5
		} else {
			words += n / 6
		}
	}
	words += len(kb.givenNames)
	kb.exact, kb.folded, kb.agents = newTrie(words+4*agentWords), newTrie(words+agentWords), newTrie(2*agentWords)
	for _, name := range sortedKeys(kb.givenNames) {
		kb.entries = append(kb.entries, &Entry{ID: "given:" + Slug(name), Name: name, Kind: GivenName, Gender: kb.givenNames[name]})
	}
	sort.SliceStable(kb.entries, func(i, j int) bool { return kb.entries[i].Kind < kb.entries[j].Kind })
	for _, e := range kb.entries {
		if _, ok := kb.byID[e.ID]; !ok {
			kb.byID[e.ID] = e
		}
		if e.Kind == Agent {
			for i, p := range append([]string{e.Name}, e.Aliases...) {
				via := ViaName
				if i > 0 {
					via = ViaAlias
				}
				kb.addAgent(p, hit{e, via})
				if pl := plural(p); pl != p {
					kb.addAgent(pl, hit{e, ViaPlural})
				}
			}
			continue
		}
		kb.addName(e.Name, hit{e, ViaName})
		for _, a := range e.Aliases {
			kb.addName(a, hit{e, ViaAlias})
		}
		for _, a := range e.Adjectives {
			kb.addName(a, hit{e, ViaAdjective})
		}
		for _, d := range e.Demonyms {
			kb.addName(d, hit{e, ViaDemonym})
		}
		if e.Kind == Country || e.Kind == Region || (e.Kind == City && e.Code != "") {
			for _, n := range append(append(append([]string{e.Name}, e.Aliases...), e.Adjectives...), e.Demonyms...) {
				k := strings.ToLower(n)
				if old, ok := kb.countryOf[k]; !ok || (e.Kind == Country && kb.byID[old] != nil && kb.byID[old].Kind != Country) {
					kb.countryOf[k] = e.Country
				}
			}
		}
		for i, r := range e.Roles {
			c := r.Code
			if len(c) >= 3 {
				kb.roles[c[:3]] = append(kb.roles[c[:3]], roleRef{e, i})
			}
		}
	}
	for _, t := range []*trie{kb.exact, kb.folded, kb.agents} {
		t.sortHits()
	}
}

func (kb *KB) addName(name string, h hit) {
	ws := strings.Fields(name)
	if len(ws) == 0 {
		return
	}
	kb.exact.insert(ws, h)
	kb.folded.insert(lowerAll(ws), h)
	if split := splitTokens(ws); len(split) != len(ws) {
		kb.exact.insert(split, h)
		kb.folded.insert(lowerAll(split), h)
	}
}

// splitTokens splits words the way a UD tokeniser does, so that names match
// tokenised text: "People's" → "People" "'s", "Washington," → "Washington"
// ",", "Workers'" → "Workers" "'".
func splitTokens(ws []string) []string {
	out := make([]string, 0, len(ws)+2)
	for _, w := range ws {
		switch {
		case len(w) > 2 && (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")):
			i := strings.LastIndexAny(w, "'’")
			out = append(out, w[:i], w[i:])
		case len(w) > 2 && (strings.HasSuffix(w, "s'") || strings.HasSuffix(w, "s’")):
			i := strings.LastIndexAny(w, "'’")
			out = append(out, w[:i], w[i:])
		case len(w) > 1 && strings.HasSuffix(w, ","):
			out = append(out, w[:len(w)-1], ",")
		default:
			out = append(out, w)
		}
	}
	return out
}

func (kb *KB) addAgent(phrase string, h hit) {
	ws := strings.Fields(strings.ToLower(phrase))
	if len(ws) == 0 {
		return
	}
	kb.agents.insert(ws, h)
	// Agent words are matched as written in lower case, with a capital
	// first letter ("President Putin") or in title case ("Prime Minister").
	kb.exact.insert(ws, h)
	first := append([]string{capitalise(ws[0])}, ws[1:]...)
	kb.exact.insert(first, h)
	title := make([]string, len(ws))
	for i, w := range ws {
		title[i] = w
		if !minorWords[w] {
			title[i] = capitalise(w)
		}
	}
	kb.exact.insert(title, h)
	kb.folded.insert(ws, h)
}

var minorWords = map[string]bool{"of": true, "the": true, "for": true, "and": true, "on": true, "in": true}

func capitalise(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	if r == utf8.RuneError {
		return w
	}
	return string(unicode.ToUpper(r)) + w[n:]
}

// allCaps reports whether w has at least two letters, all upper case.
func allCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// Match returns the longest non-overlapping gazetteer matches over a
// tokenised word sequence, left to right: names of people, countries
// (names, adjectives, demonyms), capitals and cities, regions, metonyms,
// organisations, given names and agent words. Names match case-sensitively;
// a word in capitals that matches nothing is retried in lower case so that
// headlines ("PUTIN SAYS") match too.
func (kb *KB) Match(words []string) []Match {
	var out []Match
	for i := 0; i < len(words); {
		end, hits := kb.exact.longest(words, i, false, false)
		if end < 0 && allCaps(words[i]) {
			end, hits = kb.folded.longest(words, i, true, true)
		}
		if end < 0 {
			i++
			continue
		}
		out = append(out, newMatch(i, end, hits))
		i = end
	}
	return out
}

func newMatch(start, end int, hits []hit) Match {
	m := Match{Start: start, End: end, Entry: hits[0].e, Kind: hits[0].e.Kind, Via: hits[0].via}
	m.Candidates = make([]*Entry, len(hits))
	for i, h := range hits {
		m.Candidates[i] = h.e
	}
	return m
}

// Entry returns the entry with the given id ("vladimir-putin", "RUS",
// "nato"), or nil.
func (kb *KB) Entry(id string) *Entry { return kb.byID[id] }

// Entries returns every entry of the knowledge base, grouped by kind. The
// slice must not be modified.
func (kb *KB) Entries() []*Entry { return kb.entries }

// Count returns the number of entries of each kind and the number of roles
// of people.
func (kb *KB) Count() (byKind map[Kind]int, roles int) {
	byKind = map[Kind]int{}
	for _, e := range kb.entries {
		byKind[e.Kind]++
		roles += len(e.Roles)
	}
	return byKind, roles
}

// GivenName returns the gender ("m", "f" or "" for both) of a given name.
func (kb *KB) GivenName(name string) (gender string, ok bool) {
	g, ok := kb.givenNames[name]
	return g, ok
}
