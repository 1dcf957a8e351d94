package actors

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// PetrarchCode is one code of a PETRARCH actor with its date restriction.
type PetrarchCode struct {
	Code  string    // CAMEO code, upper case; "" for PETRARCH's null code "---"
	Start time.Time // first day (zero: open)
	End   time.Time // last day, inclusive (zero: open)
	Line  int
}

// Dated reports whether the code carries a date restriction.
func (c PetrarchCode) Dated() bool { return !c.Start.IsZero() || !c.End.IsZero() }

// PetrarchActor is one actor of a PETRARCH/TABARI actor dictionary: its
// root phrase, synonyms, and codes in file order.
type PetrarchActor struct {
	Names []string // root phrase first; underscores read as spaces, title-cased
	Raw   []string // the same phrases as written in the file
	Codes []PetrarchCode
	Line  int
	coded bool // a code block was read, even one with errors
}

// PetrarchAgent is one line of a PETRARCH agents dictionary, with its
// !SUBSTITUTION! markers expanded.
type PetrarchAgent struct {
	Phrases []string // lower case, plurals from {...} included
	Code    string   // agent code without "~", e.g. "GOV", "GOVMED"
	Prefix  bool     // written "NGO~": the code goes before the country
	Line    int
}

// PetrarchDict is what ImportPetrarch read from one file.
type PetrarchDict struct {
	File   string
	Actors []PetrarchActor
	Agents []PetrarchAgent
	Errors ErrorList // lines that could not be read; everything else is kept
}

// DatedCodes returns the number of date-restricted codes of the actors.
func (d *PetrarchDict) DatedCodes() int {
	n := 0
	for _, a := range d.Actors {
		for _, c := range a.Codes {
			if c.Dated() {
				n++
			}
		}
	}
	return n
}

// ImportPetrarch reads a PETRARCH (or TABARI, Phoenix) actor or agent
// dictionary. A file is read as agents when its name contains "agent" or
// any code is written with "~". Actor format: a root phrase (words joined by
// "_"), optional "+SYNONYM" lines, and codes in brackets on the same line
// or on following lines: [USA], [USAGOV 20130201-20170120], [RUSGOV >080508],
// [HOB <950601]; dates are YYYYMMDD or YYMMDD (years 30–99 are 19xx), a range
// is inclusive, "<" means before, ">" on or after. Root lines without a code
// take the codes of the next coded line. "#" starts a comment, "<!-- ... -->"
// blocks are skipped. Agent format: PHRASE {PLURALS} [~GOV], with
// "!NAME! = A, B" substitutions. Lines that cannot be read are returned in
// Errors as *ParseError; the error result is for I/O errors only.
func ImportPetrarch(r io.Reader, file string) (*PetrarchDict, error) {
	type rawLine struct {
		no   int
		text string
	}
	var ls []rawLine
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	inComment := false
	n := 0
	agents := strings.Contains(strings.ToLower(filepath.Base(file)), "agent")
	for sc.Scan() {
		n++
		t := strings.ToValidUTF8(sc.Text(), "\uFFFD")
		if inComment {
			if strings.Contains(t, "-->") {
				inComment = false
			}
			continue
		}
		trim := strings.TrimSpace(t)
		if strings.HasPrefix(trim, "<!") {
			inComment = !strings.Contains(trim, "-->")
			continue
		}
		if i := strings.IndexByte(t, '#'); i >= 0 {
			t = t[:i]
		}
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		if strings.Contains(t, "[~") || strings.Contains(t, "~]") || strings.HasPrefix(t, "!") && strings.Contains(t, "=") {
			agents = true
		}
		ls = append(ls, rawLine{n, t})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("actors: reading %s: %w", file, err)
	}
	d := &PetrarchDict{File: file}
	if agents {
		subs := map[string][]string{}
		for _, l := range ls {
			d.agentLine(l.no, l.text, subs)
		}
		return d, nil
	}
	var cur *PetrarchActor
	flush := func() {
		if cur == nil {
			return
		}
		if len(cur.Codes) == 0 {
			if !cur.coded { // else the bad code was reported already
				d.Errors = append(d.Errors, perr(file, cur.Line, ErrSyntax, "actor %q has no code", cur.Raw[0]))
			}
		} else {
			d.Actors = append(d.Actors, *cur)
		}
		cur = nil
	}
	for _, l := range ls {
		t := l.text
		switch {
		case t[0] == '[':
			if cur == nil {
				d.Errors = append(d.Errors, perr(file, l.no, ErrSyntax, "code %s without an actor above it", t))
				continue
			}
			cur.Codes = append(cur.Codes, d.codes(l.no, t)...)
			cur.coded = true
		case t[0] == '+':
			name, rest := splitName(t[1:])
			if cur == nil || name == "" {
				d.Errors = append(d.Errors, perr(file, l.no, ErrSyntax, "synonym %q without an actor above it", t))
				continue
			}
			cur.addName(name)
			cur.Codes = append(cur.Codes, d.codes(l.no, rest)...)
			cur.coded = cur.coded || rest != ""
		default:
			name, rest := splitName(t)
			if name == "" {
				d.Errors = append(d.Errors, perr(file, l.no, ErrSyntax, "cannot read %q", t))
				continue
			}
			if cur != nil && cur.coded {
				flush()
			}
			if cur == nil {
				cur = &PetrarchActor{Line: l.no}
			}
			cur.addName(name)
			cur.Codes = append(cur.Codes, d.codes(l.no, rest)...)
			cur.coded = cur.coded || rest != ""
		}
	}
	flush()
	return d, nil
}

func (a *PetrarchActor) addName(raw string) {
	name := petrarchName(raw)
	if name == "" {
		return
	}
	for _, n := range a.Names {
		if n == name {
			return
		}
	}
	a.Names = append(a.Names, name)
	a.Raw = append(a.Raw, raw)
}

func (a *PetrarchActor) hasSector() bool {
	for _, c := range a.Codes {
		if _, sec := splitCode(c.Code); sec != "" {
			return true
		}
	}
	return false
}

// splitName splits "NAME_ [CODE ...] [CODE]" into the name and the rest.
func splitName(t string) (name, rest string) {
	i := strings.IndexByte(t, '[')
	if i < 0 {
		return strings.TrimSpace(t), ""
	}
	return strings.TrimSpace(t[:i]), t[i:]
}

// codes reads every "[CODE DATE]" block of s.
func (d *PetrarchDict) codes(no int, s string) []PetrarchCode {
	var out []PetrarchCode
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			// Text after a tab that follows the last code is a comment in
			// some Phoenix files ("[MNCUSA]\tNewspapers\t$137,000,000").
			if strings.TrimSpace(s) != "" && !strings.HasPrefix(strings.TrimLeft(s, " "), "\t") {
				d.Errors = append(d.Errors, perr(d.File, no, ErrSyntax, "unexpected %q after the codes", strings.TrimSpace(s)))
			}
			return out
		}
		if strings.TrimSpace(s[:i]) != "" {
			d.Errors = append(d.Errors, perr(d.File, no, ErrSyntax, "unexpected %q before a code", strings.TrimSpace(s[:i])))
		}
		j := strings.IndexByte(s[i:], ']')
		if j < 0 {
			d.Errors = append(d.Errors, perr(d.File, no, ErrSyntax, "unclosed [ in %q", s))
			return out
		}
		out = append(out, d.code(no, s[i+1:i+j])...)
		s = s[i+j+1:]
	}
}

func (d *PetrarchDict) code(no int, block string) []PetrarchCode {
	fs := strings.Fields(block)
	if len(fs) == 0 {
		d.Errors = append(d.Errors, perr(d.File, no, ErrCode, "empty code []"))
		return nil
	}
	var pc PetrarchCode
	pc.Line = no
	if len(fs) > 1 {
		restr := strings.Join(fs[1:], "")
		var err error
		switch {
		case strings.HasPrefix(restr, "<"):
			var t time.Time
			t, err = petrarchDate(restr[1:])
			pc.End = t.AddDate(0, 0, -1)
		case strings.HasPrefix(restr, ">"):
			pc.Start, err = petrarchDate(restr[1:])
		case strings.Count(restr, "-") == 1:
			a, b, _ := strings.Cut(restr, "-")
			var err2 error
			pc.Start, err = petrarchDate(a)
			pc.End, err2 = petrarchDate(b)
			if err == nil {
				err = err2
			}
			if err == nil && pc.End.Before(pc.Start) {
				err = fmt.Errorf("%w: range %s ends before it starts", ErrDate, restr)
			}
		default:
			err = fmt.Errorf("%w: cannot read date restriction %q", ErrDate, restr)
		}
		if err != nil {
			d.Errors = append(d.Errors, &ParseError{File: d.File, Line: no, Err: fmt.Errorf("[%s]: %w", block, err)})
			return nil
		}
	}
	var out []PetrarchCode
	for _, c := range strings.Split(strings.ToUpper(fs[0]), "/") {
		if c == "---" {
			c = ""
		} else if !validCode(c) {
			d.Errors = append(d.Errors, perr(d.File, no, ErrCode, "%q is not a CAMEO code (groups of 3 capital letters)", c))
			continue
		}
		pc.Code = c
		out = append(out, pc)
	}
	return out
}

// petrarchDate reads YYYYMMDD or YYMMDD.
func petrarchDate(s string) (time.Time, error) {
	switch len(s) {
	case 8:
		t, err := time.Parse("20060102", s)
		if err == nil {
			return t, nil
		}
	case 6:
		century := "19"
		if s < "30" {
			century = "20"
		}
		t, err := time.Parse("20060102", century+s)
		if err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%w: %q (want YYYYMMDD or YYMMDD)", ErrDate, s)
}

// petrarchName turns "VLADIMIR_PUTIN_" into "Vladimir Putin".
func petrarchName(raw string) string {
	ws := strings.Fields(strings.ReplaceAll(raw, "_", " "))
	for i, w := range ws {
		ws[i] = titleWord(w)
	}
	return strings.Join(ws, " ")
}

// titleWord title-cases an all-caps word: "AL-QAEDA" → "Al-Qaeda",
// "O'BRIEN" → "O'Brien"; abbreviations with dots ("U.S.") are kept.
func titleWord(w string) string {
	if w != strings.ToUpper(w) || strings.Contains(w, ".") {
		return w
	}
	var b strings.Builder
	start := true
	for _, r := range w {
		if start {
			b.WriteRune(r)
		} else {
			b.WriteString(strings.ToLower(string(r)))
		}
		start = r == '-' || r == '\'' || r == '/'
	}
	return b.String()
}

func (d *PetrarchDict) agentLine(no int, t string, subs map[string][]string) {
	if strings.HasPrefix(t, "!") {
		if name, vals, ok := strings.Cut(t, "="); ok {
			name = strings.TrimSpace(name)
			var vs []string
			for _, v := range strings.Split(vals, ",") {
				if v = strings.TrimSpace(v); v != "" {
					vs = append(vs, v)
				}
			}
			if len(name) < 3 || !strings.HasSuffix(name, "!") || len(vs) == 0 {
				d.Errors = append(d.Errors, perr(d.File, no, ErrSyntax, "bad substitution %q", t))
				return
			}
			subs[name] = vs
			return
		}
	}
	i := strings.IndexByte(t, '[')
	j := strings.LastIndexByte(t, ']')
	if i < 0 || j < i {
		d.Errors = append(d.Errors, perr(d.File, no, ErrSyntax, "agent %q has no [CODE]", t))
		return
	}
	phrase, code := strings.TrimSpace(t[:i]), strings.ReplaceAll(strings.TrimSpace(t[i+1:j]), " ", "")
	var plurals []string
	if k := strings.IndexByte(phrase, '{'); k >= 0 {
		e := strings.IndexByte(phrase, '}')
		if e < k {
			d.Errors = append(d.Errors, perr(d.File, no, ErrSyntax, "unclosed { in %q", t))
			return
		}
		for _, p := range strings.FieldsFunc(phrase[k+1:e], func(r rune) bool { return r == ',' || r == ' ' }) {
			plurals = append(plurals, p)
		}
		phrase = strings.TrimSpace(phrase[:k])
	}
	a := PetrarchAgent{Line: no}
	switch {
	case strings.HasPrefix(code, "~"):
		a.Code = code[1:]
	case strings.HasSuffix(code, "~"):
		a.Code, a.Prefix = code[:len(code)-1], true
	default:
		a.Code = code
	}
	a.Code = strings.ToUpper(a.Code)
	if !validCode(a.Code) {
		d.Errors = append(d.Errors, perr(d.File, no, ErrCode, "agent code %q is not groups of 3 capital letters", code))
		return
	}
	for _, p := range append([]string{phrase}, plurals...) {
		for _, x := range expand(p, subs) {
			x = strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(x, "_", " ")), " "))
			if x != "" && !containsStr(a.Phrases, x) {
				a.Phrases = append(a.Phrases, x)
			}
		}
	}
	if len(a.Phrases) == 0 {
		d.Errors = append(d.Errors, perr(d.File, no, ErrSyntax, "empty agent phrase"))
		return
	}
	d.Agents = append(d.Agents, a)
}

// expand replaces each !NAME! of s by each of its values.
func expand(s string, subs map[string][]string) []string {
	for _, name := range sortedKeys(subs) {
		vals := subs[name]
		if i := strings.Index(s, name); i >= 0 {
			var out []string
			for _, v := range vals {
				// Keep the phrase's word boundaries: "CONGRESS!PERSON!" is
				// "CONGRESSMAN", "!MINIST! OF_X" is "MINISTER OF X".
				out = append(out, expand(s[:i]+v+s[i+len(name):], subs)...)
			}
			return out
		}
	}
	return []string{s}
}

// Write converts the dictionary to dyad's formats under dir: actors with
// date-restricted or several codes to people/petrarch-NAME.txt (one role
// line per code, role "other"), actors with one undated code to
// orgs/petrarch-NAME.txt, agents to agents/petrarch-NAME.txt, where NAME is
// the slug of the file name. It returns the files written.
func (d *PetrarchDict) Write(dir string) ([]string, error) {
	stem := "petrarch-" + Slug(strings.ReplaceAll(strings.TrimSuffix(filepath.Base(d.File), filepath.Ext(d.File)), ".", "-"))
	var people, orgs, agents strings.Builder
	header := fmt.Sprintf("# Imported by `dyad dict import --format petrarch` from %s.\n", filepath.Base(d.File))
	for _, a := range d.Actors {
		names := make([]string, len(a.Names))
		for i, n := range a.Names {
			names[i] = clean(n)
		}
		// Keep short all-caps roots as written so that acronyms still
		// match: NATO, IMF, UNHCR.
		if raw := strings.Trim(a.Raw[0], "_ "); len(raw) <= 5 && raw == strings.ToUpper(raw) && !strings.ContainsAny(raw, "_ ") && raw != names[0] {
			names = append(names, clean(raw))
		}
		aliases := strings.Join(names[1:], "; ")
		if len(a.Codes) == 1 && !a.Codes[0].Dated() && a.Codes[0].Code != "" {
			fmt.Fprintf(&orgs, "%s | %s | %s\n", names[0], aliases, a.Codes[0].Code)
			continue
		}
		// Dated or several codes: a person when some code has a sector
		// (RUSGOV, USAELI), else a country-like actor whose code changed
		// over time (ZIMBABWE [RHO <790606] [ZBW]).
		b, first := &people, fmt.Sprintf("%s | %s | -\n", names[0], aliases)
		if !a.hasSector() {
			def := "---"
			for _, c := range a.Codes {
				if !c.Dated() && c.Code != "" {
					def = c.Code
					break
				}
			}
			b, first = &orgs, fmt.Sprintf("%s | %s | %s\n", names[0], aliases, def)
		}
		b.WriteString(first)
		for _, c := range a.Codes {
			code := c.Code
			if code == "" {
				code = "---"
			}
			fmt.Fprintf(b, "    %s | other | | %s | %s\n", code, fmtDate(c.Start), fmtDate(c.End))
		}
	}
	for _, a := range d.Agents {
		ph := make([]string, len(a.Phrases))
		for i, p := range a.Phrases {
			ph[i] = clean(p)
		}
		fmt.Fprintf(&agents, "%s | %s |\n", strings.Join(ph, "; "), a.Code)
	}
	var written []string
	for _, f := range []struct {
		sub string
		b   *strings.Builder
	}{{"people", &people}, {"orgs", &orgs}, {"agents", &agents}} {
		if f.b.Len() == 0 {
			continue
		}
		p := filepath.Join(dir, f.sub, stem+".txt")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return written, err
		}
		if err := os.WriteFile(p, []byte(header+f.b.String()), 0o644); err != nil {
			return written, err
		}
		written = append(written, p)
	}
	return written, nil
}

// clean removes the field and list separators from a phrase.
func clean(s string) string {
	s = strings.NewReplacer("|", " ", ";", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

func fmtDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
