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
	var out string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the stored articles as JSON Lines",
		Long: `export writes the stored articles, in the order they were stored, as JSON
Lines: one {"id","text","published","title","source","url"} object per line
(the input format of dyad extract and dyad ingest), with "authors" and
"language" when known. "published" is RFC 3339 when the time of day is known,
YYYY-MM-DD when only the date is, "" when neither is.

--source, --since, --until and --limit select articles as in list. The output
goes to standard output, or to --out FILE (written whole or not at all).`,
		Example: `  dyad export > articles.jsonl
  dyad export --source "BBC News" --since 2005-01-01 --out bbc-2005.jsonl
  dyad export | dyad --db copy.db ingest -`,
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
			if out == "" || out == "-" {
				return exportArticles(ctx, st, f, g.stdout)
			}
			// Write beside the target and rename, so that a failed export
			// leaves no half file behind.
			tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*")
			if err != nil {
				return fmt.Errorf("export: %w", err)
			}
			defer os.Remove(tmp.Name())
			if err := exportArticles(ctx, st, f, tmp); err != nil {
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
