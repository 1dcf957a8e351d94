package ner

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/dyad-news/dyad/internal/tagger"
)

// TagCoNLL labels one-token-per-line input (CONTRACT.md §3): the first
// whitespace-separated field of a line is the token, blank lines separate
// sentences, lines starting with -DOCSTART- are copied through, end a
// sentence and start a new document (the sentences of a document are
// labelled by one DocTagger; without -DOCSTART- the input is one
// document). It writes TOKEN<TAB>TAG lines in IOB2, blank lines where the
// input had them. tm supplies the parts of speech.
func TagCoNLL(ctx context.Context, tm *tagger.Model, m *Model, r io.Reader, name string, w io.Writer) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	bw := bufio.NewWriter(w)
	var words, upos, xpos, labels []string
	dt := m.NewDocTagger()
	flush := func() {
		if len(words) == 0 {
			return
		}
		n := len(words)
		upos, xpos, labels = resize(upos, n), resize(xpos, n), resize(labels, n)
		tm.Tag(words, upos, xpos)
		dt.TagInto(words, upos, labels)
		for i, word := range words {
			bw.WriteString(word)
			bw.WriteByte('\t')
			bw.WriteString(labels[i])
			bw.WriteByte('\n')
		}
		words = words[:0]
	}
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		switch {
		case strings.HasPrefix(text, "-DOCSTART-"):
			flush()
			dt.Reset()
			bw.WriteString(text)
			bw.WriteByte('\n')
		case strings.TrimSpace(text) == "":
			flush()
			bw.WriteByte('\n')
		default:
			words = append(words, strings.Fields(text)[0])
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
	flush()
	return bw.Flush()
}
