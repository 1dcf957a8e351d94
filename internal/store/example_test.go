package store_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/dyad-news/dyad/internal/source"
	"github.com/dyad-news/dyad/internal/store"
)

func Example() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "dyad-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	st, err := store.Open(ctx, filepath.Join(dir, "dyad.db"), store.OpenOptions{})
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()

	articles := []source.Article{
		{ID: "n1", Source: "Example News", Title: "Talks resume in Valdora",
			Text:      "Negotiators from Valdora and Ostmark resumed peace talks on Monday.",
			Published: time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC)},
		{ID: "n2", Source: "Example News", Title: "Harbour strike ends",
			Text: "Dock workers ended their strike after a new wage deal."},
	}
	added, err := st.PutArticles(ctx, articles)
	if err != nil {
		log.Fatal(err)
	}
	again, _ := st.PutArticles(ctx, articles) // the same ids: nothing added
	fmt.Println("added", added, "then", again)

	hits, err := st.Search(ctx, store.Query{Text: `"peace talks" OR strike`, Mark: [2]string{"[", "]"}})
	if err != nil {
		log.Fatal(err)
	}
	for _, h := range hits {
		fmt.Println(h.ID, h.Snippet)
	}

	_, err = st.Search(ctx, store.Query{Text: `"peace talks`})
	fmt.Println(err)
	// Output:
	// added 2 then 0
	// n2 Dock workers ended their [strike] after a new wage deal.
	// n1 Negotiators from Valdora and Ostmark resumed [peace talks] on Monday.
	// invalid search query "\"peace talks": unterminated phrase (a closing " is missing)
}
