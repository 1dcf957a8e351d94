// Command evalraw tokenises raw text with package tokenize and writes
// CoNLL-U, for scoring with shared/eval/ud.py in raw-text mode.
//
// It reads either a text file, or a gold CoNLL-U file from which it rebuilds
// the raw text: with -layout lines one sentence per line (the "# text"
// comments), with -layout paragraphs the sentences of each paragraph
// ("# newpar"/"# newdoc") joined by a space and paragraphs separated by a
// blank line, which makes the sentence split the tokeniser's job.
//
//	go run ./internal/tokenize/internal/evalraw -gold ../shared/data/ud-ewt/en_ewt-ud-dev.conllu -layout paragraphs > /tmp/dev.par.conllu
//	python3 ../shared/eval/ud.py ../shared/data/ud-ewt/en_ewt-ud-dev.conllu /tmp/dev.par.conllu
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/dyad-news/dyad/internal/conllu"
	"github.com/dyad-news/dyad/internal/tokenize"
)

func main() {
	gold := flag.String("gold", "", "gold CoNLL-U file to rebuild the raw text from")
	layout := flag.String("layout", "lines", "with -gold: lines (one sentence per line) or paragraphs")
	textOut := flag.String("text", "", "also write the raw text to this file")
	lines := flag.Bool("lines", false, "with a text file: every line is one sentence")
	mode := flag.String("mode", "soft", "with a text file and without -lines: what a line break means: soft, end or auto")
	flag.Parse()
	modes := map[string]tokenize.Lines{"soft": tokenize.LinesSoft, "end": tokenize.LinesEnd, "auto": tokenize.LinesAuto}
	m, ok := modes[*mode]
	if !ok {
		fmt.Fprintf(os.Stderr, "evalraw: unknown -mode %q (want soft, end or auto)\n", *mode)
		os.Exit(2)
	}
	if err := run(*gold, *layout, *textOut, *lines, m, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "evalraw:", err)
		os.Exit(1)
	}
}

func run(gold, layout, textOut string, lines bool, mode tokenize.Lines, args []string) error {
	var text string
	switch {
	case gold != "":
		f, err := os.Open(gold)
		if err != nil {
			return err
		}
		defer f.Close()
		sents, err := conllu.ReadAll(f, gold)
		if err != nil {
			return err
		}
		switch layout {
		case "lines":
			text, lines = linesText(sents), true
		case "paragraphs":
			text, lines = paragraphsText(sents), false
		default:
			return fmt.Errorf("unknown -layout %q (want lines or paragraphs)", layout)
		}
	case len(args) == 1:
		b, err := os.ReadFile(args[0])
		if err != nil {
			return err
		}
		text = string(b)
	default:
		return fmt.Errorf("usage: evalraw [-lines] FILE.txt | evalraw -gold FILE.conllu [-layout lines|paragraphs]")
	}
	if textOut != "" {
		if err := os.WriteFile(textOut, []byte(text), 0o644); err != nil {
			return err
		}
	}
	d := tokenize.Tokenize("raw", text, tokenize.Options{LineBreaksEndSentences: lines, Lines: mode})
	return tokenize.WriteCoNLLU(os.Stdout, d)
}

func linesText(sents []*conllu.Sentence) string {
	var b strings.Builder
	for _, s := range sents {
		b.WriteString(s.Text())
		b.WriteByte('\n')
	}
	return b.String()
}

func paragraphsText(sents []*conllu.Sentence) string {
	var b strings.Builder
	for i, s := range sents {
		if i > 0 {
			sep := " "
			for _, c := range s.Comments {
				if strings.HasPrefix(c, "# newpar") || strings.HasPrefix(c, "# newdoc") {
					sep = "\n\n"
				}
			}
			b.WriteString(sep)
		}
		b.WriteString(s.Text())
	}
	b.WriteByte('\n')
	return b.String()
}
