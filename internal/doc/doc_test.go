package doc

import (
	"testing"
	"unicode/utf8"
)

func TestCodePoints(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"ascii", "Peskov said talks continue."},
		{"accents", "Zelenskyy met Macron at the Élysée on “Monday”."},
		{"mixed scripts", "Путин said 停火 is 🙂 fine."},
		{"invalid utf8", "a\xffb\xfe\xfdc é"},
		{"empty", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewCodePoints(tt.text)
			for b := 0; b <= len(tt.text); b++ {
				if b < len(tt.text) && !utf8.RuneStart(tt.text[b]) { // offsets fall on rune starts only
					continue
				}
				want := utf8.RuneCountInString(tt.text[:b])
				if got := c.Offset(b); got != want {
					t.Errorf("Offset(%d) = %d, want %d", b, got, want)
				}
			}
		})
	}
}

func TestRequire(t *testing.T) {
	d := New("x", "text")
	if err := d.Require("parse", LayerPOS); err == nil {
		t.Fatal("Require on an empty doc: want an error")
	}
	d.Mark(LayerPOS)
	if err := d.Require("parse", LayerPOS); err != nil {
		t.Fatalf("Require after Mark: %v", err)
	}
}

func TestTokenAt(t *testing.T) {
	d := New("x", "ab cd")
	d.Tokens = []Token{{Start: 0, End: 2, Form: "ab"}, {Start: 3, End: 5, Form: "cd"}}
	for off, want := range map[int]int{0: 0, 1: 0, 2: -1, 3: 1, 4: 1, 5: -1} {
		if got := d.TokenAt(off); got != want {
			t.Errorf("TokenAt(%d) = %d, want %d", off, got, want)
		}
	}
}
