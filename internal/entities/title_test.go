package entities

import (
	"strings"
	"testing"

	"github.com/dyad-news/dyad/internal/actors"
	"github.com/dyad-news/dyad/internal/doc"
)

// TestTitleBefore checks which words before a name count as its title.
func TestTitleBefore(t *testing.T) {
	kb, err := actors.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		words, upos string // the name is the last word
		person      int    // a person's name among the words before it, or -1
		want        string
	}{
		{"Russian foreign minister Petrov", "ADJ ADJ NOUN PROPN", -1, "Russian foreign minister"},
		{"Kremlin spokesman Peskov", "PROPN NOUN PROPN", -1, "Kremlin spokesman"},
		{"former Buckingham Palace press spokesman Arbiter", "ADJ PROPN PROPN NOUN NOUN PROPN", -1, ""},
		{"ex-minister Petrov", "NOUN PROPN", -1, ""},
		{"the singer Petrov", "DET NOUN PROPN", -1, ""},
		{"Trump spokesman Cuban", "PROPN NOUN PROPN", 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.words, func(t *testing.T) {
			ws, tags := strings.Fields(tc.words), strings.Fields(tc.upos)
			d := doc.New("t", tc.words)
			pos := 0
			for i, w := range ws {
				start := strings.Index(tc.words[pos:], w) + pos
				pos = start + len(w)
				d.Tokens = append(d.Tokens, doc.Token{Start: start, End: pos, Form: w, UPOS: tags[i], Head: -1})
			}
			d.Sentences = []doc.Sentence{{First: 0, Last: len(ws), Start: 0, End: len(tc.words)}}
			person := make([]bool, len(ws))
			if tc.person >= 0 {
				person[tc.person] = true
			}
			got := strings.Join(titleBefore(d, len(ws)-1, kb, person), " ")
			if got != tc.want {
				t.Errorf("title before %q: got %q, want %q", ws[len(ws)-1], got, tc.want)
			}
		})
	}
}
