package ner

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Sentence is one labelled sentence: words and their IOB2 labels.
type Sentence struct {
	Words  []string
	Labels []string
	// Line is the 1-based line number of the sentence's first word.
	Line int
}

// ErrSyntax is wrapped by every *ParseError.
var ErrSyntax = errors.New("ner: syntax error")

// ParseError reports a malformed line of a labelled file.
type ParseError struct {
	File string
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// Unwrap returns ErrSyntax.
func (e *ParseError) Unwrap() error { return ErrSyntax }

// Labels are the entity types dyad's model predicts.
var Labels = []string{"PER", "ORG", "LOC"}

// normaliseLabel maps a Universal NER label to dyad's: PER, ORG and LOC are
// kept; OTH and the stray B-O/I-O of the draft release become O.
func normaliseLabel(tag string) (string, bool) {
	if tag == "O" {
		return "O", true
	}
	if len(tag) < 3 || tag[1] != '-' || (tag[0] != 'B' && tag[0] != 'I') {
		return "", false
	}
	for _, l := range Labels {
		if tag[2:] == l {
			return tag, true
		}
	}
	return "O", true
}

// ReadIOB2 reads a Universal NER file (tab-separated index, word, label,
// ...; "#" comment lines; blank lines between sentences). Labels are
// normalised (see Labels) and repaired so that every I- continues an entity.
func ReadIOB2(r io.Reader, file string) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var out []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Words) > 0 {
			repairIOB2(cur.Labels)
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if text == "" {
			flush()
			continue
		}
		if strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) < 3 {
			return nil, &ParseError{file, line, fmt.Sprintf("want at least 3 tab-separated columns, got %d", len(cols))}
		}
		lab, ok := normaliseLabel(cols[2])
		if !ok {
			return nil, &ParseError{file, line, fmt.Sprintf("bad label %q", cols[2])}
		}
		if len(cur.Words) == 0 {
			cur.Line = line
		}
		cur.Words = append(cur.Words, cols[1])
		cur.Labels = append(cur.Labels, lab)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", file, line, err)
	}
	flush()
	return out, nil
}

// repairIOB2 turns an I-X that does not continue an X entity into B-X.
func repairIOB2(labels []string) {
	prev := "O"
	for i, l := range labels {
		if strings.HasPrefix(l, "I-") && (prev == "O" || prev[2:] != l[2:]) {
			labels[i] = "B-" + l[2:]
		}
		prev = labels[i]
	}
}

// Entity is a named-entity mention: tokens [Start, End) of a document (or
// words of a sentence) and its label (PER, ORG, LOC).
type Entity struct {
	Start, End int
	Label      string
}

// Spans returns the entities of an IOB2 label sequence (an I- that does not
// continue an entity opens one).
func Spans(labels []string) []Entity {
	var out []Entity
	for i := 0; i < len(labels); i++ {
		l := labels[i]
		if len(l) < 3 || l[1] != '-' {
			continue
		}
		typ := l[2:]
		j := i + 1
		for j < len(labels) && len(labels[j]) > 2 && labels[j][0] == 'I' && labels[j][2:] == typ {
			j++
		}
		out = append(out, Entity{Start: i, End: j, Label: typ})
		i = j - 1
	}
	return out
}
