package coref_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-news/dyad/internal/actors"
	"github.com/dyad-news/dyad/internal/coref"
	"github.com/dyad-news/dyad/internal/depparse"
	"github.com/dyad-news/dyad/internal/doc"
	"github.com/dyad-news/dyad/internal/entities"
	"github.com/dyad-news/dyad/internal/ner"
	"github.com/dyad-news/dyad/internal/tagger"
	"github.com/dyad-news/dyad/internal/tokenize"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden runs the whole pipeline up to coreference on invented articles
// (testdata/*.txt: the publication date on the first line, then the text)
// and compares every mention and what it resolves to with testdata/*.golden.
func TestGolden(t *testing.T) {
	tm, err := tagger.Load()
	if err != nil {
		t.Fatal(err)
	}
	pm, err := depparse.Load()
	if err != nil {
		t.Fatal(err)
	}
	nm, err := ner.Load()
	if err != nil {
		t.Fatal(err)
	}
	kb, err := actors.Default()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/*.txt")
	if len(files) == 0 {
		t.Fatal("no testdata/*.txt")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			date, text, _ := strings.Cut(string(raw), "\n")
			d := tokenize.Tokenize(f, text, tokenize.Options{})
			d.Published = date
			if err := tm.Annotate(d); err != nil {
				t.Fatal(err)
			}
			if err := pm.Annotate(d); err != nil {
				t.Fatal(err)
			}
			if err := entities.New(nm, kb).Apply(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			d.Mark(doc.LayerEntities, doc.LayerActors)
			if err := coref.New(kb).Annotate(d); err != nil {
				t.Fatal(err)
			}
			got := render(d)
			golden := strings.TrimSuffix(f, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("mentions differ from %s (review with go test -update and git diff):\ngot:\n%s", golden, got)
			}
		})
	}
}

// render writes one line per mention: its text, kind, and the chain's name
// and actor code.
func render(d *doc.Doc) string {
	kinds := map[doc.MentionKind]string{doc.MentionName: "name", doc.MentionNominal: "nominal", doc.MentionPronoun: "pronoun"}
	var b strings.Builder
	for _, m := range d.Mentions {
		to := "?"
		if m.Chain >= 0 {
			c := d.Chains[m.Chain]
			to = c.Name
			if c.Actor != nil && c.Actor.Code != "" {
				to += " [" + c.Actor.Code + "]"
			}
		}
		fmt.Fprintf(&b, "%s\t%s\t→ %s\n", d.Text[m.Start:m.End], kinds[m.Kind], to)
	}
	return b.String()
}
