package ner

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-news/dyad/internal/actors"
)

// Teams in sports reports. A sports report names its teams after their
// towns, counties and states ("Somerset 83 and 174", "CHICAGO 71 64 .526",
// "Leicestershire beat Somerset"); a model trained on web text, which
// has few such reports, labels them places or people. After the sentences
// of a document are labelled, teamsInDocument finds, in a document about
// sport, the names that stand for teams and labels them ORG wherever they
// are not a place:
//
//   - a name in a results or table row is a team (rowTeams): capitalised
//     words (whatever the model made of them) that start the sentence or
//     follow a comma, colon, bracket or the score of the team before,
//     followed by a score ("Bradford 1 Tranmere 0", "Stoke 4 3 1 0 7 4
//     10", "Glamorgan 259 and 207 , Durham 114", "Kent 108-3"); after a
//     score, one or two numbers at most may follow, so that a golfer's
//     round scores ("287 Ian Woosnam 70 76 71 70") are not a team's;
//   - so is a name next to a match word (matchTeam): "X beat Y", "X v Y",
//     "X drew with Y", "against Y", the fixtures line "X at Y" (Y is
//     where the game is played and stays a place), and a name before the
//     word for one of its players ("Norwich striker"); here a one-word PER
//     stays PER, since tennis players beat each other, unless the
//     knowledge base knows the word as a place ("Milwaukee");
//   - so is a nickname (nicknames): a capitalised plural after "the" or
//     after a place ("the Tigers", "the Blue Jays", "Texas Rangers");
//   - and a first-class cricket county (counties);
//   - a country is never a team: national sides stay LOC, as in
//     CoNLL-2003, and neither is a name the model labelled PER that starts
//     with a known given name or has an initial ("P. Simmons");
//   - every other mention of a team's name in the document becomes ORG,
//     except after "in", "at", "from", "to" or "near" and in a dateline,
//     where the name is the place; a one-word PER becomes ORG only for a
//     team of a row or a county, or a place;
//   - so does the first word of a team named with two words or more in a
//     row or in the knowledge base, where it stands alone outside any
//     entity ("Real" of "Real Madrid"), unless it is a place, country or
//     given name ("Manchester" of "Manchester United").
//
// A document is about sport when its first sentence (the headline) has a
// word only sport uses ("soccer", "innings", "halftime", ...), or when
// some sentence has one and at least one sentence in eight has a sports
// word ("league", "goals", ...): a headline about a government's goals or
// the Arab League is no sports report.

// sportsWords mark a sentence about sport (compared in lower case):
// true for the words that only sport uses, false for those that sport
// shares with other news ("league", "goals", "coach").
var sportsWords = map[string]bool{
	"soccer": true, "football": true, "cricket": true, "baseball": true, "rugby": true,
	"tennis": true, "golf": true, "hockey": true, "basketball": true, "athletics": true,
	"cycling": true, "boxing": true, "volleyball": true, "handball": true, "nfl": true,
	"nba": true, "nhl": true, "innings": true, "wickets": true, "wicket": true,
	"halftime": true, "half-time": true, "goalkeeper": true, "striker": true,
	"midfielder": true, "scorers": true, "standings": true, "semifinal": true,
	"semi-final": true, "quarterfinal": true, "quarter-final": true, "playoff": true,
	"play-off": true, "touchdown": true, "inning": true, "homer": true, "pitcher": true,
	"batsman": true, "bowler": true, "overs": true,
	"league": false, "goals": false, "match": false, "matches": false, "tournament": false,
	"championship": false, "qualifier": false, "fixtures": false, "stadium": false,
	"coach": false, "defender": false, "season": false, "cup": false,
}

// matchBefore are the words after which a name is a team ("beat X");
// matchAfter those before which it is one ("X beat").
var (
	matchBefore = map[string]bool{
		"beat": true, "v": true, "vs": true, "vs.": true, "against": true, "defeated": true,
		"thrashed": true, "routed": true, "edged": true, "downed": true, "over": true,
	}
	matchAfter = map[string]bool{
		"beat": true, "beats": true, "v": true, "vs": true, "vs.": true, "defeated": true,
		"drew": true, "lost": true, "thrashed": true, "routed": true, "edged": true,
		"downed": true, "won": true, "draw": true, "lose": true, "win": true,
	}
	// placePrepositions come before a name that is the place of a game.
	placePrepositions = map[string]bool{"in": true, "at": true, "from": true, "to": true, "near": true}
	// notTeams are capitalised words that precede a number in sports
	// reports without being a team ("Group 5", "Division 1", "August 30").
	notTeams = map[string]bool{
		"group": true, "division": true, "round": true, "week": true, "stage": true, "race": true,
		"heat": true, "pool": true, "section": true, "game": true, "match": true, "day": true,
		"lap": true, "hole": true, "set": true, "leg": true, "race-": true, "attendance": true,
		"no": true, "no.": true, "number": true, "page": true, "series": true, "phase": true,
		"part": true, "grade": true, "class": true, "level": true, "team": true, "points": true,
		"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
		"july": true, "august": true, "september": true, "october": true, "november": true,
		"december": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
		"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
		"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
		"saturday": true, "sunday": true, "w": true, "l": true, "d": true, "pct": true, "gb": true,
		"p": true, "pts": true, "euro": true, "formula": true, "the": true, "a": true, "halftime": true, "half-time": true,
		"total": true, "overall": true, "at": true, "in": true, "on": true, "after": true,
		"before": true, "for": true, "with": true, "by": true, "from": true, "to": true, "and": true,
		"but": true, "if": true, "when": true, "as": true, "i": true, "he": true, "she": true, "it": true,
		"they": true, "we": true, "you": true, "his": true, "her": true, "their": true, "this": true,
		"that": true, "then": true, "there": true, "while": true, "since": true, "despite": true, "scores": true, "score": true, "result": true, "results": true,
	}
)

// isScore reports whether w is a score: one to three digits.
func isScore(w string) bool {
	if w == "" || len(w) > 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// isTableNumber reports whether w is a number of a standings row: a score,
// a fraction of games ("1/2") or a percentage written ".556".
func isTableNumber(w string) bool {
	if isScore(w) {
		return true
	}
	if strings.HasPrefix(w, ".") && isScore(w[1:]) {
		return true
	}
	if a, b, ok := strings.Cut(w, "/"); ok && isScore(a) && isScore(b) {
		return true
	}
	return false
}

// isDate reports whether w is a date written YYYY-MM-DD, as datelines
// have them.
func isDate(w string) bool {
	if len(w) != 10 || w[4] != '-' || w[7] != '-' {
		return false
	}
	return isScore(w[:3]) && isScore(w[5:7]) && isScore(w[8:])
}

// allCaps reports whether w has two letters or more, all in capitals.
func allCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// capitalised reports whether w starts with an upper-case letter.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// sportsDocument reports whether a document is about sport: its first
// sentence (the headline) has a word only sport uses, or some sentence
// has one and at least one sentence in eight has a sports word.
func sportsDocument(words [][]string) bool {
	strong, hits := false, 0
	for si, ws := range words {
		hit := false
		for _, w := range ws {
			only, ok := sportsWords[strings.ToLower(w)]
			if only && si == 0 {
				return true
			}
			strong = strong || only
			hit = hit || ok
		}
		if hit {
			hits++
		}
	}
	return strong && hits*8 >= len(words)
}

// nameSpan is a candidate team name: words [Start, End) of a sentence and
// the type the model gave it ("" for capitalised words it left outside any
// entity).
type nameSpan struct {
	Start, End int
	Label      string
}

// matchWord reports whether w is a match word ("beat", "v", ...), which
// ends a run of capitalised words in a headline ("WIGAN BEAT BRADFORD").
func matchWord(w string) bool {
	l := strings.ToLower(w)
	return matchBefore[l] || matchAfter[l]
}

// names returns the entities of a sentence and its runs of capitalised
// words outside any entity (a match word ends a run), in order.
func names(words, labels []string) []nameSpan {
	var out []nameSpan
	for i := 0; i < len(words); {
		if l := labels[i]; len(l) > 2 && l[1] == '-' {
			j := i + 1
			for j < len(words) && len(labels[j]) > 2 && labels[j][0] == 'I' && labels[j][2:] == l[2:] {
				j++
			}
			out = append(out, nameSpan{i, j, l[2:]})
			i = j
			continue
		}
		if !capitalised(words[i]) || notTeams[strings.ToLower(words[i])] || matchWord(words[i]) {
			i++
			continue
		}
		j := i + 1
		// Words in capitals (a headline) are names one by one: the run
		// "HOMERS TWICE AS RANGERS" is no name.
		for j < len(words) && labels[j] == "O" && capitalised(words[j]) && !matchWord(words[j]) && !allCaps(words[j-1]) {
			j++
		}
		out = append(out, nameSpan{i, j, ""})
		i = j
	}
	return out
}

// teamKey is the text of a name, in lower case, as teams are remembered.
func teamKey(words []string) string { return strings.ToLower(strings.Join(words, " ")) }

// teamsInDocument labels ORG the teams of a sports document (see the
// comment at the top of this file). words and labels hold the document's
// sentences; labels are IOB2 and are changed in place.
func (m *Model) teamsInDocument(words, labels [][]string) {
	if m.kb == nil || !sportsDocument(words) {
		return
	}
	// teams maps a team's name to true when it was found in a results
	// or table row, false when only next to a match word.
	teams := map[string]bool{}
	for si, ws := range words {
		for _, n := range m.rowTeams(ws, labels[si]) {
			teams[teamKey(ws[n.Start:n.End])] = true
			setORG(labels[si], n)
		}
		for _, n := range names(ws, labels[si]) {
			if m.matchTeam(ws, n) {
				k := teamKey(ws[n.Start:n.End])
				teams[k] = teams[k] || false
			}
		}
	}
	for si, ws := range words {
		for _, n := range m.nicknames(ws, labels[si]) {
			k := teamKey(ws[n.Start:n.End])
			teams[k] = teams[k] || false
			setORG(labels[si], n)
		}
		for _, n := range names(ws, labels[si]) {
			if counties[teamKey(ws[n.Start:n.End])] {
				teams[teamKey(ws[n.Start:n.End])] = true
			}
		}
	}
	short := m.shortTeamNames(words, labels, teams)
	if len(teams) == 0 && len(short) == 0 {
		return
	}
	for si, ws := range words {
		ls := labels[si]
		if len(ws) > 0 && len(ws) <= 8 && isDate(ws[len(ws)-1]) {
			continue // a dateline names the place of the report
		}
		for _, n := range names(ws, ls) {
			k := teamKey(ws[n.Start:n.End])
			if n.Label == "" && n.End-n.Start == 1 && short[k] {
				setORG(ls, n)
				continue
			}
			row, ok := teams[k]
			if n.Label == "ORG" || !ok {
				continue
			}
			if n.Start > 0 && placePrepositions[strings.ToLower(ws[n.Start-1])] {
				continue
			}
			if n.Label == "PER" && (n.End-n.Start > 1 || !row && !m.place(ws[n.Start:n.End])) {
				continue
			}
			setORG(ls, n)
		}
	}
}

// shortTeamNames returns the first words of the teams of a document
// named with two words or more, found in a results row or in the
// knowledge base ("Real" of "Real Madrid", "Rotor" of "Rotor Volgograd"),
// that may name the team alone: four letters or more, and no place,
// country or given name ("Manchester" of "Manchester United" is not).
func (m *Model) shortTeamNames(words, labels [][]string, teams map[string]bool) map[string]bool {
	short := map[string]bool{}
	add := func(name []string) {
		w := name[0]
		if len(name) < 2 || utf8.RuneCountInString(w) < 4 || allCaps(w) || notTeams[strings.ToLower(w)] {
			return
		}
		if _, ok := m.kb.GivenName(w); ok || m.place(name[:1]) || m.country(name[:1]) {
			return
		}
		short[strings.ToLower(w)] = true
	}
	for si, ws := range words {
		for _, n := range names(ws, labels[si]) {
			if teams[teamKey(ws[n.Start:n.End])] {
				add(ws[n.Start:n.End])
			}
		}
	}
	for _, ws := range words {
		for _, k := range m.kb.Match(ws) {
			if k.Kind == actors.Organisation && (k.Via == actors.ViaName || k.Via == actors.ViaAlias) && capitalised(ws[k.Start]) {
				add(ws[k.Start:k.End])
			}
		}
	}
	return short
}

// setORG labels name n of a sentence ORG.
func setORG(labels []string, n nameSpan) {
	labels[n.Start] = "B-ORG"
	for i := n.Start + 1; i < n.End; i++ {
		labels[i] = "I-ORG"
	}
}

// rowTeams returns the teams of a sentence that is a results or table
// row: a run of capitalised words (joined by "of", "'s" or "&") that
// starts the sentence or follows a comma, colon or the score of the team
// before it, and that a score follows ("Bradford 1 Tranmere 0", "Stoke 4
// 3 1 0 7 4 10", "Glamorgan 259 and 207 , Durham 114", "Kent 108-3").
// After a score, the team must be followed by one or two numbers only,
// so that a golfer's round scores ("287 Ian Woosnam 70 76 71 70") are not
// taken for a team's. Countries, and names the model labelled PER that
// start with a known given name or have an initial ("P. Simmons"), are
// not teams.
func (m *Model) rowTeams(words, labels []string) []nameSpan {
	var out []nameSpan
	for i := 1; i < len(words); i++ {
		if !isScore(words[i]) && !isRunsScore(words[i]) {
			continue
		}
		s := i
		// A letter in brackets tells apart clubs of one name: "Mladost
		// ( L ) 2".
		if s >= 4 && words[s-1] == ")" && words[s-3] == "(" && len(words[s-2]) <= 2 && strings.ToUpper(words[s-2]) == words[s-2] && capitalised(words[s-2]) && capitalised(words[s-4]) {
			s -= 3
		}
		for s > 0 && (capitalised(words[s-1]) || s-1 > 0 && s < i && connector(words[s-1]) && capitalised(words[s-2])) {
			s--
		}
		if s == i || !capitalised(words[s]) {
			continue
		}
		numbers := 0
		for j := i; j < len(words) && (isTableNumber(words[j]) || isRunsScore(words[j])); j++ {
			numbers++
		}
		if s > 0 {
			prev := words[s-1]
			switch {
			case prev == "," || prev == ";" || prev == ":":
			case isScore(prev) || isRunsScore(prev) || prev == ")":
				if numbers > 2 {
					continue
				}
			default:
				continue
			}
		}
		n := nameSpan{s, i, ""}
		if words[i-1] == ")" {
			n.End = i - 3 // the name is checked without its letter
		}
		if n.End-n.Start == 1 && utf8.RuneCountInString(words[s]) < 2 || slices.ContainsFunc(words[n.Start:n.End], func(w string) bool { return notTeams[strings.ToLower(w)] }) {
			continue
		}
		if m.person(words, labels, n) || m.country(words[n.Start:n.End]) {
			continue
		}
		n.End = i
		out = append(out, n)
	}
	return out
}

// connector reports whether w may join the words of a team's name
// ("Queen of the South", "Queen 's Park", "Douglas & Lomason").
func connector(w string) bool { return w == "of" || w == "'s" || w == "&" }

// isRunsScore reports whether w is a score written with a dash: runs for
// wickets ("108-3") or a result ("2-1").
func isRunsScore(w string) bool {
	a, b, ok := strings.Cut(w, "-")
	return ok && isScore(a) && len(b) <= 2 && isScore(b)
}

// person reports whether the model labelled name n (words [Start, End))
// as a person with a known given name or an initial.
func (m *Model) person(words, labels []string, n nameSpan) bool {
	per := false
	for i := n.Start; i < n.End; i++ {
		if strings.HasSuffix(labels[i], "PER") {
			per = true
		}
	}
	if !per {
		return false
	}
	if n.End-n.Start == 1 {
		return strings.Contains(words[n.Start], ".")
	}
	if _, ok := m.kb.GivenName(words[n.Start]); ok {
		return true
	}
	for _, w := range words[n.Start:n.End] {
		if strings.Contains(w, ".") {
			return true
		}
	}
	return false
}

// matchTeam reports whether name n of a sentence stands for a team next
// to a match word ("X beat Y"): it is not a country, not a person's name
// (unless the knowledge base knows the one word as a place: "Milwaukee")
// and not a one-letter word ("I lost").
func (m *Model) matchTeam(words []string, n nameSpan) bool {
	if n.Label == "ORG" || !nextToMatchWord(words, n) {
		return false
	}
	w := words[n.Start]
	if notTeams[strings.ToLower(w)] || !capitalised(w) || n.End-n.Start == 1 && utf8.RuneCountInString(w) < 2 {
		return false
	}
	if n.Label == "PER" && (n.End-n.Start > 1 || !m.place(words[n.Start:n.End])) {
		return false
	}
	return !m.country(words[n.Start:n.End])
}

// counties are the English and Welsh counties that play first-class
// cricket: in a sports report the county is the team.
var counties = map[string]bool{
	"derbyshire": true, "durham": true, "essex": true, "glamorgan": true, "gloucestershire": true,
	"hampshire": true, "kent": true, "lancashire": true, "leicestershire": true, "middlesex": true,
	"northamptonshire": true, "nottinghamshire": true, "somerset": true, "surrey": true,
	"sussex": true, "warwickshire": true, "worcestershire": true, "yorkshire": true,
}

// notNicknames are capitalised plurals after "the" in sports reports that
// name no team.
var notNicknames = map[string]bool{
	"games": true, "olympics": true, "paralympics": true, "championships": true, "nations": true,
	"americas": true, "alps": true, "islands": true, "masters": true, "finals": true,
	"playoffs": true, "series": true, "rules": true, "states": true, "emirates": true,
	"times": true, "news": true, "affairs": true, "services": true, "forces": true,
	"internationals": true, "awards": true, "cups": true, "commons": true, "lords": true,
	"highlands": true, "midlands": true, "netherlands": true, "philippines": true,
	"bahamas": true, "maldives": true, "seychelles": true, "comoros": true, "himalayas": true,
	"rockies": true, "ashes": true, "andes": true, "pyrenees": true, "dolomites": true, "ardennes": true,
}

// nicknames returns the teams of a sentence named by a nickname, a
// capitalised plural after "the" or after a place: "the Tigers", "the
// Blue Jays", "the Kansas City Royals", "Texas Rangers". The words before
// the plural (three at most) must be capitalised and no capitalised word
// may follow it; a country ("the Netherlands", "the Swiss"), a place
// ending in s ("Athens") and the plurals of notNicknames are not teams.
func (m *Model) nicknames(words, labels []string) []nameSpan {
	var out []nameSpan
	for k := 1; k < len(words); k++ {
		w := words[k]
		l := strings.ToLower(w)
		plural := l == "sox" || utf8.RuneCountInString(w) >= 4 && strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss") && !strings.HasSuffix(l, "'s")
		if !plural || !capitalised(w) || notNicknames[l] || labels[k] == "B-ORG" || labels[k] == "I-ORG" {
			continue
		}
		if k+1 < len(words) && (strings.HasPrefix(labels[k+1], "I-") || capitalised(words[k+1])) {
			continue // a longer name: "the Athens Games"
		}
		if m.place(words[k:k+1]) || m.country(words[k:k+1]) {
			continue // "the Athens", "the Bahamas"
		}
		s := k
		for s > 0 && k-s < 3 && capitalised(words[s-1]) && words[s-1] != "The" {
			s--
		}
		if strings.HasPrefix(labels[s], "I-") {
			continue // an entity runs into the name
		}
		the := s > 0 && (words[s-1] == "the" || words[s-1] == "The") || s > 0 && words[s-1] == "THE"
		if !the && (s == k || !m.place(words[s:k])) {
			continue
		}
		if m.country(words[s : k+1]) {
			continue
		}
		out = append(out, nameSpan{s, k + 1, ""})
	}
	return out
}

// place reports whether words are exactly the name of a city or region
// of the knowledge base.
func (m *Model) place(words []string) bool {
	for _, k := range m.kb.Match(words) {
		if k.Start == 0 && k.End == len(words) && (k.Kind == actors.City || k.Kind == actors.Region) {
			return true
		}
	}
	return false
}

// nextToMatchWord reports whether name n stands next to a match word
// ("beat", "v", "against", "drew", ...) or before a word for a player of
// a team ("striker", "captain", ...).
func nextToMatchWord(words []string, n nameSpan) bool {
	if n.Start > 0 && matchBefore[strings.ToLower(words[n.Start-1])] {
		return true
	}
	if n.Start > 1 && strings.ToLower(words[n.Start-1]) == "with" && strings.ToLower(words[n.Start-2]) == "drew" {
		return true
	}
	if n.Start > 1 && strings.ToLower(words[n.Start-1]) == "to" && strings.ToLower(words[n.Start-2]) == "lost" {
		return true
	}
	if n.End >= len(words) {
		return false
	}
	next := strings.ToLower(words[n.End])
	// A fixtures line: "KANSAS CITY AT DETROIT".
	if next == "at" && n.Start == 0 && len(words) <= 8 {
		return true
	}
	return matchAfter[next] || teamRoles[next]
}

// teamRoles are the words for a player or official of a team, which
// follow the team's name ("Norwich striker Keith O'Neill", "Surrey
// captain Chris Lewis").
var teamRoles = map[string]bool{
	"striker": true, "defender": true, "midfielder": true, "goalkeeper": true, "keeper": true,
	"forward": true, "winger": true, "captain": true, "skipper": true, "manager": true,
	"coach": true, "batsman": true, "bowler": true, "all-rounder": true, "pitcher": true,
	"shortstop": true, "quarterback": true, "fly-half": true, "scrum-half": true,
	"hooker": true, "flanker": true, "prop": true, "centre": true, "full-back": true,
	"playmaker": true, "chairman": true, "seamer": true, "spinner": true, "wicketkeeper": true,
}

// country reports whether words are exactly the name, adjective or
// demonym of a country in the knowledge base, or a home nation.
func (m *Model) country(words []string) bool {
	for _, k := range m.kb.Match(words) {
		if k.Start == 0 && k.End == len(words) && k.Kind == actors.Country {
			return true
		}
	}
	return homeNations[teamKey(words)]
}

// homeNations are nations that field national sides without being
// countries of the knowledge base (where they are regions).
var homeNations = map[string]bool{
	"england": true, "scotland": true, "wales": true, "northern ireland": true,
	"great britain": true, "west indies": true,
}
