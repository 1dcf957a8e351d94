package depparse

import (
	"context"

	"github.com/dyad-news/dyad/internal/doc"
)

// Name returns "parse": the parser is a pipeline stage (see internal/pipeline).
func (p *Parser) Name() string { return "parse" }

// Requires lists the layers the parser reads.
func (p *Parser) Requires() []doc.Layer {
	return []doc.Layer{doc.LayerTokens, doc.LayerSentences, doc.LayerPOS}
}

// Assigns lists the layers the parser sets.
func (p *Parser) Assigns() []doc.Layer { return []doc.Layer{doc.LayerDeps} }

// Apply parses d (see Annotate).
func (p *Parser) Apply(_ context.Context, d *doc.Doc) error { return p.Annotate(d) }
