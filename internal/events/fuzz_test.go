package events

import (
	"testing"
	"unicode/utf8"
)

// FuzzEvents checks the invariants of the event layer on any text: spans
// inside the text, known codes, valid sentence and quote indices, a date.
func FuzzEvents(f *testing.F) {
	for _, s := range []string{
		"Russia threatened to impose sanctions on Georgia.",
		"The UK, France and Ukraine condemned the attack on Monday.",
		`"We will not attack," he said.`,
		"No talks were held between Russia and Ukraine.",
		"Senior Hungarian and Romanian officials agreed to cooperate.",
		"KYIV, March 30 (Dyad Wire) - Police arrested twelve protesters. The government said so.",
	} {
		f.Add(s)
	}
	u := loadUpstream(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) || len(text) > 2000 {
			return
		}
		d := u.analyse(t, text, pub)
		for _, e := range d.Events {
			if _, ok := u.rules.Code(e.CAMEO); !ok {
				t.Errorf("unknown code %q", e.CAMEO)
			}
			if e.Sentence < 0 || e.Sentence >= len(d.Sentences) || e.Quote >= len(d.Quotes) || len(e.Date) != 10 {
				t.Errorf("bad event %+v", e)
			}
			spans := []struct{ Start, End int }{{e.Trigger.Start, e.Trigger.End}}
			for _, a := range append(append(e.Source[:0:0], e.Source...), e.Target...) {
				spans = append(spans, struct{ Start, End int }{a.Start, a.End})
			}
			for _, sp := range spans {
				if sp.Start < 0 || sp.Start >= sp.End || sp.End > len(text) {
					t.Errorf("span %v out of the text (%d bytes)", sp, len(text))
				}
			}
			if len(e.Source) == 0 && len(e.Target) == 0 {
				t.Errorf("event without actors: %+v", e)
			}
		}
	})
}
