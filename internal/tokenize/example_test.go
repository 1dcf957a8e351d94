package tokenize_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/dyad-news/dyad/internal/tokenize"
)

func ExampleTokenize() {
	d := tokenize.Tokenize("a1", `"We are ready." He didn't say more.`, tokenize.Options{})
	for i := range d.Sentences {
		fmt.Println(strings.Join(d.Words(i), " "))
	}
	t := d.Tokens[8] // "n't", a word of the multiword token "didn't"
	fmt.Println(t.Form, t.Start, t.End, d.Text[d.MultiWords[0].Start:d.MultiWords[0].End])
	// Output:
	// " We are ready . "
	// He did n't say more .
	// n't 22 25 didn't
}

func ExampleWriteCoNLLU() {
	d := tokenize.Tokenize("doc", "Russia's envoy left.\n", tokenize.Options{LineBreaksEndSentences: true})
	if err := tokenize.WriteCoNLLU(os.Stdout, d); err != nil {
		fmt.Println(err)
	}
	// Output:
	// # sent_id = doc-1
	// # text = Russia's envoy left.
	// 1-2	Russia's	_	_	_	_	_	_	_	_
	// 1	Russia	_	_	_	_	_	_	_	_
	// 2	's	_	_	_	_	_	_	_	_
	// 3	envoy	_	_	_	_	_	_	_	_
	// 4	left	_	_	_	_	_	_	_	SpaceAfter=No
	// 5	.	_	_	_	_	_	_	_	_
}
