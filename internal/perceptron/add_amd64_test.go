package perceptron

// addImpls are the vector additions this processor can run, for TestAddTo.
var addImpls = func() []addImpl {
	impls := []addImpl{{"addTo", addTo}, {"SSE", func(d, s []float32) { addSSE(d[:len(s)], s) }}}
	if useAVX2 {
		impls = append(impls, addImpl{"AVX2", func(d, s []float32) { addAVX2(d[:len(s)], s) }})
	}
	return impls
}()
