package tokenize

import (
	"context"

	"github.com/dyad-news/dyad/internal/doc"
)

// Stage is the tokeniser as the first stage of a pipeline: it fills the
// tokens and sentences of a doc.Doc made with doc.New.
type Stage struct {
	Options Options
}

// Name returns "tokenize".
func (Stage) Name() string { return "tokenize" }

// Requires returns nil: the tokeniser reads only the text.
func (Stage) Requires() []doc.Layer { return nil }

// Assigns lists the layers the tokeniser sets.
func (Stage) Assigns() []doc.Layer { return []doc.Layer{doc.LayerTokens, doc.LayerSentences} }

// Apply tokenises d.Text into d.
func (s Stage) Apply(_ context.Context, d *doc.Doc) error {
	t := Tokenize(d.ID, d.Text, s.Options)
	d.Tokens, d.MultiWords, d.Sentences = t.Tokens, t.MultiWords, t.Sentences
	return nil
}
