// Package timex finds time expressions in news text and normalises them to
// TimeML TIMEX3 values against the article's publication date, so that an
// event reported "on Monday" gets a calendar date.
//
// It recognises weekdays ("on Monday", "last Friday night"), deictic words
// ("yesterday", "tonight", "now"), relative periods ("last week", "next
// month", "earlier this year"), explicit dates in the common news forms
// ("March 31, 2025", "31 March 2025", "Mar. 31", "2025-03-31", "3/31/2025"),
// months and years ("in March", "in 2022", "June last year"), counted dates
// ("two days ago", "three weeks later"), decades, centuries, seasons,
// quarters and halves ("Q3", "the third quarter", "the first half of 2024"),
// ISO weeks ("2025-W14"), clock times ("3:30 p.m.", "noon", "18:00 UTC"),
// durations ("for three years", "a two-year deal", "P3Y") and sets ("every
// Monday", "daily", "twice a year").
//
// A bare weekday or month is resolved by the tense of its sentence: in a
// past-tense sentence "on Monday" is the latest Monday up to the
// publication date (the publication day itself when it is a Monday, as wire
// copy names the current day by its weekday), in a future or present-tense
// one ("is due to meet on Monday") the first Monday from the publication
// date on; with no cue at all a weekday is taken to be in the past, as most
// news reports are. When the caller does not
// know the tense, Find guesses it from the nearest cue word in the sentence
// (will, due to, expected to, said, was, -ed verbs, is, says); a guessed
// tense moves a named month or date away from the nearest candidate only
// when that one lies more than about three months the other way.
//
// Find is a single pass of a hand-written scanner over words with small
// lookup tables: no regular expressions and no backtracking, so it can run
// over every sentence of every article (tens of thousands of sentences per
// second on one core; see BenchmarkFind).
//
// Example:
//
//	ref := time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC) // a Monday
//	for _, e := range timex.Find("The minister said on Friday that talks will resume next week.", ref, timex.Unknown) {
//		day, precision, _ := e.Day()
//		fmt.Println(e.Text, e.Type, e.Value, day.Format("2006-01-02"), precision)
//	}
//	// Output:
//	// Friday DATE 2025-03-28 2025-03-28 day
//	// next week DATE 2025-W15 2025-04-07 week
//
// Figures: TestTempEvalFigures measures span and value F1 on TempEval-3
// TimeBank/AQUAINT and on MEANTIME when ../shared/data is present
// (go test ./internal/timex -run TestTempEvalFigures -v).
package timex
