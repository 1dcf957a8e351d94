package actors

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

//go:embed data
var embedded embed.FS

// Embedded returns the dictionary files built into the binary, rooted at
// the directory that holds countries.txt.
func Embedded() fs.FS {
	sub, err := fs.Sub(embedded, "data")
	if err != nil { // cannot happen: "data" is a valid path
		return embedded
	}
	return sub
}

// Sentinel errors wrapped by ParseError.
var (
	ErrSyntax = errors.New("syntax error")
	ErrDate   = errors.New("bad date")
	ErrCode   = errors.New("bad CAMEO code")
	ErrField  = errors.New("bad field")
)

// ParseError is a problem in a dictionary file, at a line.
type ParseError struct {
	File string // path of the file
	Line int    // 1-based line number
	Err  error  // wraps one of ErrSyntax, ErrDate, ErrCode, ErrField
}

// Error returns "file:line: what".
func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// ErrorList is the list of problems found in a set of dictionary files.
type ErrorList []*ParseError

// Error returns the first error and how many more there are.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0].Error(), len(l)-1)
}

// Unwrap returns the errors of the list, for errors.Is and errors.As.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

func perr(file string, line int, sentinel error, format string, args ...any) *ParseError {
	return &ParseError{File: file, Line: line, Err: fmt.Errorf("%w: %s", sentinel, fmt.Sprintf(format, args...))}
}

var (
	defaultOnce sync.Once
	defaultKB   *KB
	defaultErr  error
)

// EnvUserDir names the environment variable that lists user dictionary
// directories (separated by the OS path-list separator) loaded by Default
// on top of the embedded files. Set it to "none" to load none.
const EnvUserDir = "DYAD_ACTORS"

// UserDir returns the directory `dyad dict import` writes to by default and
// Default reads when DYAD_ACTORS is unset: $XDG_CONFIG_HOME/dyad/actors (or
// the OS equivalent of the user configuration directory).
func UserDir() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "dyad-actors"
	}
	return filepath.Join(dir, "dyad", "actors")
}

// UserDirs returns the user dictionary directories Default loads: those in
// $DYAD_ACTORS, or UserDir() when it exists and DYAD_ACTORS is unset.
func UserDirs() []string {
	v, set := os.LookupEnv(EnvUserDir)
	if set {
		if v == "" || v == "none" {
			return nil
		}
		return filepath.SplitList(v)
	}
	if st, err := os.Stat(UserDir()); err == nil && st.IsDir() {
		return []string{UserDir()}
	}
	return nil
}

// Default returns the knowledge base of the embedded dictionaries plus the
// user directories of UserDirs, parsed once.
func Default() (*KB, error) {
	defaultOnce.Do(func() { defaultKB, defaultErr = WithUserDir(UserDirs()...) })
	return defaultKB, defaultErr
}

// WithUserDir loads the embedded dictionaries and then the given user
// directories (same layout as the embedded one), merging entries with the
// same id (see Load). It is not cached.
func WithUserDir(dirs ...string) (*KB, error) {
	fss := []fs.FS{Embedded()}
	for _, d := range dirs {
		if _, err := os.Stat(d); err != nil {
			return nil, fmt.Errorf("actors: user dictionary directory: %w", err)
		}
		fss = append(fss, os.DirFS(d))
	}
	return Load(fss...)
}

// Load reads dictionary files from each file system in turn (see the
// README beside the data files for the layout and formats). Entries of the
// same kind with the same id are merged, within a file system and across
// them: aliases and roles are combined, so a user directory can add names
// and dated roles to a built-in person. All problems are returned together
// as an ErrorList of *ParseError naming file and line.
func Load(fsys ...fs.FS) (*KB, error) {
	l := &loader{entries: map[string]*Entry{}, given: map[string]string{}}
	for _, f := range fsys {
		l.fsys = f
		l.loadAll()
	}
	if len(l.errs) > 0 {
		return nil, l.errs
	}
	kb := newKB()
	entries := make([]*Entry, len(l.order))
	for i, key := range l.order {
		entries[i] = l.entries[key]
	}
	kb.givenNames = l.given
	kb.build(entries)
	return kb, nil
}

type loader struct {
	fsys    fs.FS
	entries map[string]*Entry // key: kind + id
	order   []string
	given   map[string]string
	errs    ErrorList
}

func (l *loader) loadAll() {
	type job struct {
		path  string
		parse func(string, []byte)
	}
	var jobs []job
	root := map[string]func(string, []byte){
		"countries.txt":   l.parseCountries,
		"igos.txt":        l.parseIGOs,
		"agents.txt":      l.parseAgents,
		"cities.txt":      l.parseCities,
		"given-names.txt": l.parseGivenNames,
	}
	dirs := map[string]func(string, []byte){
		"people":    l.parsePeople,
		"orgs":      l.parseOrgs,
		"agents":    l.parseAgents,
		"countries": l.parseCountries,
		"igos":      l.parseIGOs,
	}
	for _, name := range []string{"countries.txt", "igos.txt", "agents.txt", "cities.txt", "given-names.txt"} {
		if _, err := fs.Stat(l.fsys, name); err == nil {
			jobs = append(jobs, job{name, root[name]})
		}
	}
	for _, dir := range []string{"countries", "igos", "people", "orgs", "agents"} {
		ents, err := fs.ReadDir(l.fsys, dir)
		if err != nil {
			continue
		}
		for _, de := range ents {
			if de.IsDir() || !strings.HasSuffix(de.Name(), ".txt") {
				continue
			}
			jobs = append(jobs, job{path.Join(dir, de.Name()), dirs[dir]})
		}
	}
	for _, j := range jobs {
		b, err := fs.ReadFile(l.fsys, j.path)
		if err != nil {
			l.errs = append(l.errs, &ParseError{File: j.path, Err: err})
			continue
		}
		j.parse(j.path, b)
	}
}

// line is one non-blank, non-comment line of a dictionary file.
type line struct {
	no     int
	indent bool
	fields []string
}

func lines(b []byte) []line {
	var out []line
	text := string(b)
	n := 0
	for len(text) > 0 {
		n++
		t := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			t, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		t = strings.TrimRight(t, " \t\r")
		if n == 1 {
			t = strings.TrimPrefix(t, "\ufeff")
		}
		trimmed := strings.TrimLeft(t, " \t")
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		fs := strings.Split(trimmed, "|")
		for i := range fs {
			fs[i] = strings.TrimSpace(fs[i])
		}
		out = append(out, line{no: n, indent: len(trimmed) < len(t), fields: fs})
	}
	return out
}

func list(field string) []string {
	if field == "" {
		return nil
	}
	var out []string
	for _, s := range strings.Split(field, ";") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (l *loader) add(e *Entry) {
	key := e.Kind.String() + "\x00" + e.ID
	if old, ok := l.entries[key]; ok {
		old.Aliases = appendNew(old.Aliases, old.Name, append([]string{e.Name}, e.Aliases...)...)
		old.Roles = append(old.Roles, e.Roles...)
		old.Adjectives = appendNew(old.Adjectives, "", e.Adjectives...)
		old.Demonyms = appendNew(old.Demonyms, "", e.Demonyms...)
		if old.Gender == "" {
			old.Gender = e.Gender
		}
		if old.Code == "" {
			old.Code = e.Code
		}
		if old.Country == "" {
			old.Country = e.Country
		}
		return
	}
	l.entries[key] = e
	l.order = append(l.order, key)
}

func appendNew(dst []string, skip string, add ...string) []string {
outer:
	for _, a := range add {
		if a == skip || a == "" {
			continue
		}
		for _, d := range dst {
			if d == a {
				continue outer
			}
		}
		dst = append(dst, a)
	}
	return dst
}

// validCode reports whether c is a CAMEO code: one or more groups of three
// upper-case letters or digits, the first group being letters.
func validCode(c string) bool {
	if len(c) == 0 || len(c)%3 != 0 {
		return false
	}
	for i := 0; i < len(c); i++ {
		ch := c[i]
		if !(ch >= 'A' && ch <= 'Z') && !(i >= 3 && ch >= '0' && ch <= '9') {
			return false
		}
	}
	return true
}

func (l *loader) code(file string, no int, c string) (string, bool) {
	if c == "---" {
		return "", true
	}
	if !validCode(c) {
		l.errs = append(l.errs, perr(file, no, ErrCode, "%q is not a CAMEO code (groups of 3 capital letters)", c))
		return "", false
	}
	return c, true
}

func (l *loader) need(file string, ln line, min, max int, format string) bool {
	if len(ln.fields) < min || len(ln.fields) > max {
		l.errs = append(l.errs, perr(file, ln.no, ErrSyntax, "want %s, got %d fields", format, len(ln.fields)))
		return false
	}
	for len(ln.fields) < max {
		ln.fields = append(ln.fields, "")
	}
	return true
}

func pad(f []string, n int) []string {
	for len(f) < n {
		f = append(f, "")
	}
	return f
}

// parseCountries reads "ISO3 | Name | other names | adjectives | demonyms |
// capital | metonyms | regions".
func (l *loader) parseCountries(file string, b []byte) {
	const format = "ISO3 | name | other names | adjectives | demonyms | capital | metonyms | regions | leader"
	for _, ln := range lines(b) {
		if !l.need(file, ln, 2, 9, format) {
			continue
		}
		f := pad(ln.fields, 9)
		code, ok := l.code(file, ln.no, f[0])
		if !ok {
			continue
		}
		if len(code) != 3 {
			l.errs = append(l.errs, perr(file, ln.no, ErrCode, "country code %q must have 3 letters", code))
			continue
		}
		if f[1] == "" {
			l.errs = append(l.errs, perr(file, ln.no, ErrField, "empty country name"))
			continue
		}
		leader := "head-of-state"
		switch f[8] {
		case "", "state":
		case "government":
			leader = "head-of-government"
		default:
			l.errs = append(l.errs, perr(file, ln.no, ErrField, "leader %q: want state, government or nothing", f[8]))
			continue
		}
		src := fmt.Sprintf("%s:%d", file, ln.no)
		e := &Entry{ID: code, Name: f[1], Aliases: list(f[2]), Kind: Country, Code: code, Country: code,
			Adjectives: list(f[3]), Leader: leader, Src: src}
		for _, d := range list(f[4]) {
			e.Demonyms = appendNew(e.Demonyms, "", d, plural(d))
		}
		l.add(e)
		if caps := list(f[5]); len(caps) > 0 {
			e.Capital = caps[0]
			l.add(&Entry{ID: cityID(caps[0], code), Name: caps[0], Aliases: caps[1:], Kind: City, Code: code, Country: code, Src: src})
		}
		for _, m := range list(f[6]) {
			names, sector := m, "GOV"
			if i := strings.LastIndexByte(m, '='); i >= 0 {
				names, sector = strings.TrimSpace(m[:i]), strings.TrimSpace(m[i+1:])
			}
			c, ok := l.code(file, ln.no, code+sector)
			vs := variants(names)
			if !ok || len(vs) == 0 {
				continue
			}
			l.add(&Entry{ID: Slug(vs[0]) + "-" + strings.ToLower(code), Name: vs[0], Aliases: vs[1:], Kind: Metonym, Code: c, Country: code, Src: src})
		}
		for _, r := range list(f[7]) {
			vs := variants(r)
			if len(vs) == 0 {
				continue
			}
			l.add(&Entry{ID: Slug(vs[0]) + "-" + strings.ToLower(code), Name: vs[0], Aliases: vs[1:], Kind: Region, Code: code, Country: code, Src: src})
		}
	}
}

// variants splits "Élysée/Elysee/Élysée Palace" into its spellings.
func variants(s string) []string {
	var out []string
	for _, v := range strings.Split(s, "/") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func cityID(name, iso string) string { return Slug(name) + "-" + strings.ToLower(iso) }

// parseIGOs reads "id | CODE | Name | aliases | part of".
func (l *loader) parseIGOs(file string, b []byte) {
	for _, ln := range lines(b) {
		if !l.need(file, ln, 3, 5, "id | CODE | name | aliases | part of") {
			continue
		}
		f := pad(ln.fields, 5)
		code, ok := l.code(file, ln.no, f[1])
		if !ok {
			continue
		}
		if f[0] == "" || f[2] == "" || f[0] != Slug(f[0]) {
			l.errs = append(l.errs, perr(file, ln.no, ErrField, "id %q must be a non-empty lower-case slug and the name non-empty", f[0]))
			continue
		}
		country, _ := splitCode(code)
		l.add(&Entry{ID: f[0], Name: f[2], Aliases: list(f[3]), Kind: IGO, Code: code, Country: country, PartOf: f[4],
			Src: fmt.Sprintf("%s:%d", file, ln.no)})
	}
}

// parseAgents reads "phrases | SECTOR | role".
func (l *loader) parseAgents(file string, b []byte) {
	for _, ln := range lines(b) {
		if !l.need(file, ln, 2, 3, "phrases | SECTOR | role") {
			continue
		}
		f := pad(ln.fields, 3)
		phrases := list(f[0])
		if len(phrases) == 0 {
			l.errs = append(l.errs, perr(file, ln.no, ErrField, "no agent phrase"))
			continue
		}
		sec, ok := l.code(file, ln.no, f[1])
		if !ok {
			continue
		}
		if f[2] != "" && f[2] != "leader" && roleRank(f[2]) == len(RoleKeys) {
			l.errs = append(l.errs, perr(file, ln.no, ErrField, "unknown role %q", f[2]))
			continue
		}
		for i := range phrases {
			phrases[i] = strings.ToLower(phrases[i])
		}
		l.add(&Entry{ID: "agent:" + Slug(phrases[0]) + ":" + strings.ToLower(sec), Name: phrases[0], Aliases: phrases[1:],
			Kind: Agent, Sector: sec, RoleKey: f[2], Src: fmt.Sprintf("%s:%d", file, ln.no)})
	}
}

// parseCities reads "Name | aliases | ISO3".
func (l *loader) parseCities(file string, b []byte) {
	for _, ln := range lines(b) {
		if !l.need(file, ln, 3, 3, "name | aliases | ISO3") {
			continue
		}
		f := ln.fields
		code, ok := l.code(file, ln.no, f[2])
		if !ok || f[0] == "" {
			if ok {
				l.errs = append(l.errs, perr(file, ln.no, ErrField, "empty city name"))
			}
			continue
		}
		l.add(&Entry{ID: cityID(f[0], code[:3]), Name: f[0], Aliases: list(f[1]), Kind: City, Code: code[:3], Country: code[:3],
			Src: fmt.Sprintf("%s:%d", file, ln.no)})
	}
}

// parseGivenNames reads "Name | gender".
func (l *loader) parseGivenNames(file string, b []byte) {
	for _, ln := range lines(b) {
		if !l.need(file, ln, 2, 2, "name | gender") {
			continue
		}
		g, ok := gender(ln.fields[1])
		if !ok || ln.fields[0] == "" {
			l.errs = append(l.errs, perr(file, ln.no, ErrField, "want a name and gender m, f or -, got %q", strings.Join(ln.fields, " | ")))
			continue
		}
		l.given[ln.fields[0]] = g
	}
}

func gender(s string) (string, bool) {
	switch s {
	case "m", "f":
		return s, true
	case "-", "":
		return "", true
	}
	return "", false
}

// parseOrgs reads "Name | aliases | CODE", each line optionally followed by
// indented role lines as in the people files; the file name gives the kind.
func (l *loader) parseOrgs(file string, b []byte) {
	kind := Organisation
	switch strings.TrimSuffix(path.Base(file), ".txt") {
	case "parties", "party":
		kind = Party
	case "media":
		kind = Media
	}
	var cur *Entry
	for _, ln := range lines(b) {
		if ln.indent {
			l.roleLine(file, ln, cur)
			continue
		}
		if cur != nil {
			l.add(cur)
			cur = nil
		}
		if !l.need(file, ln, 3, 3, "name | aliases | CODE") {
			continue
		}
		f := ln.fields
		code, ok := l.code(file, ln.no, f[2])
		if !ok {
			continue
		}
		if f[0] == "" {
			l.errs = append(l.errs, perr(file, ln.no, ErrField, "empty organisation name"))
			continue
		}
		country, _ := splitCode(code)
		cur = &Entry{ID: Slug(f[0]), Name: f[0], Aliases: list(f[1]), Kind: kind, Code: code, Country: country,
			Src: fmt.Sprintf("%s:%d", file, ln.no)}
	}
	if cur != nil {
		l.add(cur)
	}
}

// parsePeople reads person lines "Name | aliases | gender" followed by
// indented role lines "CODE | role | title | start | end".
func (l *loader) parsePeople(file string, b []byte) {
	base := strings.TrimSuffix(path.Base(file), ".txt")
	fileCountry := ""
	if len(base) == 3 && validCode(base) {
		fileCountry = base
	}
	var cur *Entry
	for _, ln := range lines(b) {
		if ln.indent {
			l.roleLine(file, ln, cur)
			continue
		}
		if cur != nil {
			l.add(cur)
			cur = nil
		}
		if !l.need(file, ln, 1, 3, "name | aliases | gender") {
			continue
		}
		f := pad(ln.fields, 3)
		g, ok := gender(f[2])
		if !ok || f[0] == "" {
			l.errs = append(l.errs, perr(file, ln.no, ErrField, "want a name and gender m, f or -, got %q", strings.Join(ln.fields, " | ")))
			continue
		}
		cur = &Entry{ID: Slug(f[0]), Name: f[0], Aliases: list(f[1]), Kind: Person, Gender: g, Country: fileCountry,
			Src: fmt.Sprintf("%s:%d", file, ln.no)}
	}
	if cur != nil {
		l.add(cur)
	}
}

// roleLine reads an indented role line "CODE | role | title | start | end"
// into cur.
func (l *loader) roleLine(file string, ln line, cur *Entry) {
	if cur == nil {
		l.errs = append(l.errs, perr(file, ln.no, ErrSyntax, "indented role line without an entry line above it"))
		return
	}
	if !l.need(file, ln, 2, 5, "CODE | role | title | start | end") {
		return
	}
	f := pad(ln.fields, 5)
	code, ok := l.code(file, ln.no, f[0])
	if !ok {
		return
	}
	role := f[1]
	if role == "" {
		role = "other"
	}
	if roleRank(role) == len(RoleKeys) {
		l.errs = append(l.errs, perr(file, ln.no, ErrField, "unknown role %q (want one of %s)", role, strings.Join(RoleKeys, ", ")))
		return
	}
	start, err1 := ParseDate(f[3], false)
	end, err2 := ParseDate(f[4], true)
	if err := errors.Join(err1, err2); err != nil {
		l.errs = append(l.errs, &ParseError{File: file, Line: ln.no, Err: err})
		return
	}
	if !start.IsZero() && !end.IsZero() && end.Before(start) {
		l.errs = append(l.errs, perr(file, ln.no, ErrDate, "end %s before start %s", f[4], f[3]))
		return
	}
	cur.Roles = append(cur.Roles, Role{Code: code, Role: role, Title: f[2], Start: start, End: end,
		Src: fmt.Sprintf("%s:%d", file, ln.no)})
	if cur.Country == "" && len(code) >= 3 {
		cur.Country = code[:3]
	}
}

// ParseDate parses YYYY-MM-DD, YYYY-MM or YYYY. A partial date is the first
// day of its period, or the last day when end is true. "" gives the zero time.
func ParseDate(s string, end bool) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	layouts := map[int]string{10: "2006-01-02", 7: "2006-01", 4: "2006"}
	layout, ok := layouts[len(s)]
	if !ok {
		return time.Time{}, fmt.Errorf("%w: %q (want YYYY-MM-DD, YYYY-MM or YYYY)", ErrDate, s)
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: %q (want YYYY-MM-DD, YYYY-MM or YYYY)", ErrDate, s)
	}
	if end {
		switch len(s) {
		case 7:
			t = t.AddDate(0, 1, -1)
		case 4:
			t = t.AddDate(1, 0, -1)
		}
	}
	return t, nil
}

// plural returns the regular English plural of the last word of s.
func plural(s string) string {
	i := strings.LastIndexByte(s, ' ')
	head, w := s[:i+1], s[i+1:]
	lw := strings.ToLower(w)
	switch {
	case lw == "":
		return s
	case strings.HasSuffix(lw, "man") && lw != "german" && lw != "oman" && lw != "roman":
		return head + w[:len(w)-2] + "en"
	case strings.HasSuffix(lw, "person"):
		return head + w[:len(w)-6] + matchCase(w[len(w)-6:], "people")
	case lw == "staff" || lw == "police" || lw == "military" || lw == "media" || lw == "press" || lw == "personnel" ||
		strings.HasSuffix(lw, "ese") || lw == "swiss" || lw == "people" ||
		lw == "clergy" || lw == "judiciary" || lw == "leadership" || lw == "intelligence":
		return s
	case strings.HasSuffix(lw, "arch"): // monarchs, oligarchs
		return s + matchCase(w, "s")
	case strings.HasSuffix(lw, "s") || strings.HasSuffix(lw, "x") || strings.HasSuffix(lw, "sh") || strings.HasSuffix(lw, "ch") || strings.HasSuffix(lw, "z"):
		return s + matchCase(w, "es")
	case strings.HasSuffix(lw, "y") && len(lw) > 1 && !strings.ContainsRune("aeiou", rune(lw[len(lw)-2])):
		return head + w[:len(w)-1] + matchCase(w, "ies")
	}
	return s + matchCase(w, "s")
}

func matchCase(model, s string) string {
	if model != "" && model == strings.ToUpper(model) && model != strings.ToLower(model) {
		return strings.ToUpper(s)
	}
	return s
}

// Slug turns a name into a stable lower-case id: "Vladimir Putin" →
// "vladimir-putin", "Élysée Palace" → "elysee-palace".
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		r = foldRune(r)
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
			dash = false
		case r == '.' || r == '\'' || r == '’':
			// "U.S." → "us", "O'Brien" → "obrien"
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	return strings.TrimRight(b.String(), "-")
}

var folds = map[rune]rune{}

func init() {
	for _, p := range []string{"aàáâãäåāăą", "AÀÁÂÃÄÅĀĂĄ", "cçćčĉ", "CÇĆČ", "dďđ", "DĎĐ", "eèéêëēėęě", "EÈÉÊËĒĖĘĚ",
		"gğ", "GĞ", "iìíîïīįı", "IÌÍÎÏĪĮİ", "lłľ", "LŁĽ", "nñńň", "NÑŃŇ", "oòóôõöøōő", "OÒÓÔÕÖØŌŐ", "rř", "RŘ",
		"sśšşș", "SŚŠŞȘ", "tťţț", "TŤŢȚ", "uùúûüūůűų", "UÙÚÛÜŪŮŰŲ", "yýÿ", "YÝŸ", "zźżž", "ZŹŻŽ"} {
		rs := []rune(p)
		for _, r := range rs[1:] {
			folds[r] = rs[0]
		}
	}
}

func foldRune(r rune) rune {
	if f, ok := folds[r]; ok {
		return f
	}
	return r
}

// sortedKeys returns the keys of m in order (for stable output).
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
