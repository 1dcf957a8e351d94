package events

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/dyad-news/dyad/internal/doc"
	"github.com/dyad-news/dyad/internal/pipeline"
	"github.com/dyad-news/dyad/internal/shareddata"
)

// benchArticle is an invented article of 12 sentences.
var benchArticle = strings.Join([]string{
	"Russia threatened on Monday to cut gas supplies to Ukraine unless Kyiv paid its debts.",
	"The Kremlin did not rule out military action, a spokesman said.",
	"Ukrainian officials condemned the threat and urged the European Union to impose new sanctions on Moscow.",
	"The UK, France and Germany agreed to send humanitarian aid to Ukraine.",
	"Thousands of protesters rallied in Kyiv on Sunday.",
	"Polish police arrested three men near the border.",
	"The talks between the two governments will resume in Geneva next week.",
	"Hungary rejected the proposal.",
	"Russian troops shelled the town of Kharkiv overnight.",
	"The foreign minister met his Turkish counterpart in Ankara.",
	"No agreement was signed.",
	"Analysts said the economy would shrink this year.",
}, " ")

// BenchmarkStage times the event stage alone on a parsed article.
func BenchmarkStage(b *testing.B) {
	u := loadUpstream(b)
	d := doc.New("bench", benchArticle)
	d.Published = pub
	if err := u.pipe.Run(context.Background(), d); err != nil {
		b.Fatal(err)
	}
	st := New(u.rules, u.kb)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := st.Apply(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(d.Sentences))/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkPipeline times the whole analysis, tokeniser to events.
func BenchmarkPipeline(b *testing.B) {
	u := loadUpstream(b)
	st := New(u.rules, u.kb)
	sentences := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := doc.New("bench", benchArticle)
		d.Published = pub
		if err := u.pipe.Run(context.Background(), d); err != nil {
			b.Fatal(err)
		}
		if err := st.Apply(context.Background(), d); err != nil {
			b.Fatal(err)
		}
		sentences += len(d.Sentences)
	}
	b.ReportMetric(float64(sentences)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkPipelineBBC times the whole analysis on the BBC politics
// articles of ../shared/data (skipped when absent) and reports sentences per
// second: one article at a time, and in batches of 64 with
// pipeline.RunBatch, as `dyad extract` runs it.
func BenchmarkPipelineBBC(b *testing.B) {
	dir := shareddata.Dir(b, "raw-news", "bbc", "politics")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		b.Skipf("no articles in %s", dir)
	}
	var texts []string
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
	}
	u := loadUpstream(b)
	p, err := pipeline.New(append(u.pipe.Stages(), New(u.rules, u.kb))...)
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name  string
		batch int
	}{{"article", 1}, {"batch64", 64}} {
		b.Run(bc.name, func(b *testing.B) {
			sentences, evs := 0, 0
			cpu := cpuSeconds()
			for b.Loop() {
				for start := 0; start < len(texts); start += bc.batch {
					var docs []*doc.Doc
					for _, text := range texts[start:min(start+bc.batch, len(texts))] {
						d := doc.New("bbc", text)
						d.Published = "2005-03-01"
						docs = append(docs, d)
					}
					for i, err := range p.RunBatch(context.Background(), docs) {
						if err != nil {
							b.Fatal(err)
						}
						sentences += len(docs[i].Sentences)
						evs += len(docs[i].Events)
					}
				}
			}
			b.ReportMetric(float64(sentences)/b.Elapsed().Seconds(), "sentences/s")
			if c := cpuSeconds() - cpu; c > 0 {
				// What one core sustains when the machine is shared.
				b.ReportMetric(float64(sentences)/c, "sentences/cpu-s")
			}
			b.ReportMetric(float64(sentences)/float64(b.N), "sentences/op")
			b.ReportMetric(float64(evs)/float64(b.N), "events/op")
		})
	}
}

// cpuSeconds returns the CPU time the process has used.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
