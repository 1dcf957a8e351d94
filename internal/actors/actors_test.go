package actors

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

var (
	fixtureOnce sync.Once
	fixtureKB   *KB
	fixtureErr  error
)

// fixture loads testdata/kb, a small knowledge base written for the tests.
func fixture(t testing.TB) *KB {
	t.Helper()
	fixtureOnce.Do(func() { fixtureKB, fixtureErr = Load(os.DirFS("testdata/kb")) })
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return fixtureKB
}

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// resolveCase is one date-aware resolution: the query on a date must give
// the name (person) and code.
type resolveCase struct {
	query, date, name, code string
}

var resolveCases = []resolveCase{
	{"Trump", "2016-06-01", "Donald Trump", "USAPTY"},
	{"Trump", "2019-06-01", "Donald Trump", "USAGOV"},
	{"Trump", "2022-06-01", "Donald Trump", "USAELI"},
	{"Trump", "2025-03-01", "Donald Trump", "USAGOV"},
	{"Donald Trump", "2025-03-01", "Donald Trump", "USAGOV"},
	{"Biden", "2015-06-01", "Joe Biden", "USAGOV"},
	{"Biden", "2022-06-01", "Joe Biden", "USAGOV"},
	{"Biden", "2025-03-01", "Joe Biden", "USAELI"},
	{"the Russian president", "2010-06-01", "Dmitry Medvedev", "RUSGOV"},
	{"the Russian president", "2020-06-01", "Vladimir Putin", "RUSGOV"},
	{"the US president", "2021-01-20", "Joe Biden", "USAGOV"},
	{"the US president", "2025-01-19", "Joe Biden", "USAGOV"},
	{"the US president", "2025-01-20", "Donald Trump", "USAGOV"},
	{"the British prime minister", "2016-01-01", "David Cameron", "GBRGOV"},
	{"the British prime minister", "2016-07-13", "Theresa May", "GBRGOV"},
	{"the British prime minister", "2018-06-01", "Theresa May", "GBRGOV"},
	{"the British prime minister", "2020-06-01", "Boris Johnson", "GBRGOV"},
	{"the British prime minister", "2022-10-01", "Liz Truss", "GBRGOV"},
	{"the British prime minister", "2023-06-01", "Rishi Sunak", "GBRGOV"},
	{"the British prime minister", "2024-07-05", "Keir Starmer", "GBRGOV"},
	{"the British prime minister", "2026-06-01", "Keir Starmer", "GBRGOV"},
	{"Britain's prime minister", "2019-01-01", "Theresa May", "GBRGOV"},
	{"the German chancellor", "2024-01-01", "Olaf Scholz", "DEUGOV"},
	{"the German chancellor", "2025-06-01", "Friedrich Merz", "DEUGOV"},
	{"the Kremlin spokesman", "2025-03-31", "Dmitry Peskov", "RUSGOV"},
	{"Putin", "2010-01-01", "Vladimir Putin", "RUSGOV"},
	{"Putin", "1999-01-01", "Vladimir Putin", "RUSELI"},
	{"Bush", "2005-01-01", "George W. Bush", "USAGOV"},
	{"Bush", "1990-01-01", "George H. W. Bush", "USAGOV"},
	{"Guterres", "2000-01-01", "António Guterres", "PRTGOV"},
	{"Guterres", "2025-01-01", "António Guterres", "IGOUNO"},
	{"Guterres", "2003-01-01", "António Guterres", "PRTELI"},
	{"the UN secretary-general", "2025-01-01", "António Guterres", "IGOUNO"},
	{"Sunak", "2024-08-01", "Rishi Sunak", "GBROPP"},
	{"the British leader", "2019-01-01", "Theresa May", "GBRGOV"},
	{"the Russian leader", "2010-01-01", "Dmitry Medvedev", "RUSGOV"},
	{"the German leader", "2025-06-01", "Friedrich Merz", "DEUGOV"},
	{"the UN chief", "2025-06-01", "António Guterres", "IGOUNO"},
}

func TestResolveFixture(t *testing.T) {
	kb := fixture(t)
	for _, c := range resolveCases {
		t.Run(c.query+"@"+c.date, func(t *testing.T) {
			a, ok := kb.Resolve(c.query, date(c.date))
			if !ok {
				t.Fatalf("Resolve(%q, %s) found nothing", c.query, c.date)
			}
			if a.Name != c.name || a.Code != c.code {
				t.Errorf("Resolve(%q, %s) = %s %s (%s), want %s %s", c.query, c.date, a.Name, a.Code, a.Title, c.name, c.code)
			}
		})
	}
}

// TestResolveDefault runs the same cases against the embedded data (what
// Default loads, without the user's own directories, so that the test does
// not depend on them); a case whose person is not in the data is skipped
// with a message.
func TestResolveDefault(t *testing.T) {
	kb, err := WithUserDir()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range resolveCases {
		t.Run(c.query+"@"+c.date, func(t *testing.T) {
			if kb.Entry(Slug(c.name)) == nil {
				t.Skipf("%s is not in the embedded data yet", c.name)
			}
			a, ok := kb.Resolve(c.query, date(c.date))
			if !ok {
				t.Fatalf("Resolve(%q, %s) found nothing", c.query, c.date)
			}
			if a.Name != c.name || a.Code != c.code {
				t.Errorf("Resolve(%q, %s) = %s %s (%s), want %s %s", c.query, c.date, a.Name, a.Code, a.Title, c.name, c.code)
			}
		})
	}
}

func TestDescribe(t *testing.T) {
	kb := fixture(t)
	cases := []struct {
		words, date string
		code, name  string // name "" means: no particular person
		title       string
	}{
		{"a Hungarian official", "2025-01-01", "HUNGOV", "", "Official"},
		{"Hungarian officials", "2025-01-01", "HUNGOV", "", ""},
		{"Ukrainian troops", "2025-01-01", "UKRMIL", "", ""},
		{"the Kremlin", "2025-01-01", "RUSGOV", "Kremlin", ""},
		{"the White House", "2025-01-01", "USAGOV", "White House", ""},
		{"the Pentagon", "2025-01-01", "USAMIL", "Pentagon", ""},
		{"Pentagon officials", "2025-01-01", "USAMIL", "", ""},
		{"the Elysee", "2025-01-01", "FRAGOV", "Élysée", ""},
		{"Russian foreign minister Sergey Lavrov", "2025-01-01", "RUSGOV", "Sergey Lavrov", "Foreign Minister"},
		{"Russian foreign minister Sergei Lavrov", "2003-01-01", "RUSGOV", "Sergey Lavrov", "Foreign Minister"},
		{"Hungarian foreign minister Peter Szijjarto", "2025-01-01", "HUNGOV", "Peter Szijjarto", "Foreign Minister"},
		{"the Russian foreign minister", "2025-01-01", "RUSGOV", "Sergey Lavrov", "Foreign Minister"},
		{"a Russian minister", "2025-01-01", "RUSGOV", "", "Minister"},
		{"Senior Russian officials", "2025-01-01", "RUSGOV", "", ""},
		{"Hungarian official Anna Kovacs of the ministry", "2025-01-01", "HUNGOV", "", "Official"},
		{"the Russian military spokesman", "2025-01-01", "RUSMIL", "", "Military Spokesman"},
		{"former Russian president", "2025-01-01", "RUSELI", "", "President"},
		{"an ex-president of Russia", "2025-01-01", "RUSELI", "", "President"},
		{"Palestinian protesters", "2025-01-01", "PSEOPP", "", ""},
		{"Gaza", "2025-01-01", "PSE", "Gaza", ""},
		{"rebels in Crimea", "2025-01-01", "UKRREB", "", ""},
		{"Moscow", "2025-01-01", "RUS", "Moscow", ""},
		{"Kharkov police", "2025-01-01", "UKRCOP", "", ""},
		{"the UN Security Council", "2025-01-01", "IGOUNO", "UN Security Council", ""},
		{"a UN official", "2025-01-01", "IGOUNO", "", "Official"},
		{"NATO", "2025-01-01", "IGOWSTNAT", "NATO", ""},
		{"the BBC", "2025-01-01", "GBRMED", "BBC", ""},
		{"Russian state media", "2025-01-01", "RUSGOVMED", "", ""},
		{"South Korean lawmakers", "2025-01-01", "KORLEG", "", ""},
		{"North Korean soldiers", "2025-01-01", "PRKMIL", "", ""},
		{"the Russians", "2025-01-01", "RUS", "Russia", ""},
		{"RUSSIAN TROOPS", "2025-01-01", "RUSMIL", "", ""},
	}
	for _, c := range cases {
		t.Run(c.words, func(t *testing.T) {
			a, ok := kb.Describe(strings.Fields(c.words), date(c.date))
			if !ok {
				t.Fatalf("Describe(%q) found nothing", c.words)
			}
			if a.Code != c.code || c.name != "" && a.Name != c.name || c.title != "" && a.Title != c.title {
				t.Errorf("Describe(%q) = %+v, want code %s name %q title %q", c.words, a, c.code, c.name, c.title)
			}
			if c.name == "" && a.Kind == Person && a.ID != "" {
				t.Errorf("Describe(%q) resolved to the person %s, want a generic actor", c.words, a.Name)
			}
		})
	}
	for _, words := range []string{"a spokesman", "the weather", "", "officials said"} {
		if a, ok := kb.Describe(strings.Fields(words), date("2025-01-01")); ok {
			t.Errorf("Describe(%q) = %+v, want nothing", words, a)
		}
	}
}

func TestCountryAgentMetonym(t *testing.T) {
	kb := fixture(t)
	for _, c := range []struct{ word, code string }{
		{"Russia", "RUS"}, {"Russian", "RUS"}, {"Russians", "RUS"}, {"russian", "RUS"}, {"Moscow", "RUS"},
		{"Briton", "GBR"}, {"Britons", "GBR"}, {"Frenchmen", "FRA"}, {"Gaza Strip", "PSE"}, {"Crimea", "UKR"},
		{"Kiev", "UKR"}, {"Kharkov", "UKR"}, {"South Korean", "KOR"}, {"North Korean", "PRK"},
	} {
		if got, ok := kb.Country(c.word); !ok || got != c.code {
			t.Errorf("Country(%q) = %q, %v; want %q", c.word, got, ok, c.code)
		}
	}
	if got, ok := kb.Country("Kremlin"); ok {
		t.Errorf("Country(Kremlin) = %q, want no country (it is a metonym)", got)
	}
	for _, c := range []struct{ phrase, code string }{{"the Kremlin", "RUSGOV"}, {"Pentagon", "USAMIL"}, {"Number 10", "GBRGOV"}, {"Élysée Palace", "FRAGOV"}} {
		if got, ok := kb.Metonym(c.phrase); !ok || got != c.code {
			t.Errorf("Metonym(%q) = %q, %v; want %q", c.phrase, got, ok, c.code)
		}
	}
	for _, c := range []struct {
		words  []string
		sector string
	}{
		{[]string{"spokesperson"}, "GOV"}, {[]string{"troops"}, "MIL"}, {[]string{"rebels"}, "REB"},
		{[]string{"Prime", "Minister"}, "GOV"}, {[]string{"prime minister"}, "GOV"}, {[]string{"policemen"}, "COP"},
		{[]string{"spokesmen"}, "GOV"}, {[]string{"state", "media"}, "GOVMED"},
	} {
		if got, ok := kb.Agent(c.words...); !ok || got != c.sector {
			t.Errorf("Agent(%q) = %q, %v; want %q", c.words, got, ok, c.sector)
		}
	}
	if _, ok := kb.Agent("weather"); ok {
		t.Error("Agent(weather) found a sector")
	}
	if g, ok := kb.GivenName("Maria"); !ok || g != "f" {
		t.Errorf("GivenName(Maria) = %q, %v", g, ok)
	}
}

func TestResolveRole(t *testing.T) {
	kb := fixture(t)
	for _, c := range []struct{ country, role, date, name string }{
		{"RUS", "head-of-state", "2025-03-31", "Vladimir Putin"},
		{"RUS", "head-of-state", "2009-01-01", "Dmitry Medvedev"},
		{"RUS", "head-of-government", "2009-01-01", "Vladimir Putin"},
		{"GBR", "head-of-government", "2022-09-30", "Liz Truss"},
		{"GBR", "finance-minister", "2025-01-01", "Rachel Reeves"},
		{"GBR", "Chancellor of the Exchequer", "2025-01-01", "Rachel Reeves"},
		{"DEU", "chancellor", "2025-06-01", "Friedrich Merz"},
		{"IGOUNO", "secretary-general", "2025-06-01", "António Guterres"},
		{"GBR", "opposition-leader", "2024-09-01", "Rishi Sunak"},
	} {
		a, ok := kb.ResolveRole(c.country, c.role, date(c.date))
		if !ok || a.Name != c.name {
			t.Errorf("ResolveRole(%s, %s, %s) = %q, %v; want %q", c.country, c.role, c.date, a.Name, ok, c.name)
		}
	}
	if a, ok := kb.ResolveRole("GBR", "head-of-government", date("2005-01-01")); ok {
		t.Errorf("ResolveRole(GBR, 2005) = %s, want none (not in the fixture)", a.Name)
	}
}

func TestMatch(t *testing.T) {
	kb := fixture(t)
	cases := []struct {
		text string
		want string // matched spans as [words|kind]
	}{
		{"Putin met Prime Minister Keir Starmer in Moscow .", "[Putin|person] met [Prime Minister|agent] [Keir Starmer|person] in [Moscow|city] ."},
		{"the Kremlin said Russian troops left Crimea", "the [Kremlin|metonym] said [Russian|country] [troops|agent] left [Crimea|region]"},
		{"The UN Security Council and NATO", "The [UN Security Council|igo] and [NATO|igo]"},
		{"Russia 's president", "[Russia|country] 's [president|agent]"},
		{"PUTIN MEETS TRUMP", "[PUTIN|person] MEETS [TRUMP|person]"},
		{"putin and trump", "putin and trump"},
		{"Maria told the BBC", "[Maria|given-name] told the [BBC|media]"},
		{"the United States and South Korea", "the [United States|country] and [South Korea|country]"},
		{"", ""},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			words := strings.Fields(c.text)
			got := render(words, kb.Match(words))
			if got != c.want {
				t.Errorf("Match(%q)\n got %s\nwant %s", c.text, got, c.want)
			}
		})
	}
	// Several people with one name: all are candidates.
	ms := kb.Match([]string{"Bush"})
	if len(ms) != 1 || len(ms[0].Candidates) != 2 {
		t.Errorf("Match(Bush) = %+v, want one match with two candidates", ms)
	}
}

func render(words []string, ms []Match) string {
	var b strings.Builder
	j := 0
	for i := 0; i < len(words); i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		if j < len(ms) && ms[j].Start == i {
			fmt.Fprintf(&b, "[%s|%s]", strings.Join(words[ms[j].Start:ms[j].End], " "), ms[j].Kind)
			i = ms[j].End - 1
			j++
			continue
		}
		b.WriteString(words[i])
	}
	return b.String()
}

func TestLoadErrors(t *testing.T) {
	cases := []struct {
		name     string
		files    map[string]string
		sentinel error
		where    string
	}{
		{"bad date", map[string]string{"people/USA.txt": "Joe Biden | Biden | m\n    USAGOV | head-of-state | President | 2021-13-40 |\n"}, ErrDate, "people/USA.txt:2"},
		{"end before start", map[string]string{"people/USA.txt": "# c\nJoe Biden | Biden | m\n    USAGOV | other | x | 2021-01-01 | 2020-01-01\n"}, ErrDate, "people/USA.txt:3"},
		{"bad code", map[string]string{"people/RUS.txt": "Vladimir Putin | Putin | m\n    RUSGO | head-of-state | President | 2000 |\n"}, ErrCode, "people/RUS.txt:2"},
		{"unknown role", map[string]string{"people/RUS.txt": "Vladimir Putin | Putin | m\n    RUSGOV | tsar | Tsar | 2000 |\n"}, ErrField, "people/RUS.txt:2"},
		{"bad gender", map[string]string{"people/RUS.txt": "\n\nVladimir Putin | Putin | x\n"}, ErrField, "people/RUS.txt:3"},
		{"role without person", map[string]string{"people/RUS.txt": "    RUSGOV | head-of-state | President | 2000 |\n"}, ErrSyntax, "people/RUS.txt:1"},
		{"too many fields", map[string]string{"cities.txt": "Kharkiv | Kharkov | UKR | extra\n"}, ErrSyntax, "cities.txt:1"},
		{"country code length", map[string]string{"countries.txt": "RUSGOV | Russia | | | | | |\n"}, ErrCode, "countries.txt:1"},
		{"bad metonym sector", map[string]string{"countries.txt": "RUS | Russia | | | | | Kremlin=GO |\n"}, ErrCode, "countries.txt:1"},
		{"bad igo id", map[string]string{"igos.txt": "NATO | IGOWSTNAT | NATO |\n"}, ErrField, "igos.txt:1"},
		{"agent without phrase", map[string]string{"agents.txt": " | GOV |\n"}, ErrField, "agents.txt:1"},
		{"bad given name", map[string]string{"given-names.txt": "Maria | female\n"}, ErrField, "given-names.txt:1"},
		{"org without code", map[string]string{"orgs/media.txt": "BBC | | \n"}, ErrCode, "orgs/media.txt:1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, text := range c.files {
				fsys[name] = &fstest.MapFile{Data: []byte(text)}
			}
			_, err := Load(fsys)
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			if !errors.Is(err, c.sentinel) {
				t.Errorf("error %v does not wrap %v", err, c.sentinel)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || fmt.Sprintf("%s:%d", pe.File, pe.Line) != c.where {
				t.Errorf("error %v, want it at %s", err, c.where)
			}
			if !strings.HasPrefix(err.Error(), c.where+": ") {
				t.Errorf("message %q does not start with %s", err.Error(), c.where)
			}
		})
	}
}

func TestLoadMergesAcrossFS(t *testing.T) {
	user := fstest.MapFS{"people/extra.txt": &fstest.MapFile{Data: []byte(
		"Vladimir Putin | Vladimir Vladimirovich Putin | m\n    RUSELI | other | Director of the FSB | 1998-07-25 | 1999-03-29\n")}}
	kb, err := Load(os.DirFS("testdata/kb"), user)
	if err != nil {
		t.Fatal(err)
	}
	a, ok := kb.Resolve("Vladimir Vladimirovich Putin", date("1999-01-01"))
	if !ok || a.Title != "Director of the FSB" || a.ID != "vladimir-putin" {
		t.Errorf("user alias and role: got %+v", a)
	}
	if a, _ := kb.Resolve("Putin", date("2025-01-01")); a.Title != "President" {
		t.Errorf("built-in roles lost after merging: %+v", a)
	}
}

func TestPlural(t *testing.T) {
	for in, want := range map[string]string{"minister": "ministers", "policeman": "policemen", "spokesperson": "spokespeople",
		"militia": "militias", "party": "parties", "police": "police", "Chinese": "Chinese", "Briton": "Britons", "oligarch": "oligarchs",
		"prime minister": "prime ministers", "attorney": "attorneys", "boss": "bosses", "German": "Germans"} {
		if got := plural(in); got != want {
			t.Errorf("plural(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{"Vladimir Putin": "vladimir-putin", "Élysée Palace": "elysee-palace",
		"George W. Bush": "george-w-bush", "U.S.": "us", "  Ban Ki-moon ": "ban-ki-moon", "O'Brien": "obrien"} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDefaultData checks the embedded dictionaries: they load, fast, and
// hold what the rest of dyad relies on.
func TestDefaultData(t *testing.T) {
	start := time.Now()
	kb, err := Load(Embedded())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("embedded data loaded in %s", time.Since(start))
	byKind, roles := kb.Count()
	t.Logf("entries: %v; roles: %d", byKind, roles)
	if byKind[Country] < 249 {
		t.Errorf("%d countries and territories, want at least 249", byKind[Country])
	}
	if byKind[IGO] < 100 {
		t.Errorf("%d IGOs and bodies, want at least 100", byKind[IGO])
	}
	for _, c := range []struct{ word, code string }{
		{"Kosovo", "KSV"}, {"Taiwan", "TWN"}, {"Palestinian", "PSE"}, {"Gaza", "PSE"}, {"West Bank", "PSE"},
		{"Crimea", "UKR"}, {"Donbas", "UKR"}, {"Kyiv", "UKR"}, {"Kiev", "UKR"}, {"North Korean", "PRK"},
		{"South Korea", "KOR"}, {"Türkiye", "TUR"}, {"Côte d'Ivoire", "CIV"}, {"Ivory Coast", "CIV"}, {"Britons", "GBR"},
		{"Greenland", "GRL"}, {"Hong Kong", "HKG"}, {"Western Sahara", "ESH"}, {"Burma", "MMR"}, {"Texas", "USA"},
	} {
		if got, ok := kb.Country(c.word); !ok || got != c.code {
			t.Errorf("Country(%q) = %q, %v; want %q", c.word, got, ok, c.code)
		}
	}
	for _, c := range []struct{ phrase, code string }{
		{"the Kremlin", "RUSGOV"}, {"the White House", "USAGOV"}, {"Downing Street", "GBRGOV"}, {"the Elysée", "FRAGOV"},
		{"Elysee", "FRAGOV"}, {"the Pentagon", "USAMIL"}, {"Zhongnanhai", "CHNGOV"}, {"Bankova", "UKRGOV"},
	} {
		if got, ok := kb.Metonym(c.phrase); !ok || got != c.code {
			t.Errorf("Metonym(%q) = %q, %v; want %q", c.phrase, got, ok, c.code)
		}
	}
	for _, c := range []struct{ name, code string }{
		{"UN", "IGOUNO"}, {"United Nations", "IGOUNO"}, {"NATO", "IGOWSTNAT"}, {"European Union", "IGOEUREEC"},
		{"European Commission", "IGOEUREEC"}, {"African Union", "IGOAFRAFU"}, {"ASEAN", "IGOSEAASN"}, {"OPEC", "IGOBUSOPC"},
		{"IMF", "IGOBUSIMF"}, {"World Bank", "IGOUNODEVWBK"}, {"International Criminal Court", "IGOJUDICC"},
		{"World Health Organization", "IGOUNOHLHWHO"}, {"Moscow", "RUS"}, {"Beijing", "CHN"},
	} {
		a, ok := kb.Resolve(c.name, date("2025-06-01"))
		if !ok || a.Code != c.code {
			t.Errorf("Resolve(%q) = %q, %v; want %q", c.name, a.Code, ok, c.code)
		}
	}
	for _, c := range []struct{ phrase, sector string }{
		{"spokesperson", "GOV"}, {"troops", "MIL"}, {"police", "COP"}, {"rebels", "REB"}, {"militants", "INS"},
		{"protesters", "OPP"}, {"opposition", "OPP"}, {"lawmakers", "LEG"}, {"court", "JUD"}, {"journalists", "MED"},
		{"party", "PTY"}, {"businessmen", "BUS"}, {"civilians", "CVL"}, {"students", "EDU"}, {"clerics", "REL"},
		{"aid groups", "NGO"}, {"intelligence agency", "SPY"}, {"gunmen", "UAF"}, {"unions", "LAB"}, {"doctors", "HLH"},
		{"refugees", "REF"}, {"oligarchs", "ELI"}, {"state media", "GOVMED"},
	} {
		if got, ok := kb.Agent(c.phrase); !ok || got != c.sector {
			t.Errorf("Agent(%q) = %q, %v; want %q", c.phrase, got, ok, c.sector)
		}
	}
	// Every code starts with a known country or a CAMEO transnational or
	// regional code.
	transnational := map[string]bool{}
	for _, c := range strings.Fields("IGO IMG NGO NGM MNC UIS AFR ASA EUR MEA WST LAM SAM NAF WAF EAF SAF CAF SEA SAS CAS PGS BLK CRB SCN MDT") {
		transnational[c] = true
	}
	for _, e := range kb.Entries() {
		codes := []string{e.Code}
		for _, r := range e.Roles {
			codes = append(codes, r.Code)
		}
		for _, c := range codes {
			if len(c) < 3 || transnational[c[:3]] {
				continue
			}
			if x := kb.Entry(c[:3]); x == nil || x.Kind != Country {
				t.Errorf("%s: %s has code %s, whose country %s is not in countries.txt", e.Src, e.Name, c, c[:3])
			}
		}
	}
	seen := map[string]string{}
	for _, e := range kb.Entries() {
		if e.Kind != Agent {
			continue
		}
		for _, p := range append([]string{e.Name}, e.Aliases...) {
			if old, ok := seen[p]; ok && old != e.Sector {
				t.Errorf("agent phrase %q has two sectors: %s and %s", p, old, e.Sector)
			}
			seen[p] = e.Sector
		}
	}
}

func BenchmarkMatch(b *testing.B) {
	kb, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	// Invented news-like text.
	text := `The Kremlin said on Monday that Russia would keep working with the United States , while
		President Donald Trump threatened tariffs on buyers of Russian oil . British Prime Minister Keir Starmer
		said Britain would work with France and Ukraine on a ceasefire plan , and NATO officials in Brussels
		welcomed the talks . Ukrainian troops held positions near Kharkiv as a Hungarian official criticised
		the European Commission . Protesters gathered outside the White House and police made several arrests .`
	words := strings.Fields(text)
	upper := make([]string, len(words))
	for i, w := range words {
		upper[i] = strings.ToUpper(w) // a headline: the folded trie
	}
	for _, bc := range []struct {
		name  string
		words []string
	}{{"written", words}, {"capitals", upper}} {
		b.Run(bc.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				n += len(kb.Match(bc.words))
			}
			b.ReportMetric(float64(len(bc.words)*b.N)/b.Elapsed().Seconds(), "words/s")
			if n == 0 {
				b.Fatal("no matches")
			}
		})
	}
}

func BenchmarkLoadEmbedded(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Load(Embedded()); err != nil {
			b.Fatal(err)
		}
	}
}

// TestResolveOtherGivenName checks that a surname preceded by another
// person's given name is not read as the known person with that surname,
// while titles, honorifics and the person's own given names still are.
func TestResolveOtherGivenName(t *testing.T) {
	kb, err := WithUserDir()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query, notID, wantID string // wantID "" when another person is meant
	}{
		{"Paul Flynn", "michael-flynn", ""},
		{"Cherie Blair", "tony-blair", ""},
		{"Melania Trump", "donald-trump", ""},
		{"Flynn", "", "michael-flynn"},
		{"Michael Flynn", "", "michael-flynn"},
		{"Tony Blair", "", "tony-blair"},
		{"Mr Blair", "", "tony-blair"},
		{"Prime Minister Blair", "", "tony-blair"},
		{"President-elect Trump", "", "donald-trump"},
		{"George Bush", "", "george-w-bush"},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			for _, id := range []string{tc.notID, tc.wantID} {
				if id != "" && kb.Entry(id) == nil {
					t.Skipf("%s is not in the embedded data", id)
				}
			}
			a, ok := kb.Resolve(tc.query, date("2005-03-01"))
			if tc.wantID != "" && (!ok || a.ID != tc.wantID) {
				t.Errorf("Resolve(%q) = %q (found %v), want %q", tc.query, a.ID, ok, tc.wantID)
			}
			if tc.notID != "" && ok && a.ID == tc.notID {
				t.Errorf("Resolve(%q) = %q, want someone else", tc.query, a.ID)
			}
		})
	}
}

// TestWorldRegions resolves the names of world regions to CAMEO's region
// codes, and leaves their adjectives alone.
func TestWorldRegions(t *testing.T) {
	kb, err := WithUserDir()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ query, code string }{
		{"Africa", "AFR"},
		{"the Middle East", "MEA"},
		{"the Balkans", "BLK"},
		{"South Africa", "ZAF"},
		{"European Union", "IGOEUREEC"},
		{"Asian markets", ""},
	} {
		a, ok := kb.Resolve(tc.query, date("2020-01-01"))
		if a.Code != tc.code || ok != (tc.code != "") {
			t.Errorf("Resolve(%q) = %q (found %v), want %q", tc.query, a.Code, ok, tc.code)
		}
	}
}

// TestResolveIn prefers, among namesakes holding roles on the date, the
// one with a role in the article's country, and a named office over an
// "other" role when no country is known.
func TestResolveIn(t *testing.T) {
	kb, err := WithUserDir()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, date, country, want string }{
		{"McConnell", "2005-03-01", "GBR", "jack-mcconnell"},
		{"McConnell", "2016-03-01", "", "mitch-mcconnell"},
		{"McConnell", "2016-03-01", "USA", "mitch-mcconnell"},
		{"Putin", "2016-03-01", "GBR", "vladimir-putin"},
	} {
		for _, id := range []string{tc.want} {
			if kb.Entry(id) == nil {
				t.Skipf("%s is not in the embedded data", id)
			}
		}
		if a, ok := kb.ResolveIn(tc.name, date(tc.date), tc.country); !ok || a.ID != tc.want {
			t.Errorf("ResolveIn(%q, %s, %q) = %q, want %q", tc.name, tc.date, tc.country, a.ID, tc.want)
		}
	}
}

// TestPartyLeader finds a party's leader by the party's own titles, never
// another party's leader of the same country.
func TestPartyLeader(t *testing.T) {
	kb, err := WithUserDir()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ query, date, notID, wantID string }{
		{"the Labour leader", "2005-03-01", "robert-kilroy-silk", ""},
		{"the Scottish Conservative Party leader", "2005-03-01", "robert-kilroy-silk", ""},
		{"the Labour leader", "2022-01-01", "", "keir-starmer"},
	} {
		a, _ := kb.Resolve(tc.query, date(tc.date))
		if tc.notID != "" && a.ID == tc.notID {
			t.Errorf("Resolve(%q, %s) = %s, another party's leader", tc.query, tc.date, a.ID)
		}
		if tc.wantID != "" && a.ID != tc.wantID {
			if kb.Entry(tc.wantID) == nil {
				t.Skipf("%s is not in the embedded data", tc.wantID)
			}
			t.Errorf("Resolve(%q, %s) = %q, want %s", tc.query, tc.date, a.ID, tc.wantID)
		}
	}
}
