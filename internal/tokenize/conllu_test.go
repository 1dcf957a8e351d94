package tokenize

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-news/dyad/internal/doc"
)

var update = flag.Bool("update", false, "rewrite the testdata/*.golden files")

func TestWriteCoNLLU(t *testing.T) {
	tests := []struct {
		name string
		doc  func() *doc.Doc
		want string
	}{
		{
			name: "tokens only",
			doc:  func() *doc.Doc { return Tokenize("a", "I don't know.\n", Options{}) },
			want: "# sent_id = a-1\n# text = I don't know.\n" +
				"1\tI\t_\t_\t_\t_\t_\t_\t_\t_\n" +
				"2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
				"2\tdo\t_\t_\t_\t_\t_\t_\t_\t_\n" +
				"3\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
				"4\tknow\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n" +
				"5\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n",
		},
		{
			name: "tags and heads",
			doc: func() *doc.Doc {
				d := Tokenize("", "Peskov's talks.\nHe left", Options{LineBreaksEndSentences: true})
				tags := []string{"PROPN", "PART", "NOUN", "PUNCT", "PRON", "VERB"}
				heads := []int{2, 0, -1, 2, 5, -1}
				for i := range d.Tokens {
					d.Tokens[i].UPOS, d.Tokens[i].Head = tags[i], heads[i]
				}
				d.Tokens[2].DepRel = "root"
				d.Tokens[2].Lemma = "talk"
				d.Mark(doc.LayerPOS, doc.LayerDeps)
				return d
			},
			want: "# sent_id = 1\n# text = Peskov's talks.\n" +
				"1-2\tPeskov's\t_\t_\t_\t_\t_\t_\t_\t_\n" +
				"1\tPeskov\t_\tPROPN\t_\t_\t3\t_\t_\t_\n" +
				"2\t's\t_\tPART\t_\t_\t1\t_\t_\t_\n" +
				"3\ttalks\ttalk\tNOUN\t_\t_\t0\troot\t_\tSpaceAfter=No\n" +
				"4\t.\t_\tPUNCT\t_\t_\t3\t_\t_\t_\n\n" +
				"# sent_id = 2\n# text = He left\n" +
				"1\tHe\t_\tPRON\t_\t_\t2\t_\t_\t_\n" +
				"2\tleft\t_\tVERB\t_\t_\t0\t_\t_\t_\n\n",
		},
		{
			name: "line breaks inside a sentence",
			doc:  func() *doc.Doc { return Tokenize("b", "a\nb", Options{}) },
			want: "# sent_id = b-1\n# text = a b\n" +
				"1\ta\t_\t_\t_\t_\t_\t_\t_\t_\n" +
				"2\tb\t_\t_\t_\t_\t_\t_\t_\t_\n\n",
		},
		{name: "empty", doc: func() *doc.Doc { return Tokenize("e", "", Options{}) }, want: ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteCoNLLU(&b, tc.doc()); err != nil {
				t.Fatal(err)
			}
			if b.String() != tc.want {
				t.Errorf("got\n%s\nwant\n%s", b.String(), tc.want)
			}
		})
	}
}

type failWriter struct{}

var errDiskFull = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errDiskFull }

func TestWriteCoNLLUError(t *testing.T) {
	d := Tokenize("x", strings.Repeat("word ", 10000), Options{})
	err := WriteCoNLLU(failWriter{}, d)
	if !errors.Is(err, errDiskFull) || !strings.Contains(err.Error(), `"x"`) {
		t.Fatalf("got %v, want a wrapped write error naming the document", err)
	}
}

// TestGolden tokenises an invented news article and compares the CoNLL-U
// with testdata/article.golden (refresh with -update and review the diff).
func TestGolden(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("testdata", "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	d := Tokenize("article", string(text), Options{})
	var b bytes.Buffer
	if err := WriteCoNLLU(&b, d); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "article.golden")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if b.String() != string(want) {
		t.Errorf("CoNLL-U differs from %s (go test -update rewrites it):\n%s", golden, b.String())
	}
}
