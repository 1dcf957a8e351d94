package timex

import (
	"strconv"
	"strings"
	"sync"
	"time"
)

// Type is the TimeML type of a time expression.
type Type string

// The TIMEX3 types.
const (
	Date     Type = "DATE"     // a calendar period: "Monday", "March 2025", "last year"
	Time     Type = "TIME"     // a time of day: "3:30 p.m.", "this morning"
	Duration Type = "DURATION" // a length of time: "three years", "P3Y"
	Set      Type = "SET"      // a recurring time: "every Monday", "daily"
)

// Expr is one time expression found in a text.
type Expr struct {
	Start, End int    // byte offsets into the text given to Find
	Text       string // the text between Start and End
	Type       Type   // DATE, TIME, DURATION or SET
	// Value is the TIMEX3 value: "2025-03-31", "2025-03", "2025", "2025-W14",
	// "2025-Q3", "2025-SU", "199" (the 1990s), "PRESENT_REF", "P3Y",
	// "2025-03-31T15:30", "2025-03-31TMO", "XXXX-03", "XXXX-WXX-1", ...
	Value string
	// Anchored is false when the expression is relative and there was no
	// reference date to resolve it against; Value then holds X placeholders.
	Anchored bool
	// Ref is the reference (publication) date Find resolved against, at
	// midnight UTC; zero when none was given. Day uses it for PRESENT_REF.
	Ref time.Time
}

// Tense is the tense of the sentence an expression occurs in; it decides
// which way a bare "Monday" or "in March" points from the reference date.
type Tense int

// The tenses Find understands.
const (
	Unknown Tense = iota // let Find guess from nearby words
	Past
	Present
	Future
)

// String returns the tense's name.
func (t Tense) String() string {
	switch t {
	case Past:
		return "past"
	case Present:
		return "present"
	case Future:
		return "future"
	}
	return "unknown"
}

var tokPool = sync.Pool{New: func() any { b := make([]tok, 0, 256); return &b }}

// Find returns the time expressions of text in order, normalised against
// ref, the publication date of the text. A zero ref means the date is not
// known: relative expressions ("Monday", "last year") are then returned with
// Anchored false and X placeholders in Value. tense is the tense of the
// sentence(s) when the caller knows it; with Unknown, Find guesses it for
// each expression from nearby words (will, due to, said, was, -ed, ...).
//
// Expressions such as "three weeks later" or "a year earlier" are resolved
// against the last date Find met before them in the same text, so passing a
// whole article resolves them better than passing its sentences one by one.
func Find(text string, ref time.Time, tense Tense) []Expr {
	bp := tokPool.Get().(*[]tok)
	toks := scanTokens(text, *bp)
	s := scanner{text: text, toks: toks, tense: tense}
	if !ref.IsZero() {
		s.hasRef = true
		s.ref = time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)
	}
	var out []Expr
	for i := 0; i < len(toks); {
		m, ok := s.matchAt(i)
		if !ok {
			i++
			continue
		}
		st, en := toks[i].s, toks[m.end-1].e
		e := Expr{Start: st, End: en, Text: text[st:en], Type: m.typ, Value: m.val, Anchored: m.anchored}
		if s.hasRef {
			e.Ref = s.ref
		}
		out = append(out, e)
		s.remember(m)
		i = m.end
	}
	*bp = toks[:0]
	tokPool.Put(bp)
	return out
}

// Day returns the calendar day an expression denotes, or the first day of
// the coarser period it denotes, with the precision of Value: "day", "week",
// "month", "quarter", "half", "season", "year", "decade" or "century"
// (a TIME gives its day with precision "day"; PRESENT_REF gives the
// reference date). ok is false for durations, sets, unanchored values and
// vague references such as PAST_REF.
func (e Expr) Day() (day time.Time, precision string, ok bool) {
	if e.Type == Duration || e.Type == Set || !e.Anchored {
		return time.Time{}, "", false
	}
	return parseValueDay(e.Value, e.Ref)
}

// parseValueDay turns a TIMEX3 date value into the first day it denotes.
func parseValueDay(v string, ref time.Time) (time.Time, string, bool) {
	if v == "PRESENT_REF" {
		if ref.IsZero() {
			return time.Time{}, "", false
		}
		return ref, "day", true
	}
	if len(v) < 2 || !isDigit(v[0]) {
		return time.Time{}, "", false
	}
	if i := strings.IndexByte(v, 'T'); i >= 0 {
		v = v[:i]
	}
	atoi := func(s string) (int, bool) {
		n, err := strconv.Atoi(s)
		return n, err == nil
	}
	mk := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	switch {
	case len(v) == 2: // century "19" = 1900s
		if n, ok := atoi(v); ok {
			return mk(n*100, 1, 1), "century", true
		}
		return time.Time{}, "", false
	case len(v) == 3: // decade "199"
		if n, ok := atoi(v); ok {
			return mk(n*10, 1, 1), "decade", true
		}
		return time.Time{}, "", false
	case len(v) < 4:
		return time.Time{}, "", false
	}
	y, ok := atoi(v[:4])
	if !ok {
		return time.Time{}, "", false
	}
	rest := v[4:]
	switch {
	case rest == "":
		return mk(y, 1, 1), "year", true
	case len(rest) == 3 && rest[0] == '-' && isDigit(rest[1]) && isDigit(rest[2]):
		m, _ := atoi(rest[1:])
		return mk(y, m, 1), "month", true
	case len(rest) == 6 && rest[0] == '-' && rest[3] == '-':
		m, ok1 := atoi(rest[1:3])
		d, ok2 := atoi(rest[4:6])
		if ok1 && ok2 {
			return mk(y, m, d), "day", true
		}
	case strings.HasPrefix(rest, "-W") && len(rest) >= 4:
		w, ok := atoi(rest[2:4])
		if !ok {
			return time.Time{}, "", false
		}
		t := isoWeekStart(y, w)
		if strings.HasSuffix(rest, "-WE") {
			return t.AddDate(0, 0, 5), "weekend", true
		}
		return t, "week", true
	case len(rest) == 3 && rest[1] == 'Q':
		q, ok := atoi(rest[2:])
		if ok {
			return mk(y, 3*q-2, 1), "quarter", true
		}
	case len(rest) == 3 && rest[1] == 'H':
		h, ok := atoi(rest[2:])
		if ok {
			return mk(y, 6*h-5, 1), "half", true
		}
	case len(rest) == 3:
		for _, s := range seasons {
			if s.code == rest[1:] {
				return mk(y, s.month, 1), "season", true
			}
		}
	}
	return time.Time{}, "", false
}

// isoWeekStart returns the Monday of ISO week w of year y.
func isoWeekStart(y, w int) time.Time {
	jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
	wd := int(jan4.Weekday()+6) % 7 // Monday 0
	return jan4.AddDate(0, 0, -wd+7*(w-1))
}

func formatNum(n float64) string { return strconv.FormatFloat(n, 'f', -1, 64) }
