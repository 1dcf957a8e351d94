package events

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-news/dyad/internal/shareddata"

	"github.com/dyad-news/dyad/internal/actors"
	"github.com/dyad-news/dyad/internal/doc"
)

type petrRecords struct {
	Sentences []petrSentence `xml:"Sentences>Sentence"`
}

type petrSentence struct {
	ID      string       `xml:"id,attr"`
	Date    string       `xml:"date,attr"`
	Codings []petrCoding `xml:"EventCoding"`
	Text    string       `xml:"Text"`
}

type petrCoding struct {
	Source string `xml:"sourcecode,attr"`
	Target string `xml:"targetcode,attr"`
	Event  string `xml:"eventcode,attr"`
}

// TestPetrarchUnitRecords runs the PETRARCH-2 unit-test records, with the
// fictional actors of their validation dictionary imported into a user
// dictionary, and prints how many expected events dyad reproduces. The
// records test PETRARCH's own validation verb dictionary, whose codes are
// often not CAMEO's reading of the verb, so the count is reported, not
// required; the test fails only if nothing at all is reproduced.
func TestPetrarchUnitRecords(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs the whole pipeline on 284 records")
	}
	dir := shareddata.Dir(t, "events", "petrarch2")
	user := t.TempDir()
	for _, name := range []string{"PETR.Validate.actors.txt", "PETR.Validate.agents.txt"} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		d, err := actors.ImportPetrarch(f, name)
		f.Close()
		if err != nil {
			t.Fatalf("import %s: %v", name, err)
		}
		if _, err := d.Write(user); err != nil {
			t.Fatalf("write %s: %v", name, err)
		}
	}
	kb, err := actors.WithUserDir(user)
	if err != nil {
		t.Fatalf("knowledge base with the PETRARCH actors: %v", err)
	}
	u, err := newUpstream(kb)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "PETR.UnitTest.records.xml"))
	if err != nil {
		t.Fatal(err)
	}
	var recs petrRecords
	if err := xml.Unmarshal(b, &recs); err != nil {
		t.Fatalf("PETR.UnitTest.records.xml: %v", err)
	}
	expected, exact, root, category, dyad := 0, 0, 0, 0, 0
	for _, s := range recs.Sentences {
		text := strings.Join(strings.Fields(s.Text), " ")
		date := s.Date
		if len(date) == 8 {
			date = date[:4] + "-" + date[4:6] + "-" + date[6:]
		}
		d := u.analyse(t, text, date)
		if os.Getenv("PETR_DEBUG") != "" { // PETR_DEBUG=1 logs every record: expected and coded events
			var got []string
			for _, e := range d.Events {
				got = append(got, format(d, e))
			}
			var ents []string
			for _, e := range d.Entities {
				code := "-"
				if e.Actor != nil {
					code = e.Actor.Code
				}
				ents = append(ents, d.Text[e.Start:e.End]+"="+code)
			}
			t.Logf("%s want %v got %v ents %v\n  %s", s.ID, s.Codings, got, ents, text)
		}
		for _, c := range s.Codings {
			if c.Event == "" || c.Source == "" {
				continue
			}
			expected++
			bestExact, bestRoot, bestCat, bestDyad := false, false, false, false
			for _, e := range d.Events {
				srcOK := hasCode(e.Source, c.Source)
				tgtOK := c.Target == "---" || hasCode(e.Target, c.Target)
				bestDyad = bestDyad || srcOK && tgtOK
				if e.CAMEO[:2] == strings.TrimLeft(c.Event, " ")[:min(2, len(c.Event))] {
					bestCat = true
					if srcOK && tgtOK {
						bestRoot = true
						if e.CAMEO == c.Event {
							bestExact = true
						}
					}
				}
			}
			exact += b2i(bestExact)
			root += b2i(bestRoot)
			category += b2i(bestCat)
			dyad += b2i(bestDyad)
		}
	}
	t.Logf("PETRARCH-2 unit-test records: %d sentences, %d expected events; dyad reproduces %d exactly (code, source, target), %d with the right root, source and target, %d with the right root, %d with the right source and target (any code)",
		len(recs.Sentences), expected, exact, root, category, dyad)
	if root == 0 {
		t.Errorf("no expected event reproduced")
	}
}

// hasCode reports whether an actor of as has code, compared as PETRARCH
// does: the expected code is a prefix of the coded one ("ARN" matches
// "ARNGOV").
func hasCode(as []doc.EventActor, code string) bool {
	for _, a := range as {
		if a.Actor != nil && strings.HasPrefix(a.Actor.Code, code) {
			return true
		}
	}
	return false
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
