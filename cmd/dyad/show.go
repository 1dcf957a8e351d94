package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
)

func newShowCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Print one stored article with its metadata",
		Long: `show prints the article with this id: its metadata, then its text. The
start of an id is enough when no other id starts the same way (as with git
commit hashes); ids are printed by search and list.

With --json, the article is one JSON object: id, title, source, url,
published, authors, language, origin, format, ingested_at, chars, text.`,
		Example: `  dyad show 3f2a9c1e0b7d4e55
  dyad show 3f2a
  dyad show 3f2a --json | jq -r .text`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := openStoreForReading(ctx, g)
			if err != nil {
				return err
			}
			defer st.Close()
			a, err := st.Get(ctx, args[0])
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(g.stdout)
				enc.SetEscapeHTML(false)
				return enc.Encode(toArticleJSON(a))
			}
			tw := tabwriter.NewWriter(g.stdout, 0, 0, 2, ' ', 0)
			row := func(k, v string) {
				if v != "" {
					fmt.Fprintf(tw, "%s\t%s\n", k, v)
				}
			}
			row("id", a.ID)
			row("title", oneLine(a.Title))
			row("source", a.Source)
			row("url", a.URL)
			row("authors", strings.Join(a.Authors, ", "))
			published := publishedString(a.Published, a.HasTime)
			if published == "" {
				published = "unknown"
			}
			row("published", published)
			row("language", a.Language)
			row("origin", strings.TrimSpace(a.Origin+" ("+a.Format+")"))
			row("ingested", a.IngestedAt.Local().Format(time.RFC3339))
			row("length", thousands(int64(a.Chars))+" characters")
			if err := tw.Flush(); err != nil {
				return err
			}
			_, err = fmt.Fprintf(g.stdout, "\n%s\n", strings.TrimRight(a.Text, "\n"))
			return err
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the article as one JSON object")
	return cmd
}
