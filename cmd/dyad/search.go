package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/dyad-news/dyad/internal/store"
	"github.com/spf13/cobra"
)

// hitJSON is one search result in the output of search --json.
type hitJSON struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Source    string  `json:"source"`
	URL       string  `json:"url"`
	Published string  `json:"published"`
	Language  string  `json:"language"`
	Snippet   string  `json:"snippet"`
	Score     float64 `json:"score"`
}

func newSearchCmd(g *globals) *cobra.Command {
	var ff filterFlags
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "search QUERY...",
		Short: "Full-text search of the stored articles, best matches first",
		Long: `search finds the stored articles that match QUERY, ranked by BM25 with
words in the title counting ten times more than words in the text, and shows
each with the passage that matches best. Several arguments are joined with
spaces.

The query syntax is SQLite FTS5's. Case and accents are ignored.
  word1 word2          both words (same as word1 AND word2)
  "peace talks"        the phrase
  a OR b, a NOT b      either word; the first without the second
  ( )                  grouping: (Kremlin OR Moscow) AND sanctions
  negotiat*            any word starting with "negotiat"
  title:ceasefire      the word in the title only
Put words with punctuation in quotes: "al-Assad", "U.S.".

With --json, each result is a JSON object on its own line (JSON Lines):
id, title, source, url, published, language, snippet, score.`,
		Example: `  dyad search ceasefire
  dyad search '"peace talks" AND (Kremlin OR Moscow)' --since 2025-01-01
  dyad search 'sanction*' --source Reuters --limit 50 --json | jq -r .id`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := ff.filter()
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			st, err := openStoreForReading(ctx, g)
			if err != nil {
				return err
			}
			defer st.Close()
			q := store.Query{Text: strings.Join(args, " "), Filter: f}
			color := !asJSON && colorWanted(g.stdout)
			if color {
				q.Mark = [2]string{"\x1b[1;33m", "\x1b[0m"}
			}
			hits, err := st.Search(ctx, q)
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(g.stdout)
				for _, h := range hits {
					if err := enc.Encode(hitJSON{ID: h.ID, Title: h.Title, Source: h.Source, URL: h.URL,
						Published: publishedString(h.Published, h.HasTime), Language: h.Language,
						Snippet: oneLine(h.Snippet), Score: h.Score}); err != nil {
						return err
					}
				}
				return nil
			}
			if len(hits) == 0 {
				fmt.Fprintln(g.stderr, "no articles match", q.Text)
				return nil
			}
			dim, reset := "", ""
			if color {
				dim, reset = "\x1b[2m", "\x1b[0m"
			}
			for i, h := range hits {
				title := h.Title
				if title == "" {
					title = "(no title)"
				}
				meta := []string{h.ID}
				if h.Source != "" {
					meta = append(meta, h.Source)
				}
				if !h.Published.IsZero() {
					meta = append(meta, publishedDay(h.Published))
				}
				fmt.Fprintf(g.stdout, "%2d. %s\n    %s%s%s\n    %s\n\n", i+1, oneLine(title),
					dim, strings.Join(meta, " · "), reset, oneLine(h.Snippet))
			}
			return nil
		},
	}
	ff.register(cmd, 10)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON Lines: one result per line")
	return cmd
}
