package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-news/dyad/internal/conllu"
)

// parseInput is invented text in CoNLL-U with a comment-only block, a
// multiword token and an empty node.
const parseInput = `# newdoc id = test
# sent_id = a
# text = The minister can't come today.
1	The	_	_	_	_	_	_	_	_
2	minister	_	_	_	_	_	_	_	_
3-4	can't	_	_	_	_	_	_	_	_
3	ca	_	_	_	_	_	_	_	_
4	n't	_	_	_	_	_	_	_	_
5	come	_	_	_	_	_	_	_	_
5.1	come	_	_	_	_	_	_	_	_
6	today	_	_	_	_	_	_	_	SpaceAfter=No
7	.	_	_	_	_	_	_	_	_

# sent_id = b
# text = Rain fell.
1	Rain	x	NOUN	NN	Number=Sing	2	nsubj	2:nsubj	_
2	fell	x	VERB	VBD	_	0	root	0:root	SpaceAfter=No
3	.	x	PUNCT	.	_	2	punct	2:punct	_

`

func runDyad(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

// checkTrees checks that every sentence of a CoNLL-U output has one root and
// heads that point inside the sentence, and returns the sentences.
func checkTrees(t *testing.T, out string) []*conllu.Sentence {
	t.Helper()
	sents, err := conllu.ReadAll(strings.NewReader(out), "output")
	if err != nil {
		t.Fatalf("output is not CoNLL-U: %v\n%s", err, out)
	}
	for _, s := range sents {
		ws := s.Words()
		roots := 0
		for _, w := range ws {
			if w.Head < 0 || w.Head > len(ws) || w.UPOS == "" || w.UPOS == "_" || w.DepRel == "" || w.DepRel == "_" || w.Lemma == "" {
				t.Errorf("line %d: bad word %+v", w.Line, *w)
			}
			if w.Head == 0 {
				roots++
			}
		}
		if len(ws) > 0 && roots != 1 {
			t.Errorf("sentence at line %d has %d roots", s.Line, roots)
		}
	}
	return sents
}

func TestParseCoNLLU(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "in.conllu")
	if err := os.WriteFile(file, []byte(parseInput), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		stdin string
		args  []string
	}{
		{"file", "", []string{"parse", "--in", "conllu", "--out", "conllu", file}},
		{"stdin dash", parseInput, []string{"parse", "--in", "conllu", "--out", "conllu", "-"}},
		{"stdin", parseInput, []string{"parse", "--in", "conllu", "--out", "conllu"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := runDyad(t, tc.stdin, tc.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			sents := checkTrees(t, out)
			in, _ := conllu.ReadAll(strings.NewReader(parseInput), "in")
			if len(sents) != len(in) {
				t.Fatalf("%d sentences, want %d", len(sents), len(in))
			}
			for i := range in {
				if got, want := strings.Join(sents[i].Comments, "\n"), strings.Join(in[i].Comments, "\n"); got != want {
					t.Errorf("sentence %d comments %q, want %q", i, got, want)
				}
				if len(sents[i].Lines) != len(in[i].Lines) {
					t.Fatalf("sentence %d: %d lines, want %d", i, len(sents[i].Lines), len(in[i].Lines))
				}
				for j, w := range in[i].Lines {
					g := sents[i].Lines[j]
					if g.ID != w.ID || g.Form != w.Form || g.Misc != w.Misc {
						t.Errorf("line %d: got %s %s %s, want %s %s %s", w.Line, g.ID, g.Form, g.Misc, w.ID, w.Form, w.Misc)
					}
					if (w.IsRange() || w.IsEmpty()) && g != (conllu.Word{ID: w.ID, Form: w.Form, Lemma: w.Lemma, UPOS: w.UPOS, XPOS: w.XPOS, Feats: w.Feats, Head: w.Head, DepRel: w.DepRel, Deps: w.Deps, Misc: w.Misc, Line: g.Line}) {
						t.Errorf("line %d changed: %+v", w.Line, g)
					}
				}
			}
			// "Rain fell ." is simple enough for any usable model.
			b := sents[1].Words()
			if b[0].Head != 2 || b[0].DepRel != "nsubj" || b[1].Head != 0 || b[2].Head != 2 || b[2].DepRel != "punct" {
				t.Errorf("Rain fell: got %v", out)
			}
		})
	}
}

func TestParseCoNLLUErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.conllu")
	if err := os.WriteFile(bad, []byte("# ok\n1\tRain\t_\t_\t_\t_\t_\t_\t_\t_\n2\tfell\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"bad line", []string{"parse", "--in", "conllu", "--out", "conllu", bad}, bad + ":3"},
		{"missing file", []string{"parse", "--in", "conllu", filepath.Join(dir, "nope")}, "nope"},
		{"bad --in", []string{"parse", "--in", "xml", bad}, "--in"},
		{"bad --out", []string{"parse", "--out", "json", bad}, "--out"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, errs, code := runDyad(t, "", tc.args...)
			if code == 0 || !strings.Contains(errs, tc.want) {
				t.Errorf("exit %d, stderr %q: want an error naming %q", code, errs, tc.want)
			}
		})
	}
}

func TestParseText(t *testing.T) {
	text := "The minister met the envoy in Geneva.\nRain fell\n\nThey said talks will continue. Nobody came.\n"
	wrapped := "The minister met the envoy in Geneva on\nMonday and said that talks would\ncontinue in the spring, but\nnobody came.\n"
	tests := []struct {
		name      string
		text      string
		args      []string
		sentences int
	}{
		// Line breaks end sentences, which the splitter finds inside lines
		// too (the default, as the text is not hard-wrapped).
		{"auto", text, []string{"parse", "--in", "text", "--out", "conllu"}, 4},
		{"end", text, []string{"parse", "--in", "text", "--lines", "end"}, 4},
		// Every line one sentence: the last line stays one sentence.
		{"sentence", text, []string{"parse", "--in", "text", "--lines", "sentence"}, 3},
		// Line breaks are spaces: "Rain fell" runs into nothing, the
		// paragraph break ends it.
		{"soft", text, []string{"parse", "--in", "text", "--lines", "soft"}, 4},
		{"paragraphs", wrapped, []string{"parse", "--in", "text", "--paragraphs"}, 1},
		// Hard-wrapped text is read across its line breaks.
		{"auto, wrapped", wrapped, []string{"parse", "--in", "text"}, 1},
		{"end, wrapped", wrapped, []string{"parse", "--in", "text", "--lines", "end"}, 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := tc.text
			out, errs, code := runDyad(t, text, tc.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			sents := checkTrees(t, out)
			if len(sents) != tc.sentences {
				t.Errorf("%d sentences, want %d:\n%s", len(sents), tc.sentences, out)
			}
			var forms []string
			for _, s := range sents {
				if s.Text() == "" {
					t.Errorf("sentence at line %d has no # text", s.Line)
				}
				for _, w := range s.Words() {
					forms = append(forms, w.Form)
				}
			}
			if got, want := strings.Join(forms, ""), strings.Join(strings.Fields(text), ""); got != want {
				t.Errorf("words %q do not spell the text %q", got, want)
			}
		})
	}
}

func TestParseTextLinesFlag(t *testing.T) {
	_, errs, code := runDyad(t, "Rain fell.\n", "parse", "--in", "text", "--lines", "wrapped")
	if code == 0 || !strings.Contains(errs, "--lines") {
		t.Errorf("--lines wrapped: exit %d, stderr %q; want an error naming --lines", code, errs)
	}
}

func TestParseTextRobust(t *testing.T) {
	long := strings.Repeat("word ", 5000) + "\n"
	tests := []struct {
		name, text string
	}{
		{"empty", ""},
		{"blank lines", "\n\n\n"},
		{"control characters", "a\x00b\x07 c\x1b[0m d\xff\xfe.\n"},
		{"5000-token line", long},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := runDyad(t, tc.text, "parse", "--in", "text", "--out", "conllu")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			checkTrees(t, out)
		})
	}
}
