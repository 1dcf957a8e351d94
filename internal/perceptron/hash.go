package perceptron

// Feature hashing. Every feature is a uint64 built from small integer template
// ids and string "atoms" (a word, a suffix, a shape) without concatenating
// strings: a stage hashes each atom once per token with String or Bytes and
// combines the results with Mix.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// String returns a 64-bit hash of s under seed (FNV-1a followed by a
// splitmix64 finaliser, so that nearby strings spread over the whole range).
// It is deterministic across runs and platforms.
func String(seed uint64, s string) uint64 {
	h := uint64(fnvOffset) ^ seed*0x9e3779b97f4a7c15
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return finalise(h)
}

// Lower returns String(seed, strings.ToLower(s)) for ASCII letters without
// allocating; other bytes are hashed as they are.
func Lower(seed uint64, s string) uint64 {
	h := uint64(fnvOffset) ^ seed*0x9e3779b97f4a7c15
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= fnvPrime
	}
	return finalise(h)
}

// Mix combines two hashes (or a template id and a hash) into one.
func Mix(a, b uint64) uint64 {
	return finalise(a*0x9e3779b97f4a7c15 ^ (b + 0x632be59bd9b4e019 + (a << 6) + (a >> 2)))
}

// Mix3 combines three values.
func Mix3(a, b, c uint64) uint64 { return Mix(Mix(a, b), c) }

func finalise(z uint64) uint64 {
	z ^= z >> 30
	z *= 0xbf58476d1ce4e5b9
	z ^= z >> 27
	z *= 0x94d049bb133111eb
	z ^= z >> 31
	return z
}
