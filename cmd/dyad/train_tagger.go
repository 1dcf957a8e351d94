package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyad-news/dyad/internal/tagger"
)

// newTrainTaggerCmd trains the part-of-speech tagger and lemmatiser on UD
// English EWT.
func newTrainTaggerCmd(g *globals) *cobra.Command {
	var (
		trainFile, devFile, out string
		iterations              int
		seed                    int64
		onePass                 bool
		dropout                 float64
	)
	c := &cobra.Command{
		Use:   "tagger",
		Short: "Train the part-of-speech tagger and lemmatiser",
		Long: `Train the tagger (two-pass averaged perceptron over combined XPOS|UPOS
classes) and the lemmatiser (form+XPOS table and suffix rules) and write the
model file that dyad embeds. Dev accuracy is printed after every iteration
and for the saved model. The same data and seed give the same file.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			start := time.Now()
			train, err := parserReadCoNLLU(trainFile)
			if err != nil {
				return err
			}
			dev, err := parserReadCoNLLU(devFile)
			if err != nil {
				return err
			}
			w := g.stdout
			fmt.Fprintf(w, "training on %d sentences, dev %d sentences\n", len(train), len(dev))
			m, err := tagger.Train(cmd.Context(), train, tagger.TrainOptions{
				Iterations: iterations, Seed: seed, Log: w, Dev: dev, OnePass: onePass, Dropout: dropout,
			})
			if err != nil {
				return err
			}
			// Score the model as it was written.
			q, size, err := saveAndReload(out, m.Save, tagger.Read)
			if err != nil {
				return err
			}
			s := tagger.Evaluate(q, dev)
			in := q.Info()
			fmt.Fprintf(w, "wrote %s (%d features, %d weights, %.1f MB); saved model dev UPOS %.2f XPOS %.2f lemma %.2f; %.0fs in all\n",
				out, in.Features, in.Weights, float64(size)/1e6, s.UPOS, s.XPOS, s.Lemma, time.Since(start).Seconds())
			return nil
		},
	}
	f := c.Flags()
	f.StringVar(&trainFile, "train", "../shared/data/ud-ewt/en_ewt-ud-train.conllu", "training treebank (CoNLL-U)")
	f.StringVar(&devFile, "dev", "../shared/data/ud-ewt/en_ewt-ud-dev.conllu", "development treebank (CoNLL-U)")
	f.StringVar(&out, "out", "internal/tagger/model/tagger.bin.gz", "model file to write")
	f.IntVar(&iterations, "iterations", tagger.DefaultIterations, "passes over the training data")
	f.Int64Var(&seed, "seed", 1, "random seed for the order of training sentences")
	f.BoolVar(&onePass, "one-pass", false, "train a single left-to-right pass (faster, less accurate)")
	f.Float64Var(&dropout, "dropout", tagger.DefaultDropout, "probability of showing a word seen once in training as unknown (negative: never)")
	return c
}
