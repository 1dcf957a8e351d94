package timex

// Counted expressions: durations ("three years"), counted dates ("two days
// ago", "three weeks later") and sets ("every Monday", "twice a year").

import (
	"strconv"
	"strings"
)

// number reads a count at k: digits, number words ("twenty-four", "one
// hundred"), "a"/"an", "a couple of", "a dozen", vague words ("several",
// "a few": -1) and a following "and a half" or "1/2". It returns the
// value and the index after it.
func (s *scanner) number(k int) (float64, int, bool) {
	if k >= len(s.toks) {
		return 0, k, false
	}
	t := &s.toks[k]
	var n float64
	j := k + 1
	switch {
	case t.k == kNum:
		d := t.low
		if strings.ContainsAny(d, ":/-") {
			if len(d) == 3 && d[1] == '/' {
				break
			}
			return 0, k, false
		}
		if strings.Contains(d, ",") {
			d = strings.ReplaceAll(d, ",", "")
		}
		v, err := strconv.ParseFloat(d, 64)
		if err != nil || v > 1e6 {
			return 0, k, false // not a count of time units
		}
		n = v
	case t.k != kWord:
		return 0, k, false
	case t.low == "a" || t.low == "an":
		switch s.wordAt(j) {
		case "few", "couple", "number", "dozen":
			v, jj, ok := s.number(j)
			return v, jj, ok
		case "half":
			return 0.5, j + 1, true
		case "hundred":
			n, j = 100, j+1
		default:
			n = 1
		}
	case t.low == "few" || vagueCounts[t.low]:
		if t.low == "couple" {
			j2 := j
			if s.wordAt(j2) == "of" {
				j2++
			}
			return 2, j2, true
		}
		if t.low == "number" {
			return 0, k, false
		}
		return -1, j, true
	case t.low == "number" && s.wordAt(j) == "of":
		return -1, j + 1, true
	case t.low == "dozen":
		n = 12
	case t.low == "half":
		if s.wordAt(j) == "a" || s.wordAt(j) == "an" {
			return 0.5, j + 1, true
		}
		return 0, k, false
	default:
		v, ok := numberWords[t.low]
		if !ok {
			return 0, k, false
		}
		n = float64(v)
		if v >= 20 && v < 100 && v%10 == 0 {
			jj := j
			if s.hyphenAt(jj) {
				jj++
			}
			if u, ok := numberWords[s.wordAt(jj)]; ok && u > 0 && u < 10 {
				n += float64(u)
				j = jj + 1
			}
		}
		if s.wordAt(j) == "hundred" {
			n *= 100
			j++
		}
	}
	// "5 1/2", "two and a half" (the latter only when a unit follows later).
	if j < len(s.toks) && s.toks[j].k == kNum && s.toks[j].low == "1/2" {
		n += 0.5
		j++
	}
	if s.wordAt(j) == "and" && s.wordAt(j+1) == "a" && s.wordAt(j+2) == "half" {
		n += 0.5
		j += 3
	}
	return n, j, true
}

// count handles expressions that start with a count: durations ("three
// years", "two-year", "the past two months"), "two days ago", "three weeks
// later", spoken years.
func (s *scanner) count(i int) (match, bool) {
	j := i
	// Approximators that TimeML keeps inside the expression.
	switch s.wordAt(j) {
	case "about", "nearly", "almost", "roughly", "around", "approximately", "over", "within", "some", "another", "only", "just":
		if s.wordAt(j) != "some" || s.toks[j+min(1, len(s.toks)-j-1)].k == kNum {
			j++
		}
	case "more", "less", "fewer":
		if s.wordAt(j+1) == "than" {
			j += 2
		}
	case "at":
		if s.wordAt(j+1) == "least" || s.wordAt(j+1) == "most" {
			j += 2
		} else {
			return match{}, false
		}
	case "up":
		if s.wordAt(j+1) == "to" {
			j += 2
		} else {
			return match{}, false
		}
	case "no":
		if s.wordAt(j+1) == "more" && s.wordAt(j+2) == "than" {
			j += 3
		}
	case "an":
		if s.wordAt(j+1) == "additional" || s.wordAt(j+1) == "extra" {
			j += 2
			if u, ok := units[s.wordAt(j)]; ok {
				return match{end: j + 1, typ: Duration, val: durationCode(1, u), anchored: true, det: true}, true
			}
			return match{}, false
		}
	}
	n, k, ok := s.number(j)
	if !ok {
		return match{}, false
	}
	// Ranges: "two to three weeks", "12 to 18 months".
	vague := false
	if w := s.wordAt(k); (w == "to" || w == "or") || s.punctAt(k, "-") && k+1 < len(s.toks) && s.toks[k+1].k == kNum {
		if _, k2, ok := s.number(k + 1); ok && k2 > k+1 {
			if _, isUnit := units[s.wordAt(k2)]; isUnit {
				k = k2
				vague = true
			}
		}
	}
	hyph := false
	if s.hyphenAt(k) {
		hyph = true
		k++
	}
	switch s.wordAt(k) {
	case "more", "additional", "extra", "straight", "consecutive", "trading", "business", "working", "calendar", "full", "long":
		if _, ok := units[s.wordAt(k+1)]; ok && !hyph {
			k++
		}
	}
	uw := s.wordAt(k)
	u, ok := units[uw]
	if !ok {
		if n == 19 && s.wordAt(i) == "nineteen" {
			return s.spokenYear(i)
		}
		// "a day" where "a" is an article is handled as a count; other
		// words are not counts.
		return match{}, false
	}
	if u == uWeekend {
		return match{}, false
	}
	// "a quarter of", "three-quarters": fractions, not periods.
	if u == uQuarter && (n == 1 || hyph && strings.HasSuffix(uw, "s") || s.wordAt(k+1) == "of") {
		return match{}, false
	}
	// A bare "a"/"an"/"one" + "second" is the ordinal sense far more often.
	if uw == "second" && s.wordAt(j) != "one" && s.toks[j].k != kNum {
		return match{}, false
	}
	if n == 1 && s.wordAt(j) == "one" && uw == "day" && !strings.Contains(s.wordAt(k+1), "s") {
		// "one day" is FUTURE_REF in "one day we will"; "for one day" a duration.
		if p := s.wordAt(i - 1); p != "for" && p != "of" && p != "in" && p != "within" {
			return match{}, false
		}
	}
	end := k + 1
	if s.wordAt(end) == "and" && s.wordAt(end+1) == "a" && s.wordAt(end+2) == "half" && n >= 0 {
		n += 0.5 // "a year and a half"
		end += 3
	}
	if uw == "year" && s.hyphenAt(end) && (s.wordAt(end+1) == "earlier" || s.wordAt(end+1) == "ago") && j == i && n == 1 {
		return s.bareUnit(k)
	}
	if s.hyphenAt(end) && (s.wordAt(end+1) == "old" || s.wordAt(end+1) == "olds") {
		return match{}, false
	}
	if s.wordAt(end) == "old" || s.wordAt(end) == "older" || s.wordAt(end) == "younger" {
		return match{}, false
	}
	if s.hyphenAt(end) && s.wordAt(end+1) == "long" {
		end += 2
	}
	if vague || n < 0 {
		n = -1
	}
	// "the past few weeks" is a duration; "a few weeks ago" is PAST_REF.
	switch s.wordAt(end) {
	case "ago":
		return s.ago(i, end+1, n, u)
	case "earlier", "later", "before", "after", "hence":
		w := s.wordAt(end)
		if s.wordAt(end+1) == "than" || hyph {
			break
		}
		if w == "before" || w == "after" {
			// "two days before the vote" is a duration and a signal.
			break
		}
		if w == "hence" {
			return s.ago(i, end+1, -n, u)
		}
		return s.later(i, end+1, n, u, w == "later")
	case "from":
		if s.wordAt(end+1) == "now" {
			return s.ago(i, end+2, -n, u)
		}
	}
	// "$5 million a year" is a SET.
	if n == 1 && (s.wordAt(j) == "a" || s.wordAt(j) == "an") && j == i && !hyph {
		if p := i - 1; p >= 0 && (s.toks[p].k == kNum || s.wordAt(p) == "million" || s.wordAt(p) == "billion" || s.wordAt(p) == "percent" || s.punctAt(p, "%") || s.wordAt(p) == "times") {
			return match{end: end, typ: Set, val: durationCode(1, u), anchored: true}, true
		}
	}
	return match{end: end, typ: Duration, val: durationCode(n, u), anchored: true, det: true}, true
}

// ago resolves "n units ago" (n < 0 for "n units from now") against ref at
// the precision of the unit; vague counts give PAST_REF/FUTURE_REF.
func (s *scanner) ago(i, end int, n float64, u unit) (match, bool) {
	if n == -1 {
		return refMatch(end, "PAST_REF", true), true
	}
	if !s.hasRef {
		return match{end: end, typ: Date, val: unanchoredValue(unitGran(u))}, true
	}
	if u == uYear && n == 1 && s.lastQ.g != gNone {
		p := s.lastQ
		p.y--
		return dateMatch(end, Date, p), true
	}
	t := shift(s.ref, -n, u)
	g := unitGran(u)
	if u == uHour || u == uMinute || u == uSecond {
		g = gDay
	}
	return dateMatch(end, Date, periodOf(t, g)), true
}

// later resolves "three weeks later" / "a year earlier" against the last
// date met (at its precision), or against ref when there is none.
func (s *scanner) later(i, end int, n float64, u unit, forward bool) (match, bool) {
	if n < 0 {
		return match{end: end, typ: Date, val: unanchoredValue(unitGran(u))}, true
	}
	if !forward {
		n = -n
	}
	if u == uYear && (n == 1 || n == -1) && s.lastQ.g != gNone {
		p := s.lastQ
		p.y += int(n)
		return dateMatch(end, Date, p), true
	}
	if s.last.g != gNone {
		t := shift(s.last.start(), n, u)
		g := s.last.g
		if g == gWeekend {
			g = gWeek
		}
		return dateMatch(end, Date, periodOf(t, g)), true
	}
	if !s.hasRef {
		return match{end: end, typ: Date, val: unanchoredValue(unitGran(u))}, true
	}
	return dateMatch(end, Date, periodOf(shift(s.ref, n, u), unitGran(u))), true
}

// bareUnit handles a plural unit alone after "for", "within", "over", "in"
// ("for years" → PXY) and "year-earlier"/"year-ago" compounds.
func (s *scanner) bareUnit(i int) (match, bool) {
	w := s.wordAt(i)
	u := units[w]
	if w == "year" && s.hyphenAt(i+1) {
		switch s.wordAt(i + 2) {
		case "earlier", "ago":
			end := i + 3
			switch s.wordAt(end) {
			case "period", "quarter":
				end++
			}
			if s.lastQ.g != gNone {
				p := s.lastQ
				p.y--
				m := dateMatch(end, Date, p)
				m.det = true
				return m, true
			}
			if !s.hasRef {
				return match{end: end, typ: Date, val: "XXXX", det: true}, true
			}
			m := dateMatch(end, Date, period{g: gYear, y: s.ref.Year() - 1})
			m.det = true
			return m, true
		case "end":
			if !s.hasRef {
				return match{end: i + 3, typ: Date, val: "XXXX", det: true}, true
			}
			m := dateMatch(i+3, Date, period{g: gYear, y: s.ref.Year()})
			m.det = true
			return m, true
		}
	}
	if w == "year" && (s.wordAt(i+1) == "end" || s.punctAt(i+1, "'") && s.wordAt(i+2) == "s" && s.wordAt(i+3) == "end") {
		end := i + 2
		if s.wordAt(i+1) != "end" {
			end = i + 4
		}
		if !s.hasRef {
			return match{end: end, typ: Date, val: "XXXX"}, true
		}
		return dateMatch(end, Date, period{g: gYear, y: s.ref.Year()}), true
	}
	if !strings.HasSuffix(w, "s") || u == uWeekend {
		return match{}, false
	}
	end := i + 1
	if s.hyphenAt(end) && s.wordAt(end+1) == "long" {
		return match{end: end + 2, typ: Duration, val: durationCode(-1, u), anchored: true}, true
	}
	switch s.wordAt(i - 1) {
	case "for", "within", "over", "in":
		if s.wordAt(end) == "ago" {
			return refMatch(end+1, "PAST_REF", true), true
		}
		return match{end: end, typ: Duration, val: durationCode(-1, u), anchored: true}, true
	}
	return match{}, false
}

// setExpr handles "every Monday", "each year", "every two weeks", "once a
// week", "twice a year", "per day".
func (s *scanner) setExpr(i int) (match, bool) {
	w := s.wordAt(i)
	j := i + 1
	switch w {
	case "once", "twice":
		switch s.wordAt(j) {
		case "a", "an", "per", "every", "each":
			j++
		default:
			return match{}, false
		}
		if u, ok := units[s.wordAt(j)]; ok && !strings.HasSuffix(s.wordAt(j), "s") {
			return match{end: j + 1, typ: Set, val: durationCode(1, u), anchored: true}, true
		}
		return match{}, false
	case "per":
		if u, ok := units[s.wordAt(j)]; ok && !strings.HasSuffix(s.wordAt(j), "s") {
			return match{end: j + 1, typ: Set, val: durationCode(1, u), anchored: true}, true
		}
		return match{}, false
	}
	n := 1.0
	if s.wordAt(j) == "other" {
		n = 2
		j++
	} else if v, k, ok := s.number(j); ok && k > j && v > 0 && s.wordAt(j) != "a" {
		n = v
		j = k
	}
	x := s.wordAt(j)
	if x == "" {
		return match{}, false
	}
	if wd, ok := weekdays[x]; ok && !weekdayAbbr[x] {
		v := "XXXX-WXX-" + strconv.Itoa(wd)
		end := j + 1
		if code, ok := partsOfDay[s.wordAt(end)]; ok {
			v += "T" + code
			end++
		}
		return match{end: end, typ: Set, val: v, anchored: true}, true
	}
	if code, ok := partsOfDay[x]; ok {
		return match{end: j + 1, typ: Set, val: "XXXX-XX-XXT" + code, anchored: true}, true
	}
	if mo, ok := months[x]; ok && !monthAbbr[x] && s.toks[j].cap {
		return match{end: j + 1, typ: Set, val: "XXXX-" + twoDigits(mo), anchored: true}, true
	}
	if se, ok := seasons[x]; ok {
		return match{end: j + 1, typ: Set, val: "XXXX-" + se.code, anchored: true}, true
	}
	if u, ok := units[x]; ok && u != uWeekend {
		return match{end: j + 1, typ: Set, val: durationCode(n, u), anchored: true}, true
	}
	if x == "weekend" {
		return match{end: j + 1, typ: Set, val: "XXXX-WXX-WE", anchored: true}, true
	}
	return match{}, false
}
