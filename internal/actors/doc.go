// Package actors is dyad's actor knowledge base: countries and territories
// with their names, adjectives, demonyms, capitals, metonyms ("the Kremlin")
// and regions; intergovernmental organisations and their bodies; people with
// dated roles; parties, news media and other organisations; cities; given
// names; and agent words ("minister", "troops") mapped to CAMEO sectors.
//
// The dictionaries are human-editable text files under data/ (their formats
// are documented in data/README.md), embedded in the binary. Default loads
// them once, together with the user directories named by $DYAD_ACTORS;
// Load reads any set of file systems with the same layout, and
// ImportPetrarch converts PETRARCH/Phoenix dictionaries (`dyad dict
// import`).
//
// Resolution is date-aware: a name gets the role it held on the article's
// publication date, and a description with a country and a title resolves
// to that country and sector, or to the person holding the office then.
//
//	kb, err := actors.Default()
//	if err != nil { ... }
//	day := time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC)
//	a, _ := kb.Resolve("Trump", day)                    // USAGOV, "President"
//	a, _ = kb.Resolve("Trump", day.AddDate(-9, 0, 0))   // 2016: USAPTY, candidate
//	a, _ = kb.Describe([]string{"the", "Kremlin"}, day) // RUSGOV
//	a, _ = kb.Describe(strings.Fields("the Russian president"), day) // Vladimir Putin
//	a, _ = kb.Describe(strings.Fields("a Hungarian official"), day)  // HUNGOV
//	ms := kb.Match([]string{"Putin", "met", "NATO", "officials"})    // gazetteer matches for NER
//
// Match is a longest-match gazetteer over tokenised words (one map lookup per
// word), meant to be used as a feature by the named-entity recogniser.
package actors
