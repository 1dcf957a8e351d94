package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder until the foundation work lands.
func newStatsCmd(g *globals) *cobra.Command {
	return &cobra.Command{Use: "stats", RunE: func(*cobra.Command, []string) error { return errors.New("stats: not implemented yet") }}
}
