package timex

import (
	"strconv"
	"strings"
	"time"
)

// scanner holds the state of one Find call.
type scanner struct {
	text   string
	toks   []tok
	ref    time.Time
	hasRef bool
	tense  Tense
	last   period // the last anchored date met, for "three weeks later"
	lastQ  period // the last quarter met, for "a year earlier" in results
	lower  int8   // cached allLower: 0 unknown, 1 yes, -1 no
}

// match is one recognised expression: tokens [start, end).
type match struct {
	end      int
	typ      Type
	val      string
	anchored bool
	p        period // the resolved date, when there is one
	det      bool   // a preceding "the" belongs to the expression
	quarter  bool   // a named quarter, the anchor of "a year earlier"
}

func (s *scanner) wordAt(k int) string {
	if k < 0 || k >= len(s.toks) || s.toks[k].k != kWord {
		return ""
	}
	return s.toks[k].low
}

func (s *scanner) punctAt(k int, p string) bool {
	return k >= 0 && k < len(s.toks) && s.toks[k].k == kPunct && s.toks[k].low == p
}

// adjacent reports whether token k starts where token k-1 ends.
func (s *scanner) adjacent(k int) bool {
	return k > 0 && k < len(s.toks) && s.toks[k].s == s.toks[k-1].e
}

// hyphenAt reports whether tokens k-1, k, k+1 are "a-b" written together.
func (s *scanner) hyphenAt(k int) bool {
	return s.punctAt(k, "-") && s.adjacent(k) && s.adjacent(k+1)
}

// remember records a match as the anchor of later relative expressions.
func (s *scanner) remember(m match) {
	if (m.typ != Date && m.typ != Time) || !m.anchored || m.p.g == gNone {
		return
	}
	s.last = m.p
	if m.quarter {
		s.lastQ = m.p
	}
}

// dir returns which way an expression at tokens [i, j) points: -1 past,
// +1 future (present counts as future: "is due to meet on Monday"), 0 unknown.
func (s *scanner) dir(i, j int) int {
	t := s.tense
	if t == Unknown {
		t = s.guessTense(i, j)
	}
	switch t {
	case Past:
		return -1
	case Present, Future:
		return 1
	}
	return 0
}

// dateYear picks the year of a yearless month (d == 0) or month-day at
// tokens [i, j). A tense given by the caller is followed strictly ("in
// March" in a past-tense sentence is the last March up to the reference).
// A guessed tense only overrides the nearest candidate when that one lies
// more than about three months the other way: wire copy often names a date
// days ahead in a past-tense sentence ("must return by Jan. 14").
func (s *scanner) dateYear(i, j, mo, d int) int {
	byMonth := d == 0
	if d == 0 {
		d = 1
	}
	if s.tense != Unknown {
		return pickYear(s.ref, mo, d, s.dir(i, j), false, byMonth)
	}
	y := pickYear(s.ref, mo, d, 0, false, byMonth)
	t := s.guessTense(i, j)
	dir := 0
	switch t {
	case Past:
		dir = -1
	case Present, Future:
		dir = 1
	}
	if dir == 0 {
		return y
	}

	dd := d
	if !dayOK(y, mo, dd) {
		dd = daysIn(y, mo)
	}
	days := date(y, mo, dd).Sub(s.ref).Hours() / 24
	if byMonth {
		days = float64((y*12+mo)-(s.ref.Year()*12+int(s.ref.Month()))) * 30.5
	}
	limit := float64(dateOverride)
	if byMonth {
		limit = float64(monthOverride) * 30.5
	}
	if dir < 0 && days >= limit || dir > 0 && days <= -limit {
		return pickYear(s.ref, mo, d, dir, false, byMonth)
	}
	return y
}

// How far the nearest candidate of a named date (days) or month (months)
// may lie against a guessed tense before the tense wins.
var (
	closeCue      = 4
	dateOverride  = 92
	monthOverride = 3
)

func dateMatch(end int, typ Type, p period) match {
	return match{end: end, typ: typ, val: p.String(), anchored: true, p: p}
}

func refMatch(end int, val string, anchored bool) match {
	return match{end: end, typ: Date, val: val, anchored: anchored}
}

// matchAt returns the longest expression starting at token i.
func (s *scanner) matchAt(i int) (match, bool) {
	t := &s.toks[i]
	if t.k == kPunct && t.low != "'" && t.low != "$" {
		return match{}, false
	}
	best, ok := s.core(i)
	// Modifiers that keep the value: "early", "late", "mid-", "earlier",
	// "later", "the end of", "the beginning of", ...
	if j := s.prefix(i); j > i && j < len(s.toks) {
		if m, ok2 := s.periodOfRef(j); ok2 && (!ok || m.end > best.end) {
			best, ok = m, true
		}
		if m, ok2 := s.core(j); ok2 && (m.typ == Date || m.typ == Time) && m.val != "PAST_REF" && m.val != "FUTURE_REF" {
			if !ok || m.end > best.end {
				best, ok = m, true
			}
		}
	}
	return best, ok
}

// periodOfRef handles "the year", "the month", "the week" after a prefix
// ("the end of the year", "earlier in the month"): the current period.
func (s *scanner) periodOfRef(j int) (match, bool) {
	if s.wordAt(j) != "the" {
		return match{}, false
	}
	u, ok := units[s.wordAt(j+1)]
	if !ok || (u != uYear && u != uMonth && u != uWeek && u != uDay) {
		return match{}, false
	}
	if !s.hasRef {
		return match{end: j + 2, typ: Date, val: unanchoredValue(unitGran(u))}, true
	}
	return dateMatch(j+2, Date, periodOf(s.ref, unitGran(u))), true
}

// prefix skips modifiers that do not change a date's value.
func (s *scanner) prefix(i int) int {
	switch s.wordAt(i) {
	case "early", "late", "earlier", "later", "mid", "middle":
		j := i + 1
		if s.hyphenAt(j) {
			j++
		}
		if s.wordAt(i) == "later" || s.wordAt(i) == "earlier" {
			if s.wordAt(j) == "in" && s.wordAt(j+1) == "the" {
				return j + 1
			}
		}
		return j
	case "the":
		switch s.wordAt(i + 1) {
		case "end", "beginning", "start", "middle", "turn", "rest", "remainder", "close":
			if s.wordAt(i+2) == "of" {
				return i + 3
			}
		}
	}
	return i
}

// core dispatches on the first token of a possible expression.
func (s *scanner) core(i int) (match, bool) {
	t := &s.toks[i]
	switch t.k {
	case kNum:
		return s.numeric(i)
	case kPunct:
		if t.low == "'" && i+1 < len(s.toks) && s.adjacent(i+1) && s.toks[i+1].k == kNum {
			return s.shortYear(i)
		}
		return match{}, false
	}
	w := t.low
	if _, ok := months[w]; ok {
		if m, ok := s.monthExpr(i); ok {
			return m, true
		}
	}
	if _, ok := weekdays[w]; ok {
		return s.weekdayExpr(i, 0, false)
	}
	if wd, ok := weekdaysPlural[w]; ok && t.cap {
		return match{end: i + 1, typ: Set, val: "XXXX-WXX-" + strconv.Itoa(wd), anchored: true}, true
	}
	switch w {
	case "today", "yesterday", "tomorrow", "tonight":
		return s.deictic(i)
	case "the":
		return s.theExpr(i)
	case "this", "last", "next", "past", "previous", "coming", "following", "current", "latest", "present":
		if m, ok := s.relative(i, false); ok {
			return m, true
		}
	case "every", "each", "once", "twice", "per":
		return s.setExpr(i)
	case "noon", "midnight", "midday":
		return s.clockWord(i)
	case "fiscal":
		return s.fiscal(i)
	case "right":
		if s.wordAt(i+1) == "now" {
			return refMatch(i+2, "PRESENT_REF", s.hasRef), true
		}
	case "at":
		switch {
		case s.wordAt(i+1) == "present":
			return refMatch(i+2, "PRESENT_REF", s.hasRef), true
		case s.wordAt(i+1) == "the" && s.wordAt(i+2) == "moment":
			return refMatch(i+3, "PRESENT_REF", s.hasRef), true
		}
		return match{}, false
	case "these":
		if s.wordAt(i+1) == "days" {
			return refMatch(i+2, "PRESENT_REF", s.hasRef), true
		}
	case "nineteen":
		if m, ok := s.spokenYear(i); ok {
			return m, true
		}
	case "recent":
		return s.refWord(i, "PAST_REF")
	}
	if m, ok := s.holiday(i); ok {
		return m, true
	}
	if v, ok := setAdverbs[w]; ok {
		return match{end: i + 1, typ: Set, val: v, anchored: true}, true
	}
	if m, ok := s.count(i); ok {
		return m, true
	}
	if m, ok := s.quarterExpr(i); ok {
		return m, true
	}
	if _, ok := seasons[w]; ok {
		return s.seasonExpr(i, 0, false)
	}
	if _, ok := units[w]; ok {
		return s.bareUnit(i)
	}
	if v, ok := refWords[w]; ok {
		return s.refWord(i, v)
	}
	if len(w) >= 3 && (w[0] == 'p' || w[0] == 'q' || w[0] == 'h' || w[0] == 'f') {
		return s.codeWord(i)
	}
	return match{}, false
}

// refWord handles "now", "currently", "recently", "soon", "future", ...
func (s *scanner) refWord(i int, v string) (match, bool) {
	w := s.wordAt(i)
	next := s.wordAt(i + 1)
	switch w {
	case "current":
		switch next {
		case "account", "accounts", "affairs", "events", "of", "flows", "flow", "density", "form", "fiscal", "financial":
			return match{}, false
		}
		if u, ok := units[next]; ok && u != uNone {
			return match{}, false
		}
	case "recent":
		if u, ok := units[next]; ok && strings.HasSuffix(next, "s") {
			return match{end: i + 2, typ: Duration, val: durationCode(-1, u), anchored: true, det: true}, true
		}
		return match{}, false
	case "future":
		if s.wordAt(i-1) != "the" && s.wordAt(i-1) != "near" && !strings.HasSuffix(next, "s") {
			return match{}, false
		}
	}
	return refMatch(i+1, v, v != "PRESENT_REF" || s.hasRef), true
}

// theExpr handles expressions that take "the": "the past three years", "the
// 1990s", "the third quarter", "the weekend", "the future", "the past".
func (s *scanner) theExpr(i int) (match, bool) {
	j := i + 1
	if j >= len(s.toks) {
		return match{}, false
	}
	switch s.wordAt(j) {
	case "past":
		if m, ok := s.relative(j, true); ok {
			return m, true
		}
		return refMatch(j+1, "PAST_REF", true), true
	case "future":
		return refMatch(j+1, "FUTURE_REF", true), true
	case "near", "short", "long", "medium":
		switch s.wordAt(j + 1) {
		case "future", "term":
			return refMatch(j+2, "FUTURE_REF", true), true
		}
		return match{}, false
	case "next", "following", "previous", "last", "coming", "same", "current", "latest", "first":
		return s.relative(j, true)
	case "weekend":
		return s.weekend(i, j+1, 0)
	case "quarter":
		return s.theQuarter(i, j+1, false)
	case "period":
		return s.theQuarter(i, j+1, true)
	case "morning", "afternoon", "evening":
		return s.partOfDay(j+1, s.refDay(), partsOfDay[s.wordAt(j)])
	case "year":
		if s.wordAt(j+1) == "two" && s.wordAt(j+2) == "thousand" {
			return dateMatch(j+3, Date, period{g: gYear, y: 2000}), true
		}
	case "day":
		// "the day" in news is the day of the story: the last day named,
		// else the publication day.
		if s.hyphenAt(j+1) || s.wordAt(j+1) == "of" || s.wordAt(j+1) == "before" || s.wordAt(j+1) == "after" || s.wordAt(j+1) == "when" {
			return match{}, false
		}
		if s.last.g == gDay {
			return dateMatch(j+1, Date, s.last), true
		}
		if s.hasRef {
			return dateMatch(j+1, Date, periodOf(s.ref, gDay)), true
		}
		return match{end: j + 1, typ: Date, val: "XXXX-XX-XX"}, true
	}
	if d, ok := decadeWords[s.wordAt(j)]; ok {
		base := 1900
		if s.hasRef {
			base = s.ref.Year() / 100 * 100
			if base+d > s.ref.Year() {
				base -= 100
			}
		}
		return dateMatch(j+1, Date, period{g: gDecade, y: base + d}), true
	}
	m, ok := s.core(j)
	if ok && m.det {
		return m, true
	}
	return match{}, false
}

// refDay returns the reference day as a period (zero when unknown).
func (s *scanner) refDay() period {
	if !s.hasRef {
		return period{}
	}
	return periodOf(s.ref, gDay)
}

// partOfDay makes "Friday morning", "this evening": day with TMO/TEV/...
func (s *scanner) partOfDay(end int, day period, code string) (match, bool) {
	if day.g == gNone {
		return match{end: end, typ: Time, val: "XXXX-XX-XXT" + code, anchored: false, det: true}, true
	}
	return match{end: end, typ: Time, val: day.String() + "T" + code, anchored: true, p: day, det: true}, true
}

// weekend makes "this weekend", "the weekend": the weekend nearest ref in
// the sentence's direction (the one just past in a past-tense sentence),
// or off weeks from ref's own.
func (s *scanner) weekend(i, end, off int) (match, bool) {
	if !s.hasRef {
		return match{end: end, typ: Date, val: "XXXX-WXX-WE", det: true}, true
	}
	t := s.ref.AddDate(0, 0, 7*off)
	if wd := s.ref.Weekday(); off == 0 && wd != time.Saturday && wd != time.Sunday && s.dir(i, end) < 0 {
		t = s.ref.AddDate(0, 0, -7)
	}
	m := dateMatch(end, Date, periodOf(t, gWeekend))
	m.det = true
	return m, true
}

// theQuarter resolves "the quarter", "the latest quarter", "the period":
// the last quarter named, else the one just ended (past) or the current one.
func (s *scanner) theQuarter(i, end int, period bool) (match, bool) {
	if s.lastQ.g != gNone {
		m := dateMatch(end, Date, s.lastQ)
		m.det = true
		return m, true
	}
	if period {
		return match{}, false
	}
	if !s.hasRef {
		return match{end: end, typ: Date, val: "XXXX-QX", det: true}, true
	}
	t := s.ref
	if s.dir(i, end) < 0 {
		t = shift(t, -1, uQuarter)
	}
	m := dateMatch(end, Date, periodOf(t, gQuarter))
	m.det = true
	return m, true
}

// relative handles "this/last/next/past/previous/coming/following/current/
// latest X" where X is a unit, weekday, month, season, part of day, or a
// count ("the past three years"). withThe tells that "the" came before.
func (s *scanner) relative(i int, withThe bool) (match, bool) {
	w := s.wordAt(i)
	j := i + 1
	mod := w
	if w == "this" && (s.wordAt(j) == "coming" || s.wordAt(j) == "past") {
		mod = "this " + s.wordAt(j)
		j++
	}
	if j >= len(s.toks) {
		return match{}, false
	}
	x := s.wordAt(j)
	if x == "fiscal" || x == "financial" || x == "calendar" {
		if u := units[s.wordAt(j+1)]; u == uYear || u == uQuarter {
			j++
			x = s.wordAt(j)
		}
	}
	// Counts: "the past three years", "the next few days", "the first nine months".
	if _, ok := units[x]; !ok || x == "second" {
		if m, ok := s.count(j); ok {
			if m.typ == Duration {
				m.det = true
				return m, true
			}
			return match{}, false
		}
	}
	if w == "first" {
		return s.quarterExpr(i)
	}
	if w == "latest" && x == "period" {
		return s.theQuarter(i, j+1, true)
	}
	if x == "" {
		return match{}, false
	}
	off := 0 // which period relative to the reference
	switch mod {
	case "last", "past", "previous", "latest", "this past":
		off = -1
	case "next", "coming", "following", "this coming":
		off = 1
	}
	if _, ok := weekdays[x]; ok && !weekdayAbbr[x] {
		if mod == "this" || mod == "current" {
			return s.weekdayExpr(j, 0, false)
		}
		return s.weekdayExpr(j, off, true)
	}
	if mo, ok := months[x]; ok && !monthAbbr[x] && s.toks[j].cap {
		return s.monthRel(i, j, mo, off)
	}
	if _, ok := seasons[x]; ok {
		return s.seasonExpr(j, off, true)
	}
	if code, ok := partsOfDay[x]; ok {
		switch {
		case x == "night" && mod == "last":
			if !s.hasRef {
				return s.partOfDay(j+1, period{}, code)
			}
			return s.partOfDay(j+1, periodOf(s.ref.AddDate(0, 0, -1), gDay), code)
		case mod == "this":
			return s.partOfDay(j+1, s.refDay(), code)
		}
		return match{}, false
	}
	u, ok := units[x]
	if !ok || strings.HasSuffix(x, "s") && u != uSecond {
		// "the past" alone, "recent years" and the like are handled elsewhere.
		if ok && (w == "past" || w == "coming" || w == "next" || w == "last") && strings.HasSuffix(x, "s") {
			return match{end: j + 1, typ: Duration, val: durationCode(-1, u), anchored: true, det: true}, true
		}
		return match{}, false
	}
	if u == uQuarter || u == uYear {
		// "this year's third quarter" is left to the quarter rule.
		if s.punctAt(j+1, "'") && s.wordAt(j+2) == "s" {
			if m, ok := s.quarterExpr(j + 3); ok {
				m.det = true
				return m, true
			}
		}
	}
	if u == uWeekend {
		return s.weekend(i, j+1, off)
	}
	if u == uSecond || u == uMinute || u == uHour {
		return match{}, false
	}
	anaphoric := withThe && (w == "same" || w == "following" || w == "previous" || w == "next") || w == "that"
	if w == "same" && !withThe {
		return match{}, false
	}
	if w == "same" {
		off = 0
	}
	g := unitGran(u)
	if u == uQuarter && (w == "latest" || withThe && w == "last") {
		return s.theQuarter(i, j+1, false)
	}
	var base time.Time
	switch {
	case anaphoric && s.last.g != gNone:
		base = s.last.start()
		if unitGran(u) < s.last.g {
			// "the next day" after "in March" cannot be pinned to a day.
			return match{end: j + 1, typ: Date, val: "XXXX-XX-XX", det: true}, true
		}
	case s.hasRef:
		base = s.ref
	default:
		return match{end: j + 1, typ: Date, val: unanchoredValue(g), det: true}, true
	}
	if u == uDay && !anaphoric {
		// "last day", "this day" are not references to days.
		return match{}, false
	}
	p := periodOf(shift(base, float64(off), u), g)
	m := dateMatch(j+1, Date, p)
	m.det = true
	return m, true
}

// unanchoredValue returns the X placeholder value of a granularity.
func unanchoredValue(g gran) string {
	switch g {
	case gDay:
		return "XXXX-XX-XX"
	case gWeek:
		return "XXXX-WXX"
	case gMonth:
		return "XXXX-XX"
	case gQuarter:
		return "XXXX-QX"
	case gDecade:
		return "XXX"
	case gCentury:
		return "XX"
	}
	return "XXXX"
}

// deictic handles today, yesterday, tomorrow, tonight and their parts of day.
func (s *scanner) deictic(i int) (match, bool) {
	w := s.wordAt(i)
	off := 0
	switch w {
	case "yesterday":
		off = -1
	case "tomorrow":
		off = 1
	}
	var day period
	if s.hasRef {
		day = periodOf(s.ref.AddDate(0, 0, off), gDay)
	}
	if w == "tonight" {
		return s.partOfDay(i+1, day, "NI")
	}
	if code, ok := partsOfDay[s.wordAt(i+1)]; ok && s.wordAt(i+1) != "overnight" {
		return s.partOfDay(i+2, day, code)
	}
	if day.g == gNone {
		return match{end: i + 1, typ: Date, val: "XXXX-XX-XX"}, true
	}
	return dateMatch(i+1, Date, day), true
}
