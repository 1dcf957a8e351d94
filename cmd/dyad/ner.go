package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/dyad-news/dyad/internal/actors"
	"github.com/dyad-news/dyad/internal/ner"
	"github.com/dyad-news/dyad/internal/tagger"
)

// newNerCmd labels named entities in one-token-per-line input.
func newNerCmd(g *globals) *cobra.Command {
	var in, model string
	c := &cobra.Command{
		Use:   "ner --in conll [FILE]",
		Short: "Label named entities (PER, ORG, LOC) in one-token-per-line input",
		Long: `Label named entities in tokenised input.

--in conll: one token per line (the first whitespace-separated field is the
token; other fields are ignored), sentences separated by blank lines; lines
that start with -DOCSTART- are copied through, end a sentence and start a
new document. Within a document, a surname the tagger found in a full name
("Wang Donghai") is labelled PER where it later stands alone ("Wang"); in a
sports report, the places and names that stand for teams ("Somerset 83 and
174", "Leicestershire beat Somerset") are labelled ORG, national sides
staying LOC; a company named with its legal form ("Cofinec S.A.") is ORG
there and where it is later named alone. Without -DOCSTART- lines the whole
input is one document (labelled in parts of 20,000 sentences).

Output: one line per input token, TOKEN<TAB>TAG with tags in IOB2 (B-PER,
I-PER, O, ...), blank lines where the input had them. Parts of speech come
from dyad's tagger; gazetteer features from the actor knowledge base.

FILE "-" or no FILE reads standard input.`,
		Example: `  dyad ner --in conll ../shared/data/conll2003/eng.testa > testa.pred`,
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if in != "conll" {
				return fmt.Errorf("--in must be conll, not %q", in)
			}
			r, name, closeInput, err := openInput(g, args)
			if err != nil {
				return err
			}
			defer closeInput()
			tm, err := tagger.Load()
			if err != nil {
				return err
			}
			nm, err := nerModel(model)
			if err != nil {
				return err
			}
			return ner.TagCoNLL(cmd.Context(), tm, nm, r, name, g.stdout)
		},
	}
	c.Flags().StringVar(&in, "in", "conll", "input format: conll (one token per line)")
	c.Flags().StringVar(&model, "model", "", "model file written by dyad train ner (default: the embedded model)")
	return c
}

// nerModel returns the embedded model, or the one in file when file is set.
func nerModel(file string) (*ner.Model, error) {
	if file == "" {
		return ner.Load()
	}
	kb, err := actors.Default()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := ner.Read(f, kb)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return m, nil
}
