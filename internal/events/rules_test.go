package events

import (
	"errors"
	"testing"
	"testing/fstest"
)

func TestLoadRulesErrors(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		line       int
		sentinel   error
	}{
		{"bad code", "111 criticize\n9x9 condemn\n", 2, ErrSyntax},
		{"unknown code", "# comment\n\n999 condemn\n", 3, ErrUnknownCode},
		{"unknown condition", "111 criticize with:x\n", 1, ErrSyntax},
		{"frame without prep marker", "frame intent agree to\n", 1, ErrSyntax},
		{"derive to unknown code", "derive intent 04=999 *=030\n", 1, ErrUnknownCode},
		{"frame without derive", "frame wish hope\n", 1, ErrSyntax},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"rules.txt": {Data: []byte(tt.text)}}
			_, err := LoadRules(fsys, "rules.txt")
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a *ParseError", err)
			}
			if pe.File != "rules.txt" || pe.Line != tt.line || !errors.Is(err, tt.sentinel) {
				t.Errorf("err = %v (file %s line %d), want line %d wrapping %v", err, pe.File, pe.Line, tt.line, tt.sentinel)
			}
		})
	}
}

func TestDefaultRules(t *testing.T) {
	rs, err := DefaultRules()
	if err != nil {
		t.Fatal(err)
	}
	roots := map[string]bool{}
	for _, c := range rs.Codes() {
		roots[c[:2]] = true
	}
	if len(roots) != 20 {
		t.Errorf("code table has %d roots, want 20", len(roots))
	}
	// Every root is reachable from some verb or noun rule.
	covered := map[string]bool{}
	for _, rules := range []map[string][]*Rule{rs.verbs, rs.nouns} {
		for _, list := range rules {
			for _, r := range list {
				covered[r.Code[:2]] = true
			}
		}
	}
	for r := range roots {
		if !covered[r] {
			t.Errorf("no rule codes root %s", r)
		}
	}
	for _, tt := range []struct {
		code, plover, mode, context string
		quad                        int
		goldstein                   float64
	}{
		{"0311", "AGREE", "", "economic", 1, 5.2},
		{"042", "CONSULT", "visit", "", 1, 1.9},
		{"1312", "THREATEN", "restrict", "economic", 3, -5.8},
		{"080", "CONCEDE", "", "", 2, 5.0},
		{"0874", "RETREAT", "disarm", "military", 2, 10.0},
		{"163", "COERCE", "restrict", "diplomatic", 4, -8.0},
		{"1213", "REJECT", "assist", "legal", 3, -4.0},
		{"020", "", "", "", 1, 3.0},
	} {
		c, ok := rs.Code(tt.code)
		if !ok {
			t.Errorf("code %s missing", tt.code)
			continue
		}
		if c.Plover != tt.plover || c.Mode != tt.mode || c.Context != tt.context || c.Quad != tt.quad || c.Goldstein != tt.goldstein {
			t.Errorf("%s = %+v, want %s/%s/%s quad %d Goldstein %v", tt.code, c, tt.plover, tt.mode, tt.context, tt.quad, tt.goldstein)
		}
	}
}

func TestNoEventRule(t *testing.T) {
	fsys := fstest.MapFS{"rules.txt": {Data: []byte("190 hit\n--- hit obj:target\n")}}
	rs, err := LoadRules(fsys, "rules.txt")
	if err != nil {
		t.Fatal(err)
	}
	if rules := rs.verbs["hit"]; len(rules) != 2 || rules[1].Code != NoEvent || rules[1].specificity() <= rules[0].specificity() {
		t.Errorf("rules for hit: %+v", rules)
	}
}

func TestDerive(t *testing.T) {
	rs, err := DefaultRules()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ kind, inner, want string }{
		{"intent", "0331", "030"},  // neither 0331 nor 033 is listed: the root 03 entry
		{"intent", "073", "0333"},  // "agreed to send food" → intent to give humanitarian aid
		{"intent", "061", "0311"},  // intent to cooperate economically
		{"threat", "163", "1312"},  // threaten sanctions
		{"threat", "194", "1384"},  // threaten conventional attack
		{"refuse", "0841", "1243"}, // refuse to release
		{"demand", "0871", "107"},  // demand a ceasefire
		{"appeal", "046", "026"},   // appeal to negotiate
		{"demand", "*", "100"},
	} {
		got, ok := rs.Derive(tt.kind, tt.inner)
		if !ok || got != tt.want {
			t.Errorf("Derive(%s, %s) = %s, %v; want %s", tt.kind, tt.inner, got, ok, tt.want)
		}
	}
	if _, ok := rs.Derive("wish", "04"); ok {
		t.Error("Derive with an unknown kind reported true")
	}
}

func TestInflections(t *testing.T) {
	for _, tt := range []struct {
		lemma string
		want  []string
	}{
		{"blame", []string{"blamed", "blames", "blaming"}},
		{"shell", []string{"shelled", "shelling"}},
		{"ban", []string{"banned", "banning"}},
		{"deny", []string{"denied", "denies"}},
		{"attack", []string{"attacked", "attacking"}},
	} {
		got := map[string]bool{}
		for _, f := range inflections(tt.lemma) {
			got[f] = true
		}
		for _, w := range tt.want {
			if !got[w] {
				t.Errorf("inflections(%s) lacks %s: %v", tt.lemma, w, inflections(tt.lemma))
			}
		}
	}
}
