// Package tokenize splits raw text into sentences and the words of UD
// English (the conventions of the English Web Treebank, EWT v2.16), and
// creates the doc.Doc that every later dyad stage annotates.
//
// Tokens point into the original text by byte offsets. Clitics become
// multiword tokens as in EWT: "don't" → "do" "n't", "I'm" → "I" "'m",
// "cannot" → "can" "not", "Russia's" → "Russia" "'s", "the Beatles'" →
// "Beatles" "'"; each word gets its own sub-span of the orthographic token.
// Hyphenated words are split ("well - known") except after prefixes such as
// "non-" and "anti-", as EWT does. Abbreviations and titles ("Mr.", "U.S.",
// "Sept.", "e.g.", "Inc."), initials, numbers ("1,200.50", "3:30", "3.5"),
// URLs, e-mail addresses, @handles, #hashtags and emoticons stay whole;
// currency signs, "%", and units written against a number ("$4.5bn",
// "9am") are split off. The period of an abbreviation that also ends a
// sentence is a word of its own ("... the U.S." → "U.S" "."), as in EWT.
//
// Sentences: blank lines end paragraphs (and sentences), and inside a
// paragraph rules plus a small linear model trained on EWT train decide
// where sentences end, including after quotations ('"We are ready." He
// left.' is two sentences; '"... relations," Peskov stated.' is one).
// Options.Lines says what a single line break means: whitespace (LinesSoft,
// for hard-wrapped prose), the end of a sentence that may itself hold
// several (LinesEnd, for one paragraph or one sentence per line and
// headlines without a full stop), or either, chosen by looking at the text
// (LinesAuto, see Wrapped). With Options.LineBreaksEndSentences each line is
// exactly one sentence (text split into sentences beforehand).
//
// The word lists and the boundary model in data/ are derived from the EWT
// train split only (see the comments in each file, and
// splitter_train_test.go to retrain the model).
//
// Example:
//
//	d := tokenize.Tokenize("a1", `"We are ready." He didn't say more.`, tokenize.Options{})
//	for i := range d.Sentences {
//		fmt.Println(strings.Join(d.Words(i), " "))
//	}
//	// Output:
//	// " We are ready . "
//	// He did n't say more .
//
// WriteCoNLLU writes a tokenised (and possibly tagged and parsed) Doc as
// CoNLL-U for `dyad parse --in text --out conllu`.
package tokenize
