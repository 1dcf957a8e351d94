// Package conllu reads and writes CoNLL-U, the Universal Dependencies
// treebank format: one word per line with ten tab-separated columns,
// comment lines starting with "#", sentences separated by blank lines.
//
// Multiword-token range lines ("3-4") and empty nodes ("5.1") are kept as
// they were read so that a sentence can be written back unchanged apart from
// the columns a model fills in.
//
//	r := conllu.NewReader(f, "train.conllu")
//	for {
//		s, err := r.Next()
//		if err == io.EOF {
//			break
//		}
//		...
//	}
package conllu

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Word is one line of a sentence. For ordinary words ID is "1", "2", ...;
// for multiword tokens it is a range "3-4" and for empty nodes "5.1".
type Word struct {
	ID, Form, Lemma, UPOS, XPOS, Feats string
	Head                               int // 0 for the root; -1 when "_"
	DepRel, Deps, Misc                 string
	// Line is the 1-based line number the word was read from.
	Line int
}

// IsRange reports whether w is a multiword-token range line.
func (w Word) IsRange() bool { return strings.Contains(w.ID, "-") }

// IsEmpty reports whether w is an empty node.
func (w Word) IsEmpty() bool { return strings.Contains(w.ID, ".") }

// SpaceAfter reports whether the MISC column lacks SpaceAfter=No.
func (w Word) SpaceAfter() bool {
	for _, f := range strings.Split(w.Misc, "|") {
		if f == "SpaceAfter=No" {
			return false
		}
	}
	return true
}

// Sentence is the comment lines and the word lines of one sentence.
type Sentence struct {
	Comments []string // full lines, including the leading "#"
	Lines    []Word   // every word line in input order, ranges and empty nodes included
	// Line is the line number of the sentence's first line.
	Line int
}

// Words returns the ordinary words (no ranges, no empty nodes).
func (s *Sentence) Words() []*Word {
	out := make([]*Word, 0, len(s.Lines))
	for i := range s.Lines {
		if !s.Lines[i].IsRange() && !s.Lines[i].IsEmpty() {
			out = append(out, &s.Lines[i])
		}
	}
	return out
}

// Text returns the value of the "# text = " comment, or "".
func (s *Sentence) Text() string {
	for _, c := range s.Comments {
		if strings.HasPrefix(c, "# text = ") {
			return strings.TrimPrefix(c, "# text = ")
		}
	}
	return ""
}

// ErrSyntax is wrapped by every *ParseError.
var ErrSyntax = errors.New("conllu syntax error")

// ParseError reports a malformed line, with the file name and line number.
type ParseError struct {
	File string
	Line int
	Msg  string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// Unwrap returns ErrSyntax.
func (e *ParseError) Unwrap() error { return ErrSyntax }

// Reader reads sentences one at a time.
type Reader struct {
	sc   *bufio.Scanner
	file string
	line int
}

// NewReader returns a Reader of r; file names the input in error messages.
func NewReader(r io.Reader, file string) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	return &Reader{sc: sc, file: file}
}

// Next returns the next sentence, or io.EOF after the last one.
func (r *Reader) Next() (*Sentence, error) {
	var s *Sentence
	for r.sc.Scan() {
		r.line++
		line := strings.TrimRight(r.sc.Text(), "\r")
		if line == "" {
			if s != nil {
				return s, nil
			}
			continue
		}
		if s == nil {
			s = &Sentence{Line: r.line}
		}
		if strings.HasPrefix(line, "#") {
			s.Comments = append(s.Comments, line)
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 10 {
			return nil, &ParseError{r.file, r.line, fmt.Sprintf("want 10 tab-separated columns, got %d", len(cols))}
		}
		w := Word{ID: cols[0], Form: cols[1], Lemma: cols[2], UPOS: cols[3], XPOS: cols[4],
			Feats: cols[5], DepRel: cols[7], Deps: cols[8], Misc: cols[9], Head: -1, Line: r.line}
		if cols[6] != "_" {
			h, err := strconv.Atoi(cols[6])
			if err != nil || h < 0 {
				return nil, &ParseError{r.file, r.line, fmt.Sprintf("bad HEAD %q", cols[6])}
			}
			w.Head = h
		}
		if w.ID == "" {
			return nil, &ParseError{r.file, r.line, "empty ID"}
		}
		s.Lines = append(s.Lines, w)
	}
	if err := r.sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", r.file, r.line, err)
	}
	if s != nil {
		return s, nil
	}
	return nil, io.EOF
}

// ReadAll reads every sentence of r.
func ReadAll(r io.Reader, file string) ([]*Sentence, error) {
	rd := NewReader(r, file)
	var out []*Sentence
	for {
		s, err := rd.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, s)
	}
}

// Write writes s in CoNLL-U, followed by a blank line.
func Write(w io.Writer, s *Sentence) error {
	bw, ok := w.(*bufio.Writer)
	if !ok {
		bw = bufio.NewWriter(w)
	}
	for _, c := range s.Comments {
		bw.WriteString(c)
		bw.WriteByte('\n')
	}
	for _, x := range s.Lines {
		head := "_"
		if x.Head >= 0 {
			head = strconv.Itoa(x.Head)
		}
		fields := [10]string{x.ID, x.Form, x.Lemma, x.UPOS, x.XPOS, x.Feats, head, x.DepRel, x.Deps, x.Misc}
		for i, f := range fields {
			if i > 0 {
				bw.WriteByte('\t')
			}
			if f == "" {
				f = "_"
			}
			bw.WriteString(f)
		}
		bw.WriteByte('\n')
	}
	bw.WriteByte('\n')
	if !ok {
		return bw.Flush()
	}
	return nil
}
