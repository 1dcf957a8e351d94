package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/dyad-news/dyad/internal/doc"
)

func stage(name string, needs, sets []doc.Layer, fn func(*doc.Doc) error) Stage {
	return Func{StageName: name, Needs: needs, Sets: sets, Fn: func(_ context.Context, d *doc.Doc) error {
		if fn != nil {
			return fn(d)
		}
		return nil
	}}
}

func TestNewOrder(t *testing.T) {
	tok := stage("tokenize", nil, []doc.Layer{doc.LayerTokens, doc.LayerSentences}, nil)
	tag := stage("tag", []doc.Layer{doc.LayerTokens}, []doc.Layer{doc.LayerPOS}, nil)
	parse := stage("parse", []doc.Layer{doc.LayerPOS}, []doc.Layer{doc.LayerDeps}, nil)
	tests := []struct {
		name    string
		stages  []Stage
		wantErr string
	}{
		{"in order", []Stage{tok, tag, parse}, ""},
		{"parse before tag", []Stage{tok, parse, tag}, `stage parse requires layer "pos", which stage tag assigns later: move tag before parse`},
		{"no tagger", []Stage{tok, parse}, `stage parse requires layer "pos" but no stage assigns it`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.stages...)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("New: %v", err)
				}
				return
			}
			var oe *OrderError
			if !errors.As(err, &oe) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("New error = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestRunMarksLayersAndRecovers(t *testing.T) {
	tok := stage("tokenize", nil, []doc.Layer{doc.LayerTokens}, nil)
	boom := stage("boom", []doc.Layer{doc.LayerTokens}, []doc.Layer{doc.LayerPOS}, func(d *doc.Doc) error {
		var m map[string]int
		m["x"] = 1 // panics: nil map
		return nil
	})
	p, err := New(tok, boom)
	if err != nil {
		t.Fatal(err)
	}
	d := doc.New("d1", "text")
	err = p.Run(context.Background(), d)
	var se *StageError
	if !errors.As(err, &se) || se.Stage != "boom" || se.DocID != "d1" {
		t.Fatalf("Run error = %v, want a StageError from boom for d1", err)
	}
	if !d.Has(doc.LayerTokens) || d.Has(doc.LayerPOS) {
		t.Errorf("layers = %v, want tokens only", d.Layers())
	}
}

// TestRunBatchIsRunPerDocument checks that RunBatch gives every document the
// layers, order of stages and error that Run gives it.
func TestRunBatchIsRunPerDocument(t *testing.T) {
	var trace []string
	tok := stage("tokenize", nil, []doc.Layer{doc.LayerTokens}, func(d *doc.Doc) error {
		trace = append(trace, "tokenize "+d.ID)
		return nil
	})
	tag := stage("tag", []doc.Layer{doc.LayerTokens}, []doc.Layer{doc.LayerPOS}, func(d *doc.Doc) error {
		trace = append(trace, "tag "+d.ID)
		if d.ID == "bad" {
			return errors.New("no words")
		}
		return nil
	})
	parse := stage("parse", []doc.Layer{doc.LayerPOS}, []doc.Layer{doc.LayerDeps}, func(d *doc.Doc) error {
		trace = append(trace, "parse "+d.ID)
		if d.ID == "boom" {
			var m map[string]int
			m["x"] = 1 // panics: nil map
		}
		return nil
	})
	p, err := New(tok, tag, parse)
	if err != nil {
		t.Fatal(err)
	}
	ids := []string{"a", "bad", "boom", "b"}
	var docs []*doc.Doc
	for _, id := range ids {
		docs = append(docs, doc.New(id, "text"))
	}
	errs := p.RunBatch(context.Background(), docs)
	wantTrace := "tokenize a,tokenize bad,tokenize boom,tokenize b,tag a,tag bad,tag boom,tag b,parse a,parse boom,parse b"
	if got := strings.Join(trace, ","); got != wantTrace {
		t.Errorf("stages ran as\n%s\nwant\n%s", got, wantTrace)
	}
	for i, id := range ids {
		single := doc.New(id, "text")
		wantErr := p.Run(context.Background(), single)
		if (errs[i] == nil) != (wantErr == nil) || errs[i] != nil && errs[i].Error() != wantErr.Error() {
			t.Errorf("%s: RunBatch error %v, Run error %v", id, errs[i], wantErr)
		}
		if got, want := docs[i].Layers(), single.Layers(); strings.Join(layerNames(got), ",") != strings.Join(layerNames(want), ",") {
			t.Errorf("%s: RunBatch layers %v, Run layers %v", id, got, want)
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for i, err := range p.RunBatch(ctx, []*doc.Doc{doc.New("c", "text")}) {
		if !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled batch: error %d = %v, want context.Canceled", i, err)
		}
	}
}

func layerNames(ls []doc.Layer) []string {
	var out []string
	for _, l := range ls {
		out = append(out, string(l))
	}
	return out
}
