package timex

import (
	"strconv"
	"time"
)

// gran is the granularity of a resolved calendar period.
type gran uint8

const (
	gNone gran = iota
	gDay
	gWeek
	gWeekend
	gMonth
	gSeason
	gQuarter
	gHalf
	gYear
	gDecade
	gCentury
)

// period is a resolved calendar period: y, m, d for days and months; n is
// the week, quarter or half number; code is the season code.
type period struct {
	g       gran
	y, m, d int
	n       int
	code    string
}

func pad(b []byte, n, width int) []byte {
	if n < 0 {
		n = -n
		b = append(b, '-')
	}
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// String returns the TIMEX3 value of the period.
func (p period) String() string {
	b := make([]byte, 0, 16)
	switch p.g {
	case gDay:
		b = pad(b, p.y, 4)
		b = append(b, '-')
		b = pad(b, p.m, 2)
		b = append(b, '-')
		b = pad(b, p.d, 2)
	case gWeek, gWeekend:
		b = pad(b, p.y, 4)
		b = append(b, "-W"...)
		b = pad(b, p.n, 2)
		if p.g == gWeekend {
			b = append(b, "-WE"...)
		}
	case gMonth:
		b = pad(b, p.y, 4)
		b = append(b, '-')
		b = pad(b, p.m, 2)
	case gSeason:
		b = pad(b, p.y, 4)
		b = append(b, '-')
		b = append(b, p.code...)
	case gQuarter:
		b = pad(b, p.y, 4)
		b = append(b, "-Q"...)
		b = pad(b, p.n, 1)
	case gHalf:
		b = pad(b, p.y, 4)
		b = append(b, "-H"...)
		b = pad(b, p.n, 1)
	case gYear:
		b = pad(b, p.y, 4)
	case gDecade:
		b = pad(b, p.y/10, 3)
	case gCentury:
		b = pad(b, p.y/100, 2)
	}
	return string(b)
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// start returns the first day of the period.
func (p period) start() time.Time {
	switch p.g {
	case gDay:
		return date(p.y, p.m, p.d)
	case gWeek:
		return isoWeekStart(p.y, p.n)
	case gWeekend:
		return isoWeekStart(p.y, p.n).AddDate(0, 0, 5)
	case gMonth:
		return date(p.y, p.m, 1)
	case gSeason:
		for _, s := range seasons {
			if s.code == p.code {
				return date(p.y, s.month, 1)
			}
		}
	case gQuarter:
		return date(p.y, 3*p.n-2, 1)
	case gHalf:
		return date(p.y, 6*p.n-5, 1)
	case gDecade:
		return date(p.y/10*10, 1, 1)
	case gCentury:
		return date(p.y/100*100, 1, 1)
	}
	return date(p.y, 1, 1)
}

// periodOf returns the period of granularity g that contains day t.
func periodOf(t time.Time, g gran) period {
	y, m, d := t.Year(), int(t.Month()), t.Day()
	switch g {
	case gDay:
		return period{g: gDay, y: y, m: m, d: d}
	case gWeek, gWeekend:
		wy, w := t.ISOWeek()
		return period{g: g, y: wy, n: w}
	case gMonth:
		return period{g: gMonth, y: y, m: m}
	case gQuarter:
		return period{g: gQuarter, y: y, n: (m-1)/3 + 1}
	case gHalf:
		return period{g: gHalf, y: y, n: (m-1)/6 + 1}
	case gSeason:
		// Winter belongs to the year of its December.
		switch {
		case m <= 2:
			return period{g: gSeason, y: y - 1, code: "WI"}
		case m <= 5:
			return period{g: gSeason, y: y, code: "SP"}
		case m <= 8:
			return period{g: gSeason, y: y, code: "SU"}
		case m <= 11:
			return period{g: gSeason, y: y, code: "FA"}
		}
		return period{g: gSeason, y: y, code: "WI"}
	case gDecade:
		return period{g: gDecade, y: y}
	case gCentury:
		return period{g: gCentury, y: y}
	}
	return period{g: gYear, y: y}
}

// unitGran maps a counting unit to the granularity of a date counted in it.
func unitGran(u unit) gran {
	switch u {
	case uWeek, uFortnight, uWeekend:
		return gWeek
	case uMonth:
		return gMonth
	case uQuarter:
		return gQuarter
	case uYear:
		return gYear
	case uDecade:
		return gDecade
	case uCentury:
		return gCentury
	}
	return gDay
}

// shift moves day t by n units (n may be negative or fractional for days).
func shift(t time.Time, n float64, u unit) time.Time {
	k := int(n)
	switch u {
	case uSecond, uMinute:
		return t
	case uHour:
		return t.Add(time.Duration(n * float64(time.Hour)))
	case uDay:
		return t.AddDate(0, 0, k)
	case uWeek:
		return t.AddDate(0, 0, 7*k)
	case uFortnight:
		return t.AddDate(0, 0, 14*k)
	case uWeekend:
		return t.AddDate(0, 0, 7*k)
	case uMonth, uQuarter, uYear, uDecade, uCentury:
		mult := 1
		switch u {
		case uQuarter:
			mult = 3
		case uYear:
			mult = 12
		case uDecade:
			mult = 120
		case uCentury:
			mult = 1200
		}
		months := int(n*float64(mult) + 0.5*sign(n))
		first := date(t.Year(), int(t.Month()), 1).AddDate(0, months, 0)
		d := t.Day()
		if dim := daysIn(first.Year(), int(first.Month())); d > dim {
			d = dim
		}
		return date(first.Year(), int(first.Month()), d)
	}
	return t
}

func sign(n float64) float64 {
	if n < 0 {
		return -1
	}
	return 1
}

// daysIn returns the number of days of month m in year y.
func daysIn(y, m int) int {
	return date(y, m+1, 0).Day()
}

// dayOK reports whether d is a day of month m (in year y when y > 0).
func dayOK(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	if y <= 0 {
		y = 2000 // a leap year: February 29 without a year is allowed
	}
	return d <= daysIn(y, m)
}

// pickYear chooses the year of a yearless month-day (or period start month)
// relative to ref: dir < 0 the latest one not after ref, dir > 0 the
// earliest one not before ref, dir == 0 the nearest. strict excludes ref's
// own month (for "last March", "next March" and days "last/next").
func pickYear(ref time.Time, m, d int, dir int, strict bool, byMonth bool) int {
	y := ref.Year()
	refKey := int(ref.Month())*100 + ref.Day()
	key := m*100 + d
	if byMonth {
		refKey = int(ref.Month()) * 100
		key = m * 100
	}
	switch {
	case dir < 0:
		if key < refKey || (key == refKey && !strict) {
			return y
		}
		return y - 1
	case dir > 0:
		if key > refKey || (key == refKey && !strict) {
			return y
		}
		return y + 1
	}
	// nearest
	best, bestDist := y, 1<<30
	for _, cy := range []int{y, y - 1, y + 1} {
		dd := d
		if dd < 1 {
			dd = 1
		}
		if !dayOK(cy, m, dd) {
			dd = daysIn(cy, m)
		}
		dist := int(date(cy, m, dd).Sub(ref).Hours() / 24)
		if dist < 0 {
			dist = -dist
		}
		if byMonth {
			dist = (cy*12 + m) - (ref.Year()*12 + int(ref.Month()))
			if dist < 0 {
				dist = -dist
			}
			dist *= 31
		}
		if dist < bestDist {
			best, bestDist = cy, dist
		}
	}
	return best
}

// weekdayDate returns the day with ISO weekday wd nearest ref in direction
// dir (< 0 back, otherwise forward); strict excludes ref itself.
func weekdayDate(ref time.Time, wd int, dir int, strict bool) time.Time {
	refWd := int(ref.Weekday())
	if refWd == 0 {
		refWd = 7
	}
	if dir < 0 {
		diff := (refWd - wd + 7) % 7
		if diff == 0 && strict {
			diff = 7
		}
		return ref.AddDate(0, 0, -diff)
	}
	diff := (wd - refWd + 7) % 7
	if diff == 0 && strict {
		diff = 7
	}
	return ref.AddDate(0, 0, diff)
}
