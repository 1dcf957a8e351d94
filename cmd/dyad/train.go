package main

import "github.com/spf13/cobra"

// newTrainCmd groups the commands that rebuild dyad's embedded models from
// the treebanks in ../shared/data.
func newTrainCmd(g *globals) *cobra.Command {
	c := &cobra.Command{
		Use:   "train",
		Short: "Rebuild the embedded models from the training treebanks",
		Long: `Rebuild the models that dyad embeds. Training is deterministic: the same
data and seed give the same model file. Run from the repository root, then
rebuild dyad so the new model files are embedded.`,
	}
	c.AddCommand(newTrainTaggerCmd(g), newTrainParserCmd(g), newTrainNerCmd(g))
	return c
}
