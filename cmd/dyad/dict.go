package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/dyad-news/dyad/internal/actors"
	"github.com/spf13/cobra"
)

// newDictCmd groups the commands on the actor knowledge base.
func newDictCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "dict",
		Short: "Import, inspect and query actor dictionaries",
		Long: `dict works on dyad's actor knowledge base: the dictionaries built into the
binary plus the user directories in $DYAD_ACTORS (or, when it is unset,
` + "`" + actors.UserDir() + "`" + ` if it exists).`,
	}
	cmd.AddCommand(newDictImportCmd(g), newDictResolveCmd(g), newDictStatsCmd(g))
	return cmd
}

func newDictImportCmd(g *globals) *cobra.Command {
	var format, out string
	var strict bool
	cmd := &cobra.Command{
		Use:   "import --format petrarch FILE...",
		Short: "Convert PETRARCH/Phoenix actor and agent dictionaries into dyad's format",
		Long: `import reads PETRARCH, Phoenix or TABARI actor and agent dictionaries
(date-restricted codes included) and writes them in dyad's format under
--out: people/petrarch-NAME.txt (actors with dated or several codes),
orgs/petrarch-NAME.txt (actors with one code) and agents/petrarch-NAME.txt.
dyad then loads that directory on top of the built-in dictionaries when it is
the default user directory or listed in $DYAD_ACTORS. Lines that cannot be
read are reported as FILE:LINE and skipped (--strict makes them fatal).`,
		Example: `  dyad dict import --format petrarch Phoenix.Countries.actors.txt Phoenix.agents.txt
  dyad dict import --format petrarch --out ./my-actors my.actors.txt && DYAD_ACTORS=./my-actors dyad dict resolve "John Kerry" --date 2014-01-01`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "petrarch" {
				return fmt.Errorf("dict import: unknown --format %q (supported: petrarch)", format)
			}
			if out == "" {
				out = actors.UserDir()
			}
			var nActors, nDated, nAgents, nErrs int
			for _, file := range args {
				f, err := os.Open(file)
				if err != nil {
					return fmt.Errorf("dict import: %w", err)
				}
				d, err := actors.ImportPetrarch(f, file)
				f.Close()
				if err != nil {
					return fmt.Errorf("dict import: %w", err)
				}
				written, err := d.Write(out)
				if err != nil {
					return fmt.Errorf("dict import: writing %s: %w", out, err)
				}
				for _, e := range d.Errors {
					fmt.Fprintln(g.stderr, e)
				}
				fmt.Fprintf(g.stdout, "%s: %d actors, %d date-restricted codes, %d agents, %d errors → %s\n",
					file, len(d.Actors), d.DatedCodes(), len(d.Agents), len(d.Errors), strings.Join(written, ", "))
				nActors += len(d.Actors)
				nDated += d.DatedCodes()
				nAgents += len(d.Agents)
				nErrs += len(d.Errors)
			}
			// Check that what was written loads.
			if _, err := actors.Load(os.DirFS(out)); err != nil {
				return fmt.Errorf("dict import: the converted files in %s do not load: %w", out, err)
			}
			fmt.Fprintf(g.stdout, "total: %d actors, %d date-restricted codes, %d agents, %d errors; written to %s\n",
				nActors, nDated, nAgents, nErrs, out)
			if strict && nErrs > 0 {
				return &exitError{code: 1, msg: fmt.Sprintf("dict import: %d lines could not be read", nErrs)}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "petrarch", "input format (petrarch: PETRARCH/Phoenix/TABARI .txt dictionaries)")
	cmd.Flags().StringVar(&out, "out", "", "output directory (default "+actors.UserDir()+")")
	cmd.Flags().BoolVar(&strict, "strict", false, "exit with status 1 when a line cannot be read")
	return cmd
}

func newDictResolveCmd(g *globals) *cobra.Command {
	var date string
	cmd := &cobra.Command{
		Use:   "resolve NAME... [--date YYYY-MM-DD]",
		Short: "Resolve names or descriptions to actors on a date (JSON Lines)",
		Example: `  dyad dict resolve Trump "the Kremlin" "a Hungarian official" --date 2025-03-31
  dyad dict resolve "the British prime minister" --date 2019-01-01`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			d := time.Now().UTC()
			if date != "" {
				var err error
				if d, err = time.Parse("2006-01-02", date); err != nil {
					return fmt.Errorf("dict resolve: --date %q: want YYYY-MM-DD", date)
				}
			}
			kb, err := actors.Default()
			if err != nil {
				return fmt.Errorf("dict resolve: %w", err)
			}
			enc := json.NewEncoder(g.stdout)
			enc.SetEscapeHTML(false)
			missing := 0
			for _, name := range args {
				a, ok := kb.Resolve(name, d)
				if !ok {
					missing++
					fmt.Fprintf(g.stderr, "dict resolve: %q: not found\n", name)
					continue
				}
				if err := enc.Encode(struct {
					Query string `json:"query"`
					Date  string `json:"date"`
					actorJSON
				}{name, d.Format("2006-01-02"), toJSON(a)}); err != nil {
					return err
				}
			}
			if missing > 0 {
				return &exitError{code: 1}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&date, "date", "", "date of the article (default today)")
	return cmd
}

type actorJSON struct {
	ID      string `json:"id,omitempty"`
	Name    string `json:"name"`
	Kind    string `json:"kind"`
	Code    string `json:"code"`
	Country string `json:"country,omitempty"`
	Sector  string `json:"sector,omitempty"`
	Title   string `json:"title,omitempty"`
	Role    string `json:"role,omitempty"`
	Gender  string `json:"gender,omitempty"`
}

func toJSON(a actors.Actor) actorJSON {
	return actorJSON{ID: a.ID, Name: a.Name, Kind: a.Kind.String(), Code: a.Code, Country: a.Country,
		Sector: a.Sector, Title: a.Title, Role: a.Role, Gender: a.Gender}
}

func newDictStatsCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "stats",
		Short: "Count the entries of the actor knowledge base by kind",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			start := time.Now()
			kb, err := actors.Default()
			if err != nil {
				var el actors.ErrorList
				if errors.As(err, &el) {
					for _, e := range el {
						fmt.Fprintln(g.stderr, e)
					}
				}
				return fmt.Errorf("dict stats: %w", err)
			}
			elapsed := time.Since(start)
			byKind, roles := kb.Count()
			var kinds []actors.Kind
			for k := range byKind {
				kinds = append(kinds, k)
			}
			sort.Slice(kinds, func(i, j int) bool { return kinds[i] < kinds[j] })
			for _, k := range kinds {
				fmt.Fprintf(g.stdout, "%-13s %6d\n", k, byKind[k])
			}
			fmt.Fprintf(g.stdout, "%-13s %6d\n", "roles", roles)
			fmt.Fprintf(g.stdout, "loaded in %s (user directories: %s)\n", elapsed.Round(time.Millisecond), strings.Join(actors.UserDirs(), ", "))
			return nil
		},
	}
}
