package actors

import (
	"strings"
	"time"
)

// Kind says what an Entry of the knowledge base is.
type Kind int

// The kinds of entries. Their order is also the order of preference when
// one phrase names entries of several kinds (a person called like a city
// is taken as the person).
const (
	Unknown      Kind = iota
	Person            // a named person with dated roles
	Country           // a country or territory
	IGO               // an intergovernmental organisation or one of its bodies
	Party             // a political party
	Media             // a news organisation
	Organisation      // any other named organisation (companies, armed groups, NGOs)
	Metonym           // a place that stands for an institution ("the Kremlin")
	Region            // a region of a country ("Gaza", "Crimea")
	City              // a city (capitals included)
	Agent             // a generic agent word ("minister", "troops")
	GivenName         // a given name, used to guess gender and person names
)

var kindNames = [...]string{"unknown", "person", "country", "igo", "party", "media", "organisation", "metonym", "region", "city", "agent", "given-name"}

// String returns the lower-case name of the kind ("person", "igo", ...).
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return "unknown"
	}
	return kindNames[k]
}

// Actor is an entry resolved on a date: the code, title and sector valid
// on that date.
type Actor struct {
	ID      string // stable slug, e.g. "vladimir-putin", "RUS", "nato"
	Name    string // canonical name
	Code    string // CAMEO code valid on the date asked, e.g. "RUSGOV"; "" when none
	Country string // first 3 letters of Code, or the country itself
	Sector  string // e.g. "GOV", "MIL", "MED"; "" for a country as a whole
	Kind    Kind
	Gender  string // "m", "f", "" (people)
	Title   string // role title on the date, e.g. "President"
	Role    string // role key on the date, e.g. "head-of-state"
}

// Role is one dated office or affiliation of an entry.
type Role struct {
	Code  string    // CAMEO code, e.g. "RUSGOV"; "" for PETRARCH's null code "---"
	Role  string    // role key, e.g. "head-of-state", "spokesperson", "other"
	Title string    // title as news writes it, e.g. "President"
	Start time.Time // first day (zero: since always)
	End   time.Time // last day, inclusive (zero: still held)
	Src   string    // file:line it was read from
}

// Dated reports whether the role has a start or an end date.
func (r Role) Dated() bool { return !r.Start.IsZero() || !r.End.IsZero() }

// ValidOn reports whether the role is held on day d.
func (r Role) ValidOn(d time.Time) bool {
	d = day(d)
	if !r.Start.IsZero() && d.Before(r.Start) {
		return false
	}
	if !r.End.IsZero() && d.After(r.End) {
		return false
	}
	return true
}

// Entry is one actor, place, agent word or given name of the knowledge base,
// as read from the dictionary files.
type Entry struct {
	ID      string   // stable slug: "vladimir-putin", "RUS", "nato", "moscow-rus"
	Name    string   // canonical name
	Aliases []string // other names used in news
	Kind    Kind
	Code    string // undated CAMEO code (countries, organisations, cities, metonyms)
	Country string // ISO 3166-1 alpha-3 as CAMEO uses it, or "IGO"
	Gender  string // "m", "f" or "" (people, given names)
	Roles   []Role // dated roles (people and imported PETRARCH actors)

	// Countries only.
	Adjectives []string // "Russian"
	Demonyms   []string // "Russian", "Russians"
	Capital    string   // "Moscow"
	Leader     string   // role key of who leads the country: "head-of-government" in parliamentary systems, else "head-of-state"

	// Agents only.
	Sector  string // sector code(s) appended to a country code: "GOV", "GOVMED"
	RoleKey string // role the agent word names, e.g. "head-of-state" for "president"

	PartOf string // IGO bodies: the id of the organisation they belong to
	Src    string // file:line of the entry's first line
}

// Actor resolves e on date d: the role valid on that day (see the package
// documentation for the order of preference), or the undated code.
func (e *Entry) Actor(d time.Time) Actor {
	a := Actor{ID: e.ID, Name: e.Name, Kind: e.Kind, Gender: e.Gender, Code: e.Code}
	if r, ok := e.RoleOn(d); ok {
		a.Code, a.Title, a.Role = r.Code, r.Title, r.Role
	} else if e.Kind == Person && a.Code == "" && len(e.Roles) > 0 {
		// Known office holder outside any office: CAMEO codes former and
		// future officials and other prominent people as elites, of their
		// country (an international official's first national role).
		if c := e.homeCountry(); c != "" {
			a.Code = c + "ELI"
		}
	} else if a.Code == "" && e.Country != "" && e.Kind != Agent && e.Kind != GivenName {
		a.Code = e.Country
	}
	a.Country, a.Sector = splitCode(a.Code)
	if a.Country == "" {
		a.Country = e.Country
	}
	return a
}

func (e *Entry) homeCountry() string {
	if e.Country != "" && e.Country != "IGO" {
		return e.Country
	}
	for _, r := range e.Roles {
		if len(r.Code) >= 3 && r.Code[:3] != "IGO" {
			return r.Code[:3]
		}
	}
	return ""
}

// RoleOn returns the role of e on day d. When several roles hold, the
// preferred one is: a dated role over an undated one; a government,
// military or other institutional code over a party (PTY, OPP) code over an
// elite (ELI) code; a higher office over a lower one; the latest start.
func (e *Entry) RoleOn(d time.Time) (Role, bool) {
	best := -1
	for i, r := range e.Roles {
		if !r.ValidOn(d) {
			continue
		}
		if best < 0 || roleBefore(r, e.Roles[best]) {
			best = i
		}
	}
	if best < 0 {
		return Role{}, false
	}
	return e.Roles[best], true
}

// roleBefore reports whether a is preferred to b.
func roleBefore(a, b Role) bool {
	if a.Dated() != b.Dated() {
		return a.Dated()
	}
	if ca, cb := codeClass(a.Code), codeClass(b.Code); ca != cb {
		return ca < cb
	}
	if ra, rb := roleRank(a.Role), roleRank(b.Role); ra != rb {
		return ra < rb
	}
	return a.Start.After(b.Start)
}

func codeClass(code string) int {
	_, sec := splitCode(code)
	switch {
	case code == "":
		return 3
	case strings.HasSuffix(code, "ELI") || sec == "ELI":
		return 2
	case sec == "PTY" || sec == "OPP":
		return 1
	}
	return 0
}

// RoleKeys lists the role keys of the people files, highest office first.
var RoleKeys = []string{
	"head-of-state", "head-of-government", "secretary-general",
	"foreign-minister", "defence-minister", "finance-minister", "interior-minister",
	"military-chief", "central-bank", "legislature-speaker", "minister",
	"spokesperson", "opposition-leader", "party-leader", "official", "other",
}

func roleRank(key string) int {
	for i, k := range RoleKeys {
		if k == key {
			return i
		}
	}
	return len(RoleKeys)
}

// Sectors lists the CAMEO sector (agent) codes dyad knows, with their meaning.
var Sectors = map[string]string{
	"GOV": "government", "MIL": "military", "COP": "police", "JUD": "judiciary",
	"LEG": "legislature", "OPP": "political opposition", "PTY": "political party",
	"REB": "rebels", "INS": "insurgents", "UAF": "unidentified armed forces",
	"SPY": "intelligence", "MED": "media", "BUS": "business", "CVL": "civilians",
	"EDU": "education", "REL": "religion", "NGO": "non-governmental organisation",
	"NGM": "non-governmental movement", "IGO": "intergovernmental organisation",
	"LAB": "labour", "HLH": "health", "REF": "refugees", "ELI": "elites",
	"HRI": "human rights", "AGR": "agriculture", "ENV": "environment",
	"DEV": "development", "CRM": "criminals", "MOD": "moderates", "RAD": "radicals",
	"SEP": "separatists", "MNC": "multinational corporation", "IMG": "international militarised group",
}

// splitCode splits a CAMEO code into its country (first three letters) and
// its first sector after the country when that is a known sector code.
func splitCode(code string) (country, sector string) {
	if len(code) < 3 {
		return "", ""
	}
	country = code[:3]
	if len(code) >= 6 {
		if _, ok := Sectors[code[3:6]]; ok {
			sector = code[3:6]
		}
	}
	return country, sector
}

// day truncates t to midnight UTC of its calendar day.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
