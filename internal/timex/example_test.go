package timex_test

import (
	"fmt"
	"time"

	"github.com/dyad-news/dyad/internal/timex"
)

func ExampleFind() {
	ref := time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC) // a Monday
	for _, e := range timex.Find("The minister said on Friday that talks will resume next week.", ref, timex.Unknown) {
		day, precision, _ := e.Day()
		fmt.Println(e.Text, e.Type, e.Value, day.Format("2006-01-02"), precision)
	}
	// Output:
	// Friday DATE 2025-03-28 2025-03-28 day
	// next week DATE 2025-W15 2025-04-07 week
}

func ExampleFind_unanchored() {
	// Without a publication date relative expressions keep X placeholders.
	for _, e := range timex.Find("Talks resume on Monday, three years after the 2022 deal.", time.Time{}, timex.Unknown) {
		fmt.Println(e.Text, e.Type, e.Value, e.Anchored)
	}
	// Output:
	// Monday DATE XXXX-WXX-1 false
	// three years DURATION P3Y true
	// 2022 DATE 2022 true
}

func ExampleExpr_Day() {
	ref := time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC)
	e := timex.Find("Prices rose in the third quarter of 2024.", ref, timex.Past)[0]
	day, precision, ok := e.Day()
	fmt.Println(e.Value, day.Format("2006-01-02"), precision, ok)
	// Output:
	// 2024-Q3 2024-07-01 quarter true
}
