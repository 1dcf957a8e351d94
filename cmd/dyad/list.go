package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/dyad-news/dyad/internal/store"
)

func newListCmd(g *globals) *cobra.Command {
	var ff filterFlags
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List stored articles, newest first",
		Long: `list prints the stored articles, newest first (undated ones last): id,
publication date, source and title. --source, --since and --until select
articles; --limit caps the count (0 lists all).

With --json, each article is a JSON object on its own line (JSON Lines), the
same fields as show --json without the text.`,
		Example: `  dyad list
  dyad list --source "BBC News" --since 2005-01-01 --until 2005-01-31
  dyad list --limit 0 --json | jq -r .url`,
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
			articles, err := st.List(ctx, f)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSONLines(g.stdout, articles, func(a store.StoredArticle) any { return toArticleJSON(a) })
			}
			if len(articles) == 0 {
				fmt.Fprintln(g.stderr, "no articles")
				return nil
			}
			tw := tabwriter.NewWriter(g.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tPUBLISHED\tSOURCE\tTITLE")
			for _, a := range articles {
				src := a.Source
				if src == "" {
					src = "-"
				}
				title := oneLine(a.Title)
				if title == "" {
					title = "(no title)"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", a.ID, publishedDay(a.Published), clip(src, 24), clip(title, 80))
			}
			return tw.Flush()
		},
	}
	ff.register(cmd, 20)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON Lines: one article per line, without text")
	return cmd
}
