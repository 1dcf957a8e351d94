package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder until the foundation work lands.
func newSearchCmd(g *globals) *cobra.Command {
	return &cobra.Command{Use: "search", RunE: func(*cobra.Command, []string) error { return errors.New("search: not implemented yet") }}
}
