// Package depparse is dyad's labelled dependency parser: a greedy
// transition-based parser (arc-hybrid, with the root token at the end of the
// buffer) scored by an averaged perceptron over hashed, non-local features in
// the style of Zhang & Nivre (2011), trained with a dynamic oracle and
// exploration (Goldberg & Nivre 2012, 2013).
//
// The model trained on UD English EWT is embedded in the binary and loaded
// once by Load. Parse works on one sentence of words with their tags;
// Annotate works on a doc.Doc that already has the POS layer:
//
//	p, err := depparse.Load()
//	if err != nil {
//		return err
//	}
//	words := []string{"Peskov", "said", "talks", "continue", "."}
//	upos := []string{"PROPN", "VERB", "NOUN", "VERB", "PUNCT"}
//	xpos := []string{"NNP", "VBD", "NNS", "VBP", "."}
//	heads := make([]int, len(words))
//	rels := make([]string, len(words))
//	p.Parse(words, upos, xpos, heads, rels)
//	// heads[1] == -1 (root), rels[0] == "nsubj", heads[0] == 1, ...
//
// Heads are 0-based indices within the sentence, -1 for the root. Parsing
// is linear in the sentence length.
//
// WithBeam gives a parser that decodes with a beam of k transition
// sequences instead of one; a model meant for it is trained with
// TrainOptions.Beam (`dyad train parser --beam K`), globally, as a
// structured perceptron with max-violation or early updates (Zhang & Nivre
// 2011; Huang, Fayong & Guo 2012). The embedded model is greedy, and so is
// dyad's pipeline.
//
// Train builds a new model from trees (FromCoNLLU converts CoNLL-U
// sentences); `dyad train parser` trains on EWT with jackknifed tags so that
// the parser learns from the tagger's mistakes. Prune drops small weights;
// Save and Read store a model as a gzip-compressed file with int16-quantised
// weights.
package depparse
