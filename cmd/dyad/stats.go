package main

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/dyad-news/dyad/internal/store"
	"github.com/spf13/cobra"
)

func newStatsCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Count the stored articles by source, language and date",
		Long: `stats prints what the database holds: the number of articles and of
characters of text, the articles per source and per language, the range of
publication dates, the size of the database on disk and its schema version.

With --json, the same as one JSON object: articles, sources and languages
(lists of {"value","articles"}, most first), earliest, latest, undated,
text_chars, disk_bytes, schema_version, path, last_ingest.`,
		Example: `  dyad stats
  dyad --db /data/news.db stats --json | jq .articles`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := openStoreForReading(ctx, g)
			if err != nil {
				return err
			}
			defer st.Close()
			s, err := st.Stats(ctx)
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(g.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(s)
			}
			tw := tabwriter.NewWriter(g.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintf(tw, "database\t%s (%s, schema version %d)\n", s.Path, humanBytes(s.DiskBytes), s.Schema)
			fmt.Fprintf(tw, "articles\t%s (%s characters of text)\n", thousands(int64(s.Articles)), thousands(s.TextChars))
			switch {
			case s.Earliest != "":
				fmt.Fprintf(tw, "published\t%s to %s (%s undated)\n", s.Earliest, s.Latest, thousands(int64(s.Undated)))
			case s.Articles > 0:
				fmt.Fprintf(tw, "published\tno dates\n")
			}
			if s.LastIngest != "" {
				fmt.Fprintf(tw, "last ingest\t%s\n", s.LastIngest)
			}
			counts := func(title string, cs []store.Count) {
				if len(cs) == 0 {
					return
				}
				fmt.Fprintf(tw, "%s\t\n", title)
				for _, c := range cs {
					v := c.Value
					if v == "" {
						v = "(unknown)"
					}
					fmt.Fprintf(tw, "  %s\t%s\n", clip(v, 40), thousands(int64(c.Articles)))
				}
			}
			counts("sources", s.Sources)
			counts("languages", s.Languages)
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the statistics as one JSON object")
	return cmd
}
