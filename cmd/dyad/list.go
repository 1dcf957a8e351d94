package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder until the foundation work lands.
func newListCmd(g *globals) *cobra.Command {
	return &cobra.Command{Use: "list", RunE: func(*cobra.Command, []string) error { return errors.New("list: not implemented yet") }}
}
