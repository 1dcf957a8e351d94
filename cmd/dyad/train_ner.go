package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder until the owning work lands.
func newTrainNerCmd(g *globals) *cobra.Command {
	return &cobra.Command{Use: "ner", RunE: func(*cobra.Command, []string) error { return errors.New("ner: not implemented yet") }}
}
