package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder until the owning work lands.
func newDictCmd(g *globals) *cobra.Command {
	return &cobra.Command{Use: "dict", RunE: func(*cobra.Command, []string) error { return errors.New("dict: not implemented yet") }}
}
