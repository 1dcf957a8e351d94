package quotes_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-news/dyad/internal/doc"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden renders the quotations of d one per line. Whom a speaker
// resolves to comes from the entity and coreference layers and is checked
// in TestQuotes, so it stays out of the golden files.
func golden(d *doc.Doc) string {
	var b strings.Builder
	for _, q := range d.Quotes {
		fmt.Fprintf(&b, "%s fragment=%v content=%q cue=%q speaker=%q to=%q\n",
			q.Kind, q.Fragment, d.Slice(q.Span), d.Slice(q.Cue), d.Slice(q.Speaker), d.Slice(q.To))
	}
	return b.String()
}

// TestGolden runs the stage on the invented articles of testdata/*.txt and
// compares with testdata/*.golden (go test -run TestGolden -update to
// rewrite them after a reviewed change).
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test articles in testdata: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			got := golden(run(t, string(b)))
			gf := strings.TrimSuffix(f, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(gf, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(gf)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s: quotations differ from %s\n got:\n%s\nwant:\n%s", f, gf, got, want)
			}
		})
	}
}
