package quotes_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/dyad-news/dyad/internal/doc"
	"github.com/dyad-news/dyad/internal/quotes"
)

// want describes one expected quotation. Content is matched exactly;
// Speaker is the mention text; Name must contain NameHas ("" skips the
// check).
type want struct {
	Content  string
	Kind     string
	Cue      string
	Speaker  string
	NameHas  string
	To       string
	Fragment bool
}

func render(d *doc.Doc, q doc.Quote) want {
	return want{Content: d.Slice(q.Span), Kind: q.Kind, Cue: d.Slice(q.Cue), Speaker: d.Slice(q.Speaker),
		NameHas: q.Name, To: d.Slice(q.To), Fragment: q.Fragment}
}

func run(t *testing.T, text string) *doc.Doc {
	t.Helper()
	d := annotate(t, text, "2025-03-30")
	if err := quotes.New().Apply(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// find returns the quotation whose content is c.
func find(d *doc.Doc, c string) (doc.Quote, bool) {
	for _, q := range d.Quotes {
		if d.Slice(q.Span) == c {
			return q, true
		}
	}
	return doc.Quote{}, false
}

func TestQuotes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
		none []string // content that must not come out as a quotation
	}{
		{
			name: "direct, cue after",
			text: `"We continue working with our American colleagues," Peskov told reporters on Monday.`,
			want: []want{{Content: "We continue working with our American colleagues,", Kind: "direct", Cue: "told", Speaker: "Peskov", NameHas: "Peskov", To: "reporters"}},
		},
		{
			name: "direct, inverted cue",
			text: `"The talks were useful," said Dmitry Peskov, the Kremlin spokesman.`,
			want: []want{{Content: "The talks were useful,", Kind: "direct", Cue: "said", Speaker: "Dmitry Peskov", NameHas: "Peskov"}},
		},
		{
			name: "direct, cue before with a colon",
			text: `Foreign Minister Sergei Lavrov said: "We are ready for dialogue with Washington."`,
			want: []want{{Content: "We are ready for dialogue with Washington.", Kind: "direct", Cue: "said", Speaker: "Foreign Minister Sergei Lavrov", NameHas: "Lavrov"}},
		},
		{
			name: "split quote is one quotation",
			text: `"The first part is settled," Peskov said. "The second part is not."`,
			want: []want{{Content: `The first part is settled," Peskov said. "The second part is not.`, Kind: "direct", Cue: "said", Speaker: "Peskov", NameHas: "Peskov"}},
		},
		{
			name: "speaker named two sentences earlier",
			text: "Kremlin spokesman Dmitry Peskov spoke in Moscow on Monday. The meeting lasted two hours.\n\n\"We have not set a date,\" he told the BBC.",
			want: []want{{Content: "We have not set a date,", Kind: "direct", Cue: "told", Speaker: "he", NameHas: "Peskov", To: "the BBC"}},
		},
		{
			name: "quote-only paragraph continues the speaker",
			text: "\"We have no secrets from our partners,\" Peskov said.\n\n\"Nothing has changed in our position.\"",
			want: []want{
				{Content: "We have no secrets from our partners,", Kind: "direct", Cue: "said", Speaker: "Peskov", NameHas: "Peskov"},
				{Content: "Nothing has changed in our position.", Kind: "direct", Speaker: "Peskov", NameHas: "Peskov"},
			},
		},
		{
			name: "quote over a paragraph break",
			text: "Peskov said: \"We have no secrets from our partners.\n\n\"The dialogue continues.\"",
			want: []want{{Content: "We have no secrets from our partners.\n\n\"The dialogue continues.", Kind: "direct", Cue: "said", Speaker: "Peskov", NameHas: "Peskov"}},
		},
		{
			name: "partial quote inside reported speech",
			text: `Lavrov said on Tuesday that America's view now "largely coincides with our vision."`,
			want: []want{{Content: `that America's view now "largely coincides with our vision."`, Kind: "mixed", Cue: "said", Speaker: "Lavrov", NameHas: "Lavrov"}},
		},
		{
			name: "quoted word pinned on someone",
			text: `President Donald Trump attacked the senator on Friday, trashing him as "disrespectful".`,
			want: []want{{Content: `him as "disrespectful"`, Kind: "mixed", Cue: "trashing", Speaker: "President Donald Trump", NameHas: "Trump", Fragment: true}},
		},
		{
			name: "indirect with that",
			text: `Peskov clarified that no talks with Washington were scheduled.`,
			want: []want{{Content: "that no talks with Washington were scheduled", Kind: "indirect", Cue: "clarified", Speaker: "Peskov", NameHas: "Peskov"}},
		},
		{
			name: "indirect with further and a pronoun",
			text: "President Donald Trump spoke to reporters at the White House. He further warned that he would impose new tariffs on Russian oil.",
			want: []want{{Content: "that he would impose new tariffs on Russian oil", Kind: "indirect", Cue: "warned", Speaker: "He", NameHas: "Trump"}},
		},
		{
			name: "indirect without that",
			text: `The minister said the sanctions would stay in place until next year.`,
			want: []want{{Content: "the sanctions would stay in place until next year", Kind: "indirect", Cue: "said", Speaker: "The minister"}},
		},
		{
			name: "reported clause before the verb",
			text: `Talks will resume in Geneva next week, the Kremlin said.`,
			want: []want{{Content: "Talks will resume in Geneva next week", Kind: "indirect", Cue: "said", Speaker: "the Kremlin", NameHas: "Kremlin"}},
		},
		{
			name: "according to",
			text: `The delegation will arrive in Riyadh on Sunday, according to the Russian Foreign Ministry.`,
			want: []want{{Content: "The delegation will arrive in Riyadh on Sunday", Kind: "indirect", Cue: "according to", Speaker: "the Russian Foreign Ministry"}},
		},
		{
			name: "reporting noun",
			text: `The ministry's statement that the border would stay closed surprised the traders.`,
			want: []want{{Content: "that the border would stay closed", Kind: "indirect", Cue: "statement", Speaker: "The ministry"}},
		},
		{
			name: "two speakers alternating",
			text: "\"Will the sanctions stay?\" Senator Mary Collins asked.\n\n\"They will stay until the war ends,\" Secretary Tom Baker replied.\n\n\"That is not good enough,\" Collins said.",
			want: []want{
				{Content: "Will the sanctions stay?", Kind: "direct", Cue: "asked", Speaker: "Senator Mary Collins", NameHas: "Collins"},
				{Content: "They will stay until the war ends,", Kind: "direct", Cue: "replied", Speaker: "Secretary Tom Baker", NameHas: "Baker"},
				{Content: "That is not good enough,", Kind: "direct", Cue: "said", Speaker: "Collins", NameHas: "Collins"},
			},
		},
		{
			name: "quote inside a quote",
			text: `"He told me 'we will never give up Crimea' and walked out," Peskov said.`,
			want: []want{{Content: "He told me 'we will never give up Crimea' and walked out,", Kind: "direct", Cue: "said", Speaker: "Peskov", NameHas: "Peskov"}},
			none: []string{"we will never give up Crimea"},
		},
		{
			name: "headline with a colon quote",
			text: "Kremlin: \"We continue working with the US\"\n\nMoscow is ready for new talks.",
			want: []want{{Content: "We continue working with the US", Kind: "direct", Cue: ":", Speaker: "Kremlin", NameHas: "Kremlin"}},
		},
		{
			name: "titles and scare quotes are not speech",
			text: `The film "War and Peace" was shown at the festival. The so-called "peace plan" was published by the newspaper on Monday.`,
			none: []string{"War and Peace", "peace plan"},
		},
		{
			name: "headline quoting its speaker in part, names after the colon are not the speaker",
			text: "Baker: Farmer Groups Won’t Be at Summit, Lane Was ‘Mocking’ Union Camp.\n\nThe senator spoke on Sunday.",
			want: []want{{Content: "Farmer Groups Won’t Be at Summit, Lane Was ‘Mocking’ Union Camp", Kind: "mixed", Cue: ":", Speaker: "Baker", NameHas: "Baker"}},
		},
		{
			name: "a speaker the entity tagger missed, named in full later",
			text: "Pence: Farmer Groups Won’t Be at Summit, Lane Was ‘Mocking’ Union Camp.\n\nGovernor Mike Pence spoke in Indianapolis on Sunday.",
			want: []want{{Content: "Farmer Groups Won’t Be at Summit, Lane Was ‘Mocking’ Union Camp", Kind: "mixed", Cue: ":", Speaker: "Pence", NameHas: "Mike Pence"}},
		},
		{
			name: "relative pronoun speaks for its antecedent",
			text: `The campaign was led by the Farmers Union of Wessex, which believes the tax will ruin small farms.`,
			want: []want{{Content: "the tax will ruin small farms", Kind: "indirect", Cue: "believes", Speaker: "which", NameHas: "Farmers Union of Wessex"}},
		},
		{
			name: "who after a comma, in a clause the parse may not see as relative",
			text: `Her claims were denied by Defence Secretary Tom Baker, who accused the Liberals of "hiding" from the debate. The charges were denied by Mayor Ann Weller, who said the council had done nothing wrong.`,
			want: []want{
				{Content: `the Liberals of "hiding" from the debate`, Kind: "mixed", Cue: "accused", Speaker: "who", NameHas: "Tom Baker", Fragment: true},
				{Content: "the council had done nothing wrong", Kind: "indirect", Cue: "said", Speaker: "who", NameHas: "Ann Weller"},
			},
			none: []string{"Her claims were denied by Defence Secretary Tom Baker"},
		},
		{
			name: "a headline after a colon is a title",
			text: `A photograph of the minister ran in the Daily Courier under the headline: "Minister in a muddle." Mr Lane acknowledged the paper's apology on Friday.`,
			none: []string{"Minister in a muddle."},
		},
		{
			name: "a quotation closed by a full stop takes no cue from the next sentence",
			text: `Protesters carried a long banner past the ministry. "We will not be moved." Ms Okafor confirmed the march on Friday.`,
			none: []string{"We will not be moved."},
		},
		{
			name: "a quotation closed by a full stop keeps a tight cue",
			text: `The talks broke down late on Sunday. "We are ready to talk again." Okafor said.`,
			want: []want{{Content: "We are ready to talk again.", Kind: "direct", Cue: "said", Speaker: "Okafor", NameHas: "Okafor"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := run(t, tt.text)
			var got []string
			for _, q := range d.Quotes {
				got = append(got, d.Slice(q.Span))
			}
			for _, w := range tt.want {
				q, ok := find(d, w.Content)
				if !ok {
					t.Errorf("quotation %q not found; got %q", w.Content, got)
					continue
				}
				g := render(d, q)
				if g.Kind != w.Kind || g.Cue != w.Cue || g.Speaker != w.Speaker || g.To != w.To || g.Fragment != w.Fragment ||
					w.NameHas != "" && !strings.Contains(g.NameHas, w.NameHas) {
					t.Errorf("quotation %q:\n got %+v\nwant %+v", w.Content, g, w)
				}
			}
			if len(tt.want) > 0 && len(d.Quotes) != len(tt.want) {
				t.Errorf("got %d quotations %q, want %d", len(d.Quotes), got, len(tt.want))
			}
			for _, n := range tt.none {
				for _, q := range d.Quotes {
					if strings.Contains(d.Slice(q.Span), n) && d.Slice(q.Span) != "" && !strings.Contains(tt.text, "\""+d.Slice(q.Span)) {
						continue
					}
					if d.Slice(q.Span) == n || strings.HasPrefix(d.Slice(q.Span), n) && len(d.Slice(q.Span)) < len(n)+3 {
						t.Errorf("%q taken for a quotation", n)
					}
				}
			}
		})
	}
}

func TestApplyNeedsLayers(t *testing.T) {
	d := doc.New("x", "Peskov said so.")
	err := quotes.New().Apply(context.Background(), d)
	var me *doc.MissingLayerError
	if !errors.As(err, &me) {
		t.Fatalf("Apply without layers = %v, want a *doc.MissingLayerError", err)
	}
}

// TestOddText checks that broken or degenerate quotation marks neither
// panic nor produce quotations outside the text.
func TestOddText(t *testing.T) {
	for _, text := range []string{
		"", "\"", "“”", "'''", "\"\"\"", "He said: \"", "\"Unclosed\n\n\"Next one,\" he said.",
		"“ “ ” ”", "‘’‘", "''Yes,'' he said ''", "\"A\" \"B\" \"C\"", "According to", "He said that",
	} {
		d := run(t, text)
		for _, q := range d.Quotes {
			if q.Start < 0 || q.End > len(text) || q.Start > q.End || q.Speaker.End > len(text) || q.Cue.End > len(text) {
				t.Errorf("%q: quotation %+v out of the text", text, q)
			}
		}
	}
}
