package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder until the foundation work lands.
func newIngestCmd(g *globals) *cobra.Command {
	return &cobra.Command{Use: "ingest", RunE: func(*cobra.Command, []string) error { return errors.New("ingest: not implemented yet") }}
}
