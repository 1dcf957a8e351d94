package store

import (
	"context"
	"testing"
	"time"

	"github.com/dyad-news/dyad/internal/record"
)

func TestAnalysisRoundTrip(t *testing.T) {
	ctx := context.Background()
	st := openWithFixtures(t)
	a := fixtures[0]
	got, err := st.Get(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune(got.Text)
	span := func(n int) (int, int, string) { return 0, n, string(runes[:n]) }
	s0, e0, t0 := span(5)
	rec := record.New(a.ID, "2025-03-31", got.Text)
	rec.Entities = []record.Entity{{Start: s0, End: e0, Text: t0, Type: "PER",
		Actor: &record.Actor{ID: "dmitry-peskov", Name: "Dmitry Peskov", Code: "RUSGOV", Country: "RUS", Sector: "GOV"}}}
	rec.Quotes = []record.Quote{{Start: s0, End: e0, Text: t0, Kind: "direct",
		Speaker:  &record.Speaker{Start: s0, End: e0, Text: t0, Name: "Dmitry Peskov", Actor: &record.Actor{Code: "RUSGOV"}},
		Sentence: &record.SentenceSpan{Start: 0, End: 8}}}
	rec.Events = []record.Event{{CAMEO: "036", Plover: record.Plover{Event: "CONSULT"}, Quad: 1, Goldstein: 4,
		Source: []record.EventActor{{Code: "RUSGOV"}}, Target: []record.EventActor{{Code: "USAGOV"}, {Code: "UKRGOV"}},
		Sentence: record.SentenceSpan{Start: 0, End: 8}, Date: "2025-03-30"}}

	// Before the analysis the article is unanalysed; after it, not.
	count := func() int {
		arts, err := st.Unanalyzed(ctx, Filter{})
		if err != nil {
			t.Fatal(err)
		}
		n, err := st.CountUnanalyzed(ctx)
		if err != nil || n != len(arts) {
			t.Fatalf("CountUnanalyzed = %d, %v; Unanalyzed gave %d", n, err, len(arts))
		}
		return n
	}
	before := count()
	if err := st.PutAnalysis(ctx, []record.Article{rec}); err != nil {
		t.Fatal(err)
	}
	// Twice: the second replaces the first.
	if err := st.PutAnalysis(ctx, []record.Article{rec}); err != nil {
		t.Fatal(err)
	}
	if after := count(); after != before-1 {
		t.Errorf("unanalysed articles %d → %d, want one fewer", before, after)
	}

	for _, actor := range []string{"RUSGOV", "rus", "dmitry-peskov", "dmitry peskov"} {
		list, err := st.List(ctx, Filter{Actor: actor})
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 1 || list[0].ID != a.ID {
			t.Errorf("List(actor %q) = %d articles, want the analysed one", actor, len(list))
		}
	}
	if err := st.ForgetAnalyses(ctx); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != before {
		t.Errorf("after ForgetAnalyses %d unanalysed, want %d", n, before)
	}
	if err := st.PutAnalysis(ctx, []record.Article{rec}); err != nil {
		t.Fatal(err)
	}
	if list, _ := st.List(ctx, Filter{Actor: "USAGOV"}); len(list) != 0 {
		t.Errorf("List(actor USAGOV) = %d articles, want 0", len(list))
	}

	qs, err := st.Quotes(ctx, QuoteFilter{Speaker: "peskov"})
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 1 || qs[0].Quote.Speaker.Name != "Dmitry Peskov" || qs[0].Context != string(runes[:8]) {
		t.Errorf("Quotes(peskov) = %+v", qs)
	}
	if qs, _ := st.Quotes(ctx, QuoteFilter{Speaker: "USA"}); len(qs) != 0 {
		t.Errorf("Quotes(USA) = %d, want 0", len(qs))
	}

	tests := []struct {
		name string
		f    EventFilter
		want int
	}{
		{"all", EventFilter{}, 1},
		{"source prefix", EventFilter{Source: "RUS"}, 1},
		{"second target", EventFilter{Target: "UKR"}, 1},
		{"wrong source", EventFilter{Source: "USA"}, 0},
		{"root", EventFilter{Root: "03"}, 1},
		{"other root", EventFilter{Root: "14"}, 0},
		{"until before", EventFilter{Until: time.Date(2025, 3, 29, 0, 0, 0, 0, time.UTC)}, 0},
		{"since", EventFilter{Since: time.Date(2025, 3, 30, 0, 0, 0, 0, time.UTC)}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs, err := st.Events(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) != tt.want {
				t.Errorf("Events(%+v) = %d, want %d", tt.f, len(evs), tt.want)
			}
		})
	}
}

func TestPutAnalysisUnknownArticle(t *testing.T) {
	st := openTemp(t)
	err := st.PutAnalysis(context.Background(), []record.Article{record.New("nope", "", "text")})
	if err == nil {
		t.Fatal("PutAnalysis of an article that is not stored: want an error")
	}
}
