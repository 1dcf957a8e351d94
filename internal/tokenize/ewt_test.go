package tokenize

import (
	"os"
	"strings"
	"testing"

	"github.com/dyad-news/dyad/internal/conllu"
	"github.com/dyad-news/dyad/internal/doc"
	"github.com/dyad-news/dyad/internal/shareddata"
)

// layout holds the units of a raw-text evaluation in the CoNLL 2018 way:
// spans in the text with all whitespace removed.
type layout struct {
	tokens, words, sentences map[[3]int]bool
}

func newLayout() *layout {
	return &layout{map[[3]int]bool{}, map[[3]int]bool{}, map[[3]int]bool{}}
}

// stripSpace returns the length of s without whitespace.
func stripSpace(s string) int {
	n := 0
	for _, r := range s {
		if !isSpace(r) {
			n += len(string(r))
		}
	}
	return n
}

// addToken records an orthographic token of form orth whose words are ws.
func (l *layout) addToken(pos int, orth string, ws []string) int {
	n := stripSpace(orth)
	l.tokens[[3]int{pos, pos + n, -1}] = true
	if len(ws) == 1 {
		l.words[[3]int{pos, pos + n, -1}] = true
		return pos + n
	}
	if strings.Join(ws, "") == orth {
		o := pos
		for _, w := range ws {
			l.words[[3]int{o, o + len(w), -1}] = true
			o += len(w)
		}
		return pos + n
	}
	for k := range ws {
		l.words[[3]int{pos, pos + n, k}] = true
	}
	return pos + n
}

func goldLayout(sents []*conllu.Sentence) *layout {
	l := newLayout()
	pos := 0
	for _, s := range sents {
		start := pos
		for i := 0; i < len(s.Lines); i++ {
			w := s.Lines[i]
			switch {
			case w.IsEmpty():
			case w.IsRange():
				var ws []string
				for i+1 < len(s.Lines) && !s.Lines[i+1].IsRange() && len(ws) < rangeLen(w.ID) {
					i++
					ws = append(ws, s.Lines[i].Form)
				}
				pos = l.addToken(pos, w.Form, ws)
			default:
				pos = l.addToken(pos, w.Form, []string{w.Form})
			}
		}
		l.sentences[[3]int{start, pos, -1}] = true
	}
	return l
}

// rangeLen returns the number of words of a range ID "3-4".
func rangeLen(id string) int {
	a, b, _ := strings.Cut(id, "-")
	var x, y int
	for _, c := range a {
		x = 10*x + int(c-'0')
	}
	for _, c := range b {
		y = 10*y + int(c-'0')
	}
	return y - x + 1
}

func predLayout(d *doc.Doc) *layout {
	l := newLayout()
	pos, mw := 0, 0
	for _, s := range d.Sentences {
		start := pos
		for i := s.First; i < s.Last; i++ {
			for mw < len(d.MultiWords) && d.MultiWords[mw].Last < i {
				mw++
			}
			if mw < len(d.MultiWords) && d.MultiWords[mw].First == i {
				m := d.MultiWords[mw]
				var ws []string
				for k := m.First; k <= m.Last; k++ {
					ws = append(ws, d.Tokens[k].Form)
				}
				pos = l.addToken(pos, d.Text[m.Start:m.End], ws)
				i = m.Last
				continue
			}
			pos = l.addToken(pos, d.Tokens[i].Form, []string{d.Tokens[i].Form})
		}
		l.sentences[[3]int{start, pos, -1}] = true
	}
	return l
}

func f1(gold, pred map[[3]int]bool) float64 {
	hit := 0
	for k := range pred {
		if gold[k] {
			hit++
		}
	}
	if hit == 0 {
		return 0
	}
	p, r := float64(hit)/float64(len(pred)), float64(hit)/float64(len(gold))
	return 100 * 2 * p * r / (p + r)
}

// TestEWTDev checks accuracy floors on the EWT dev split, in both layouts
// of the raw text: one sentence per line, and paragraphs. The figures agree
// with shared/eval/ud.py.
func TestEWTDev(t *testing.T) {
	path := shareddata.Dir(t, "ud-ewt/en_ewt-ud-dev.conllu")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := conllu.ReadAll(f, path)
	if err != nil {
		t.Fatal(err)
	}
	gold := goldLayout(sents)

	var lines strings.Builder
	for _, s := range sents {
		lines.WriteString(s.Text())
		lines.WriteByte('\n')
	}
	var paras []string
	for _, p := range readParagraphs(t, path) {
		paras = append(paras, p.text)
	}
	for _, tc := range []struct {
		name                   string
		text                   string
		lines                  bool
		minWords, minSentences float64
	}{
		{"lines", lines.String(), true, 99.2, 99.9},
		{"paragraphs", strings.Join(paras, "\n\n"), false, 99.2, 85.0},
	} {
		d := Tokenize("dev", tc.text, Options{LineBreaksEndSentences: tc.lines})
		pred := predLayout(d)
		tokens, words, sentences := f1(gold.tokens, pred.tokens), f1(gold.words, pred.words), f1(gold.sentences, pred.sentences)
		t.Logf("%s: Tokens F1 %.2f, Words F1 %.2f, Sentences F1 %.2f", tc.name, tokens, words, sentences)
		if words < tc.minWords || sentences < tc.minSentences {
			t.Errorf("%s: Words F1 %.2f (floor %.1f), Sentences F1 %.2f (floor %.1f)", tc.name, words, tc.minWords, sentences, tc.minSentences)
		}
	}
}
