package actors

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-news/dyad/internal/shareddata"
)

func importFile(t *testing.T, path string) *PetrarchDict {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := ImportPetrarch(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func findActor(d *PetrarchDict, name string) *PetrarchActor {
	for i := range d.Actors {
		if d.Actors[i].Names[0] == name {
			return &d.Actors[i]
		}
	}
	return nil
}

func fmtCodes(cs []PetrarchCode) string {
	var out []string
	for _, c := range cs {
		code := c.Code
		if code == "" {
			code = "---"
		}
		out = append(out, fmt.Sprintf("%s %s..%s", code, fmtDate(c.Start), fmtDate(c.End)))
	}
	return strings.Join(out, "; ")
}

func TestImportPetrarchInline(t *testing.T) {
	// An invented dictionary in the PETRARCH format.
	text := `<!-- a comment
spanning lines -->
ARDENIA_  [ARD]  # a country
+ARDENIAN
NORA_VALE_
+PRESIDENT_VALE
	[ARDGOV 20100101-20141231]
	[ARDELI >150101]
	[ARDOPP < 20100101]
OLD_NAME_OF_ARDENIA
	[XRD <911226]
	[ARD]
BROKEN_DATE [ARDGOV 2010011-20141231]
BAD_CODE_ [AR]
NOCODE_
`
	d, err := ImportPetrarch(strings.NewReader(text), "test.actors.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Actors) != 3 {
		t.Fatalf("%d actors, want 3: %+v", len(d.Actors), d.Actors)
	}
	want := map[string]string{
		"Ardenia":             "ARD ..",
		"Nora Vale":           "ARDGOV 2010-01-01..2014-12-31; ARDELI 2015-01-01..; ARDOPP ..2009-12-31",
		"Old Name Of Ardenia": "XRD ..1991-12-25; ARD ..",
	}
	for name, codes := range want {
		a := findActor(d, name)
		if a == nil {
			t.Errorf("actor %q not read", name)
			continue
		}
		if got := fmtCodes(a.Codes); got != codes {
			t.Errorf("%s: codes %s, want %s", name, got, codes)
		}
	}
	if a := findActor(d, "Ardenia"); a != nil && strings.Join(a.Names, "|") != "Ardenia|Ardenian" {
		t.Errorf("Ardenia names %q", a.Names)
	}
	var lines []string
	for _, e := range d.Errors {
		lines = append(lines, fmt.Sprintf("%d", e.Line))
		if e.File != "test.actors.txt" {
			t.Errorf("error names file %q", e.File)
		}
	}
	if got := strings.Join(lines, ","); got != "13,14,15" {
		t.Errorf("errors at lines %s, want 13,14,15: %v", got, d.Errors)
	}
	if !errors.Is(d.Errors[0], ErrDate) || !errors.Is(d.Errors[1], ErrCode) || !errors.Is(d.Errors[2], ErrSyntax) {
		t.Errorf("error kinds: %v", d.Errors)
	}
}

func TestImportPetrarchValidate(t *testing.T) {
	dir := shareddata.Dir(t, "events/petrarch2")
	d := importFile(t, filepath.Join(dir, "PETR.Validate.actors.txt"))
	if len(d.Actors) != 123 || d.DatedCodes() != 13 || len(d.Agents) != 0 {
		t.Errorf("got %d actors, %d dated codes, %d agents; want 123, 13, 0", len(d.Actors), d.DatedCodes(), len(d.Agents))
	}
	var lines []int
	for _, e := range d.Errors {
		lines = append(lines, e.Line)
	}
	// G77, +++, ITHTV, YEMNO and PALPL are not three-letter-group codes.
	if fmt.Sprint(lines) != "[101 112 118 146 161]" {
		t.Errorf("errors at lines %v: %v", lines, d.Errors)
	}
	for name, codes := range map[string]string{
		"Gollum":               "HOB ..1995-05-31; HOBGOV 1995-06-01..1999-08-15; HOBREB 1999-08-16..",
		"Sam Gamgee":           "HOB ..; HOBCIV ..2008-01-19; ORCHOB 2010-01-09..2010-01-12; HOBMIL 2008-01-20..2012-11-09; HOBGOV 2012-11-09..2013-01-19; HOBELI 2013-01-19..",
		"Zimbabwe":             "RHO ..1979-06-05; ZBW ..",
		"Prince Of Dol Amroth": "--- ..1995-06-29; DOL ..",
		"Ent":                  "ENT ..",
		"Palestinian":          "PSE ..",
		"Hamas":                "PSEREBHMS ..",
		"U.S.S.R":              "USR ..1991-12-25",
		"The Shire":            "FRO ..; BIL ..; SAM ..",
	} {
		a := findActor(d, name)
		if a == nil {
			t.Errorf("actor %q not read", name)
			continue
		}
		if got := fmtCodes(a.Codes); got != codes {
			t.Errorf("%s: codes %s, want %s", name, got, codes)
		}
	}
	if a := findActor(d, "Gollum"); a == nil || strings.Join(a.Names, ",") != "Gollum,Smeagol,Slinker,Stinker" {
		t.Errorf("Gollum's synonyms: %+v", a)
	}
	if a := findActor(d, "International Criminal Police Organization"); a == nil || len(a.Names) != 2 || a.Names[1] != "Interpol" {
		t.Errorf("Interpol: %+v", a)
	}

	g := importFile(t, filepath.Join(dir, "PETR.Validate.agents.txt"))
	if len(g.Agents) != 88 || len(g.Actors) != 0 || len(g.Errors) != 0 {
		t.Errorf("agents file: %d agents, %d actors, errors %v; want 88, 0, none", len(g.Agents), len(g.Actors), g.Errors)
	}
	agents := map[string]PetrarchAgent{}
	for _, a := range g.Agents {
		for _, p := range a.Phrases {
			agents[p] = a
		}
	}
	for phrase, code := range map[string]string{
		"minister of silly walks": "GOV", "ministries of silly walks": "GOV", "congressman": "LEG", "congresswomen": "LEG",
		"attorneys general": "GOV", "police": "COP", "foreign minister": "GOVFRM", "human rights body": "NGO",
		"golden geese": "GGS", "parliamentary opposition": "OPP",
	} {
		a, ok := agents[phrase]
		if !ok || a.Code != code {
			t.Errorf("agent %q: %+v, want code %s", phrase, a, code)
		}
	}
	if !agents["human rights body"].Prefix || agents["police"].Prefix {
		t.Error("prefix codes (NGO~) not told from suffix codes (~COP)")
	}

	// The converted files load and resolve with PETRARCH's date restrictions.
	out := t.TempDir()
	for _, x := range []*PetrarchDict{d, g} {
		if _, err := x.Write(out); err != nil {
			t.Fatal(err)
		}
	}
	kb, err := Load(os.DirFS(out))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, date, code string }{
		{"Sam Gamgee", "2007-01-01", "HOBCIV"},
		{"Sam Gamgee", "2009-01-01", "HOBMIL"},
		{"Sam Gamgee", "2010-01-10", "ORCHOB"}, // the short range overrides the long one
		{"Sam Gamgee", "2012-12-01", "HOBGOV"},
		{"Sam Gamgee", "2014-01-01", "HOBELI"},
		{"Smeagol", "1990-01-01", "HOB"},
		{"Gollum", "1997-01-01", "HOBGOV"},
		{"Gollum", "2001-01-01", "HOBREB"},
		{"Zimbabwe", "1975-01-01", "RHO"},
		{"Zimbabwe", "1985-01-01", "ZBW"},
		{"Prince Of Dol Amroth", "1990-01-01", ""},
		{"Prince of Dol Amroth", "2000-01-01", "DOL"},
		{"Hamas", "2000-01-01", "PSEREBHMS"},
	} {
		a, ok := kb.Resolve(c.name, date(c.date))
		if !ok || a.Code != c.code {
			t.Errorf("imported %s on %s: %q, %v; want %q", c.name, c.date, a.Code, ok, c.code)
		}
	}
	if s, ok := kb.Agent("ministers", "of", "silly", "walks"); !ok || s != "GOV" {
		t.Errorf("imported agent: %q, %v", s, ok)
	}
}

func TestImportPhoenix(t *testing.T) {
	dir := shareddata.Dir(t, "events/petrarch2/dictionaries")
	out := t.TempDir()
	cases := []struct {
		file                           string
		minActors, minDated, minAgents int
	}{
		{"Phoenix.Countries.actors.txt", 18000, 25000, 0},
		{"Phoenix.International.actors.txt", 7500, 400, 0},
		{"Phoenix.MilNonState.actors.txt", 1000, 1, 0},
		{"Phoenix.agents.txt", 0, 0, 2200},
	}
	dicts := map[string]*PetrarchDict{}
	for _, c := range cases {
		d := importFile(t, filepath.Join(dir, c.file))
		dicts[c.file] = d
		t.Logf("%s: %d actors, %d dated codes, %d agents, %d errors", c.file, len(d.Actors), d.DatedCodes(), len(d.Agents), len(d.Errors))
		if len(d.Actors) < c.minActors || d.DatedCodes() < c.minDated || len(d.Agents) < c.minAgents {
			t.Errorf("%s: %d actors, %d dated codes, %d agents; want at least %d, %d, %d", c.file,
				len(d.Actors), d.DatedCodes(), len(d.Agents), c.minActors, c.minDated, c.minAgents)
		}
		if len(d.Errors) > 20 {
			t.Errorf("%s: %d errors, want few: %v", c.file, len(d.Errors), d.Errors[:5])
		}
		if _, err := d.Write(out); err != nil {
			t.Fatal(err)
		}
	}
	putin := findActor(dicts["Phoenix.Countries.actors.txt"], "Vladimir Putin")
	if putin == nil || !strings.Contains(fmtCodes(putin.Codes), "RUSGOV 2008-05-08..") {
		t.Errorf("Phoenix Putin: %+v", putin)
	}
	start := time.Now()
	kb, err := Load(Embedded(), os.DirFS(out))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("embedded + imported Phoenix loaded in %s", time.Since(start))
	for _, c := range []struct{ name, date, code string }{
		{"Boris Yeltsin", "1995-01-01", "RUSGOV"},
		{"Yeltsin", "1995-01-01", "RUSGOV"},
		{"Hosni Mubarak", "2000-01-01", "EGYGOV"},
		{"Ban Ki-moon", "2010-01-01", "IGOUNO"},
	} {
		a, ok := kb.Resolve(c.name, date(c.date))
		if !ok || a.Code != c.code {
			t.Errorf("Resolve(%q, %s) with Phoenix = %q, %v; want %q", c.name, c.date, a.Code, ok, c.code)
		}
	}
	if s, ok := kb.Agent("minister of defence"); !ok || s != "GOVMIL" {
		t.Errorf("Phoenix agent 'minister of defence' = %q, %v; want GOVMIL", s, ok)
	}
}
