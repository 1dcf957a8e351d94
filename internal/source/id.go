package source

import (
	"crypto/sha256"
	"encoding/hex"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ID returns the stable id of a text: the first 16 hex digits of the SHA-256
// of the text in Unicode NFC with every run of white space collapsed to one
// space and the ends trimmed. Two copies of an article that differ only in
// line breaks, indentation or Unicode composition get the same id.
func ID(text string) string {
	if !norm.NFC.IsNormalString(text) {
		text = norm.NFC.String(text)
	}
	buf := make([]byte, 0, len(text))
	space := false
	for i := 0; i < len(text); {
		c := text[i]
		n := 1
		isSpace := false
		if c < utf8.RuneSelf {
			isSpace = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(text[i:])
			isSpace = unicode.IsSpace(r)
		}
		if isSpace {
			space = len(buf) > 0
		} else {
			if space {
				buf = append(buf, ' ')
				space = false
			}
			buf = append(buf, text[i:i+n]...)
		}
		i += n
	}
	sum := sha256.Sum256(buf)
	return hex.EncodeToString(sum[:8])
}
