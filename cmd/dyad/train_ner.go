package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyad-news/dyad/internal/actors"
	"github.com/dyad-news/dyad/internal/ner"
	"github.com/dyad-news/dyad/internal/tagger"
)

// newTrainNerCmd trains the named-entity tagger on Universal NER EWT.
func newTrainNerCmd(g *globals) *cobra.Command {
	var (
		trainFile, devFile, out string
		iterations, runs        int
		seed                    int64
		noGazetteer, bilou      bool
	)
	c := &cobra.Command{
		Use:   "ner",
		Short: "Train the named-entity tagger",
		Long: `Train the named-entity tagger on Universal NER English EWT and write the
model file that dyad embeds. The model is a structured averaged perceptron
over IOB2 classes for PER, ORG, LOC (B-, I-, L-, U- with --bilou), decoded
with first-order Viterbi: every sentence is decoded under the current
weights and the weights move from the predicted sequence's features to the
gold sequence's. --runs perceptrons, each visiting the sentences in another
order (seeds seed, seed+1, ...), are trained and their weights averaged.
OTH and the draft's stray B-O/I-O labels count as O. Parts of speech come
from the embedded tagger; gazetteer features from the embedded actor
knowledge base (user dictionaries are not read, so that training is
reproducible). Dev F1 is printed after every iteration of every run.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			start := time.Now()
			train, err := nerReadIOB2(trainFile)
			if err != nil {
				return err
			}
			dev, err := nerReadIOB2(devFile)
			if err != nil {
				return err
			}
			tm, err := tagger.Load()
			if err != nil {
				return err
			}
			var kb *actors.KB
			if !noGazetteer {
				if kb, err = actors.Load(actors.Embedded()); err != nil {
					return fmt.Errorf("gazetteer: %w", err)
				}
			}
			trainPOS, devPOS := nerTagPOS(tm, train), nerTagPOS(tm, dev)
			w := g.stdout
			fmt.Fprintf(w, "training on %d sentences, dev %d sentences, gazetteer %v\n", len(train), len(dev), kb != nil)
			m, err := ner.Train(cmd.Context(), train, trainPOS, ner.TrainOptions{
				Iterations: iterations, Runs: runs, Seed: seed, Log: w, Dev: dev, DevUPOS: devPOS, KB: kb, BILOU: bilou,
			})
			if err != nil {
				return err
			}
			q, size, err := saveAndReload(out, m.Save, func(r io.Reader) (*ner.Model, error) { return ner.Read(r, kb) })
			if err != nil {
				return err
			}
			s := ner.Evaluate(q, dev, devPOS)
			fmt.Fprintf(w, "wrote %s (%.1f MB); saved model dev P %.2f R %.2f F1 %.2f; %.0fs in all\n",
				out, float64(size)/1e6, s.Precision, s.Recall, s.F1, time.Since(start).Seconds())
			return nil
		},
	}
	f := c.Flags()
	f.StringVar(&trainFile, "train", "../shared/data/uner-ewt/en_ewt-ud-train.DRAFT-2022-12-02.iob2", "training file (Universal NER IOB2)")
	f.StringVar(&devFile, "dev", "../shared/data/uner-ewt/en_ewt-ud-dev.iob2", "development file (Universal NER IOB2)")
	f.StringVar(&out, "out", "internal/ner/model/ner.bin.gz", "model file to write")
	f.IntVar(&iterations, "iterations", ner.DefaultIterations, "passes over the training data")
	f.IntVar(&runs, "runs", ner.DefaultRuns, "training runs (sentence orders) whose weights are averaged")
	f.Int64Var(&seed, "seed", 1, "random seed for the order of training sentences (run r uses seed+r)")
	f.BoolVar(&noGazetteer, "no-gazetteer", false, "train without the actor knowledge base")
	f.BoolVar(&bilou, "bilou", false, "train BILOU classes instead of IOB2 (CoNLL-2003 testa +1.3 F1, UNER EWT dev -0.5)")
	return c
}

func nerReadIOB2(path string) ([]ner.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ner.ReadIOB2(f, path)
}

// nerTagPOS returns the parts of speech of every sentence.
func nerTagPOS(tm *tagger.Model, sents []ner.Sentence) [][]string {
	out := make([][]string, len(sents))
	for i, s := range sents {
		upos, xpos := make([]string, len(s.Words)), make([]string, len(s.Words))
		tm.Tag(s.Words, upos, xpos)
		out[i] = upos
	}
	return out
}
