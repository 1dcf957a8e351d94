package perceptron

// addToGeneric adds src[i] to dst[i] for every i < len(src): the reference
// for addTo.
func addToGeneric(dst, src []float32) {
	dst = dst[:len(src)]
	for i, x := range src {
		dst[i] += x
	}
}
