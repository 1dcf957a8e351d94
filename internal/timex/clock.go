package timex

// Expressions that start with a number token: clock times and numeric dates
// ("3:30 p.m.", "2025-03-31", "3/31/2025", "31.03.2025").

import (
	"strconv"
	"strings"
)

// clockWord handles "noon", "midnight", "midday" (+ a day).
func (s *scanner) clockWord(i int) (match, bool) {
	h := 12
	if s.wordAt(i) == "midnight" {
		h = 24
	}
	return s.timeWithDay(i, i+1, h, 0), true
}

// timeWithDay finishes a clock time at h:mm whose tokens end before j: an
// optional zone and day ("9 a.m. Tuesday", "5 p.m. EST, Nov. 9") follow.
func (s *scanner) timeWithDay(i, j, h, mm int) match {
	zone := ""
	if w := s.wordAt(j); timeZones[w] && (s.toks[j].cap || len(w) > 2) {
		if utcZones[w] {
			zone = "Z"
		}
		j++
	} else if w == "local" && s.wordAt(j+1) == "time" {
		j += 2
	}
	day := s.refDay()
	anchored := s.hasRef
	k := j
	if s.punctAt(k, ",") || s.wordAt(k) == "on" {
		k++
	}
	if k < len(s.toks) && s.toks[k].k == kWord {
		w := s.wordAt(k)
		var dm match
		ok := false
		switch {
		case w == "today" || w == "yesterday" || w == "tomorrow":
			dm, ok = s.deictic(k)
		case weekdays[w] > 0 && !weekdayAbbr[w]:
			dm, ok = s.weekdayExpr(k, 0, false)
		case months[w] > 0:
			dm, ok = s.monthExpr(k)
			ok = ok && (dm.p.g == gDay || !dm.anchored && strings.Count(dm.val, "-") == 2)
		}
		if ok && dm.typ == Date {
			j = dm.end
			day = dm.p
			anchored = dm.anchored
		}
	}
	clock := "T" + twoDigits(h) + ":" + twoDigits(mm) + zone
	if !anchored || day.g != gDay {
		return match{end: j, typ: Time, val: "XXXX-XX-XX" + clock}
	}
	return match{end: j, typ: Time, val: day.String() + clock, anchored: true, p: day}
}

// ampm reads "a.m.", "p.m.", "am", "pm" at k; it returns +0/+12 hours
// and the index after it.
func (s *scanner) ampm(k int) (int, int, bool) {
	switch s.wordAt(k) {
	case "am":
		if s.punctAt(k+1, ".") && s.adjacent(k+1) {
			return 0, k + 2, true
		}
		return 0, k + 1, true
	case "pm":
		if s.punctAt(k+1, ".") && s.adjacent(k+1) {
			return 12, k + 2, true
		}
		return 12, k + 1, true
	case "a", "p":
		if s.punctAt(k+1, ".") && s.wordAt(k+2) == "m" && s.adjacent(k+1) && s.adjacent(k+2) {
			add := 0
			if s.wordAt(k) == "p" {
				add = 12
			}
			end := k + 3
			if s.punctAt(end, ".") && s.adjacent(end) {
				end++
			}
			return add, end, true
		}
	}
	return 0, k, false
}

// clock parses "3", "3:30", "3.30", "15:30:00", "3pm", "0800" into hours and
// minutes; strong is true when the form is a time on its own (has a colon
// or an am/pm suffix).
func clockParts(d string) (h, m int, suffix string, strong bool, ok bool) {
	i := 0
	for i < len(d) && isDigit(d[i]) {
		i++
	}
	hs := d[:i]
	rest := d[i:]
	mm := 0
	if len(rest) > 0 && (rest[0] == ':' || rest[0] == '.') {
		sep := rest[0]
		j := 1
		for j < len(rest) && isDigit(rest[j]) {
			j++
		}
		if j != 3 {
			return 0, 0, "", false, false
		}
		v, _ := strconv.Atoi(rest[1:3])
		mm = v
		rest = rest[j:]
		if sep == ':' {
			strong = true
			if len(rest) == 3 && rest[0] == ':' && isDigit(rest[1]) && isDigit(rest[2]) {
				rest = rest[3:]
			}
		}
	}
	if len(hs) == 0 || len(hs) > 2 {
		return 0, 0, "", false, false
	}
	hv, _ := strconv.Atoi(hs)
	if hv > 24 || mm > 59 {
		return 0, 0, "", false, false
	}
	return hv, mm, rest, strong, true
}

// numeric handles expressions that start with a number token.
func (s *scanner) numeric(i int) (match, bool) {
	t := &s.toks[i]
	d := t.low
	// ISO dates and times: 2025-03-31, 2025-03, 2025-03-31T15:30.
	if len(d) >= 7 && d[4] == '-' && isDigit(d[0]) && isDigit(d[3]) {
		if m, ok := s.isoDate(i, d); ok {
			return m, true
		}
	}
	if strings.IndexByte(d, '/') >= 0 {
		return s.slashDate(i, d)
	}
	if strings.Count(d, ".") == 2 {
		return s.dotDate(i, d)
	}
	// Clock times.
	if h, mm, suffix, strong, ok := clockParts(d); ok {
		add, k, isAmPm := 0, i+1, false
		switch suffix {
		case "am", "a":
			isAmPm = true
		case "pm", "p":
			isAmPm, add = true, 12
		case "":
			add, k, isAmPm = s.ampm(i + 1)
			if !isAmPm {
				k = i + 1
			}
		default:
			goto notClock
		}
		if (suffix == "a" || suffix == "p") && !(s.punctAt(i+1, ".") && s.wordAt(i+2) == "m") {
			goto notClock
		}
		if suffix == "a" || suffix == "p" {
			k = i + 3
			if s.punctAt(k, ".") && s.adjacent(k) {
				k++
			}
		}
		if isAmPm && h <= 12 && h >= 1 {
			if h == 12 {
				h = 0
			}
			return s.timeWithDay(i, k, h+add, mm), true
		}
		if s.wordAt(k) == "o" && s.punctAt(k+1, "'") && s.wordAt(k+2) == "clock" && h <= 12 {
			return s.timeWithDay(i, k+3, h, mm), true
		}
		if strong && !isAmPm && (h < 24 || mm == 0) {
			return s.timeWithDay(i, k, h, mm), true
		}
	}
notClock:
	// "0800 GMT".
	if len(d) == 4 && allDigits(d) && timeZones[s.wordAt(i+1)] && s.toks[i+1].cap {
		h, _ := strconv.Atoi(d[:2])
		mm, _ := strconv.Atoi(d[2:])
		if h <= 24 && mm < 60 {
			return s.timeWithDay(i, i+1, h, mm), true
		}
	}
	// Day before month: "31 March 2025", "31st of March", "1st".
	if dd, ok := s.dayNumber(i); ok {
		k := i + 1
		if s.wordAt(k) == "of" {
			k++
		}
		if mo, ok := months[s.wordAt(k)]; ok && (s.toks[k].cap || s.allLower()) {
			e := k + 1
			if monthAbbr[s.wordAt(k)] && s.punctAt(e, ".") {
				e++
			}
			ye := e
			if s.punctAt(ye, ",") {
				ye++
			}
			if y, ok := s.yearNumber(ye); ok {
				if !dayOK(y, mo, dd) {
					return match{}, false
				}
				return dateMatch(ye+1, Date, period{g: gDay, y: y, m: mo, d: dd}), true
			}
			if !dayOK(0, mo, dd) {
				return match{}, false
			}
			return s.monthDay(i, e, mo, dd), true
		}
	}
	// Decades: "1990s", "90s", "'90s" (via shortYear).
	if len(d) == 5 && d[4] == 's' && allDigits(d[:4]) && d[3] == '0' {
		y, _ := strconv.Atoi(d[:4])
		m := dateMatch(i+1, Date, period{g: gDecade, y: y})
		m.det = true
		return m, true
	}
	if len(d) == 3 && d[2] == 's' && allDigits(d[:2]) && d[1] == '0' {
		return s.decade2(i, d[:2], i+1)
	}
	// Centuries: "20th century", "the 19th century".
	if len(d) >= 3 && (strings.HasSuffix(d, "th") || strings.HasSuffix(d, "st") || strings.HasSuffix(d, "nd") || strings.HasSuffix(d, "rd")) && s.wordAt(i+1) == "century" {
		if c, err := strconv.Atoi(d[:len(d)-2]); err == nil && c > 0 && c < 30 {
			m := dateMatch(i+2, Date, period{g: gCentury, y: (c - 1) * 100})
			m.det = true
			return m, true
		}
	}
	// Years.
	if y, ok := s.yearNumber(i); ok {
		return s.yearExpr(i, y)
	}
	// Counts: "three years", "16-hour".
	return s.count(i)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return len(s) > 0
}

// isoDate parses 2025-03-31, 2025-03 and 2025-03-31T15:30[:00][Z].
func (s *scanner) isoDate(i int, d string) (match, bool) {
	y, err := strconv.Atoi(d[:4])
	if err != nil || len(d) < 7 || !isDigit(d[5]) || !isDigit(d[6]) {
		return match{}, false
	}
	mo, _ := strconv.Atoi(d[5:7])
	if mo < 1 || mo > 12 {
		return match{}, false
	}
	if len(d) == 7 {
		return dateMatch(i+1, Date, period{g: gMonth, y: y, m: mo}), true
	}
	if len(d) < 10 || d[7] != '-' || !allDigits(d[8:10]) {
		return match{}, false
	}
	day, _ := strconv.Atoi(d[8:10])
	if !dayOK(y, mo, day) {
		return match{}, false
	}
	p := period{g: gDay, y: y, m: mo, d: day}
	if len(d) == 10 {
		return dateMatch(i+1, Date, p), true
	}
	if d[10] == 't' && len(d) >= 16 {
		h, mm, _, _, ok := clockParts(d[11:16])
		if ok {
			z := ""
			if strings.HasSuffix(d, "z") {
				z = "Z"
			}
			return match{end: i + 1, typ: Time, val: p.String() + "T" + twoDigits(h) + ":" + twoDigits(mm) + z, anchored: true, p: p}, true
		}
	}
	return match{}, false
}

// slashDate parses US "3/31/2025", "3/31/25" (British "31/3/2025" when the
// first number cannot be a month).
func (s *scanner) slashDate(i int, d string) (match, bool) {
	parts := strings.Split(d, "/")
	if len(parts) != 3 {
		return match{}, false
	}
	a, err1 := strconv.Atoi(parts[0])
	b, err2 := strconv.Atoi(parts[1])
	y, err3 := strconv.Atoi(parts[2])
	if err1 != nil || err2 != nil || err3 != nil || len(parts[0]) > 2 || len(parts[1]) > 2 {
		return match{}, false
	}
	switch len(parts[2]) {
	case 2:
		y += 1900
		if y < 1950 {
			y += 100
		}
	case 4:
	default:
		return match{}, false
	}
	mo, day := a, b
	if a > 12 && b <= 12 {
		mo, day = b, a
	}
	if !dayOK(y, mo, day) {
		return match{}, false
	}
	return dateMatch(i+1, Date, period{g: gDay, y: y, m: mo, d: day}), true
}

// dotDate parses European "31.03.2025".
func (s *scanner) dotDate(i int, d string) (match, bool) {
	parts := strings.Split(d, ".")
	if len(parts) != 3 || len(parts[2]) != 4 || len(parts[0]) > 2 || len(parts[1]) > 2 {
		return match{}, false
	}
	day, err1 := strconv.Atoi(parts[0])
	mo, err2 := strconv.Atoi(parts[1])
	y, err3 := strconv.Atoi(parts[2])
	if err1 != nil || err2 != nil || err3 != nil || !dayOK(y, mo, day) {
		return match{}, false
	}
	return dateMatch(i+1, Date, period{g: gDay, y: y, m: mo, d: day}), true
}
