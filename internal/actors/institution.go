package actors

// institutions are the agent nouns that name a body of people rather than
// one office holder: "the government" of a place is one body, while "the
// president" is a person to be found.
var institutions = map[string]bool{
	"government": true, "authorities": true, "administration": true,
	"police": true, "army": true, "military": true, "troops": true, "forces": true, "navy": true,
	"officials": true, "ministry": true, "parliament": true, "court": true, "courts": true,
	"judiciary": true, "prosecutors": true, "protesters": true, "demonstrators": true,
	"rebels": true, "militants": true, "insurgents": true, "opposition": true, "lawmakers": true,
	"legislators": true, "senate": true, "cabinet": true, "soldiers": true, "guards": true,
	"coastguard": true, "regime": true, "junta": true,
}

// Institution reports whether the lower-case noun w names a body of people
// of a country (the government, the army, the police, officials) rather
// than a single office holder.
func Institution(w string) bool { return institutions[w] }
