package ner

import (
	"strings"
	"testing"
)

// TestTeamsInDocument runs the sports-team rules over invented documents.
// Each sentence is written as words with the model's labels attached
// ("Leeds/B-LOC"; a word without a label is O) and the wanted labels in
// the same form.
func TestTeamsInDocument(t *testing.T) {
	m, _ := mustLoad(t)
	for _, c := range []struct {
		name      string
		model     []string
		want      []string
		notSports bool
	}{
		{name: "results row", model: []string{
			"SOCCER - LEAGUE RESULTS .",
			"Leeds/B-LOC 2 Bristol/B-LOC 1",
		}, want: []string{
			"SOCCER - LEAGUE RESULTS .",
			"Leeds/B-ORG 2 Bristol/B-ORG 1",
		}},
		{name: "standings row with unknown names", model: []string{
			"Football league standings after Saturday 's matches :",
			"Wexcombe/B-PER 4 3 1 0 7 4 10",
			"Harlow/O Athletic/O 4 2 1 1 5 3 7",
		}, want: []string{
			"Football league standings after Saturday 's matches :",
			"Wexcombe/B-ORG 4 3 1 0 7 4 10",
			"Harlow/B-ORG Athletic/I-ORG 4 2 1 1 5 3 7",
		}},
		{name: "score after a comma and runs for wickets", model: []string{
			"CRICKET - COUNTY SCORES .",
			"Barchester/B-LOC 259 and 207 , Wessex/B-PER 108-3 .",
		}, want: []string{
			"CRICKET - COUNTY SCORES .",
			"Barchester/B-ORG 259 and 207 , Wessex/B-ORG 108-3 .",
		}},
		{name: "national sides stay places", model: []string{
			"SOCCER - FRIENDLY RESULT .",
			"France/B-LOC 2 England/B-LOC 1",
		}, want: []string{
			"SOCCER - FRIENDLY RESULT .",
			"France/B-LOC 2 England/B-LOC 1",
		}},
		{name: "golfer's round scores stay a person's", model: []string{
			"GOLF - LEADING SCORES .",
			"287 Ian/B-PER Woosnam/I-PER 70 76 71 70",
			"285 Gorka/B-PER Lazcano/I-PER 71 73 72 69",
		}, want: []string{
			"GOLF - LEADING SCORES .",
			"287 Ian/B-PER Woosnam/I-PER 70 76 71 70",
			"285 Gorka/B-PER Lazcano/I-PER 71 73 72 69",
		}},
		{name: "player with an initial in a scoreboard", model: []string{
			"CRICKET - SCOREBOARD .",
			"Barchester/B-LOC 259 ( T./B-PER Ormsby/I-PER 4-38 ) , J.Fenwick/B-PER 12",
		}, want: []string{
			"CRICKET - SCOREBOARD .",
			"Barchester/B-ORG 259 ( T./B-PER Ormsby/I-PER 4-38 ) , J.Fenwick/B-PER 12",
		}},
		{name: "match words", model: []string{
			"RUGBY - Barchester/B-LOC beat Wessex/O by 20 points .",
			"Wessex/O drew with Lyon/B-LOC last week .",
		}, want: []string{
			"RUGBY - Barchester/B-ORG beat Wessex/B-ORG by 20 points .",
			"Wessex/B-ORG drew with Lyon/B-ORG last week .",
		}},
		{name: "a team's player", model: []string{
			"SOCCER - Wexcombe/B-LOC striker Tom/B-PER Ormsby/I-PER and England/B-LOC captain Ian/B-PER Fenwick/I-PER scored .",
		}, want: []string{
			"SOCCER - Wexcombe/B-ORG striker Tom/B-PER Ormsby/I-PER and England/B-LOC captain Ian/B-PER Fenwick/I-PER scored .",
		}},
		{name: "headline in capitals", model: []string{
			"RUGBY - BARCHESTER BEAT WESSEX 42-36 .",
		}, want: []string{
			"RUGBY - BARCHESTER/B-ORG BEAT WESSEX/B-ORG 42-36 .",
		}},
		{name: "players beat each other", model: []string{
			"TENNIS - Ormsby/B-PER beat Fenwick/B-PER in straight sets .",
			"I lost my rhythm , \" Fenwick/B-PER said .",
		}, want: []string{
			"TENNIS - Ormsby/B-PER beat Fenwick/B-PER in straight sets .",
			"I lost my rhythm , \" Fenwick/B-PER said .",
		}},
		{name: "fixtures line: the team, then where it plays", model: []string{
			"BASEBALL - FRIDAY 'S SCHEDULE .",
			"CHICAGO/B-LOC AT DENVER/B-LOC",
		}, want: []string{
			"BASEBALL - FRIDAY 'S SCHEDULE .",
			"CHICAGO/B-ORG AT DENVER/B-LOC",
		}},
		{name: "team named elsewhere in the document", model: []string{
			"CRICKET - WESSEX/B-LOC CLOSE IN .",
			"BARCHESTER/B-LOC 1996-08-30",
			"Wessex/B-PER captain Tom/B-PER Ormsby/I-PER made 80 as Wessex/B-LOC closed on 429 .",
			"The match in Barchester/B-LOC ended early .",
			"Barchester/B-LOC 259 , Wessex/B-LOC 429-7 .",
		}, want: []string{
			"CRICKET - WESSEX/B-ORG CLOSE IN .",
			"BARCHESTER/B-LOC 1996-08-30",
			"Wessex/B-ORG captain Tom/B-PER Ormsby/I-PER made 80 as Wessex/B-ORG closed on 429 .",
			"The match in Barchester/B-LOC ended early .",
			"Barchester/B-ORG 259 , Wessex/B-ORG 429-7 .",
		}},
		{name: "a place the model took for a person", model: []string{
			"SOCCER - Chicago/B-LOC beat Lyon/B-LOC .",
			"Lyon/B-PER , a defender , scored twice .",
			"Chicago/B-PER won again .",
		}, want: []string{
			"SOCCER - Chicago/B-ORG beat Lyon/B-ORG .",
			"Lyon/B-ORG , a defender , scored twice .",
			"Chicago/B-ORG won again .",
		}},
		{name: "a name next to a match word stays a person's elsewhere", model: []string{
			"SOCCER - Wexcombe/O beat Harlow/O .",
			"Wexcombe/B-PER scored twice .",
		}, want: []string{
			"SOCCER - Wexcombe/B-ORG beat Harlow/B-ORG .",
			"Wexcombe/B-PER scored twice .",
		}},
		{name: "a club's first word alone", model: []string{
			"SOCCER - Real/O Madrid/O drew at home .",
			"A late goal earned Real a point .",
		}, want: []string{
			"SOCCER - Real/B-ORG Madrid/I-ORG drew at home .",
			"A late goal earned Real/B-ORG a point .",
		}},
		{name: "a club's first word that is a place", model: []string{
			"SOCCER - RESULTS .",
			"Manchester/B-LOC United/O 2 Wexcombe/B-PER 1",
			"He grew up near Manchester .",
		}, want: []string{
			"SOCCER - RESULTS .",
			"Manchester/B-ORG United/I-ORG 2 Wexcombe/B-ORG 1",
			"He grew up near Manchester .",
		}},
		{name: "group and date before a number", model: []string{
			"SOCCER - Group 5 qualifier on August 30 .",
			"Attendance : 2,000",
		}, want: []string{
			"SOCCER - Group 5 qualifier on August 30 .",
			"Attendance : 2,000",
		}},
		{name: "not a sports document", notSports: true, model: []string{
			"Leeds/B-LOC 2 Bristol/B-LOC 1",
			"Prices rose in Leeds/B-LOC .",
			"Sales fell in Bristol/B-LOC .",
		}, want: []string{
			"Leeds/B-LOC 2 Bristol/B-LOC 1",
			"Prices rose in Leeds/B-LOC .",
			"Sales fell in Bristol/B-LOC .",
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			words, labels := make([][]string, len(c.model)), make([][]string, len(c.model))
			for i, s := range c.model {
				words[i], labels[i] = parseLabelled(s)
			}
			if got := sportsDocument(words); got == c.notSports {
				t.Errorf("sportsDocument = %v, want %v", got, !c.notSports)
			}
			m.teamsInDocument(words, labels)
			for i := range words {
				if got := formatLabelled(words[i], labels[i]); got != c.want[i] {
					t.Errorf("sentence %d:\n got %s\nwant %s", i, got, c.want[i])
				}
			}
		})
	}
}

// parseLabelled reads "Leeds/B-LOC 2" into words and IOB2 labels.
func parseLabelled(s string) (words, labels []string) {
	for _, f := range strings.Fields(s) {
		w, l, ok := strings.Cut(f, "/")
		if !ok || (!strings.HasPrefix(l, "B-") && !strings.HasPrefix(l, "I-") && l != "O") {
			w, l = f, "O"
		}
		words, labels = append(words, w), append(labels, l)
	}
	return words, labels
}

// formatLabelled writes words and labels as parseLabelled reads them,
// leaving out the label of words outside entities whose model label was
// O and that are not capitalised.
func formatLabelled(words, labels []string) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
		if labels[i] != "O" {
			b.WriteString("/" + labels[i])
		}
	}
	return b.String()
}

func TestSportsDocument(t *testing.T) {
	for _, c := range []struct {
		name string
		doc  []string
		want bool
	}{
		{"sport in the headline", []string{"CRICKET - COUNTY SCORES .", "Rain stopped play ."}, true},
		{"shared word in the headline", []string{"Ministers set climate goals .", "Kyiv won back two villages ."}, false},
		{"sport in the body", []string{"Late winner .", "The striker scored in the league match .", "It rained ."}, true},
		{"one sports word in a long document", append([]string{"The budget .", "The striker left ."}, strings.Split(strings.Repeat("Taxes rose .|", 20), "|")...), false},
		{"shared words only", []string{"Arab League meets .", "The league 's goals ."}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			words := make([][]string, len(c.doc))
			for i, s := range c.doc {
				words[i] = strings.Fields(s)
			}
			if got := sportsDocument(words); got != c.want {
				t.Errorf("sportsDocument = %v, want %v", got, c.want)
			}
		})
	}
}

func TestScores(t *testing.T) {
	for _, c := range []struct {
		w                        string
		score, runs, table, date bool
	}{
		{w: "7", score: true, table: true},
		{w: "429", score: true, table: true},
		{w: "2000"},
		{w: "108-3", runs: true},
		{w: "2-1", runs: true},
		{w: "1996-08-30", date: true},
		{w: ".556", table: true},
		{w: "1/2", table: true},
		{w: "2,000"},
		{w: "7th"},
	} {
		if got := isScore(c.w); got != c.score {
			t.Errorf("isScore(%q) = %v", c.w, got)
		}
		if got := isRunsScore(c.w); got != c.runs {
			t.Errorf("isRunsScore(%q) = %v", c.w, got)
		}
		if got := isTableNumber(c.w); got != c.table {
			t.Errorf("isTableNumber(%q) = %v", c.w, got)
		}
		if got := isDate(c.w); got != c.date {
			t.Errorf("isDate(%q) = %v", c.w, got)
		}
	}
}
