package doc

import (
	"strings"
	"unicode"
)

// Dateline returns the named place of the article's dateline, the capitals
// that open wire copy ("MOSCOW, March 31 (Reuters) -", "KYIV (AP) —",
// "NEW YORK -"), when the entity tagger found it and the knowledge base
// gave it a country. It looks at the first words of the first three
// paragraphs, so that a headline may come first. It needs LayerEntities and
// LayerActors.
func (d *Doc) Dateline() (Entity, bool) {
	paras := 0
	for i := 0; i < len(d.Tokens) && paras < 3; i++ {
		if i > 0 && !strings.Contains(d.Text[d.Tokens[i-1].End:d.Tokens[i].Start], "\n") {
			continue
		}
		paras++
		j := i
		for j < len(d.Tokens) && j < i+3 && allCaps(d.Tokens[j].Form) {
			j++
		}
		if j == i || j >= len(d.Tokens) {
			continue
		}
		switch d.Tokens[j].Form {
		case ",", "(", "-", "—", "–":
		default:
			continue
		}
		for _, e := range d.Entities {
			if e.First >= i && e.Last <= j && e.Actor != nil && e.Actor.Country != "" && e.Actor.Sector == "" {
				return e, true
			}
		}
	}
	return Entity{}, false
}

// Place returns the name of the place whose institutions an article's
// "the government", "police" or "the army" are when it names no country:
// the place of its dateline, else its Home country.
func (d *Doc) Place() (string, bool) {
	if e, ok := d.Dateline(); ok {
		return e.Actor.Name, true
	}
	if d.Home != nil && d.Home.Name != "" {
		return d.Home.Name, true
	}
	return "", false
}

// PlaceCountry returns the country code of the article's place (see
// Place): its dateline's country, else its Home country's; "" for none.
func (d *Doc) PlaceCountry() string {
	if e, ok := d.Dateline(); ok {
		return e.Actor.Country
	}
	if d.Home != nil {
		return d.Home.Country
	}
	return ""
}

// allCaps reports whether w is a word of two letters or more, all capitals.
func allCaps(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}
