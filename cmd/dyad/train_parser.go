package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyad-news/dyad/internal/conllu"
	"github.com/dyad-news/dyad/internal/depparse"
	"github.com/dyad-news/dyad/internal/tagger"
)

// newTrainParserCmd trains the dependency parser on UD English EWT.
func newTrainParserCmd(g *globals) *cobra.Command {
	var (
		trainFile, devFile, out string
		iterations, folds       int
		seed                    uint64
		tags, writeTagged       string
		explore, prune          float64
		beam                    int
		update, initFile        string
	)
	c := &cobra.Command{
		Use:   "parser",
		Short: "Train the dependency parser",
		Long: `Train the labelled dependency parser (arc-hybrid, averaged perceptron,
dynamic oracle) and write the model file that dyad embeds. Dev UAS/LAS is
printed after every iteration and the best iteration is kept.

--tags says which tags the parser is trained and evaluated with:
  both       every training sentence twice: with its gold tags and with tags
             predicted by taggers trained on the other folds (jackknifing);
             dev tags from the embedded tagger (default: the parser learns
             both from clean tags and from the tagger's errors)
  jackknife  training tags from jackknifing only, dev tags from the tagger
  auto       training and dev tags from the embedded tagger
  file       training tags as they are in the --train file (say, one written
             earlier with --write-tagged), dev tags from the embedded tagger
  gold       the treebank's own tags, for training and dev

--beam K trains for beam search of width K instead (a structured perceptron
over whole transition sequences, with --update max-violation or early) and
writes internal/depparse/model/parser-beam.bin.gz unless --out is given;
decode with "dyad parse --beam K --model FILE". --init embedded (or a model
file) starts from those weights instead of from zero.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			start := time.Now()
			if beam < 0 {
				return fmt.Errorf("--beam must be 0 (greedy) or more, not %d", beam)
			}
			if update != depparse.UpdateMaxViolation && update != depparse.UpdateEarly {
				return fmt.Errorf("--update must be %s or %s, not %q", depparse.UpdateMaxViolation, depparse.UpdateEarly, update)
			}
			if beam > 0 && !cmd.Flags().Changed("out") {
				out = "internal/depparse/model/parser-beam.bin.gz"
			}
			var init *depparse.Parser
			if initFile != "" {
				path := initFile
				if path == "embedded" {
					path = ""
				}
				var err error
				if init, err = parseLoadParser(path); err != nil {
					return fmt.Errorf("--init: %w", err)
				}
			}
			train, err := parserReadCoNLLU(trainFile)
			if err != nil {
				return err
			}
			dev, err := parserReadCoNLLU(devFile)
			if err != nil {
				return err
			}
			w := g.stdout
			switch tags {
			case "gold":
			case "auto", "jackknife", "both", "file":
				tm, err := tagger.Load()
				if err != nil {
					return fmt.Errorf("loading the tagger for --tags %s: %w", tags, err)
				}
				parserRetag(tm, dev)
				switch tags {
				case "auto":
					parserRetag(tm, train)
				case "jackknife":
					if err := parserJackknife(ctx, w, train, folds, int64(seed)); err != nil {
						return err
					}
				case "both":
					jk := make([]*conllu.Sentence, len(train))
					for i, s := range train {
						c := *s
						c.Lines = append([]conllu.Word(nil), s.Lines...)
						jk[i] = &c
					}
					if err := parserJackknife(ctx, w, jk, folds, int64(seed)); err != nil {
						return err
					}
					train = append(train, jk...)
				}
			default:
				return fmt.Errorf("--tags must be both, jackknife, auto, file or gold, not %q", tags)
			}
			if writeTagged != "" {
				if err := parserWriteCoNLLU(writeTagged, train); err != nil {
					return err
				}
			}
			trainTrees, err := parserTrees(trainFile, train)
			if err != nil {
				return err
			}
			devTrees, err := parserTrees(devFile, dev)
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "training on %d sentences, dev %d sentences, tags %s (%.0fs)\n",
				len(trainTrees), len(devTrees), tags, time.Since(start).Seconds())
			p, err := depparse.Train(ctx, trainTrees, depparse.TrainOptions{
				Iterations: iterations, Seed: seed, Explore: explore, Dev: devTrees,
				Beam: beam, Update: update, Init: init,
				Progress: func(it int, s depparse.Score) {
					fmt.Fprintf(w, "iteration %2d  dev UAS %.2f  LAS %.2f  (%.0fs)\n", it, s.UAS, s.LAS, time.Since(start).Seconds())
				},
			})
			if err != nil {
				return err
			}
			full := p.Features()
			p = p.Prune(prune)
			fmt.Fprintf(w, "pruned weights of magnitude at most %g: %d of %d features left\n", prune, p.Features(), full)
			// Score the model as it was written: the weights are quantised.
			q, size, err := saveAndReload(out, p.Save, depparse.Read)
			if err != nil {
				return err
			}
			s := q.WithBeam(beam).Evaluate(devTrees)
			fmt.Fprintf(w, "wrote %s (%d features, %.1f MB); saved model dev UAS %.2f LAS %.2f; %.0fs in all\n",
				out, q.Features(), float64(size)/1e6, s.UAS, s.LAS, time.Since(start).Seconds())
			return nil
		},
	}
	f := c.Flags()
	f.StringVar(&trainFile, "train", "../shared/data/ud-ewt/en_ewt-ud-train.conllu", "training treebank (CoNLL-U)")
	f.StringVar(&devFile, "dev", "../shared/data/ud-ewt/en_ewt-ud-dev.conllu", "development treebank (CoNLL-U)")
	f.StringVar(&out, "out", "internal/depparse/model/parser.bin.gz", "model file to write")
	f.IntVar(&iterations, "iterations", 15, "passes over the training data")
	f.Uint64Var(&seed, "seed", 1, "random seed (shuffling, exploration, jackknife taggers)")
	f.StringVar(&tags, "tags", "both", "tags to train with: both, jackknife, auto, file or gold")
	f.StringVar(&writeTagged, "write-tagged", "", "write the training sentences with the tags used to this CoNLL-U file")
	f.IntVar(&folds, "folds", 5, "number of jackknife folds")
	f.Float64Var(&explore, "explore", 0.9, "probability of following the model's own transition during training")
	f.IntVar(&beam, "beam", 0, "train for beam decoding of this width (0: greedy decoding, dynamic oracle)")
	f.StringVar(&update, "update", depparse.UpdateMaxViolation, "with --beam: perceptron update, max-violation or early")
	f.StringVar(&initFile, "init", "", "start from the weights of this model file, or of the embedded model with \"embedded\"")
	f.Float64Var(&prune, "prune", 1.0, "drop averaged weights of at most this magnitude before saving (smaller, faster model)")
	return c
}

func parserReadCoNLLU(path string) ([]*conllu.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return conllu.ReadAll(f, path)
}

// parserWriteCoNLLU writes sents to the file path.
func parserWriteCoNLLU(path string, sents []*conllu.Sentence) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	for _, s := range sents {
		if err := conllu.Write(bw, s); err != nil {
			f.Close()
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// parserRetag replaces the UPOS and XPOS columns of sents with tm's predictions.
func parserRetag(tm *tagger.Model, sents []*conllu.Sentence) {
	for _, s := range sents {
		ws := s.Words()
		words := make([]string, len(ws))
		for i, w := range ws {
			words[i] = w.Form
		}
		upos, xpos := make([]string, len(ws)), make([]string, len(ws))
		tm.Tag(words, upos, xpos)
		for i, w := range ws {
			w.UPOS, w.XPOS = upos[i], xpos[i]
		}
	}
}

// parserJackknife retags every fold of sents with a tagger trained on the other
// folds, so that the training tags carry the errors of a real tagger.
func parserJackknife(ctx context.Context, log io.Writer, sents []*conllu.Sentence, folds int, seed int64) error {
	if folds < 2 {
		return fmt.Errorf("--folds must be at least 2")
	}
	for k := 0; k < folds; k++ {
		var rest, held []*conllu.Sentence
		for i, s := range sents {
			if i%folds == k {
				held = append(held, s)
			} else {
				rest = append(rest, s)
			}
		}
		t0 := time.Now()
		tm, err := tagger.Train(ctx, rest, tagger.TrainOptions{Seed: seed})
		if err != nil {
			return fmt.Errorf("jackknife fold %d: %w", k+1, err)
		}
		right, total := 0, 0
		var gold []string
		for _, s := range held {
			for _, w := range s.Words() {
				gold = append(gold, w.UPOS+"|"+w.XPOS)
			}
		}
		parserRetag(tm, held)
		i := 0
		for _, s := range held {
			for _, w := range s.Words() {
				total++
				if gold[i] == w.UPOS+"|"+w.XPOS {
					right++
				}
				i++
			}
		}
		fmt.Fprintf(log, "jackknife fold %d/%d: tag accuracy %.2f%% (%.0fs)\n", k+1, folds, 100*float64(right)/float64(max(total, 1)), time.Since(t0).Seconds())
	}
	return nil
}

// parserTrees converts sentences to parser trees; a malformed sentence is an error
// that names the file and line.
func parserTrees(file string, sents []*conllu.Sentence) ([]depparse.Tree, error) {
	out := make([]depparse.Tree, 0, len(sents))
	for _, s := range sents {
		t, err := depparse.FromCoNLLU(s)
		var te *depparse.TreeError
		if errors.As(err, &te) {
			te.File = file
		}
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}
