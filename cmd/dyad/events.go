package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dyad-news/dyad/internal/record"
	"github.com/dyad-news/dyad/internal/store"
)

func newEventsCmd(g *globals) *cobra.Command {
	var f store.EventFilter
	var since, until string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "events",
		Short: "List stored events: who did what to whom, when",
		Long: `events lists the CAMEO/PLOVER events found in the stored articles (ingest
analyses them), latest event dates first: date, source → target actor codes,
CAMEO code and PLOVER category, modality (negated, hypothetical), and the
sentence it was coded from.

--source and --target match the start of an actor code (RUS matches RUSGOV
and RUSMIL); --root is a CAMEO root (two digits, 01 to 20); --since and
--until select event dates.`,
		Example: `  dyad events --source USA --target RUS
  dyad events --root 13 --since 2025-03-01 --json
  dyad events --source RUSGOV --limit 0 | less`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if f.Since, err = parseDayFlag("since", since); err != nil {
				return err
			}
			if f.Until, err = parseDayFlag("until", until); err != nil {
				return err
			}
			if f.Root != "" && (len(f.Root) != 2 || f.Root < "01" || f.Root > "20") {
				return fmt.Errorf("--root: want a CAMEO root from 01 to 20, got %q", f.Root)
			}
			if f.Limit < 0 {
				return fmt.Errorf("--limit must be 0 or more, got %d", f.Limit)
			}
			ctx := cmd.Context()
			st, err := openStoreForReading(ctx, g)
			if err != nil {
				return err
			}
			defer st.Close()
			rows, err := st.Events(ctx, f)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSONLines(g.stdout, rows, func(r store.EventRow) any {
					return map[string]any{"article": r.ArticleID, "title": r.Title, "published": r.Published,
						"event": r.Event, "sentence_text": r.Sentence}
				})
			}
			if len(rows) == 0 {
				fmt.Fprintln(g.stderr, "no events")
				return nil
			}
			for _, r := range rows {
				e := r.Event
				var mods []string
				if e.Negated {
					mods = append(mods, "negated")
				}
				if e.Hypothetical {
					mods = append(mods, "hypothetical")
				}
				mod := ""
				if len(mods) > 0 {
					mod = " (" + strings.Join(mods, ", ") + ")"
				}
				fmt.Fprintf(g.stdout, "%s  %s → %s  %s %s%s\n", orDash(e.Date), actorCodes(e.Source), actorCodes(e.Target), e.CAMEO, e.Plover.Event, mod)
				fmt.Fprintf(g.stdout, "    %s\n", clip(oneLine(r.Sentence), 300))
				fmt.Fprintf(g.stdout, "    article %s, %s\n\n", r.ArticleID, clip(oneLine(r.Title), 80))
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.Source, "source", "", "source actor code (prefix)")
	fl.StringVar(&f.Target, "target", "", "target actor code (prefix)")
	fl.StringVar(&f.Root, "root", "", "CAMEO root code, 01 to 20")
	fl.StringVar(&since, "since", "", "only events dated on or after this date (YYYY-MM-DD)")
	fl.StringVar(&until, "until", "", "only events dated on or before this date (YYYY-MM-DD)")
	fl.IntVarP(&f.Limit, "limit", "n", 50, "at most this many events (0: all)")
	fl.BoolVar(&asJSON, "json", false, "print JSON Lines: one event per line with its article and sentence")
	return cmd
}

// actorCodes renders an event side as "USAGOV+GBRGOV", or "-".
func actorCodes(as []record.EventActor) string {
	var cs []string
	for _, a := range as {
		c := a.Code
		if c == "" {
			c = "?" + a.Text
		}
		cs = append(cs, c)
	}
	if len(cs) == 0 {
		return "-"
	}
	return strings.Join(cs, "+")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
