package ner

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/dyad-news/dyad/internal/tagger"
)

// maxDocSentences bounds the sentences TagCoNLL holds at once: a longer
// document (or input without -DOCSTART- lines) is labelled in parts of
// this many sentences, so memory stays bounded on any input.
const maxDocSentences = 20000

// TagCoNLL labels one-token-per-line input (CONTRACT.md §3): the first
// whitespace-separated field of a line is the token, blank lines separate
// sentences, lines starting with -DOCSTART- are copied through, end a
// sentence and start a new document (the sentences of a document are
// labelled together by TagDocument; without -DOCSTART- the input is one
// document). It writes TOKEN<TAB>TAG lines in IOB2, blank lines where the
// input had them. tm supplies the parts of speech.
func TagCoNLL(ctx context.Context, tm *tagger.Model, m *Model, r io.Reader, name string, w io.Writer) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	bw := bufio.NewWriter(w)
	// The document so far: its sentences and, after each, the lines
	// (blank or -DOCSTART-) that followed it; before holds the lines
	// before the first sentence.
	var (
		words, upos, labels [][]string
		after               [][]string
		before              []string
		cur, xpos           []string
	)
	endSentence := func() {
		if len(cur) == 0 {
			return
		}
		words = append(words, cur)
		after = append(after, nil)
		cur = nil
	}
	note := func(line string) {
		if len(words) == 0 {
			before = append(before, line)
		} else {
			after[len(after)-1] = append(after[len(after)-1], line)
		}
	}
	flushDoc := func() {
		for _, l := range before {
			bw.WriteString(l)
			bw.WriteByte('\n')
		}
		before = before[:0]
		upos, labels = resize(upos, len(words)), resize(labels, len(words))
		for i, ws := range words {
			upos[i], labels[i] = make([]string, len(ws)), make([]string, len(ws))
			xpos = resize(xpos, len(ws))
			tm.Tag(ws, upos[i], xpos)
		}
		m.TagDocument(words, upos, labels)
		for i, ws := range words {
			for j, word := range ws {
				bw.WriteString(word)
				bw.WriteByte('\t')
				bw.WriteString(labels[i][j])
				bw.WriteByte('\n')
			}
			for _, l := range after[i] {
				bw.WriteString(l)
				bw.WriteByte('\n')
			}
		}
		words, after = words[:0], after[:0]
	}
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		switch {
		case strings.HasPrefix(text, "-DOCSTART-"):
			endSentence()
			flushDoc()
			bw.WriteString(text)
			bw.WriteByte('\n')
		case strings.TrimSpace(text) == "":
			endSentence()
			note("")
			if len(words) >= maxDocSentences {
				flushDoc()
			}
		default:
			cur = append(cur, strings.Fields(text)[0])
		}
		if line%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", name, line, err)
	}
	endSentence()
	flushDoc()
	return bw.Flush()
}
