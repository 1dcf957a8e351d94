package source

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	xunicode "golang.org/x/text/encoding/unicode"
)

// maxInvalidUTF8 is the share of invalid bytes above which a text is
// rejected instead of repaired: one in a hundred.
const maxInvalidUTF8 = 100

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decodeText turns raw bytes into valid UTF-8: it decodes UTF-16 with a byte
// order mark, drops a UTF-8 byte order mark, rejects binary content and
// repairs a few invalid UTF-8 bytes (each run becomes U+FFFD). Too many
// invalid bytes are an ErrInvalidUTF8 that names the first one.
func decodeText(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		data = data[len(bomUTF8):]
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		dec := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return "", fmt.Errorf("%w: bad UTF-16: %v", ErrInvalidUTF8, err)
		}
		data = out
	}
	if err := checkBinary(data); err != nil {
		return "", err
	}
	return repairUTF8(data)
}

// checkBinary reports ErrBinary for a NUL byte or for more than 5% of other
// control characters (tab, line feed, carriage return, form feed and
// vertical tab do not count).
func checkBinary(data []byte) error {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, i)
	}
	controls := 0
	for _, c := range data {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7f {
			controls++
		}
	}
	if controls > 0 && controls*20 > len(data) {
		return fmt.Errorf("%w: %d control bytes in %d", ErrBinary, controls, len(data))
	}
	return nil
}

// repairUTF8 returns data as a string, replacing each run of invalid UTF-8
// bytes with U+FFFD when fewer than 1% of the bytes are invalid.
func repairUTF8(data []byte) (string, error) {
	if utf8.Valid(data) {
		return string(data), nil
	}
	invalid, first := 0, -1
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			if first < 0 {
				first = i
			}
			invalid++
			i++
			continue
		}
		i += n
	}
	if invalid*maxInvalidUTF8 >= len(data) {
		return "", fmt.Errorf("%w at byte %d (%d of %d bytes invalid; is it Latin-1 or Windows-1252?)",
			ErrInvalidUTF8, first, invalid, len(data))
	}
	return strings.ToValidUTF8(string(data), "\uFFFD"), nil
}

// normalizeText cleans a decoded text: CRLF and CR become LF, form feeds and
// vertical tabs become line breaks, other control characters are dropped,
// every line is trimmed, runs of blank lines become one paragraph break
// ("\n\n") and the ends are trimmed. Single line breaks inside a paragraph
// are kept.
func normalizeText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	blank := 0 // blank lines seen since the last non-blank line
	for len(s) > 0 {
		i := strings.IndexAny(s, "\n\r\f\v")
		var line string
		if i < 0 {
			line, s = s, ""
		} else {
			line = s[:i]
			if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			s = s[i+1:]
		}
		line = strings.TrimSpace(dropControls(line))
		if line == "" {
			blank++
			continue
		}
		if b.Len() > 0 {
			if blank > 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		blank = 0
		b.WriteString(line)
	}
	return b.String()
}

// dropControls removes control characters other than tab.
func dropControls(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\t') || c == 0x7f {
			clean = false
			break
		}
	}
	if clean && !strings.ContainsRune(s, '\u0085') {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' {
			return r
		}
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
}

// maxTitleRunes is the longest first line taken as a title.
const maxTitleRunes = 150

// splitTitle takes the first line of a normalised text as its title when it
// is short, stands alone as a paragraph, does not end like a sentence or a
// clause, and is followed by a longer body (as in the BBC News files).
func splitTitle(text string) (title, body string) {
	i := strings.Index(text, "\n\n")
	if i < 0 {
		return "", text
	}
	first, rest := text[:i], text[i+2:]
	if strings.ContainsRune(first, '\n') || utf8.RuneCountInString(first) > maxTitleRunes {
		return "", text
	}
	if strings.ContainsAny(first[len(first)-1:], ".,;:") && !strings.HasSuffix(first, "...") {
		return "", text
	}
	if len(rest) < len(first) {
		return "", text
	}
	return first, rest
}
