package source

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/**/*.golden from the current output")

// TestGolden reads every fixture under testdata/html, testdata/text and
// testdata/feed and compares the canonical form of its articles with
// the .golden file next to it. Run with -update to refresh them, then review
// the diff.
func TestGolden(t *testing.T) {
	var files []string
	for _, pat := range []string{"testdata/html/*.html", "testdata/text/*.txt", "testdata/feed/*.xml"} {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 6 {
		t.Fatalf("found only %d fixtures", len(files))
	}
	for _, f := range files {
		t.Run(f, func(t *testing.T) {
			arts, errs := collect(t, Input{Path: f, Size: -1}, Options{})
			var b strings.Builder
			for _, a := range arts {
				checkArticle(t, a)
				b.WriteString(canonical(a))
				b.WriteString("===\n")
			}
			for _, err := range errs {
				b.WriteString("error: " + err.Error() + "\n")
			}
			got := b.String()
			golden := strings.TrimSuffix(f, filepath.Ext(f)) + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGolden -update)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", golden, diff)
			}
		})
	}
}

// TestHTMLSyntheticPages wraps BBC News texts in full pages (navigation,
// ads, sidebar, comments, footer, scripts) and checks that extraction gives
// back exactly the article's paragraphs, for at least 95% of the pages.
func TestHTMLSyntheticPages(t *testing.T) {
	dir := bbcDir(t)
	paths, err := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no BBC files in %s: %v", dir, err)
	}
	step := max(1, len(paths)/200)
	total, exact, lost, extra := 0, 0, 0, 0
	opts := Options{}
	for i := 0; i < len(paths); i += step {
		data, err := os.ReadFile(paths[i])
		if err != nil {
			t.Fatal(err)
		}
		s, err := decodeText(data)
		if err != nil {
			continue
		}
		title, body := splitTitle(normalizeText(s))
		paras := strings.Split(body, "\n\n")
		p, err := extractHTML(newsPage(i, title, paras), "https://news.example/story", "", &opts)
		total++
		if err != nil {
			t.Logf("%s: %v", paths[i], err)
			lost += len(paras)
			continue
		}
		if p.Text == body && p.Title == title {
			exact++
			continue
		}
		got := map[string]bool{}
		for _, g := range strings.Split(p.Text, "\n\n") {
			got[g] = true
		}
		for _, w := range paras {
			if !got[w] {
				lost++
			}
			delete(got, w)
		}
		extra += len(got)
		if total-exact <= 3 {
			t.Logf("%s: title %q\n%s", paths[i], p.Title, cmp.Diff(body, p.Text))
		}
	}
	t.Logf("%d pages: %d exact, %d paragraphs lost, %d extra paragraphs", total, exact, lost, extra)
	if exact*100 < total*95 {
		t.Errorf("only %d of %d pages extracted exactly, want 95%%", exact, total)
	}
}
