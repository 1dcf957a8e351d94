//go:build !linux

package hugemem

// Slice returns a zeroed slice of n values of T (owner is unused off Linux).
func Slice[T, O any](owner *O, n int) []T { return make([]T, n) }
