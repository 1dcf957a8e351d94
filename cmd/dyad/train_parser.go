package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder until the owning work lands.
func newTrainParserCmd(g *globals) *cobra.Command {
	return &cobra.Command{Use: "parser", RunE: func(*cobra.Command, []string) error { return errors.New("parser: not implemented yet") }}
}
