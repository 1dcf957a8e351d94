// Package record defines dyad's output records and their JSON form, the
// contract that scorers and users read (see ../shared/docs/CONTRACT.md):
// one Article object per input article, with entities, quotes and events
// whose offsets are Unicode code points into the article text.
//
// Records are built at the end of the pipeline from an annotated doc.Doc;
// this package converts the doc's byte offsets to code points in one place.
//
//	enc := json.NewEncoder(os.Stdout)
//	enc.Encode(record.Article{ID: "a1", Text: text, Entities: ents})
package record

// Span is a code-point range [Start, End) into the article text, with the
// text it covers.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Actor is who an entity or speaker resolves to in the actor knowledge base.
type Actor struct {
	ID      string `json:"id,omitempty"`
	Name    string `json:"name,omitempty"`
	Code    string `json:"code"`
	Country string `json:"country"`
	Sector  string `json:"sector"`
}

// Entity is one named-entity mention.
type Entity struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"` // PER, ORG, LOC, NORP, MISC
	Actor *Actor `json:"actor,omitempty"`
}

// Speaker is the mention a quote is attributed to and who it resolves to.
type Speaker struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Name  string `json:"name"`
	Actor *Actor `json:"actor,omitempty"`
}

// Quote is one attribution: the content span, how it is reported, the cue
// and the speaker.
type Quote struct {
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Text      string   `json:"text"`
	Kind      string   `json:"kind"` // direct, indirect, mixed
	Cue       *Span    `json:"cue"`
	Speaker   *Speaker `json:"speaker"`
	Addressee *Span    `json:"addressee,omitempty"`
	// Fragment marks a single word or short phrase in quotation marks
	// attributed to someone ("trashing him as "disrespectful"").
	Fragment bool `json:"fragment,omitempty"`
	// Sentence is the span of the sentence holding the cue (or the content).
	Sentence *SentenceSpan `json:"sentence,omitempty"`
}

// EventActor is one source or target actor of an event.
type EventActor struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
	Name    string `json:"name"`
	Code    string `json:"code"`
	Country string `json:"country"`
	Sector  string `json:"sector"`
}

// Plover is an event's PLOVER category, mode and context.
type Plover struct {
	Event   string `json:"event"`
	Mode    string `json:"mode"`
	Context string `json:"context"`
}

// Event is one coded event.
type Event struct {
	CAMEO        string       `json:"cameo"`
	Plover       Plover       `json:"plover"`
	Quad         int          `json:"quad"`
	Goldstein    float64      `json:"goldstein"`
	Source       []EventActor `json:"source"`
	Target       []EventActor `json:"target"`
	Trigger      Span         `json:"trigger"`
	Sentence     SentenceSpan `json:"sentence"`
	Negated      bool         `json:"negated"`
	Hypothetical bool         `json:"hypothetical"`
	Date         string       `json:"date"`
	Quote        *int         `json:"quote"`
}

// SentenceSpan is the code-point range of the sentence an event came from.
type SentenceSpan struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Article is the output object for one input article.
type Article struct {
	ID        string   `json:"id"`
	Published string   `json:"published"`
	Title     string   `json:"title,omitempty"`
	Source    string   `json:"source,omitempty"`
	URL       string   `json:"url,omitempty"`
	Text      string   `json:"text"`
	Entities  []Entity `json:"entities"`
	Quotes    []Quote  `json:"quotes"`
	Events    []Event  `json:"events"`
	// Error is set, and the lists are empty, when the article could not be
	// analysed; the batch goes on.
	Error string `json:"error,omitempty"`
}

// New returns an Article with empty (not null) lists, as the contract asks.
func New(id, published, text string) Article {
	return Article{ID: id, Published: published, Text: text,
		Entities: []Entity{}, Quotes: []Quote{}, Events: []Event{}}
}
