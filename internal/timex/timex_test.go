package timex

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func day(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// render gives the canonical form compared in tests: text|TYPE|value, with
// a trailing "?" when the expression is not anchored.
func render(es []Expr) []string {
	out := make([]string, 0, len(es))
	for _, e := range es {
		s := e.Text + "|" + string(e.Type) + "|" + e.Value
		if !e.Anchored {
			s += "?"
		}
		out = append(out, s)
	}
	return out
}

func TestFind(t *testing.T) {
	// 2025-03-31 is a Monday; 2025-04-02 a Wednesday.
	tests := []struct {
		name  string
		text  string
		ref   string
		tense Tense
		want  []string
	}{
		// Weekdays and tense.
		{"past weekday on publication day", "The minister said on Monday that talks had failed.", "2025-03-31", Unknown,
			[]string{"Monday|DATE|2025-03-31"}},
		{"past weekday", "The minister said on Monday that talks had failed.", "2025-04-02", Unknown,
			[]string{"Monday|DATE|2025-03-31"}},
		{"future weekday", "He will travel to Paris on Friday.", "2025-03-31", Unknown,
			[]string{"Friday|DATE|2025-04-04"}},
		{"present due to meet", "The committee is due to meet on Monday.", "2025-04-02", Unknown,
			[]string{"Monday|DATE|2025-04-07"}},
		{"present tense given", "The committee is due to meet on Monday.", "2025-04-02", Present,
			[]string{"Monday|DATE|2025-04-07"}},
		{"past tense given overrides cues", "Talks will resume on Thursday.", "2025-04-02", Past,
			[]string{"Thursday|DATE|2025-03-27"}},
		{"last and next weekday on a Monday", "They met last Monday and meet again next Monday.", "2025-03-31", Unknown,
			[]string{"last Monday|DATE|2025-03-24", "next Monday|DATE|2025-04-07"}},
		{"weekday part of day", "Shots were fired on Friday night.", "2025-03-31", Unknown,
			[]string{"Friday night|TIME|2025-03-28TNI"}},
		{"weekday with date", "The vote took place on Friday, March 28.", "2025-03-31", Unknown,
			[]string{"Friday, March 28|DATE|2025-03-28"}},
		{"past cue is -ed verb", "Police said the attack happened on Sunday.", "2025-04-02", Unknown,
			[]string{"Sunday|DATE|2025-03-30"}},
		{"expected to is future", "Talks are expected to resume on Friday.", "2025-03-31", Unknown,
			[]string{"Friday|DATE|2025-04-04"}},
		{"reported future", "The minister said the summit would open on Thursday.", "2025-03-31", Unknown,
			[]string{"Thursday|DATE|2025-04-03"}},
		{"weekday across new year", "The protest began on Monday.", "2025-01-01", Unknown,
			[]string{"Monday|DATE|2024-12-30"}},

		// Deictic words.
		{"yesterday today tomorrow", "Yesterday was calm, today is tense and tomorrow may be worse.", "2025-03-31", Unknown,
			[]string{"Yesterday|DATE|2025-03-30", "today|DATE|2025-03-31", "tomorrow|DATE|2025-04-01"}},
		{"tonight", "The president will speak tonight.", "2025-03-31", Unknown,
			[]string{"tonight|TIME|2025-03-31TNI"}},
		{"this morning last night", "Rockets hit the city last night and again this morning.", "2025-03-31", Unknown,
			[]string{"last night|TIME|2025-03-30TNI", "this morning|TIME|2025-03-31TMO"}},
		{"now", "The talks are now in their third week.", "2025-03-31", Unknown,
			[]string{"now|DATE|PRESENT_REF"}},

		// Relative periods.
		{"weeks and months", "Sales fell last week, rose this week and will rise next month.", "2025-03-31", Unknown,
			[]string{"last week|DATE|2025-W13", "this week|DATE|2025-W14", "next month|DATE|2025-04"}},
		{"last month over new year", "Prices rose last month.", "2025-01-10", Unknown,
			[]string{"last month|DATE|2024-12"}},
		{"last week over new year", "Prices rose last week.", "2025-01-01", Unknown,
			[]string{"last week|DATE|2024-W52"}},
		{"earlier this year", "The law was passed earlier this year.", "2025-03-31", Unknown,
			[]string{"earlier this year|DATE|2025"}},
		{"last and next year", "Exports fell last year and will recover next year.", "2025-03-31", Unknown,
			[]string{"last year|DATE|2024", "next year|DATE|2026"}},
		{"year range", "The plan covers 2025-2030, after the 1990-95 boom.", "2025-03-31", Unknown,
			[]string{"2025|DATE|2025", "2030|DATE|2030"}},
		{"in a year", "The war began in 2022.", "2025-03-31", Unknown,
			[]string{"2022|DATE|2022"}},

		// Months without a year.
		{"in March past", "Prices rose sharply in March.", "2025-03-31", Unknown,
			[]string{"March|DATE|2025-03"}},
		{"in December written in January", "The deal was signed in December.", "2025-01-15", Unknown,
			[]string{"December|DATE|2024-12"}},
		{"in December past tense given", "The deal was signed in December.", "2025-01-15", Past,
			[]string{"December|DATE|2024-12"}},
		{"in March future tense given", "The law takes effect in March.", "2025-04-10", Future,
			[]string{"March|DATE|2026-03"}},
		{"in March future guessed far", "The law will take effect in March.", "2025-08-10", Unknown,
			[]string{"March|DATE|2026-03"}},
		{"last November", "Voters went to the polls last November.", "2025-03-31", Unknown,
			[]string{"last November|DATE|2024-11"}},
		{"month last year", "Output fell in June last year.", "2025-03-31", Unknown,
			[]string{"June last year|DATE|2024-06"}},

		// Explicit dates.
		{"US long date", "The treaty was signed on March 31, 2025.", "2025-04-02", Unknown,
			[]string{"March 31, 2025|DATE|2025-03-31"}},
		{"British long date", "The treaty was signed on 31 March 2025.", "2025-04-02", Unknown,
			[]string{"31 March 2025|DATE|2025-03-31"}},
		{"month day", "The treaty was signed on March 31.", "2025-04-02", Unknown,
			[]string{"March 31|DATE|2025-03-31"}},
		{"abbreviated month", "The deadline is Mar. 31.", "2025-03-20", Unknown,
			[]string{"Mar. 31|DATE|2025-03-31"}},
		{"ISO date", "Filed 2025-03-31 in Geneva.", "2025-04-02", Unknown,
			[]string{"2025-03-31|DATE|2025-03-31"}},
		{"US slashes", "Filed 3/31/2025 in Geneva.", "2025-04-02", Unknown,
			[]string{"3/31/2025|DATE|2025-03-31"}},
		{"ordinal of month", "Elections are set for the 4th of July.", "2025-03-31", Unknown,
			[]string{"4th of July|DATE|2025-07-04"}},
		{"month and year", "The plant closed in May 2023.", "2025-03-31", Unknown,
			[]string{"May 2023|DATE|2023-05"}},
		{"month day across year end", "The election is on January 5.", "2024-12-20", Unknown,
			[]string{"January 5|DATE|2025-01-05"}},
		{"invalid February 30", "It was dated February 30, 2025.", "2025-03-31", Unknown,
			[]string{"2025|DATE|2025"}},
		{"invalid April 31", "Due on April 31.", "2025-03-31", Unknown,
			nil},
		{"leap day", "Born on February 29, 2024.", "2025-03-31", Unknown,
			[]string{"February 29, 2024|DATE|2024-02-29"}},
		{"invalid ISO", "Logged 2025-02-30 by mistake.", "2025-03-31", Unknown,
			nil},

		// Counted relative dates.
		{"days ago", "He arrived two days ago.", "2025-03-31", Unknown,
			[]string{"two days ago|DATE|2025-03-29"}},
		{"years ago", "The dam was built 40 years ago.", "2025-03-31", Unknown,
			[]string{"40 years ago|DATE|1985"}},
		{"weeks later", "Fighting broke out on March 3. Three weeks later a truce was signed.", "2025-03-31", Unknown,
			[]string{"March 3|DATE|2025-03-03", "Three weeks later|DATE|2025-03-24"}},

		// Decades, centuries, seasons, quarters, weeks.
		{"decades", "Growth in the 1990s outpaced the '80s.", "2025-03-31", Unknown,
			[]string{"the 1990s|DATE|199", "the '80s|DATE|198"}},
		{"century", "It was built in the 19th century.", "2025-03-31", Unknown,
			[]string{"the 19th century|DATE|18"}},
		{"seasons", "Troops left last summer and will return this autumn.", "2025-03-31", Unknown,
			[]string{"last summer|DATE|2024-SU", "this autumn|DATE|2025-FA"}},
		{"season of year", "Talks collapsed in the winter of 2019.", "2025-03-31", Unknown,
			[]string{"the winter of 2019|DATE|2019-WI"}},
		{"quarter code", "Revenue in Q3 2024 beat forecasts.", "2025-03-31", Unknown,
			[]string{"Q3 2024|DATE|2024-Q3"}},
		{"third quarter past", "Profit rose in the third quarter.", "2025-10-20", Unknown,
			[]string{"the third quarter|DATE|2025-Q3"}},
		{"hyphenated quarter", "Third-quarter profit doubled.", "2025-10-20", Unknown,
			[]string{"Third-quarter|DATE|2025-Q3"}},
		{"first half", "Sales grew in the first half of 2024.", "2025-03-31", Unknown,
			[]string{"the first half of 2024|DATE|2024-H1"}},
		{"ISO week", "Deliveries resume in 2025-W14.", "2025-03-31", Unknown,
			[]string{"2025-W14|DATE|2025-W14"}},

		// Holidays.
		{"holidays", "Shops shut on Christmas Day and reopen after Easter Sunday.", "2025-03-31", Unknown,
			[]string{"Christmas Day|DATE|2024-12-25", "Easter Sunday|DATE|2025-04-20"}},
		{"holiday with year", "Sales fell over Christmas 2024.", "2025-03-31", Unknown,
			[]string{"Christmas 2024|DATE|2024-12-25"}},
		{"thanksgiving", "The family will meet at Thanksgiving.", "2025-10-01", Unknown,
			[]string{"Thanksgiving|DATE|2025-11-27"}},

		// Times of day.
		{"clock time", "The blast happened at 3:30 p.m. near the port.", "2025-03-31", Unknown,
			[]string{"3:30 p.m.|TIME|2025-03-31T15:30"}},
		{"clock with day", "Polls will close at 9 a.m. Tuesday.", "2025-03-31", Unknown,
			[]string{"9 a.m. Tuesday|TIME|2025-04-01T09:00"}},
		{"noon and midnight", "Talks ran from noon to midnight.", "2025-03-31", Unknown,
			[]string{"noon|TIME|2025-03-31T12:00", "midnight|TIME|2025-03-31T24:00"}},
		{"24 hour UTC", "The launch is set for 18:00 UTC.", "2025-03-31", Unknown,
			[]string{"18:00 UTC|TIME|2025-03-31T18:00Z"}},

		// Durations and sets.
		{"durations", "He served for three years and spent 24 hours in custody.", "2025-03-31", Unknown,
			[]string{"three years|DURATION|P3Y", "24 hours|DURATION|PT24H"}},
		{"vague and hyphenated durations", "After several months of talks, a two-year deal was signed.", "2025-03-31", Unknown,
			[]string{"several months|DURATION|PXM", "two-year|DURATION|P2Y"}},
		{"past N years", "Over the past three years, exports doubled.", "2025-03-31", Unknown,
			[]string{"the past three years|DURATION|P3Y"}},
		{"half", "The hearing lasted two and a half hours.", "2025-03-31", Unknown,
			[]string{"two and a half hours|DURATION|PT2H30M"}},
		{"fraction after unit", "Talks lasted a year and a half.", "2025-03-31", Unknown,
			[]string{"a year and a half|DURATION|P1Y6M"}},
		{"ISO duration", "A term of P3Y applies.", "2025-03-31", Unknown,
			[]string{"P3Y|DURATION|P3Y"}},
		{"sets", "The council meets every Monday and publishes figures daily, twice a year in full.", "2025-03-31", Unknown,
			[]string{"every Monday|SET|XXXX-WXX-1", "daily|SET|P1D", "twice a year|SET|P1Y"}},
		{"ages are not durations", "The 45-year-old and a man aged 30 years old were held.", "2025-03-31", Unknown,
			nil},

		// No reference date.
		{"unanchored", "On Monday, officials said last year was the worst since March 31, 2025.", "", Unknown,
			[]string{"Monday|DATE|XXXX-WXX-1?", "last year|DATE|XXXX?", "March 31, 2025|DATE|2025-03-31"}},
		{"unanchored month day", "The vote is on March 31.", "", Unknown,
			[]string{"March 31|DATE|XXXX-03-31?"}},

		// Things that are not time expressions.
		{"modal may", "Prices may rise, and protesters march on.", "2025-03-31", Unknown, nil},
		{"counts are not years", "About 2000 people and 1500 troops took part.", "2025-03-31", Unknown, nil},
		{"fall is not a season", "A fall in prices hit exporters.", "2025-03-31", Unknown, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := render(Find(tc.text, day(tc.ref), tc.tense))
			if diff := cmp.Diff(tc.want, got, cmp.Comparer(func(a, b []string) bool {
				return strings.Join(a, "\n") == strings.Join(b, "\n")
			})); diff != "" {
				t.Errorf("Find(%q, %s) mismatch (-want +got):\n%s", tc.text, tc.ref, diff)
			}
		})
	}
}

func TestDay(t *testing.T) {
	ref := day("2025-03-31")
	tests := []struct {
		text      string
		want      string // YYYY-MM-DD precision, or "" when not ok
		precision string
	}{
		{"They met on Friday.", "2025-03-28", "day"},
		{"They met last week.", "2025-03-24", "week"},
		{"They met in March.", "2025-03-01", "month"},
		{"They met in the third quarter of 2024.", "2024-07-01", "quarter"},
		{"They met in 2022.", "2022-01-01", "year"},
		{"They met in the 1990s.", "1990-01-01", "decade"},
		{"They met last summer.", "2024-06-01", "season"},
		{"They met at 3:30 p.m.", "2025-03-31", "day"},
		{"They meet this weekend.", "2025-04-05", "weekend"},
		{"They are meeting now.", "2025-03-31", "day"},
		{"They met for three years.", "", ""},
		{"They meet every Monday.", "", ""},
		{"They met recently.", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			es := Find(tc.text, ref, Unknown)
			if len(es) != 1 {
				t.Fatalf("Find(%q) = %v, want one expression", tc.text, render(es))
			}
			d, prec, ok := es[0].Day()
			if tc.want == "" {
				if ok {
					t.Errorf("Day() of %s = %s %s, want not ok", es[0].Value, d.Format("2006-01-02"), prec)
				}
				return
			}
			if !ok || d.Format("2006-01-02") != tc.want || prec != tc.precision {
				t.Errorf("Day() of %s = %s %s %v, want %s %s", es[0].Value, d.Format("2006-01-02"), prec, ok, tc.want, tc.precision)
			}
		})
	}
	// An unanchored expression has no day.
	es := Find("They met on Monday.", time.Time{}, Unknown)
	if len(es) != 1 {
		t.Fatalf("got %v", render(es))
	}
	if _, _, ok := es[0].Day(); ok {
		t.Errorf("Day() of unanchored %s is ok", es[0].Value)
	}
}

func TestOffsets(t *testing.T) {
	text := "Über 3 Tage — on Monday, the minister said…\nLast week’s vote, held 31 März? No: 31 March 2025."
	for _, e := range Find(text, day("2025-04-02"), Unknown) {
		if e.Start < 0 || e.End > len(text) || e.Start >= e.End || text[e.Start:e.End] != e.Text {
			t.Errorf("bad offsets %d-%d for %q", e.Start, e.End, e.Text)
		}
	}
	got := render(Find(text, day("2025-04-02"), Unknown))
	want := []string{"Monday|DATE|2025-03-31", "Last week|DATE|2025-W13", "31 March 2025|DATE|2025-03-31"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"On Monday, March 31, 2025 at 3:30 p.m. the talks began.",
		"two and a half years ago", "the '90s", "2025-W14-WE", "3/31/25", "P3Y", "1990s-era",
		"Q3 2024 and the first half of 1989", "every other week", "at 12 o'clock", "Mar.", "May",
		"nineteen ninety-six", "the year-earlier period", "'", "-", "5 1/2 hours", "31.03.2025",
	} {
		f.Add(s, int64(0))
		f.Add(s, int64(1743379200))
	}
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		var ref time.Time
		if unix != 0 {
			ref = time.Unix(unix%(1<<33), 0).UTC()
		}
		prevEnd := 0
		for _, e := range Find(text, ref, Unknown) {
			if e.Start < prevEnd || e.End > len(text) || e.Start >= e.End {
				t.Fatalf("bad offsets %d-%d (prev end %d, len %d)", e.Start, e.End, prevEnd, len(text))
			}
			if text[e.Start:e.End] != e.Text {
				t.Fatalf("Text %q != slice %q", e.Text, text[e.Start:e.End])
			}
			if e.Value == "" || e.Type == "" {
				t.Fatalf("empty value or type for %q", e.Text)
			}
			e.Day()
			prevEnd = e.End
		}
	})
}
