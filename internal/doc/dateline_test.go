package doc

import (
	"strings"
	"testing"
)

// TestDateline finds the place of a dateline among the entities.
func TestDateline(t *testing.T) {
	moscow := &Actor{ID: "moscow-rus", Name: "Moscow", Code: "RUS", Country: "RUS", Kind: "city"}
	ny := &Actor{ID: "new-york-usa", Name: "New York", Code: "USA", Country: "USA", Kind: "city"}
	tests := []struct {
		name, text, entity string
		actor              *Actor
		want               string
	}{
		{"comma", "Talks resume\n\nMOSCOW, March 31 (Reuters) - The Kremlin said ...", "MOSCOW", moscow, "MOSCOW"},
		{"dash, two words", "NEW YORK - Stocks fell ...", "NEW YORK", ny, "NEW YORK"},
		{"no dateline", "Moscow said on Monday that talks would resume.", "Moscow", moscow, ""},
		{"capitals without punctuation", "NATO SUMMIT opens today in Moscow.", "Moscow", moscow, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := New("t", tc.text)
			// Words split at spaces, with "," "(" ")" as tokens of their own.
			for i := 0; i < len(tc.text); {
				c := tc.text[i]
				switch {
				case c == ' ' || c == '\n':
					i++
				case strings.IndexByte(",()", c) >= 0:
					d.Tokens = append(d.Tokens, Token{Start: i, End: i + 1, Form: tc.text[i : i+1]})
					i++
				default:
					j := i
					for j < len(tc.text) && strings.IndexByte(" \n,()", tc.text[j]) < 0 {
						j++
					}
					d.Tokens = append(d.Tokens, Token{Start: i, End: j, Form: tc.text[i:j]})
					i = j
				}
			}
			start := strings.Index(tc.text, tc.entity)
			first, last := d.TokenAt(start), d.TokenAt(start+len(tc.entity)-1)+1
			d.Entities = []Entity{{First: first, Last: last, Start: start, End: start + len(tc.entity), Label: "LOC", Actor: tc.actor}}
			e, ok := d.Dateline()
			got := ""
			if ok {
				got = d.Text[e.Start:e.End]
			}
			if got != tc.want {
				t.Errorf("dateline %q, want %q", got, tc.want)
			}
		})
	}
}

// TestPlace prefers the dateline to the home country.
func TestPlace(t *testing.T) {
	home := &Actor{ID: "GBR", Name: "United Kingdom", Code: "GBR", Country: "GBR", Kind: "country"}
	d := New("t", "Police said so.")
	if p, ok := d.Place(); ok {
		t.Errorf("no dateline, no home: Place() = %q", p)
	}
	d.Home = home
	if p, ok := d.Place(); !ok || p != "United Kingdom" {
		t.Errorf("home only: Place() = %q, %v", p, ok)
	}
	d = New("t", "MOSCOW, May 1 - Police said so.")
	d.Home = home
	d.Tokens = []Token{{Start: 0, End: 6, Form: "MOSCOW"}, {Start: 6, End: 7, Form: ","}}
	d.Entities = []Entity{{First: 0, Last: 1, Start: 0, End: 6, Label: "LOC", Actor: &Actor{Name: "Moscow", Code: "RUS", Country: "RUS", Kind: "city"}}}
	if p, ok := d.Place(); !ok || p != "Moscow" {
		t.Errorf("dateline and home: Place() = %q, %v; want Moscow", p, ok)
	}
}
