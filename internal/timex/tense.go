package timex

import "strings"

// tenseWindow is how many tokens either side of an expression the tense
// guess looks at, inside its sentence.
const tenseWindow = 14

// guessTense looks for the nearest tense cue around tokens [i, j) within
// the sentence: future markers (will, 'll, due to, expected, plans), past
// markers (said, was, -ed verbs, ago) and present forms (is, are, says).
// Nearer cues win; on a tie the one before the expression wins.
func (s *scanner) guessTense(i, j int) Tense {
	best, bestDist := Unknown, 1<<30
	// Look left.
	for k, dist := i-1, 1; k >= 0 && dist <= tenseWindow; k, dist = k-1, dist+1 {
		if s.sentenceBreakBefore(k + 1) {
			break
		}
		if t := s.cue(k); t != Unknown {
			best, bestDist = t, dist
			break
		}
	}
	// Look right; a cue must be strictly nearer to win.
	for k, dist := j, 1; k < len(s.toks) && dist <= tenseWindow && dist < bestDist; k, dist = k+1, dist+1 {
		if s.sentenceBreakBefore(k) {
			break
		}
		if t := s.cue(k); t != Unknown {
			best = t
			break
		}
	}
	return best
}

// sentenceBreakBefore reports whether a sentence boundary lies just before
// token k: a line break, or ". ! ? ;" not after an abbreviation.
func (s *scanner) sentenceBreakBefore(k int) bool {
	if k <= 0 || k >= len(s.toks) {
		return k <= 0
	}
	if s.toks[k].nl {
		return true
	}
	p := s.toks[k-1]
	if p.k != kPunct {
		return false
	}
	switch p.low {
	case "!", "?", ";":
		return true
	case ".":
		if k >= 2 {
			prev := s.toks[k-2]
			if prev.k == kWord && (len(prev.low) <= 2 || monthAbbr[prev.low] || weekdayAbbr[prev.low]) {
				return false
			}
		}
		return true
	}
	return false
}

// cue returns the tense a word signals, or Unknown.
func (s *scanner) cue(k int) Tense {
	t := s.toks[k]
	if t.k != kWord {
		return Unknown
	}
	w := t.low
	switch {
	case w == "won" && s.punctAt(k+1, "'") && s.wordAt(k+2) == "t":
		return Future
	case w == "to":
		// "is to meet", "due to meet" are caught by their first word; "to"
		// alone is not a cue.
		return Unknown
	case futureCues[w]:
		if w == "set" || w == "expected" || w == "due" || w == "going" {
			// Only "set to", "expected to", "due to", "going to" are future.
			if s.wordAt(k+1) != "to" {
				if w == "expected" {
					return Past
				}
				return Unknown
			}
		}
		return Future
	case pastCues[w]:
		return Past
	case presentCues[w]:
		return Present
	case len(w) > 4 && strings.HasSuffix(w, "ed") && !notPastEd[w] && !t.cap:
		return Past
	}
	return Unknown
}
