package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder until the foundation work lands.
func newShowCmd(g *globals) *cobra.Command {
	return &cobra.Command{Use: "show", RunE: func(*cobra.Command, []string) error { return errors.New("show: not implemented yet") }}
}
