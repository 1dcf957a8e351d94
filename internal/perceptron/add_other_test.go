//go:build !amd64

package perceptron

// addImpls are the vector additions this processor can run, for TestAddTo.
var addImpls = []addImpl{{"addTo", addTo}}
