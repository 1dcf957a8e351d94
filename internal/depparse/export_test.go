package depparse

// ModelBytes returns the embedded model file, for the external tests.
func ModelBytes() []byte { return embedded }
