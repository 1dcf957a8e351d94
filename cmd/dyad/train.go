package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
)

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

// saveAndReload writes a trained model to out with save (making the
// directory if need be), then reads the file back with read, so that what
// the training commands report is the model as written (quantised, pruned),
// and returns it with the file's size in bytes.
func saveAndReload[M any](out string, save func(io.Writer) error, read func(io.Reader) (M, error)) (M, int64, error) {
	var zero M
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return zero, 0, err
	}
	f, err := os.Create(out)
	if err != nil {
		return zero, 0, err
	}
	if err := save(f); err != nil {
		f.Close()
		return zero, 0, fmt.Errorf("writing %s: %w", out, err)
	}
	if err := f.Close(); err != nil {
		return zero, 0, err
	}
	rf, err := os.Open(out)
	if err != nil {
		return zero, 0, err
	}
	defer rf.Close()
	m, err := read(rf)
	if err != nil {
		return zero, 0, fmt.Errorf("reading back %s: %w", out, err)
	}
	st, err := rf.Stat()
	if err != nil {
		return zero, 0, err
	}
	return m, st.Size(), nil
}
