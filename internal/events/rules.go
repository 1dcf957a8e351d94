package events

import (
	"bufio"
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

//go:embed data/verbs.txt data/cameo.tsv data/CAMEO2PLOVER-2021.txt
var embedded embed.FS

// ErrSyntax is wrapped by every *ParseError about a malformed rule line.
var ErrSyntax = errors.New("malformed line")

// ErrUnknownCode is wrapped when a rule names a CAMEO code the code table
// does not list.
var ErrUnknownCode = errors.New("unknown CAMEO code")

// ParseError reports a bad line in a rules or code file.
type ParseError struct {
	File string
	Line int
	Err  error
}

func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }

// Unwrap returns the underlying error (ErrSyntax, ErrUnknownCode).
func (e *ParseError) Unwrap() error { return e.Err }

func perr(file string, line int, sentinel error, format string, args ...any) *ParseError {
	return &ParseError{File: file, Line: line, Err: fmt.Errorf("%w: "+format, append([]any{sentinel}, args...)...)}
}

// Code is one CAMEO event code with its name, Goldstein score, QuadClass and
// PLOVER 2021 category.
type Code struct {
	Code      string
	Name      string
	Goldstein float64
	Quad      int    // 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
	Plover    string // PLOVER event type, "" for the CAMEO roots 01 and 02 that PLOVER dropped
	Mode      string
	Context   string
}

// Root returns the two-digit CAMEO root of the code.
func (c Code) Root() string { return c.Code[:2] }

// Rule is one trigger pattern of the rules file.
type Rule struct {
	Code   string
	Lemma  string
	Noun   bool     // a nominal trigger ("n:attack")
	Prep   string   // a required particle or preposition ("+for")
	Obj    []string // lemmas one of which the object must have
	Mod    []string // lemmas one of which a modifier must have
	Target string   // preferred preposition of the target ("tgt:with")
	File   string
	Line   int
}

// specificity counts the conditions of a rule: the most specific matching
// rule wins.
func (r *Rule) specificity() int {
	n := 0
	if r.Code == NoEvent {
		n += 10 // an exception beats every reading of the lemma
	}
	if r.Prep != "" {
		n++
	}
	if len(r.Obj) > 0 {
		n += 2
	}
	if len(r.Mod) > 0 {
		n++
	}
	return n
}

// Frame is a verb whose complement is the event: "agreed to", "threatened
// to", "refused to", "called for".
type Frame struct {
	Kind  string // intent, threat, refuse, demand, appeal
	Lemma string
	Prep  string
	Line  int
}

// Rules is a loaded set of coding rules and the CAMEO code table.
type Rules struct {
	codes  map[string]Code
	verbs  map[string][]*Rule
	nouns  map[string][]*Rule
	frames map[string][]Frame
	derive map[string]map[string]string
	light  map[string]bool
	// sport holds the lower-case words that mark a sports report (see
	// the "sport" lines of the rules file).
	sport map[string]bool
	// forms maps inflected forms of the rule lemmas back to them, for
	// tokens whose lemma the tagger got wrong ("blamed" → "blam").
	forms map[string]string
}

// Code returns the entry of a CAMEO code.
func (rs *Rules) Code(code string) (Code, bool) {
	c, ok := rs.codes[code]
	return c, ok
}

// Codes returns all CAMEO codes in the table, sorted.
func (rs *Rules) Codes() []string {
	out := make([]string, 0, len(rs.codes))
	for c := range rs.codes {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// Derive recodes an inner event code under a frame of the given kind: the
// longest prefix of inner listed for the kind decides, else the kind's
// default ("*"). It reports false for an unknown kind.
func (rs *Rules) Derive(kind, inner string) (string, bool) {
	t, ok := rs.derive[kind]
	if !ok {
		return "", false
	}
	for n := len(inner); n >= 2; n-- {
		if c, ok := t[inner[:n]]; ok {
			return c, true
		}
	}
	c, ok := t["*"]
	return c, ok
}

// DefaultRules loads the rules and code tables embedded in the binary.
func DefaultRules() (*Rules, error) { return LoadRules(embedded, "data/verbs.txt") }

// LoadRules reads a rules file from fsys, together with the embedded CAMEO
// code table and PLOVER mapping. Errors are an errors.Join of *ParseError.
func LoadRules(fsys fs.FS, path string) (*Rules, error) {
	rs := &Rules{
		codes:  map[string]Code{},
		verbs:  map[string][]*Rule{},
		nouns:  map[string][]*Rule{},
		frames: map[string][]Frame{},
		derive: map[string]map[string]string{},
		light:  map[string]bool{},
		sport:  map[string]bool{},
	}
	var errs []error
	if err := rs.loadCodes(); err != nil {
		return nil, err
	}
	b, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil, err
	}
	errs = append(errs, rs.parse(path, b)...)
	rs.indexForms()
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return rs, nil
}

func (rs *Rules) loadCodes() error {
	const codeFile, ploverFile = "data/cameo.tsv", "data/CAMEO2PLOVER-2021.txt"
	b, err := embedded.ReadFile(codeFile)
	if err != nil {
		return err
	}
	var errs []error
	eachLine(b, func(no int, line string) {
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			errs = append(errs, perr(codeFile, no, ErrSyntax, "want code<TAB>goldstein<TAB>name"))
			return
		}
		g, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			errs = append(errs, perr(codeFile, no, ErrSyntax, "bad Goldstein score %q", f[1]))
			return
		}
		rs.codes[f[0]] = Code{Code: f[0], Name: f[2], Goldstein: g, Quad: quadClass(f[0])}
	})
	b, err = embedded.ReadFile(ploverFile)
	if err != nil {
		return err
	}
	eachLine(b, func(no int, line string) {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		code, rest, ok := strings.Cut(line, ":")
		code = strings.TrimSpace(code)
		if !ok || code == "" || strings.Trim(code, "0123456789") != "" {
			return // headings and rulers
		}
		f := strings.Split(rest, ",")
		c, known := rs.codes[code]
		if !known {
			errs = append(errs, perr(ploverFile, no, ErrUnknownCode, "%s", code))
			return
		}
		if c.Plover != "" {
			return // the first line for a code wins ("08: RETREAT" heads a later block)
		}
		c.Plover = strings.TrimSpace(f[0])
		if len(f) > 1 {
			c.Mode = strings.TrimSpace(f[1])
		}
		if len(f) > 2 {
			c.Context = strings.TrimSpace(strings.Join(f[2:], ","))
		}
		rs.codes[code] = c
	})
	// Codes the mapping leaves out take their parent's category.
	for code, c := range rs.codes {
		if c.Plover != "" || len(code) < 3 {
			continue
		}
		for n := len(code) - 1; n >= 2; n-- {
			if p := rs.codes[code[:n]]; p.Plover != "" {
				c.Plover, c.Context = p.Plover, p.Context
				rs.codes[code] = c
				break
			}
		}
	}
	return errors.Join(errs...)
}

// quadClass is the conventional QuadClass of a CAMEO root.
func quadClass(code string) int {
	r, _ := strconv.Atoi(code[:2])
	switch {
	case r <= 5:
		return 1
	case r <= 8:
		return 2
	case r <= 13:
		return 3
	}
	return 4
}

func eachLine(b []byte, fn func(no int, line string)) {
	sc := bufio.NewScanner(bytes.NewReader(b))
	no := 0
	for sc.Scan() {
		no++
		line := strings.TrimRight(sc.Text(), "\r ")
		if t := strings.TrimSpace(line); t == "" || t[0] == '#' {
			continue
		}
		fn(no, line)
	}
}

func (rs *Rules) parse(file string, b []byte) []error {
	var errs []error
	eachLine(b, func(no int, line string) {
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		switch f[0] {
		case "light":
			for _, w := range f[1:] {
				rs.light[w] = true
			}
		case "sport":
			for _, w := range f[1:] {
				rs.sport[strings.ToLower(w)] = true
			}
		case "frame":
			if len(f) < 3 || len(f) > 4 {
				errs = append(errs, perr(file, no, ErrSyntax, "want: frame KIND lemma [+prep]"))
				return
			}
			fr := Frame{Kind: f[1], Lemma: f[2], Line: no}
			if len(f) == 4 {
				if !strings.HasPrefix(f[3], "+") {
					errs = append(errs, perr(file, no, ErrSyntax, "frame condition %q is not +prep", f[3]))
					return
				}
				fr.Prep = f[3][1:]
			}
			rs.frames[fr.Lemma] = append(rs.frames[fr.Lemma], fr)
		case "derive":
			if len(f) < 3 {
				errs = append(errs, perr(file, no, ErrSyntax, "want: derive KIND inner=result ..."))
				return
			}
			t := rs.derive[f[1]]
			if t == nil {
				t = map[string]string{}
				rs.derive[f[1]] = t
			}
			for _, kv := range f[2:] {
				k, v, ok := strings.Cut(kv, "=")
				if !ok {
					errs = append(errs, perr(file, no, ErrSyntax, "%q is not inner=result", kv))
					continue
				}
				if _, known := rs.codes[v]; !known {
					errs = append(errs, perr(file, no, ErrUnknownCode, "%s", v))
					continue
				}
				t[k] = v
			}
		default:
			r, err := parseRule(file, no, f)
			if err != nil {
				errs = append(errs, err)
				return
			}
			if _, known := rs.codes[r.Code]; !known && r.Code != NoEvent {
				errs = append(errs, perr(file, no, ErrUnknownCode, "%s", r.Code))
				return
			}
			if r.Noun {
				rs.nouns[r.Lemma] = append(rs.nouns[r.Lemma], r)
			} else {
				rs.verbs[r.Lemma] = append(rs.verbs[r.Lemma], r)
			}
		}
	})
	for kind := range rs.derive {
		if _, ok := rs.derive[kind]["*"]; !ok {
			errs = append(errs, perr(file, 0, ErrSyntax, "derive %s has no default (*=CODE)", kind))
		}
	}
	for lemma, frs := range rs.frames {
		for _, fr := range frs {
			if _, ok := rs.derive[fr.Kind]; !ok {
				errs = append(errs, perr(file, fr.Line, ErrSyntax, "frame %s %s: no derive line for kind %s", fr.Kind, lemma, fr.Kind))
			}
		}
	}
	return errs
}

// NoEvent is the code of a rule that says a reading is no event.
const NoEvent = "---"

func parseRule(file string, no int, f []string) (*Rule, error) {
	if len(f) >= 2 && f[0] == NoEvent {
		r, err := parseRule(file, no, append([]string{"00"}, f[1:]...))
		if r != nil {
			r.Code = NoEvent
		}
		return r, err
	}
	if len(f) < 2 || strings.Trim(f[0], "0123456789") != "" || len(f[0]) < 2 || len(f[0]) > 4 {
		return nil, perr(file, no, ErrSyntax, "want: CODE lemma [conditions]")
	}
	r := &Rule{Code: f[0], Lemma: f[1], File: file, Line: no}
	if l, ok := strings.CutPrefix(r.Lemma, "n:"); ok {
		r.Noun, r.Lemma = true, l
	}
	for _, c := range f[2:] {
		switch {
		case strings.HasPrefix(c, "+"):
			r.Prep = c[1:]
		case strings.HasPrefix(c, "obj:"):
			r.Obj = strings.Split(c[4:], ",")
		case strings.HasPrefix(c, "mod:"):
			r.Mod = strings.Split(c[4:], ",")
		case strings.HasPrefix(c, "tgt:"):
			r.Target = c[4:]
		default:
			return nil, perr(file, no, ErrSyntax, "unknown condition %q", c)
		}
	}
	return r, nil
}

// indexForms lists the regular inflections of every rule and frame lemma.
func (rs *Rules) indexForms() {
	rs.forms = map[string]string{}
	add := func(lemma string) {
		for _, f := range inflections(lemma) {
			if _, ok := rs.forms[f]; !ok {
				rs.forms[f] = lemma
			}
		}
	}
	for l := range rs.verbs {
		add(l)
	}
	for l := range rs.frames {
		add(l)
	}
	for l := range rs.light {
		add(l)
	}
	for l := range rs.nouns {
		for _, f := range []string{l + "s", l + "es"} {
			if _, ok := rs.forms[f]; !ok {
				rs.forms[f] = l
			}
		}
	}
}

// inflections returns the regular -s, -ed and -ing forms of a verb.
func inflections(l string) []string {
	if l == "" {
		return nil
	}
	out := []string{l + "s", l + "ed", l + "ing"}
	last := l[len(l)-1]
	switch {
	case last == 'e':
		out = append(out, l+"d", l[:len(l)-1]+"ing")
	case last == 'y' && len(l) > 1 && !strings.ContainsRune("aeiou", rune(l[len(l)-2])):
		out = append(out, l[:len(l)-1]+"ies", l[:len(l)-1]+"ied")
	case strings.ContainsRune("sxzh", rune(last)):
		out = append(out, l+"es")
	}
	// Doubled final consonant: "ban" → "banned", "plan" → "planning".
	if n := len(l); n >= 3 && strings.ContainsRune("bdglmnprt", rune(last)) &&
		strings.ContainsRune("aeiou", rune(l[n-2])) && !strings.ContainsRune("aeiou", rune(l[n-3])) {
		out = append(out, l+string(last)+"ed", l+string(last)+"ing")
	}
	return out
}
