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
		want        string
	}{
		{"Russian foreign minister Petrov", "ADJ ADJ NOUN PROPN", "Russian foreign minister"},
		{"Kremlin spokesman Peskov", "PROPN NOUN PROPN", "Kremlin spokesman"},
		{"former Buckingham Palace press spokesman Arbiter", "ADJ PROPN PROPN NOUN NOUN PROPN", ""},
		{"ex-minister Petrov", "NOUN PROPN", ""},
		{"the singer Petrov", "DET NOUN PROPN", ""},
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
			got := strings.Join(titleBefore(d, len(ws)-1, kb), " ")
			if got != tc.want {
				t.Errorf("title before %q: got %q, want %q", ws[len(ws)-1], got, tc.want)
			}
		})
	}
}
