package perceptron

import "golang.org/x/sys/cpu"

// useAVX2 says whether the processor and the operating system support AVX2.
var useAVX2 = cpu.X86.HasAVX2

// addTo adds src[i] to dst[i] for every i < len(src), eight at a time with
// AVX2 where there is some and four at a time with SSE otherwise (every
// amd64 processor has it). Each lane is the same IEEE single precision
// addition as Go's scalar float32 +, so the sums are exactly those of
// addToGeneric.
func addTo(dst, src []float32) {
	dst = dst[:len(src)] // the assembly trusts this length
	if useAVX2 {
		addAVX2(dst, src)
		return
	}
	addSSE(dst, src)
}

//go:noescape
func addSSE(dst, src []float32)

//go:noescape
func addAVX2(dst, src []float32)
