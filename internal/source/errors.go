package source

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors wrapped by *Error; check them with errors.Is.
var (
	// ErrEmpty means the input or record holds no text (empty, whitespace
	// only, or nothing left after main-text extraction).
	ErrEmpty = errors.New("empty")
	// ErrBinary means the input is not text (NUL bytes, control characters).
	ErrBinary = errors.New("binary content")
	// ErrTooLarge means the input or record is above the size limit; the
	// message names the limit.
	ErrTooLarge = errors.New("too large")
	// ErrMalformed means the input does not follow its format (bad JSON line,
	// unparsable feed, bad WARC header).
	ErrMalformed = errors.New("malformed")
	// ErrTruncated means the input ends in the middle of a record or of a
	// gzip member.
	ErrTruncated = errors.New("truncated")
	// ErrInvalidUTF8 means the text has too many invalid UTF-8 bytes to be
	// repaired; the message names the offset of the first one.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrUnsupported means the content is of a kind no reader handles.
	ErrUnsupported = errors.New("unsupported format")
	// ErrFetch means an HTTP request failed or returned a non-2xx status.
	ErrFetch = errors.New("fetch failed")
)

// Error is a problem with one input or one record of it. Origin is the path
// or URL; Line (JSON Lines) and Record (feed entries, WARC records) are
// 1-based and zero when they do not apply.
type Error struct {
	Origin string
	Line   int
	Record int
	Err    error
}

// Error formats the error as "origin:line: what" or "origin#record: what".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Origin)
	if e.Line > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(e.Line))
	}
	if e.Record > 0 {
		b.WriteByte('#')
		b.WriteString(strconv.Itoa(e.Record))
	}
	b.WriteString(": ")
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	} else {
		b.WriteString("unknown error")
	}
	return b.String()
}

// Unwrap returns the wrapped error, so that errors.Is finds the sentinels.
func (e *Error) Unwrap() error { return e.Err }
