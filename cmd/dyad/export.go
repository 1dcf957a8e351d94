package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/dyad-news/dyad/internal/store"
	"github.com/spf13/cobra"
)

// exportRecord is one line of dyad export: the JSON Lines input format of
// CONTRACT.md, so that the output can be given to ingest or extract again,
// plus authors and language, which ingest also reads.
type exportRecord struct {
	ID        string   `json:"id"`
	Text      string   `json:"text"`
	Published string   `json:"published"`
	Title     string   `json:"title"`
	Source    string   `json:"source"`
	URL       string   `json:"url"`
	Authors   []string `json:"authors,omitempty"`
	Language  string   `json:"language,omitempty"`
}

func newExportCmd(g *globals) *cobra.Command {
	var ff filterFlags
	var out, format string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the stored articles (JSON Lines) or events (GDELT, PLOVER)",
		Long: `export writes the stored articles, in the order they were stored, as JSON
Lines: one {"id","text","published","title","source","url"} object per line
(the input format of dyad extract and dyad ingest), with "authors" and
"language" when known. "published" is RFC 3339 when the time of day is known,
YYYY-MM-DD when only the date is, "" when neither is.

--source, --actor, --since, --until and --limit select articles as in list.
The output goes to standard output, or to --out FILE (written whole or not at
all).

--format gdelt writes the stored events instead, as tab-separated rows with
the 61 columns of the GDELT 2.0 event table and a header line: one row per
source-target pair of a compound event; dyad fills dates, actors (code, name,
country, type), CAMEO codes, QuadClass, Goldstein and SOURCEURL, and leaves
GDELT's geography and tone empty. --format plover writes them as PLOVER JSON
Lines (source/target actors, event, mode, context, the sentence, plus CAMEO
and the negated/hypothetical flags). For events, --since and --until select
event dates and --limit caps the count.`,
		Example: `  dyad export > articles.jsonl
  dyad export --source "BBC News" --since 2005-01-01 --out bbc-2005.jsonl
  dyad export | dyad --db copy.db ingest -
  dyad export --format gdelt --since 2025-03-01 > events.tsv
  dyad export --format plover --out events.jsonl`,
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
			write := func(w io.Writer) error { return exportArticles(ctx, st, f, w) }
			ef := store.EventFilter{Since: f.Since, Until: f.Until, Limit: f.Limit}
			switch format {
			case "articles", "jsonl":
			case "gdelt":
				write = func(w io.Writer) error { return exportGDELT(ctx, st, ef, w) }
			case "plover":
				write = func(w io.Writer) error { return exportPLOVER(ctx, st, ef, w) }
			default:
				return fmt.Errorf("--format %q: want articles, gdelt or plover", format)
			}
			if out == "" || out == "-" {
				return write(g.stdout)
			}
			// Write beside the target and rename, so that a failed export
			// leaves no half file behind.
			tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*")
			if err != nil {
				return fmt.Errorf("export: %w", err)
			}
			defer os.Remove(tmp.Name())
			if err := write(tmp); err != nil {
				tmp.Close()
				return err
			}
			if err := tmp.Close(); err != nil {
				return fmt.Errorf("export %s: %w", out, err)
			}
			if err := os.Rename(tmp.Name(), out); err != nil {
				return fmt.Errorf("export: %w", err)
			}
			return nil
		},
	}
	ff.register(cmd, 0)
	cmd.Flags().StringVarP(&out, "out", "o", "", "write to this file instead of standard output")
	cmd.Flags().StringVar(&format, "format", "articles", "articles (JSON Lines), gdelt (events, GDELT 2.0 TSV) or plover (events, JSON Lines)")
	return cmd
}

func exportArticles(ctx context.Context, st store.ArticleStore, f store.Filter, w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	err := st.Each(ctx, f, func(a store.StoredArticle) error {
		return enc.Encode(exportRecord{
			ID: a.ID, Text: a.Text, Published: publishedString(a.Published, a.HasTime),
			Title: a.Title, Source: a.Source, URL: a.URL, Authors: a.Authors, Language: a.Language,
		})
	})
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return bw.Flush()
}
