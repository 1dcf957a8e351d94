package ner

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dyad-news/dyad/internal/shareddata"

	"github.com/dyad-news/dyad/internal/doc"
	"github.com/dyad-news/dyad/internal/tagger"
)

func mustLoad(tb testing.TB) (*Model, *tagger.Model) {
	tb.Helper()
	m, err := Load()
	if err != nil {
		tb.Fatalf("ner.Load: %v", err)
	}
	tm, err := tagger.Load()
	if err != nil {
		tb.Fatalf("tagger.Load: %v", err)
	}
	return m, tm
}

func readUNER(tb testing.TB, name string) []Sentence {
	tb.Helper()
	p := shareddata.Dir(tb, "uner-ewt", name)
	f, err := os.Open(p)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	s, err := ReadIOB2(f, p)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func tagAll(tm *tagger.Model, sents []Sentence) [][]string {
	out := make([][]string, len(sents))
	for i, s := range sents {
		out[i] = make([]string, len(s.Words))
		tm.Tag(s.Words, out[i], make([]string, len(s.Words)))
	}
	return out
}

// TestDevF1 checks the embedded model against a floor on UNER EWT dev.
func TestDevF1(t *testing.T) {
	dev := readUNER(t, "en_ewt-ud-dev.iob2")
	m, tm := mustLoad(t)
	sc := Evaluate(m, dev, tagAll(tm, dev))
	t.Logf("UNER EWT dev: P %.2f R %.2f F1 %.2f (%d gold, %d predicted)", sc.Precision, sc.Recall, sc.F1, sc.Gold, sc.Predicted)
	// The floor sits under the embedded model's figure (about 71, which moves
	// by ±0.4 with each retraining); the goal, 80, is not reached yet.
	if sc.F1 < 70.5 {
		t.Errorf("dev F1 %.2f is below the floor 70.5", sc.F1)
	}
}

// TestScorers runs the shared scorer ner.py on UNER EWT dev and on
// CoNLL-2003 eng.testa (measurement only) when python3 is available.
func TestScorers(t *testing.T) {
	scorer := filepath.Join(shareddata.Dir(t, ".."), "eval", "ner.py")
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	m, tm := mustLoad(t)
	for _, c := range []struct {
		name, gold string
		floor      float64
		tokens     func(line string) (string, bool)
	}{
		{"UNER EWT dev", shareddata.Dir(t, "uner-ewt", "en_ewt-ud-dev.iob2"), 70.5, func(line string) (string, bool) {
			if strings.HasPrefix(line, "#") {
				return "", false
			}
			if line == "" {
				return "", true
			}
			return strings.Split(line, "\t")[1], true
		}},
		{"CoNLL-2003 eng.testa", shareddata.Dir(t, "conll2003", "eng.testa"), 84.0, func(line string) (string, bool) {
			return line, true
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			data, err := os.ReadFile(c.gold)
			if err != nil {
				t.Fatal(err)
			}
			var in strings.Builder
			for _, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
				if tok, ok := c.tokens(line); ok {
					in.WriteString(tok + "\n")
				}
			}
			var out bytes.Buffer
			if err := TagCoNLL(context.Background(), tm, m, strings.NewReader(in.String()), "input", &out); err != nil {
				t.Fatal(err)
			}
			pred := filepath.Join(t.TempDir(), "pred")
			if err := os.WriteFile(pred, out.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			res, err := exec.Command(py, scorer, c.gold, pred).CombinedOutput()
			if err != nil {
				t.Fatalf("ner.py: %v\n%s", err, res)
			}
			t.Logf("python3 ../shared/eval/ner.py %s pred\n%s", c.gold, res)
			lines := strings.Split(strings.TrimSpace(string(res)), "\n")
			var f1 float64
			if _, err := fmt.Sscanf(lastField(lines[len(lines)-1], "F1"), "%f", &f1); err != nil {
				t.Fatalf("no F1 in the scorer's last line %q", lines[len(lines)-1])
			}
			if f1 < c.floor {
				t.Errorf("%s F1 %.2f is below the floor %.1f", c.name, f1, c.floor)
			}
		})
	}
}

// lastField returns the text after the last occurrence of key in line.
func lastField(line, key string) string {
	i := strings.LastIndex(line, key)
	if i < 0 {
		return ""
	}
	return strings.TrimLeft(line[i+len(key):], " =:")
}

func ExampleModel_Tag() {
	m, err := Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	words := []string{"Maria", "Lopez", "flew", "from", "Madrid", "to", "meet", "Toyota", "executives", "."}
	upos := []string{"PROPN", "PROPN", "VERB", "ADP", "PROPN", "PART", "VERB", "PROPN", "NOUN", "PUNCT"}
	fmt.Println(m.Tag(words, upos))
	// Output:
	// [B-PER I-PER O O B-LOC O O B-ORG O O]
}

func TestSpans(t *testing.T) {
	for _, c := range []struct {
		name   string
		labels string
		want   string
	}{
		{"empty", "", ""},
		{"single", "B-PER", "PER[0,1)"},
		{"continued", "B-PER I-PER O B-LOC", "PER[0,2) LOC[3,4)"},
		{"stray I opens", "O I-ORG I-ORG", "ORG[1,3)"},
		{"type change", "B-PER I-LOC", "PER[0,1) LOC[1,2)"},
		{"adjacent", "B-LOC B-LOC", "LOC[0,1) LOC[1,2)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, e := range Spans(strings.Fields(c.labels)) {
				got = append(got, fmt.Sprintf("%s[%d,%d)", e.Label, e.Start, e.End))
			}
			if strings.Join(got, " ") != c.want {
				t.Errorf("Spans(%q) = %q, want %q", c.labels, strings.Join(got, " "), c.want)
			}
		})
	}
}

const tinyIOB2 = `# sent_id = 1
1	Anna	B-PER	-	-
2	Berg	I-PER	-	-
3	visited	O	-	-
4	Oslo	B-LOC	-	-
5	with	O	-	-
6	Acme	B-ORG	-	-
7	Corp	I-ORG	-	-
8	staff	O	-	-

1	Boris	B-PER	-	-
2	liked	O	-	-
3	Italian	B-OTH	-	-
4	food	B-O	-	-
5	in	O	-	-
6	Rome	B-LOC	-	-

`

func TestReadIOB2(t *testing.T) {
	s, err := ReadIOB2(strings.NewReader(tinyIOB2), "tiny")
	if err != nil {
		t.Fatal(err)
	}
	if len(s) != 2 {
		t.Fatalf("got %d sentences, want 2", len(s))
	}
	if got := strings.Join(s[1].Labels, " "); got != "B-PER O O O O B-LOC" {
		t.Errorf("labels %q: OTH and B-O must become O", got)
	}
	if s[1].Line != 11 {
		t.Errorf("second sentence starts at line %d, want 11", s[1].Line)
	}
	_, err = ReadIOB2(strings.NewReader("1\tword\n"), "bad.iob2")
	var pe *ParseError
	if !errors.As(err, &pe) || !errors.Is(err, ErrSyntax) || pe.Line != 1 || pe.File != "bad.iob2" {
		t.Errorf("bad input: got %v, want a *ParseError at bad.iob2:1", err)
	}
}

// tinyCorpus reads the tiny invented corpus, with its parts of speech.
func tinyCorpus(t *testing.T) ([]Sentence, [][]string) {
	t.Helper()
	s, err := ReadIOB2(strings.NewReader(tinyIOB2), "tiny")
	if err != nil {
		t.Fatal(err)
	}
	return s, [][]string{
		{"PROPN", "PROPN", "VERB", "PROPN", "ADP", "PROPN", "PROPN", "NOUN"},
		{"PROPN", "VERB", "ADJ", "NOUN", "ADP", "PROPN"},
	}
}

func trainTiny(t *testing.T) *Model {
	t.Helper()
	s, upos := tinyCorpus(t)
	m, err := Train(context.Background(), s, upos, TrainOptions{Iterations: 5, Seed: 3, Prune: -1})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestTrainSaveRead(t *testing.T) {
	m := trainTiny(t)
	var a, b bytes.Buffer
	if err := m.Save(&a); err != nil {
		t.Fatal(err)
	}
	if err := trainTiny(t).Save(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two trainings with the same seed give different models")
	}
	r, err := Read(bytes.NewReader(a.Bytes()), nil)
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"Anna", "Berg", "visited", "Rome"}
	upos := []string{"PROPN", "PROPN", "VERB", "PROPN"}
	got, want := strings.Join(r.Tag(words, upos), " "), strings.Join(m.Tag(words, upos), " ")
	if got != want || got != "B-PER I-PER O B-LOC" {
		t.Errorf("read model tags %q, trained model %q, want B-PER I-PER O B-LOC", got, want)
	}
	if _, err := Read(bytes.NewReader(a.Bytes()[:a.Len()/2]), nil); err == nil {
		t.Error("Read accepted a truncated model")
	}
	if _, err := Read(strings.NewReader("not gzip"), nil); !errors.Is(err, ErrFormat) {
		t.Errorf("Read(not gzip) = %v, want ErrFormat", err)
	}
	if _, err := Train(context.Background(), nil, nil, TrainOptions{}); !errors.Is(err, ErrNoData) {
		t.Errorf("Train(nil) = %v, want ErrNoData", err)
	}
}

// TestValidSequences checks that the decoder never emits an I- that does
// not continue an entity, on invented and odd input.
func TestValidSequences(t *testing.T) {
	m, tm := mustLoad(t)
	for _, s := range []string{
		"",
		"the",
		"New York New York New",
		"UNITED NATIONS SAYS PUTIN MET XI IN BEIJING",
		"@ # $ % ^ & * ( )",
		"Mr. John Q. Public of Springfield , Ill. , said so",
	} {
		words := strings.Fields(s)
		upos := make([]string, len(words))
		tm.Tag(words, upos, make([]string, len(words)))
		labels := m.Tag(words, upos)
		prev := "O"
		for i, l := range labels {
			if strings.HasPrefix(l, "I-") && (prev == "O" || prev[2:] != l[2:]) {
				t.Errorf("%q: label %d %s follows %s", s, i, l, prev)
			}
			prev = l
		}
	}
}

func TestEntities(t *testing.T) {
	m, _ := mustLoad(t)
	text := "Angela Merkel met Emmanuel Macron in Berlin ."
	d := doc.New("t", text)
	off := 0
	for _, w := range strings.Fields(text) {
		start := off + strings.Index(text[off:], w)
		off = start + len(w)
		d.Tokens = append(d.Tokens, doc.Token{Start: start, End: off, Form: w, Head: -1})
	}
	d.Sentences = []doc.Sentence{{First: 0, Last: len(d.Tokens), Start: 0, End: len(text)}}
	if _, err := m.Entities(d); err == nil {
		t.Error("Entities without the tokens layer succeeded")
	}
	d.Mark(doc.LayerTokens, doc.LayerSentences)
	ents, err := m.Annotate(d)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ents {
		got = append(got, e.Label+":"+d.Text[d.Tokens[e.Start].Start:d.Tokens[e.End-1].End])
	}
	want := "PER:Angela Merkel PER:Emmanuel Macron LOC:Berlin"
	if strings.Join(got, " ") != want {
		t.Errorf("entities %q, want %q", strings.Join(got, " "), want)
	}
	if !d.Has(doc.LayerEntities) {
		t.Error("Annotate did not mark the entities layer")
	}
}

func TestTagCoNLL(t *testing.T) {
	m, tm := mustLoad(t)
	for _, c := range []struct{ name, in, want string }{
		{"blank lines and -DOCSTART- copied through",
			"-DOCSTART- -X- O O\n\nPeter NNP\nvisited x\nParis y\n\n\nHe\n",
			"-DOCSTART- -X- O O\n\nPeter\tB-PER\nvisited\tO\nParis\tB-LOC\n\n\nHe\tO\n"},
		// The results row, after the headline, makes Leeds a team in the
		// headline too, but not in the next document.
		{"documents labelled as wholes",
			"-DOCSTART-\n\nSOCCER\n-\nLeeds\nwin\nagain\n.\n\nLeeds\n2\nBristol\n1\n\n-DOCSTART-\n\nLeeds\ncouncil\nmet\nin\nBristol\n.\n",
			"-DOCSTART-\n\nSOCCER\tO\n-\tO\nLeeds\tB-ORG\nwin\tO\nagain\tO\n.\tO\n\nLeeds\tB-ORG\n2\tO\nBristol\tB-ORG\n1\tO\n\n-DOCSTART-\n\nLeeds\tB-LOC\ncouncil\tO\nmet\tO\nin\tO\nBristol\tB-LOC\n.\tO\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := TagCoNLL(context.Background(), tm, m, strings.NewReader(c.in), "in", &out); err != nil {
				t.Fatal(err)
			}
			if out.String() != c.want {
				t.Errorf("TagCoNLL:\n got %q\nwant %q", out.String(), c.want)
			}
		})
	}
}

func BenchmarkLoad(b *testing.B) {
	if _, err := Load(); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Read(bytes.NewReader(embedded), loaded.kb); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNER labels UNER EWT dev as one document (TagDocument), POS
// tagging included, and reports tokens per second. Run it with -cpu 1.
func BenchmarkNER(b *testing.B) {
	dev := readUNER(b, "en_ewt-ud-dev.iob2")
	m, tm := mustLoad(b)
	tokens := 0
	for _, s := range dev {
		tokens += len(s.Words)
	}
	words, upos, labels := make([][]string, len(dev)), make([][]string, len(dev)), make([][]string, len(dev))
	for i, s := range dev {
		words[i], upos[i], labels[i] = s.Words, make([]string, len(s.Words)), make([]string, len(s.Words))
	}
	xpos := make([]string, 512)
	b.ResetTimer()
	start, cpu := time.Now(), cpuSeconds()
	for b.Loop() {
		for i, s := range dev {
			tm.Tag(s.Words, upos[i], xpos[:len(s.Words)])
		}
		m.TagDocument(words, upos, labels)
	}
	b.ReportMetric(float64(tokens*b.N)/time.Since(start).Seconds(), "tokens/s")
	if c := cpuSeconds() - cpu; c > 0 {
		b.ReportMetric(float64(tokens*b.N)/c, "tokens/cpu-s")
	}
}

// cpuSeconds returns the CPU time the process has used (what one core
// sustains when the machine is shared).
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
