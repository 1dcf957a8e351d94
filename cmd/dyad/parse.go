package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder until the owning work lands.
func newParseCmd(g *globals) *cobra.Command {
	return &cobra.Command{Use: "parse", RunE: func(*cobra.Command, []string) error { return errors.New("parse: not implemented yet") }}
}
