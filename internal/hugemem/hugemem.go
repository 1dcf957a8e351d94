// Package hugemem allocates the large, randomly accessed weight tables of
// dyad's models (tagger, entity tagger, parser) so that lookups miss the TLB
// less: on Linux, in memory marked for transparent huge pages. Scoring a
// word reads a hundred or more slots at random in tens of megabytes; with
// 4 KiB pages nearly every read also walks the page tables. Measured on the
// parser: 59k → 80k tokens/s.
//
//	t := &table{}
//	t.slots = hugemem.Slice[slot](t, n) // released when t is collected
package hugemem

// minSize is the smallest slice, in bytes, worth its own mapping.
const minSize = 4 << 20
