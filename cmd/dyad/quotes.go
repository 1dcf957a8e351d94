package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dyad-news/dyad/internal/store"
)

func newQuotesCmd(g *globals) *cobra.Command {
	var ff filterFlags
	var speaker string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "quotes",
		Short: "List stored quotes by speaker, with the sentence and article they came from",
		Long: `quotes lists the quotes found in the stored articles (ingest analyses them),
newest articles first: who said it (the resolved name, or the mention when
unresolved, with the speaker's actor code), what was said, how (direct,
indirect, mixed), and the sentence and article it came from.

--speaker matches the speaker's resolved name or mention (a part of it, case
ignored) or the start of the speaker's actor code (RUSGOV, RUS).`,
		Example: `  dyad quotes --speaker Peskov
  dyad quotes --speaker RUSGOV --since 2025-03-01
  dyad quotes --speaker "Keir Starmer" --json | jq .quote.text`,
		Args: cobra.NoArgs,
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
			rows, err := st.Quotes(ctx, store.QuoteFilter{Speaker: speaker, Filter: f})
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSONLines(g.stdout, rows, func(r store.QuoteRow) any {
					return map[string]any{"article": r.ArticleID, "title": r.Title, "published": r.Published,
						"quote": r.Quote, "context": r.Context}
				})
			}
			if len(rows) == 0 {
				fmt.Fprintln(g.stderr, "no quotes")
				return nil
			}
			for _, r := range rows {
				who, code := "(unknown speaker)", ""
				if sp := r.Quote.Speaker; sp != nil {
					who = sp.Name
					if who == "" {
						who = sp.Text
					}
					if sp.Actor != nil && sp.Actor.Code != "" {
						code = " [" + sp.Actor.Code + "]"
					}
				}
				fmt.Fprintf(g.stdout, "%s%s (%s): %s\n", who, code, r.Quote.Kind, clip(oneLine(r.Quote.Text), 300))
				fmt.Fprintf(g.stdout, "    in: %s\n", clip(oneLine(r.Context), 300))
				fmt.Fprintf(g.stdout, "    article %s, %s, %s\n\n", r.ArticleID, publishedDayString(r.Published), clip(oneLine(r.Title), 80))
			}
			return nil
		},
	}
	ff.register(cmd, 50)
	cmd.Flags().StringVar(&speaker, "speaker", "", "speaker name, mention or actor code (prefix)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON Lines: one quote per line with its article and context")
	return cmd
}

// publishedDayString returns the date part of a stored publication time.
func publishedDayString(p string) string {
	if len(p) >= 10 {
		return p[:10]
	}
	if p == "" {
		return "undated"
	}
	return p
}
