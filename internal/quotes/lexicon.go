package quotes

import "strings"

// verbClass tells what a reporting verb takes as its content.
type verbClass uint8

const (
	// speech verbs report words on their own ("say", "tell", "warn").
	speech verbClass = 1 << iota
	// inContext verbs report words only with a clause or a quotation
	// ("believe that", "hope that", "describe ... as "...""); without
	// a complement clause they are not speech.
	inContext
	// objContent verbs take what was said as their object ("denied the
	// report", "announced his candidacy").
	objContent
	// xcompContent verbs take it as an infinitive ("urged Congress to act",
	// "vowed to retaliate").
	xcompContent
	// label verbs attach a quoted fragment to someone ("called him
	// "dangerous"", "trashing him as "disrespectful"").
	label
)

// reportingVerbs maps a verb lemma to what it reports. Verbs that only
// report in context (a that-clause, a quotation) carry the context bit.
var reportingVerbs = map[string]verbClass{
	"say": speech, "tell": speech | xcompContent, "add": speech, "state": speech, "clarify": speech,
	"insist": speech, "note": speech, "warn": speech | xcompContent, "remark": speech,
	"suggest": speech | objContent, "claim": speech, "deny": speech | objContent,
	"announce": speech | objContent, "confirm": speech | objContent, "argue": speech,
	"explain": speech | objContent, "stress": speech, "urge": speech | xcompContent, "vow": speech | xcompContent,
	"declare": speech | objContent, "assert": speech, "acknowledge": speech | objContent,
	"admit": speech | objContent, "reply": speech, "respond": speech, "answer": speech,
	"comment": speech, "write": speech, "tweet": speech | objContent, "post": inContext,
	"ask": speech | xcompContent, "report": speech | objContent, "reveal": speech | objContent,
	"testify": speech, "threaten": speech | xcompContent, "promise": speech | xcompContent | objContent,
	"pledge": speech | xcompContent, "predict": speech | objContent, "recall": speech | objContent,
	"concede": speech, "complain": speech, "maintain": speech, "indicate": speech,
	"emphasize": speech, "emphasise": speech, "caution": speech, "contend": speech,
	"allege": speech, "observe": speech, "point": speech, "mention": speech, "continue": inContext,
	"conclude": speech, "proclaim": speech, "boast": speech, "brag": speech, "joke": speech,
	"quip": speech, "retort": speech, "scream": speech, "yell": speech,
	"whisper": speech, "exclaim": speech, "reiterate": speech, "repeat": speech, "affirm": speech,
	"agree": speech, "demand": speech, "propose": speech,
	"recommend": speech | objContent, "advise": speech, "inform": speech, "assure": speech,
	"reassure": speech, "notify": speech, "signal": speech, "hint": speech, "imply": speech,
	"counter": speech, "object": speech, "protest": speech, "charge": speech, "accuse": speech | label,
	"concur": speech, "disclose": speech, "divulge": speech,
	"forecast": speech, "estimate": inContext, "calculate": inContext, "specify": speech,
	"underline": speech, "underscore": speech, "highlight": speech, "tout": speech,
	"read": inContext, "wonder": speech, "sing": speech, "chant": speech, "jeer": speech, "mouth": speech, "shout": speech, "speculate": speech, "surmise": speech,
	"recount": speech, "describe": label, "call": label, "label": label, "brand": label,
	"dub": label, "term": label, "dismiss": label, "slam": label, "blast": label, "trash": label,
	"praise": label, "hail": label, "denounce": label, "condemn": label, "criticize": label,
	"criticise": label, "mock": label, "deride": label, "characterize": label, "characterise": label,
	"refer": label, "decry": label, "blame": label, "lambaste": label, "attack": label, "ridicule": label,
	"believe": inContext, "hope": inContext, "fear": inContext,
	"expect": inContext, "worry": inContext, "insinuate": speech, "muse": speech,
	"contest": speech, "dispute": speech | objContent, "reject": label | objContent,
	"question": speech, "plead": speech, "beg": speech, "order": speech | xcompContent,
	"instruct": speech | xcompContent, "encourage": speech | xcompContent, "invite": speech | xcompContent,
	"request": speech, "appeal": speech, "show": inContext, "find": label,
	"guarantee": speech, "swear": speech, "stipulate": speech, "rule": speech,
	"recognize": inContext, "recognise": inContext, "realize": inContext,
	"suspect": inContext, "doubt": inContext, "assume": inContext,
	"remind": speech, "preach": speech, "lament": speech, "regret": inContext, "welcome": inContext,
}

// reportingNouns are nouns that report what someone said ("Trump's
// remarks", "the ministry's statement that ...").
var reportingNouns = map[string]bool{
	"statement": true, "remark": true, "comment": true, "claim": true, "announcement": true,
	"warning": true, "assertion": true, "allegation": true, "suggestion": true, "promise": true,
	"pledge": true, "vow": true, "insistence": true, "denial": true, "admission": true,
	"argument": true, "declaration": true, "assurance": true, "threat": true, "tweet": true,
	"post": true, "speech": true, "interview": true, "testimony": true, "message": true,
	"proposal": true, "demand": true, "call": true, "appeal": true, "accusation": true,
	"charge": true, "confirmation": true, "explanation": true, "prediction": true, "report": true,
	"view": true, "belief": true, "position": true, "assessment": true, "words": true,
	"word": true, "response": true, "reply": true, "answer": true, "insinuation": true,
	"contention": true, "conclusion": true, "observation": true, "complaint": true,
	"criticism": true, "briefing": true, "letter": true, "op-ed": true,
}

// titleNouns name what is written rather than said: a quotation after one
// of them and a colon ("under the headline: "..."") is a title, not speech.
var titleNouns = map[string]bool{
	"headline": true, "headlines": true, "title": true, "titled": true, "entitled": true,
	"slogan": true, "slogans": true, "banner": true, "banners": true, "caption": true,
	"motto": true, "hashtag": true, "placard": true, "placards": true, "sign": true, "signs": true,
	"poster": true, "posters": true, "subtitle": true, "subheading": true,
}

// irregularVerbs maps inflected forms the tagger may lemmatise wrongly to
// their lemma.
var irregularVerbs = map[string]string{
	"said": "say", "says": "say", "saying": "say", "told": "tell", "tells": "tell", "telling": "tell",
	"wrote": "write", "written": "write", "writes": "write", "writing": "write",
	"thought": "think", "felt": "feel", "knew": "know", "known": "know", "swore": "swear",
	"sworn": "swear", "read": "read", "found": "find", "understood": "understand",
	"shown": "show", "proven": "prove", "forecast": "forecast", "foretold": "foretell",
	"besought": "beseech", "spoke": "speak", "spoken": "speak",
}

// verbLemma returns the lemma of a reporting verb form, trusting the
// tagger's lemma first and the word form second.
func verbLemma(form, lemma string) (string, verbClass, bool) {
	if c, ok := reportingVerbs[lemma]; ok {
		return lemma, c, true
	}
	lw := strings.ToLower(form)
	if l, ok := irregularVerbs[lw]; ok {
		if c, ok := reportingVerbs[l]; ok {
			return l, c, true
		}
	}
	for _, suf := range [...]string{"ed", "es", "s", "ing", "d"} {
		if strings.HasSuffix(lw, suf) {
			stem := lw[:len(lw)-len(suf)]
			for _, cand := range [...]string{stem, stem + "e", strings.TrimSuffix(stem, "i") + "y"} {
				if c, ok := reportingVerbs[cand]; ok && cand != "" {
					return cand, c, true
				}
			}
			if n := len(stem); n > 2 && stem[n-1] == stem[n-2] { // "admitted" → "admit"
				if c, ok := reportingVerbs[stem[:n-1]]; ok {
					return stem[:n-1], c, true
				}
			}
		}
	}
	return "", 0, false
}

// nounLemma returns the singular of a reporting noun, or "".
func nounLemma(form, lemma string) string {
	if reportingNouns[lemma] {
		return lemma
	}
	lw := strings.ToLower(form)
	if reportingNouns[lw] {
		return lw
	}
	if s := strings.TrimSuffix(lw, "s"); s != lw && reportingNouns[s] {
		return s
	}
	return ""
}

// speakerPronouns are the pronouns that can be the subject of a reporting
// verb.
var speakerPronouns = map[string]bool{
	"he": true, "she": true, "they": true, "i": true, "we": true, "you": true, "it": true,
}
