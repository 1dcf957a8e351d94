package timex

import (
	"math/rand"
	"strings"
	"testing"
	"time"
)

// TestNoSlowInputs runs Find over random word salads built from the
// scanner's own vocabulary and fails on any call slower than a second (a sign of
// runaway scanning).
func TestNoSlowInputs(t *testing.T) {
	vocab := strings.Fields("a an the one two nineteen ninety - six few couple number of dozen half and 1/2 5 31 2025 1990s '90s ' years year days ago later earlier from now hence earlier this last next past Monday March May Mar . , : 3:30 p m a.m. am pm noon Q3 first quarter half of fiscal every other each once twice per summer fall winter the week weekend month said will is to due 2025-03-31 3/31/2025 31.03.2025 P3Y FY2025 year-earlier ago old - long at least more than up to 1e300 9999999999 today yesterday tonight night morning UTC GMT o clock 12 24 60 99")
	r := rand.New(rand.NewSource(1))
	refs := []time.Time{{}, day("2025-03-31"), day("0001-01-01"), day("9999-12-31")}
	for it := 0; it < 30000; it++ {
		n := 1 + r.Intn(12)
		var b strings.Builder
		for k := 0; k < n; k++ {
			b.WriteString(vocab[r.Intn(len(vocab))])
			if r.Intn(3) > 0 {
				b.WriteByte(' ')
			}
		}
		s := b.String()
		st := time.Now()
		Find(s, refs[r.Intn(len(refs))], Tense(r.Intn(4)))
		if d := time.Since(st); d > time.Second {
			t.Fatalf("slow %v: %q", d, s)
		}
	}
}
