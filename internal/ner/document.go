package ner

import (
	"unicode/utf8"
)

// DocTagger labels the sentences of one document in order, as
// Model.TagInto does, and then makes the names of people consistent
// across the document: it remembers the last word of every person's name
// of two words or more it labelled ("Wang Donghai"), and labels a later
// occurrence of that word PER when it stands alone ("Wang said"): the
// word starts with a capital letter, has two letters or more, its
// neighbours do not start with a capital, and the model left it outside
// any entity or made it a one-word entity of another type ("Washington"
// as LOC after "Denzel Washington"). News refers to people by their
// surname after the first mention; the model, which sees one sentence at
// a time, often misses them. It is not safe for concurrent use.
type DocTagger struct {
	m        *Model
	surnames map[string]struct{}
}

// NewDocTagger returns a DocTagger at the start of a document.
func (m *Model) NewDocTagger() *DocTagger {
	return &DocTagger{m: m, surnames: map[string]struct{}{}}
}

// Reset starts a new document.
func (d *DocTagger) Reset() { clear(d.surnames) }

// TagInto sets labels[i] to the IOB2 label of words[i] of the next
// sentence of the document; upos holds the words' universal parts of
// speech. The slices must have the same length.
func (d *DocTagger) TagInto(words, upos, labels []string) {
	d.m.TagInto(words, upos, labels)
	d.consistent(words, labels)
}

// consistent notes the surnames of the sentence's people and labels PER
// the known surnames that stand alone (see DocTagger).
func (d *DocTagger) consistent(words, labels []string) {
	ents := Spans(labels)
	for _, e := range ents {
		if e.Label == "PER" && e.End-e.Start >= 2 {
			d.surnames[words[e.End-1]] = struct{}{}
		}
	}
	if len(d.surnames) == 0 {
		return
	}
	for _, e := range ents {
		if e.End-e.Start == 1 && e.Label != "PER" && d.alone(words, e.Start) {
			labels[e.Start] = "B-PER"
		}
	}
	for i, l := range labels {
		if l == "O" && d.alone(words, i) {
			labels[i] = "B-PER"
		}
	}
}

// alone reports whether words[i] is a known surname standing alone.
func (d *DocTagger) alone(words []string, i int) bool {
	w := words[i]
	if _, ok := d.surnames[w]; !ok || utf8.RuneCountInString(w) < 2 || !startsUpper(w) {
		return false
	}
	return (i == 0 || !startsUpper(words[i-1])) && (i+1 == len(words) || !startsUpper(words[i+1]))
}

// TagDocument labels the sentences of one document: words[i] and upos[i]
// are the words and universal parts of speech of sentence i, and
// labels[i] (of the same length) receives their IOB2 labels. It labels
// the sentences in order with a DocTagger; then, in a document about
// sport, it labels ORG the names that stand for teams (sports.go:
// "Somerset 83 and 174", "Leicestershire beat Somerset"), and in any
// document the companies named with their legal form and their later
// mentions (companies.go: "Cofinec S.A.", then "Cofinec"). Both need the
// whole document: a results table often comes after the report that
// names its teams.
func (m *Model) TagDocument(words, upos, labels [][]string) {
	dt := m.NewDocTagger()
	for i := range words {
		var tags []string
		if i < len(upos) {
			tags = upos[i]
		}
		dt.TagInto(words[i], tags, labels[i])
	}
	m.teamsInDocument(words, labels)
	m.companiesInDocument(words, upos, labels)
}
