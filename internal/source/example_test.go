package source_test

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/dyad-news/dyad/internal/source"
)

func ExampleRead() {
	news := `{"id":"n1","text":"The council approved the budget on Tuesday.","published":"2024-05-07","title":"Budget approved"}
{"text": oops}
{"text":"Talks on the new bridge resumed in Velden on Friday.\n\nBoth sides said they hoped for a deal.","published":"2024-05-10T16:00:00+02:00"}
`
	in := source.Input{Path: "-", Size: -1}
	opts := source.Options{Stdin: strings.NewReader(news)}
	for art, err := range source.Read(context.Background(), in, opts) {
		if err != nil {
			fmt.Println("error:", err, errors.Is(err, source.ErrMalformed))
			continue
		}
		fmt.Printf("%s %s %s %q (%s, %d paragraphs)\n", art.ID, art.Origin,
			art.Published.Format("2006-01-02"), art.Title, art.Language, strings.Count(art.Text, "\n\n")+1)
	}
	// Output:
	// n1 stdin:1 2024-05-07 "Budget approved" (en, 1 paragraphs)
	// error: stdin:2: malformed JSON: invalid character 'o' looking for beginning of value (column 10) true
	// ec176f7cdd0aaba2 stdin:3 2024-05-10 "" (en, 2 paragraphs)
}

func ExampleID() {
	fmt.Println(source.ID("Talks resumed on Friday.") == source.ID("  Talks resumed\non Friday.\n"))
	// Output: true
}
