package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder until the foundation work lands.
func newExportCmd(g *globals) *cobra.Command {
	return &cobra.Command{Use: "export", RunE: func(*cobra.Command, []string) error { return errors.New("export: not implemented yet") }}
}
