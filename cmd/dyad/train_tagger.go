package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder until the owning work lands.
func newTrainTaggerCmd(g *globals) *cobra.Command {
	return &cobra.Command{Use: "tagger", RunE: func(*cobra.Command, []string) error { return errors.New("tagger: not implemented yet") }}
}
