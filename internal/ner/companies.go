package ner

import (
	"strings"
	"unicode/utf8"
)

// Companies in business news. A company's legal form ("Cofinec S.A.",
// "Magna International Inc", "Jeans Mate Corp") says that the name before
// it is an organisation, whatever type the model gave it; the report then
// calls the company by its name alone ("Cofinec said", "Magna 's North
// American sales"), which the model, seeing one sentence at a time, often
// takes for a person. companiesInDocument
//
//   - labels ORG a name whose last word is a legal form (companySuffixes)
//     together with the capitalised words before it (joined by "&" or
//     "'s": "Douglas & Lomason Co"), when no entity of the model crosses
//     it;
//   - remembers the name without its legal form ("Magna International")
//     and, when that has two words or more, its first word ("Magna") if
//     the tagger took it for a proper noun, it has four letters or more
//     and the knowledge base knows it as no place and no given name;
//   - labels ORG every other mention of a remembered name in the document
//     that the model left outside any entity or labelled a one-word PER
//     (the whole name may also replace a one-word LOC).

// companySuffixes are the legal forms that end a company's name.
var companySuffixes = map[string]bool{
	"Inc": true, "Inc.": true, "Corp": true, "Corp.": true, "Co": true, "Co.": true,
	"Ltd": true, "Ltd.": true, "Plc": true, "plc": true, "PLC": true, "LLC": true,
	"SA": true, "S.A.": true, "AG": true, "NV": true, "N.V.": true, "SpA": true,
	"S.p.A.": true, "GmbH": true, "Bhd": true, "Berhad": true, "ASA": true, "Oyj": true,
	"AB": true, "Corporation": true, "Incorporated": true, "Limited": true,
}

// companiesInDocument labels the companies of a document (see the comment
// at the top of this file). upos may be shorter than words (no tags).
func (m *Model) companiesInDocument(words, upos, labels [][]string) {
	if m.kb == nil {
		return
	}
	full := map[string]bool{}  // names without the legal form
	first := map[string]bool{} // their first words
	for si, ws := range words {
		ls := labels[si]
		for i := 1; i < len(ws); i++ {
			if !companySuffixes[ws[i]] || !capitalised(ws[i-1]) {
				continue
			}
			if i+1 < len(ws) && strings.HasPrefix(ls[i+1], "I-") {
				continue // an entity runs on past the legal form
			}
			s := i
			for s > 0 && (capitalised(ws[s-1]) || s-1 > 0 && s < i && (ws[s-1] == "&" || ws[s-1] == "'s") && capitalised(ws[s-2])) && !companySuffixes[ws[s-1]] {
				s--
			}
			for s < i && notTeams[strings.ToLower(ws[s])] {
				s++ // a capitalised article or preposition: "The Jeans Mate Corp"
			}
			if s == i || strings.HasPrefix(ls[s], "I-") {
				continue
			}
			if m.country(ws[s:i]) {
				continue // "China Co" is no company's name alone
			}
			setORG(ls, nameSpan{s, i + 1, ""})
			full[teamKey(ws[s:i])] = true
			if i-s >= 2 && m.shortName(ws[s], tagAt(upos, si, s)) {
				first[strings.ToLower(ws[s])] = true
			}
		}
	}
	if len(full) == 0 {
		return
	}
	for si, ws := range words {
		ls := labels[si]
		for _, n := range names(ws, ls) {
			k := teamKey(ws[n.Start:n.End])
			one := n.End-n.Start == 1
			switch {
			case n.Label == "ORG":
			case full[k] && (n.Label == "" || one):
				setORG(ls, n)
			case first[k] && (n.Label == "" || n.Label == "PER" && one):
				setORG(ls, n)
			}
		}
	}
}

// shortName reports whether w, the first word of a company's name, may
// stand for the company alone.
func (m *Model) shortName(w, tag string) bool {
	if tag != "PROPN" || utf8.RuneCountInString(w) < 4 {
		return false
	}
	if _, ok := m.kb.GivenName(w); ok {
		return false
	}
	return !m.place([]string{w}) && !m.country([]string{w})
}

// tagAt returns the part of speech of word i of sentence si, or "".
func tagAt(upos [][]string, si, i int) string {
	if si < len(upos) && i < len(upos[si]) {
		return upos[si][i]
	}
	return ""
}
