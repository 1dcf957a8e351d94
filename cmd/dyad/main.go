// Command dyad turns news articles into structured, sourced records of
// political interaction: quotes with speakers, CAMEO/PLOVER events, actors
// with dated roles, and stories.
//
// Each subcommand lives in its own file as newXxxCmd; this file is the one
// place where they are wired together.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"github.com/spf13/cobra"
)

// globals holds the flags shared by every subcommand.
type globals struct {
	db       string // database path (--db, DYAD_DB, ./dyad.db)
	verbose  bool   // -v: structured debug logs on stderr
	quiet    bool   // --quiet: no progress bar
	cpuProf  string // --cpuprofile: write a CPU profile of the command here
	stopProf func()
	log      *slog.Logger
	stdin    io.Reader
	stdout   io.Writer
	stderr   io.Writer
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Run executes dyad with args and returns the process exit status. Tests call
// it directly with their own streams.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	g := &globals{stdin: stdin, stdout: stdout, stderr: stderr}
	root := newRootCmd(g)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	if err := root.ExecuteContext(ctx); err != nil {
		var ex *exitError
		if errors.As(err, &ex) {
			if ex.msg != "" {
				fmt.Fprintln(stderr, "dyad:", ex.msg)
			}
			return ex.code
		}
		fmt.Fprintln(stderr, "dyad:", err)
		return 1
	}
	return 0
}

// exitError ends a command with a given status after it has already
// reported its own problems.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func newRootCmd(g *globals) *cobra.Command {
	root := &cobra.Command{
		Use:   "dyad",
		Short: "Turn news articles into quotes, events and actors",
		Long: `dyad turns news articles into structured, sourced records of political
interaction: who said what, who did what to whom and when (CAMEO/PLOVER),
which actors are involved with their roles on the article's date.`,
		Example: `  dyad ingest examples/
  dyad search "ceasefire AND Kremlin"
  dyad extract --date 2025-03-31 examples/kremlin.txt`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			level := slog.LevelWarn
			if g.verbose {
				level = slog.LevelDebug
			}
			g.log = slog.New(slog.NewTextHandler(g.stderr, &slog.HandlerOptions{Level: level}))
			if g.db == "" {
				g.db = os.Getenv("DYAD_DB")
			}
			if g.db == "" {
				g.db = "dyad.db"
			}
			if g.cpuProf != "" {
				f, err := os.Create(g.cpuProf)
				if err != nil {
					return fmt.Errorf("--cpuprofile: %w", err)
				}
				if err := pprof.StartCPUProfile(f); err != nil {
					f.Close()
					return fmt.Errorf("--cpuprofile: %w", err)
				}
				g.stopProf = func() { pprof.StopCPUProfile(); f.Close() }
			}
			return nil
		},
		PersistentPostRun: func(cmd *cobra.Command, args []string) {
			if g.stopProf != nil {
				g.stopProf()
			}
		},
	}
	root.PersistentFlags().StringVar(&g.db, "db", "", "database file (default $DYAD_DB or ./dyad.db)")
	root.PersistentFlags().BoolVarP(&g.verbose, "verbose", "v", false, "write structured debug logs to standard error")
	root.PersistentFlags().BoolVarP(&g.quiet, "quiet", "q", false, "no progress bar")
	root.PersistentFlags().StringVar(&g.cpuProf, "cpuprofile", "", "write a CPU profile to this file (read it with go tool pprof)")

	root.AddCommand(
		newIngestCmd(g),
		newSearchCmd(g),
		newShowCmd(g),
		newListCmd(g),
		newStatsCmd(g),
		newExportCmd(g),
		newAnalyzeCmd(g),
		newExtractCmd(g),
		newQuotesCmd(g),
		newEventsCmd(g),
		newParseCmd(g),
		newNerCmd(g),
		newDictCmd(g),
		newTrainCmd(g),
	)
	return root
}
