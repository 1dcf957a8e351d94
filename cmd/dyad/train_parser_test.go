package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-news/dyad/internal/depparse"
)

func TestTrainParser(t *testing.T) {
	tiny := filepath.Join("..", "..", "internal", "depparse", "testdata", "tiny.conllu")
	out := filepath.Join(t.TempDir(), "parser.bin.gz")
	tests := []struct {
		name    string
		args    []string
		ok      bool
		wantOut string
	}{
		{"gold tags", []string{"train", "parser", "--tags", "gold", "--train", tiny, "--dev", tiny, "--iterations", "20", "--out", out}, true, "iteration 20"},
		{"jackknifed tags", []string{"train", "parser", "--tags", "both", "--folds", "2", "--train", tiny, "--dev", tiny, "--iterations", "3", "--out", out + ".both"}, true, "jackknife fold 2/2"},
		{"beam", []string{"train", "parser", "--tags", "gold", "--train", tiny, "--dev", tiny, "--iterations", "10", "--beam", "4", "--out", out + ".beam"}, true, "iteration 10"},
		{"beam from a model", []string{"train", "parser", "--tags", "gold", "--train", tiny, "--dev", tiny, "--iterations", "2", "--beam", "2", "--init", out, "--out", out + ".init"}, true, "iteration  2"},
		{"bad update", []string{"train", "parser", "--tags", "gold", "--train", tiny, "--beam", "2", "--update", "late", "--out", out + ".bad"}, false, "update"},
		{"bad tags", []string{"train", "parser", "--tags", "silver", "--train", tiny, "--dev", tiny, "--out", out}, false, "--tags"},
		{"missing train", []string{"train", "parser", "--train", "nope.conllu", "--out", out}, false, "nope.conllu"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runDyad(t, "", tc.args...)
			if (code == 0) != tc.ok {
				t.Fatalf("exit %d: %s %s", code, stdout, stderr)
			}
			if !strings.Contains(stdout+stderr, tc.wantOut) {
				t.Errorf("output does not mention %q:\n%s%s", tc.wantOut, stdout, stderr)
			}
		})
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	p, err := depparse.Read(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"Rain", "fell", "."}
	heads, rels := make([]int, 3), make([]string, 3)
	p.Parse(words, []string{"NOUN", "VERB", "PUNCT"}, []string{"NN", "VBD", "."}, heads, rels)
	if heads[0] != 1 || heads[1] != -1 || heads[2] != 1 || rels[0] != "nsubj" {
		t.Errorf("trained model parses %v as %v %v", words, heads, rels)
	}
	// The beam model parses the same sentence with `dyad parse --beam`.
	in := "1\tRain\t_\t_\t_\t_\t_\t_\t_\t_\n2\tfell\t_\t_\t_\t_\t_\t_\t_\t_\n3\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
	stdout, stderr, code := runDyad(t, in, "parse", "--beam", "4", "--model", out+".beam", "-")
	if code != 0 {
		t.Fatalf("parse --beam: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "\t2\tnsubj\t") || !strings.Contains(stdout, "\t0\troot\t") {
		t.Errorf("parse --beam with the beam model:\n%s", stdout)
	}
	for _, args := range [][]string{{"parse", "--beam", "-1", "-"}, {"parse", "--model", "nope.bin.gz", "-"}} {
		if _, stderr, code := runDyad(t, in, args...); code == 0 || !strings.Contains(stderr, strings.TrimPrefix(args[1], "--")) && !strings.Contains(stderr, args[2]) {
			t.Errorf("%v: exit %d, stderr %q; want an error naming the flag or file", args, code, stderr)
		}
	}
}
