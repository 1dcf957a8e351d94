package tokenize

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyad-news/dyad/internal/doc"
)

// render shows the words of d separated by "|" and sentences by " || ".
func render(d *doc.Doc) string {
	var b strings.Builder
	for si := range d.Sentences {
		if si > 0 {
			b.WriteString(" || ")
		}
		for k, w := range d.Words(si) {
			if k > 0 {
				b.WriteByte('|')
			}
			b.WriteString(w)
		}
	}
	return b.String()
}

// renderMulti shows the multiword tokens of d as "don't=do+n't".
func renderMulti(d *doc.Doc) string {
	var parts []string
	for _, m := range d.MultiWords {
		var ws []string
		for i := m.First; i <= m.Last; i++ {
			ws = append(ws, d.Tokens[i].Form)
		}
		parts = append(parts, d.Text[m.Start:m.End]+"="+strings.Join(ws, "+"))
	}
	return strings.Join(parts, " ")
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		lines bool   // Options.LineBreaksEndSentences
		want  string // words "|", sentences " || "
		multi string // multiword tokens, when checked
	}{
		{name: "straight quotes", text: `"We are ready," Peskov said.`,
			want: `"|We|are|ready|,|"|Peskov|said|.`},
		{name: "curly quotes", text: `“We are ready,” he said.`,
			want: `“|We|are|ready|,|”|he|said|.`},
		{name: "curly single quotes", text: `He called it ‘a mistake’, then left.`,
			want: `He|called|it|‘|a|mistake|’|,|then|left|.`},
		{name: "quote ends sentence inside the quotes", text: `"We are ready." He left.`,
			want: `"|We|are|ready|.|" || He|left|.`},
		{name: "quote with comma is one sentence", text: `"We continue working on relations," Peskov stated.`,
			want: `"|We|continue|working|on|relations|,|"|Peskov|stated|.`},
		{name: "question in quotes then lower case", text: `"Are you ready?" he asked.`,
			want: `"|Are|you|ready|?|"|he|asked|.`},
		{name: "curly quote ends sentence", text: `“It is over.” Talks resumed on Monday.`,
			want: `“|It|is|over|.|” || Talks|resumed|on|Monday|.`},
		{name: "em dash", text: `The deal—signed in May—collapsed.`,
			want: `The|deal|—|signed|in|May|—|collapsed|.`},
		{name: "spaced en dash and range", text: `Pages 10–20 – the key part.`,
			want: `Pages|10|–|20|–|the|key|part|.`},
		{name: "ellipsis character", text: `Well… maybe.`,
			want: `Well|…|maybe|.`},
		{name: "three dots end a sentence", text: `He paused... Then he left.`,
			want: `He|paused|... || Then|he|left|.`},
		{name: "titles", text: `Mr. Smith met Mrs. Brown, Dr. Jones and Gen. Petraeus.`,
			want: `Mr.|Smith|met|Mrs.|Brown|,|Dr.|Jones|and|Gen.|Petraeus|.`},
		{name: "political titles and months", text: `Sen. Warren and Rep. Khanna met Gov. Newsom on Jan. 5, Feb. 6 and Sept. 7.`,
			want: `Sen.|Warren|and|Rep.|Khanna|met|Gov.|Newsom|on|Jan.|5|,|Feb.|6|and|Sept.|7|.`},
		{name: "country abbreviations inside", text: `The U.S. and the U.K. agreed.`,
			want: `The|U.S.|and|the|U.K.|agreed|.`},
		{name: "abbreviation ends sentence", text: `He moved to the U.S. He liked it.`,
			want: `He|moved|to|the|U.S|. || He|liked|it|.`},
		{name: "e.g. i.e. etc.", text: `Fruit, e.g. apples, i.e. food, etc. is fine.`,
			want: `Fruit|,|e.g.|apples|,|i.e.|food|,|etc.|is|fine|.`},
		{name: "etc. at the end", text: `They sell apples, pears etc. The shop opens at nine.`,
			want: `They|sell|apples|,|pears|etc|. || The|shop|opens|at|nine|.`},
		{name: "companies", text: `Apple Inc. and Acme Corp. sued Foo Ltd. on Monday.`,
			want: `Apple|Inc.|and|Acme|Corp.|sued|Foo|Ltd.|on|Monday|.`},
		{name: "No. before a number", text: `He is No. 1 in the world. The answer is no. It ended.`,
			want: `He|is|No.|1|in|the|world|. || The|answer|is|no|. || It|ended|.`},
		{name: "initials", text: `J. K. Rowling wrote it.`,
			want: `J.|K.|Rowling|wrote|it|.`},
		{name: "money and percent", text: `Prices rose 3.5% to $1,200.50, or €30 and £4.5bn.`,
			want: `Prices|rose|3.5|%|to|$|1,200.50|,|or|€|30|and|£|4.5|bn|.`},
		{name: "ranges", text: `Between 10-20 people, in 1969-1970.`,
			want: `Between|10|-|20|people|,|in|1969|-|1970|.`},
		{name: "times", text: `It starts at 3:30 p.m. on Friday and 9am Monday.`,
			want: `It|starts|at|3:30|p.m.|on|Friday|and|9|am|Monday|.`},
		{name: "hyphens split except prefixes", text: `A well-known, non-profit, pro-Kremlin group.`,
			want: `A|well|-|known|,|non-profit|,|pro-Kremlin|group|.`},
		{name: "phone number kept", text: `Call 713-853-3989 now.`,
			want: `Call|713-853-3989|now|.`},
		{name: "url", text: `See https://example.com/a?b=1. Then go.`,
			want: `See|https://example.com/a?b=1|. || Then|go|.`},
		{name: "www", text: `Visit www.bbc.co.uk/news, please.`,
			want: `Visit|www.bbc.co.uk/news|,|please|.`},
		{name: "e-mail", text: `Write to jane.doe@example.org.`,
			want: `Write|to|jane.doe@example.org|.`},
		{name: "handles and hashtags", text: `@BBCNews and #Brexit trended.`,
			want: `@BBCNews|and|#Brexit|trended|.`},
		{name: "number sign", text: `He ranked #1 again.`,
			want: `He|ranked|#|1|again|.`},
		{name: "emoticons", text: `Great game :) See you ;-)`,
			want: `Great|game|:)|See|you|;-)`},
		{name: "dateline", text: `MOSCOW (Reuters) - Russia said on Monday it was ready.`,
			want: `MOSCOW|(|Reuters|)|-|Russia|said|on|Monday|it|was|ready|.`},
		{name: "possessive s", text: `Russia's army and Kyiv’s allies.`,
			want: `Russia|'s|army|and|Kyiv|’s|allies|.`, multi: `Russia's=Russia+'s Kyiv’s=Kyiv+’s`},
		{name: "plural possessive", text: `The Beatles' songs.`,
			want: `The|Beatles|'|songs|.`, multi: `Beatles'=Beatles+'`},
		{name: "curly single quotes are not possessives", text: `He called them ‘the Beatles’ and the Beatles’ fans.`,
			want: `He|called|them|‘|the|Beatles|’|and|the|Beatles|’|fans|.`, multi: `Beatles’=Beatles+’`},
		{name: "single quotes are not possessives", text: `He said 'yes' and 'no thanks' twice.`,
			want: `He|said|'|yes|'|and|'|no|thanks|'|twice|.`, multi: ``},
		{name: "negations", text: `They don't know; it won't work and he can't.`,
			want:  `They|do|n't|know|;|it|wo|n't|work|and|he|ca|n't|.`,
			multi: `don't=do+n't won't=wo+n't can't=ca+n't`},
		{name: "pronoun clitics", text: `I'm sure we'll see they're fine, I'd say.`,
			want: `I|'m|sure|we|'ll|see|they|'re|fine|,|I|'d|say|.`},
		{name: "fused forms", text: `You cannot say I'm gonna win.`,
			want: `You|can|not|say|I|'m|gon|na|win|.`, multi: `cannot=can+not I'm=I+'m gonna=gon+na`},
		{name: "apostrophe inside names", text: `O'Brien met O'Neill's aide.`,
			want: `O'Brien|met|O'Neill|'s|aide|.`},
		{name: "decades", text: `In the 1970's and '80s.`,
			want: `In|the|1970's|and|'|80s|.`},
		{name: "exclamation and question runs", text: `Really?! Yes!!! OK.`,
			want: `Really|?! || Yes|!!! || OK|.`},
		{name: "brackets", text: `The party (in power since 2010) lost [again].`,
			want: `The|party|(|in|power|since|2010|)|lost|[|again|]|.`},
		{name: "parenthesis after sentence end", text: `He left. (She stayed.) They met.`,
			want: `He|left|. || (|She|stayed|.|) || They|met|.`},
		{name: "colon and semicolon", text: `Note: rates rose; bonds fell.`,
			want: `Note|:|rates|rose|;|bonds|fell|.`},
		{name: "thousands and decimals", text: `About 14,000 troops and 2.5 million people.`,
			want: `About|14,000|troops|and|2.5|million|people|.`},
		{name: "date with slashes", text: `On 08/16/2000 and/or 9/11.`,
			want: `On|08/16/2000|and|/|or|9/11|.`},
		{name: "paragraphs", text: "First one.\n\nSecond one",
			want: `First|one|. || Second|one`},
		{name: "single line break is whitespace", text: "The talks\nresumed.",
			want: `The|talks|resumed|.`},
		{name: "line mode", text: "The talks\nresumed. Then more\n", lines: true,
			want: `The|talks || resumed|.|Then|more`},
		{name: "empty", text: "", want: ``},
		{name: "only spaces", text: " \n\t\n ", want: ``},
		{name: "mixed scripts", text: "Путин said 你好 to Ahmed.",
			want: `Путин|said|你好|to|Ahmed|.`},
		{name: "non-breaking space", text: "10\u00a0km away.",
			want: `10|km|away|.`},
		{name: "invalid UTF-8 bytes are symbols", text: "ab\xffcd \xfe.",
			want: "ab|\xff|cd|\xfe|."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Tokenize("t", tc.text, Options{LineBreaksEndSentences: tc.lines})
			if got := render(d); got != tc.want {
				t.Errorf("Tokenize(%q)\n got %s\nwant %s", tc.text, got, tc.want)
			}
			if tc.multi != "" || strings.Contains(tc.name, "not possessives") {
				if got := renderMulti(d); got != tc.multi {
					t.Errorf("multiword tokens of %q\n got %s\nwant %s", tc.text, got, tc.multi)
				}
			}
			checkInvariants(t, d)
		})
	}
}

func TestParagraphs(t *testing.T) {
	text := "Title line\n\nFirst para. Still first.\r\n\r\n\r\nSecond para.\n\u2029Third."
	d := Tokenize("p", text, Options{})
	var got []int
	for _, s := range d.Sentences {
		got = append(got, s.Paragraph)
	}
	want := []int{0, 1, 1, 2, 3}
	if len(got) != len(want) {
		t.Fatalf("paragraphs %v, want %v (%s)", got, want, render(d))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("paragraphs %v, want %v (%s)", got, want, render(d))
		}
	}
}

func TestSpaceAfterAndOffsets(t *testing.T) {
	text := `He said: "Don't."`
	d := Tokenize("s", text, Options{})
	type tok struct {
		form  string
		start int
		space bool
	}
	want := []tok{{"He", 0, true}, {"said", 3, false}, {":", 7, true}, {`"`, 9, false},
		{"Do", 10, false}, {"n't", 12, false}, {".", 15, false}, {`"`, 16, true}}
	if len(d.Tokens) != len(want) {
		t.Fatalf("got %s", render(d))
	}
	for i, w := range want {
		tk := d.Tokens[i]
		if tk.Form != w.form || tk.Start != w.start || tk.SpaceAfter != w.space || tk.Head != -1 {
			t.Errorf("token %d = %+v, want %+v", i, tk, w)
		}
	}
	if !d.Has(doc.LayerTokens) || !d.Has(doc.LayerSentences) {
		t.Errorf("layers not marked: %v", d.Layers())
	}
}

func TestEmbeddedData(t *testing.T) {
	if len(badDataLines) > 0 {
		t.Errorf("malformed lines in embedded lists: %q", badDataLines)
	}
	if splitter == nil {
		t.Fatal("data/splitter.bin did not load; retrain with -train-splitter")
	}
	for _, w := range []string{"Mr.", "Sept.", "etc.", "Inc.", "CORP."} {
		if !isListedAbbrev(w) {
			t.Errorf("%q is not a listed abbreviation", w)
		}
	}
}

// TestRobustness feeds inputs that have broken tokenisers: they must not
// panic, must keep the invariants, and must not take quadratic time.
func TestRobustness(t *testing.T) {
	long := strings.Repeat("word ", 5000)
	inputs := map[string]string{
		"long sentence":      long,
		"long word":          strings.Repeat("a", 200000),
		"plus chain":         strings.Repeat("a+", 100000) + "@x",
		"dot chain":          strings.Repeat("a.", 100000),
		"hyphen chain":       strings.Repeat("a-", 100000),
		"quotes":             strings.Repeat(`"' `, 30000),
		"abbreviations":      strings.Repeat("Mr. ", 30000),
		"control characters": "a\x00b\x01c\x1fd\x7f e\u200bf \u202e.",
		"invalid":            "\xff\xfe\xc3\x28\xe2\x82\xf0\x9f\x98",
		"urls":               strings.Repeat("http://x.y/", 20000),
		"emails":             strings.Repeat("a@b.c", 20000),
		"lines":              strings.Repeat("x\n", 50000),
		"apostrophes":        strings.Repeat("'s", 50000),
	}
	for name, text := range inputs {
		for _, lines := range []bool{false, true} {
			d := Tokenize(name, text, Options{LineBreaksEndSentences: lines})
			checkInvariants(t, d)
		}
	}
}

// checkInvariants verifies what every Doc from Tokenize guarantees.
func checkInvariants(t *testing.T, d *doc.Doc) {
	t.Helper()
	text := d.Text
	valid := utf8.ValidString(text)
	prevEnd := 0
	inMulti := make([]bool, len(d.Tokens))
	prevMulti := -1
	for _, m := range d.MultiWords {
		if m.First <= prevMulti || m.First > m.Last || m.Last >= len(d.Tokens) {
			t.Fatalf("bad multiword token %+v", m)
		}
		prevMulti = m.Last
		if m.Start != d.Tokens[m.First].Start || m.End != d.Tokens[m.Last].End {
			t.Fatalf("multiword %+v does not cover its words", m)
		}
		for i := m.First; i <= m.Last; i++ {
			inMulti[i] = true
		}
	}
	for i, tk := range d.Tokens {
		if tk.Start < prevEnd || tk.End <= tk.Start || tk.End > len(text) {
			t.Fatalf("token %d %+v: offsets out of order or range (previous end %d, text %d bytes)", i, tk, prevEnd, len(text))
		}
		if gap := text[prevEnd:tk.Start]; strings.TrimFunc(gap, isSpace) != "" {
			t.Fatalf("text %q before token %d is not whitespace: every other character must be in a token", gap, i)
		}
		prevEnd = tk.End
		if text[tk.Start:tk.End] != tk.Form {
			t.Fatalf("token %d: form %q != text %q", i, tk.Form, text[tk.Start:tk.End])
		}
		if valid && !utf8.RuneStart(text[tk.Start]) {
			t.Fatalf("token %d starts inside a rune", i)
		}
		if tk.Head != -1 {
			t.Fatalf("token %d has head %d", i, tk.Head)
		}
		if strings.ContainsAny(tk.Form, " \t\n\r") {
			t.Fatalf("token %d %q contains whitespace", i, tk.Form)
		}
	}
	if gap := text[prevEnd:]; strings.TrimFunc(gap, isSpace) != "" {
		t.Fatalf("text %q after the last token is not whitespace", gap)
	}
	next := 0
	for si, s := range d.Sentences {
		if s.First != next || s.Last <= s.First || s.Last > len(d.Tokens) {
			t.Fatalf("sentence %d %+v does not follow token %d", si, s, next)
		}
		if s.Start != d.Tokens[s.First].Start || s.End != d.Tokens[s.Last-1].End {
			t.Fatalf("sentence %d span %d:%d does not match its tokens", si, s.Start, s.End)
		}
		for i := s.First; i < s.Last; i++ {
			if d.Tokens[i].Sentence != si {
				t.Fatalf("token %d has sentence %d, want %d", i, d.Tokens[i].Sentence, si)
			}
		}
		if si > 0 && s.Paragraph < d.Sentences[si-1].Paragraph {
			t.Fatalf("paragraph numbers decrease at sentence %d", si)
		}
		next = s.Last
	}
	if next != len(d.Tokens) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(d.Tokens))
	}
	for _, m := range d.MultiWords {
		if d.Tokens[m.First].Sentence != d.Tokens[m.Last].Sentence {
			t.Fatalf("multiword token %+v crosses a sentence boundary", m)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		`"We are ready." He left.`, "Mr. Smith's U.S. trip cost $1,200.50 (3%).",
		"don't\n\nwon't gonna", "http://x.com/a. a@b.c @x #y :)", "\xff\xfe a-b-c 10-20 9/11",
		"‘’“”…—–", "The Beatles' 'songs'", "O'Neill's", "+44 20",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, lines bool) {
		d := Tokenize("fuzz", text, Options{LineBreaksEndSentences: lines})
		checkInvariants(t, d)
	})
}

func TestLines(t *testing.T) {
	wrapped := "The ministers met in Vienna on Monday and agreed that the talks\n" +
		"would resume next week, a spokesman said. He added that the\n" +
		"delegations had made progress on the question of sanctions\n" +
		"relief.\n"
	paragraphs := "Talks resume in Vienna\n" +
		"The ministers met on Monday. They agreed to meet again.\n" +
		"A spokesman said progress had been made.\n" +
		"Sanctions remain\n"
	tests := []struct {
		name  string
		text  string
		lines Lines
		want  []string // the sentences' words joined by spaces
	}{
		{"soft joins lines", paragraphs, LinesSoft, []string{
			"Talks resume in Vienna The ministers met on Monday .",
			"They agreed to meet again .",
			"A spokesman said progress had been made .",
			"Sanctions remain"}},
		{"end splits at lines and inside them", paragraphs, LinesEnd, []string{
			"Talks resume in Vienna",
			"The ministers met on Monday .",
			"They agreed to meet again .",
			"A spokesman said progress had been made .",
			"Sanctions remain"}},
		{"auto reads paragraph lines as ends", paragraphs, LinesAuto, []string{
			"Talks resume in Vienna",
			"The ministers met on Monday .",
			"They agreed to meet again .",
			"A spokesman said progress had been made .",
			"Sanctions remain"}},
		{"auto reads wrapped text as soft", wrapped, LinesAuto, []string{
			"The ministers met in Vienna on Monday and agreed that the talks would resume next week , a spokesman said .",
			"He added that the delegations had made progress on the question of sanctions relief ."}},
		{"end breaks wrapped text", wrapped, LinesEnd, []string{
			"The ministers met in Vienna on Monday and agreed that the talks",
			"would resume next week , a spokesman said .",
			"He added that the",
			"delegations had made progress on the question of sanctions",
			"relief ."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Tokenize("t", tc.text, Options{Lines: tc.lines})
			var got []string
			for i := range d.Sentences {
				got = append(got, strings.Join(d.Words(i), " "))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("sentences\n got %q\nwant %q", got, tc.want)
			}
			checkInvariants(t, d)
		})
	}
}

func TestWrapped(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"", false},
		{"one line only, in lower case\n", false},
		{"a\nb\nc\n", false}, // two breaks between lines are too little evidence
		{"The talks\nwould resume\nnext week\nin Vienna.\n", true},
		{"Talks resume.\nMinisters met.\nThey agreed.\nNo deal yet\n", false},
		{"Headline without a stop\nFirst paragraph here.\nSecond one here.\nthird begins in lower case\n", false},
		{"the talks\n\nwould resume\n\nnext week\n\nin Vienna\n", false}, // blank lines: paragraphs, not wraps
		{"The talks\r\nwould resume\r\nnext week\r\nin Vienna.\r\n", true},
	}
	for _, tc := range tests {
		if got := Wrapped(tc.text); got != tc.want {
			t.Errorf("Wrapped(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
