package events_test

import (
	"fmt"

	"github.com/dyad-news/dyad/internal/events"
)

// A frame recodes its complement: "threatened to impose sanctions" is the
// sanction code 163 read through the threat table.
func ExampleRules_Derive() {
	rules, err := events.DefaultRules()
	if err != nil {
		fmt.Println(err)
		return
	}
	code, _ := rules.Derive("threat", "163")
	c, _ := rules.Code(code)
	fmt.Println(c.Code, c.Name, c.Plover, c.Quad, c.Goldstein)
	// Output: 1312 Threaten to boycott, embargo, or sanction THREATEN 3 -5.8
}
