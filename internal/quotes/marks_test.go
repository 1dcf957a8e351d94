package quotes

import (
	"strings"
	"testing"
)

func TestPairs(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // inner text of each quotation; "+" marks a paragraph continuation
	}{
		{"straight", `"We continue," he said. "No date yet."`, []string{"We continue,", "No date yet."}},
		{"curly", `“We continue,” he said.`, []string{"We continue,"}},
		{"nested single quotes stay inside", `"He said 'no' to me," she said.`, []string{"He said 'no' to me,"}},
		{"nested curly single", `“He said ‘no’ to me,” she said.`, []string{"He said ‘no’ to me,"}},
		{"apostrophes are not quotes", `Russia’s view isn’t the Kremlin’s, officials said.`, nil},
		{"double apostrophes as quotation marks", `''We are not shy,'' Mr. Smith said.`, []string{"We are not shy,"}},
		{"single curly headline", `Kasich: ‘We Are Going All The Way’`, []string{"We Are Going All The Way"}},
		{"inch mark after a digit is not an opening", `A 12" screen, he said, "is enough."`, []string{"is enough."}},
		{"quote over a paragraph break", "\"We have no secrets.\n\n\"Nothing has changed.\"", []string{"We have no secrets.", "+Nothing has changed."}},
		{"unclosed at the end of a paragraph", "\"We have no secrets.\n\nHe left.", []string{"We have no secrets."}},
		{"straight single quotes", `Reid: 'Never underestimate Trump.'`, []string{"Never underestimate Trump."}},
		{"straight apostrophes", `In the '90s the voters' mood was calm, he said.`, nil},
		{"reversed curly typo", `“It's unusual,“ said Larry Noble.`, []string{"It's unusual,"}},
		{"empty quotes dropped", `He said "" and left.`, nil},
		{"quote inside a quote with double marks", `“He told me “no” yesterday,” she said.`, []string{"He told me “no” yesterday,"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range pairs(tt.text, paragraphs(tt.text)) {
				s := tt.text[p.Open.End:p.Close.Start]
				if p.Cont {
					s = "+" + s
				}
				got = append(got, s)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("pairs(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestVerbLemma(t *testing.T) {
	tests := []struct {
		form, lemma string
		want        string
		ok          bool
	}{
		{"said", "", "say", true},
		{"told", "tell", "tell", true},
		{"clarified", "", "clarify", true},
		{"admitted", "", "admit", true},
		{"insisting", "", "insist", true},
		{"notes", "", "note", true},
		{"warned", "", "warn", true},
		{"urges", "", "urge", true},
		{"vowed", "", "vow", true},
		{"stressed", "", "stress", true},
		{"denies", "", "deny", true},
		{"trashing", "", "trash", true},
		{"believes", "", "believe", true},
		{"walked", "", "", false},
		{"eats", "eat", "", false},
	}
	for _, tt := range tests {
		got, _, ok := verbLemma(tt.form, tt.lemma)
		if got != tt.want || ok != tt.ok {
			t.Errorf("verbLemma(%q, %q) = %q, %v; want %q, %v", tt.form, tt.lemma, got, ok, tt.want, tt.ok)
		}
	}
}

func TestReportingLexicon(t *testing.T) {
	// The list of reporting verbs, and verbs that report only in
	// context, must all be known.
	for _, v := range strings.Fields("say tell add state clarify insist note warn remark suggest claim deny announce confirm argue explain stress urge vow believe hope describe call") {
		if _, ok := reportingVerbs[v]; !ok {
			t.Errorf("reporting verb %q missing", v)
		}
	}
	for _, n := range strings.Fields("statement remarks comments claim warning") {
		if nounLemma(n, "") == "" {
			t.Errorf("reporting noun %q missing", n)
		}
	}
	if nounLemma("table", "table") != "" {
		t.Error(`"table" taken for a reporting noun`)
	}
}
