package source

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// jsonRecord is one line of a JSON Lines input. Only Text is required.
type jsonRecord struct {
	ID        json.RawMessage `json:"id"`
	Text      *string         `json:"text"`
	Published string          `json:"published"`
	Title     string          `json:"title"`
	Source    string          `json:"source"`
	URL       string          `json:"url"`
	Authors   []string        `json:"authors"`
	Language  string          `json:"language"`
}

// readJSONL reads one article per line. A bad line yields an *Error with its
// line number and reading goes on with the next line.
func (r *reader) readJSONL(br *bufio.Reader) {
	limit := r.opts.maxRecordBytes()
	var buf []byte
	for line := 1; ; line++ {
		if r.cancelled() {
			return
		}
		var over bool
		var err error
		buf, over, err = readLine(br, buf[:0], limit)
		if err != nil && err != io.EOF {
			r.fail(line, 0, streamError(err))
			return
		}
		if over {
			if !r.fail(line, 0, tooLarge(-1, limit)) {
				return
			}
		} else if len(bytes.TrimSpace(buf)) > 0 {
			a, perr := r.parseJSONLine(buf, line)
			if perr != nil {
				if !r.fail(line, 0, perr) {
					return
				}
			} else if !r.emit(a) {
				return
			}
		}
		if err == io.EOF {
			return
		}
	}
}

// readLine reads one line (without its line break) into buf. A line longer
// than limit is skipped to its end and reported with over set.
func readLine(br *bufio.Reader, buf []byte, limit int64) (_ []byte, over bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !over {
			if int64(len(buf)+len(chunk)) > limit+1 { // +1: the '\n'
				over = true
				buf = buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil:
			buf = bytes.TrimRight(buf, "\r\n")
			return buf, over, nil
		default:
			if err == io.EOF && len(buf) == 0 && !over {
				return buf, false, io.EOF
			}
			buf = bytes.TrimRight(buf, "\r\n")
			return buf, over, err
		}
	}
}

// parseJSONLine turns one JSON line into an article.
func (r *reader) parseJSONLine(data []byte, line int) (Article, error) {
	if line == 1 {
		data = bytes.TrimPrefix(data, bomUTF8)
	}
	s, err := repairUTF8(data)
	if err != nil {
		return Article{}, err
	}
	var rec jsonRecord
	dec := json.NewDecoder(strings.NewReader(s))
	if err := dec.Decode(&rec); err != nil {
		return Article{}, fmt.Errorf("%w JSON: %v", ErrMalformed, jsonErrorText(err))
	}
	if dec.More() {
		return Article{}, fmt.Errorf("%w JSON: more than one value on the line", ErrMalformed)
	}
	if rec.Text == nil {
		return Article{}, fmt.Errorf("%w JSON: no \"text\" field", ErrMalformed)
	}
	// The text is kept exactly as given: the records dyad writes carry
	// offsets into it, and users (and scorers) align them with their own
	// copy of the text.
	text := *rec.Text
	if strings.TrimSpace(text) == "" {
		return Article{}, fmt.Errorf("%w: \"text\" is empty", ErrEmpty)
	}
	id, err := jsonID(rec.ID)
	if err != nil {
		return Article{}, err
	}
	a := Article{
		ID:       id,
		URL:      strings.TrimSpace(rec.URL),
		Source:   cleanLine(rec.Source),
		Title:    cleanLine(rec.Title),
		Language: strings.ToLower(strings.TrimSpace(rec.Language)),
		Text:     text,
		Origin:   r.origin + ":" + strconv.Itoa(line),
		Format:   "jsonl",
	}
	for _, au := range rec.Authors {
		if au = cleanLine(au); au != "" {
			a.Authors = append(a.Authors, au)
		}
	}
	if p := strings.TrimSpace(rec.Published); p != "" {
		t, hasTime, err := parseDate(p)
		if err != nil {
			return Article{}, fmt.Errorf("%w: \"published\": %v", ErrMalformed, err)
		}
		a.Published, a.HasTime = t, hasTime
	}
	return a, nil
}

// jsonErrorText makes encoding/json's messages say where on the line.
func jsonErrorText(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v (column %d)", err, se.Offset)
	}
	if err == io.EOF {
		return "no value"
	}
	return err.Error()
}

// jsonID accepts a string or a number as id.
func jsonID(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	if raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf("%w JSON: \"id\": %v", ErrMalformed, err)
		}
		return strings.TrimSpace(s), nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err != nil {
		return "", fmt.Errorf("%w JSON: \"id\" must be a string or a number", ErrMalformed)
	}
	return n.String(), nil
}

// dateLayouts are the accepted publication dates, with whether they carry a
// time of day.
var dateLayouts = []struct {
	layout  string
	hasTime bool
}{
	{"2006-01-02", false},
	{time.RFC3339Nano, true},
	{"2006-01-02T15:04Z07:00", true},
	{"2006-01-02T15:04:05", true},
	{"2006-01-02T15:04", true},
	{"2006-01-02 15:04:05Z07:00", true},
	{"2006-01-02 15:04:05", true},
	{time.RFC1123Z, true},
	{time.RFC1123, true},
}

// parseDate reads a date (YYYY-MM-DD, no time) or a timestamp (RFC 3339 and
// near variants; its zone is kept, UTC when it has none).
func parseDate(s string) (time.Time, bool, error) {
	for _, l := range dateLayouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			return t, l.hasTime, nil
		}
	}
	return time.Time{}, false, fmt.Errorf("cannot read %q as YYYY-MM-DD or RFC 3339", s)
}
