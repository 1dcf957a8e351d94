package ner

import "testing"

// TestCompaniesInDocument runs the company rules over invented documents
// written as in TestTeamsInDocument; upos gives the words' parts of speech
// where the rule reads them (PROPN for every capitalised word).
func TestCompaniesInDocument(t *testing.T) {
	m, _ := mustLoad(t)
	for _, c := range []struct {
		name        string
		model, want []string
	}{
		{name: "legal form after a person's name", model: []string{
			"Shares in Brenlow/B-PER S.A./I-PER fell .",
			"Brenlow/B-PER said sales rose .",
		}, want: []string{
			"Shares in Brenlow/B-ORG S.A./I-ORG fell .",
			"Brenlow/B-ORG said sales rose .",
		}},
		{name: "capitalised words the model missed", model: []string{
			"The Quarry Mate Corp said it would merge .",
			"Quarry Mate shares rose .",
		}, want: []string{
			"The Quarry/B-ORG Mate/I-ORG Corp/I-ORG said it would merge .",
			"Quarry/B-ORG Mate/I-ORG shares rose .",
		}},
		{name: "first word alone", model: []string{
			"Talvora/B-ORG International/I-ORG Inc/I-ORG reported a loss .",
			"Talvora/B-PER 's chief executive resigned .",
		}, want: []string{
			"Talvora/B-ORG International/I-ORG Inc/I-ORG reported a loss .",
			"Talvora/B-ORG 's chief executive resigned .",
		}},
		{name: "first word that is a place or a given name stays", model: []string{
			"Leeds/B-ORG Textile/I-ORG Co/I-ORG and Peter/B-ORG Holdings/I-ORG Ltd/I-ORG merged .",
			"Leeds/B-LOC council and Peter/B-PER Brandt/I-PER agreed .",
		}, want: []string{
			"Leeds/B-ORG Textile/I-ORG Co/I-ORG and Peter/B-ORG Holdings/I-ORG Ltd/I-ORG merged .",
			"Leeds/B-LOC council and Peter/B-PER Brandt/I-PER agreed .",
		}},
		{name: "of before the name is left out", model: []string{
			"Shares of Brenlow Co rose .",
		}, want: []string{
			"Shares of Brenlow/B-ORG Co/I-ORG rose .",
		}},
		{name: "country before a legal form", model: []string{
			"China/B-LOC Co/O said .",
		}, want: []string{
			"China/B-LOC Co said .",
		}},
		{name: "no legal form", model: []string{
			"Brenlow/B-PER spoke .",
		}, want: []string{
			"Brenlow/B-PER spoke .",
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			words, labels := make([][]string, len(c.model)), make([][]string, len(c.model))
			upos := make([][]string, len(c.model))
			for i, s := range c.model {
				words[i], labels[i] = parseLabelled(s)
				upos[i] = make([]string, len(words[i]))
				for j, w := range words[i] {
					if capitalised(w) {
						upos[i][j] = "PROPN"
					}
				}
			}
			m.companiesInDocument(words, upos, labels)
			for i := range words {
				if got := formatLabelled(words[i], labels[i]); got != c.want[i] {
					t.Errorf("sentence %d:\n got %s\nwant %s", i, got, c.want[i])
				}
			}
		})
	}
}
