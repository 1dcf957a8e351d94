package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-news/dyad/internal/record"
	"github.com/dyad-news/dyad/internal/store"
)

// gdeltColumns are the 61 columns of the GDELT 2.0 event table, in order.
// dyad fills those it has data for; the geography, tone and mention counts
// of GDELT's collection are left empty (counts are 1: one article).
var gdeltColumns = []string{
	"GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// eventLister is what the event exports need from a store.
type eventLister interface {
	Events(ctx context.Context, f store.EventFilter) ([]store.EventRow, error)
}

var _ eventLister = (*store.SQLite)(nil)

// eventsFunc is an eventLister made of a function (for tests).
type eventsFunc func(ctx context.Context, f store.EventFilter) ([]store.EventRow, error)

// Events calls fn.
func (fn eventsFunc) Events(ctx context.Context, f store.EventFilter) ([]store.EventRow, error) {
	return fn(ctx, f)
}

// leadChars is how far into an article an event counts as a root event
// (GDELT's IsRootEvent: from the lead paragraph).
const leadChars = 400

// exportGDELT writes events as tab-separated GDELT 2.0 event rows, one row
// per source–target pair of a compound event, with a header line.
func exportGDELT(ctx context.Context, st eventLister, f store.EventFilter, w io.Writer) error {
	rows, err := st.Events(ctx, f)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString(strings.Join(gdeltColumns, "\t") + "\n")
	id := 0
	for _, r := range rows {
		e := r.Event
		day, err := time.Parse("2006-01-02", e.Date)
		if err != nil {
			continue // GDELT rows need a date
		}
		srcs, tgts := sides(e.Source), sides(e.Target)
		for _, s := range srcs {
			for _, t := range tgts {
				id++
				col := make([]string, len(gdeltColumns))
				col[0] = strconv.Itoa(id)
				col[1] = day.Format("20060102")
				col[2] = day.Format("200601")
				col[3] = day.Format("2006")
				col[4] = strconv.FormatFloat(float64(day.Year())+float64(day.YearDay())/365, 'f', 4, 64)
				actorColumns(col[5:15], s)
				actorColumns(col[15:25], t)
				if e.Sentence.Start < leadChars {
					col[25] = "1"
				} else {
					col[25] = "0"
				}
				col[26] = e.CAMEO
				col[27] = e.CAMEO[:min(3, len(e.CAMEO))]
				col[28] = e.CAMEO[:min(2, len(e.CAMEO))]
				col[29] = strconv.Itoa(e.Quad)
				col[30] = strconv.FormatFloat(e.Goldstein, 'f', 1, 64)
				col[31], col[32], col[33] = "1", "1", "1"
				col[59] = day.Format("20060102") + "000000"
				col[60] = r.URL
				if col[60] == "" {
					col[60] = r.ArticleID
				}
				bw.WriteString(strings.Join(col, "\t") + "\n")
			}
		}
	}
	return bw.Flush()
}

// sides returns the actors of one side, or one empty actor when there are
// none, so that an event with no target still gives a row.
func sides(as []record.EventActor) []record.EventActor {
	if len(as) == 0 {
		return []record.EventActor{{}}
	}
	return as
}

// actorColumns fills the ten GDELT columns of one actor.
func actorColumns(col []string, a record.EventActor) {
	col[0] = a.Code
	col[1] = strings.ToUpper(a.Name)
	if col[1] == "" {
		col[1] = strings.ToUpper(a.Text)
	}
	col[2] = a.Country
	if a.Sector != "" {
		col[7] = a.Sector[:min(3, len(a.Sector))]
	}
}

// ploverActor is an actor in the PLOVER JSON form.
type ploverActor struct {
	ActorText string `json:"actorText"`
	Name      string `json:"name,omitempty"`
	Code      string `json:"code"`
	Country   string `json:"country,omitempty"`
	Sector    string `json:"sector"`
}

// ploverEvent is one event in the PLOVER JSON form (as the PLOVER gold
// records), plus CAMEO and dyad's evidence fields.
type ploverEvent struct {
	ID           string        `json:"id"`
	Date         string        `json:"date"`
	Source       []ploverActor `json:"source"`
	Target       []ploverActor `json:"target"`
	Event        string        `json:"event"`
	Mode         string        `json:"mode"`
	Context      string        `json:"context"`
	EventText    string        `json:"eventText"`
	Text         string        `json:"text"`
	CAMEO        string        `json:"cameo"`
	Goldstein    float64       `json:"goldstein"`
	Negated      bool          `json:"negated"`
	Hypothetical bool          `json:"hypothetical"`
	Article      string        `json:"article"`
	URL          string        `json:"url,omitempty"`
}

// exportPLOVER writes events as PLOVER JSON Lines, one event per line.
func exportPLOVER(ctx context.Context, st eventLister, f store.EventFilter, w io.Writer) error {
	rows, err := st.Events(ctx, f)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i, r := range rows {
		e := r.Event
		out := ploverEvent{ID: fmt.Sprintf("%s-%d", r.ArticleID, i), Date: e.Date, Event: e.Plover.Event,
			Mode: e.Plover.Mode, Context: e.Plover.Context, EventText: e.Trigger.Text, Text: r.Sentence,
			CAMEO: e.CAMEO, Goldstein: e.Goldstein, Negated: e.Negated, Hypothetical: e.Hypothetical,
			Article: r.ArticleID, URL: r.URL, Source: ploverActors(e.Source), Target: ploverActors(e.Target)}
		if err := enc.Encode(out); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func ploverActors(as []record.EventActor) []ploverActor {
	out := make([]ploverActor, 0, len(as))
	for _, a := range as {
		out = append(out, ploverActor{ActorText: a.Text, Name: a.Name, Code: a.Code, Country: a.Country, Sector: a.Sector})
	}
	return out
}
