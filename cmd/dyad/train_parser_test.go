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
}
