package tokenize

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dyad-news/dyad/internal/doc"
)

// WriteCoNLLU writes the sentences of d as CoNLL-U: "# sent_id" and
// "# text" comments, a range line ("3-4") before the words of each
// multiword token, and one line per word with FORM, MISC "SpaceAfter=No"
// where no whitespace follows the orthographic token, and LEMMA, UPOS, XPOS,
// HEAD (sentence-relative, 0 for the root) and DEPREL taken from d's tokens
// when set, "_" otherwise. This is the output of
// `dyad parse --in text --out conllu` (the CoNLL 2018 raw-text convention).
func WriteCoNLLU(w io.Writer, d *doc.Doc) error {
	bw := bufio.NewWriter(w)
	heads := d.Has(doc.LayerDeps)
	mw := 0 // next multiword token
	var line []byte
	for si, s := range d.Sentences {
		line = line[:0]
		line = append(line, "# sent_id = "...)
		if d.ID != "" {
			line = append(line, d.ID...)
			line = append(line, '-')
		}
		line = strconv.AppendInt(line, int64(si+1), 10)
		line = append(line, "\n# text = "...)
		line = appendOneLine(line, d.Text[s.Start:s.End])
		line = append(line, '\n')
		for i := s.First; i < s.Last; i++ {
			for mw < len(d.MultiWords) && d.MultiWords[mw].First < i {
				mw++
			}
			if mw < len(d.MultiWords) && d.MultiWords[mw].First == i {
				m := d.MultiWords[mw]
				line = strconv.AppendInt(line, int64(m.First-s.First+1), 10)
				line = append(line, '-')
				line = strconv.AppendInt(line, int64(m.Last-s.First+1), 10)
				line = append(line, '\t')
				line = appendField(line, d.Text[m.Start:m.End])
				line = append(line, "\t_\t_\t_\t_\t_\t_\t_\t"...)
				if d.Tokens[m.Last].SpaceAfter {
					line = append(line, '_')
				} else {
					line = append(line, "SpaceAfter=No"...)
				}
				line = append(line, '\n')
			}
			t := &d.Tokens[i]
			line = strconv.AppendInt(line, int64(i-s.First+1), 10)
			line = append(line, '\t')
			line = appendField(line, t.Form)
			line = append(line, '\t')
			line = appendField(line, t.Lemma)
			line = append(line, '\t')
			line = appendField(line, t.UPOS)
			line = append(line, '\t')
			line = appendField(line, t.XPOS)
			line = append(line, "\t_\t"...)
			switch {
			case !heads:
				line = append(line, '_')
			case t.Head < 0:
				line = append(line, '0')
			case t.Head >= s.First && t.Head < s.Last:
				line = strconv.AppendInt(line, int64(t.Head-s.First+1), 10)
			default:
				line = append(line, '_')
			}
			line = append(line, '\t')
			line = appendField(line, t.DepRel)
			line = append(line, "\t_\t"...)
			inMulti := mw < len(d.MultiWords) && d.MultiWords[mw].First <= i && i <= d.MultiWords[mw].Last
			if !inMulti && !t.SpaceAfter {
				line = append(line, "SpaceAfter=No"...)
			} else {
				line = append(line, '_')
			}
			line = append(line, '\n')
		}
		line = append(line, '\n')
		if _, err := bw.Write(line); err != nil {
			return fmt.Errorf("tokenize: writing CoNLL-U of %q: %w", d.ID, err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("tokenize: writing CoNLL-U of %q: %w", d.ID, err)
	}
	return nil
}

// appendField appends a CoNLL-U column value: "_" when empty, with tabs and
// line breaks (which would break the format) replaced by spaces.
func appendField(b []byte, s string) []byte {
	if s == "" {
		return append(b, '_')
	}
	if strings.ContainsAny(s, "\t\n\r") {
		return appendOneLine(b, s)
	}
	return append(b, s...)
}

// appendOneLine appends s with every tab and line break replaced by a
// space.
func appendOneLine(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\t' || c == '\n' || c == '\r' {
			c = ' '
		}
		b = append(b, c)
	}
	return b
}
