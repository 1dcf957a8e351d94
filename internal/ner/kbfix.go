package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-news/dyad/internal/actors"
)

// Knowledge-base post-correction. After the perceptron has labelled a
// sentence, a knowledge-base match over the words overrides the model when
// all of these hold:
//
//   - the entry is of an unambiguous kind: a person named with two words or
//     more (PER), a country, region or city (LOC), an intergovernmental
//     organisation, party, news organisation or other organisation (ORG);
//     agent words and given names never override; a metonym overrides a
//     type the model gave, but where the model saw no entity only when it
//     names an institution ("the Federal Reserve", "the FBI", "Treasury
//     Department", not "the Kremlin") and no capitalised word follows it
//     ("Fed Cup");
//   - the phrase matched the entry's name or an alias, not an adjective or
//     demonym ("Russian" is not an entity);
//   - the phrase's first word, after a leading "the" that entities leave
//     out, starts with a capital letter, so lower-case
//     common words that happen to be names ("turkey", "chad") are left to
//     the model;
//   - no entity the model predicted crosses the phrase's boundary or
//     reaches outside it (the model's "University of Paris" keeps its ORG
//     over the matched "Paris").
//
// The phrase then becomes one entity of the entry's label, replacing the
// model's O words, the entities it had split the phrase into, and the
// type the model gave to exactly the phrase (on UNER EWT dev and
// CoNLL-2003 testa retyping was as good as keeping the model's type). Matches
// come from actors.KB.Match: longest first, left to right, so overlapping
// entries are resolved by the longest match.

// kbLabel returns the entity type a match of kind k and form via stands
// for, or "" when the match must not override the model.
func kbLabel(m actors.Match) string {
	if m.Via != actors.ViaName && m.Via != actors.ViaAlias {
		return ""
	}
	switch m.Kind {
	case actors.Person:
		if m.End-m.Start >= 2 {
			return "PER"
		}
	case actors.Country, actors.Region, actors.City:
		return "LOC"
	case actors.IGO, actors.Party, actors.Media, actors.Organisation, actors.Metonym:
		return "ORG"
	}
	return ""
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// correct applies the knowledge-base matches ms to the classes of a
// sentence's words.
func (m *Model) correct(words []string, labels []int, ms []actors.Match) {
	for _, k := range ms {
		typ := kbLabel(k)
		// Entities leave out the article of names that carry one ("the
		// United Nations").
		for k.Start < k.End-1 && (words[k.Start] == "the" || words[k.Start] == "The") {
			k.Start++
		}
		if typ == "" || !startsUpper(words[k.Start]) {
			continue
		}
		b, ok := m.classOf["B-"+typ]
		if !ok {
			continue
		}
		// The model's entities overlapping the phrase.
		if !m.insideOnly(labels, k.Start, k.End) {
			continue
		}
		// A metonym ("the Kremlin", "Downing Street") is left to the model
		// when it saw no entity there (the entities stage adds it from the
		// knowledge base), unless it names an institution, but a type it
		// gave is corrected: the seat of a government stands for an
		// organisation, never a person.
		if k.Kind == actors.Metonym && m.allO(labels, k.Start, k.End) && (!institution(k) || k.End < len(words) && startsUpper(words[k.End])) {
			continue
		}
		m.setSpan(labels, k.Start, k.End, b)
	}
}

// institution reports whether metonym match k names an institution
// rather than the building or street that stands for one: its sector is
// not the government's (the Federal Reserve, the FBI, Congress), or its
// name says it is a body ("Treasury Department").
func institution(k actors.Match) bool {
	if k.Entry == nil {
		return false
	}
	if len(k.Entry.Code) > 3 && !strings.HasSuffix(k.Entry.Code, "GOV") {
		return true
	}
	for _, w := range strings.Fields(k.Entry.Name) {
		switch w {
		case "Department", "Ministry", "Council", "Committee", "Agency", "Bureau", "Court", "Parliament", "Assembly":
			return true
		}
	}
	return false
}

// allO reports whether words [start, end) are all outside entities.
func (m *Model) allO(labels []int, start, end int) bool {
	for _, l := range labels[start:end] {
		if m.prefix[l] != 'O' {
			return false
		}
	}
	return true
}

// insideOnly reports whether no entity of labels crosses the boundaries of
// words [start, end).
func (m *Model) insideOnly(labels []int, start, end int) bool {
	if m.inside(labels[start]) {
		return false // an entity from the left runs into the phrase
	}
	if end < len(labels) && m.inside(labels[end]) {
		return false // an entity runs on past the phrase
	}
	return true
}

// honorifics are the courtesy titles that only ever stand before a
// person's name.
var honorifics = map[string]bool{
	"Mr": true, "Mr.": true, "Mrs": true, "Mrs.": true, "Ms": true, "Ms.": true, "Miss": true,
	"Dr": true, "Dr.": true, "Sir": true, "Dame": true, "Lord": true, "Lady": true,
}

// correctHonorifics labels PER the capitalised words (up to three) after a
// courtesy title ("Mr Kennedy", "Dr Fox", "Lady Thatcher"), leaving the
// title itself out as the training data does, unless an entity the model
// found runs on past them or takes in the title and three words or more.
// Sentences in capitals are left alone.
func (m *Model) correctHonorifics(words []string, labels []int, sentCase uint64) {
	b, ok := m.classOf["B-PER"]
	o, ok2 := m.classOf["O"]
	if !ok || !ok2 || sentCase == 2 {
		return
	}
	n := len(words)
	for i := 0; i+1 < n; i++ {
		if !honorifics[words[i]] {
			continue
		}
		j := i + 1
		for j < n && j < i+4 && startsUpper(words[j]) && !honorifics[words[j]] {
			j++
		}
		if j == i+1 || j < n && m.inside(labels[j]) {
			continue
		}
		// A long name the model took for an organisation with the title
		// in it ("Lady Margaret Hall College") stays as it is.
		if t := m.typ[labels[i]]; t != "" && t != "PER" && j-i >= 4 && m.inside(labels[j-1]) {
			continue
		}
		if m.typ[labels[i]] != "" && !m.inside(labels[i]) {
			labels[i] = o // the model started the entity with the title
		}
		m.setSpan(labels, i+1, j, b)
		i = j - 1
	}
}

// correctNames labels PER a run of two or three capitalised words (not in
// capitals) that starts with a known given name ("Helena Sukova", "Michael
// J. McDermott") when no knowledge-base entry of another kind overlaps the
// run and no entity the model predicted crosses its boundary. Sentences
// in capitals (headlines) are left alone. a holds the sentence's atoms
// (two pads each side).
func (m *Model) correctNames(words []string, labels []int, a []atoms, ms []actors.Match, sentCase uint64) {
	b, ok := m.classOf["B-PER"]
	if !ok || sentCase == 2 {
		return
	}
	caps := func(i int) bool {
		f := a[i+2].flags
		return f&flagFirstUpper != 0 && f&flagAllUpper == 0
	}
	n := len(words)
	for i := 0; i < n; {
		if !caps(i) {
			i++
			continue
		}
		j := i + 1
		for j < n && caps(j) {
			j++
		}
		start, end := i, j
		i = j
		if end-start < 2 || end-start > 3 {
			continue
		}
		if _, ok := m.kb.GivenName(words[start]); !ok {
			continue
		}
		clash := false
		for _, k := range ms {
			if k.Start < end && start < k.End && k.Kind != actors.Person && k.Kind != actors.GivenName {
				clash = true
				break
			}
		}
		if clash || !m.insideOnly(labels, start, end) {
			continue
		}
		m.setSpan(labels, start, end, b)
	}
}

// correctLower labels LOC the places the knowledge base knows (countries,
// regions, cities, by name or alias) written in lower case ("mexico",
// "san francisco") that the model left outside any entity, when the
// phrase has five letters or more: shorter ones are as often common
// words ("us", "nice", "la"). ms are the case-insensitive matches.
func (m *Model) correctLower(words []string, labels []int, ms []actors.Match) {
	b, ok := m.classOf["B-LOC"]
	if !ok {
		return
	}
	for _, k := range ms {
		for k.Start < k.End-1 && strings.EqualFold(words[k.Start], "the") {
			k.Start++
		}
		if kbLabel(k) != "LOC" || startsUpper(words[k.Start]) || letters(words[k.Start:k.End]) < 5 {
			continue
		}
		outside := true
		for i := k.Start; i < k.End; i++ {
			outside = outside && m.prefix[labels[i]] == 'O'
		}
		if outside && !(k.End < len(labels) && m.inside(labels[k.End])) {
			m.setSpan(labels, k.Start, k.End, b)
		}
	}
}

// letters returns the number of letters in words.
func letters(words []string) int {
	n := 0
	for _, w := range words {
		for _, r := range w {
			if unicode.IsLetter(r) {
				n++
			}
		}
	}
	return n
}
