package actors_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/dyad-news/dyad/internal/actors"
)

func Example() {
	// actors.Default() loads the embedded dictionaries; this example uses
	// the small test fixture so that its output does not change with them.
	kb, err := actors.Load(os.DirFS("testdata/kb"))
	if err != nil {
		fmt.Println(err)
		return
	}
	day := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	for _, d := range []string{"2016-06-01", "2019-06-01", "2025-03-31"} {
		a, _ := kb.Resolve("Trump", day(d))
		fmt.Println("Trump", d, a.Code, a.Title)
	}
	for _, q := range []string{"the Kremlin", "the Russian president", "a Hungarian official", "Ukrainian troops"} {
		a, _ := kb.Describe(strings.Fields(q), day("2025-03-31"))
		fmt.Printf("%s: %s %s\n", q, a.Code, a.Name)
	}
	words := strings.Fields("Putin met NATO officials in Kyiv")
	for _, m := range kb.Match(words) {
		fmt.Println(strings.Join(words[m.Start:m.End], " "), m.Kind)
	}
	// Output:
	// Trump 2016-06-01 USAPTY Republican presidential candidate
	// Trump 2019-06-01 USAGOV President
	// Trump 2025-03-31 USAGOV President
	// the Kremlin: RUSGOV Kremlin
	// the Russian president: RUSGOV Vladimir Putin
	// a Hungarian official: HUNGOV Hungarian official
	// Ukrainian troops: UKRMIL Ukrainian troops
	// Putin person
	// NATO igo
	// officials agent
	// Kyiv city
}

func ExampleImportPetrarch() {
	dict := `NORA_VALE_
+PRESIDENT_VALE
	[ARDGOV 20100101-20141231]
	[ARDELI >150101]
`
	d, err := actors.ImportPetrarch(strings.NewReader(dict), "example.actors.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range d.Actors {
		fmt.Println(a.Names)
		for _, c := range a.Codes {
			fmt.Println(c.Code, c.Start.Format("2006-01-02"), c.End.IsZero())
		}
	}
	// Output:
	// [Nora Vale President Vale]
	// ARDGOV 2010-01-01 false
	// ARDELI 2015-01-01 true
}
