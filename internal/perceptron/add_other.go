//go:build !amd64

package perceptron

// addTo adds src[i] to dst[i] for every i < len(src).
func addTo(dst, src []float32) { addToGeneric(dst, src) }
