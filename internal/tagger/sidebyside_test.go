package tagger

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	prosetag "github.com/jdkato/prose/v3/tag"
)

// ptbToUPOS maps Penn Treebank tags, as prose emits them, to universal tags
// with one fixed table (no context: so "is" is always VERB, never AUX, which
// costs prose some points that a contextual conversion would not).
var ptbToUPOS = map[string]string{
	"CC": "CCONJ", "CD": "NUM", "DT": "DET", "EX": "PRON", "FW": "X", "IN": "ADP",
	"JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "LS": "X", "MD": "AUX",
	"NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "PDT": "DET",
	"POS": "PART", "PRP": "PRON", "PRP$": "PRON", "RB": "ADV", "RBR": "ADV", "RBS": "ADV",
	"RP": "ADP", "SYM": "SYM", "TO": "PART", "UH": "INTJ",
	"VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB",
	"WDT": "PRON", "WP": "PRON", "WP$": "PRON", "WRB": "ADV",
	"$": "SYM", "#": "SYM", "ADD": "X", "GW": "X", "AFX": "X", "NFP": "PUNCT", "HYPH": "PUNCT",
	".": "PUNCT", ",": "PUNCT", ":": "PUNCT", "``": "PUNCT", "''": "PUNCT", "-LRB-": "PUNCT",
	"-RRB-": "PUNCT", "(": "PUNCT", ")": "PUNCT", "\"": "PUNCT",
}

// TestSideBySide runs dyad's tagger and prose v3's tagger on the EWT dev
// sentences (gold tokens) and prints a markdown table of accuracy and speed
// (one goroutine each). Run it with: go test -run TestSideBySide -v
func TestSideBySide(t *testing.T) {
	if testing.Short() {
		t.Skip("side-by-side comparison skipped in -short mode")
	}
	dev := readTreebank(t, "en_ewt-ud-dev.conllu")
	m := mustLoad(t)
	pt, err := prosetag.New()
	if err != nil {
		t.Fatalf("prose tagger: %v", err)
	}
	sents, tokens := devWords(dev)
	var goldU, goldX []string
	for _, s := range dev {
		for i, w := range s.Words() {
			if i < 256 {
				goldU, goldX = append(goldU, w.UPOS), append(goldX, w.XPOS)
			}
		}
	}
	type result struct {
		name       string
		upos, xpos float64
		speed      float64
	}
	score := func(u, x []string) (float64, float64) {
		ru, rx := 0, 0
		for i := range u {
			if u[i] == goldU[i] {
				ru++
			}
			if x[i] == goldX[i] {
				rx++
			}
		}
		return 100 * float64(ru) / float64(len(u)), 100 * float64(rx) / float64(len(x))
	}
	const reps = 3
	run := func(name string, tag func(ws []string, u, x []string)) result {
		u, x := make([]string, 0, tokens), make([]string, 0, tokens)
		bu, bx := make([]string, 256), make([]string, 256)
		for _, ws := range sents {
			tag(ws, bu[:len(ws)], bx[:len(ws)])
			u, x = append(u, bu[:len(ws)]...), append(x, bx[:len(ws)]...)
		}
		runtime.GC()
		start := time.Now()
		for range reps {
			for _, ws := range sents {
				tag(ws, bu[:len(ws)], bx[:len(ws)])
			}
		}
		r := result{name: name, speed: float64(reps*tokens) / time.Since(start).Seconds()}
		r.upos, r.xpos = score(u, x)
		return r
	}
	res := []result{
		run("dyad tagger", m.Tag),
		run("prose v3.2.3 tag (PTB → UPOS by fixed table)", func(ws []string, u, x []string) {
			toks := make([]prosetag.Token, len(ws))
			for i, w := range ws {
				toks[i].Text = w
			}
			pt.TagTokens(toks)
			for i, tk := range toks {
				x[i] = tk.Tag
				u[i] = ptbToUPOS[tk.Tag]
				if u[i] == "" {
					u[i] = "X"
				}
			}
		}),
	}
	var b strings.Builder
	fmt.Fprintf(&b, "EWT dev, gold tokens, %d sentences, %d words, one goroutine\n\n", len(sents), tokens)
	b.WriteString("| tagger | UPOS | XPOS (PTB) | tokens/s |\n|---|---|---|---|\n")
	for _, r := range res {
		fmt.Fprintf(&b, "| %s | %.2f | %.2f | %.0f |\n", r.name, r.upos, r.xpos, r.speed)
	}
	t.Log("\n" + b.String())
	if res[0].upos < res[1].upos {
		t.Errorf("dyad UPOS %.2f is below prose's %.2f", res[0].upos, res[1].upos)
	}
}
