package tagger

import (
	"context"

	"github.com/dyad-news/dyad/internal/doc"
)

// Name returns "tag": the model is a pipeline stage (see internal/pipeline).
func (m *Model) Name() string { return "tag" }

// Requires lists the layers the tagger reads.
func (m *Model) Requires() []doc.Layer { return []doc.Layer{doc.LayerTokens, doc.LayerSentences} }

// Assigns lists the layers the tagger sets.
func (m *Model) Assigns() []doc.Layer { return []doc.Layer{doc.LayerPOS, doc.LayerLemmas} }

// Apply tags and lemmatises d (see Annotate).
func (m *Model) Apply(_ context.Context, d *doc.Doc) error { return m.Annotate(d) }
