package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dyad-news/dyad/internal/conllu"
	"github.com/dyad-news/dyad/internal/depparse"
	"github.com/dyad-news/dyad/internal/tagger"
	"github.com/dyad-news/dyad/internal/tokenize"
)

// newParseCmd tags, lemmatises and parses CoNLL-U or raw text.
func newParseCmd(g *globals) *cobra.Command {
	var in, out, modelFile, lines string
	var paragraphs bool
	var beam int
	c := &cobra.Command{
		Use:   "parse [FILE]",
		Short: "Tag, lemmatise and parse CoNLL-U or raw text into CoNLL-U",
		Long: `Tag, lemmatise and dependency-parse sentences and write CoNLL-U.

--in conllu keeps the input's sentences, comments and word lines (gold
tokenisation) and fills LEMMA, UPOS, XPOS, HEAD and DEPREL; FEATS and DEPS
become "_"; multiword-token ranges and empty nodes are copied unchanged.

--in text tokenises raw UTF-8 text with dyad's tokeniser and splits it into
sentences. Blank lines always end a sentence; --lines says what a single
line break means:
  auto      end (below), unless the text looks hard-wrapped (most lines
            break in mid-sentence and go on in lower case), then soft
            (default)
  end       every line break ends a sentence, and the sentence splitter also
            splits inside lines (one paragraph or one sentence per line,
            headlines without a full stop)
  soft      a line break is a space (hard-wrapped prose); --paragraphs is
            short for --lines soft
  sentence  every line is exactly one sentence (text split beforehand)

--beam K decodes with a beam of width K instead of greedily (slower; meant
for models trained with "dyad train parser --beam K"); --model FILE parses
with the model in FILE instead of the embedded one.

FILE "-" or no FILE reads standard input. Output is written sentence by
sentence as the input is read.`,
		Example: `  dyad parse --in conllu --out conllu ../shared/data/ud-ewt/en_ewt-ud-dev.conllu
  echo "Peskov said talks continue." | dyad parse --in text --out conllu
  dyad parse --beam 8 --model parser-beam.bin.gz ../shared/data/ud-ewt/en_ewt-ud-dev.conllu`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out != "conllu" {
				return fmt.Errorf("--out must be conllu, not %q", out)
			}
			if in != "conllu" && in != "text" {
				return fmt.Errorf("--in must be conllu or text, not %q", in)
			}
			if beam < 0 {
				return fmt.Errorf("--beam must be 0 (greedy) or more, not %d", beam)
			}
			if paragraphs {
				lines = "soft"
			}
			opts, ok := parseLineModes[lines]
			if !ok {
				return fmt.Errorf("--lines must be auto, end, soft or sentence, not %q", lines)
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
			p, err := parseLoadParser(modelFile)
			if err != nil {
				return err
			}
			if beam > 0 {
				p = p.WithBeam(beam)
			}
			w := bufio.NewWriterSize(g.stdout, 1<<16)
			if in == "conllu" {
				err = parseCoNLLU(cmd.Context(), r, name, w, tm, p)
			} else {
				err = parseText(cmd.Context(), r, name, w, tm, p, opts)
			}
			if ferr := w.Flush(); err == nil {
				err = ferr
			}
			return err
		},
	}
	c.Flags().StringVar(&in, "in", "conllu", "input format: conllu or text")
	c.Flags().StringVar(&out, "out", "conllu", "output format: conllu")
	c.Flags().StringVar(&lines, "lines", "auto", "with --in text: what a line break means: auto, end, soft or sentence")
	c.Flags().BoolVar(&paragraphs, "paragraphs", false, "with --in text: short for --lines soft")
	c.Flags().IntVar(&beam, "beam", 0, "beam width of the parser (0: greedy)")
	c.Flags().StringVar(&modelFile, "model", "", "parser model file (default: the embedded model)")
	return c
}

// parseLoadParser reads the parser model in path, or returns the embedded
// one when path is empty.
func parseLoadParser(path string) (*depparse.Parser, error) {
	if path == "" {
		return depparse.Load()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	p, err := depparse.Read(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return p, nil
}

// parseCoNLLU fills the predicted columns of every sentence read from r.
func parseCoNLLU(ctx context.Context, r io.Reader, name string, w *bufio.Writer, tm *tagger.Model, p *depparse.Parser) error {
	rd := conllu.NewReader(r, name)
	var words, upos, xpos, rels []string
	var heads []int
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		s, err := rd.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		ws := s.Words()
		n := len(ws)
		words, upos, xpos, rels = parseResize(words, n), parseResize(upos, n), parseResize(xpos, n), parseResize(rels, n)
		heads = parseResize(heads, n)
		ids := make([]int, n)
		for i, x := range ws {
			words[i] = x.Form
			id, err := strconv.Atoi(x.ID)
			if err != nil || id != i+1 {
				return &conllu.ParseError{File: name, Line: x.Line, Msg: fmt.Sprintf("word ID %q: want %d", x.ID, i+1)}
			}
			ids[i] = id
		}
		tm.Tag(words, upos, xpos)
		p.Parse(words, upos, xpos, heads, rels)
		for i, x := range ws {
			x.UPOS, x.XPOS = upos[i], xpos[i]
			x.Lemma = tm.Lemma(words[i], upos[i], xpos[i])
			x.Feats, x.Deps = "_", "_"
			x.Head = 0
			if heads[i] >= 0 {
				x.Head = ids[heads[i]]
			}
			x.DepRel = rels[i]
		}
		if err := conllu.Write(w, s); err != nil {
			return err
		}
		if err := w.Flush(); err != nil {
			return err
		}
	}
}

// chunkSize is how much text parseText gathers before it tokenises: large
// enough that tokeniser overhead does not matter, small enough to stream.
const chunkSize = 64 << 10

// parseLineModes are the tokeniser options of the values of --lines.
var parseLineModes = map[string]tokenize.Options{
	"auto":     {Lines: tokenize.LinesAuto},
	"end":      {Lines: tokenize.LinesEnd},
	"soft":     {Lines: tokenize.LinesSoft},
	"sentence": {LineBreaksEndSentences: true},
}

// parseText tokenises, tags and parses raw text chunk by chunk. A chunk ends
// at a line break when every line break ends a sentence, and at a blank line
// otherwise (or at any line break after 16 chunk sizes, so memory stays
// bounded on text without paragraphs).
func parseText(ctx context.Context, r io.Reader, name string, w *bufio.Writer, tm *tagger.Model, p *depparse.Parser, opts tokenize.Options) error {
	lineBreaks := opts.LineBreaksEndSentences || opts.Lines == tokenize.LinesEnd
	br := bufio.NewReaderSize(r, 1<<16)
	var chunk strings.Builder
	lineNo, chunkNo := 0, 0
	flush := func() error {
		if chunk.Len() == 0 {
			return nil
		}
		chunkNo++
		d := tokenize.Tokenize(strconv.Itoa(chunkNo), chunk.String(), opts)
		chunk.Reset()
		if err := tm.Annotate(d); err != nil {
			return fmt.Errorf("%s:%d: %w", name, lineNo, err)
		}
		if err := p.Annotate(d); err != nil {
			return fmt.Errorf("%s:%d: %w", name, lineNo, err)
		}
		if err := tokenize.WriteCoNLLU(w, d); err != nil {
			return err
		}
		return w.Flush()
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, err := br.ReadString('\n')
		if len(line) > 0 {
			lineNo++
			chunk.WriteString(line)
			blank := strings.TrimSpace(line) == ""
			if chunk.Len() >= chunkSize && (lineBreaks || blank || chunk.Len() >= 16*chunkSize) {
				if ferr := flush(); ferr != nil {
					return ferr
				}
			}
		}
		if errors.Is(err, io.EOF) {
			return flush()
		}
		if err != nil {
			return fmt.Errorf("%s:%d: %w", name, lineNo+1, err)
		}
	}
}

func parseResize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}
