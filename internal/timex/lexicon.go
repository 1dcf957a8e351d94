package timex

import "strconv"

// The lookup tables of the scanner. Keys are lower case.

// months maps month names and abbreviations to 1..12.
var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// monthAbbr marks the entries of months that are abbreviations: they need a
// following period, day or year to count ("Mar. 31", "Jan 2025").
var monthAbbr = map[string]bool{
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// weekdays maps weekday names to ISO numbers (Monday 1 … Sunday 7).
var weekdays = map[string]int{
	"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
	"mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
}

// weekdayAbbr marks abbreviations in weekdays; they need a following period.
var weekdayAbbr = map[string]bool{
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true, "thurs": true,
	"fri": true, "sat": true, "sun": true,
}

// weekdaysPlural maps "mondays" … to ISO numbers; they make SETs.
var weekdaysPlural = map[string]int{
	"mondays": 1, "tuesdays": 2, "wednesdays": 3, "thursdays": 4, "fridays": 5, "saturdays": 6, "sundays": 7,
}

// numberWords maps cardinal words to values; tens combine with units
// ("twenty-four", "twenty four").
var numberWords = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}

// ordinals maps ordinal words to values (days of the month, quarters).
var ordinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
	"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
	"nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}

// vague quantities give an unspecified count ("several years" → PXY).
var vagueCounts = map[string]bool{
	"several": true, "few": true, "many": true, "some": true, "numerous": true, "couple": true,
}

// unit is a calendar unit that durations and relative dates count in.
type unit uint8

const (
	uNone unit = iota
	uSecond
	uMinute
	uHour
	uDay
	uWeek
	uFortnight
	uMonth
	uQuarter
	uYear
	uDecade
	uCentury
	uWeekend
)

// units maps unit nouns, singular and plural, to units.
var units = map[string]unit{
	"second": uSecond, "seconds": uSecond, "minute": uMinute, "minutes": uMinute,
	"hour": uHour, "hours": uHour, "day": uDay, "days": uDay, "week": uWeek, "weeks": uWeek,
	"fortnight": uFortnight, "fortnights": uFortnight, "month": uMonth, "months": uMonth,
	"quarter": uQuarter, "quarters": uQuarter, "year": uYear, "years": uYear,
	"decade": uDecade, "decades": uDecade, "century": uCentury, "centuries": uCentury,
	"weekend": uWeekend, "weekends": uWeekend,
}

// durationCode returns the TIMEX3 duration of n units ("P3Y", "PT5H");
// n < 0 means an unspecified number ("PXY").
func durationCode(n float64, u unit) string {
	var num string
	if n < 0 {
		num = "X"
	} else {
		switch u {
		case uFortnight:
			n, u = n*2, uWeek
		case uDecade:
			n, u = n*10, uYear
		case uCentury:
			n, u = n*100, uYear
		case uWeekend:
			n, u = n*2, uDay
		}
		if n != float64(int64(n)) && n < 1e6 {
			if v, ok := mixedDuration(n, u); ok {
				return v
			}
		}
		num = formatNum(n)
	}
	switch u {
	case uSecond:
		return "PT" + num + "S"
	case uMinute:
		return "PT" + num + "M"
	case uHour:
		return "PT" + num + "H"
	case uDay, uWeekend:
		return "P" + num + "D"
	case uWeek, uFortnight:
		return "P" + num + "W"
	case uMonth:
		return "P" + num + "M"
	case uQuarter:
		return "P" + num + "Q"
	case uYear:
		return "P" + num + "Y"
	case uDecade:
		return "P" + num + "DE"
	case uCentury:
		return "P" + num + "CE"
	}
	return "P" + num + "D"
}

// partsOfDay maps words for parts of a day to TIMEX3 codes.
var partsOfDay = map[string]string{
	"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}

// seasons maps season names to TIMEX3 codes and the month they start in.
var seasons = map[string]struct {
	code  string
	month int
}{
	"spring": {"SP", 3}, "summer": {"SU", 6}, "autumn": {"FA", 9}, "fall": {"FA", 9}, "winter": {"WI", 12},
}

// timeZones are zone words that may follow a clock time; utcZones mark UTC.
var timeZones = map[string]bool{
	"gmt": true, "utc": true, "est": true, "edt": true, "cst": true, "cdt": true, "mst": true,
	"mdt": true, "pst": true, "pdt": true, "bst": true, "cet": true, "cest": true, "et": true,
	"pt": true, "ct": true, "ist": true, "jst": true, "msk": true, "z": true,
}

var utcZones = map[string]bool{"gmt": true, "utc": true, "z": true}

// refWords are single words with a TIMEX3 reference value.
var refWords = map[string]string{
	"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
	"presently": "PRESENT_REF", "current": "PRESENT_REF",
	"recently": "PAST_REF",
	"formerly": "PAST_REF", "lately": "PAST_REF",
	"future": "FUTURE_REF",
}

// setAdverbs are frequency adverbs typed SET.
var setAdverbs = map[string]string{
	"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
	"hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W", "fortnightly": "P2W",
}

// Tense cue words for guessing the tense around an expression.
var futureCues = map[string]bool{
	"will": true, "shall": true, "ll": true, "wo": true, "going": true, "due": true,
	"scheduled": true, "expected": true, "set": true, "plans": true, "plan": true,
	"planning": true, "soon": true, "intends": true, "upcoming": true, "would": true,
	"tomorrow": true, "hopes": true, "aims": true, "expects": true, "next": true,
	"coming": true, "later": true,
}

var pastCues = map[string]bool{
	"said": true, "was": true, "were": true, "had": true, "did": true, "ago": true,
	"told": true, "met": true, "went": true, "came": true, "took": true, "made": true,
	"gave": true, "held": true, "left": true, "began": true, "fell": true, "rose": true,
	"won": true, "lost": true, "sent": true, "got": true, "saw": true, "found": true,
	"thought": true, "spoke": true, "wrote": true, "ran": true, "paid": true, "sold": true,
	"bought": true, "brought": true, "struck": true, "hit": true, "put": true, "led": true,
	"fled": true, "shot": true, "killed": true, "became": true, "last": true, "yesterday": true,
	"earlier": true, "been": true, "quit": true, "knew": true, "felt": true, "kept": true,
	"broke": true, "chose": true, "drew": true, "grew": true, "threw": true, "flew": true,
	"swore": true, "stood": true, "sat": true, "spent": true, "since": true,
}

var presentCues = map[string]bool{
	"is": true, "are": true, "am": true, "says": true, "say": true, "has": true, "have": true,
}

// notPastEd are -ed words that are not past-tense verbs.
var notPastEd = map[string]bool{
	"need": true, "speed": true, "bed": true, "red": true, "seed": true, "feed": true,
	"indeed": true, "hundred": true, "shed": true, "led": true, "wed": true, "ted": true,
	"fred": true, "ahmed": true, "mohammed": true, "muhammad": true, "united": true,
	"limited": true, "scheduled": true, "expected": true, "proposed": true,
	"unprecedented": true, "based": true, "related": true, "concerned": true,
}

// notYearAfter are words after a four-digit number that make it a count,
// not a year ("2000 people").
var notYearAfter = map[string]bool{
	"people": true, "troops": true, "soldiers": true, "percent": true, "per": true, "%": true,
	"million": true, "billion": true, "points": true, "feet": true, "metres": true, "meters": true,
	"km": true, "miles": true, "tons": true, "tonnes": true, "votes": true, "dollars": true,
	"euros": true, "pounds": true, "members": true, "jobs": true, "workers": true, "cars": true,
	"units": true, "shares": true, "seats": true, "cases": true, "deaths": true, "hours": true,
	"years": true, "days": true, "employees": true, "residents": true, "students": true,
	"children": true, "police": true, "officers": true, "homes": true, "houses": true, "m": true,
	"mw": true, "kg": true, "barrels": true, "acres": true, "times": true, "yards": true,
	"rpm": true, "cc": true, "bc": false,
}

// notYearBefore are words before a four-digit number that make it a count.
var notYearBefore = map[string]bool{
	"$": true, "£": true, "€": true, "about": true, "some": true, "nearly": true, "than": true,
	"approximately": true, "almost": true, "#": true, "no": true, "number": true, "route": true,
	"flight": true, "room": true, "windows": true, "boeing": true, "airbus": true, "a": true,
	"model": true, "highway": true, "version": true, "rs": true, "us$": true, "usd": true,
	"the": false,
}

// decadeWords map "the nineties" and the like to the decade's first year
// within a century.
var decadeWords = map[string]int{
	"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
	"seventies": 70, "eighties": 80, "nineties": 90,
}

// mixedDuration writes a fractional count in whole smaller units where they
// divide evenly: 2.5 years → P2Y6M, 5.5 hours → PT5H30M, 1.5 minutes → PT1M30S.
func mixedDuration(n float64, u unit) (string, bool) {
	whole := int64(n)
	frac := n - float64(whole)
	var small float64
	var big, smallCode string
	prefix := "P"
	switch u {
	case uYear:
		small, big, smallCode = frac*12, "Y", "M"
	case uMonth:
		return "", false
	case uWeek:
		small, big, smallCode = frac*7, "W", "D"
	case uDay:
		small, big, smallCode, prefix = frac*24, "D", "H", "P"
	case uHour:
		small, big, smallCode, prefix = frac*60, "H", "M", "PT"
	case uMinute:
		small, big, smallCode, prefix = frac*60, "M", "S", "PT"
	default:
		return "", false
	}
	if small != float64(int64(small)) {
		return "", false
	}
	out := prefix
	if whole > 0 {
		out += strconv.FormatInt(whole, 10) + big
	}
	if u == uDay {
		out += "T"
	}
	return out + strconv.FormatInt(int64(small), 10) + smallCode, true
}
