package hugemem

import (
	"runtime"
	"testing"
)

type pair struct {
	key uint32
	w   int16
}

func TestSlice(t *testing.T) {
	for _, n := range []int{0, 10, 1 << 20} { // the last is 8 MiB: mapped on Linux
		owner := new(int)
		s := Slice[pair](owner, n)
		if len(s) != n {
			t.Fatalf("len = %d, want %d", len(s), n)
		}
		for i := range s {
			if s[i] != (pair{}) {
				t.Fatalf("element %d not zero", i)
			}
			s[i] = pair{uint32(i), int16(i)}
		}
		for i := range s {
			if s[i].key != uint32(i) {
				t.Fatalf("element %d = %v", i, s[i])
			}
		}
		runtime.KeepAlive(owner)
	}
	runtime.GC() // the cleanup of the mapped slice runs without trouble
}
