package depparse_test

import (
	"fmt"

	"github.com/dyad-news/dyad/internal/depparse"
)

func ExampleParser_Parse() {
	p, err := depparse.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	words := []string{"Peskov", "said", "talks", "continue", "."}
	upos := []string{"PROPN", "VERB", "NOUN", "VERB", "PUNCT"}
	xpos := []string{"NNP", "VBD", "NNS", "VBP", "."}
	heads := make([]int, len(words))
	rels := make([]string, len(words))
	p.Parse(words, upos, xpos, heads, rels)
	for i, w := range words {
		fmt.Println(w, heads[i], rels[i])
	}
	// Output:
	// Peskov 1 nsubj
	// said -1 root
	// talks 3 nsubj
	// continue 1 ccomp
	// . 1 punct
}
