package depparse_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dyad-news/dyad/internal/conllu"
	"github.com/dyad-news/dyad/internal/depparse"
	"github.com/dyad-news/dyad/internal/tagger"
)

// devSentences reads EWT dev from ../shared/data (relative to the module
// root), or skips the test when it is absent.
func devSentences(tb testing.TB) []*conllu.Sentence {
	tb.Helper()
	path := filepath.Join("..", "..", "..", "shared", "data", "ud-ewt", "en_ewt-ud-dev.conllu")
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("UD English EWT dev not found (want ../shared/data/ud-ewt from the repository root): %v", err)
	}
	defer f.Close()
	sents, err := conllu.ReadAll(f, path)
	if err != nil {
		tb.Fatal(err)
	}
	return sents
}

// genre returns the EWT genre of a sentence from its sent_id prefix
// ("weblog-...", "email-...").
func genre(s *conllu.Sentence) string {
	for _, c := range s.Comments {
		if id, ok := strings.CutPrefix(c, "# sent_id = "); ok {
			g, _, _ := strings.Cut(id, "-")
			return g
		}
	}
	return "?"
}

func toTrees(tb testing.TB, sents []*conllu.Sentence) []depparse.Tree {
	tb.Helper()
	out := make([]depparse.Tree, 0, len(sents))
	for _, s := range sents {
		t, err := depparse.FromCoNLLU(s)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, t)
	}
	return out
}

func mustLoad(tb testing.TB) (*tagger.Model, *depparse.Parser) {
	tb.Helper()
	tm, err := tagger.Load()
	if err != nil {
		tb.Fatalf("tagger: %v", err)
	}
	return tm, mustLoadParser(tb)
}

func mustLoadParser(tb testing.TB) *depparse.Parser {
	tb.Helper()
	start := time.Now()
	p, err := depparse.Load()
	if err != nil {
		tb.Fatalf("parser: %v", err)
	}
	tb.Logf("parser model loaded in %v (%d features)", time.Since(start), p.Features())
	return p
}

// TestDevAccuracy checks the embedded model on EWT dev with the tagger's
// predicted tags (the setting dyad runs in) and with gold tags, and logs the
// figures per genre.
func TestDevAccuracy(t *testing.T) {
	sents := devSentences(t)
	tm, p := mustLoad(t)
	gold := toTrees(t, sents)
	pred := toTrees(t, sents)
	for _, tr := range pred {
		tm.Tag(tr.Words, tr.UPOS, tr.XPOS)
	}
	tests := []struct {
		name     string
		trees    []depparse.Tree
		uas, las float64
	}{
		{"predicted tags", pred, 84.5, 81.5},
		{"gold tags", gold, 88.0, 86.0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := p.Evaluate(tc.trees)
			t.Logf("dev %s: UAS %.2f LAS %.2f over %d words", tc.name, s.UAS, s.LAS, s.Words)
			if s.UAS < tc.uas || s.LAS < tc.las {
				t.Errorf("dev %s: UAS %.2f LAS %.2f, want at least %.1f %.1f", tc.name, s.UAS, s.LAS, tc.uas, tc.las)
			}
			byGenre := map[string][]depparse.Tree{}
			var genres []string
			for i, s := range sents {
				g := genre(s)
				if byGenre[g] == nil {
					genres = append(genres, g)
				}
				byGenre[g] = append(byGenre[g], tc.trees[i])
			}
			for _, g := range genres {
				s := p.Evaluate(byGenre[g])
				t.Logf("  %-10s %5d words  UAS %.2f LAS %.2f", g, s.Words, s.UAS, s.LAS)
			}
		})
	}
}

// BenchmarkParse measures the parser alone over the dev sentences (gold
// tags) on one core.
func BenchmarkParse(b *testing.B) {
	benchParse(b, mustLoadParser(b), nil)
}

// BenchmarkTagParse measures tagging, lemmatising and parsing the dev
// sentences on one core, as `dyad parse` does.
func BenchmarkTagParse(b *testing.B) {
	tm, p := mustLoad(b)
	benchParse(b, p, tm)
}

// BenchmarkParseBeam is BenchmarkParse with beam decoding of several
// widths. It uses the model file named by $DYAD_PARSER_MODEL when set (say,
// one written by `dyad train parser --beam K`), the embedded model
// otherwise.
func BenchmarkParseBeam(b *testing.B) {
	p := benchParser(b)
	for _, k := range []int{1, 2, 4, 8} {
		b.Run(fmt.Sprintf("k=%d", k), func(b *testing.B) { benchParse(b, p.WithBeam(k), nil) })
	}
}

// BenchmarkTagParseBeam is BenchmarkTagParse with beam decoding of several
// widths, with the model of BenchmarkParseBeam.
func BenchmarkTagParseBeam(b *testing.B) {
	tm, err := tagger.Load()
	if err != nil {
		b.Fatalf("tagger: %v", err)
	}
	p := benchParser(b)
	for _, k := range []int{1, 2, 4, 8} {
		b.Run(fmt.Sprintf("k=%d", k), func(b *testing.B) { benchParse(b, p.WithBeam(k), tm) })
	}
}

// benchParse parses the dev sentences with p on one core and reports words
// per CPU second: with their gold tags when tm is nil, else after tagging
// and lemmatising them with tm.
func benchParse(b *testing.B, p *depparse.Parser, tm *tagger.Model) {
	trees := toTrees(b, devSentences(b))
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	words := 0
	for _, t := range trees {
		words += len(t.Words)
	}
	upos := make([]string, 1024)
	xpos := make([]string, 1024)
	heads := make([]int, 1024)
	rels := make([]string, 1024)
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, t := range trees {
			if tm == nil {
				p.Parse(t.Words, t.UPOS, t.XPOS, heads, rels)
				continue
			}
			n := len(t.Words)
			tm.Tag(t.Words, upos[:n], xpos[:n])
			for j, w := range t.Words {
				tm.Lemma(w, upos[j], xpos[j])
			}
			p.Parse(t.Words, upos[:n], xpos[:n], heads, rels)
		}
	}
	reportSpeed(b, words*b.N, cpu0)
}

// benchParser returns the parser in the model file named by
// $DYAD_PARSER_MODEL, or the embedded one when it is not set.
func benchParser(b *testing.B) *depparse.Parser {
	path := os.Getenv("DYAD_PARSER_MODEL")
	if path == "" {
		return mustLoadParser(b)
	}
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	p, err := depparse.Read(f)
	if err != nil {
		b.Fatalf("%s: %v", path, err)
	}
	return p
}

// BenchmarkLoad measures decoding the embedded model.
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := depparse.Read(bytes.NewReader(depparse.ModelBytes())); err != nil {
			b.Fatal(err)
		}
	}
}

// cpuTime returns the CPU time the process has used so far; on a shared
// machine it measures speed more faithfully than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportSpeed reports tokens per wall-clock second and per CPU second.
func reportSpeed(b *testing.B, tokens int, cpu0 time.Duration) {
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(tokens)/cpu.Seconds(), "tokens/cpu-s")
	}
}
