package conllu

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

const sample = `# sent_id = 1
# text = I don't know.
1	I	I	PRON	PRP	_	3	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
4.1	known	know	VERB	VBN	_	_	_	_	_
5	.	.	PUNCT	.	_	4	punct	_	_

`

func TestRoundTrip(t *testing.T) {
	sents, err := ReadAll(strings.NewReader(sample), "sample.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 1 {
		t.Fatalf("got %d sentences, want 1", len(sents))
	}
	s := sents[0]
	if got := s.Text(); got != "I don't know." {
		t.Errorf("Text() = %q", got)
	}
	words := s.Words()
	if len(words) != 5 || words[1].Form != "do" || words[3].SpaceAfter() || !words[0].SpaceAfter() {
		t.Errorf("Words() = %+v", words)
	}
	if !s.Lines[1].IsRange() || !s.Lines[5].IsEmpty() || s.Lines[5].Head != -1 {
		t.Errorf("range/empty lines not recognised: %+v", s.Lines)
	}
	var b bytes.Buffer
	if err := Write(&b, s); err != nil {
		t.Fatal(err)
	}
	if b.String() != sample {
		t.Errorf("round trip differs:\n%s", b.String())
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
	}{
		{"too few columns", "1\tI\tI\n", 1},
		{"bad head", "# c\n1\tI\tI\tPRON\tPRP\t_\tx\tnsubj\t_\t_\n", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewReader(strings.NewReader(tt.in), "f.conllu").Next()
			var pe *ParseError
			if !errors.As(err, &pe) || !errors.Is(err, ErrSyntax) || pe.Line != tt.line || pe.File != "f.conllu" {
				t.Fatalf("error = %v, want a ParseError at f.conllu:%d", err, tt.line)
			}
		})
	}
	if _, err := NewReader(strings.NewReader("\n\n"), "e").Next(); err != io.EOF {
		t.Errorf("empty input: %v, want io.EOF", err)
	}
}
