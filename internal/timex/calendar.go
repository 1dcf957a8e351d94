package timex

// Named calendar periods: weekdays, months and days of the month, seasons,
// quarters, holidays, years, decades and centuries.

import (
	"strconv"
	"strings"
)

// weekdayExpr handles "Monday", "Monday morning", "Friday, Oct. 23" and,
// from relative, "last Monday" (off -1) and "next Monday" (off +1).
func (s *scanner) weekdayExpr(i int, off int, strict bool) (match, bool) {
	t := &s.toks[i]
	w := t.low
	wd := weekdays[w]
	j := i + 1
	if weekdayAbbr[w] {
		if !t.cap || !s.punctAt(j, ".") {
			return match{}, false
		}
		j++
	} else if !t.cap && strings.ToUpper(s.text[t.s:t.e]) != s.text[t.s:t.e] && !s.allLower() {
		return match{}, false
	}
	// "Friday, Oct. 23", "Monday 31 March": the date decides.
	k := j
	if s.punctAt(k, ",") {
		k++
	}
	if k < len(s.toks) {
		if _, ok := months[s.wordAt(k)]; ok {
			if m, ok := s.monthExpr(k); ok && m.p.g == gDay || ok && !m.anchored && strings.Count(m.val, "-") == 2 {
				return m, true
			}
		} else if s.toks[k].k == kNum {
			if m, ok := s.numeric(k); ok && (m.p.g == gDay) {
				return m, true
			}
		}
	}
	var day period
	anchored := s.hasRef
	if s.hasRef {
		d := off
		if off == 0 {
			d = s.dir(i, j)
			if d == 0 {
				d = -1 // news reports mostly look back
			}
		}
		day = periodOf(weekdayDate(s.ref, wd, d, strict), gDay)
	}
	if code, ok := partsOfDay[s.wordAt(j)]; ok && s.wordAt(j) != "overnight" {
		if !anchored {
			return match{end: j + 1, typ: Time, val: "XXXX-WXX-" + strconv.Itoa(wd) + "T" + code}, true
		}
		return s.partOfDay(j+1, day, code)
	}
	if !anchored {
		return match{end: j, typ: Date, val: "XXXX-WXX-" + strconv.Itoa(wd)}, true
	}
	return dateMatch(j, Date, day), true
}

// allLower reports whether the text has no upper-case ASCII letter, in
// which case capitalisation cannot be required of names.
func (s *scanner) allLower() bool {
	if s.lower == 0 {
		s.lower = 1
		for i := 0; i < len(s.text); i++ {
			if c := s.text[i]; c >= 'A' && c <= 'Z' {
				s.lower = -1
				break
			}
		}
	}
	return s.lower > 0
}

// monthWordOK decides whether a month word at i is used as a month.
func (s *scanner) monthWordOK(i int) bool {
	t := &s.toks[i]
	if !t.cap && !s.allLower() {
		return false
	}
	if t.low == "may" || t.low == "march" {
		// The verbs: accept only before a number or after a time preposition.
		if k := i + 1; k < len(s.toks) && s.toks[k].k == kNum {
			return true
		}
		if s.punctAt(i+1, ".") || s.punctAt(i+1, ",") {
			if t.low == "march" {
				return true
			}
		}
		switch s.wordAt(i - 1) {
		case "in", "of", "since", "until", "till", "by", "early", "late", "mid", "last", "next",
			"this", "during", "before", "after", "through", "from", "to", "between", "and", "or",
			"on", "until-", "end", "beginning", "start", "middle":
			return true
		}
		if s.punctAt(i-1, "-") {
			return true
		}
		return false
	}
	return true
}

// dayNumber reads a day of the month at k: "31", "31st", "eighth".
func (s *scanner) dayNumber(k int) (int, bool) {
	if k >= len(s.toks) {
		return 0, false
	}
	t := &s.toks[k]
	if t.k == kNum {
		d := t.low
		if n := len(d); n > 2 {
			switch d[n-2:] {
			case "st", "nd", "rd", "th":
				d = d[:n-2]
			}
		}
		if len(d) > 2 || len(d) == 0 {
			return 0, false
		}
		n, err := strconv.Atoi(d)
		if err != nil || n < 1 || n > 31 {
			return 0, false
		}
		return n, true
	}
	if n, ok := ordinals[t.low]; ok && t.k == kWord {
		return n, true
	}
	return 0, false
}

// yearNumber reads a four-digit year at k.
func (s *scanner) yearNumber(k int) (int, bool) {
	if k >= len(s.toks) || s.toks[k].k != kNum {
		return 0, false
	}
	d := s.toks[k].low
	if len(d) != 4 {
		return 0, false
	}
	n, err := strconv.Atoi(d)
	if err != nil || n < 1000 || n > 2199 {
		return 0, false
	}
	return n, true
}

// monthExpr handles "March 31, 2025", "Mar. 31", "March 2025", "March",
// "June last year".
func (s *scanner) monthExpr(i int) (match, bool) {
	t := &s.toks[i]
	mo := months[t.low]
	abbr := monthAbbr[t.low]
	j := i + 1
	if abbr {
		if !t.cap && !s.allLower() {
			return match{}, false
		}
		if s.punctAt(j, ".") {
			j++
		} else if j >= len(s.toks) || s.toks[j].k != kNum || !s.adjacent(j) && s.toks[j].s != t.e+1 {
			return match{}, false
		}
	} else if !s.monthWordOK(i) {
		return match{}, false
	}
	// Day of the month.
	if d, ok := s.dayNumber(j); ok && (s.toks[j].k == kNum || !abbr) {
		k := j + 1
		yk := k
		if s.punctAt(yk, ",") {
			yk++
		}
		if y, ok := s.yearNumber(yk); ok {
			if !dayOK(y, mo, d) {
				return match{}, false
			}
			return dateMatch(yk+1, Date, period{g: gDay, y: y, m: mo, d: d}), true
		}
		if !dayOK(0, mo, d) {
			return match{}, false
		}
		return s.monthDay(i, k, mo, d), true
	}
	// Month and year.
	k := j
	if s.punctAt(k, ",") || s.wordAt(k) == "of" {
		k++
	}
	if y, ok := s.yearNumber(k); ok {
		return dateMatch(k+1, Date, period{g: gMonth, y: y, m: mo}), true
	}
	// "June last year", "January this year", "March of next year".
	k = j
	if s.wordAt(k) == "of" {
		k++
	}
	if s.wordAt(k+1) == "year" && s.hasRef {
		switch s.wordAt(k) {
		case "last":
			return dateMatch(k+2, Date, period{g: gMonth, y: s.ref.Year() - 1, m: mo}), true
		case "this":
			return dateMatch(k+2, Date, period{g: gMonth, y: s.ref.Year(), m: mo}), true
		case "next":
			return dateMatch(k+2, Date, period{g: gMonth, y: s.ref.Year() + 1, m: mo}), true
		}
	}
	if abbr && !s.punctAt(i+1, ".") {
		return match{}, false
	}
	return s.monthRel(i, i, mo, 0)
}

// monthDay resolves a yearless "March 31" ending before token end.
func (s *scanner) monthDay(i, end, mo, d int) match {
	if !s.hasRef {
		return match{end: end, typ: Date, val: "XXXX-" + twoDigits(mo) + "-" + twoDigits(d)}
	}
	y := s.dateYear(i, end, mo, d)
	if !dayOK(y, mo, d) { // February 29 in a common year
		return match{end: end, typ: Date, val: "XXXX-" + twoDigits(mo) + "-" + twoDigits(d)}
	}
	return dateMatch(end, Date, period{g: gDay, y: y, m: mo, d: d})
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// monthRel resolves a month name at j (with a modifier at i when i < j):
// off -1 "last March", +1 "next March", 0 by tense.
func (s *scanner) monthRel(i, j, mo, off int) (match, bool) {
	end := j + 1
	if !s.hasRef {
		return match{end: end, typ: Date, val: "XXXX-" + twoDigits(mo)}, true
	}
	var y int
	switch {
	case off != 0:
		y = pickYear(s.ref, mo, 1, off, true, true)
	case i < j && (s.wordAt(i) == "this" || s.wordAt(i) == "current"):
		y = s.ref.Year()
	default:
		y = s.dateYear(i, end, mo, 0)
	}
	return dateMatch(end, Date, period{g: gMonth, y: y, m: mo}), true
}

// seasonExpr handles "summer", "last fall", "the winter of 1994".
func (s *scanner) seasonExpr(i int, off int, modified bool) (match, bool) {
	w := s.wordAt(i)
	se := seasons[w]
	j := i + 1
	k := j
	if s.wordAt(k) == "of" {
		k++
	}
	if y, ok := s.yearNumber(k); ok {
		m := dateMatch(k+1, Date, period{g: gSeason, y: y, code: se.code})
		m.det = true
		return m, true
	}
	if k > j {
		if m, ok := s.spokenYear(k); ok && s.wordAt(k) == "nineteen" {
			m2 := dateMatch(m.end, Date, period{g: gSeason, y: m.p.y, code: se.code})
			m2.det = true
			return m2, true
		}
	}
	if !modified {
		switch s.wordAt(i - 1) {
		case "in", "this", "the", "early", "late", "by", "until", "since", "during", "mid", "last", "next", "that":
		default:
			if !s.punctAt(i-1, "-") {
				return match{}, false
			}
		}
		if w == "fall" && s.wordAt(i+1) == "of" || w == "spring" && s.toks[i].cap && s.wordAt(i-1) == "the" {
			return match{}, false // "the fall of Rome", "the Arab Spring"
		}
	}
	if !s.hasRef {
		return match{end: j, typ: Date, val: "XXXX-" + se.code, det: true}, true
	}
	var y int
	switch {
	case off != 0:
		y = pickYear(s.ref, se.month, 1, off, true, true)
		cur := periodOf(s.ref, gSeason)
		if off < 0 && cur.code == se.code {
			y = cur.y - 1
		} else if off > 0 && cur.code == se.code {
			y = cur.y + 1
		}
	default:
		cur := periodOf(s.ref, gSeason)
		if cur.code == se.code {
			y = cur.y
		} else {
			y = pickYear(s.ref, se.month, 1, s.dir(i, j), false, true)
		}
	}
	m := dateMatch(j, Date, period{g: gSeason, y: y, code: se.code})
	m.det = true
	return m, true
}

// quarterOrdinal reads "first".."fourth", "1st".."4th", "final" at k.
func (s *scanner) quarterOrdinal(k int) (int, bool) {
	if k >= len(s.toks) {
		return 0, false
	}
	switch s.toks[k].low {
	case "first", "1st":
		return 1, true
	case "second", "2nd":
		return 2, true
	case "third", "3rd":
		return 3, true
	case "fourth", "4th", "final":
		return 4, true
	}
	return 0, false
}

// quarterExpr handles "the third quarter", "third-quarter", "Q3 2025",
// "the first half of 1989", "fiscal first quarter".
func (s *scanner) quarterExpr(i int) (match, bool) {
	j := i
	if s.wordAt(j) == "fiscal" {
		j++
		if s.hyphenAt(j) {
			j++
		}
	}
	var n int
	var g gran
	var end int
	if w := s.wordAt(j); len(w) == 2 && (w[0] == 'q' || w[0] == 'h') && w[1] >= '1' && w[1] <= '4' {
		n = int(w[1] - '0')
		g = gQuarter
		if w[0] == 'h' {
			if n > 2 {
				return match{}, false
			}
			g = gHalf
		}
		if !s.toks[j].cap {
			return match{}, false
		}
		end = j + 1
	} else {
		q, ok := s.quarterOrdinal(j)
		if !ok {
			return match{}, false
		}
		k := j + 1
		if s.hyphenAt(k) {
			k++
		}
		switch s.wordAt(k) {
		case "quarter":
			g = gQuarter
		case "half":
			if q > 2 {
				return match{}, false
			}
			g = gHalf
		default:
			return match{}, false
		}
		n = q
		end = k + 1
	}
	// A year after: "of 1990", "2025", "of this year", "of last year".
	k := end
	if s.wordAt(k) == "of" {
		k++
	}
	if y, ok := s.yearNumber(k); ok {
		m := dateMatch(k+1, Date, period{g: g, y: y, n: n})
		m.det = true
		m.quarter = g == gQuarter
		return m, true
	}
	if s.wordAt(k) == "fiscal" {
		if y, ok := s.yearNumber(k + 1); ok {
			m := dateMatch(k+2, Date, period{g: g, y: y, n: n})
			m.det = true
			return m, true
		}
	}
	if s.wordAt(k+1) == "year" && s.hasRef && (k > end) {
		off := 0
		switch s.wordAt(k) {
		case "last", "previous":
			off = -1
		case "next":
			off = 1
		case "this", "the":
		default:
			off = 99
		}
		if off != 99 {
			m := dateMatch(k+2, Date, period{g: g, y: s.ref.Year() + off, n: n})
			m.det = true
			return m, true
		}
	}
	if !s.hasRef {
		v := "XXXX-Q" + strconv.Itoa(n)
		if g == gHalf {
			v = "XXXX-H" + strconv.Itoa(n)
		}
		return match{end: end, typ: Date, val: v, det: true}, true
	}
	y := s.ref.Year()
	startMonth := 3*n - 2
	if g == gHalf {
		startMonth = 6*n - 5
	}
	refM := int(s.ref.Month())
	if s.dir(i, end) < 0 {
		if startMonth > refM {
			y--
		}
	} else {
		// The nearest such quarter: results are reported after it ends.
		length := 3
		if g == gHalf {
			length = 6
		}
		endMonth := startMonth + length - 1
		after := refM - endMonth         // months since it ended this year
		before := startMonth + 12 - refM // months until it starts next year
		if after > 0 && after > before {
			y++
		} else if startMonth > refM && startMonth-refM > refM+12-endMonth {
			y--
		}
	}
	m := dateMatch(end, Date, period{g: g, y: y, n: n})
	m.det = true
	m.quarter = g == gQuarter
	return m, true
}

// yearExpr handles a four-digit year at i with its context checks and
// "2025-W14", "1988 third quarter", "1990 and beyond".
func (s *scanner) yearExpr(i, y int) (match, bool) {
	// ISO week "2025-W14".
	if s.hyphenAt(i + 1) {
		if w := s.wordAt(i + 2); len(w) == 3 && w[0] == 'w' && allDigits(w[1:]) {
			n, _ := strconv.Atoi(w[1:])
			if n >= 1 && n <= 53 {
				end := i + 3
				g := gWeek
				if s.hyphenAt(end) && s.wordAt(end+1) == "we" {
					g, end = gWeekend, end+2
				}
				return dateMatch(end, Date, period{g: g, y: y, n: n}), true
			}
		}
	}
	prev := ""
	if i > 0 {
		prev = s.toks[i-1].low
	}
	if notYearBefore[prev] {
		return match{}, false
	}
	if i > 0 && s.toks[i-1].k == kNum && s.adjacent(i) {
		return match{}, false
	}
	if s.punctAt(i-1, "-") && s.adjacent(i) && i >= 2 && s.toks[i-2].k == kNum && len(s.toks[i-2].low) != 4 {
		return match{}, false
	}
	next := ""
	if i+1 < len(s.toks) {
		next = s.toks[i+1].low
	}
	if notYearAfter[next] {
		return match{}, false
	}
	if next == "%" || s.punctAt(i+1, "-") && s.adjacent(i+1) && s.wordAt(i+2) != "" && units[s.wordAt(i+2)] != uNone {
		return match{}, false
	}
	// "the 1988 third quarter", "1988 first half".
	if q, ok := s.quarterOrdinal(i + 1); ok {
		k := i + 2
		if s.hyphenAt(k) {
			k++
		}
		switch s.wordAt(k) {
		case "quarter":
			m := dateMatch(k+1, Date, period{g: gQuarter, y: y, n: q})
			m.det = true
			return m, true
		case "half":
			if q <= 2 {
				m := dateMatch(k+1, Date, period{g: gHalf, y: y, n: q})
				m.det = true
				return m, true
			}
		}
	}
	// "the 1988 period", "the 1988 quarter" in results: the quarter last named.
	if (next == "period" || next == "quarter") && s.lastQ.g != gNone {
		m := dateMatch(i+2, Date, period{g: gQuarter, y: y, n: s.lastQ.n})
		m.det = true
		return m, true
	}
	// "2024 summer" is rare; a season after a year stays separate.
	return dateMatch(i+1, Date, period{g: gYear, y: y}), true
}

// shortYear handles "'90s" and "'82".
func (s *scanner) shortYear(i int) (match, bool) {
	d := s.toks[i+1].low
	if len(d) == 3 && d[2] == 's' && allDigits(d[:2]) && d[1] == '0' {
		return s.decade2(i, d[:2], i+2)
	}
	if len(d) == 2 && allDigits(d) {
		// "'82": the year in the century before the reference that fits.
		n, _ := strconv.Atoi(d)
		base := 1900
		if s.hasRef {
			base = s.ref.Year() / 100 * 100
			if base+n > s.ref.Year()+10 {
				base -= 100
			}
		}
		return dateMatch(i+2, Date, period{g: gYear, y: base + n}), true
	}
	return match{}, false
}

// decade2 resolves a two-digit decade ("90" of "the '90s") ending at end.
func (s *scanner) decade2(i int, dd string, end int) (match, bool) {
	n, _ := strconv.Atoi(dd)
	base := 1900
	if s.hasRef {
		base = s.ref.Year() / 100 * 100
		if base+n > s.ref.Year() {
			base -= 100
		}
	}
	m := dateMatch(end, Date, period{g: gDecade, y: base + n})
	m.det = true
	return m, true
}

// fiscal handles "fiscal 1989", "fiscal year 2025", "fiscal first quarter".
func (s *scanner) fiscal(i int) (match, bool) {
	j := i + 1
	if s.wordAt(j) == "year" {
		j++
	}
	if y, ok := s.yearNumber(j); ok {
		return dateMatch(j+1, Date, period{g: gYear, y: y}), true
	}
	return s.quarterExpr(i)
}

// codeWord handles ISO durations ("P3Y", "PT5H"), "FY2025" and "Q3"/"H1".
func (s *scanner) codeWord(i int) (match, bool) {
	t := &s.toks[i]
	raw := s.text[t.s:t.e]
	w := t.low
	switch {
	case w[0] == 'p' && raw[0] == 'P' && isoDuration(raw):
		return match{end: i + 1, typ: Duration, val: raw, anchored: true}, true
	case strings.HasPrefix(raw, "FY") && allDigits(raw[2:]) && (len(raw) == 6 || len(raw) == 4):
		y, _ := strconv.Atoi(raw[2:])
		if len(raw) == 4 {
			y += 2000
			if y > 2069 {
				y -= 100
			}
		}
		return dateMatch(i+1, Date, period{g: gYear, y: y}), true
	}
	return s.quarterExpr(i)
}

// isoDuration reports whether s is an ISO 8601 duration like "P3Y",
// "P1Y6M", "PT5H30M", "P2W".
func isoDuration(s string) bool {
	if len(s) < 3 || s[0] != 'P' {
		return false
	}
	inTime, digits, parts := false, 0, 0
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case isDigit(c) || c == '.':
			digits++
		case c == 'T' && !inTime && digits == 0:
			inTime = true
		case strings.IndexByte("YMWDHS", c) >= 0 && digits > 0:
			if !inTime && (c == 'H' || c == 'S') || inTime && (c == 'Y' || c == 'W' || c == 'D') {
				return false
			}
			digits = 0
			parts++
		default:
			return false
		}
	}
	return parts > 0 && digits == 0
}

// spokenYear handles "nineteen ninety-six" → 1996.
func (s *scanner) spokenYear(i int) (match, bool) {
	j := i + 1
	tens, ok := numberWords[s.wordAt(j)]
	if !ok || tens < 10 || tens >= 100 {
		return match{}, false
	}
	y := 1900 + tens
	j++
	if tens%10 == 0 && tens >= 20 {
		k := j
		if s.hyphenAt(k) {
			k++
		}
		if u, ok := numberWords[s.wordAt(k)]; ok && u > 0 && u < 10 {
			y += u
			j = k + 1
		}
	}
	return dateMatch(j, Date, period{g: gYear, y: y}), true
}

// holiday handles the fixed and moving feasts news names by day:
// "Christmas", "New Year's Day", "Thanksgiving", "Easter Sunday", ...
func (s *scanner) holiday(i int) (match, bool) {
	t := &s.toks[i]
	if !t.cap {
		return match{}, false
	}
	w := t.low
	j := i + 1
	var name string
	switch w {
	case "christmas", "thanksgiving", "easter", "halloween":
		name = w
		switch s.wordAt(j) {
		case "day", "sunday":
			j++
		case "eve":
			name += " eve"
			j++
		}
	case "new":
		if s.wordAt(j) == "year" && s.punctAt(j+1, "'") && s.wordAt(j+2) == "s" {
			switch s.wordAt(j + 3) {
			case "day":
				name, j = "new year", j+4
			case "eve":
				name, j = "new year eve", j+4
			}
		}
	case "independence", "election", "valentine", "labor", "labour", "memorial", "boxing":
		k := j
		if s.punctAt(k, "'") && s.wordAt(k+1) == "s" {
			k += 2
		}
		if s.wordAt(k) == "day" && s.toks[k].cap {
			name, j = w, k+1
		}
	}
	if name == "" {
		return match{}, false
	}
	if name == "christmas" && j == i+1 && s.wordAt(j) != "" && !s.sentenceBreakBefore(j) && s.toks[j].k == kWord && s.toks[j].cap {
		return match{}, false // "Christmas Island"
	}
	dayOf := func(y int) (int, int, bool) {
		switch name {
		case "christmas":
			return 12, 25, true
		case "christmas eve":
			return 12, 24, true
		case "new year":
			return 1, 1, true
		case "new year eve":
			return 12, 31, true
		case "halloween":
			return 10, 31, true
		case "independence":
			return 7, 4, true
		case "valentine":
			return 2, 14, true
		case "boxing":
			return 12, 26, true
		case "thanksgiving": // fourth Thursday of November
			first := int(date(y, 11, 1).Weekday())
			return 11, 1 + (4-first+7)%7 + 21, true
		case "election": // US: the Tuesday after the first Monday of November
			first := int(date(y, 11, 1).Weekday())
			return 11, 1 + (1-first+7)%7 + 1, true
		case "labor", "labour": // US: first Monday of September
			first := int(date(y, 9, 1).Weekday())
			return 9, 1 + (1-first+7)%7, true
		case "memorial": // US: last Monday of May
			last := int(date(y, 5, 31).Weekday())
			return 5, 31 - (last-1+7)%7, true
		case "easter", "easter eve":
			m, d := easter(y)
			if name == "easter eve" {
				d--
			}
			return m, d, true
		}
		return 0, 0, false
	}
	if y, ok := s.yearNumber(j); ok {
		if m, d, ok := dayOf(y); ok {
			return dateMatch(j+1, Date, period{g: gDay, y: y, m: m, d: d}), true
		}
	}
	if !s.hasRef {
		return match{end: j, typ: Date, val: "XXXX-XX-XX"}, true
	}
	// The nearest occurrence, moved by the tense like a named date.
	best, bestDist := period{}, 1<<30
	dir := s.dir(i, j)
	for _, y := range []int{s.ref.Year() - 1, s.ref.Year(), s.ref.Year() + 1} {
		m, d, ok := dayOf(y)
		if !ok {
			return match{}, false
		}
		days := int(date(y, m, d).Sub(s.ref).Hours() / 24)
		dist := days
		if dist < 0 {
			dist = -dist
		}
		if dir < 0 && days > 92 || dir > 0 && days < -92 {
			continue
		}
		if dist < bestDist {
			best, bestDist = period{g: gDay, y: y, m: m, d: d}, dist
		}
	}
	if best.g == gNone {
		return match{}, false
	}
	return dateMatch(j, Date, best), true
}

// easter returns the month and day of Western Easter Sunday in year y
// (the anonymous Gregorian algorithm).
func easter(y int) (int, int) {
	a := y % 19
	b := y / 100
	c := y % 100
	d := b / 4
	e := b % 4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i := c / 4
	k := c % 4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return month, day
}
