package source

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// langSample is how much of a text language detection looks at.
const langSample = 2048

// minLangConfidence is the whatlanggo confidence above which its answer is
// taken.
const minLangConfidence = 0.5

// englishStopwords are frequent English function words; in English news
// prose they make up 40–50% of the words, in other languages a few percent.
var englishStopwords = map[string]bool{}

func init() {
	for w := range strings.FieldsSeq(`the of and to a in is was for on that with as by at it
		from he his are be has have had said not but an this were they their which
		its or will who been would she her after also more than we about there one
		new when up all if can over into could our out two year you i them so what
		other no last some first may him most against before these only such under`) {
		englishStopwords[w] = true
	}
}

// detectLanguage returns the ISO 639-1 code of a text's language, or "" when
// it is not confident. English is recognised by its stopword ratio; other
// languages by whatlanggo's trigram model when it is confident enough.
func detectLanguage(text string) string {
	if len(text) > langSample {
		cut := langSample
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	words, stop := countStopwords(text)
	if words == 0 {
		return ""
	}
	if words >= 5 && stop*100 >= words*25 {
		return "en"
	}
	if words < 10 {
		return ""
	}
	info := whatlanggo.Detect(text)
	// Confidence is the margin between the two best languages; whatlanggo's
	// own threshold (0.8) turns down clear Russian paragraphs.
	if info.Confidence < minLangConfidence {
		return ""
	}
	return info.Lang.Iso6391()
}

// countStopwords counts the words of a text (runs of letters and
// apostrophes) and how many of them are English stopwords.
func countStopwords(text string) (words, stop int) {
	var low [8]byte // stopwords are at most 7 letters
	n, long := 0, false
	end := func() {
		if n > 0 || long {
			words++
			if !long && englishStopwords[string(low[:n])] {
				stop++
			}
		}
		n, long = 0, false
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', c == '\'':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			default:
				end()
				continue
			}
			if n < len(low) {
				low[n] = c
				n++
			} else {
				long = true
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if !unicode.IsLetter(r) {
			end()
			continue
		}
		long = true // not an English stopword, but part of a word
	}
	end()
	return words, stop
}
